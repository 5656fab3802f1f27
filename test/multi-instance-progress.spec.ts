import { messages } from '../core/messages';
import { ADMIN, OTHER_TEAM, startBotHarness, TEAM, type BotHarness } from './support/bot-harness';
import { cardTexts } from './support/card-nodes';

/**
 * Two bot instances against one storage (embedded Azurite) and one Teams stand-in, both running the monthly progress
 * post at the same moments: each team whose measures moved gets exactly one post per month in its General channel,
 * a team where nothing moved gets none, and the next month is posted again.
 */

const de = messages('de');
let clock = new Date('2026-11-10T10:00:00Z');
const now = () => clock;
let instances: BotHarness[] = [];

jest.setTimeout(60_000);

beforeAll(async () => {
  const first = await startBotHarness({}, {}, { now });
  await first.installInTeam(TEAM);
  await first.installInTeam(OTHER_TEAM);
  const second = await startBotHarness({}, {}, { now, shareWith: first });
  instances = [first, second];
});

afterAll(async () => {
  for (const instance of [...instances].reverse()) await instance.stop();
});

const storage = () => instances[0]!.storage;

/** a measure of a team created at an instant (as a leader would on its board). */
async function measure(teamId: string, title: string, at: Date) {
  return storage().measures.create(
    {
      teamId,
      title,
      description: '',
      ownerId: ADMIN.aadObjectId,
      ownerName: ADMIN.name,
      dueDate: '2027-03-31',
      ideaIds: [],
      volunteersAsGroup: false,
      createdById: ADMIN.aadObjectId,
      createdByName: ADMIN.name,
      createdAt: at,
    },
    at,
  );
}

/** the progress posts of a month in each team's General, by team. */
function progressPosts(monthName: string): Map<string, string[][]> {
  const byTeam = new Map<string, string[][]>();
  for (const d of instances[0]!.connector.delivered) {
    if (d.kind !== 'create') continue;
    const texts = cardTexts(d.activity);
    if (!texts.includes(de.progressTitle(monthName))) continue;
    const team = d.conversationId.split(';messageid=')[0]!;
    byTeam.set(team, [...(byTeam.get(team) ?? []), texts]);
  }
  return byTeam;
}

/** both instances tick at once, at each of these minutes after `from`; at most one leads each round. */
async function tickAround(from: string, minutes: number[]): Promise<void> {
  for (const m of minutes) {
    clock = new Date(Date.parse(from) + m * 60_000);
    const reports = await Promise.all(instances.map((i) => i.app.progressScheduler.tick()));
    expect(reports.filter((r) => r.leader).length).toBeLessThanOrEqual(1);
  }
}

test('each team whose measures moved gets exactly one progress post per month; a team where nothing moved gets none', async () => {
  await measure(TEAM.id, 'Rückruftag einführen', new Date('2026-11-12T09:00:00Z'));

  // Monday 7 December 2026, 08:59 in Berlin: the first Monday of the month, before 09:00.
  await tickAround('2026-12-07T07:55:00Z', [0, 2, 4]);
  expect(progressPosts('November 2026').size).toBe(0);

  await tickAround('2026-12-07T08:00:00Z', [1, 1, 2, 5, 9, 14, 20]);
  const november = progressPosts('November 2026');
  expect([...november.keys()]).toEqual([TEAM.id]);
  expect(november.get(TEAM.id)).toHaveLength(1);
  expect(november.get(TEAM.id)![0]).toEqual(
    expect.arrayContaining([de.progressCreated(1), expect.stringContaining('Rückruftag einführen')]),
  );
  expect(await storage().progressLedger.status(TEAM.id, '2026-11')).toMatchObject({ status: 'sent', attempts: 1 });
  expect(await storage().progressLedger.status(OTHER_TEAM.id, '2026-11')).toMatchObject({
    status: 'skipped',
    reason: 'nothing moved',
  });
});

test('the next month is posted again, for the teams whose measures moved in it', async () => {
  const [existing] = await storage().measures.ofTeam(TEAM.id);
  await storage().measures.setStatus(
    TEAM.id,
    existing!.measureId,
    { status: 'done', reason: '' },
    new Date('2026-12-15T10:00:00Z'),
  );
  await storage().measures.addNote(TEAM.id, existing!.measureId, {
    text: 'Läuft seit zwei Wochen.',
    byId: ADMIN.aadObjectId,
    byName: ADMIN.name,
    at: new Date('2026-12-16T10:00:00Z'),
  });
  await measure(OTHER_TEAM.id, 'Formulare vereinfachen', new Date('2026-12-20T09:00:00Z'));

  // Monday 4 January 2027, the first Monday of January, from 09:00 in Berlin.
  await tickAround('2027-01-04T08:00:00Z', [0, 1, 3, 7, 12]);
  const december = progressPosts('Dezember 2026');
  expect(new Set(december.keys())).toEqual(new Set([TEAM.id, OTHER_TEAM.id]));
  expect(december.get(TEAM.id)).toHaveLength(1);
  expect(december.get(OTHER_TEAM.id)).toHaveLength(1);
  expect(december.get(TEAM.id)![0]).toEqual(expect.arrayContaining([de.progressDone(1), de.progressNotes(1)]));
  expect(december.get(OTHER_TEAM.id)![0]).toEqual(expect.arrayContaining([de.progressCreated(1)]));
  // November's post is not repeated.
  expect(progressPosts('November 2026').get(TEAM.id)).toHaveLength(1);
});
