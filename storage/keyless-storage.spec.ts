import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { GetTokenOptions, TokenCredential } from '@azure/identity';
import { selfSignedCertificate, type TestCertificate } from '../test/support/self-signed-cert';
import { DEV_ACCOUNT, startEmbeddedTableServer, type EmbeddedTableServer } from './embedded-azurite';
import { openStorage, type Storage } from './open-storage';
import { TABLE_NAMES } from './tables';

/** one request the table endpoint saw. */
interface SeenRequest {
  method: string;
  path: string;
  authorization: string;
}

const TOKEN = 'eyJ0eXAiOiJKV1QifQ.fake-entra-token.for-storage';
const seen: SeenRequest[] = [];
const asked: Array<{ scopes: string | string[]; tenantId?: string }> = [];
let tls: TestCertificate;
let server: https.Server;
let storage: Storage;

/** a token credential as @azure/identity's would be, without Azure: it hands out a fixed token and records what was asked. */
const credential: TokenCredential = {
  getToken: async (scopes: string | string[], options?: GetTokenOptions) => {
    asked.push({ scopes, tenantId: options?.tenantId });
    return { token: TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 };
  },
};

/**
 * a stand-in for https://<account>.table.core.windows.net (bearer tokens are only sent over TLS): records every
 * request's Authorization header and answers what opening the storage, the readiness ping and a point read ask.
 */
function tableEndpoint(
  request: { method?: string; url?: string; headers: Record<string, string | string[] | undefined> },
  send: (status: number, body?: unknown) => void,
): void {
  const path = decodeURIComponent(request.url ?? '');
  seen.push({ method: request.method ?? '', path, authorization: String(request.headers.authorization ?? '') });
  if (request.method === 'POST' && path.startsWith('/Tables')) return send(204);
  if (request.method === 'GET' && path.startsWith('/Tables')) return send(200, { value: [] });
  if (request.method === 'GET' && /^\/\w+\(PartitionKey=/.test(path))
    return send(404, {
      'odata.error': {
        code: 'ResourceNotFound',
        message: { lang: 'en-US', value: 'The specified resource does not exist.' },
      },
    });
  send(400, { 'odata.error': { code: 'NotSupportedByStandIn', message: { lang: 'en-US', value: path } } });
}

beforeAll(async () => {
  tls = selfSignedCertificate();
  // the SDK's https requests trust the stand-ins' self-signed certificate (and only it), for this spec file only.
  const request = https.request;
  jest
    .spyOn(https, 'request')
    .mockImplementation(((options: https.RequestOptions, callback?: (res: unknown) => void) =>
      request({ ...options, ca: tls.cert }, callback)) as typeof https.request);
  server = https.createServer(tls, (req, res) => {
    req.resume();
    req.on('end', () =>
      tableEndpoint(req, (status, body) => {
        res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json;odata=minimalmetadata' });
        res.end(body === undefined ? undefined : JSON.stringify(body));
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const accountUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  storage = await openStorage({
    accountUrl,
    credential,
    answerSecret: 'keyless-secret-keyless-secret-keyless',
    timeZone: 'Europe/Berlin',
    minGroupSize: 5,
  });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  jest.restoreAllMocks();
});

describe('storage opened with an account URL and a token credential (no key)', () => {
  test('creates every table with an Entra bearer token', () => {
    const creates = seen.filter((r) => r.method === 'POST' && r.path.startsWith('/Tables'));
    expect(creates).toHaveLength(Object.keys(TABLE_NAMES).length);
    for (const request of creates) expect(request.authorization).toBe(`Bearer ${TOKEN}`);
  });

  test('asks the credential for a token of Azure Storage', () => {
    expect(asked.length).toBeGreaterThan(0);
    for (const { scopes } of asked) expect(scopes).toEqual(['https://storage.azure.com/.default']);
  });

  test("signs the readiness ping and the repositories' reads the same way", async () => {
    const before = seen.length;
    await storage.ping();
    expect(await storage.roles.isAdmin('aad-anna')).toBe(false);
    const later = seen.slice(before);
    expect(later.map((r) => `${r.method} ${r.path.split('(')[0]?.split('?')[0]}`)).toEqual([
      'GET /Tables',
      'GET /Roles',
    ]);
    for (const request of later) expect(request.authorization).toBe(`Bearer ${TOKEN}`);
  });

  test('never sends a shared key or a SAS signature', () => {
    expect(seen.length).toBeGreaterThan(Object.keys(TABLE_NAMES).length);
    for (const request of seen) {
      expect(request.authorization).not.toMatch(/SharedKey/i);
      expect(request.path).not.toMatch(/[?&]sig=/);
    }
  });
});

/** an Entra access token for Azure Storage as Azurite's `--oauth basic` reads it (claims only; it does not check signatures). */
function storageToken(lifetime: { from: number; to: number }): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    aud: 'https://storage.azure.com',
    iss: 'https://sts.windows.net/9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e/',
    iat: now + lifetime.from,
    nbf: now + lifetime.from,
    exp: now + lifetime.to,
    oid: 'identity',
  };
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

const tokenCredential = (token: string): TokenCredential => ({
  getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3_600_000 }),
});

describe('storage opened keyless against Azurite checking Entra tokens (--oauth basic, https)', () => {
  let dir: string;
  let azurite: EmbeddedTableServer;
  let accountUrl: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'mitwirken-oauth-'));
    writeFileSync(path.join(dir, 'cert.pem'), tls.cert);
    writeFileSync(path.join(dir, 'key.pem'), tls.key);
    azurite = await startEmbeddedTableServer({
      oauth: { certFile: path.join(dir, 'cert.pem'), keyFile: path.join(dir, 'key.pem') },
    });
    accountUrl = `https://127.0.0.1:${azurite.port}/${DEV_ACCOUNT}`;
  });

  afterAll(async () => {
    await azurite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('creates the tables and writes and reads rows with the token alone', async () => {
    const keyless = await openStorage({
      accountUrl,
      credential: tokenCredential(storageToken({ from: -60, to: 3600 })),
      answerSecret: 'keyless-secret-keyless-secret-keyless',
      timeZone: 'Europe/Berlin',
      minGroupSize: 5,
    });
    expect(
      await keyless.roles.grantAdmin('aad-anna', 'aad-admin', new Date('2026-12-01T09:00:00Z'), 'Anna Becker'),
    ).toBe('granted');
    expect(await keyless.roles.isAdmin('aad-anna')).toBe(true);
    await expect(keyless.ping()).resolves.toBeUndefined();
  });

  test('is refused with an expired token, so the rows above were written on the strength of the token', async () => {
    const expired = tokenCredential(storageToken({ from: -7200, to: -3600 }));
    await expect(
      openStorage({
        accountUrl,
        credential: expired,
        answerSecret: 'keyless-secret-keyless-secret-keyless',
        timeZone: 'Europe/Berlin',
        minGroupSize: 5,
      }),
    ).rejects.toMatchObject({ statusCode: 403, message: expect.stringContaining('expired') });
  });
});
