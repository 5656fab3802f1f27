import path from 'node:path';
import { mkdirSync } from 'node:fs';

/** the Azurite emulator's documented development account. */
export const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** a running in-process Azurite table server. */
export interface EmbeddedTableServer {
  /** connection string for @azure/data-tables (loopback, http). */
  connectionString: string;
  port: number;
  close(): Promise<void>;
}

export interface EmbeddedTableServerOptions {
  /** folder for the table database; omitted = in-memory (tests). */
  dataDir?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /**
   * serve https with this certificate and key (PEM files) and accept Entra bearer tokens as Azurite's `--oauth basic`
   * does (issuer, audience and lifetime checked, the signature not): keyless storage without Azure, for tests. The
   * account's endpoint is then https://127.0.0.1:<port>/devstoreaccount1.
   */
  oauth?: { certFile: string; keyFile: string };
}

interface AzuriteTableServer {
  start(): Promise<void>;
  close(): Promise<void>;
  getHttpServerAddress(): string;
}

/** Azurite's table server classes, loaded only when a table server starts: azurite is a development dependency. */
function loadAzurite(): {
  TableServer: new (config: unknown) => AzuriteTableServer;
  TableConfiguration: new (...args: unknown[]) => unknown;
} {
  try {
    /* eslint-disable @typescript-eslint/no-require-imports */
    return {
      TableServer: require('azurite/dist/src/table/TableServer').default,
      TableConfiguration: require('azurite/dist/src/table/TableConfiguration').default,
    };
    /* eslint-enable @typescript-eslint/no-require-imports */
  } catch (err) {
    if ((err as { code?: string }).code !== 'MODULE_NOT_FOUND') throw err;
    throw new Error(
      'Local mode needs the embedded table storage (azurite), a development dependency that this install lacks. ' +
        'Install everything with `npm ci` for local mode, or set MicrosoftAppId and AZURE_STORAGE_CONNECTION_STRING for production.',
      { cause: err },
    );
  }
}

/**
 * starts Azurite's table server inside this process on 127.0.0.1, persisting under dataDir or in memory.
 * Loaded from its dist path: azurite's main module needs VS Code.
 */
export async function startEmbeddedTableServer(options: EmbeddedTableServerOptions = {}): Promise<EmbeddedTableServer> {
  const { TableServer, TableConfiguration } = loadAzurite();
  const inMemory = options.dataDir === undefined;
  let dbPath = 'azurite-table-memory.json';
  if (!inMemory) {
    mkdirSync(options.dataDir as string, { recursive: true });
    dbPath = path.join(options.dataDir as string, '__azurite_db_table__.json');
  }
  const config = new TableConfiguration(
    '127.0.0.1',
    options.port ?? 0,
    undefined, // keepAliveTimeout
    dbPath,
    false, // enableDebugLog
    false, // enableAccessLog
    undefined,
    undefined,
    false, // loose
    true, // skipApiVersionCheck: newer SDKs send newer API versions
    options.oauth?.certFile ?? '',
    options.oauth?.keyFile ?? '',
    '', // pwd
    options.oauth ? 'basic' : undefined,
    false,
    inMemory,
  );
  const server: AzuriteTableServer = new TableServer(config);
  await server.start();
  const address = server.getHttpServerAddress(); // e.g. http://127.0.0.1:54321
  const port = Number(new URL(address).port);
  return {
    port,
    connectionString: connectionStringFor(port),
    close: () => server.close(),
  };
}

/** the connection string of a local Azurite table endpoint. */
export function connectionStringFor(port: number, host = '127.0.0.1'): string {
  return `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};TableEndpoint=http://${host}:${port}/${DEV_ACCOUNT};`;
}
