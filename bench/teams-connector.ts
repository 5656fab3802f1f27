import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SlidingWindowLimiter, TEAMS_CONVERSATION_LIMITS } from '../core/delivery/sliding-window';

/** one activity Teams accepted: a new post, a send, a reply or an update. */
export interface TeamsDelivery {
  kind: 'create' | 'send' | 'reply' | 'update';
  conversationId: string;
  /** the channel (or personal chat) the activity landed in. */
  channelId: string;
  activityId: string;
  /** the Mitwirken item id found in the card's data, if any. */
  itemId?: string;
  activity: Record<string, unknown>;
  /** ms since the connector started. */
  at: number;
}

export interface TeamsConnectorOptions {
  /** requests per second the tenant may make, counted over any 1 s window (default 50). */
  tenantRate?: number;
  /** share of writes answered 429 regardless of rate (platform throttling); not counted against the rate. */
  inject429?: number;
  /** Retry-After (seconds) sent with an injected 429; none by default. */
  inject429RetryAfter?: number;
  /** share of writes answered 503 after they were counted against the rate. */
  inject503?: number;
  /** share of writes whose connection is dropped (reset) after they were counted, before Teams processed them. */
  injectDrop?: number;
  /** seed of the fault dice, so a run can be repeated (default 1). */
  seed?: number;
  /** answer time per request in ms (Teams answers in 100–300 ms; default 0); limits and dice count a request on arrival. */
  latencyMs?: number;
  /** channel ids (or team ids: every channel of the team) where the bot is no longer a member: writes get 403. */
  forbidden?: Iterable<string>;
  /** channels returned for GET /v3/teams/:id/conversations. */
  channels?: Record<string, { id: string; name?: string }[]>;
  /** members returned for GET /v3/conversations/:id/(paged)members. */
  members?: { id: string; name?: string; aadObjectId?: string }[];
}

/** what the connector answered, by outcome. */
export interface TeamsConnectorStats {
  requests: number;
  delivered: number;
  rateLimited: number;
  injected429: number;
  injected503: number;
  dropped: number;
  forbidden: number;
}

/** a small seeded generator (mulberry32), so fault patterns repeat from run to run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ITEM_ID = /"itemId":"([^"]+)"/;

/** what the connector saw: every delivered activity and the counts by outcome. */
export interface TeamsConnectorRecord {
  delivered: TeamsDelivery[];
  stats: TeamsConnectorStats;
}

/** a running connector, in this thread or its own: where it listens, what it saw, and how to stop it. */
export interface TeamsConnectorHandle {
  readonly url: string;
  record(): Promise<TeamsConnectorRecord>;
  stop(): Promise<void>;
}

/** new channel posts carrying each item id, per channel. */
export function postsByChannel(delivered: readonly TeamsDelivery[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const d of delivered) {
    if (d.kind !== 'create' || !d.itemId) continue;
    const perItem = out.get(d.channelId) ?? new Map<string, number>();
    perItem.set(d.itemId, (perItem.get(d.itemId) ?? 0) + 1);
    out.set(d.channelId, perItem);
  }
  return out;
}

/** how many channel posts repeat an item already posted into that channel. */
export function duplicatePosts(delivered: readonly TeamsDelivery[]): number {
  let n = 0;
  for (const perItem of postsByChannel(delivered).values()) for (const count of perItem.values()) n += count - 1;
  return n;
}

/**
 * a Teams-like stand-in for the Bot Connector service on loopback: the routes the bot uses (new posts, sends,
 * replies, updates, 1:1 creation, roster and channel queries), Teams' limits enforced with 429 + Retry-After (per
 * conversation 7/1 s, 8/2 s, 60/30 s; per tenant `tenantRate` in any second; one tenant), injected 429/503/dropped
 * connections from seeded dice, and a record of every delivered activity to count losses and duplicates.
 * A dropped connection happens before Teams processes the request, so a retry cannot duplicate it.
 */
export class TeamsConnector implements TeamsConnectorHandle {
  readonly delivered: TeamsDelivery[] = [];
  readonly stats: TeamsConnectorStats = { requests: 0, delivered: 0, rateLimited: 0, injected429: 0, injected503: 0, dropped: 0, forbidden: 0 };
  private server?: http.Server;
  private seq = 0;
  private readonly started = Date.now();
  private readonly random: () => number;
  private readonly tenant: SlidingWindowLimiter;
  private readonly conversations = new Map<string, SlidingWindowLimiter>();
  private readonly forbidden: Set<string>;

  constructor(private readonly o: TeamsConnectorOptions = {}) {
    this.random = seededRandom(o.seed ?? 1);
    this.tenant = new SlidingWindowLimiter([{ limit: o.tenantRate ?? 50, windowMs: 1000 }], Date.now);
    this.forbidden = new Set(o.forbidden ?? []);
  }

