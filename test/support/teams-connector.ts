import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SlidingWindowLimiter, TEAMS_CONVERSATION_LIMITS } from '../../core/delivery/sliding-window';

/** one request the bot made to the Bot Connector service. */
export interface ConnectorCall {
  method: string;
  path: string;
  conversationId?: string;
  activityId?: string;
  body: Record<string, unknown>;
  /** the Authorization header the bot sent (its token for the Bot Connector), if any. */
  authorization?: string;
}

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

/** a team member as the roster API returns it. */
export interface RosterMember {
  id: string;
  aadObjectId: string;
  name: string;
  userPrincipalName?: string;
  email?: string;
}

/** a channel as GET /v3/teams/:id/conversations lists it; `type` is standard, private or shared. */
export interface TeamsChannel {
  id: string;
  name?: string;
  type?: string;
}

export interface TeamsConnectorOptions {
  /**
   * enforce Teams' request limits on writes, answering 429 + Retry-After (default true): per conversation 7/1 s,
   * 8/2 s, 60/30 s, per tenant `tenantRate` in any second. `false`: every request is accepted (bot turns in specs).
   */
  limits?: boolean;
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
  /** channels returned for GET /v3/teams/:id/conversations (default: the team's General channel alone). */
  channels?: Record<string, TeamsChannel[]>;
  /**
   * rosters returned for GET /v3/conversations/:id/pagedmembers and /members: of a team (id = the team's, General's)
   * or of a channel with members of its own. A listed channel without a roster here answers with its team's, as a
   * standard channel does in Teams.
   */
  members?: Record<string, RosterMember[]>;
  /** the roster of every conversation `members` gives none for (default: nobody). */
  everyone?: RosterMember[];
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
 * a Teams-like stand-in for the Bot Connector service (Microsoft's cloud, which cannot run here) on loopback, for
 * specs and benchmarks: the routes the bot uses (new posts, sends, replies, updates, 1:1 creation, roster and channel
 * queries), Teams' limits enforced with 429 + Retry-After (unless `limits: false`; one tenant), injected
 * 429/503/dropped connections from seeded dice, rosters that can be refused (`rosterDown`), and a record of every
 * request and every delivered activity, so tests assert on real HTTP traffic from the CloudAdapter and benchmarks
 * count losses and duplicates. A dropped connection happens before Teams processes the request, so a retry cannot
 * duplicate it. In a worker thread of its own: teams-connector-thread.ts.
 */
export class TeamsConnector implements TeamsConnectorHandle {
  readonly calls: ConnectorCall[] = [];
  readonly delivered: TeamsDelivery[] = [];
  readonly stats: TeamsConnectorStats = {
    requests: 0,
    delivered: 0,
    rateLimited: 0,
    injected429: 0,
    injected503: 0,
    dropped: 0,
    forbidden: 0,
  };
  /** teams whose roster Teams refuses to give (answered 403), as when the connector cannot be reached for it. */
  readonly rosterDown = new Set<string>();
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

  /** the cards (attachment contents) delivered so far, newest last. */
  cards(filter: (d: TeamsDelivery) => boolean = () => true): Record<string, unknown>[] {
    return this.delivered
      .filter(filter)
      .flatMap((d) =>
        ((d.activity.attachments as { content: Record<string, unknown> }[] | undefined) ?? []).map((a) => a.content),
      );
  }

  /** texts delivered so far, newest last. */
  texts(): string[] {
    return this.delivered.map((d) => d.activity.text).filter((t): t is string => typeof t === 'string');
  }

  /** waits until a condition over the recorded traffic holds (polling; bounded). */
  async waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > until) throw new Error('teams connector: condition not met in time');
      await new Promise((r) => setTimeout(r, 20));
    }
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
    for (const id of this.forbidden)
      if (channelId === id || conversationId.startsWith(id) || channelId.startsWith(id)) return true;
    return false;
  }

  /** the roster of a team or channel: its own, else (a listed channel) its team's, else everyone's. */
  private rosterOf(id: string): RosterMember[] {
    const teamOfChannel = Object.entries(this.o.channels ?? {}).find(([, list]) => list.some((c) => c.id === id))?.[0];
    return (
      this.o.members?.[id] ??
      (teamOfChannel !== undefined ? this.o.members?.[teamOfChannel] : undefined) ??
      this.o.everyone ??
      []
    );
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
    // parts: ['v3', 'conversations', convId?, 'activities'?, activityId?] or ['v3', 'teams', teamId, 'conversations'?]
    const [v3, area, id, sub, subId] = parts;
    if (v3 !== 'v3') return send(404, { error: { code: 'NotFound' } });
    this.calls.push({
      method,
      path: decodeURI(req.url ?? ''),
      conversationId: area === 'conversations' ? id : undefined,
      activityId: subId,
      body,
      authorization: req.headers.authorization,
    });

    if (method === 'GET') {
      if (area === 'teams' && id && sub === 'conversations')
        return send(200, { conversations: this.o.channels?.[id] ?? [{ id, name: undefined }] });
      if (area === 'teams' && id && !sub) return send(200, { id, name: id });
      if (area === 'conversations' && id && (sub === 'pagedmembers' || sub === 'members')) {
        if (this.rosterDown.has(id))
          return send(403, { error: { code: 'Forbidden', message: 'roster not available' } });
        const members = this.rosterOf(id);
        return send(200, sub === 'pagedmembers' ? { members } : members);
      }
      return send(404, { error: { code: 'NotFound', message: `unhandled GET ${req.url}` } });
    }

    // a write: where it goes, then Teams' limits, then the dice.
    const create = area === 'conversations' && !id && method === 'POST';
    const channelData = body.channelData as { channel?: { id?: string } } | undefined;
    const channelId = create
      ? (channelData?.channel?.id ?? `personal-${++this.seq}`)
      : ((id ?? '').split(';')[0] ?? '');
    const conversation = create ? channelId : (id ?? '');
    const limiter = this.o.limits === false ? undefined : this.limiterOf(conversation);
    const wait = limiter ? Math.max(limiter.wait(), this.tenant.wait()) : 0;
    if (wait > 0) {
      this.stats.rateLimited++;
      return send(
        429,
        { error: { code: 'Throttled', message: 'rate limit exceeded' } },
        { 'retry-after': String(Math.max(1, Math.ceil(wait / 1000))) },
      );
    }
    if (this.random() < (this.o.inject429 ?? 0)) {
      this.stats.injected429++;
      const retryAfter = this.o.inject429RetryAfter;
      return send(
        429,
        { error: { code: 'Throttled' } },
        retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {},
      );
    }
    if (limiter) {
      limiter.take();
      this.tenant.take();
    }
    if (this.isForbidden(channelId, conversation)) {
      this.stats.forbidden++;
      return send(403, {
        error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' },
      });
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
    const record = (
      kind: TeamsDelivery['kind'],
      conversationId: string,
      activityId: string,
      activity: Record<string, unknown>,
    ) => {
      const itemId = ITEM_ID.exec(JSON.stringify(activity.attachments ?? ''))?.[1];
      this.delivered.push({
        kind,
        conversationId,
        channelId: conversationId.split(';')[0] ?? conversationId,
        activityId,
        itemId,
        activity,
        at,
      });
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
