import http from 'node:http';
import type { AddressInfo } from 'node:net';

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

/** a delivered activity (new post, send, reply or update). */
export interface DeliveredActivity {
  kind: 'create' | 'send' | 'reply' | 'update';
  conversationId: string;
  activityId: string;
  activity: Record<string, unknown>;
}

export interface ConnectorStubOptions {
  /** channels returned for GET /v3/teams/:id/conversations (`type`: standard, private or shared). */
  channels?: Record<string, { id: string; name?: string; type?: string }[]>;
  /**
   * rosters returned for GET /v3/conversations/:id/pagedmembers and /members: of a team (id = the team's, General's)
   * or of a channel with members of its own. A listed channel without a roster here answers with its team's, as a
   * standard channel does in Teams.
   */
  members?: Record<string, RosterMember[]>;
}

/** a team member as the roster API returns it. */
export interface RosterMember {
  id: string;
  aadObjectId: string;
  name: string;
  userPrincipalName?: string;
  email?: string;
}

/**
 * a loopback stand-in for the Bot Connector service (Microsoft's cloud, which cannot run here): accepts what the
 * bot sends and records it, so tests can assert on real HTTP traffic from the CloudAdapter.
 */
export class ConnectorStub {
  readonly calls: ConnectorCall[] = [];
  readonly delivered: DeliveredActivity[] = [];
  /** teams whose roster Teams refuses to give (answered 403), as when the connector cannot be reached for it. */
  readonly rosterDown = new Set<string>();
  private server?: http.Server;
  private seq = 0;

  constructor(private readonly options: ConnectorStubOptions = {}) {}

  get url(): string {
    const port = (this.server?.address() as AddressInfo | null)?.port;
    return `http://127.0.0.1:${port}/`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server?.listen(0, '127.0.0.1', () => r()));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  /** the cards (attachment contents) delivered so far, newest last. */
  cards(filter: (d: DeliveredActivity) => boolean = () => true): Record<string, unknown>[] {
    return this.delivered.filter(filter).flatMap((d) => ((d.activity.attachments as { content: Record<string, unknown> }[] | undefined) ?? []).map((a) => a.content));
  }

  /** texts delivered so far, newest last. */
  texts(): string[] {
    return this.delivered.map((d) => d.activity.text).filter((t): t is string => typeof t === 'string');
  }

  /** waits until a condition over the recorded traffic holds (polling; bounded). */
  async waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > until) throw new Error('connector stub: condition not met in time');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const path = decodeURI(req.url ?? '');
    const method = req.method ?? 'GET';
    const parts = (req.url ?? '').split('?')[0]?.split('/').filter(Boolean).map(decodeURIComponent) ?? [];
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    // parts: ['v3', 'conversations', convId?, 'activities'?, activityId?]
    const [v3, area, id, sub, subId] = parts;
    if (v3 !== 'v3') return send(404, { error: 'not found' });
    const call: ConnectorCall = { method, path, conversationId: area === 'conversations' ? id : undefined, activityId: subId, body, authorization: req.headers.authorization };
    this.calls.push(call);

    if (area === 'conversations' && !id && method === 'POST') {
      const channelId = ((body.channelData as { channel?: { id?: string } } | undefined)?.channel?.id ?? `conv-${++this.seq}`) as string;
      const activityId = `m${++this.seq}`;
      const conversationId = body.isGroup ? `${channelId};messageid=${activityId}` : `a:personal-${this.seq}`;
      if (body.activity) this.delivered.push({ kind: 'create', conversationId, activityId, activity: body.activity as Record<string, unknown> });
      return send(201, { id: conversationId, activityId });
    }
    if (area === 'conversations' && id && sub === 'activities' && method === 'POST') {
      const activityId = `m${++this.seq}`;
      this.delivered.push({ kind: subId ? 'reply' : 'send', conversationId: id, activityId, activity: body });
      return send(200, { id: activityId });
    }
    if (area === 'conversations' && id && sub === 'activities' && subId && method === 'PUT') {
      this.delivered.push({ kind: 'update', conversationId: id, activityId: subId, activity: body });
      return send(200, { id: subId });
    }
    if (area === 'conversations' && id && (sub === 'pagedmembers' || sub === 'members') && method === 'GET') {
      if (this.rosterDown.has(id)) return send(403, { error: { code: 'Forbidden', message: 'roster not available' } });
      const teamOfChannel = Object.entries(this.options.channels ?? {}).find(([, list]) => list.some((c) => c.id === id))?.[0];
      const members = this.options.members?.[id] ?? (teamOfChannel !== undefined ? this.options.members?.[teamOfChannel] : undefined) ?? [];
      return send(200, sub === 'pagedmembers' ? { members } : members);
    }
    if (area === 'teams' && id && sub === 'conversations' && method === 'GET') {
      return send(200, { conversations: this.options.channels?.[id] ?? [{ id, name: undefined }] });
    }
    return send(404, { error: `unhandled ${method} ${path}` });
  }
}
