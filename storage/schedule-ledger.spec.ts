import { randomUUID } from 'node:crypto';
import { startEmbeddedTableServer, type EmbeddedTableServer } from './embedded-azurite';
import { ScheduleLedger, slotLedgerKey, type SlotRef } from './schedule-ledger';
import { ensureTables, openTables } from './tables';

let server: EmbeddedTableServer;
let ledger: ScheduleLedger;

beforeAll(async () => {
  server = await startEmbeddedTableServer();
  const tables = openTables(server.connectionString);
  await ensureTables(tables);
  ledger = new ScheduleLedger(tables);
});
afterAll(async () => {
  await server.close();
});

const at = (iso: string) => new Date(iso);
const T0 = at('2026-12-07T08:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

function ref(over: Partial<SlotRef> = {}): SlotRef {
  return {
    campaignId: `c-${randomUUID().slice(0, 8)}`,
    itemId: 'item-1',
    teamId: '19:team-a@thread.tacv2',
    channelId: '19:team-a@thread.tacv2',
    slot: { key: '2026-12-07T09:00', at: T0 },
    ...over,
  };
}

describe('ScheduleLedger lease', () => {
  // one lease row for the whole table, so each test in this block leaves it expired for the next.
  test('gives the lease to the first instance and refuses a second one until it expires', async () => {
    expect(await ledger.acquireLease('a', T0, 30_000)).toBe(true);
    expect(await ledger.acquireLease('b', later(10_000), 30_000)).toBe(false);
    expect(await ledger.acquireLease('b', later(30_001), 30_000)).toBe(true);
    await ledger.releaseLease('b');
  });

  test('lets the holder renew its lease so others stay out past the first expiry', async () => {
    expect(await ledger.acquireLease('a', later(100_000), 30_000)).toBe(true);
    expect(await ledger.acquireLease('a', later(120_000), 30_000)).toBe(true);
    expect(await ledger.acquireLease('b', later(140_000), 30_000)).toBe(false);
    await ledger.releaseLease('a');
  });

  test('grants the lease to exactly one of several instances racing for it', async () => {
    const wins = await Promise.all(['a', 'b', 'c', 'd'].map((id) => ledger.acquireLease(id, later(500_000), 30_000)));
    expect(wins.filter(Boolean)).toHaveLength(1);
  });

  test('lets another instance lead at once after the holder releases the lease', async () => {
    expect(await ledger.acquireLease('x', later(1_000_000), 30_000)).toBe(true);
    await ledger.releaseLease('x');
    expect(await ledger.acquireLease('y', later(1_000_001), 30_000)).toBe(true);
    await ledger.releaseLease('y');
  });
});

describe('ScheduleLedger slots', () => {
  test('claims a slot once and reports it taken to every later claimer', async () => {
    const r = ref();
    expect(await ledger.claimSlot(r, T0, 'a')).toBe('claimed');
    expect(await ledger.claimSlot(r, T0, 'b')).toBe('taken');
    expect(await ledger.claimSlot({ ...r }, later(60_000), 'a')).toBe('taken');
  });

  test('lets exactly one of many concurrent claimers win a slot', async () => {
    const r = ref();
    const outcomes = await Promise.all(Array.from({ length: 8 }, (_, i) => ledger.claimSlot(r, T0, `i${i}`)));
    expect(outcomes.filter((o) => o === 'claimed')).toHaveLength(1);
  });

  test('treats the same slot in another channel as a separate claim', async () => {
    const r = ref();
    expect(await ledger.claimSlot(r, T0)).toBe('claimed');
    expect(await ledger.claimSlot({ ...r, channelId: '19:other@thread.tacv2' }, T0)).toBe('claimed');
  });

  test('keeps key parts apart even when ids contain the separator or forbidden characters', () => {
    const a = slotLedgerKey(ref({ campaignId: 'c', itemId: 'a|b', teamId: 't' }));
    const b = slotLedgerKey(ref({ campaignId: 'c', itemId: 'a', teamId: 'b|t' }));
    expect(a).not.toBe(b);
    expect(slotLedgerKey(ref({ campaignId: 'c', teamId: '19:x/y#z?' }))).not.toMatch(/[/#?\\]/);
  });

  test('lists a claim that was never posted as unfinished once it is older than the grace, and no longer after it is posted', async () => {
    const r = ref();
    await ledger.claimSlot(r, T0, 'crashed');
    expect((await ledger.unfinishedClaims(later(-1))).filter((c) => c.campaignId === r.campaignId)).toEqual([]);
    const [claim] = (await ledger.unfinishedClaims(later(60_000))).filter((c) => c.campaignId === r.campaignId);
    expect(claim).toMatchObject({ status: 'claimed', claimedBy: 'crashed', attempts: 1, slot: r.slot });
    await ledger.markPosted(r, 'posted-1', { closesAt: later(86_400_000), now: later(61_000) });
    expect((await ledger.unfinishedClaims(later(120_000))).filter((c) => c.campaignId === r.campaignId)).toEqual([]);
  });

  test('lets exactly one resumer take over an unfinished claim', async () => {
    const r = ref();
    await ledger.claimSlot(r, T0, 'crashed');
    const [claim] = (await ledger.unfinishedClaims(later(60_000))).filter((c) => c.campaignId === r.campaignId);
    const outcomes = await Promise.all(['a', 'b', 'c'].map((id) => ledger.reclaim(claim!, later(60_000), id)));
    expect(outcomes.filter((o) => o === 'claimed')).toHaveLength(1);
    const [entry] = await ledger.history(r.campaignId);
    expect(entry).toMatchObject({ status: 'claimed', attempts: 2 });
  });

  test('refuses to resume a claim that was posted meanwhile', async () => {
    const r = ref();
    await ledger.claimSlot(r, T0, 'slow');
    const [claim] = (await ledger.unfinishedClaims(later(60_000))).filter((c) => c.campaignId === r.campaignId);
    await ledger.markPosted(r, 'posted-1', { closesAt: later(86_400_000), now: later(61_000) });
    expect(await ledger.reclaim(claim!, later(62_000), 'resumer')).toBe('taken');
  });

  test('records the posted item id and reports a second, different post of the same slot as a duplicate', async () => {
    const r = ref();
    await ledger.claimSlot(r, T0);
    expect(await ledger.markPosted(r, 'posted-1', { closesAt: later(86_400_000), now: T0 })).toBe('posted');
    expect(await ledger.markPosted(r, 'posted-2', { closesAt: later(86_400_000), now: T0 })).toBe('duplicate');
    const [entry] = await ledger.history(r.campaignId);
    expect(entry).toMatchObject({ status: 'posted', postedItemId: 'posted-1', postedAt: T0 });
  });

  test('records a skipped slot with its reason, and never turns a posted slot into a skipped one', async () => {
    const skipped = ref();
    expect(await ledger.markSkipped(skipped, 'campaign paused', T0)).toBe('skipped');
    expect(await ledger.claimSlot(skipped, T0)).toBe('taken');
    const posted = ref({ campaignId: skipped.campaignId, itemId: 'item-2' });
    await ledger.claimSlot(posted, T0);
    await ledger.markPosted(posted, 'posted-1', { closesAt: later(86_400_000), now: T0 });
    expect(await ledger.markSkipped(posted, 'too late', T0)).toBe('already-done');
    const history = await ledger.history(skipped.campaignId);
    expect(history.map((e) => [e.itemId, e.status, e.reason])).toEqual([
      ['item-1', 'skipped', 'campaign paused'],
      ['item-2', 'posted', undefined],
    ]);
  });

  test('turns an unfinished claim into a skipped slot and drops it from the unfinished list', async () => {
    const r = ref();
    await ledger.claimSlot(r, T0);
    expect(await ledger.markSkipped(r, 'posting failed 5 times', later(1))).toBe('skipped');
    expect((await ledger.unfinishedClaims(later(600_000))).filter((c) => c.campaignId === r.campaignId)).toEqual([]);
  });

  test('keeps the history of one campaign apart from every other campaign', async () => {
    const mine = ref();
    await ledger.markSkipped(mine, 'team not found', T0);
    await ledger.markSkipped(ref(), 'team not found', T0);
    expect((await ledger.history(mine.campaignId)).map((e) => e.campaignId)).toEqual([mine.campaignId]);
  });
});

describe('ScheduleLedger open posts and reminders', () => {
  test('lists open posts whose close time has come, including one closing exactly now, and forgets them once closed', async () => {
    const id = randomUUID();
    const closesAt = at('2031-01-08T08:00:00Z');
    await ledger.markPosted(ref(), id, { closesAt, now: T0 });
    expect((await ledger.openPosts(new Date(closesAt.getTime() - 1))).map((p) => p.itemId)).not.toContain(id);
    const due = (await ledger.openPosts(closesAt)).filter((p) => p.itemId === id);
    expect(due).toEqual([{ itemId: id, campaignId: expect.any(String), closesAt }]);
    await ledger.markClosed(due[0]!);
    expect((await ledger.openPosts(closesAt)).map((p) => p.itemId)).not.toContain(id);
  });

  test('lists a reminder when it is due and lets it be claimed only once', async () => {
    const id = randomUUID();
    const closesAt = at('2032-01-08T08:00:00Z');
    const remindAt = at('2032-01-07T08:00:00Z');
    await ledger.markPosted(ref(), id, { closesAt, remindAt, now: T0 });
    expect((await ledger.dueReminders(new Date(remindAt.getTime() - 1))).map((r) => r.itemId)).not.toContain(id);
    const [reminder] = (await ledger.dueReminders(remindAt)).filter((r) => r.itemId === id);
    expect(reminder).toMatchObject({ itemId: id, remindAt, closesAt });
    expect(await ledger.claimReminder(id)).toBe('claimed');
    expect(await ledger.claimReminder(id)).toBe('taken');
    await ledger.dropReminder(reminder!);
    expect((await ledger.dueReminders(remindAt)).map((r) => r.itemId)).not.toContain(id);
  });

  test('remembers how far it has looked at a campaign', async () => {
    const id = `c-${randomUUID()}`;
    expect(await ledger.cursor(id)).toBeUndefined();
    await ledger.setCursor(id, T0);
    expect(await ledger.cursor(id)).toEqual(T0);
  });
});
