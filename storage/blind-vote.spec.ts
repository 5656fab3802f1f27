import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { samplePoll } from '../test/support/sample-items';
import { useEmbeddedStorage } from '../test/support/storage-fixture';
import { connectionStringFor } from './embedded-azurite';
import { openStorage, type Storage } from './open-storage';
import { openTables } from './tables';

// A vote is written blind, as one batch of its own row and a gate touch: these specs run two instances (two
// Storage objects, as two bot processes would have) against one Azurite, the second through a loopback proxy that
// counts its storage requests.

const fixture = useEmbeddedStorage();
const SECRET = 'spec-secret-spec-secret-spec-secret!';
let a: Storage;
let b: Storage;
let proxy: http.Server;
let requests = 0;

beforeAll(async () => {
  const { server, storage } = fixture();
  a = storage;
  const target = Number(new URL(server.connectionString.match(/TableEndpoint=([^;]+)/)?.[1] ?? '').port);
  proxy = http.createServer((req, res) => {
    requests++;
    const upstream = http.request(
      { host: '127.0.0.1', port: target, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  b = await openStorage({
    connectionString: connectionStringFor((proxy.address() as AddressInfo).port),
    answerSecret: SECRET,
    timeZone: 'Europe/Berlin',
    minGroupSize: 5,
  });
});
afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((r) => proxy.close(r));
});

const person = (i: number) => ({ aadObjectId: `aad-blind-${i}-${randomUUID()}`, name: `Person ${i}` });

async function requestsOf(work: () => Promise<unknown>): Promise<number> {
  const before = requests;
  await work();
  return requests - before;
}

describe('votes are one batch of the voter’s own row and a gate, with no row every vote writes', () => {
  test('a first vote is one batch: anonymous alone, named with its index and participation rows', async () => {
    const anonymous = samplePoll({ anonymous: true });
    const named = samplePoll();
    await b.responses.castVote(anonymous, person(1), [0], new Date());
    await b.responses.castVote(named, person(1), [0], new Date());
    expect(await requestsOf(() => b.responses.castVote(anonymous, person(2), [1], new Date()))).toBe(1);
    expect(await requestsOf(() => b.responses.castVote(named, person(2), [1], new Date()))).toBe(3);
    expect(await a.responses.tally(anonymous)).toEqual({ counts: [1, 1, 0], voters: 2 });
    expect(await a.responses.tally(named)).toEqual({ counts: [1, 1, 0], voters: 2 });
  });

  test('two instances voting in turn on one poll count every vote', async () => {
    for (const anonymous of [false, true]) {
      const item = samplePoll({ anonymous });
      for (let i = 0; i < 12; i++) {
        const outcome = await (i % 2 === 0 ? a : b).responses.castVote(item, person(i), [i % 3], new Date());
        expect(outcome.status).toBe('recorded');
      }
      expect(await a.responses.tally(item)).toEqual({ counts: [4, 4, 4], voters: 12 });
      expect(await b.responses.tally(item)).toEqual({ counts: [4, 4, 4], voters: 12 });
    }
  });

  test('a named vote changed later moves the tally; an anonymous second vote is refused', async () => {
    const named = samplePoll();
    const who = person(1);
    await b.responses.castVote(named, person(2), [0], new Date());
    await b.responses.castVote(named, who, [0], new Date());
    expect(await b.responses.castVote(named, who, [2], new Date())).toEqual({
      status: 'recorded',
      tally: { counts: [1, 0, 1], voters: 2 },
      choices: [2],
    });
    expect((await b.responses.castVote(named, who, [2], new Date())).status).toBe('unchanged');
    expect(await a.responses.namedVote(named, who.aadObjectId)).toEqual([2]);

    const anonymous = samplePoll({ anonymous: true });
    await b.responses.castVote(anonymous, who, [1], new Date());
    expect((await b.responses.castVote(anonymous, who, [0], new Date())).status).toBe('anonymous-final');
    expect(await a.responses.tally(anonymous)).toEqual({ counts: [0, 1, 0], voters: 1 });
  });

  test('a poll sealed by another instance refuses the vote and stores nothing of it', async () => {
    const item = samplePoll();
    await b.responses.castVote(item, person(1), [0], new Date()); // b now knows the tally
    await a.responses.seal(item, new Date());
    const late = person(2);
    expect(await b.responses.castVote(item, late, [1], new Date())).toEqual({
      status: 'closed',
      tally: { counts: [1, 0, 0], voters: 1 },
    });
    expect(await a.responses.tally(item)).toEqual({ counts: [1, 0, 0], voters: 1 });
    expect(await a.responses.namedVote(item, late.aadObjectId)).toBeUndefined();
    const rowsOfLate: unknown[] = [];
    for await (const row of openTables(fixture().server.connectionString).responses.listEntities())
      if (JSON.stringify(row).includes(late.aadObjectId)) rowsOfLate.push(row);
    expect(rowsOfLate).toEqual([]);
  });

  test('a tally changed behind the instance (an erased vote) is read again before counting', async () => {
    const item = samplePoll();
    const leaving = person(1);
    await b.responses.castVote(item, leaving, [0], new Date());
    await a.personalData.eraseNamedVotes(leaving.aadObjectId);
    expect(await a.responses.tally(item)).toEqual({ counts: [0, 0, 0], voters: 0 });
    await b.responses.castVote(item, person(2), [2], new Date());
    expect(await a.responses.tally(item)).toEqual({ counts: [0, 0, 1], voters: 1 });
  });
});

test('erasing a named vote from a closed poll removes the person’s link and leaves the sealed result as it was', async () => {
  const item = samplePoll();
  const leaving = person(1);
  await a.responses.castVote(item, leaving, [0], new Date());
  await a.responses.castVote(item, person(2), [1], new Date());
  await a.responses.seal(item, new Date());
  await a.personalData.eraseNamedVotes(leaving.aadObjectId);
  expect(await a.responses.namedVote(item, leaving.aadObjectId)).toBeUndefined();
  expect(await a.responses.tallyState(item)).toEqual({ tally: { counts: [1, 1, 0], voters: 2 }, sealed: true });
  expect((await b.responses.castVote(item, person(3), [2], new Date())).status).toBe('closed');
});
