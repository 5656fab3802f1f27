import pino from 'pino';
import type { Item } from '../../core/items';
import { startEmbeddedTableServer, type EmbeddedTableServer } from '../../storage/embedded-azurite';
import { openStorage, type Storage } from '../../storage/open-storage';
import { readAllRows } from '../../storage/table-inventory';
import { NAME_FORGOTTEN } from '../../storage/measure-repository';
import { recordOf, samplePoll } from '../../test/support/sample-items';
import { RetentionJob } from './retention-job';

const DAY = 24 * 60 * 60 * 1000;
const CLOSED = new Date('2026-01-12T10:00:00Z');
const after = (days: number) => new Date(CLOSED.getTime() + days * DAY);
const people = Array.from({ length: 6 }, (_, i) => ({ aadObjectId: `aad-keep-${i}`, name: `Mitarbeiterin ${i}` }));

let server: EmbeddedTableServer;
let storage: Storage;
let clock: Date;
let job: RetentionJob;

beforeEach(async () => {
  server = await startEmbeddedTableServer();
  storage = await openStorage({
    connectionString: server.connectionString,
    answerSecret: 'retention-secret-retention-secret!!',
    timeZone: 'Europe/Berlin',
    minGroupSize: 5,
  });
  clock = new Date('2026-01-05T09:00:00Z');
  job = new RetentionJob({
    storage,
    defaultDays: 365,
    timeZone: 'Europe/Berlin',
    now: () => clock,
    log: pino({ level: 'silent' }),
    instanceId: 'test',
  });
});
afterEach(async () => {
  await server.close();
});

/** a closed poll with named votes (or anonymous ones), posted in chat or by a campaign. */
async function closedPoll(over: Partial<Item> = {}, closedAt = CLOSED): Promise<Item> {
  const item = samplePoll({ createdAt: new Date('2026-01-05T09:00:00Z'), ...over });
  await storage.items.create(item);
  for (const [i, p] of people.entries()) await storage.responses.castVote(item, p, [i % 3], item.createdAt);
  await storage.participation.flush();
  await storage.responses.seal(item, closedAt);
  return storage.items.close(item.id, closedAt);
}

/** a closed named idea prompt with two ideas, a support and a volunteer on the first one. */
async function closedPrompt(over: Partial<Item> = {}): Promise<{ item: Item; ideaIds: string[] }> {
  const item = samplePoll({
    kind: 'idea',
    pollKind: undefined,
    options: [],
    createdAt: new Date('2026-01-05T09:00:00Z'),
    ...over,
  });
  await storage.items.create(item);
  const ideas = [];
  for (const [i, p] of people.slice(0, 2).entries())
    ideas.push(
      recordOf(await storage.responses.submitIdea(item, p, `Idee ${i}`, `delivery-${item.id}-${i}`, item.createdAt)),
    );
  await storage.participation.flush();
  const first = ideas[0]!.ideaId;
  await storage.ideas.support(first, people[3]!.aadObjectId, true, item.createdAt);
  await storage.ideas.volunteer(first, { id: people[4]!.aadObjectId, name: people[4]!.name }, true, item.createdAt);
  return { item: await storage.items.close(item.id, CLOSED), ideaIds: ideas.map((i) => i.ideaId) };
}

/** every stored row that names one of the respondents (by id or name). */
async function rowsNamingPeople(): Promise<Array<{ table: string; row: Record<string, unknown> }>> {
  const found: Array<{ table: string; row: Record<string, unknown> }> = [];
  const needles = people.flatMap((p) => [p.aadObjectId, p.name]);
  for (const table of ['Responses', 'Ideas', 'ItemIndex', 'Items', 'ScheduleLedger']) {
    for (const row of await readAllRows(server.connectionString, table))
      if (needles.some((n) => JSON.stringify(row).includes(n))) found.push({ table, row });
  }
  return found;
}

