import { randomUUID } from 'node:crypto';
import { isoWeekKey } from '../core/iso-week';
import type { Item } from '../core/items';
import type { Storage } from './open-storage';
import { samplePoll } from '../test/support/sample-items';
import { useEmbeddedStorage } from '../test/support/storage-fixture';
import { odata } from '@azure/data-tables';
import { encodeKey, openTables } from './tables';

const TZ = 'Europe/Berlin';
const fixture = useEmbeddedStorage();
let storage: Storage;
beforeAll(() => {
  ({ storage } = fixture());
});

function newItem(over: Partial<Item> = {}): Item {
  return samplePoll({
    teamId: `19:team-${randomUUID()}@thread.tacv2`,
    channelId: '19:general@thread.tacv2',
    createdBy: `aad-${randomUUID()}`,
    createdAt: new Date('2026-03-04T09:00:00Z'),
    ...over,
  });
}
const thread = (activityId: string) => `19:general@thread.tacv2;messageid=${activityId}-${randomUUID()}`;

describe('ItemRepository', () => {
  test('returns a created item as it was stored', async () => {
    const item = newItem({ closesAt: new Date('2026-03-11T09:00:00Z') });
    await storage.items.create(item);
    expect(await storage.items.get(item.id)).toEqual(item);
  });

  test('returns nothing for an unknown id', async () => {
    expect(await storage.items.get(randomUUID())).toBeUndefined();
  });

  test('closes an item and keeps the first close time when closed again', async () => {
    const item = newItem();
    await storage.items.create(item);
    const first = new Date('2026-03-05T10:00:00Z');
    await storage.items.close(item.id, first);
    await storage.items.close(item.id, new Date('2026-03-06T10:00:00Z'));
    expect(await storage.items.get(item.id)).toMatchObject({ status: 'closed', closedAt: first });
  });

  test('records where the card was posted', async () => {
    const item = newItem();
    await storage.items.create(item);
    const conversationId = thread('m1');
    await storage.items.markPosted(item.id, conversationId, 'm1');
    expect(await storage.items.get(item.id)).toMatchObject({ conversationId, activityId: 'm1' });
  });

  test('finds the open item of a thread after it was posted', async () => {
    const item = newItem();
    await storage.items.create(item);
    const conversationId = thread('m1');
    await storage.items.markPosted(item.id, conversationId, 'm1');
    expect((await storage.items.latestOpenInConversation(conversationId))?.id).toBe(item.id);
  });

  test('finds the open item through an extra conversation id named when posting', async () => {
    const item = newItem();
    const channel = `19:channel-${randomUUID()}@thread.tacv2`;
    await storage.items.create(item);
    await storage.items.markPosted(item.id, `${channel};messageid=m1`, 'm1', [channel]);
    expect((await storage.items.latestOpenInConversation(channel))?.id).toBe(item.id);
  });

  test('finds the newest open item of a conversation and skips closed ones', async () => {
    const channel = `19:channel-${randomUUID()}@thread.tacv2`;
    const older = newItem({ createdAt: new Date('2026-03-02T09:00:00Z') });
    const newer = newItem({ createdAt: new Date('2026-03-03T09:00:00Z') });
    for (const item of [older, newer]) {
      await storage.items.create(item);
      await storage.items.markPosted(item.id, `${channel};messageid=${item.id}`, item.id, [channel]);
    }
    expect((await storage.items.latestOpenInConversation(channel))?.id).toBe(newer.id);
    await storage.items.close(newer.id, new Date());
    expect((await storage.items.latestOpenInConversation(channel))?.id).toBe(older.id);
  });

  test('finds no open item in a conversation whose only item is closed', async () => {
    const item = newItem();
    const conversationId = thread('m1');
    await storage.items.create(item);
    await storage.items.markPosted(item.id, conversationId, 'm1');
    await storage.items.close(item.id, new Date());
    expect(await storage.items.latestOpenInConversation(conversationId)).toBeUndefined();
  });

  test('finds the newest item a person created, open or closed', async () => {
    const creator = `aad-${randomUUID()}`;
    const older = newItem({ createdBy: creator, createdAt: new Date('2026-03-02T09:00:00Z') });
    const newer = newItem({ createdBy: creator, createdAt: new Date('2026-03-03T09:00:00Z') });
    await storage.items.create(newer);
    await storage.items.create(older);
    await storage.items.close(newer.id, new Date());
    expect((await storage.items.latestByCreator(creator))?.id).toBe(newer.id);
  });

  test("lists a team's items by the ISO week they closed in, in the configured time zone", async () => {
    const teamId = `19:team-${randomUUID()}@thread.tacv2`;
    const longRunning = newItem({ teamId, createdAt: new Date('2026-02-09T09:00:00Z') }); // posted four weeks before
    const wednesday = newItem({ teamId });
    const sundayNight = newItem({ teamId });
    const otherTeam = newItem();
    const stillOpen = newItem({ teamId });
    for (const item of [longRunning, wednesday, sundayNight, otherTeam, stillOpen]) await storage.items.create(item);
    await storage.items.close(longRunning.id, new Date('2026-03-05T10:00:00Z'));
    await storage.items.close(wednesday.id, new Date('2026-03-04T09:00:00Z'));
    // Sunday 23:30 UTC is already Monday in Berlin: this item closed in the next week.
    await storage.items.close(sundayNight.id, new Date('2026-03-08T23:30:00Z'));
    await storage.items.close(otherTeam.id, new Date('2026-03-04T09:00:00Z'));
    expect(isoWeekKey(new Date('2026-03-04T09:00:00Z'), TZ)).toBe('2026-W10');
    expect((await storage.items.closedInTeamWeek(teamId, '2026-W10')).map((i) => i.id)).toEqual([
      longRunning.id,
      wednesday.id,
    ]);
    expect((await storage.items.closedInTeamWeek(teamId, '2026-W11')).map((i) => i.id)).toEqual([sundayNight.id]);
  });

  test("closing twice keeps one row, under the first close's week", async () => {
    const item = newItem();
    await storage.items.create(item);
    await storage.items.close(item.id, new Date('2026-03-04T09:00:00Z'));
    await storage.items.close(item.id, new Date('2026-03-11T09:00:00Z'));
    expect((await storage.items.closedInTeamWeek(item.teamId, '2026-W10')).map((i) => i.id)).toEqual([item.id]);
    expect(await storage.items.closedInTeamWeek(item.teamId, '2026-W11')).toEqual([]);
  });
});

