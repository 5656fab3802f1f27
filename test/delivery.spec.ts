import { FANOUT_ADMIN, FANOUT_CAMPAIGN, startFanoutWorld, teamIdOf, type FanoutWorld } from './support/fanout-world';
import { duplicatePosts, postsByChannel, type TeamsConnectorRecord } from './support/teams-connector';
import { messages } from '../core/messages';

const de = messages('de');
const CHANNELS = 60;
const GONE_TEAM = teamIdOf(7);
const adminChat = `a:personal-${FANOUT_ADMIN}`;
let world: FanoutWorld;
let seen: TeamsConnectorRecord;

jest.setTimeout(60_000);

beforeAll(async () => {
  world = await startFanoutWorld({
    channels: CHANNELS,
    connector: { tenantRate: 50, inject429: 0.1, inject503: 0.05, injectDrop: 0.05, seed: 7, forbidden: [GONE_TEAM] },
  });
  await world.postDueItem();
  seen = await world.connector.record();
});

afterAll(async () => {
  await world.stop();
});

describe('fan-out of one campaign item through the Teams-like connector with injected faults', () => {
  test('faults were actually injected and answered with retries', () => {
    const s = seen.stats;
    expect(s.injected429).toBeGreaterThan(0);
    expect(s.injected503).toBeGreaterThan(0);
    expect(s.dropped).toBeGreaterThan(0);
  });

  test('posts the item exactly once into every channel the bot can still reach', () => {
    const posts = postsByChannel(seen.delivered);
    expect(posts.size).toBe(CHANNELS - 1);
    expect(posts.has(GONE_TEAM)).toBe(false);
    for (const perItem of posts.values()) expect([...perItem.values()]).toEqual([1]);
    expect(duplicatePosts(seen.delivered)).toBe(0);
  });

  test('records every slot as posted, except the team that answered 403, which is skipped with the reason', async () => {
    const history = await world.storage.scheduleLedger.history(FANOUT_CAMPAIGN);
    expect(history).toHaveLength(CHANNELS);
    expect(history.filter((e) => e.status === 'posted')).toHaveLength(CHANNELS - 1);
    const gone = history.find((e) => e.teamId === GONE_TEAM);
    expect(gone).toMatchObject({ status: 'skipped' });
    expect(gone?.reason).toMatch(/403/);
  });

  test('marks the team that answered 403 inactive, so later slots no longer target it', async () => {
    expect((await world.storage.installations.getTeam(GONE_TEAM))?.active).toBe(false);
    expect((await world.storage.installations.activeTeams()).map((t) => t.teamId)).not.toContain(GONE_TEAM);
  });

  test('shows the admin a progress card in the personal chat and replaces it with a summary naming the failure', () => {
    const toAdmin = seen.delivered.filter((d) => d.conversationId === adminChat);
    const first = toAdmin[0];
    const last = toAdmin.at(-1);
    expect(first?.kind).toBe('send');
    expect(JSON.stringify(first?.activity)).toContain(`von ${CHANNELS} Kanälen gepostet`);
    expect(last?.kind).toBe('update');
    expect(last?.activityId).toBe(first?.activityId);
    const summary = JSON.stringify(last?.activity);
    expect(summary).toContain(de.fanoutProgress(CHANNELS - 1, CHANNELS));
    expect(summary).toContain(de.fanoutFailuresTitle(1));
    expect(summary).toContain('Team 00007 › General');
    expect(summary).toContain(de.fanoutFailureGone);
  });
});
