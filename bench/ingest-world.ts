import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { measureInsertRate } from '../storage/insert-probe';
import { VERBS } from '../core/card-actions';
import type { Item } from '../core/items';
import { LOCALES } from '../core/locale';
import { messages } from '../core/messages';
import { stringsIn } from '../test/support/card-nodes';
import type { BotProcessReply, BotProcessRequest } from './bot-process';
import {
  FANOUT_TENANT,
  fanoutConfig,
  openFanoutStorage,
  processCpuMs,
  startTableProcess,
  teamIdOf,
  type TableProcess,
} from '../test/support/fanout-world';
import type { TeamsConnectorOptions } from '../test/support/teams-connector';
import { TeamsConnectorThread } from '../test/support/teams-connector-thread';

const BOT = { id: '28:mitwirken-bot', name: 'Mitwirken' };
const OPTIONS = ['sehr gut', 'eher gut', 'eher schlecht', 'schlecht'];

let bundled: Promise<string> | undefined;

/**
 * bench/bot-process.ts compiled to one JavaScript file (esbuild, which tsx brings; packages stay external), so the
 * bot runs on plain node as in production (`node dist/host/main.js`), without a TypeScript loader in its memory.
 */
function botProcessScript(): Promise<string> {
  bundled ??= (async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- esbuild comes with tsx; loaded only here
    const esbuild = require('esbuild') as typeof import('esbuild');
    const outfile = path.join(mkdtempSync(path.join(tmpdir(), 'mitwirken-bench-')), 'bot-process.js');
    await esbuild.build({
      entryPoints: [path.join(__dirname, 'bot-process.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      packages: 'external',
      logLevel: 'error',
    });
    return outfile;
  })();
  return bundled;
}

/**
 * the process settings docs/operations.md recommends for production: V8 sizes its heap for a 256 MB old space (the
 * bot keeps about 70 MB alive) instead of growing towards gigabytes before it collects, and glibc keeps two malloc
 * arenas instead of eight per core, which a multi-threaded node otherwise leaves fragmented.
 */
export const RECOMMENDED_NODE_OPTIONS = '--max-old-space-size=256';
export const RECOMMENDED_ENV = { MALLOC_ARENA_MAX: '2' };

/** the bot in a child process (bench/bot-process.ts) on plain node, with a collectable heap. */
export class BotProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  static async start(tables: string): Promise<BotProcess> {
    // BENCH_BOT_NODE_ARGS replaces the recommended node flags for the bot alone, e.g. "--cpu-prof --cpu-prof-dir=/tmp/p".
    const flags = (process.env.BENCH_BOT_NODE_ARGS ?? RECOMMENDED_NODE_OPTIONS).split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...flags, '--expose-gc', await botProcessScript()], {
      cwd: path.join(__dirname, '..'),
      // the bundle lives in a temporary folder: its packages are found in this repository's node_modules.
      env: {
        ...RECOMMENDED_ENV,
        ...process.env,
        BENCH_TABLES: tables,
        NODE_PATH: path.join(__dirname, '..', 'node_modules'),
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const killOnExit = () => child.kill();
    process.once('exit', killOnExit);
    child.once('exit', () => process.off('exit', killOnExit));
    const ready = await reply(child, 'ready');
    return new BotProcess(child, ready.port);
  }

  /** CPU time the bot process has used so far (user and system), in ms. */
  cpuMs(): number | undefined {
    return processCpuMs(this.child.pid);
  }

  async memory(): Promise<BotMemory> {
    this.child.send({ type: 'memory' } satisfies BotProcessRequest);
    return reply(this.child, 'memory');
  }

  async stop(): Promise<void> {
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.send({ type: 'stop' } satisfies BotProcessRequest);
    await exited;
  }
}

function reply<K extends BotProcessReply['type']>(
  child: ChildProcess,
  type: K,
): Promise<Extract<BotProcessReply, { type: K }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: BotProcessReply) => {
      if (m.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(m as Extract<BotProcessReply, { type: K }>);
    };
    const onExit = (code: number | null) => reject(new Error(`bot process exited with ${code}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** the bot process's memory in MB after a full collection. */
export type BotMemory = Omit<Extract<BotProcessReply, { type: 'memory' }>, 'type'>;

/** one answer: its HTTP status, whether the card confirms it, and how long the round trip took. */
export interface AnswerResult {
  ok: boolean;
  status: number;
  ms: number;
}

/** kept-alive connections for the clients: node:http costs the load generator less CPU per request than fetch. */
const clientAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** POSTs a JSON body; the status and the response text. */
export function post(url: string, json: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent: clientAgent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(json);
  });
}

/** the n-th person of the benchmarks, as Teams names them in activities and rosters. */
export const benchPerson = (n: number) => ({ id: `29:user-${n}`, aadObjectId: `aad-user-${n}`, name: `Person ${n}` });

/** where an activity happens: a team's channel (conversation id = channel id) or a post's thread in it. */
export interface ChannelSpot {
  serviceUrl: string;
  teamId: string;
  teamName?: string;
  channelId: string;
  conversationId: string;
}

type Sender = { id: string; aadObjectId: string; name: string };

/** what Teams puts around every activity from a person in a team channel. */
function channelActivity(at: ChannelSpot, from: Sender, id: string) {
  return {
    id,
    channelId: 'msteams',
    serviceUrl: at.serviceUrl,
    timestamp: new Date().toISOString(),
    locale: 'de-DE',
    from,
    recipient: BOT,
    conversation: { id: at.conversationId, conversationType: 'channel', isGroup: true, tenantId: FANOUT_TENANT },
    channelData: {
      team: { id: at.teamId, ...(at.teamName && { name: at.teamName }) },
      channel: { id: at.channelId },
      tenant: { id: FANOUT_TENANT },
    },
  };
}

/** a click on a poll card's option: the Action.Execute invoke Teams sends for it. */
export function voteInvoke(at: ChannelSpot, from: Sender, vote: { id: string; itemId: string; choice: number }) {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    ...channelActivity(at, from, vote.id),
    value: { action: { type: 'Action.Execute', verb: VERBS.vote, data: { itemId: vote.itemId, choice: vote.choice } } },
  };
}

/** a chat message (a command such as `umfrage …` or `schließen`) in a channel or thread. */
export function channelMessage(at: ChannelSpot, from: Sender, message: { id: string; text: string }) {
  return { type: 'message', ...channelActivity(at, from, message.id), text: message.text };
}

/** what the card answering a vote says: the vote confirmed, the "try again" error, or something else. */
export type VoteReply = 'recorded' | 'retry' | 'other';

/**
 * reads the invoke response to a vote against the message catalogue (either language): the confirmation of this
 * vote ("Danke! Ihre anonyme Stimme ist gezählt." / "Ihre Stimme: …"), errUnexpected ("… Bitte versuchen Sie es noch
 * einmal."), or anything else (another problem, an unreadable body).
 */
export function voteReplyOf(responseText: string, vote: { anonymous: boolean; choiceLabel: string }): VoteReply {
  let texts: string[];
  try {
    texts = stringsIn(JSON.parse(responseText));
  } catch {
    return 'other';
  }
  const says = (text: string) => texts.some((t) => t.includes(text));
  const catalogues = LOCALES.map((l) => messages(l));
  if (catalogues.some((m) => says(m.errUnexpected))) return 'retry';
  if (catalogues.some((m) => says(vote.anonymous ? m.yourAnonymousVote : m.yourVote(vote.choiceLabel))))
    return 'recorded';
  return 'other';
}

/**
 * Azurite in its own process, the Teams stand-in in a worker thread, and `instances` bot processes, all on that one
 * table server (instances of one deployment behind a load balancer).
 */
export interface BotProcessWorld {
  tables: TableProcess;
  connector: TeamsConnectorThread;
  bots: BotProcess[];
  /** each instance's POST /api/messages, in the order of `bots`. */
  urls: string[];
  /** single-row inserts per second into the same Azurite from `clients` concurrent writers, for `seconds`. */
  storageInsertRate(seconds: number, clients: number): Promise<number>;
  /** CPU time used so far, in ms: by the bot processes together and by Azurite's. */
  cpuMs(): { bot?: number; storage?: number };
  /** requests Azurite has answered so far (its access log). */
  storageRequests(): number;
  stop(): Promise<void>;
}

/** starts Azurite and the Teams stand-in, lets `seed` write what the bots find at start, then starts the bot instances. */
export async function startBotProcessWorld(o: {
  instances: number;
  connector: TeamsConnectorOptions;
  seed?: (tables: TableProcess, connector: TeamsConnectorThread) => Promise<void>;
}): Promise<BotProcessWorld> {
  const tables: TableProcess = await startTableProcess();
  const stopAll = async (bots: BotProcess[], connector?: TeamsConnectorThread) => {
    await Promise.all(bots.map((b) => b.stop()));
    await connector?.stop();
    await tables.close();
  };
  const connector = await TeamsConnectorThread.start(o.connector).catch(async (err: unknown) => {
    await stopAll([]);
    throw err;
  });
  const bots: BotProcess[] = [];
  try {
    await o.seed?.(tables, connector);
    const started = await Promise.allSettled(
      Array.from({ length: o.instances }, () => BotProcess.start(tables.connectionString)),
    );
    for (const s of started) if (s.status === 'fulfilled') bots.push(s.value);
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
  } catch (err) {
    await stopAll(bots, connector);
    throw err;
  }
  return {
    tables,
    connector,
    bots,
    urls: bots.map((b) => `http://127.0.0.1:${b.port}/api/messages`),
    storageInsertRate: (seconds, clients) => measureInsertRate(tables.connectionString, seconds, clients),
    cpuMs: () => {
      const each = bots.map((b) => b.cpuMs());
      return {
        bot: each.every((ms) => ms !== undefined) ? each.reduce((a: number, ms) => a + (ms ?? 0), 0) : undefined,
        storage: tables.usage().cpuMs,
      };
    },
    storageRequests: () => tables.usage().requests,
    stop: () => stopAll(bots, connector),
  };
}

/** the bot in its own process, Azurite in its own, the Teams stand-in in a worker thread, and polls to answer. */
export interface IngestWorld {
  /** posts answer number `n`: person ⌊n / items⌋ votes on poll n mod items, through POST /api/messages. */
  answer(n: number): Promise<AnswerResult>;
  /** single-row inserts per second into the same Azurite from `clients` concurrent writers, for `seconds`. */
  storageInsertRate(seconds: number, clients: number): Promise<number>;
  /** the bot process's resident memory and heap after a full collection. */
  memory(): Promise<BotMemory>;
  /** CPU time used so far, in ms: by the bot process and by Azurite's. */
  cpuMs(): { bot?: number; storage?: number };
  /** requests Azurite has answered so far (its access log). */
  storageRequests(): number;
  stop(): Promise<void>;
}

/**
 * starts the world and seeds `items` open polls (half anonymous), each posted into its own team. Every team's roster
 * lists `people` persons (only members may answer): answer n comes from person ⌊n / items⌋, so `people` must cover
 * the answers sent; answers beyond are refused and count as failed.
 */
export async function startIngestWorld(o: { items: number; people: number }): Promise<IngestWorld> {
  const items: Item[] = [];
  const members = Array.from({ length: o.people }, (_, p) => ({
    id: `29:user-${p}`,
    aadObjectId: `aad-user-${p}`,
    name: `Person ${p}`,
  }));
  const world = await startBotProcessWorld({
    instances: 1,
    connector: { tenantRate: 50, latencyMs: 100, everyone: members },
    seed: (tables, connector) => seedPolls(o, tables, connector, items),
  });
  const [bot] = world.bots as [BotProcess];
  const [url] = world.urls as [string];
  const serviceUrl = world.connector.url;
  return {
    answer: async (n) => {
      const poll = n % items.length;
      const item = items[poll] as Item;
      const choice = n % OPTIONS.length;
      const body = voteInvoke(
        {
          serviceUrl,
          teamId: item.teamId,
          channelId: item.channelId,
          conversationId: `${item.teamId};messageid=m${poll}`,
        },
        benchPerson(Math.floor(n / items.length)),
        { id: `a-${n}`, itemId: item.id, choice },
      );
      const started = performance.now();
      const res = await post(url, JSON.stringify(body));
      const ms = performance.now() - started;
      // the card that comes back confirms the vote ("Ihre Stimme …") or shows a problem.
      return {
        ok:
          res.status === 200 &&
          voteReplyOf(res.text, { anonymous: item.anonymous, choiceLabel: OPTIONS[choice] as string }) === 'recorded',
        status: res.status,
        ms,
      };
    },
    storageInsertRate: world.storageInsertRate,
    memory: () => bot.memory(),
    cpuMs: world.cpuMs,
    storageRequests: world.storageRequests,
    stop: world.stop,
  };
}

async function seedPolls(
  o: { items: number },
  tables: TableProcess,
  connector: TeamsConnectorThread,
  items: Item[],
): Promise<void> {
  const config = fanoutConfig();
  const storage = await openFanoutStorage(tables.connectionString, config);
  const now = new Date();
  for (let i = 0; i < o.items; i++) {
    const teamId = teamIdOf(i);
    const reference = {
      serviceUrl: connector.url,
      channelId: 'msteams',
      bot: BOT,
      conversation: { id: teamId, tenantId: FANOUT_TENANT, conversationType: 'channel', isGroup: true },
    };
    await storage.installations.saveTeam({
      teamId,
      name: `Team ${i}`,
      tenantId: FANOUT_TENANT,
      serviceUrl: connector.url,
      active: true,
      reference,
      updatedAt: now,
    });
    const item: Item = {
      id: randomUUID(),
      teamId,
      channelId: teamId,
      kind: 'poll',
      pollKind: 'single',
      question: 'Wie gut fühlst du dich über Veränderungen informiert?',
      options: OPTIONS,
      anonymous: i % 2 === 0,
      status: 'open',
      createdBy: 'campaign:ingest',
      createdAt: now,
      closesAt: new Date(now.getTime() + 7 * 86_400_000),
      locale: 'de',
    };
    await storage.items.create(item);
    items.push(await storage.items.markPosted(item.id, `${teamId};messageid=m${i}`, `m${i}`, [teamId]));
  }
}
