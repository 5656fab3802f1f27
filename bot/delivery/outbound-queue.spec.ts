import pino from 'pino';
import { ConversationGoneError, DeliveryFailedError } from '../../app/ports/delivery-errors';
import { failureOf } from './failure-of';
import { OutboundQueue, type OutboundQueueOptions } from './outbound-queue';

/** virtual time: sleeps resolve in time order when the test lets the clock run. */
class VirtualClock {
  t = 0;
  private timers: { at: number; resolve: () => void }[] = [];
  now = (): number => this.t;
  sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      this.timers.push({ at: this.t + ms, resolve });
      this.timers.sort((a, b) => a.at - b.at);
    });
  /** runs timers until `done` settles. */
  async run<T>(done: Promise<T>): Promise<T> {
    let outcome: { ok: true; value: T } | { ok: false; err: unknown } | undefined;
    void done.then(
      (value) => (outcome = { ok: true, value }),
      (err: unknown) => (outcome = { ok: false, err }),
    );
    for (;;) {
      await new Promise((r) => setImmediate(r));
      if (outcome?.ok) return outcome.value;
      if (outcome) throw outcome.err;
      const next = this.timers.shift();
      if (!next) continue;
      this.t = Math.max(this.t, next.at);
      next.resolve();
    }
  }
}

function restError(status: number, headers: Record<string, string> = {}): Error {
  return Object.assign(new Error(`status ${status}`), {
    statusCode: status,
    response: { status, headers: { get: (n: string) => headers[n.toLowerCase()] } },
  });
}

function queue(clock: VirtualClock, over: Partial<OutboundQueueOptions> = {}): OutboundQueue {
  return new OutboundQueue({
    log: pino({ level: 'silent' }),
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0.5,
    ...over,
  });
}

const maxInWindow = (times: number[], windowMs: number) =>
  Math.max(0, ...times.map((at) => times.filter((s) => s > at - windowMs && s <= at).length));

