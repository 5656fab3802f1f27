import path from 'node:path';
import { DateTime } from 'luxon';
import { messages } from '../../core/messages';
import { ARTIFACTS, startE2eWorld, tenant, type E2eWorld } from './support/e2e-world';
import { openClientAs, type SecondClient } from './support/second-client';

/**
 * The staff council's approval in a Teams-like client: the admin plans a campaign in the wizard with
 * APPROVAL_REQUIRED=on, the approval card reaches the council, a council member approves it on the card, and only then
 * the scheduler posts it.
 *
 * Two people, two clients: the Playground's current user (Sabine Krüger, the local admin) plans the campaign in her
 * client; Anna Becker holds the council role and uses her own client, a second Playground against the same bot in which
 * she is the current user (support/second-client.ts says why one Playground cannot show her chat). Her client installs
 * the bot in her personal chat, so the approval card reaches her there and her click on it reaches the bot as hers.
 */
const de = messages('de');
const TITLE = 'Puls E-Akte';
const QUESTION = 'Wie gut fühlen Sie sich über die neue E-Akte informiert?';
/** the Playground's current user (.m365agentsplayground.yml), the admin in local mode. */
const ME = 'Sabine Krüger';
/** the council member, another mock user with her own client. */
const COUNCIL = tenant.users[0]?.name ?? 'Anna Becker';
const COUNCIL_ID = tenant.users[0]?.aadObjectId;

let world: E2eWorld;
let anna: SecondClient | undefined;

jest.setTimeout(240_000);

beforeAll(async () => {
  world = await startE2eWorld('bot-approval', { APPROVAL_REQUIRED: 'on', APPROVALS_NEEDED: '1' });
});

afterAll(async () => {
  await anna?.stop();
  await world?.stop();
});

test('a campaign planned in the wizard waits for the council, is approved on the card, and is posted after that', async () => {
  const { ui, storage, bot, step } = world;
  await step('install', async () => {
    expect(ui.config.currentUser.name).toBe(ME);
    await ui.openChannel('General');
    await ui.waitForCardContaining(de.welcomeTitle, { timeoutMs: 30_000 });
  });

  // Anna opens her own client: the bot greets her in her personal chat and keeps it for 1:1 messages.
  const council = await step('council-client', async () => {
    anna = await openClientAs({
      botEndpoint: world.botEndpoint,
      configFile: path.join(__dirname, '..', '..', '.m365agentsplayground.yml'),
      userName: COUNCIL,
      cwd: path.join(__dirname, '..', '..'),
    });
    expect(anna.ui.config.currentUser.name).toBe(COUNCIL);
    await anna.ui.openPersonalChat();
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !(await storage.installations.getPerson(COUNCIL_ID ?? ''))?.active)
      await new Promise((r) => setTimeout(r, 500));
    expect((await storage.installations.getPerson(COUNCIL_ID ?? ''))?.reference.serviceUrl).toContain(
      `:${anna.playground.port}`,
    );
    // the greeting ("Hallo!", with the first name when the Playground sends one) in her own chat.
    await anna.ui.waitForCardContaining(de.greetingTitle('').replace('!', ''), { timeoutMs: 30_000 });
    await anna.ui.screenshot(path.join(ARTIFACTS, 'approval-council-client.png'));
    return anna.ui;
  });

  await step('council', async () => {
    await ui.openPersonalChat();
    await ui.send(`personalrat hinzufügen ${COUNCIL}`);
    await ui.waitForText(de.councilGranted(COUNCIL), { timeoutMs: 30_000 });
  });
  expect((await storage.roles.councilMembers()).map((m) => m.personId)).toEqual([COUNCIL_ID]);

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

  // the card reaches the council member in her client, not the admin who planned the campaign.
  const approval = await step('approval-card', async () => {
    const shown = await council.waitForCardContaining(de.approvalCampaignTitle(TITLE), { timeoutMs: 30_000 });
    expect(await council.cardText(shown)).toContain(de.approvalStatePending(0, 1));
    await council.screenshotCard(path.join(ARTIFACTS, 'approval-card.png'), shown);
    return shown;
  });
  expect(
    await ui
      .cards()
      .filter({ hasText: de.approvalCampaignTitle(TITLE) })
      .count(),
  ).toBe(0);

  // not approved yet: however often the scheduler ticks after the due minute, nothing is posted.
  await step('waits', async () => {
    while (DateTime.now() < due.plus({ seconds: 2 })) await new Promise((r) => setTimeout(r, 1000));
    expect((await bot.scheduler.tick()).posted).toBe(0);
    expect((await bot.scheduler.tick()).posted).toBe(0);
    await ui.openChannel('General');
    expect(await ui.cards().filter({ hasText: QUESTION }).count()).toBe(0);
  });
  expect((await storage.campaigns.list()).find((c) => c.id === campaign!.id)?.status).toBe('scheduled');

  await step('approve', async () => {
    await council.clickCardButton(de.approvalApprove, approval);
    await council.waitForCardContaining(de.approvalYouApproved, { timeoutMs: 30_000 });
    await council.screenshot(path.join(ARTIFACTS, 'approval-approved.png'));
  });
  const records = await storage.approvals.records('campaign', campaign!.id);
  expect(records.at(-1)?.decisions).toEqual([expect.objectContaining({ memberId: COUNCIL_ID })]);
  expect(COUNCIL_ID).not.toBe(tenant.currentUserId);

  await step('posted', async () => {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && (await bot.scheduler.tick()).posted === 0)
      await new Promise((r) => setTimeout(r, 2000));
    await ui.openChannel('General');
    await ui.waitForCardContaining(QUESTION, { timeoutMs: 30_000 });
  });
});
