import { DateTime } from 'luxon';
import { decisionMessages } from '../../core/ideas/idea-status';
import { messages } from '../../core/messages';
import { type E2eWorld, screenshotSteps, startE2eWorld, tenant } from './support/e2e-world';

/**
 * The whole product in a Teams-like client: an admin plans a campaign in chat, its poll and idea prompt appear in
 * General, the mock team answers, the anonymous poll closes with results, the admin (as leader) reads the digest,
 * accepts an idea, and the decision reaches the idea's thread and its author's chat. Every step leaves a
 * screenshot in test/e2e/artifacts/.
 */

const de = messages('de');
const TITLE = 'Gute Arbeit – Puls Team Digitalisierung';
const POLL = 'Wie gut fühlst du dich über die Einführung der E-Akte informiert?';
const PROMPT = 'Was würde die Zusammenarbeit in unserem Team verbessern?';
const MY_IDEA = 'Eine feste Übergabezeit am Freitag, damit nichts liegen bleibt';
const TEAM = 'Team Digitalisierung';
const ME = 'Sabine Krüger';
const NOTE = 'Startet ab nächster Woche';
const DECISION = decisionMessages('de', { text: MY_IDEA, anonymous: false }, { status: 'accepted', note: NOTE });

let world: E2eWorld;

jest.setTimeout(360_000);

beforeAll(async () => {
  world = await startE2eWorld('bot-journey');
});

afterAll(async () => {
  await world?.stop();
});

const shot = screenshotSteps(() => world, 'journey');

