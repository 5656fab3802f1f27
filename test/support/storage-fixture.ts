import { startEmbeddedTableServer, type EmbeddedTableServer } from '../../storage/embedded-azurite';
import { openStorage, type Storage } from '../../storage/open-storage';

/** the embedded table server and repositories of one spec file. */
export interface StorageFixture {
  server: EmbeddedTableServer;
  storage: Storage;
}

/** starts an in-memory Azurite with all tables before the file's tests and stops it after them. */
export function useEmbeddedStorage(): () => StorageFixture {
  let fixture: StorageFixture | undefined;
  beforeAll(async () => {
    const server = await startEmbeddedTableServer();
    const storage = await openStorage({
      connectionString: server.connectionString,
      answerSecret: 'spec-secret-spec-secret-spec-secret!',
      timeZone: 'Europe/Berlin',
      minGroupSize: 5,
    });
    fixture = { server, storage };
  });
  afterAll(async () => {
    await fixture?.storage.background.settle();
    await fixture?.server.close();
  });
  return () => {
    if (!fixture) throw new Error('storage fixture used outside a test');
    return fixture;
  };
}
