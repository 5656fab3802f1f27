import { randomUUID } from 'node:crypto';
import { VERBS } from '../core/card-actions';
import { ADMIN, rosterOf, startBotHarness, TEAM, type BotHarness, type Person } from './support/bot-harness';
import { listAllTables } from '../storage/table-inventory';
import { TABLE_NAMES } from '../storage/tables';
import { allRows, connectionStringOf, type CensusRow } from './support/table-census';
import { invokeCard, postItem, type PostedItem } from './support/turn-helpers';

// The anonymity audit: several people answer an anonymous poll and an anonymous idea prompt through the real
// HTTP endpoint (and, before that, a named poll, so their identifiers do exist in storage). After the delayed
// voter roll is flushed, every row of every table is read. docs/privacy.md explains what these checks prove.

interface Respondent extends Person {
  upn: string;
}
const respondents: Respondent[] = Array.from({ length: 6 }, (_, i) => ({
  id: `29:anon-tester-${i}-${randomUUID().slice(0, 6)}`,
  aadObjectId: `aad-anon-${i}-${randomUUID()}`,
  name: `Testperson Anonymität ${i}`,
  upn: `anon.tester${i}@amt.example`,
}));
const identifiers = respondents.flatMap((p) => [p.id, p.aadObjectId, p.name, p.upn]);
const ideaTexts = respondents.map((_, i) => `Vertrauliche Idee Nummer ${i} ${randomUUID()}`);

let h: BotHarness;
let named: PostedItem;
let poll: PostedItem;
let prompt: PostedItem;
let anonymousPhase: { from: number; to: number };
let rows: CensusRow[];
let tables: string[];

const text = (row: unknown): string => JSON.stringify(row);
const namesSomeone = (row: unknown): boolean => identifiers.some((id) => text(row).includes(id));
const timeOf = (r: CensusRow): number => Date.parse(String(r.row.timestamp));
const inItem = (item: PostedItem, prefix: string) => rows.filter((r) => r.table === 'Responses' && r.row.partitionKey === item.item.id && r.row.rowKey.startsWith(prefix));

beforeAll(async () => {
  h = await startBotHarness({}, { members: { [TEAM.id]: rosterOf([ADMIN, ...respondents]) } });
  await h.installInTeam();
  named = await postItem(h, 'umfrage Wie war die Dienstbesprechung? | gut | mittel | schlecht');
  poll = await postItem(h, 'umfrage --anonym Wie sicher fühlst du dich am Arbeitsplatz? | sicher | unsicher | weiß nicht');
  prompt = await postItem(h, 'ideenabfrage --anonym Was belastet dich in der Sachbearbeitung?');
  for (const [i, p] of respondents.entries()) invokeCard(await h.invoke(VERBS.vote, { itemId: named.item.id, choice: i % 3 }, p));
  await new Promise((r) => setTimeout(r, 30));

  anonymousPhase = { from: Date.now(), to: 0 };
  for (const [i, p] of respondents.entries()) {
    invokeCard(await h.invoke(VERBS.vote, { itemId: poll.item.id, choice: i % 2 }, p));
    invokeCard(await h.invoke(VERBS.submitIdea, { itemId: prompt.item.id, ideaText: ideaTexts[i] }, p));
  }
  anonymousPhase.to = Date.now();
  await new Promise((r) => setTimeout(r, 30));
  await h.storage.participation.flush(); // the delayed, shuffled voter roll (every 10 minutes in production)
  rows = await allRows(h.storage);
  tables = await listAllTables(connectionStringOf(h.storage));
});
afterAll(async () => {
  await h.stop();
});

