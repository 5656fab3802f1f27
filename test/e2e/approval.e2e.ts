import path from 'node:path';
import { DateTime } from 'luxon';
import { messages } from '../../core/messages';
import { ARTIFACTS, startE2eWorld, tenant, type E2eWorld } from './support/e2e-world';

/**
 * The staff council's approval in a Teams-like client: the admin plans a campaign in the wizard with
 * APPROVAL_REQUIRED=on, the approval card reaches the council, a council member approves it on the card, and only then
 * the scheduler posts it.
 *
 * The Playground is one person's client: it shows only its currentUser's personal chat, and typed messages always come
 * from that user. The second Playground user (Anna Becker) gets the council role and her card: the bot opens her 1:1
 * chat (createConversation, answered 201 in the Playground's log), but the client has no view of it, and a click on the
 * card in the current user's chat made as Anna (`switchUser`) never reached the bot. So the current user holds the
 * council role too (besides being the local admin) and approves on the card in her own chat.
 */
const de = messages('de');
const TITLE = 'Puls E-Akte';
const QUESTION = 'Wie gut fühlen Sie sich über die neue E-Akte informiert?';
/** the Playground's current user (.m365agentsplayground.yml), the admin in local mode. */
const ME = 'Sabine Krüger';
const COUNCIL = tenant.users[0]?.name ?? 'Anna Becker';

let world: E2eWorld;

jest.setTimeout(240_000);

beforeAll(async () => {
  world = await startE2eWorld('bot-approval', { APPROVAL_REQUIRED: 'on', APPROVALS_NEEDED: '1' });
});

afterAll(async () => {
  await world?.stop();
});

test('a campaign planned in the wizard waits for the council, is approved on the card, and is posted after that', async () => {
  const { ui, storage, bot, step } = world;
  await step('install', async () => {
    await ui.openChannel('General');
    await ui.waitForCardContaining(de.welcomeTitle, { timeoutMs: 30_000 });
  });

  await step('council', async () => {
    await ui.openPersonalChat();
    for (const name of [COUNCIL, ME]) {
      await ui.send(`personalrat hinzufügen ${name}`);
      await ui.waitForText(de.councilGranted(name), { timeoutMs: 30_000 });
    }
  });

  const card = await step('start', async () => {
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
  const due = DateTime.now().setZone('Europe/Berlin').plus({ minutes: 1 }).startOf('minute');
  await step('schedule', async () => {
    await ui.fillInput(de.fieldDate, due.toFormat('yyyy-LL-dd'), card, { exact: true });
    await ui.fillInput(de.fieldTime, due.toFormat('HH:mm'), card, { exact: true });
    await ui.clickCardButton(de.next, card);
    await ui.waitForCardContaining(de.wizardStep(4, 5, de.wizardStepTargets));
  });
  await step('plan', async () => {
    await ui.clickCardButton(de.next, card);
    await ui.waitForCardContaining(de.previewNextPosts);
    await ui.clickCardButton(de.confirmSchedule, card);
    await ui.waitForCardContaining(de.campaignCreated(TITLE).slice(0, 30));
  });
  const campaign = (await storage.campaigns.list()).find((c) => c.title === TITLE);
  expect(campaign?.status).toBe('scheduled');

  const approval = await step('approval-card', async () => {
    const shown = await ui.waitForCardContaining(de.approvalCampaignTitle(TITLE), { timeoutMs: 30_000 });
    expect(await ui.cardText(shown)).toContain(de.approvalStatePending(0, 1));
    await ui.screenshotCard(path.join(ARTIFACTS, 'approval-card.png'), shown);
    return shown;
  });

  // not approved yet: however often the scheduler ticks after the due minute, nothing is posted.
  await step('waits', async () => {
    while (DateTime.now() < due.plus({ seconds: 2 })) await new Promise((r) => setTimeout(r, 1000));
    expect((await bot.scheduler.tick()).posted).toBe(0);
  });

  await step('approve', async () => {
    await ui.clickCardButton(de.approvalApprove, approval);
    await ui.waitForCardContaining(de.approvalYouApproved, { timeoutMs: 30_000 });
  });
  const records = await storage.approvals.records('campaign', campaign!.id);
  expect(records.at(-1)?.decisions).toEqual([expect.objectContaining({ memberId: tenant.currentUserId })]);

  await step('posted', async () => {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && (await bot.scheduler.tick()).posted === 0)
      await new Promise((r) => setTimeout(r, 2000));
    await ui.openChannel('General');
    await ui.waitForCardContaining(QUESTION, { timeoutMs: 30_000 });
  });
});
