import { VERBS } from '../core/card-actions';
import { messages } from '../core/messages';
import { people, startBotHarness, type BotHarness, type Person } from './support/bot-harness';
import { cardTexts } from './support/card-nodes';
import { invokeCard, postItem } from './support/turn-helpers';

const de = messages('de');
const [anna, jonas] = people(2) as [Person, Person];
let h: BotHarness;

beforeAll(async () => {
  // a minute between answers, so the second click below is inside the interval however slow the machine is.
  h = await startBotHarness({}, {}, { answerIntervalMs: 60_000 });
  await h.installInTeam();
});
afterAll(async () => {
  await h.stop();
});

test('a second answer by the same person to the same item within the interval gets "einen Moment" and changes nothing', async () => {
  const poll = await postItem(h, 'umfrage Frage? | a | b');
  const idea = await postItem(h, 'ideenabfrage Was fehlt?');
  expect(cardTexts(invokeCard(await h.invoke(VERBS.vote, { itemId: poll.item.id, choice: 0 }, anna)))).toContain(
    de.yourVote('a'),
  );
  expect(cardTexts(invokeCard(await h.invoke(VERBS.vote, { itemId: poll.item.id, choice: 1 }, anna)))).toContain(
    de.errSlowDown,
  );
  expect(await h.storage.responses.tally(poll.item)).toEqual({ counts: [1, 0], voters: 1 });

  // others, and the same person on another item, are not held up.
  expect(cardTexts(invokeCard(await h.invoke(VERBS.vote, { itemId: poll.item.id, choice: 1 }, jonas)))).toContain(
    de.yourVote('b'),
  );
  expect(
    cardTexts(
      invokeCard(await h.invoke(VERBS.submitIdea, { itemId: idea.item.id, ideaText: 'Mehr Homeoffice' }, anna)),
    ),
  ).toContain(`${de.yourIdea('Mehr Homeoffice')} ${de.anotherIdea}`);
  expect(await h.storage.responses.tally(poll.item)).toEqual({ counts: [1, 1], voters: 2 });
});
