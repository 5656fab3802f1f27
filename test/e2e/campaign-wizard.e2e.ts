import path from 'node:path';
import { DateTime } from 'luxon';
import { messages } from '../../core/messages';
import { ARTIFACTS, startE2eWorld, tenant, type E2eWorld } from './support/e2e-world';

const de = messages('de');
const TITLE = 'Puls Jobcenter Mitte';
const QUESTION = 'Wie gut fühlst du dich über die neue E-Akte informiert?';

let world: E2eWorld;

jest.setTimeout(240_000);

beforeAll(async () => {
  world = await startE2eWorld('bot-wizard');
});

afterAll(async () => {
  await world?.stop();
});

test('an admin creates a campaign through the chat wizard; its first poll, due within a minute, appears in General and is answered', async () => {
  const { ui, storage, bot, step } = world;
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
    while (Date.now() < deadline && (await bot.scheduler.tick()).posted === 0)
      await new Promise((r) => setTimeout(r, 2000));
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
