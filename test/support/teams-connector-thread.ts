import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
  TeamsConnector,
  type TeamsConnectorHandle,
  type TeamsConnectorOptions,
  type TeamsConnectorRecord,
} from './teams-connector';

type Request = { type: 'record' } | { type: 'stop' };
type Reply = { type: 'started'; url: string } | { type: 'record'; record: TeamsConnectorRecord } | { type: 'stopped' };

/**
 * the Teams-like connector in a worker thread: its own event loop, so it sees a request when it arrives even
 * while the bot's loop is busy (Teams does not share the bot's CPU; one shared loop bunches arrivals).
 */
export class TeamsConnectorThread implements TeamsConnectorHandle {
  private constructor(
    private readonly worker: Worker,
    readonly url: string,
  ) {}

  static async start(options: TeamsConnectorOptions): Promise<TeamsConnectorThread> {
    // the worker runs this file through tsx, like the bench itself.
    const code = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(__filename)});`;
    const worker = new Worker(code, { eval: true, workerData: { teamsConnector: options } });
    const started = await reply(worker, 'started');
    return new TeamsConnectorThread(worker, started.url);
  }

  async record(): Promise<TeamsConnectorRecord> {
    this.worker.postMessage({ type: 'record' } satisfies Request);
    return (await reply(this.worker, 'record')).record;
  }

  async stop(): Promise<void> {
    this.worker.postMessage({ type: 'stop' } satisfies Request);
    await reply(this.worker, 'stopped');
    await this.worker.terminate();
  }
}

function reply<K extends Reply['type']>(worker: Worker, type: K): Promise<Extract<Reply, { type: K }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: Reply) => {
      if (m.type !== type) return;
      worker.off('message', onMessage);
      worker.off('error', reject);
      resolve(m as Extract<Reply, { type: K }>);
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });
}

async function serve(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const connector = await new TeamsConnector(
    (workerData as { teamsConnector: TeamsConnectorOptions }).teamsConnector,
  ).start();
  port.on('message', (m: Request) => {
    if (m.type === 'record')
      port.postMessage({
        type: 'record',
        record: { delivered: connector.delivered, stats: connector.stats },
      } satisfies Reply);
    else void connector.stop().then(() => port.postMessage({ type: 'stopped' } satisfies Reply));
  });
  port.postMessage({ type: 'started', url: connector.url } satisfies Reply);
}

if (!isMainThread && (workerData as { teamsConnector?: unknown } | undefined)?.teamsConnector) void serve();
