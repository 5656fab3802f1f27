import { randomUUID } from 'node:crypto';
import { VERBS } from '../core/card-actions';
import { listAllTables } from '../storage/table-inventory';
import { TABLE_NAMES } from '../storage/tables';
import {
  ADMIN,
  ANSWER_SECRET,
  rosterOf,
  startBotHarness,
  TEAM,
  type BotHarness,
  type Person,
} from './support/bot-harness';
import { readDump, type Suspect, type Target, type Write } from './support/linkage-attack';
import { allRows, connectionStringOf, type CensusRow } from './support/table-census';
import { invokeCard, postItem, type PostedItem } from './support/turn-helpers';

// The threat model of docs/privacy.md, played against the running bot. Twelve people answer two anonymous polls, an
// anonymous idea prompt and a named poll through the real HTTP endpoint, on three bot instances one after the other
// (a restart between them, each flushing what it holds), and the items are closed. T1 — someone with a copy of every
// table and every secret — reads a dump while the items are open and one after they closed. T2 — someone without
// the secrets — reads a dump after every single answer. Both try to tie answers to people (by identifiers, computed
// pseudonyms, opened sealed values, shared write times and ETags) and items to items (shared tokens). The only
// finer link allowed is the documented window: while an item is open, the answers not yet folded into a group of
// MIN_GROUP_SIZE, which T1 (with the secret) can open; fewer than MIN_GROUP_SIZE per item, none after closing.

const K = 5;
type Respondent = Person & { upn: string };
const respondents: Respondent[] = Array.from({ length: 12 }, (_, i) => ({
  id: `29:anon-${i}-${randomUUID().slice(0, 6)}`,
  aadObjectId: `aad-anon-${i}-${randomUUID()}`,
  name: `Testperson Anonymität ${i}`,
  upn: `anon.tester${i}@amt.example`,
}));
const identifiers = respondents.flatMap((p) => [p.id, p.aadObjectId, p.name, p.upn]);
/** who wrote which text (the truth the attacker does not have). */
const authorOf = new Map<string, string>();
const ideaText = (i: number, n: number) => `Vertrauliche Idee ${i}.${n} ${randomUUID()}`;

let first: BotHarness;
let current: BotHarness;
let named: PostedItem;
let pollA: PostedItem;
let pollB: PostedItem;
let prompt: PostedItem;
let targets: Target[];
const t2Snapshots: CensusRow[][] = [];
let whileOpen: CensusRow[];
let afterClose: CensusRow[];
let tables: string[];
let answeringFrom = 0;
let answeringTo = 0;

async function restart(): Promise<void> {
  await current.app.close(); // shutdown: pending background work settles, nothing else is written
  await current.storage.participation.flush();
  current = await startBotHarness({}, {}, { shareWith: first });
}

async function answer(i: number): Promise<void> {
  const p = respondents[i]!;
  const step = async (verb: string, data: Record<string, unknown>) => {
    invokeCard(await current.invoke(verb, data, p));
    t2Snapshots.push(await allRows(current.storage));
  };
  await step(VERBS.vote, { itemId: named.item.id, choice: i % 3 });
  await step(VERBS.vote, { itemId: pollA.item.id, choice: i % 2 });
  await step(VERBS.vote, { itemId: pollB.item.id, choice: i % 3 });
  for (let n = 0; n < (i === 0 ? 2 : 1); n++) {
    const text = ideaText(i, n);
    authorOf.set(text, p.aadObjectId);
    await step(VERBS.submitIdea, { itemId: prompt.item.id, ideaText: text });
  }
}

