import { randomUUID } from 'node:crypto';
import { VERBS } from '../core/card-actions';
import { messages } from '../core/messages';
import {
  ADMIN,
  BOT,
  OTHER_TEAM,
  people,
  startBotHarness,
  TEAM,
  TENANT,
  type BotHarness,
  type Person,
} from './support/bot-harness';
import { cardTexts } from './support/card-nodes';
import { invokeCard, postItem, textsSince, type PostedItem } from './support/turn-helpers';

const de = messages('de');
const [alice, bob] = people(2) as [Person, Person];
let h: BotHarness;
let pollItem: PostedItem;
let ideaItem: PostedItem;
let closedItem: PostedItem;

beforeAll(async () => {
  h = await startBotHarness();
  await h.installInTeam();
  pollItem = await postItem(h, 'umfrage Frage? | a | b | c');
  ideaItem = await postItem(h, 'ideenabfrage Was können wir besser machen?');
  closedItem = await postItem(h, 'umfrage Geschlossen? | a | b');
  await h.channelMessage('schließen', ADMIN, { conversationId: closedItem.thread });
});
afterAll(async () => {
  await h.stop();
});

const EMPTY = { counts: [0, 0, 0], voters: 0 };
const invokeTexts = async (verb: unknown, data: unknown, from: Person = alice, options = {}) =>
  cardTexts(invokeCard(await h.invoke(verb, data, from, options)));
/** the texts a channel command got back, and whether it posted anything. */
async function command(text: string, from: Person = ADMIN) {
  const before = h.connector.delivered.length;
  const newestBefore = await h.storage.items.latestByCreator(from.aadObjectId);
  await h.channelMessage(text, from);
  const newestAfter = await h.storage.items.latestByCreator(from.aadObjectId);
  const posted = h.connector.delivered.slice(before).some((d) => d.kind === 'create');
  return { texts: textsSince(h, before), storedNew: newestAfter?.id !== newestBefore?.id || posted };
}

describe('card actions with bad data', () => {
  test('refuses an unknown verb and records no vote', async () => {
    expect(await invokeTexts('mitwirken.delete', { itemId: pollItem.item.id, choice: 0 })).toContain(
      de.errUnknownAction,
    );
    expect(await h.storage.responses.tally(pollItem.item)).toEqual(EMPTY);
  });

  test('refuses a vote without an item id', async () => {
    expect(await invokeTexts(VERBS.vote, { choice: 0 })).toContain(de.errInvalidPayload);
  });

  test('refuses a vote with wrong-typed fields and records nothing', async () => {
    expect(await invokeTexts(VERBS.vote, { itemId: pollItem.item.id, choice: { evil: true } })).toContain(
      de.errInvalidPayload,
    );
    expect(await invokeTexts(VERBS.vote, { itemId: 7, choice: 0 })).toContain(de.errInvalidPayload);
    expect(await h.storage.responses.tally(pollItem.item)).toEqual(EMPTY);
  });

  test('refuses a vote without any choice', async () => {
    expect(await invokeTexts(VERBS.vote, { itemId: pollItem.item.id })).toContain(de.errNoChoice);
  });

  // BUG: core/card-actions.ts coerces an empty choice to 0, so an empty list selection counts as a vote for the first option.
  test('refuses an empty choice from a choice list and records no vote', async () => {
    const list = await postItem(h, 'umfrage Welcher Tag? | Mo | Di | Mi | Do | Fr | Sa');
    expect(await invokeTexts(VERBS.vote, { itemId: list.item.id, choice: '' })).toContain(de.errNoChoice);
    expect((await h.storage.responses.tally(list.item)).voters).toBe(0);
  });

  test('refuses an option index out of range and records nothing', async () => {
    expect(await invokeTexts(VERBS.vote, { itemId: pollItem.item.id, choice: 3 })).toContain(de.errChoiceOutOfRange);
    expect(await invokeTexts(VERBS.vote, { itemId: pollItem.item.id, choice: -1 })).toContain(de.errChoiceOutOfRange);
    expect(await h.storage.responses.tally(pollItem.item)).toEqual(EMPTY);
    expect(await h.storage.responses.namedVote(pollItem.item, alice.aadObjectId)).toBeUndefined();
  });

  test('refuses several choices on a single-choice poll and records nothing', async () => {
    expect(await invokeTexts(VERBS.vote, { itemId: pollItem.item.id, choices: '0,1' })).toContain(de.errInvalidPayload);
    expect(await h.storage.responses.tally(pollItem.item)).toEqual(EMPTY);
  });

  test('refuses a vote on an idea prompt', async () => {
    expect(await invokeTexts(VERBS.vote, { itemId: ideaItem.item.id, choice: 0 })).toContain(de.errWrongItemKind);
  });

  test('refuses an empty idea and stores nothing', async () => {
    expect(await invokeTexts(VERBS.submitIdea, { itemId: ideaItem.item.id, ideaText: '   ' })).toContain(
      de.errIdeaEmpty,
    );
    expect(await h.storage.responses.ideaCount(ideaItem.item.id)).toBe(0);
  });

  test('refuses an idea over 1000 characters and stores nothing', async () => {
    expect(await invokeTexts(VERBS.submitIdea, { itemId: ideaItem.item.id, ideaText: 'x'.repeat(1001) })).toContain(
      de.errIdeaTooLong(1000),
    );
    expect(await h.storage.responses.ideaCount(ideaItem.item.id)).toBe(0);
  });

  test('refuses an answer to an item that does not exist', async () => {
    expect(await invokeTexts(VERBS.vote, { itemId: randomUUID(), choice: 0 })).toContain(de.errItemNotFound);
  });

  test('refuses an answer from another team and shows nothing of the item', async () => {
    const texts = await invokeTexts(VERBS.vote, { itemId: pollItem.item.id, choice: 0 }, alice, { team: OTHER_TEAM });
    expect(texts).toContain(de.errItemOtherTeam);
    expect(texts).not.toContain(pollItem.item.question);
    expect(await h.storage.responses.tally(pollItem.item)).toEqual(EMPTY);
  });

  test('refuses an answer to a closed item and records nothing', async () => {
    expect(await invokeTexts(VERBS.vote, { itemId: closedItem.item.id, choice: 0 })).toContain(de.errItemClosed);
    expect((await h.storage.responses.tally(closedItem.item)).voters).toBe(0);
  });

  test('refuses postTo from someone who is not an admin and posts nothing', async () => {
    const before = h.connector.delivered.length;
    const draft = { kind: 'poll', pollKind: 'single', question: 'Frage?', options: ['a', 'b'], anonymous: false };
    expect(
      await invokeTexts(VERBS.postTo, { draft, target: `${TEAM.id}|${TEAM.id}` }, bob, { personal: true }),
    ).toContain(de.errNotAdmin);
    expect(h.connector.delivered.slice(before).some((d) => d.kind === 'create')).toBe(false);
    expect(await h.storage.items.latestByCreator(bob.aadObjectId)).toBeUndefined();
  });

  test('refuses postTo into an unknown channel', async () => {
    const draft = { kind: 'idea', question: 'Frage?', options: [], anonymous: false };
    expect(
      await invokeTexts(VERBS.postTo, { draft, target: `${TEAM.id}|19:unknown` }, ADMIN, { personal: true }),
    ).toContain(de.errUnknownTarget);
  });
});

