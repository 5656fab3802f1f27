import pino from 'pino';
import { createBotApp } from '../host/bot-app';
import { fanoutConfig, openFanoutStorage } from '../test/support/fanout-world';

// The bot in its own process, for benchmarks that measure it alone (answers per second, resident memory): the
// load generator and the Teams stand-in then do not share its event loop or its heap. Started by BotProcess
// (bench/ingest-world.ts) with BENCH_TABLES (connection string); talks over the IPC channel.

/** what the parent asks. */
export type BotProcessRequest = { type: 'memory' } | { type: 'stop' };
/** what the bot process answers. */
export type BotProcessReply =
  | { type: 'ready'; port: number }
  | { type: 'memory'; rssMb: number; heapUsedMb: number; heapTotalMb: number; externalMb: number }
  | { type: 'stopped' };

async function main(): Promise<void> {
  const send = (m: BotProcessReply) => process.send?.(m);
  const config = fanoutConfig({ TEAMS_TENANT_RATE: '50' });
  const storage = await openFanoutStorage(process.env.BENCH_TABLES ?? '', config);
  const app = createBotApp({ config, storage, log: pino({ level: 'silent' }) });
  const port = await app.listen(0);
  process.on('message', (m: BotProcessRequest) => {
    if (m.type === 'memory') {
      // a full collection first (the process runs with --expose-gc), so the figure is what stays resident.
      (globalThis as { gc?: () => void }).gc?.();
      const usage = process.memoryUsage();
      const mb = (bytes: number) => bytes / 2 ** 20;
      send({
        type: 'memory',
        rssMb: mb(usage.rss),
        heapUsedMb: mb(usage.heapUsed),
        heapTotalMb: mb(usage.heapTotal),
        externalMb: mb(usage.external),
      });
    } else {
      void app.close().then(() => {
        send({ type: 'stopped' });
        process.exit(0);
      });
    }
  });
  send({ type: 'ready', port });
}

if (require.main === module) void main();
