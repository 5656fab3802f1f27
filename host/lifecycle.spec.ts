import { EventEmitter } from 'node:events';
import { loadConfig } from '../app/config';
import { Lifecycle } from './lifecycle';
import { createLogger } from './logger';

/** a lifecycle whose log lines and exit code are recorded instead of ending the test process. */
function recorded(options: { shutdownTimeoutMs?: number; crashFlushMs?: number } = {}) {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger('info', false, {
    write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>),
  });
  let onExit: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (onExit = resolve));
  const lifecycle = new Lifecycle({
    log,
    shutdownTimeoutMs: options.shutdownTimeoutMs ?? 1000,
    crashFlushMs: options.crashFlushMs,
    exit: (code) => onExit(code),
  });
  return { lifecycle, lines, exited, message: (msg: string) => lines.find((l) => l.msg === msg) };
}

const never = () => new Promise<void>(() => undefined);

describe('graceful shutdown', () => {
  test('runs the steps one after another, the last registered first, and exits with 0', async () => {
    const { lifecycle, exited, message } = recorded();
    const order: string[] = [];
    lifecycle.onShutdown('storage', () => void order.push('storage'));
    lifecycle.onShutdown('bot', async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('bot');
    });
    lifecycle.onShutdown('playground', () => void order.push('playground'));
    void lifecycle.shutdown('SIGTERM');
    expect(await exited).toBe(0);
    expect(order).toEqual(['playground', 'bot', 'storage']);
    expect(message('shutting down')).toMatchObject({ signal: 'SIGTERM', timeoutMs: 1000 });
    expect(message('stopped')).toBeDefined();
  });

  test('a failing step is logged, the others still run, and the exit code is 1', async () => {
    const { lifecycle, exited, message } = recorded();
    const ran: string[] = [];
    lifecycle.onShutdown('participation log', () => void ran.push('participation log'));
    lifecycle.onShutdown('bot', () => Promise.reject(new Error('server close failed')));
    void lifecycle.shutdown('SIGTERM');
    expect(await exited).toBe(1);
    expect(ran).toEqual(['participation log']);
    expect(message('shutdown step failed')).toMatchObject({ step: 'bot', err: { message: 'server close failed' } });
  });

  test('a step that hangs past the deadline ends the process with 1 and a line naming the step', async () => {
    const { lifecycle, exited, message } = recorded({ shutdownTimeoutMs: 100 });
    const ran: string[] = [];
    lifecycle.onShutdown('table storage', () => void ran.push('table storage'));
    lifecycle.onShutdown('bot', never);
    const started = Date.now();
    void lifecycle.shutdown('SIGTERM');
    expect(await exited).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(message('shutdown deadline passed; exiting')).toMatchObject({ level: 50, timeoutMs: 100, step: 'bot' });
    expect(ran).toEqual([]);
    expect(message('stopped')).toBeUndefined();
  });

  test('a second signal during the shutdown exits at once with 1', async () => {
    const { lifecycle, exited, message } = recorded({ shutdownTimeoutMs: 60_000 });
    lifecycle.onShutdown('bot', never);
    void lifecycle.shutdown('SIGINT');
    void lifecycle.shutdown('SIGINT');
    expect(await exited).toBe(1);
    expect(message('second signal during shutdown: exiting now')).toBeDefined();
  });

  test('a signal during the start waits for the start, then stops what it started, all within the deadline', async () => {
    const { lifecycle, exited, message } = recorded();
    let finishStart: () => void = () => undefined;
    const ran: string[] = [];
    void lifecycle.starting(
      new Promise<void>((resolve) => (finishStart = resolve)).then(() =>
        lifecycle.onShutdown('bot', () => void ran.push('bot')),
      ),
    );
    lifecycle.onShutdown('table storage', () => void ran.push('table storage'));
    void lifecycle.shutdown('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ran).toEqual([]);
    expect(message('shutting down')).toBeDefined();
    finishStart();
    expect(await exited).toBe(0);
    expect(ran).toEqual(['bot', 'table storage']);
  });

  test('a start that does not finish is ended by the deadline', async () => {
    const { lifecycle, exited, message } = recorded({ shutdownTimeoutMs: 100 });
    void lifecycle.starting(never());
    void lifecycle.shutdown('SIGTERM');
    expect(await exited).toBe(1);
    expect(message('shutdown deadline passed; exiting')).toMatchObject({ step: 'the start under way' });
  });

  test('SIGTERM and SIGINT start it once handled', async () => {
    const { lifecycle, exited } = recorded();
    const proc = new EventEmitter();
    lifecycle.handleSignals(proc as unknown as NodeJS.Process);
    proc.emit('SIGTERM');
    expect(await exited).toBe(0);
  });
});

