import type { Storage } from './open-storage';
import { useEmbeddedStorage } from '../test/support/storage-fixture';

const fixture = useEmbeddedStorage();
let storage: Storage;
beforeAll(() => {
  ({ storage } = fixture());
});

describe('ItemRepository: items to close at their open-until', () => {
  const at = (iso: string) => new Date(iso);

  test('lists the items due by a moment, earliest first, and none due later', async () => {
    await storage.items.markDueToClose('item-late', at('2031-05-01T12:00:00Z'));
    await storage.items.markDueToClose('item-b', at('2031-05-01T10:00:00Z'));
    await storage.items.markDueToClose('item-a', at('2031-05-01T09:00:00Z'));
    expect(await storage.items.dueToClose(at('2031-05-01T08:59:59Z'))).toEqual([]);
    expect(await storage.items.dueToClose(at('2031-05-01T10:00:00Z'))).toEqual([
      { itemId: 'item-a', closesAt: at('2031-05-01T09:00:00Z') },
      { itemId: 'item-b', closesAt: at('2031-05-01T10:00:00Z') },
    ]);
  });

  test('forgets an item once told, and forgetting twice is harmless', async () => {
    await storage.items.markDueToClose('item-c', at('2032-01-01T00:00:00Z'));
    await storage.items.forgetDue('item-c', at('2032-01-01T00:00:00Z'));
    await storage.items.forgetDue('item-c', at('2032-01-01T00:00:00Z'));
    const due = await storage.items.dueToClose(at('2032-01-02T00:00:00Z'));
    expect(due.map((d) => d.itemId)).not.toContain('item-c');
  });
});
