// The real entry point (host/main.ts, through tsx) in local mode without the Playground, as a process: how it ends on
// SIGTERM, when its shutdown hangs past SHUTDOWN_TIMEOUT_MS, and after an unhandled rejection or uncaught exception.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(__dirname, '..');
const SECRET = 'c2VjcmV0LXN0b3JhZ2Uta2V5LW5ldmVyLWxvZ2dlZA==';

interface BotRun {
  child: ChildProcess;
  /** every JSON log line so far. */
  lines: Record<string, unknown>[];
  /** stdout and stderr as text. */
  output(): string;
  /** the bot's HTTP port, once it listens. */
  listening: Promise<number>;
  /** once the embedded table storage runs: the start is under way. */
  storageStarted: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

const dirs: string[] = [];

/** starts host/main.ts in a fresh working directory (no .env, no campaign files) with its own data folder. */
function startBot(env: Record<string, string> = {}): BotRun {
  const cwd = mkdtempSync(path.join(tmpdir(), 'mitwirken-lifecycle-'));
  dirs.push(cwd);
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  const child = spawn(process.execPath, ['--import', tsx, path.join(ROOT, 'host', 'main.ts')], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: cwd,
      PLAYGROUND: 'off',
      PORT: '0',
      DATA_DIR: path.join(cwd, 'data'),
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  let pending = '';
  const lines: Record<string, unknown>[] = [];
  let onListening: (port: number) => void = () => undefined;
  const listening = new Promise<number>((resolve) => (onListening = resolve));
  let onStorage: () => void = () => undefined;
  const storageStarted = new Promise<void>((resolve) => (onStorage = resolve));
  child.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
    pending += chunk.toString();
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    for (const line of complete) {
      try {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        lines.push(parsed);
        if (typeof parsed.msg === 'string' && parsed.msg.startsWith('bot listening')) onListening(Number(parsed.port));
        if (parsed.msg === 'embedded table storage started') onStorage();
      } catch {
        /* not a log line */
      }
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return { child, lines, output: () => text, listening, storageStarted, exited };
}

/** how long a run may take to end, so a hanging process fails the test instead of the whole suite. */
function withinMs<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_r, reject) =>
      setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms).unref(),
    ),
  ]);
}

const message = (run: BotRun, msg: string) => run.lines.find((l) => l.msg === msg);

// all five start at once, so their start-ups (TypeScript through tsx, the embedded table storage) overlap.
const runs: Record<'sigterm' | 'early' | 'hang' | 'rejection' | 'exception', BotRun> = {} as never;
const fault = (kind: string) => ({
  NODE_OPTIONS: `--require ${JSON.stringify(path.join(ROOT, 'test', 'support', 'crash-on-signal.js'))}`,
  MITWIRKEN_TEST_FAULT: kind,
});

beforeAll(() => {
  runs.sigterm = startBot();
  runs.early = startBot();
  // SIGTERM as soon as the start is under way (its storage runs), while the bot is still being wired and opened.
  void runs.early.storageStarted.then(() => runs.early.child.kill('SIGTERM'));
  runs.hang = startBot({ SHUTDOWN_TIMEOUT_MS: '1500' });
  runs.rejection = startBot(fault('rejection'));
  runs.exception = startBot(fault('exception'));
});

afterAll(() => {
  for (const run of Object.values(runs))
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

jest.setTimeout(90_000);

describe('the process (host/main.ts in local mode)', () => {
  test('SIGTERM stops it gracefully with exit code 0', async () => {
    const run = runs.sigterm;
    const port = await withinMs(run.listening, 60_000, 'listening');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    run.child.kill('SIGTERM');
    const { code } = await withinMs(run.exited, 20_000, 'exit after SIGTERM');
    expect({ code, output: code === 0 ? '' : run.output() }).toEqual({ code: 0, output: '' });
    expect(message(run, 'shutting down')).toMatchObject({ signal: 'SIGTERM', timeoutMs: 25_000 });
    expect(message(run, 'stopped')).toBeDefined();
  });

  test('SIGTERM during the start lets the start finish, then stops everything with exit code 0', async () => {
    const run = runs.early;
    const { code } = await withinMs(run.exited, 60_000, 'exit after SIGTERM');
    expect({ code, output: code === 0 ? '' : run.output() }).toEqual({ code: 0, output: '' });
    const order = run.lines.map((l) => l.msg);
    expect(order.indexOf('shutting down')).toBeGreaterThan(-1);
    expect(order.indexOf('stopped')).toBeGreaterThan(
      order.findIndex((m) => typeof m === 'string' && m.startsWith('bot listening')),
    );
  });

  test('a shutdown that hangs past SHUTDOWN_TIMEOUT_MS is ended with a log line and exit code 1', async () => {
    const run = runs.hang;
    const port = await withinMs(run.listening, 60_000, 'listening');
    // a request whose body never arrives: closing the HTTP server waits for it, so the shutdown cannot finish.
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(
      'POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"type":',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const sent = Date.now();
    run.child.kill('SIGTERM');
    const { code, at } = await withinMs(run.exited, 20_000, 'exit after the deadline');
    socket.destroy();
    expect(code).toBe(1);
    expect(at - sent).toBeGreaterThanOrEqual(1400);
    expect(message(run, 'shutdown deadline passed; exiting')).toMatchObject({
      level: 50,
      timeoutMs: 1500,
      step: 'bot',
    });
    expect(message(run, 'stopped')).toBeUndefined();
  });

  test.each([
    ['an unhandled rejection', 'rejection', 'unhandledRejection', 'unhandled promise rejection; exiting'],
    ['an uncaught exception', 'exception', 'uncaughtException', 'uncaught exception; exiting'],
  ] as const)('%s is logged without secrets, and the process exits with 1', async (_title, kind, crash, msg) => {
    const run = runs[kind];
    await withinMs(run.listening, 60_000, 'listening');
    run.child.kill('SIGUSR2'); // the preloaded test script fails on this signal
    const { code } = await withinMs(run.exited, 20_000, 'exit after the crash');
    expect(code).toBe(1);
    const line = message(run, msg);
    expect(line).toMatchObject({ level: 60, kind: crash });
    expect((line?.err as { message?: string } | undefined)?.message).toBe(
      'test fault after start: AccountKey=[redacted]',
    );
    expect(run.output()).not.toContain(SECRET);
    expect(message(run, 'stopped')).toBeUndefined();
  });
});
