import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { VERBS } from '../core/card-actions';
import { createLogger } from '../host/logger';
import { ADMIN, BOT, people, startBotHarness, TEAM, TENANT, type BotHarness, type Person } from './support/bot-harness';
import { APP_ID, JwtIssuer, productionEnv } from './support/jwt-issuer';
import { samplePoll } from './support/sample-items';

/** the Azurite well-known key the harness's storage really uses (public, but a storage key all the same). */
const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
/** the HMAC secret the harness opens storage with. */
const HARNESS_ANSWER_SECRET = 'test-secret-test-secret-test-secret!';

const [alice, bob] = people(2) as [Person, Person];

describe('secrets never reach the logs', () => {
  let issuer: JwtIssuer;
  let h: BotHarness;
  let env: Record<string, string>;
  const consoleLines: string[] = [];
  const tokens: string[] = [];

  beforeAll(async () => {
    for (const method of ['error', 'warn', 'log', 'info', 'debug'] as const) {
      jest
        .spyOn(console, method)
        .mockImplementation(
          (...args: unknown[]) =>
            void consoleLines.push(
              args
                .map((a) =>
                  a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a),
                )
                .join(' '),
            ),
        );
    }
    issuer = await new JwtIssuer().start();
    env = productionEnv(issuer.metadataUrl);
    h = await startBotHarness({ ...env, LOG_LEVEL: 'trace' });
  });
  afterAll(async () => {
    await h.stop();
    await issuer.stop();
    jest.restoreAllMocks();
  });

  /** posts with a fresh valid token (and remembers it: a token is a credential too). */
  const signed = async (activity: Record<string, unknown>) => {
    const token = issuer.token(APP_ID, h.connector.url);
    tokens.push(token);
    return h.post(activity, { authorization: `Bearer ${token}` });
  };
  const base = (from: Person, personal: boolean) => ({
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: h.connector.url,
    from: { id: from.id, aadObjectId: from.aadObjectId, name: from.name },
    recipient: BOT,
    locale: 'de-DE',
    conversation: personal
      ? { id: `a:personal-${from.id}`, conversationType: 'personal', tenantId: TENANT }
      : { id: `${TEAM.id};messageid=root`, conversationType: 'channel', isGroup: true, tenantId: TENANT },
    channelData: personal
      ? { tenant: { id: TENANT } }
      : { team: { id: TEAM.id, name: TEAM.name }, channel: { id: TEAM.id }, tenant: { id: TENANT } },
  });
  const invoke = (from: Person, verb: string, data: unknown) => ({
    ...base(from, false),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data } },
  });

  test('after a realistic set of turns in production mode, no log line and no console output holds a secret', async () => {
    const poll = samplePoll({
      teamId: TEAM.id,
      channelId: TEAM.id,
      conversationId: `${TEAM.id};messageid=root`,
      createdBy: ADMIN.aadObjectId,
    } as never);
    await h.storage.items.create(poll);

    // the bot is installed, people talk to it, vote (the card update then fails: no way to Entra ID here), and some requests are refused
    expect(
      (
        await signed({
          ...base(ADMIN, false),
          type: 'installationUpdate',
          action: 'add',
          conversation: { id: TEAM.id, conversationType: 'channel', isGroup: true, tenantId: TENANT },
        })
      ).status,
    ).toBe(200);
    expect((await signed({ ...base(alice, true), type: 'message', text: 'hilfe' })).status).toBe(200);
    expect(
      (
        await signed({
          ...base(ADMIN, false),
          type: 'message',
          text: '<at>Mitwirken</at> umfrage Frage? | a | b',
          entities: [{ type: 'mention', text: '<at>Mitwirken</at>', mentioned: BOT }],
        })
      ).status,
    ).toBe(200);
    expect((await signed(invoke(alice, VERBS.vote, { itemId: poll.id, choice: 1 }))).status).toBe(200);
    expect((await signed(invoke(bob, VERBS.vote, { itemId: poll.id, choice: 7 }))).status).toBe(200);
    expect((await signed(invoke(bob, VERBS.submitIdea, { itemId: poll.id, ideaText: 'x' }))).status).toBe(200);
    expect((await signed(invoke(bob, VERBS.postTo, { draft: {}, target: 'a|b' }))).status).toBe(200);
    const forged = issuer.token(APP_ID, h.connector.url, {}, { forged: true });
    tokens.push(forged);
    expect(
      (await h.post({ ...base(alice, true), type: 'message', text: 'hilfe' }, { authorization: `Bearer ${forged}` }))
        .status,
    ).toBe(401);
    expect(
      (await h.post({ ...base(alice, true), type: 'message', text: 'hilfe' }, { authorization: 'Bearer not-a-jwt' }))
        .status,
    ).toBe(401);
    expect((await h.post({ hello: 'world' }, { authorization: `Bearer ${tokens[0]}` })).status).toBe(400);
    await h.app.services.refresher.flush().catch(() => undefined);

    const everything = [...h.logs.map((l) => JSON.stringify(l)), ...consoleLines].join('\n');
    expect(h.logs.length).toBeGreaterThan(5);
    expect(everything).toContain('request refused: authentication failed'); // the refusals were logged, without the token
    const accountKey = /AccountKey=([^;]+)/.exec(env.AZURE_STORAGE_CONNECTION_STRING ?? '')?.[1] ?? 'missing';
    const secrets = {
      MicrosoftAppPassword: env.MicrosoftAppPassword,
      ANSWER_SECRET: env.ANSWER_SECRET,
      'connection string AccountKey': accountKey,
      'storage key in use': AZURITE_KEY,
      'HMAC secret in use': HARNESS_ANSWER_SECRET,
      ...Object.fromEntries(tokens.map((t, i) => [`bearer token ${i}`, t.split('.')[2]])),
    };
    const leaked = Object.entries(secrets)
      .filter(([, value]) => value && everything.includes(value))
      .map(([name]) => name);
    expect(leaked).toEqual([]);
  });
});

