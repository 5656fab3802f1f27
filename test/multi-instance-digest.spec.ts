import { messages } from '../core/messages';
import { ADMIN, startBotHarness, TEAM, type BotHarness, type Person } from './support/bot-harness';
import type { RosterMember } from './support/teams-connector';
import { cardTexts } from './support/card-nodes';

/**
 * Three bot instances against one storage (embedded Azurite) and one Teams stand-in, all running the weekly digest
 * at the same moments: every leader gets exactly one digest for the week.
 */

const de = messages('de');
const LEADERS: Person[] = [1, 2, 3, 4].map((n) => ({
  id: `29:leader-${n}`,
  aadObjectId: `aad-leader-${n}`,
  name: `Leitung ${n}`,
}));
const roster = (p: Person): RosterMember => ({ id: p.id, aadObjectId: p.aadObjectId, name: p.name });

let clock = new Date('2026-11-30T06:59:00Z'); // Monday 07:59 in Berlin: the digest of week 48 is not due yet
const now = () => clock;
let instances: BotHarness[] = [];

jest.setTimeout(60_000);

beforeAll(async () => {
  const first = await startBotHarness({}, { members: { [TEAM.id]: LEADERS.map(roster) } }, { now });
  await first.installInTeam();
  for (const leader of LEADERS) {
    await first.storage.roles.assignLeader({
      teamId: TEAM.id,
      personId: leader.aadObjectId,
      name: leader.name,
      grantedBy: ADMIN.aadObjectId,
      at: clock,
    });
  }
  const more = await Promise.all([1, 2].map(() => startBotHarness({}, {}, { now, shareWith: first })));
  instances = [first, ...more];
});

afterAll(async () => {
  for (const instance of [...instances].reverse()) await instance.stop();
});

/** the digest cards of week 48 delivered, by conversation. */
function digestsByConversation(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of instances[0]!.connector.delivered) {
    if (cardTexts(d.activity).includes(de.digestTitle(48)))
      counts.set(d.conversationId, (counts.get(d.conversationId) ?? 0) + 1);
  }
  return counts;
}

test('three instances ticking together send each leader exactly one digest for the week', async () => {
  const tickAll = () => Promise.all(instances.map((i) => i.app.digestScheduler.tick()));
  const early = await tickAll();
  expect(early.filter((r) => r.leader).length).toBeLessThanOrEqual(1);
  expect(digestsByConversation().size).toBe(0);

  // due: all three tick at once, then again as the lease passes from one to the next.
  for (const minutes of [6, 7, 9, 12, 15, 20]) {
    clock = new Date(Date.parse('2026-11-30T07:00:00Z') + minutes * 60_000);
    const reports = await tickAll();
    expect(reports.filter((r) => r.leader).length).toBeLessThanOrEqual(1);
  }

  const counts = digestsByConversation();
  expect(counts.size).toBe(LEADERS.length);
  expect([...counts.values()]).toEqual(LEADERS.map(() => 1));
  for (const leader of LEADERS) {
    expect(await instances[0]!.storage.digestLedger.status(leader.aadObjectId, '2026-W48')).toMatchObject({
      status: 'sent',
      attempts: 1,
    });
  }
});
