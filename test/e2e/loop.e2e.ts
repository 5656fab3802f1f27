import { DateTime } from 'luxon';
import { messages } from '../../core/messages';
import { type E2eWorld, screenshotSteps, startE2eWorld, tenant } from './support/e2e-world';

/**
 * The second half of participation in a Teams-like client: ideas come in on a prompt, the leader accepts one and
 * makes it a measure with an owner and a date, notes progress, marks it done, and posts the results to the team;
 * the author hears of it in their chat and finds it done under "meine ideen". Every step leaves a screenshot in
 * test/e2e/artifacts/.
 */

const de = messages('de');
const PROMPT = 'Was würde die Arbeit am Empfang leichter machen?';
const MY_IDEA = 'Ein Wegweiser mit Raumnummern gleich am Eingang';
const OTHER_IDEA = 'Eine zweite Wartemarke für Terminkunden';
const TEAM = 'Team Digitalisierung';
const ME = 'Sabine Krüger';
const TITLE = 'Wegweiser am Eingang aufstellen';
const NOTE = 'Entwurf mit der Hausverwaltung abgestimmt';

let world: E2eWorld;

jest.setTimeout(360_000);

beforeAll(async () => {
  world = await startE2eWorld('bot-loop');
});

afterAll(async () => {
  await world?.stop();
});

const shot = screenshotSteps(() => world, 'loop');

test('from ideas on a prompt to a measure that is done, told to the team and to the author', async () => {
  const { ui, storage } = world;
  const me = tenant.currentUserId as string;
  const others = tenant.users.map((u) => u.name);

  await shot('01-prompt', async () => {
    await ui.openChannel('General');
    await ui.waitForCardContaining(de.welcomeTitle, { timeoutMs: 30_000 });
    await ui.send(`ideenabfrage ${PROMPT}`, { mentionBot: true });
    await ui.waitForCardContaining(PROMPT, { timeoutMs: 30_000 });
  });

  await shot('02-ideas', async () => {
    const ideas: [string | undefined, string][] = [
      [undefined, MY_IDEA],
      [others[0], OTHER_IDEA],
    ];
    for (const [name, text] of ideas) {
      ui.switchUser(name);
      const prompt = await ui.waitForCardContaining(PROMPT);
      await ui.fillInput(de.ideaLabel, text, prompt);
      await ui.clickCardButton(de.submitIdea, prompt);
    }
    ui.switchUser(undefined);
  });

  // the admin leads the team, and accepts her team's idea on the ideas card in her chat.
  const accepted = await shot('03-accept', async () => {
    await ui.openPersonalChat();
    await ui.send(`leitung hinzufügen ${ME} für ${TEAM}`);
    await ui.waitForText(de.leaderAssigned(ME, TEAM), { timeoutMs: 30_000 });
    await ui.send('ideen');
    const card = await ui.waitForCardContaining(MY_IDEA, { timeoutMs: 30_000 });
    const idea = card.locator('.ac-container').filter({ hasText: MY_IDEA }).last();
    await idea.getByRole('button', { name: de.ideaChangeStatus, exact: true }).first().click();
    await ui.chooseOption(de.ideaNewStatus, 'angenommen', card);
    await ui.clickCardButton(de.ideaSaveStatus, card);
    await ui.waitForText('angenommen', { timeoutMs: 30_000 });
    return card;
  });
  expect((await storage.ideas.byAuthor(me)).find((i) => i.text === MY_IDEA)?.status).toBe('accepted');

  // she makes it a measure: she owns it, due in four weeks.
  const due = DateTime.now().setZone('Europe/Berlin').plus({ weeks: 4 });
  const measureCard = await shot('04-measure', async () => {
    await ui.clickCardButton(de.measureNewButton, accepted);
    const form = await ui.waitForCardContaining(de.measureFormTitle, { timeoutMs: 30_000 });
    await ui.fillInput(de.measureTitleLabel, TITLE, form);
    await ui.fillInput(de.measureDescriptionLabel, 'Schild mit Raumnummern und Wegen zu den Sachgebieten', form);
    await ui.fillInput(de.measureDueLabel, due.toFormat('yyyy-LL-dd'), form);
    await ui.clickCardButton(de.measureCreateButton, form);
    await ui.waitForText(de.measureCreated(TITLE), { timeoutMs: 30_000 });
    return ui.waitForCardContaining(TITLE);
  });
  const team = (await storage.installations.activeTeams()).find((t) => t.name === TEAM);
  const [measure] = (await storage.measures.ofTeam(team?.teamId ?? '')).filter((m) => m.title === TITLE);
  expect(measure).toMatchObject({ ownerId: me, status: 'planned', dueDate: due.toFormat('yyyy-LL-dd') });

  await shot('05-note', async () => {
    await measureCard.getByRole('button', { name: de.measureAddNote, exact: true }).first().click();
    await ui.fillInput(de.measureNoteLabel, NOTE, measureCard);
    await ui.clickCardButton(de.measureSaveNote, measureCard);
    await ui.waitForText(de.measureNoteAdded, { timeoutMs: 30_000 });
  });

  await shot('06-done', async () => {
    const card = await ui.waitForCardContaining(TITLE);
    await card.getByRole('button', { name: de.measureChangeStatus, exact: true }).first().click();
    await ui.chooseOption(de.measureNewStatus, 'umgesetzt', card);
    await ui.clickCardButton(de.measureSaveStatus, card);
    await ui.waitForText(de.measureStatusChanged(TITLE, 'umgesetzt'), { timeoutMs: 30_000 });
  });
  expect((await storage.ideas.byAuthor(me)).find((i) => i.text === MY_IDEA)?.status).toBe('done');

  // the author (here the admin herself) hears of it in her chat.
  await shot('07-notice', async () => {
    await ui.waitForText(de.measureNoticeStatus(TITLE, 'umgesetzt'), { timeoutMs: 30_000 });
  });

  // the results go to the team's channel.
  await shot('08-results', async () => {
    const card = await ui.waitForCardContaining(TITLE);
    await ui.clickCardButton(de.resultsPostButton, card);
    await ui.openChannel('General');
    const results = await ui.waitForCardContaining(TITLE, { timeoutMs: 30_000 });
    expect(await ui.cardText(results)).toContain(MY_IDEA);
  });

  await shot('09-my-ideas', async () => {
    await ui.openPersonalChat();
    await ui.send('meine ideen');
    const card = await ui.waitForCardContaining(MY_IDEA, { timeoutMs: 30_000 });
    const text = await ui.cardText(card);
    expect(text).toContain(TITLE);
    expect(text).toContain('umgesetzt');
    expect(text).toContain(NOTE);
  });
});