describe('download tokens never reach the logs', () => {
  let h: BotHarness;
  const consoleLines: string[] = [];

  beforeAll(async () => {
    for (const method of ['error', 'warn', 'log', 'info', 'debug'] as const) {
      jest
        .spyOn(console, method)
        .mockImplementation(
          (...args: unknown[]) =>
            void consoleLines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')),
        );
    }
    h = await startBotHarness();
  });
  afterAll(async () => {
    await h.stop();
    jest.restoreAllMocks();
  });

  /** every 16-character stretch of a token: a log line holding any of them holds part of the credential. */
  const pieces = (token: string) =>
    Array.from({ length: Math.ceil((token.length - 16) / 4) + 1 }, (_, i) => token.slice(i * 4, i * 4 + 16)).filter(
      (p) => p.length === 16,
    );

  test('a download link requested with GET, HEAD, POST, OPTIONS, PUT, PATCH or DELETE leaves no part of its token in any log line', async () => {
    const exportToken = h.app.services.exportLinks.token({
      campaignId: 'puls',
      personId: ADMIN.aadObjectId,
      locale: 'de',
    });
    const myDataToken = h.app.services.myDataLinks.token({ personId: alice.aadObjectId, locale: 'de' });
    const tampered = `${exportToken.slice(0, 60)}x${exportToken.slice(61)}`;
    const paths = [
      `/exports/${exportToken}`,
      `/my-data/${myDataToken}`,
      `/exports/${tampered}`,
      `/my-data/${myDataToken}/extra`,
      `/exports/${exportToken}?download=1`,
    ];
    const statuses: number[] = [];
    for (const path of paths) {
      for (const method of ['GET', 'HEAD', 'POST', 'OPTIONS', 'PUT', 'PATCH', 'DELETE']) {
        const body = ['POST', 'PUT', 'PATCH'].includes(method) ? JSON.stringify({ path }) : undefined;
        const res = await fetch(`${h.url}${path}`, {
          method,
          ...(body && { body, headers: { 'content-type': 'application/json' } }),
        });
        await res.arrayBuffer();
        statuses.push(res.status);
      }
    }
    expect(statuses.filter((status) => status >= 500)).toEqual([]);

    const everything = [...h.logs.map((l) => JSON.stringify(l)), ...consoleLines].join('\n');
    expect(everything).toContain('request refused'); // the refusals are still logged, with the path's token redacted
    expect(everything).toContain('/exports/[redacted]');
    expect(everything).toContain('/my-data/[redacted]');
    for (const token of [exportToken, myDataToken, tampered])
      expect(pieces(token).filter((piece) => everything.includes(piece))).toEqual([]);
  });
});

describe('createLogger', () => {
  const capture = () => {
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk, _enc, done) => void (lines.push(String(chunk)), done()) });
    return { log: createLogger('info', false, stream), text: () => lines.join('') };
  };

  test('redacts authorization headers, passwords, secrets and connection strings by field name', () => {
    const { log, text } = capture();
    log.info({ req: { headers: { authorization: 'Bearer eyJsecret-token' } } }, 'request');
    log.info(
      {
        config: {
          appPassword: 'pw-1234567890',
          answerSecret: 'hmac-secret-value',
          storageConnectionString: 'AccountKey=abc123==',
        },
      },
      'config',
    );
    log.info({ password: 'top-secret', connectionString: 'DefaultEndpointsProtocol=https;AccountKey=k3y' }, 'flat');
    log.info({ err: { request: { headers: { authorization: 'SharedKey acct:sig-value' } } } }, 'storage error');
    for (const secret of [
      'eyJsecret-token',
      'pw-1234567890',
      'hmac-secret-value',
      'abc123==',
      'top-secret',
      'k3y',
      'sig-value',
    ])
      expect(text()).not.toContain(secret);
    expect(text()).toContain('[redacted]');
  });

  test('redacts download tokens from paths and URLs in fields, messages and errors', () => {
    const { log, text } = capture();
    const token = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdEfGhIjKlMnOp';
    log.warn({ status: 405, path: `/exports/${token}`, reason: 'HEAD is not allowed' }, 'request refused');
    log.info({ nested: { url: `https://mitwirken.example/my-data/${token}?x=1` } }, 'link');
    log.info(`GET /exports/${token}`);
    log.error({ err: new Error(`/my-data/${token} does not exist`) }, 'request failed');
    expect(text()).not.toContain(token.slice(0, 16));
    expect(text()).toContain('/exports/[redacted]');
    expect(text()).toContain('/my-data/[redacted]?x=1');
  });

  test('scrubs storage keys, SAS signatures and bearer tokens from error messages and log messages', () => {
    const { log, text } = capture();
    log.error(
      {
        err: new Error(
          'cannot connect: DefaultEndpointsProtocol=https;AccountName=a;AccountKey=S3cr3tKey==;EndpointSuffix=core.windows.net',
        ),
      },
      'storage failed',
    );
    log.warn('retrying https://a.table.core.windows.net/Items?sv=2020&sig=SASsig%2B123 with Bearer abc.def.ghi');
    for (const secret of ['S3cr3tKey==', 'SASsig%2B123', 'abc.def.ghi']) expect(text()).not.toContain(secret);
    expect(text()).toContain('AccountName=a'); // the rest stays readable
  });
});
