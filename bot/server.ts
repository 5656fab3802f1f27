import restify from 'restify';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import { claimedTenantIds, parseEnvelope, tenantAllowed } from './activity-envelope';

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
}

/** the HTTP surface: /api/messages for Teams, /healthz (process up) and /readyz (storage reachable). */
export function createServer({ adapter, bot, log, ready, allowedTenantIds = [] }: ServerDeps): restify.Server {
  const tenants = new Set(allowedTenantIds.map((id) => id.toLowerCase()));
  const server = restify.createServer({ name: 'mitwirken', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false, rejectUnknown: true }));

  server.post('/api/messages', async (req, res) => {
    const parsed = parseEnvelope(req.body);
    if (!parsed.ok) {
      log.warn({ problem: parsed.problem }, 'rejected request on /api/messages');
      res.send(400, { error: 'invalid activity', detail: parsed.problem });
      return;
    }
    if (!tenantAllowed(parsed.envelope, tenants)) {
      log.warn({ tenantIds: claimedTenantIds(parsed.envelope), type: parsed.envelope.type }, 'activity from a tenant that is not allowed');
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

  server.on('restifyError', (req, _res, err, callback) => {
    log.warn({ status: err.statusCode, path: req.path(), reason: err.message }, 'request refused');
    return callback();
  });
  return server;
}
