import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedTableServer } from './embedded-azurite';
import { openStorage } from './open-storage';
import type { Item } from '../core/items';

const item: Item = {
  id: 'persisted-poll',
  teamId: '19:team',
  channelId: '19:team',
  kind: 'poll',
  pollKind: 'single',
  question: 'Bleibt das nach einem Neustart?',
  options: ['ja', 'nein'],
  anonymous: false,
  status: 'open',
  createdBy: 'aad-admin',
  createdAt: new Date('2026-11-27T09:00:00Z'),
  locale: 'de',
};

test('answers written to the embedded table server under a data folder survive a restart of the server', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mitwirken-tables-'));
  try {
    const first = await startEmbeddedTableServer({ dataDir });
    const storage = await openStorage({
      connectionString: first.connectionString,
      answerSecret: 's'.repeat(32),
      timeZone: 'Europe/Berlin',
      minGroupSize: 5,
    });
    await storage.items.create(item);
    await storage.responses.castVote(item, { aadObjectId: 'aad-1', name: 'Anna Becker' }, [0], new Date());
    await first.close();

    const second = await startEmbeddedTableServer({ dataDir });
    try {
      const reopened = await openStorage({
        connectionString: second.connectionString,
        answerSecret: 's'.repeat(32),
        timeZone: 'Europe/Berlin',
        minGroupSize: 5,
      });
      expect((await reopened.items.get(item.id))?.question).toBe(item.question);
      expect(await reopened.responses.namedVote(item, 'aad-1')).toEqual([0]);
      expect((await reopened.responses.tally(item)).counts).toEqual([1, 0]);
    } finally {
      await second.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('two in-memory table servers start side by side on distinct free loopback ports', async () => {
  const a = await startEmbeddedTableServer();
  const b = await startEmbeddedTableServer();
  try {
    expect(a.port).not.toBe(b.port);
    expect(a.connectionString).toContain(`http://127.0.0.1:${a.port}/`);
  } finally {
    await a.close();
    await b.close();
  }
});
