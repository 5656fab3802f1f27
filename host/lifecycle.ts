import type { Logger } from 'pino';
import { scrubSecrets } from './logger';

/** one thing to do when the process ends: stop a part, or write what must not be lost. */
export type LifecycleStep = () => unknown;

/** the longest a crash may spend writing what must be written before the process exits. */
export const CRASH_FLUSH_MS = 5000;

/** the longest the log gets to reach its destination before the process exits. */
const LOG_FLUSH_MS = 1000;

export interface LifecycleOptions {
  log: Logger;
  /** hard deadline of a graceful shutdown (SHUTDOWN_TIMEOUT_MS): when it passes, the process exits with 1. */
  shutdownTimeoutMs: number;
  /** bound on the crash steps after an uncaught exception or unhandled rejection (default CRASH_FLUSH_MS). */
  crashFlushMs?: number;
  /** ends the process; tests pass a recorder. */
  exit?: (code: number) => void;
}

type Crash = 'uncaughtException' | 'unhandledRejection';

/** what a thrown or rejected value may show in a log line: an Error as itself, anything else only as its kind (it may hold secrets). */
function asError(reason: unknown): Error {
  if (reason instanceof Error) return reason;
  if (typeof reason === 'string') return new Error(`non-error value thrown: ${scrubSecrets(reason).slice(0, 500)}`);
  const kind =
    reason === null ? 'null' : typeof reason === 'object' ? (reason.constructor?.name ?? 'object') : typeof reason;
  return new Error(`non-error value thrown: ${kind}`);
}

/** `work`, or a rejection once `ms` have passed; the timer does not keep the process alive. */
export function within<T>(work: Promise<T> | T, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([Promise.resolve(work), timeout]).finally(() => clearTimeout(timer));
}

/**
 * how the process ends. A graceful shutdown (SIGTERM, SIGINT) runs the shutdown steps, the last registered first,
 * under a hard deadline; a crash (uncaught exception, unhandled rejection) logs it, runs the crash steps within a
 * short bound, and exits with 1. Other parts (telemetry, for example) add their own steps with `onShutdown` and `onCrash`.
 */
export class Lifecycle {
  private readonly shutdownSteps: { name: string; run: LifecycleStep }[] = [];
  private readonly crashSteps: { name: string; run: LifecycleStep }[] = [];
  private readonly exit: (code: number) => void;
  private readonly crashFlushMs: number;
  private state: 'running' | 'stopping' | 'crashing' | 'exited' = 'running';
  /** the deadline and the crash bound; they keep the process alive until it exits, and are cleared then. */
  private readonly timers: NodeJS.Timeout[] = [];
  /** the start under way; a shutdown waits for it, so nothing is left half started. */
  private startup: Promise<void> = Promise.resolve();

  constructor(private readonly options: LifecycleOptions) {
    this.exit = options.exit ?? ((code) => process.exit(code));
    this.crashFlushMs = Math.min(options.crashFlushMs ?? CRASH_FLUSH_MS, options.shutdownTimeoutMs);
  }

  /** a step of the graceful shutdown; steps run one after another, the last registered first (what started last stops first). */
  onShutdown(name: string, run: LifecycleStep): void {
    this.shutdownSteps.push({ name, run });
  }

  /** a step after a crash: write what must not be lost. Steps run the last registered first, all within the crash bound. */
  onCrash(name: string, run: LifecycleStep): void {
    this.crashSteps.push({ name, run });
  }

  /**
   * marks `work` as the start: a signal that arrives meanwhile begins the shutdown (and its deadline) at once, but its
   * steps run only once the start is over, so parts that are still starting are stopped too.
   */
  starting<T>(work: Promise<T>): Promise<T> {
    this.startup = work.then(
      () => undefined,
      () => undefined,
    );
    return work;
  }

  /** logs uncaught exceptions and unhandled rejections, runs the crash steps and exits with 1. */
  handleCrashes(proc: NodeJS.Process = process): void {
    proc.on('uncaughtException', (err) => void this.crash('uncaughtException', err));
    proc.on('unhandledRejection', (reason) => void this.crash('unhandledRejection', reason));
  }

  /** SIGTERM and SIGINT start the graceful shutdown; a second signal ends the process at once. */
  handleSignals(proc: NodeJS.Process = process): void {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) proc.on(signal, () => void this.shutdown(signal));
  }

  /** runs the shutdown steps under the deadline, then exits: 0 when every step finished, 1 otherwise. */
  async shutdown(signal: string): Promise<void> {
    const { log, shutdownTimeoutMs } = this.options;
    if (this.state === 'stopping') {
      log.warn({ signal }, 'second signal during shutdown: exiting now');
      return this.end(1);
    }
    if (this.state !== 'running') return;
    this.state = 'stopping';
    log.info({ signal, timeoutMs: shutdownTimeoutMs }, 'shutting down');
    let step = 'the start under way';
    this.timers.push(
      setTimeout(() => {
        if (this.state !== 'stopping') return;
        log.error({ timeoutMs: shutdownTimeoutMs, step }, 'shutdown deadline passed; exiting');
        void this.end(1);
      }, shutdownTimeoutMs),
    );
    await this.startup;
    if (this.state !== 'stopping') return;
    let failed = 0;
    for (const { name, run } of [...this.shutdownSteps].reverse()) {
      step = name;
      try {
        await run();
      } catch (err) {
        failed += 1;
        log.error({ err, step: name }, 'shutdown step failed');
      }
      if (this.state !== 'stopping') return; // the deadline passed or a crash took over
    }
    if (failed > 0) log.warn({ failed }, 'stopped with failed steps');
    else log.info('stopped');
    await this.end(failed > 0 ? 1 : 0);
  }

  /** logs the crash without secrets, runs the crash steps within their bound, and exits with 1. */
  async crash(kind: Crash, reason: unknown): Promise<void> {
    const { log } = this.options;
    if (this.state === 'crashing' || this.state === 'exited') {
      log.error({ err: asError(reason), kind }, 'another failure while exiting after a crash');
      return;
    }
    this.state = 'crashing';
    log.fatal(
      { err: asError(reason), kind },
      kind === 'uncaughtException' ? 'uncaught exception; exiting' : 'unhandled promise rejection; exiting',
    );
    // whatever the steps do, the process ends shortly after the bound.
    this.timers.push(setTimeout(() => void this.end(1), this.crashFlushMs + LOG_FLUSH_MS + 500));
    const until = Date.now() + this.crashFlushMs;
    for (const { name, run } of [...this.crashSteps].reverse()) {
      const left = until - Date.now();
      if (left <= 0) {
        log.error({ step: name }, 'no time left to run a crash step');
        continue;
      }
      try {
        await within(run(), left, name);
      } catch (err) {
        log.error({ err, step: name }, 'crash step failed');
      }
    }
    await this.end(1);
  }

  /** flushes the log (briefly) and exits once. */
  private async end(code: number): Promise<void> {
    if (this.state === 'exited') return;
    this.state = 'exited';
    for (const timer of this.timers) clearTimeout(timer);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, LOG_FLUSH_MS);
      try {
        this.options.log.flush(() => {
          clearTimeout(timer);
          resolve();
        });
      } catch {
        clearTimeout(timer);
        resolve();
      }
    });
    this.exit(code);
  }
}