describe('OutboundQueue', () => {
  test('keeps a fan-out to many conversations of one tenant within the tenant rate', async () => {
    const clock = new VirtualClock();
    const q = queue(clock, { tenantRate: 50 });
    const sent: number[] = [];
    const all = Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        q.send({ tenantId: 't', conversationId: `c${i}` }, async () => void sent.push(clock.t)),
      ),
    );
    await clock.run(all);
    expect(sent).toHaveLength(200);
    expect(maxInWindow(sent, 1000)).toBeLessThanOrEqual(50);
    expect(q.stats).toMatchObject({ sent: 200, pending: 0, inFlight: 0 });
  });

  test('keeps one conversation within 7 per second, 8 per 2 s and 60 per 30 s', async () => {
    const clock = new VirtualClock();
    const q = queue(clock);
    const sent: number[] = [];
    await clock.run(
      Promise.all(
        Array.from({ length: 70 }, () =>
          q.send({ tenantId: 't', conversationId: 'thread' }, async () => void sent.push(clock.t)),
        ),
      ),
    );
    expect(maxInWindow(sent, 1000)).toBeLessThanOrEqual(7);
    expect(maxInWindow(sent, 2000)).toBeLessThanOrEqual(8);
    expect(maxInWindow(sent, 30_000)).toBeLessThanOrEqual(60);
  });

  test('never runs more sends at once than its concurrency', async () => {
    const clock = new VirtualClock();
    const q = queue(clock, { concurrency: 3 });
    let running = 0;
    let most = 0;
    const op = async () => {
      most = Math.max(most, ++running);
      await clock.sleep(500);
      running--;
    };
    await clock.run(Promise.all(Array.from({ length: 20 }, (_, i) => q.send({ conversationId: `c${i}` }, op))));
    expect(most).toBe(3);
  });

  test('retries a 429 no earlier than its Retry-After and resolves with the later result', async () => {
    const clock = new VirtualClock();
    const q = queue(clock);
    const attempts: number[] = [];
    const result = await clock.run(
      q.send({ conversationId: 'c' }, async () => {
        attempts.push(clock.t);
        if (attempts.length === 1) throw restError(429, { 'retry-after': '2' });
        return 'posted';
      }),
    );
    expect(result).toBe('posted');
    expect((attempts[1] ?? 0) - (attempts[0] ?? 0)).toBeGreaterThanOrEqual(2000);
    expect(q.stats).toMatchObject({ throttled: 1, retried: 1, sent: 1 });
  });

  test('retries 503s and dropped connections with backoff until the call succeeds', async () => {
    const clock = new VirtualClock();
    const q = queue(clock);
    const failures = [
      restError(503),
      Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
      restError(502),
    ];
    const result = await clock.run(
      q.send({ conversationId: 'c' }, async () => {
        const next = failures.shift();
        if (next) throw next;
        return 'ok';
      }),
    );
    expect(result).toBe('ok');
    expect(q.stats.retried).toBe(3);
  });

  test('ends a 403 or 404 in ConversationGoneError without retrying', async () => {
    const clock = new VirtualClock();
    const q = queue(clock);
    let calls = 0;
    const gone = clock.run(
      q.send({ tenantId: 't', conversationId: 'c' }, async () => {
        calls++;
        throw restError(403);
      }),
    );
    await expect(gone).rejects.toBeInstanceOf(ConversationGoneError);
    await expect(gone).rejects.toMatchObject({ status: 403, target: { conversationId: 'c' } });
    expect(calls).toBe(1);
  });

  test('fails a send that is not retryable, or still fails after the last attempt', async () => {
    const clock = new VirtualClock();
    const q = queue(clock, { retry: { maxAttempts: 3 } });
    await expect(
      clock.run(q.send({ conversationId: 'a' }, async () => Promise.reject(restError(400)))),
    ).rejects.toBeInstanceOf(DeliveryFailedError);
    let calls = 0;
    const failing = q.send({ conversationId: 'b' }, async () => {
      calls++;
      throw restError(503);
    });
    await expect(clock.run(failing)).rejects.toMatchObject({ attempts: 3, status: 503 });
    expect(calls).toBe(3);
  });

  test('counts a send from when its request left, so a late request still keeps the tenant within its limit', async () => {
    const clock = new VirtualClock();
    const q = queue(clock, { tenantRate: 5, tenantBurst: 5 });
    const left: number[] = [];
    // the first request leaves 600 ms after the queue started it (a busy process), the others at once.
    const all = Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        q.send({ tenantId: 't', conversationId: `c${i}` }, async (onWire) => {
          if (i === 0) await clock.sleep(600);
          onWire();
          left.push(clock.t);
        }),
      ),
    );
    await clock.run(all);
    expect(maxInWindow(left, 1000)).toBeLessThanOrEqual(5);
  });

  test('logs the counts of the last interval as one line while sends flow', async () => {
    const clock = new VirtualClock();
    const lines: Record<string, unknown>[] = [];
    const log = pino(
      { level: 'info' },
      { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
    );
    const q = queue(clock, { log, tenantRate: 5, statsEveryMs: 1000 });
    await clock.run(
      Promise.all(
        Array.from({ length: 12 }, (_, i) => q.send({ tenantId: 't', conversationId: `c${i}` }, async () => undefined)),
      ),
    );
    const report = lines.find((l) => l.msg === 'outbound queue');
    expect(report).toMatchObject({ sent: expect.any(Number), pending: expect.any(Number), throttled: 0, failed: 0 });
  });

  test('reads status and Retry-After from RestErrors, and recognises dropped connections', () => {
    expect(failureOf(restError(429, { 'retry-after': '1' }))).toEqual({ status: 429, retryAfter: '1' });
    expect(failureOf(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toEqual({ transient: true });
    expect(failureOf(new Error('boom'))).toEqual({ transient: false });
  });
});
