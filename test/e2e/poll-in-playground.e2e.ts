import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { messages } from '../../core/messages';
import { ARTIFACTS, startE2eWorld, tenant, type E2eWorld } from './support/e2e-world';

const de = messages('de');
const QUESTION = 'Wie zufrieden bist du mit unserer Teamkommunikation?';
const IDEA_QUESTION = 'Was würde unsere Zusammenarbeit verbessern?';

let world: E2eWorld;

jest.setTimeout(180_000);

beforeAll(async () => {
  world = await startE2eWorld('bot');
});

afterAll(async () => {
  await world?.stop();
});

test('an admin posts a poll into General, votes on the card, sees the card update, and the vote is in table storage', async () => {
  const { ui, storage, step } = world;
  const me = tenant.currentUserId as string;

  await step('install', async () => {
    await ui.openChannel('General');
    await ui.waitForCardContaining(de.welcomeTitle, { timeoutMs: 30_000 });
  });

  const card = await step('post-poll', async () => {
    await ui.send(`umfrage ${QUESTION} | sehr | eher | kaum`, { mentionBot: true });
    return ui.waitForCardContaining(QUESTION, { timeoutMs: 30_000 });
  });

  await step('vote', async () => {
    await ui.clickCardButton('eher', card);
    await ui.waitForCardContaining(de.yourVote('eher').slice(0, 20));
  });

  const item = await storage.items.latestByCreator(me);
  expect(item?.question).toBe(QUESTION);
  expect(await storage.responses.namedVote(item!, me)).toEqual([1]);
  expect((await storage.responses.tally(item!)).counts).toEqual([0, 1, 0]);

  await step('demo', async () => {
    await ui.reply(QUESTION, 'demo', { mentionBot: true });
    await ui.waitForCardContaining(de.answeredCount(1 + tenant.users.length), { timeoutMs: 30_000 });
  });
  expect((await storage.responses.tally(item!)).voters).toBe(1 + tenant.users.length);

  const resultCard = await ui.waitForCardContaining(QUESTION);
  await ui.screenshotCard(path.join(ARTIFACTS, 'poll-card.png'), resultCard);
  if (process.env.UPDATE_SCREENSHOTS)
    copyFileSync(
      path.join(ARTIFACTS, 'poll-card.png'),
      path.join(__dirname, '..', '..', 'docs', 'images', 'poll-card.png'),
    );
});

test('an idea typed into an idea prompt card is confirmed on the card and stored with its author', async () => {
  const { ui, storage, step } = world;
  const me = tenant.currentUserId as string;
  const card = await step('post-idea', async () => {
    await ui.send(`ideenabfrage ${IDEA_QUESTION}`, { mentionBot: true });
    return ui.waitForCardContaining(IDEA_QUESTION, { timeoutMs: 30_000 });
  });
  await step('submit-idea', async () => {
    await ui.fillInput(de.ideaLabel, 'Eine kurze Teamrunde am Montagmorgen', card);
    await ui.clickCardButton(de.submitIdea, card);
    await ui.waitForCardContaining(de.ideasCount(1));
  });
  const item = await storage.items.latestByCreator(me);
  expect(item?.kind).toBe('idea');
  const ideas = await storage.responses.ideas(item!.id);
  expect(ideas.map((i) => [i.text, i.authorId])).toEqual([['Eine kurze Teamrunde am Montagmorgen', me]]);
});