describe('RetentionJob', () => {
  test('keeps everything while the retention period runs', async () => {
    const item = await closedPoll();
    clock = after(364);
    const report = await job.run();
    expect(report.items).toBe(0);
    expect(await storage.personalData.namedVotes(people[0]!.aadObjectId)).toHaveLength(1);
    expect((await storage.responses.tally(item)).voters).toBe(6);
  });

  test('stores the final result of a poll closed without it (an older version, a cut-off close) before deleting its votes', async () => {
    const item = samplePoll({ createdAt: new Date('2026-01-05T09:00:00Z') });
    await storage.items.create(item);
    for (const [i, p] of people.entries()) await storage.responses.castVote(item, p, [i % 3], item.createdAt);
    await storage.items.close(item.id, CLOSED);
    clock = after(366);
    expect(await job.run()).toMatchObject({ items: 1, namedVotes: 6, failed: 0 });
    expect(await storage.responses.tally(item)).toEqual({ counts: [2, 2, 2], voters: 6 });
  });

  test('deletes named votes and their index after RETENTION_DAYS and keeps the tally', async () => {
    const item = await closedPoll();
    const tally = await storage.responses.tally(item);
    clock = after(366);
    const report = await job.run();
    expect(report).toMatchObject({ items: 1, namedVotes: 6, failed: 0 });
    expect(await storage.responses.tally(item)).toEqual(tally);
    expect(await storage.personalData.namedVotes(people[0]!.aadObjectId)).toEqual([]);
    expect(await rowsNamingPeople()).toEqual([]);
  });

  test('finds no voter roll of an anonymous poll (closing deleted it) and keeps its counts', async () => {
    const item = await closedPoll({ anonymous: true });
    clock = after(366);
    expect(await job.run()).toMatchObject({ items: 1, voterRoll: 0 });
    expect(await storage.responses.tally(item)).toEqual({ counts: [2, 2, 2], voters: 6 });
    const responses = (await readAllRows(server.connectionString, 'Responses')).filter(
      (r) => r.partitionKey === item.id,
    );
    expect(responses.map((r) => r.rowKey)).toEqual(['tally']);
  });

  test('uses the campaign’s own retention period for its items and RETENTION_DAYS for the others', async () => {
    await storage.campaigns.saveFromChat(
      {
        id: 'kurz',
        title: 'Kurz',
        targets: { kind: 'all' },
        channel: 'General',
        timeZone: 'Europe/Berlin',
        status: 'running',
        retentionDays: 30,
        items: [],
      },
      'aad-admin',
    );
    const fromCampaign = await closedPoll({ createdBy: 'campaign:kurz' });
    const fromChat = await closedPoll();
    clock = after(31);
    expect(await job.run()).toMatchObject({ items: 1, namedVotes: 6 });
    expect(await storage.responses.namedVote(fromCampaign, people[0]!.aadObjectId)).toBeUndefined();
    expect(await storage.responses.namedVote(fromChat, people[0]!.aadObjectId)).toEqual([0]);
  });

  test('keeps idea texts without names and removes authors, supporters and volunteers but not their counts', async () => {
    const { item, ideaIds } = await closedPrompt();
    clock = after(366);
    expect(await job.run()).toMatchObject({ items: 1, ideaAuthors: 2, backings: 2 });
    const ideas = (await storage.ideas.ofItem(item.id)).sort((a, b) => a.text.localeCompare(b.text));
    expect(ideas.map((i) => [i.text, i.authorId, i.authorName])).toEqual([
      ['Idee 0', undefined, undefined],
      ['Idee 1', undefined, undefined],
    ]);
    expect(ideas.find((i) => i.ideaId === ideaIds[0])).toMatchObject({ supportCount: 1, volunteerCount: 1 });
    expect(await storage.ideas.supportersOf(ideaIds[0]!)).toEqual([]);
    expect(await storage.ideas.byAuthor(people[0]!.aadObjectId)).toEqual([]);
    expect((await storage.responses.ideas(item.id)).map((i) => i.text).sort()).toEqual(['Idee 0', 'Idee 1']);
    expect(await storage.responses.ideaStats(item)).toEqual({ ideas: 2, participants: 2 });
    expect(await rowsNamingPeople()).toEqual([]);
  });

  test('deletes the scheduler’s ledger rows of a purged campaign item', async () => {
    await storage.campaigns.saveFromChat(
      {
        id: 'puls',
        title: 'Puls',
        targets: { kind: 'all' },
        channel: 'General',
        timeZone: 'Europe/Berlin',
        status: 'running',
        retentionDays: 10,
        items: [],
      },
      'aad-admin',
    );
    const item = await closedPoll({ createdBy: 'campaign:puls' });
    const ref = {
      campaignId: 'puls',
      itemId: 'item-1',
      teamId: 'team-1',
      channelId: 'team-1',
      slot: { key: '2026-01-05T10:00', at: new Date('2026-01-05T09:00:00Z') },
    };
    await storage.scheduleLedger.claimSlot(ref, new Date('2026-01-05T09:00:00Z'));
    await storage.scheduleLedger.markPosted(ref, item.id, { closesAt: CLOSED, now: new Date('2026-01-05T09:00:01Z') });
    clock = after(11);
    expect(await job.run()).toMatchObject({ items: 1, ledgerRows: 1 });
    expect(await storage.scheduleLedger.history('puls')).toEqual([]);
  });

  test('reads only the index rows that are due, and a second run finds nothing', async () => {
    const due = await closedPoll();
    const later = await closedPoll({}, after(30));
    const cutoff = new Date(after(366).getTime() - 365 * DAY);
    expect((await storage.retention.dueItems('-', cutoff)).map((d) => d.itemId)).toEqual([due.id]);
    clock = after(366);
    expect(await job.run()).toMatchObject({ items: 1 });
    expect(await storage.retention.dueItems('-', cutoff)).toEqual([]);
    expect(await job.run()).toMatchObject({ items: 0 });
    expect(await storage.responses.namedVote(later, people[0]!.aadObjectId)).toEqual([0]);
  });

  test('runs once per local day across instances', async () => {
    const other = new RetentionJob({
      storage,
      defaultDays: 365,
      timeZone: 'Europe/Berlin',
      now: () => clock,
      log: pino({ level: 'silent' }),
      instanceId: 'other',
    });
    clock = after(400);
    expect(await job.runIfDue()).toBeDefined();
    expect(await other.runIfDue()).toBeUndefined();
    clock = after(401);
    expect(await other.runIfDue()).toBeDefined();
  });

  test('deletes weekly participation rows after the retention period, keeping recent weeks', async () => {
    await storage.installations.saveTeam({
      teamId: 'team-1',
      name: 'T',
      serviceUrl: 'https://x',
      active: true,
      reference: { serviceUrl: 'https://x', channelId: 'msteams', conversation: { id: 'team-1' }, bot: { id: 'b' } },
      updatedAt: CLOSED,
    });
    await storage.weeklyParticipation.recordNamed('team-1', 'aad-keep-0', new Date('2026-01-05T09:00:00Z'));
    await storage.weeklyParticipation.recordNamed('team-1', 'aad-keep-0', after(360));
    clock = after(366);
    const report = await job.run();
    expect(report.participationRows).toBe(1);
    expect(
      await storage.weeklyParticipation.participants(
        'team-1',
        storage.weeklyParticipation.weekOf(new Date('2026-01-05T09:00:00Z')),
      ),
    ).toBe(0);
    expect(
      await storage.weeklyParticipation.participants('team-1', storage.weeklyParticipation.weekOf(after(360))),
    ).toBe(1);
  });

  test("deletes the digest ledger's weeks after the retention period, keeping recent weeks", async () => {
    const oldWeek = storage.weeklyParticipation.weekOf(new Date('2026-01-05T09:00:00Z'));
    const recentWeek = storage.weeklyParticipation.weekOf(after(360));
    for (const week of [oldWeek, recentWeek]) {
      expect(await storage.digestLedger.claim('aad-leader', week, 'test', clock)).toBe('claimed');
      await storage.digestLedger.markSent('aad-leader', week, clock);
    }
    clock = after(366);
    expect(await job.run()).toMatchObject({ digestRows: 1 });
    expect(await storage.digestLedger.status('aad-leader', oldWeek)).toBeUndefined();
    expect(await storage.digestLedger.status('aad-leader', recentWeek)).toMatchObject({ status: 'sent' });
    expect(await job.run()).toMatchObject({ digestRows: 0 });
  });

  test('removes author, supporters and volunteers of ideas sent in chat with the week, keeping recent ones and prompt ideas', async () => {
    await storage.installations.saveTeam({
      teamId: 'team-1',
      name: 'T',
      serviceUrl: 'https://x',
      active: true,
      reference: { serviceUrl: 'https://x', channelId: 'msteams', conversation: { id: 'team-1' }, bot: { id: 'b' } },
      updatedAt: CLOSED,
    });
    const chatIdea = (text: string, by: number, at: Date) =>
      storage.ideas.create({
        teamId: 'team-1',
        text,
        anonymous: false,
        authorId: people[by]!.aadObjectId,
        authorName: people[by]!.name,
        createdAt: at,
      });
    const old = await chatIdea('Alte Idee aus dem Chat', 0, new Date('2026-01-06T09:00:00Z'));
    const recent = await chatIdea('Neue Idee aus dem Chat', 1, after(360));
    await storage.ideas.support(old.ideaId, people[2]!.aadObjectId, true, new Date('2026-01-07T09:00:00Z'));
    await storage.ideas.volunteer(
      old.ideaId,
      { id: people[3]!.aadObjectId, name: people[3]!.name },
      true,
      new Date('2026-01-07T09:00:00Z'),
    );
    // a prompt of the same week, still open: its ideas keep their authors until the prompt's own period ends.
    const prompt = samplePoll({
      teamId: 'team-1',
      kind: 'idea',
      pollKind: undefined,
      options: [],
      createdAt: new Date('2026-01-05T09:00:00Z'),
    });
    await storage.items.create(prompt);
    const fromPrompt = recordOf(
      await storage.responses.submitIdea(
        prompt,
        people[4]!,
        'Idee zur Abfrage',
        'delivery-prompt',
        new Date('2026-01-06T10:00:00Z'),
      ),
    );

    clock = after(366);
    expect(await job.run()).toMatchObject({ ideaAuthors: 1, backings: 2 });
    const purged = await storage.ideas.get(old.ideaId);
    expect(purged).toMatchObject({ text: 'Alte Idee aus dem Chat', supportCount: 1, volunteerCount: 1 });
    expect([purged?.authorId, purged?.authorName]).toEqual([undefined, undefined]);
    expect(await storage.ideas.byAuthor(people[0]!.aadObjectId)).toEqual([]);
    expect(await storage.ideas.supportersOf(old.ideaId)).toEqual([]);
    expect(await storage.ideas.get(recent.ideaId)).toMatchObject({
      authorId: people[1]!.aadObjectId,
      authorName: people[1]!.name,
    });
    expect(await storage.ideas.get(fromPrompt.ideaId)).toMatchObject({ authorId: people[4]!.aadObjectId });
    const named = (await rowsNamingPeople()).map((f) => JSON.stringify(f.row));
    for (const gone of [0, 2, 3])
      expect(named.filter((r) => r.includes(people[gone]!.aadObjectId) || r.includes(people[gone]!.name))).toEqual([]);
  });

  test('keeps finished measures but no longer names their owner and note authors after the retention period; open and recent ones keep their names', async () => {
    await storage.installations.saveTeam({
      teamId: 'team-m',
      name: 'T',
      serviceUrl: 'https://x',
      active: true,
      reference: { serviceUrl: 'https://x', channelId: 'msteams', conversation: { id: 'team-m' }, bot: { id: 'b' } },
      updatedAt: CLOSED,
    });
    const measure = (title: string) =>
      storage.measures.create(
        {
          teamId: 'team-m',
          title,
          description: '',
          ownerId: 'aad-owner',
          ownerName: 'Olga Owner',
          dueDate: '2026-02-01',
          ideaIds: [],
          volunteersAsGroup: false,
          createdById: 'aad-lead',
          createdByName: 'Lena',
          createdAt: CLOSED,
        },
        CLOSED,
      );
    const finished = await measure('Erledigt vor langer Zeit');
    const open = await measure('Noch offen');
    const recent = await measure('Erledigt vor Kurzem');
    await storage.measures.addNote('team-m', finished.measureId, {
      text: 'Fertig',
      byId: 'aad-writer',
      byName: 'Willi',
      at: CLOSED,
    });
    await storage.measures.setStatus('team-m', finished.measureId, { status: 'done', reason: '' }, after(1));
    await storage.measures.setStatus('team-m', recent.measureId, { status: 'done', reason: '' }, after(300));
    clock = after(367);
    expect(await job.run()).toMatchObject({ measureNames: 1 });
    const kept = await storage.measures.get('team-m', finished.measureId);
    expect(kept).toMatchObject({
      title: 'Erledigt vor langer Zeit',
      status: 'done',
      ownerId: '',
      ownerName: NAME_FORGOTTEN,
    });
    expect(kept?.lastNote).toMatchObject({ text: 'Fertig', byId: '', byName: NAME_FORGOTTEN });
    expect(await storage.measures.notes(finished.measureId)).toEqual([
      expect.objectContaining({ text: 'Fertig', byId: '', byName: NAME_FORGOTTEN }),
    ]);
    expect((await storage.measures.ofPerson('aad-writer')).notes).toEqual([]);
    expect((await storage.measures.ofPerson('aad-owner')).owned.map((m) => m.measureId).sort()).toEqual(
      [open.measureId, recent.measureId].sort(),
    );
    expect(await storage.measures.get('team-m', open.measureId)).toMatchObject({ ownerName: 'Olga Owner' });
    expect(await job.run()).toMatchObject({ measureNames: 0 });
  });
});
