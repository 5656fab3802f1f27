import restify from 'restify';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import { claimedTenantIds, fromTeams, parseEnvelope, tenantAllowed } from './activity-envelope';
import { attachmentHeader, type DownloadSource } from '../app/exports';
import { noTelemetry, type Telemetry } from '../app/ports/telemetry';

/** largest request body accepted on /api/messages; larger ones get 413. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface ServerDeps {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  log: Logger;
  /** resolves when storage is reachable. */
  ready(): Promise<void>;
  /** when not empty, activities from other Entra tenants get 403 before the adapter sees them (ALLOWED_TENANT_IDS). */
  allowedTenantIds?: readonly string[];
  /** download routes, GET <path>/<token> (app/exports/download-links.ts): /exports (campaign CSV), /my-data (a person's own data as JSON). */
  downloads?: ReadonlyArray<{ path: string; source: DownloadSource }>;
  /** names each request by its route in telemetry (`POST /api/messages`); default: nowhere. */
  telemetry?: Telemetry;
}

/** the HTTP surface: /api/messages for Teams (activities from other channels get 403), /healthz (process up) and /readyz (storage reachable). */
export function createServer({
  adapter,
  bot,
  log,
  ready,
  allowedTenantIds = [],
  downloads = [],
  telemetry = noTelemetry,
}: ServerDeps): restify.Server {
  const tenants = new Set(allowedTenantIds.map((id) => id.toLowerCase()));
  // download tokens (app/exports/download-links.ts) are longer than restify's default route parameter limit of 100.
  const server = restify.createServer({ name: 'mitwirken', handleUncaughtExceptions: false, maxParamLength: 700 });
  server.use((req, _res, next) => {
    const route = req.getRoute()?.path;
    if (typeof route === 'string') telemetry.route(req.method ?? 'GET', route);
    return next();
  });
  server.use(
    restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false, rejectUnknown: true }),
  );

  server.post('/api/messages', async (req, res) => {
    const parsed = parseEnvelope(req.body);
    if (!parsed.ok) {
      log.warn({ problem: parsed.problem }, 'rejected request on /api/messages');
      res.send(400, { error: 'invalid activity', detail: parsed.problem });
      return;
    }
    if (!fromTeams(parsed.envelope)) {
      // no ids or names of the sender: the channel and the activity type say what was refused.
      log.warn(
        { channelId: parsed.envelope.channelId, type: parsed.envelope.type },
        'activity from a channel other than Microsoft Teams',
      );
      res.send(403, { error: 'channel not supported' });
      return;
    }
    if (!tenantAllowed(parsed.envelope, tenants)) {
      log.warn(
        { tenantIds: claimedTenantIds(parsed.envelope), type: parsed.envelope.type },
        'activity from a tenant that is not allowed',
      );
      res.send(403, { error: 'tenant not allowed' });
      return;
    }
    await adapter.process(req, res, (context) => bot.run(context));
  });

  // clients (the Agents Playground among them) probe the endpoint with HEAD
  server.head('/api/messages', async (_req, res) => {
    res.send(200);
  });

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req, res) => {
    try {
      await ready();
      res.send(200, { status: 'ready' });
    } catch (err) {
      log.warn({ err }, 'storage not reachable');
      res.send(503, { status: 'storage unreachable' });
    }
  });

  for (const { path, source } of downloads) {
    // the token is a credential: it is never logged.
    server.get(`${path}/:token`, async (req, res) => {
      const token = String((req.params as { token?: unknown } | undefined)?.token ?? '');
      try {
        const result = await source.download(token);
        if (result.status !== 200) {
          log.info({ path, status: result.status, reason: result.reason }, 'download refused');
          res.send(result.status, { error: result.status === 404 ? 'not found or expired' : 'forbidden' });
          return;
        }
        const body = Buffer.from(result.body, 'utf8');
        res.writeHead(200, {
          'content-type': result.contentType,
          'content-length': body.length,
          'content-disposition': attachmentHeader(result.fileName),
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        });
        res.end(body);
        log.info({ path, bytes: body.length }, 'downloaded');
      } catch (err) {
        log.error({ err, path }, 'download failed');
        res.send(500, { error: 'download failed' });
      }
    });
  }

  server.on('restifyError', (req, _res, err, callback) => {
    log.warn({ status: err.statusCode, path: req.path(), reason: err.message }, 'request refused');
    return callback();
  });
  return server;
}
