import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VERBS } from '../core/card-actions';
import { messages } from '../core/messages';
import { startEmbeddedTableServer, type EmbeddedTableServer } from '../storage/embedded-azurite';
import { DEFAULT_ROSTERS, people, startBotHarness, type BotHarness, type Person } from './support/bot-harness';
import { TeamsConnector } from './support/teams-connector';
import { tableCensus, type Census } from './support/table-census';
import { cardTexts } from './support/card-nodes';
import { invokeCard, postItem, type PostedItem } from './support/turn-helpers';

// Storage goes away while people answer: they are told on the card, /readyz says 503, nothing is half-written,
// and once storage is back every acknowledged answer is there and answering works again. Azurite runs on a fixed
// port with a data folder on disk, so a restart is the same storage coming back.

jest.setTimeout(120_000);

const de = messages('de');
const voters = people(8);
const voter = (i: number): Person => voters[i] as Person;

let dataDir: string;
let port: number;
let server: EmbeddedTableServer;
let connector: TeamsConnector;
let h: BotHarness;
let named: PostedItem;
let anonymous: PostedItem;
let prompt: PostedItem;
let rowsBefore: Census;

const vote = (p: PostedItem, who: Person, choice: number) => h.invoke(VERBS.vote, { itemId: p.item.id, choice }, who);
const idea = (who: Person, ideaText: string, id: string) =>
  h.invoke(VERBS.submitIdea, { itemId: prompt.item.id, ideaText }, who, { id });
const readyz = async () => (await fetch(`${h.url}/readyz`)).status;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'mitwirken-outage-'));
  server = await startEmbeddedTableServer({ dataDir });
  port = server.port;
  connector = await new TeamsConnector({ limits: false, members: DEFAULT_ROSTERS }).start();
  h = await startBotHarness({}, {}, { shareWith: { tableServer: server, connector } });
  await h.installInTeam();
  named = await postItem(h, 'umfrage Passt der neue Dienstplan? | ja | nein');
  anonymous = await postItem(h, 'umfrage --anonym Reicht die Zeit für die Fälle? | ja | nein');
  prompt = await postItem(h, 'ideenabfrage Was fehlt im Dienstplan?');
  // acknowledged before the outage: three people answer everything
  for (let i = 0; i < 3; i++) {
    expect(cardTexts(invokeCard(await vote(named, voter(i), 0)))).toContain(de.yourVote('ja'));
    expect(cardTexts(invokeCard(await vote(anonymous, voter(i), 1)))).toContain(de.yourAnonymousVote);
    expect(cardTexts(invokeCard(await idea(voter(i), `Idee vor dem Ausfall ${i}`, `before-${i}`))).join(' ')).toContain(
      de.anotherIdea,
    );
  }
  await h.storage.participation.flush();
});
afterAll(async () => {
  await h.stop();
  await connector.stop();
  await server.close().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a storage outage during answers', () => {
  test('reports ready while storage answers', async () => {
    expect(await readyz()).toBe(200);
  });

  test('while storage is down, people get the storage message on the card, /readyz is 503 and commands say so too', async () => {
    rowsBefore = await tableCensus(h.storage);
    await server.close();
    expect(await readyz()).toBe(503);
    for (const [res, label] of [
      [await vote(named, voter(3), 1), 'named vote'],
      [await vote(anonymous, voter(3), 0), 'anonymous vote'],
      [await idea(voter(3), 'Idee während des Ausfalls', 'during-3'), 'idea'],
    ] as const) {
      expect([label, cardTexts(invokeCard(res))]).toEqual([label, expect.arrayContaining([de.errStorageDown])]);
    }
    const before = h.connector.delivered.length;
    await h.personalMessage('meine daten', voter(4));
    expect(h.connector.delivered.slice(before).map((d) => d.activity.text)).toContain(de.errStorageDown);
    expect(h.logs.some((l) => l.msg === 'storage unavailable')).toBe(true);
  });

  test('when storage is back, every acknowledged answer is there, nothing half-written, and answering works again', async () => {
    server = await startEmbeddedTableServer({ dataDir, port });
    expect(await readyz()).toBe(200);

    // nothing from the outage was stored (not a single row); everything acknowledged before it survived
    expect(await tableCensus(h.storage)).toEqual(rowsBefore);
    expect(await h.storage.responses.tally(named.item)).toEqual({ counts: [3, 0], voters: 3 });
    expect(await h.storage.responses.tally(anonymous.item)).toEqual({ counts: [0, 3], voters: 3 });
    expect((await h.storage.responses.ideas(prompt.item.id)).map((i) => i.text).sort()).toEqual([
      'Idee vor dem Ausfall 0',
      'Idee vor dem Ausfall 1',
      'Idee vor dem Ausfall 2',
    ]);
    expect((await h.storage.ideas.ofItem(prompt.item.id)).map((i) => i.text).sort()).toEqual([
      'Idee vor dem Ausfall 0',
      'Idee vor dem Ausfall 1',
      'Idee vor dem Ausfall 2',
    ]);

    // the same people try again, with the same delivery for the idea: each answer counts once
    expect(cardTexts(invokeCard(await vote(named, voter(3), 1)))).toContain(de.yourVote('nein'));
    expect(cardTexts(invokeCard(await vote(anonymous, voter(3), 0)))).toContain(de.yourAnonymousVote);
    invokeCard(await idea(voter(3), 'Idee während des Ausfalls', 'during-3'));
    invokeCard(await idea(voter(3), 'Idee während des Ausfalls', 'during-3'));
    expect(await h.storage.responses.tally(named.item)).toEqual({ counts: [3, 1], voters: 4 });
    expect(await h.storage.responses.tally(anonymous.item)).toEqual({ counts: [1, 3], voters: 4 });
    expect(await h.storage.responses.ideaCount(prompt.item.id)).toBe(4);
    expect(cardTexts(invokeCard(await vote(anonymous, voter(0), 0)))).toContain(de.errAnonymousFinal);
  });
});