describe('crashes', () => {
  test('an unhandled rejection is logged without secrets, the crash steps run, and the exit code is 1', async () => {
    const { lifecycle, exited, lines, message } = recorded();
    const proc = new EventEmitter();
    lifecycle.handleCrashes(proc as unknown as NodeJS.Process);
    const ran: string[] = [];
    lifecycle.onCrash('telemetry', () => void ran.push('telemetry'));
    lifecycle.onCrash('storage', async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      ran.push('storage');
    });
    proc.emit(
      'unhandledRejection',
      new Error('lost: DefaultEndpointsProtocol=https;AccountName=a;AccountKey=c2VjcmV0;'),
      Promise.resolve(),
    );
    expect(await exited).toBe(1);
    expect(ran).toEqual(['storage', 'telemetry']);
    expect(message('unhandled promise rejection; exiting')).toMatchObject({ level: 60, kind: 'unhandledRejection' });
    expect(JSON.stringify(lines)).not.toContain('c2VjcmV0');
  });

  test('an uncaught exception is logged as one, and a value that is no Error is logged only by its kind', async () => {
    const { lifecycle, exited, lines, message } = recorded();
    const proc = new EventEmitter();
    lifecycle.handleCrashes(proc as unknown as NodeJS.Process);
    proc.emit('uncaughtException', { password: 'hunter2-very-secret' });
    expect(await exited).toBe(1);
    expect(message('uncaught exception; exiting')).toMatchObject({
      kind: 'uncaughtException',
      err: { message: 'non-error value thrown: Object' },
    });
    expect(JSON.stringify(lines)).not.toContain('hunter2');
  });

  test('crash steps are bounded: one that hangs does not keep the process alive', async () => {
    const { lifecycle, exited, message } = recorded({ crashFlushMs: 100 });
    lifecycle.onCrash('storage', never);
    const started = Date.now();
    void lifecycle.crash('uncaughtException', new Error('boom'));
    expect(await exited).toBe(1);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(message('crash step failed')).toMatchObject({
      step: 'storage',
      err: { message: 'storage did not finish within 100 ms' },
    });
  });

  test('a crash during the shutdown ends it with 1 and does not run the remaining shutdown steps', async () => {
    const { lifecycle, exited } = recorded({ shutdownTimeoutMs: 60_000 });
    const ran: string[] = [];
    lifecycle.onShutdown('table storage', () => void ran.push('table storage'));
    lifecycle.onShutdown('bot', never);
    lifecycle.onCrash('storage', () => void ran.push('crash flush'));
    void lifecycle.shutdown('SIGTERM');
    void lifecycle.crash('unhandledRejection', new Error('boom'));
    expect(await exited).toBe(1);
    expect(ran).toEqual(['crash flush']);
  });
});

describe('SHUTDOWN_TIMEOUT_MS', () => {
  test('defaults to 25 seconds, inside the 30 s Container Apps gives between SIGTERM and SIGKILL', () => {
    expect(loadConfig({}).shutdownTimeoutMs).toBe(25_000);
    expect(loadConfig({ SHUTDOWN_TIMEOUT_MS: '10000' }).shutdownTimeoutMs).toBe(10_000);
  });

  test.each(['0', '999', '600001', '2.5', 'soon'])('refuses %p', (value) => {
    expect(() => loadConfig({ SHUTDOWN_TIMEOUT_MS: value })).toThrow(/SHUTDOWN_TIMEOUT_MS/);
  });
});