describe('ItemRepository reads for the weekly digest', () => {
  test('lists the open items of a team and drops them once closed', async () => {
    const teamId = `19:team-${randomUUID()}@thread.tacv2`;
    const a = newItem({ teamId });
    const b = newItem({ teamId, createdAt: new Date('2026-03-05T09:00:00Z') });
    await storage.items.create(a);
    await storage.items.create(b);
    await storage.items.create(newItem());
    expect((await storage.items.openOfTeam(teamId)).map((i) => i.id)).toEqual([b.id, a.id]);
    await storage.items.close(a.id, new Date('2026-03-06T09:00:00Z'));
    expect((await storage.items.openOfTeam(teamId)).map((i) => i.id)).toEqual([b.id]);
  });
});

describe('indexing items closed before the closed-in-week index existed', () => {
  test('indexes them once from the close-month index, then records that it ran', async () => {
    const item = newItem();
    await storage.items.create(item);
    await storage.items.close(item.id, new Date('2026-03-04T09:00:00Z'));
    // as an item closed by an older version: no closed-in-week row
    const index = openTables(fixture().server.connectionString).itemIndex;
    for await (const row of index.listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${`closedin|${encodeKey(item.teamId)}|2026-W10`}` },
    })) {
      await index.deleteEntity(String(row.partitionKey), String(row.rowKey));
    }
    expect(await storage.items.closedInTeamWeek(item.teamId, '2026-W10')).toEqual([]);

    const since = new Date('2026-03-01T00:00:00Z');
    expect(await storage.items.backfillClosedInWeek(() => storage.retention.closedSince(since))).toBeGreaterThanOrEqual(
      1,
    );
    expect((await storage.items.closedInTeamWeek(item.teamId, '2026-W10')).map((i) => i.id)).toEqual([item.id]);
    const source = jest.fn(() => storage.retention.closedSince(since));
    expect(await storage.items.backfillClosedInWeek(source)).toBe(0);
    expect(source).not.toHaveBeenCalled();
  });
});