beforeAll(async () => {
  first = await startBotHarness({}, { members: { [TEAM.id]: rosterOf([ADMIN, ...respondents]) } });
  current = first;
  await first.installInTeam();
  named = await postItem(first, 'umfrage Wie war die Dienstbesprechung? | gut | mittel | schlecht');
  pollA = await postItem(first, 'umfrage --anonym Wie sicher fühlst du dich am Arbeitsplatz? | sicher | unsicher');
  pollB = await postItem(first, 'umfrage --anonym Wie belastet bist du? | wenig | mittel | sehr');
  prompt = await postItem(first, 'ideenabfrage --anonym Was belastet dich in der Sachbearbeitung?');
  targets = [pollA, pollB, prompt].map((p) => ({ id: p.item.id, teamId: p.item.teamId, kind: p.item.kind }));
  t2Snapshots.push(await allRows(first.storage));

  answeringFrom = Date.now();
  for (const i of [0, 1, 2, 3]) await answer(i);
  await restart();
  for (const i of [4, 5, 6, 7, 8]) await answer(i);
  await current.storage.background.settle();
  whileOpen = await allRows(current.storage);
  await restart();
  for (const i of [9, 10, 11]) await answer(i);
  answeringTo = Date.now();
  for (const item of [pollA, pollB, prompt]) {
    await current.channelMessage('schließen', ADMIN, { conversationId: item.thread });
    t2Snapshots.push(await allRows(current.storage));
  }
  await current.app.close();
  await current.storage.participation.flush();
  afterClose = await allRows(current.storage);
  tables = await listAllTables(connectionStringOf(current.storage));
}, 120_000);
afterAll(async () => {
  await current.stop();
  await first.stop();
});

const suspects: Suspect[] = respondents;
const t1 = (rows: CensusRow[]) => readDump(rows, targets, suspects, ANSWER_SECRET, 'Europe/Berlin');
/** the rows that alone tie one answer to one person: answers not yet folded into a group (the documented window). */
const windowRows = (rows: CensusRow[]) =>
  readDump(rows, targets, suspects, ANSWER_SECRET, 'Europe/Berlin', { eachRowAlone: true }).filter(isWindow);
const outsideWindow = (rows: CensusRow[]) => {
  const window = new Set(windowRows(rows).flatMap((w) => w.rows));
  return rows.filter((r) => !window.has(r));
};
const t2 = (rows: CensusRow[]) => readDump(rows, targets, suspects, undefined, 'Europe/Berlin');
const hasContent = (w: Write) => w.texts.length + w.ballots + w.tallyVoters.length > 0;
/** distinct people behind what one write reveals: the authors of its texts, one per ballot, the voters of a tally. */
const answerersIn = (w: Write) =>
  Math.max(new Set(w.texts.map((t) => authorOf.get(t))).size + w.ballots, ...w.tallyVoters, 0);
/** a write of one answer that names its author: an answer not yet folded into its group (the documented window). */
const isWindow = (w: Write) => w.texts.length + w.ballots === 1 && w.people.size === 1 && w.tallyVoters.length === 0;
const targetOf = (w: Write) =>
  String(w.rows.find((r) => targets.some((t) => r.row.partitionKey === t.id))?.row.partitionKey ?? '');
const text = (row: unknown) => JSON.stringify(row);

