import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import pino from 'pino';
import { createBotApp, type BotApp } from '../../bot/bot-app';
import { loadConfig } from '../../bot/config';
import { readPlaygroundTenant } from '../../bot/playground';
import { messages } from '../../core/messages';
import { startEmbeddedTableServer, type EmbeddedTableServer } from '../../storage/embedded-azurite';
import { openStorage, type Storage } from '../../storage/open-storage';
import { openPlayground, startPlayground, type PlaygroundPage, type PlaygroundServer } from './support/playground';

const ARTIFACTS = path.join(__dirname, 'artifacts');
const de = messages('de');
const TITLE = 'Puls Jobcenter Mitte';
const QUESTION = 'Wie gut fühlst du dich über die neue E-Akte informiert?';

let tables: EmbeddedTableServer;
let storage: Storage;
let bot: BotApp;
let playground: PlaygroundServer;
let ui: PlaygroundPage;
const tenant = readPlaygroundTenant(path.join(__dirname, '..', '..', '.m365agentsplayground.yml'));

jest.setTimeout(240_000);

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  tables = await startEmbeddedTableServer();
  const config = loadConfig({ PLAYGROUND: 'on', LOG_LEVEL: 'info' });
  storage = await openStorage({ connectionString: tables.connectionString, answerSecret: 'e2e-secret-e2e-secret-e2e-secret', timeZone: config.timeZone });
  const log = pino({ level: 'info' }, pino.destination(path.join(ARTIFACTS, 'bot-wizard.log')));
  bot = createBotApp({ config, storage, log, playgroundTenant: tenant, cardUpdateDelayMs: 200 });
  const port = await bot.listen(0);
  playground = await startPlayground({ botEndpoint: `http://127.0.0.1:${port}/api/messages`, cwd: path.join(__dirname, '..', '..') });
  ui = await openPlayground(playground.url);
});

afterAll(async () => {
  await ui?.close();
  await playground?.stop();
  await bot?.close();
  await tables?.close();
});

async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    await ui.screenshot(path.join(ARTIFACTS, `failed-wizard-${name}.png`)).catch(() => undefined);
    throw err;
  }
}

test('an admin creates a campaign through the chat wizard; its first poll, due within a minute, appears in General and is answered', async () => {
  await step('install', async () => {
    await ui.openChannel('General');
    await ui.waitForCardContaining(de.welcomeTitle, { timeoutMs: 30_000 });
  });

  const card = await step('start', async () => {
    await ui.openPersonalChat();
    await ui.send('kampagne neu');
    return ui.waitForCardContaining(de.wizardStep(1, 5, de.wizardStepBasics), { timeoutMs: 30_000 });
  });

  await step('basics', async () => {
    await ui.fillInput(de.fieldTitle, TITLE, card, { exact: true });
    await ui.clickCardButton(de.next, card);
    await ui.waitForCardContaining(de.wizardStep(2, 5, de.wizardStepItems));
  });

  await step('question', async () => {
    await ui.chooseOption(de.fieldType, de.typePoll, card);
    await ui.fillInput(de.fieldQuestion, QUESTION, card, { exact: true });
    await ui.fillInput(de.fieldOptions, 'gut\neher gut\neher schlecht', card, { exact: true });
    await ui.clickCardButton(de.next, card);
    await ui.waitForCardContaining(de.wizardStep(3, 5, de.wizardStepSchedule));
  });

  // due within a minute: the next full minute in Berlin.
  const due = DateTime.now().setZone('Europe/Berlin').plus({ minutes: 1 }).startOf('minute');
  await step('schedule', async () => {
    await ui.fillInput(de.fieldDate, due.toFormat('yyyy-LL-dd'), card, { exact: true });
    await ui.fillInput(de.fieldTime, due.toFormat('HH:mm'), card, { exact: true });
    await ui.clickCardButton(de.next, card);
    await ui.waitForCardContaining(de.wizardStep(4, 5, de.wizardStepTargets));
  });

  await step('targets-and-preview', async () => {
    await ui.clickCardButton(de.next, card);
    await ui.waitForCardContaining(de.previewNextPosts);
    await ui.screenshotCard(path.join(ARTIFACTS, 'wizard-preview.png'), card);
    await ui.clickCardButton(de.confirmSchedule, card);
    await ui.waitForCardContaining(de.campaignCreated(TITLE).slice(0, 30));
  });
  const campaign = (await storage.campaigns.list()).find((c) => c.title === TITLE);
  expect(campaign).toMatchObject({ status: 'scheduled', targets: { kind: 'all' }, channel: 'General' });

  // the scheduler posts the poll once it is due.
  await step('posted', async () => {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && (await bot.scheduler.tick()).posted === 0) await new Promise((r) => setTimeout(r, 2000));
    await ui.openChannel('General');
    await ui.waitForCardContaining(QUESTION, { timeoutMs: 30_000 });
  });

  await step('answer', async () => {
    const posted = await ui.waitForCardContaining(QUESTION);
    await ui.clickCardButton('eher gut', posted);
    await ui.waitForCardContaining(de.yourVote('eher gut').slice(0, 20));
  });
  const latest = await storage.items.latestByCreator(`campaign:${campaign!.id}`);
  expect(latest?.question).toBe(QUESTION);
  expect(await storage.responses.namedVote(latest!, tenant.currentUserId as string)).toEqual([1]);
});
