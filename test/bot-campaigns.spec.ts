import { rmSync } from 'node:fs';
import { DateTime } from 'luxon';
import { VERBS } from '../core/card-actions';
import { messages } from '../core/messages';
import { ADMIN, people, startBotHarness, TEAM, type BotHarness } from './support/bot-harness';
import { aMinuteAgo, campaignsDir } from './support/sample-items';

const de = messages('de');
let h: BotHarness;
let dir: string;

/** a campaign whose poll was due a minute ago (inside the catch-up window), in Berlin wall-clock time. */
function campaignFile(): string {
  const start = aMinuteAgo('Europe/Berlin');
  return [
    'id: gute-arbeit-puls',
    'title: Gute Arbeit – Puls',
    'teams: all',
    'channel: General',
    'items:',
    '  - type: poll',
    '    question: Wie gut fühlst du dich über Veränderungen informiert?',
    '    options: [sehr gut, eher gut, eher schlecht, schlecht]',
    '    anonymous: true',
    `    schedule: { start: ${start}, every: P1W }`,
    '    openFor: P5D',
  ].join('\n');
}

const cardTexts = (card: unknown): string => JSON.stringify(card);

beforeAll(async () => {
  dir = campaignsDir({
    'puls.yml': campaignFile(),
    'kaputt.yml':
      'id: kaputt\ntitle: Kaputt\nteams: all\nitems:\n  - type: poll\n    question: Nur eine Option?\n    options: [eine]\n    schedule: { start: 2026-12-07T09:00 }\n',
  });
  h = await startBotHarness({ CAMPAIGNS_DIR: dir });
  await h.installInTeam();
});

afterAll(async () => {
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('"kampagnen laden" loads valid campaign files and names the rejected file with its line', async () => {
  await h.personalMessage('kampagnen laden');
  const texts = h.connector.texts().join('\n');
  expect(texts).toContain(de.campaignsReloaded(1, 1));
  expect(texts).toMatch(/kaputt\.yml:\d+ items\[0\]\.options/);
  expect((await h.storage.campaigns.get('gute-arbeit-puls'))?.status).toBe('scheduled');
});

test('the scheduler posts a due campaign item into General once, however often it ticks', async () => {
  const before = h.connector.delivered.filter((d) => d.kind === 'create').length;
  const first = await h.app.scheduler.tick();
  await h.app.scheduler.tick();
  const posts = h.connector.delivered.filter((d) => d.kind === 'create').slice(before);
  expect(first.posted).toBe(1);
  expect(posts).toHaveLength(1);
  expect(posts[0]?.conversationId.startsWith(TEAM.id)).toBe(true);
  expect(cardTexts(posts[0]?.activity)).toContain('Wie gut fühlst du dich über Veränderungen informiert?');
  expect((await h.storage.campaigns.get('gute-arbeit-puls'))?.status).toBe('running');
});

test('the campaign list shows the status and lets an admin pause the campaign', async () => {
  await h.personalMessage('kampagnen');
  const list = h.connector.cards().at(-1);
  expect(cardTexts(list)).toContain(de.campaignStatus.running as string);
  const res = await h.invoke(VERBS.campaignStatus, { campaignId: 'gute-arbeit-puls', status: 'paused' }, ADMIN, {
    personal: true,
  });
  expect(cardTexts(res.body)).toContain(de.campaignStatus.paused as string);
  expect((await h.storage.campaigns.get('gute-arbeit-puls'))?.status).toBe('paused');
});

test('someone who is not an admin can neither list campaigns nor change their status', async () => {
  const [employee] = people(1);
  await h.personalMessage('kampagnen', employee);
  expect(h.connector.texts().at(-1)).toBe(de.errNotAdmin);
  const res = await h.invoke(VERBS.campaignStatus, { campaignId: 'gute-arbeit-puls', status: 'ended' }, employee, {
    personal: true,
  });
  expect(cardTexts(res.body)).toContain(de.errNotAdmin);
  expect((await h.storage.campaigns.get('gute-arbeit-puls'))?.status).toBe('paused');
});

test('a slot missed while the bot was down, beyond the catch-up window, is recorded as skipped and shown to the admin', async () => {
  const missed = DateTime.now().setZone('Europe/Berlin').minus({ hours: 8 }).startOf('minute');
  await h.storage.campaigns.saveFromChat(
    {
      id: 'verpasst',
      title: 'Verpasst',
      targets: { kind: 'all' },
      channel: 'General',
      timeZone: 'Europe/Berlin',
      status: 'scheduled',
      items: [
        {
          id: 'frage-1',
          type: 'rating',
          question: 'Wie war die Woche?',
          anonymous: false,
          schedule: { start: missed.toFormat("yyyy-LL-dd'T'HH:mm") },
          openFor: 'P7D',
        },
      ],
    },
    ADMIN.aadObjectId,
  );
  // the scheduler last looked ten hours ago: the bot was down since.
  await h.storage.scheduleLedger.setCursor('verpasst', new Date(Date.now() - 10 * 3_600_000));
  const report = await h.app.scheduler.tick();
  expect(report.skipped).toBe(1);
  await h.personalMessage('kampagnen');
  const texts = cardTexts(h.connector.cards().at(-1));
  expect(texts).toContain(de.campaignCounts(0, 1));
  expect(texts).toMatch(/Zuletzt übersprungen: [^"]*missed: due [^"]*catch-up window/);
});