  get url(): string {
    const port = (this.server?.address() as AddressInfo | null)?.port;
    return `http://127.0.0.1:${port}/`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((r) => this.server?.listen(0, '127.0.0.1', () => r()));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  /** the bot is removed from a team or channel from now on: writes there answer 403. */
  forbid(id: string): void {
    this.forbidden.add(id);
  }

  async record(): Promise<TeamsConnectorRecord> {
    return { delivered: this.delivered, stats: this.stats };
  }

  /** new channel posts carrying each item id, per channel. */
  postsByChannel(): Map<string, Map<string, number>> {
    return postsByChannel(this.delivered);
  }

  /** how many channel posts repeat an item already posted into that channel. */
  duplicates(): number {
    return duplicatePosts(this.delivered);
  }

  private limiterOf(conversation: string): SlidingWindowLimiter {
    let l = this.conversations.get(conversation);
    if (!l) {
      l = new SlidingWindowLimiter(TEAMS_CONVERSATION_LIMITS, Date.now);
      this.conversations.set(conversation, l);
    }
    return l;
  }

  private isForbidden(channelId: string, conversationId: string): boolean {
    for (const id of this.forbidden) if (channelId === id || conversationId.startsWith(id) || channelId.startsWith(id)) return true;
    return false;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: Record<string, unknown> = {};
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      /* an unreadable body counts as empty */
    }
    this.stats.requests++;
    // Teams counts a request when it arrives: the limits and dice decide now, the answer leaves after the latency.
    const latency = this.o.latencyMs ? new Promise((r) => setTimeout(r, this.o.latencyMs)) : Promise.resolve();
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      void latency.then(() => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(payload));
      });
    };
    const method = req.method ?? 'GET';
    const parts = (req.url ?? '').split('?')[0]?.split('/').filter(Boolean).map(decodeURIComponent) ?? [];
    const [v3, area, id, sub, subId] = parts;
    if (v3 !== 'v3') return send(404, { error: { code: 'NotFound' } });

    if (method === 'GET') {
      if (area === 'teams' && id && sub === 'conversations') return send(200, { conversations: this.o.channels?.[id] ?? [{ id, name: undefined }] });
      if (area === 'teams' && id && !sub) return send(200, { id, name: id });
      if (area === 'conversations' && id && sub === 'members') return send(200, this.o.members ?? []);
      if (area === 'conversations' && id && sub === 'pagedmembers') return send(200, { members: this.o.members ?? [] });
      return send(404, { error: { code: 'NotFound', message: `unhandled GET ${req.url}` } });
    }

    // a write: where it goes, then Teams' limits, then the dice.
    const create = area === 'conversations' && !id && method === 'POST';
    const channelData = body.channelData as { channel?: { id?: string } } | undefined;
    const channelId = create ? (channelData?.channel?.id ?? `personal-${++this.seq}`) : (id ?? '').split(';')[0] ?? '';
    const conversation = create ? channelId : (id ?? '');
    const limiter = this.limiterOf(conversation);
    const wait = Math.max(limiter.wait(), this.tenant.wait());
    if (wait > 0) {
      this.stats.rateLimited++;
      return send(429, { error: { code: 'Throttled', message: 'rate limit exceeded' } }, { 'retry-after': String(Math.max(1, Math.ceil(wait / 1000))) });
    }
    if (this.random() < (this.o.inject429 ?? 0)) {
      this.stats.injected429++;
      const retryAfter = this.o.inject429RetryAfter;
      return send(429, { error: { code: 'Throttled' } }, retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {});
    }
    limiter.take();
    this.tenant.take();
    if (this.isForbidden(channelId, conversation)) {
      this.stats.forbidden++;
      return send(403, { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } });
    }
    if (this.random() < (this.o.inject503 ?? 0)) {
      this.stats.injected503++;
      return send(503, { error: { code: 'ServiceUnavailable' } });
    }
    if (this.random() < (this.o.injectDrop ?? 0)) {
      this.stats.dropped++;
      void latency.then(() => req.socket.destroy());
      return;
    }

    const at = Date.now() - this.started;
    const record = (kind: TeamsDelivery['kind'], conversationId: string, activityId: string, activity: Record<string, unknown>) => {
      const itemId = ITEM_ID.exec(JSON.stringify(activity.attachments ?? ''))?.[1];
      this.delivered.push({ kind, conversationId, channelId: conversationId.split(';')[0] ?? conversationId, activityId, itemId, activity, at });
      this.stats.delivered++;
    };
    if (create) {
      const activityId = `m${++this.seq}`;
      const conversationId = body.isGroup ? `${channelId};messageid=${activityId}` : `a:personal-${this.seq}`;
      if (body.activity) record('create', conversationId, activityId, body.activity as Record<string, unknown>);
      return send(201, { id: conversationId, activityId });
    }
    if (area === 'conversations' && id && sub === 'activities' && method === 'POST') {
      const activityId = `m${++this.seq}`;
      record(subId ? 'reply' : 'send', id, activityId, body);
      return send(200, { id: activityId });
    }
    if (area === 'conversations' && id && sub === 'activities' && subId && method === 'PUT') {
      record('update', id, subId, body);
      return send(200, { id: subId });
    }
    return send(404, { error: { code: 'NotFound', message: `unhandled ${method} ${req.url}` } });
  }
}
