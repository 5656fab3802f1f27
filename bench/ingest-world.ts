import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { measureInsertRate } from '../storage/insert-probe';
import type { Item } from '../core/items';
import type { BotProcessReply, BotProcessRequest } from './bot-process';
import { FANOUT_TENANT, fanoutConfig, openFanoutStorage, processCpuMs, startTableProcess, teamIdOf, type TableProcess } from './fanout-world';
import { TeamsConnectorThread } from './teams-connector-thread';

const BOT = { id: '28:mitwirken-bot', name: 'Mitwirken' };
const OPTIONS = ['sehr gut', 'eher gut', 'eher schlecht', 'schlecht'];

let bundled: Promise<string> | undefined;

/**
 * bench/bot-process.ts compiled to one JavaScript file (esbuild, which tsx brings; packages stay external), so the
 * bot runs on plain node as in production (`node dist/bot/main.js`), without a TypeScript loader in its memory.
 */
function botProcessScript(): Promise<string> {
  bundled ??= (async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- esbuild comes with tsx; loaded only here
    const esbuild = require('esbuild') as typeof import('esbuild');
    const outfile = path.join(mkdtempSync(path.join(tmpdir(), 'mitwirken-bench-')), 'bot-process.js');
    await esbuild.build({ entryPoints: [path.join(__dirname, 'bot-process.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'error' });
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
class BotProcess {
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
      env: { ...RECOMMENDED_ENV, ...process.env, BENCH_TABLES: tables, NODE_PATH: path.join(__dirname, '..', 'node_modules') },
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

function reply<K extends BotProcessReply['type']>(child: ChildProcess, type: K): Promise<Extract<BotProcessReply, { type: K }>> {
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
function post(url: string, json: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent: clientAgent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(json);
  });
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
  const tables: TableProcess = await startTableProcess();
  const members = Array.from({ length: o.people }, (_, p) => ({ id: `29:user-${p}`, aadObjectId: `aad-user-${p}`, name: `Person ${p}` }));
  const connector = await TeamsConnectorThread.start({ tenantRate: 50, latencyMs: 100, members }).catch(async (err: unknown) => {
    await tables.close();
    throw err;
  });
  try {
    return await seedAndStart(o, tables, connector);
  } catch (err) {
    await connector.stop();
    await tables.close();
    throw err;
  }
}

async function seedAndStart(o: { items: number }, tables: TableProcess, connector: TeamsConnectorThread): Promise<IngestWorld> {
  const config = fanoutConfig();
  const storage = await openFanoutStorage(tables.connectionString, config);
  const now = new Date();
  const items: Item[] = [];
  for (let i = 0; i < o.items; i++) {
    const teamId = teamIdOf(i);
    const reference = { serviceUrl: connector.url, channelId: 'msteams', bot: BOT, conversation: { id: teamId, tenantId: FANOUT_TENANT, conversationType: 'channel', isGroup: true } };
    await storage.installations.saveTeam({ teamId, name: `Team ${i}`, tenantId: FANOUT_TENANT, serviceUrl: connector.url, active: true, reference, updatedAt: now });
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
  const bot = await BotProcess.start(tables.connectionString);
  const url = `http://127.0.0.1:${bot.port}/api/messages`;

  return {
    answer: async (n) => {
      const item = items[n % items.length] as Item;
      const person = Math.floor(n / items.length);
      const body = {
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: `a-${n}`,
        channelId: 'msteams',
        serviceUrl: connector.url,
        timestamp: new Date().toISOString(),
        locale: 'de-DE',
        from: { id: `29:user-${person}`, aadObjectId: `aad-user-${person}`, name: `Person ${person}` },
        recipient: BOT,
        conversation: { id: `${item.teamId};messageid=m${n % items.length}`, conversationType: 'channel', isGroup: true, tenantId: FANOUT_TENANT },
        channelData: { team: { id: item.teamId }, channel: { id: item.channelId }, tenant: { id: FANOUT_TENANT } },
        value: { action: { type: 'Action.Execute', verb: 'mitwirken.vote', data: { itemId: item.id, choice: n % OPTIONS.length } } },
      };
      const started = performance.now();
      const res = await post(url, JSON.stringify(body));
      const ms = performance.now() - started;
      // the card that comes back confirms the vote ("Deine Stimme …") or shows a problem in an attention notice.
      return { ok: res.status === 200 && !res.text.includes('"color":"Attention"'), status: res.status, ms };
    },
    storageInsertRate: (seconds, clients) => measureInsertRate(tables.connectionString, seconds, clients),
    memory: () => bot.memory(),
    cpuMs: () => ({ bot: bot.cpuMs(), storage: tables.usage().cpuMs }),
    storageRequests: () => tables.usage().requests,
    stop: async () => {
      await bot.stop();
      await connector.stop();
      await tables.close();
    },
  };
}