describe('anonymity audit over every row of every table', () => {
  test('reads every table of the account and finds identifiers where they belong: the named votes', () => {
    expect(tables).toEqual(expect.arrayContaining(Object.values(TABLE_NAMES)));
    for (const t of ideaTexts) expect(rows.some((r) => text(r.row).includes(t))).toBe(true);
    const namedVotes = inItem(named, 'vote|');
    expect(namedVotes).toHaveLength(respondents.length);
    for (const p of respondents) expect(namedVotes.some((r) => text(r.row).includes(p.aadObjectId) && text(r.row).includes(p.name))).toBe(true);
  });

  test('no row holding an anonymous idea text holds any respondent identifier or author field', () => {
    const withText = rows.filter((r) => ideaTexts.some((t) => text(r.row).includes(t)));
    expect(withText.length).toBeGreaterThanOrEqual(ideaTexts.length * 2); // Responses and Ideas
    for (const r of withText) {
      expect(namesSomeone(r.row)).toBe(false);
      expect(Object.keys(r.row)).not.toEqual(expect.arrayContaining(['authorId']));
      expect(r.row.authorName).toBeUndefined();
      expect(r.row.conversationId === undefined || !String(r.row.conversationId).includes('personal')).toBe(true);
    }
  });

  test('the anonymous poll exists only as a tally of counts, without identifiers', () => {
    const answers = rows.filter((r) => r.table === 'Responses' && r.row.partitionKey === poll.item.id);
    expect(answers.map((r) => r.row.rowKey.split('|')[0]).sort()).toEqual(['tally', ...respondents.map(() => 'voter')]);
    const tally = answers.find((r) => r.row.rowKey === 'tally')!;
    expect({ counts: JSON.parse(String(tally.row.counts)), voters: tally.row.voters }).toEqual({ counts: [3, 3, 0], voters: 6 });
    expect(namesSomeone(tally.row)).toBe(false);
  });

  test('voter-roll rows hold a pseudonym and nothing else, and only the respondents’ pseudonyms', () => {
    for (const item of [poll, prompt]) {
      const roll = inItem(item, 'voter|');
      const pseudonyms = respondents.map((p) => `voter|${h.storage.responses.pseudonym(p.aadObjectId)}`).sort();
      expect(roll.map((r) => r.row.rowKey).sort()).toEqual(pseudonyms);
      for (const r of roll) {
        expect(r.row.rowKey).toMatch(/^voter\|[0-9a-f]{40}$/);
        expect(Object.keys(r.row).filter((k) => !['partitionKey', 'rowKey', 'timestamp', 'etag'].includes(k))).toEqual([]);
        expect(namesSomeone(r.row)).toBe(false);
      }
    }
  });

  test('a voter pseudonym appears nowhere but in the voter roll, so it joins with no other row', () => {
    const pseudonyms = respondents.map((p) => h.storage.responses.pseudonym(p.aadObjectId));
    const elsewhere = rows.filter((r) => !r.row.rowKey.startsWith('voter|') && pseudonyms.some((s) => text(r.row).includes(s)));
    expect(elsewhere).toEqual([]);
  });

  test('while people answered anonymously, no row with an identifier was written', () => {
    const written = rows.filter((r) => timeOf(r) >= anonymousPhase.from - 5 && timeOf(r) <= anonymousPhase.to + 5);
    expect(written.length).toBeGreaterThan(0);
    expect(written.filter((r) => namesSomeone(r.row))).toEqual([]);
  });

  test('the voter roll of the idea prompt was written after every idea, never at the same moment as one', () => {
    const ideas = rows.filter((r) => ideaTexts.some((t) => text(r.row).includes(t)));
    const lastIdea = Math.max(...ideas.map(timeOf));
    for (const r of inItem(prompt, 'voter|')) {
      expect(timeOf(r)).toBeGreaterThan(lastIdea);
      expect(ideas.some((i) => i.row.timestamp === r.row.timestamp)).toBe(false);
    }
  });

  test('of the poll’s voter roll, only the last row shares the tally’s time, and the tally holds only totals', () => {
    const tally = inItem(poll, 'tally')[0]!;
    const sameTime = inItem(poll, 'voter|').filter((r) => r.row.timestamp === tally.row.timestamp);
    expect(sameTime.length).toBeLessThanOrEqual(1);
  });

  test('weekly participation rows are pseudonyms salted per team and week, holding nothing else', () => {
    const participation = rows.filter((r) => r.table === 'Participation');
    expect(participation.length).toBeGreaterThan(0);
    for (const r of participation) {
      expect(r.row.rowKey).toMatch(/^[0-9a-f]{40}$/);
      expect(Object.keys(r.row).filter((k) => !['partitionKey', 'rowKey', 'timestamp', 'etag'].includes(k))).toEqual([]);
    }
  });

  test('no log line names a respondent while they answered anonymously, and none holds an anonymous idea text', () => {
    const during = h.logs.filter((l) => typeof l.time === 'number' && l.time >= anonymousPhase.from && l.time <= anonymousPhase.to);
    expect(during.length).toBeGreaterThan(0);
    expect(during.filter((l) => namesSomeone(l))).toEqual([]);
    expect(h.logs.filter((l) => ideaTexts.some((t) => text(l).includes(t)))).toEqual([]);
  });
});
