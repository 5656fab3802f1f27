import path from 'node:path';
import { messages } from '../../core/messages';
import { ARTIFACTS, screenshotSteps, startE2eWorld, tenant, type E2eWorld } from './support/e2e-world';

const de = messages('de');
const QUESTION = 'Welcher Tag passt für das Teamfrühstück?';

let world: E2eWorld;
const step = screenshotSteps(() => world, 'compose');

jest.setTimeout(180_000);

beforeAll(async () => {
  world = await startE2eWorld('compose');
});

afterAll(async () => {
  await world?.stop();
});

test('a poll created in the message extension dialog appears in General and is answered there', async () => {
  const { ui, storage } = world;
  const me = tenant.currentUserId as string;

  await step('install', async () => {
    await ui.openChannel('General');
    await ui.waitForCardContaining(de.welcomeTitle, { timeoutMs: 30_000 });
  });

  const form = await step('open-form', () => ui.openActionExtension('compose'));

  await step('form-problem', async () => {
    await ui.chooseOption(de.composeKindLabel, de.composeKindSingle, form);
    await form.getByRole('textbox', { name: de.composeQuestionLabel, exact: true }).fill(QUESTION);
    await form.locator('textarea').fill('Montag');
    await ui.clickCardButton(de.composeSubmit, form);
    await ui.extensionDialog().getByText(de.errFormTooFewOptions).waitFor();
  });
  expect(await storage.items.latestByCreator(me)).toBeUndefined();

  await step('form-posted', async () => {
    const again = ui.extensionDialog().locator('.ac-adaptiveCard').first();
    await again.locator('textarea').fill('Montag\nFreitag');
    await ui.clickCardButton(de.composeSubmit, again);
    await ui.extensionDialog().getByText(de.composePosted).waitFor();
    await ui.closeExtensionDialog();
  });

  const card = await step('poll-in-general', () => ui.waitForCardContaining(QUESTION, { timeoutMs: 30_000 }));
  await step('vote', async () => {
    await ui.clickCardButton('Freitag', card);
    await ui.waitForCardContaining(de.yourVote('Freitag').slice(0, 20));
  });

  const item = await storage.items.latestByCreator(me);
  expect(item).toMatchObject({ question: QUESTION, options: ['Montag', 'Freitag'], channelId: item?.teamId });
  expect(await storage.responses.namedVote(item!, me)).toEqual([1]);
  await ui.screenshotCard(path.join(ARTIFACTS, 'compose-poll-card.png'), card);
});
