import { randomUUID } from 'node:crypto';
import type { Storage } from './open-storage';
import { useEmbeddedStorage } from '../test/support/storage-fixture';

const fixture = useEmbeddedStorage();
let storage: Storage;
beforeAll(() => {
  ({ storage } = fixture());
});

const T0 = new Date('2026-03-09T07:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const leader = () => `aad-lead-${randomUUID()}`;
const WEEK = '2026-W10';

describe('DigestLedger', () => {
  test('claims a digest once, reports it taken while being sent and done after it was sent', async () => {
    const l = leader();
    expect(await storage.digestLedger.claim(l, WEEK, 'a', T0)).toBe('claimed');
    expect(await storage.digestLedger.claim(l, WEEK, 'b', T0)).toBe('taken');
    await storage.digestLedger.markSent(l, WEEK, later(1000));
    expect(await storage.digestLedger.claim(l, WEEK, 'b', later(2000))).toBe('done');
    expect(await storage.digestLedger.status(l, WEEK)).toMatchObject({
      status: 'sent',
      claimedBy: 'a',
      sentAt: later(1000),
      attempts: 1,
    });
  });

  test('gives exactly one of two parallel claims', async () => {
    const l = leader();
    const outcomes = await Promise.all([
      storage.digestLedger.claim(l, WEEK, 'a', T0),
      storage.digestLedger.claim(l, WEEK, 'b', T0),
    ]);
    expect(outcomes.sort()).toEqual(['claimed', 'taken']);
  });

  test('treats another week of the same leader as a separate digest', async () => {
    const l = leader();
    await storage.digestLedger.claim(l, WEEK, 'a', T0);
    expect(await storage.digestLedger.claim(l, '2026-W11', 'a', T0)).toBe('claimed');
  });

  test('finds a claim whose sender crashed once it is old enough, lets one instance resume it, and forgets it once sent', async () => {
    const l = leader();
    await storage.digestLedger.claim(l, WEEK, 'crashed', T0);
    expect((await storage.digestLedger.unfinished(later(-1))).filter((c) => c.leaderId === l)).toEqual([]);
    const [claim] = (await storage.digestLedger.unfinished(later(60_000))).filter((c) => c.leaderId === l);
    expect(claim).toMatchObject({ leaderId: l, week: WEEK, status: 'claimed', claimedBy: 'crashed', attempts: 1 });
    if (!claim) throw new Error('claim expected');
    const resumes = await Promise.all([
      storage.digestLedger.reclaim(claim, 'b', later(61_000)),
      storage.digestLedger.reclaim(claim, 'c', later(61_000)),
    ]);
    expect(resumes.sort()).toEqual(['claimed', 'taken']);
    expect((await storage.digestLedger.status(l, WEEK))?.attempts).toBe(2);
    await storage.digestLedger.markSent(l, WEEK, later(62_000));
    expect((await storage.digestLedger.unfinished(later(120_000))).filter((c) => c.leaderId === l)).toEqual([]);
  });

  test('records a skipped digest with its reason as done', async () => {
    const l = leader();
    await storage.digestLedger.claim(l, WEEK, 'a', T0);
    await storage.digestLedger.markSkipped(l, WEEK, 'no personal chat', T0);
    expect(await storage.digestLedger.claim(l, WEEK, 'a', T0)).toBe('done');
    expect(await storage.digestLedger.status(l, WEEK)).toMatchObject({ status: 'skipped', reason: 'no personal chat' });
    expect((await storage.digestLedger.ofWeek(WEEK)).some((c) => c.leaderId === l)).toBe(true);
  });

  test('reports no status for a digest nobody claimed', async () => {
    expect(await storage.digestLedger.status(leader(), WEEK)).toBeUndefined();
  });

  test('gives the sender lease to one instance until it expires or is released', async () => {
    const ledger = storage.digestLedger;
    const [a, b] = await Promise.all([
      ledger.acquireLease('lease-a', T0, 30_000),
      ledger.acquireLease('lease-b', T0, 30_000),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const holder = a ? 'lease-a' : 'lease-b';
    const other = a ? 'lease-b' : 'lease-a';
    expect(await ledger.acquireLease(holder, later(10_000), 30_000)).toBe(true);
    expect(await ledger.acquireLease(other, later(20_000), 30_000)).toBe(false);
    expect(await ledger.acquireLease(other, later(40_001), 30_000)).toBe(true);
    await ledger.releaseLease(holder);
    expect(await ledger.acquireLease(holder, later(40_002), 30_000)).toBe(false);
    await ledger.releaseLease(other);
    expect(await ledger.acquireLease(holder, later(40_003), 30_000)).toBe(true);
  });
});
