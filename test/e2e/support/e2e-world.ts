import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { createBotApp, type BotApp, type BotAppOptions } from '../../../host/bot-app';
import { loadConfig } from '../../../app/config';
import { readPlaygroundTenant } from '../../../host/playground';
import { startEmbeddedTableServer, type EmbeddedTableServer } from '../../../storage/embedded-azurite';
import { openStorage, type Storage } from '../../../storage/open-storage';
import { openPlayground, startPlayground, type PlaygroundPage, type PlaygroundServer } from './playground';

/** where end-to-end runs leave screenshots and bot logs (git-ignored). */
export const ARTIFACTS = path.join(__dirname, '..', 'artifacts');
const ROOT = path.join(__dirname, '..', '..', '..');

/** the Playground's mock tenant, as the bot reads it in local mode. */
export const tenant = readPlaygroundTenant(path.join(ROOT, '.m365agentsplayground.yml'));

/** a bot on embedded storage, the Agents Playground in front of it, and headless Chromium driving the Playground. */
export interface E2eWorld {
  tables: EmbeddedTableServer;
  storage: Storage;
  bot: BotApp;
  playground: PlaygroundServer;
  ui: PlaygroundPage;
  /** the bot's messaging endpoint (a second Playground, another person's client, can be pointed at it). */
  botEndpoint: string;
  /** runs a step; when it fails, a screenshot `failed-<name>.png` is kept for the CI log. */
  step<T>(name: string, run: () => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

/** starts the whole local stack as `npm start` does, with in-memory storage and the bot's log in `<logName>.log`. */
export async function startE2eWorld(
  logName: string,
  env: Record<string, string> = {},
  options: Partial<BotAppOptions> = {},
): Promise<E2eWorld> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const tables = await startEmbeddedTableServer();
  const config = loadConfig({ PLAYGROUND: 'on', LOG_LEVEL: 'info', ...env });
  const storage = await openStorage({
    connectionString: tables.connectionString,
    answerSecret: 'e2e-secret-e2e-secret-e2e-secret',
    timeZone: config.timeZone,
    minGroupSize: config.minGroupSize,
  });
  const log = pino({ level: 'info' }, pino.destination(path.join(ARTIFACTS, `${logName}.log`)));
  const bot = createBotApp({ config, storage, log, playgroundTenant: tenant, cardUpdateDelayMs: 200, ...options });
  const port = await bot.listen(0);
  const botEndpoint = `http://127.0.0.1:${port}/api/messages`;
  const playground = await startPlayground({ botEndpoint, cwd: ROOT });
  const ui = await openPlayground(playground.url);
  return {
    tables,
    storage,
    bot,
    playground,
    ui,
    botEndpoint,
    async step(name, run) {
      try {
        return await run();
      } catch (err) {
        await ui.screenshot(path.join(ARTIFACTS, `failed-${logName}-${name}.png`)).catch(() => undefined);
        throw err;
      }
    },
    async stop() {
      await ui.close().catch(() => undefined);
      await playground.stop();
      await bot.close();
      await tables.close();
    },
  };
}

/**
 * a step runner that keeps a screenshot of how the client looked after each step (or when it failed), as
 * `artifacts/<prefix>-<step>.png`; the world is looked up when a step runs (it starts in `beforeAll`).
 */
export function screenshotSteps(world: () => E2eWorld, prefix: string) {
  return async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const result = await world().step(name, run);
    await world()
      .ui.screenshot(path.join(ARTIFACTS, `${prefix}-${name}.png`))
      .catch(() => undefined);
    return result;
  };
}