describe('T1: a copy of every table and every secret', () => {
  test('reads every table of the account, and the answers are all there after closing', () => {
    expect(tables).toEqual(expect.arrayContaining(Object.values(TABLE_NAMES)));
    const writes = t1(afterClose);
    const texts = writes.flatMap((w) => w.texts);
    for (const t of authorOf.keys()) expect(texts).toContain(t);
  });

  test('while the items are open, only answers not yet folded into a group can be tied to a person: fewer than MIN_GROUP_SIZE per item', () => {
    const windows = windowRows(whileOpen);
    expect(windows.length).toBeGreaterThan(0); // the attacker does find the window: its pseudonyms and sealed values work
    const perItem = new Map<string, number>();
    for (const w of windows) perItem.set(targetOf(w), (perItem.get(targetOf(w)) ?? 0) + 1);
    for (const n of perItem.values()) expect(n).toBeLessThanOrEqual(K - 1);
  });

  test('every other write of answer content covers at least MIN_GROUP_SIZE people, and names nobody or at least that many', () => {
    for (const dump of [whileOpen, afterClose]) {
      for (const w of t1(outsideWindow(dump)).filter(hasContent)) {
        expect({ time: w.time, answerers: answerersIn(w) >= K }).toEqual({ time: w.time, answerers: true });
        expect({ time: w.time, named: w.people.size === 0 || w.people.size >= K }).toEqual({
          time: w.time,
          named: true,
        });
      }
    }
  });

  test('after closing nothing can be tied to a person: no answer of its own, no row naming or pseudonymising anyone in the items', () => {
    expect(windowRows(afterClose)).toEqual([]);
    const inItems = afterClose.filter((r) =>
      targets.some((t) => r.row.partitionKey === t.id || r.row.partitionKey === `prompt|${t.id}`),
    );
    const named = t1(inItems).filter((w) => w.people.size > 0);
    expect(named).toEqual([]);
  });

  test('two items share no token: a person’s rows in one item cannot be joined with their rows in another', () => {
    const tokensOf = (itemId: string) =>
      new Set(
        whileOpen
          .filter((r) => r.row.partitionKey === itemId)
          .flatMap((r) => r.row.rowKey.split('|'))
          .filter((t) => /^[0-9a-f]{32,}$/.test(t)),
      );
    const [a, b, c] = targets.map((t) => tokensOf(t.id));
    expect(a!.size).toBeGreaterThan(0);
    for (const [x, y] of [
      [a!, b!],
      [a!, c!],
      [b!, c!],
    ] as const)
      expect([...x].filter((t) => y.has(t))).toEqual([]);
  });
});

describe('T2: someone watching storage after every answer, without the secrets', () => {
  test('no snapshot names anyone in the rows of an anonymous item', () => {
    for (const rows of t2Snapshots) {
      const inItems = rows.filter((r) =>
        targets.some((t) => r.row.partitionKey === t.id || r.row.partitionKey === `prompt|${t.id}`),
      );
      expect(inItems.filter((r) => identifiers.some((id) => text(r.row).includes(id)))).toEqual([]);
    }
  });

  test('between two snapshots, answer content becomes readable only for at least MIN_GROUP_SIZE people at once', () => {
    let seenTexts = new Set<string>();
    let seenTallies = new Map<string, string>();
    let steps = 0;
    for (const rows of t2Snapshots) {
      const writes = t2(rows);
      const texts = new Set(writes.flatMap((w) => w.texts));
      const fresh = [...texts].filter((t) => !seenTexts.has(t));
      if (fresh.length > 0) expect(new Set(fresh.map((t) => authorOf.get(t))).size).toBeGreaterThanOrEqual(K);
      const tallies = new Map(
        rows
          .filter((r) => targets.some((t) => r.row.partitionKey === t.id) && typeof r.row.counts === 'string')
          .map((r) => [String(r.row.partitionKey), `${String(r.row.counts)}|${String(r.row.voters)}`]),
      );
      for (const [item, value] of tallies) {
        const before = seenTallies.get(item);
        if (before !== undefined && before !== value) {
          const delta = Number(value.split('|')[1]) - Number(before.split('|')[1]);
          expect({ item, delta: delta >= K }).toEqual({ item, delta: true });
        }
        if (before === undefined)
          expect({ item, voters: Number(value.split('|')[1]) >= K || value.startsWith('[0,0') }).toEqual({
            item,
            voters: true,
          });
      }
      seenTexts = texts;
      seenTallies = tallies;
      steps++;
    }
    expect(steps).toBeGreaterThan(respondents.length * 4);
  });
});

test('no log line names a respondent while they answered, and none holds an anonymous idea text', () => {
  const logs = [...first.logs, ...current.logs];
  const during = logs.filter(
    (l) =>
      typeof l.time === 'number' &&
      l.time >= answeringFrom &&
      l.time <= answeringTo &&
      JSON.stringify(l).includes(pollA.item.id),
  );
  expect(during.length).toBeGreaterThan(0);
  expect(during.filter((l) => identifiers.some((id) => text(l).includes(id)))).toEqual([]);
  expect(logs.filter((l) => [...authorOf.keys()].some((t) => text(l).includes(t)))).toEqual([]);
});