test('from a campaign planned in chat to a decision the team hears about', async () => {
  const { ui, storage, bot } = world;
  const me = tenant.currentUserId as string;
  const others = tenant.users.map((u) => u.name);
  expect(others.length).toBeGreaterThanOrEqual(5);

  await shot('01-install', async () => {
    await ui.openChannel('General');
    await ui.waitForCardContaining(de.welcomeTitle, { timeoutMs: 30_000 });
  });

  // 1. the admin plans a campaign in chat: an anonymous poll and an idea prompt, both due within a minute.
  const due = DateTime.now().setZone('Europe/Berlin').plus({ minutes: 1 }).startOf('minute');
  await shot('02-wizard', async () => {
    await ui.openPersonalChat();
    await ui.send('kampagne neu');
    const card = await ui.waitForCardContaining(de.wizardStep(1, 5, de.wizardStepBasics), { timeoutMs: 30_000 });
    await ui.fillInput(de.fieldTitle, TITLE, card, { exact: true });
    await ui.clickCardButton(de.next, card);
    await ui.waitForCardContaining(de.wizardStep(2, 5, de.wizardStepItems));
    await ui.chooseOption(de.fieldType, de.typePoll, card);
    await ui.fillInput(de.fieldQuestion, POLL, card, { exact: true });
    await ui.fillInput(de.fieldOptions, 'sehr gut\neher gut\neher schlecht', card, { exact: true });
    await card.getByRole('checkbox', { name: de.fieldAnonymous }).check();
    await ui.clickCardButton(de.addItem, card);
    await ui.waitForCardContaining(de.itemsSoFar(1));
    await ui.chooseOption(de.fieldType, de.typeIdea, card);
    await ui.fillInput(de.fieldQuestion, PROMPT, card, { exact: true });
    await ui.clickCardButton(de.next, card);
    await ui.waitForCardContaining(de.wizardStep(3, 5, de.wizardStepSchedule));
    for (const label of [de.fieldDate, de.fieldTime]) {
      const inputs = card.getByLabel(label, { exact: true });
      for (let i = 0; i < (await inputs.count()); i++)
        await inputs.nth(i).fill(label === de.fieldDate ? due.toFormat('yyyy-LL-dd') : due.toFormat('HH:mm'));
    }
    await ui.clickCardButton(de.next, card);
    await ui.waitForCardContaining(de.wizardStep(4, 5, de.wizardStepTargets));
    await ui.clickCardButton(de.next, card);
    await ui.waitForCardContaining(de.previewNextPosts);
    await ui.clickCardButton(de.confirmSchedule, card);
    await ui.waitForCardContaining(de.campaignCreated(TITLE).slice(0, 30));
  });
  const campaign = (await storage.campaigns.list()).find((c) => c.title === TITLE);
  expect(campaign?.items.map((i) => [i.type, i.anonymous])).toEqual([
    ['poll', true],
    ['idea', false],
  ]);

  // 2. both appear in General once they are due.
  await shot('03-posted', async () => {
    let posted = 0;
    const deadline = Date.now() + 150_000;
    while (posted < 2 && Date.now() < deadline) {
      posted += (await bot.scheduler.tick()).posted;
      if (posted < 2) await new Promise((r) => setTimeout(r, 2000));
    }
    expect(posted).toBe(2);
    await ui.openChannel('General');
    await ui.waitForCardContaining(POLL, { timeoutMs: 30_000 });
    await ui.waitForCardContaining(PROMPT, { timeoutMs: 30_000 });
  });

  // 3. six people answer the anonymous poll; three send ideas.
  await shot('04-answers', async () => {
    const voters = [undefined, ...others];
    for (const [i, name] of voters.entries()) {
      ui.switchUser(name);
      const poll = await ui.waitForCardContaining(POLL);
      await ui.clickCardButton(i % 3 === 2 ? 'eher schlecht' : i % 2 === 0 ? 'sehr gut' : 'eher gut', poll);
    }
    const ideas: [string | undefined, string][] = [
      [undefined, MY_IDEA],
      [others[0], 'Ein gemeinsames Postfach für Rückfragen der Kundschaft'],
      [others[1], 'Kurze Stand-ups am Dienstag und Donnerstag'],
    ];
    for (const [name, text] of ideas) {
      ui.switchUser(name);
      const prompt = await ui.waitForCardContaining(PROMPT);
      await ui.fillInput(de.ideaLabel, text, prompt);
      await ui.clickCardButton(de.submitIdea, prompt);
    }
    ui.switchUser(undefined);
  });

  // 4. the anonymous poll closes and shows its results.
  await shot('05-closed', async () => {
    await ui.reply(POLL, 'schließen', { mentionBot: true });
    await ui.waitForCardContaining(de.closedBadge, { timeoutMs: 30_000 });
    await ui.waitForCardContaining(de.answeredCount(6), { timeoutMs: 30_000 });
  });

  // 5. the admin makes herself leader of the team and asks for the digest; the anonymous voter roll is written
  //    in delayed batches (every 10 minutes), which the test brings forward.
  await storage.participation.flush();
  const digest = await shot('06-digest', async () => {
    await ui.openPersonalChat();
    await ui.send(`leitung hinzufügen ${ME} für ${TEAM}`);
    await ui.waitForText(de.leaderAssigned(ME, TEAM), { timeoutMs: 30_000 });
    await ui.send('digest');
    const card = await ui.waitForCardContaining(de.digestInterim, { timeoutMs: 30_000 });
    const text = await ui.cardText(card);
    expect(text).toContain(MY_IDEA);
    expect(text).toContain(POLL);
    expect(text).toMatch(/Beteiligung: 6 von 6/);
    return card;
  });

  // 6. she accepts her team's idea with a note.
  await shot('07-decision', async () => {
    const idea = digest.locator('.ac-container').filter({ hasText: MY_IDEA }).last();
    await idea.getByRole('button', { name: de.ideaChangeStatus, exact: true }).first().click();
    await ui.chooseOption(de.ideaNewStatus, 'angenommen', digest);
    await digest.getByLabel(de.ideaNoteLabel).filter({ visible: true }).fill(NOTE);
    await ui.clickCardButton(de.ideaSaveStatus, digest);
    await ui.waitForText('angenommen', { timeoutMs: 30_000 });
  });
  const accepted = (await storage.ideas.byAuthor(me)).find((i) => i.text === MY_IDEA);
  expect(accepted?.status).toBe('accepted');

  // 7. the decision is in the prompt's thread in General and in the author's chat.
  await shot('08-heard', async () => {
    await ui.waitForText(DECISION.toAuthor as string, { timeoutMs: 30_000 });
    await ui.openChannel('General');
    await ui.waitForText(DECISION.threadReply, { timeoutMs: 30_000 });
  });
});