describe('commands with bad input', () => {
  test('refuses "umfrage" from someone who is neither admin nor leader and stores nothing', async () => {
    const result = await command('umfrage Frage? | a | b', bob);
    expect(result.texts).toContain(de.errNotAllowedToPost);
    expect(result.storedNew).toBe(false);
  });

  test.each([
    ['one option', 'umfrage Frage? | nur eine', de.errTooFewOptions],
    [
      'eleven options',
      `umfrage Frage? | ${Array.from({ length: 11 }, (_, i) => `o${i}`).join(' | ')}`,
      de.errTooManyOptions,
    ],
    ['no question', 'umfrage | a | b', de.errMissingQuestion],
    ['an unknown command word', 'abstimmung Frage?', de.errUnknownCommand('abstimmung')],
  ])('refuses a command with %s and stores nothing', async (_case, text, message) => {
    const result = await command(text);
    expect(result.texts).toContain(message);
    expect(result.storedNew).toBe(false);
  });

  test('answers "demo" as an unknown command when no Playground tenant is wired', async () => {
    expect(h.app.services.demo).toBeUndefined();
    expect((await command('demo')).texts).toContain(de.errUnknownCommand('demo'));
  });
});

describe('requests that are not activities', () => {
  const valid = () => ({
    id: randomUUID(),
    type: 'message',
    channelId: 'msteams',
    serviceUrl: h.connector.url,
    from: { id: alice.id, aadObjectId: alice.aadObjectId, name: alice.name },
    recipient: BOT,
    conversation: { id: `a:personal-${alice.id}`, conversationType: 'personal', tenantId: TENANT },
    text: 'hilfe',
  });

  test('answers malformed JSON with 400', async () => {
    expect((await h.post('{"type": "message",')).status).toBe(400);
  });

  test.each([
    ['an object without activity fields', { hello: 1 }],
    ['a null conversation', { conversation: null }],
    ['a numeric type', { type: 5 }],
    ['a string sender', { from: 'alice' }],
    ['a service URL that is not a URL', { serviceUrl: 'javascript:alert(1)' }],
  ])('answers %s with 400', async (_case, change) => {
    const body = _case === 'an object without activity fields' ? change : { ...valid(), ...change };
    expect((await h.post(body)).status).toBe(400);
  });

  test('answers a JSON array and a JSON null with 400', async () => {
    expect((await h.post('[]')).status).toBe(400);
    expect((await h.post('null')).status).toBe(400);
  });

  test('still serves a valid request after refusing malformed ones', async () => {
    await h.post({ hello: 1 });
    await h.post('{');
    const before = h.connector.delivered.length;
    expect((await h.post(valid())).status).toBe(200);
    expect(h.connector.delivered.length).toBeGreaterThan(before);
  });

  test('answers a body over 256 KB with 413', async () => {
    expect((await h.post({ ...valid(), text: 'x'.repeat(300 * 1024) })).status).toBe(413);
  });
});
