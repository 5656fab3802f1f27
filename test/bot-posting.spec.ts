import { randomUUID } from 'node:crypto';
import { VERBS } from '../core/card-actions';
import { messages } from '../core/messages';
import { ADMIN, BOT, people, startBotHarness, TEAM, TENANT, type BotHarness } from './support/bot-harness';
import { cardTexts, interactive } from './support/card-nodes';
import { deliveredCard, invokeCard, postItem } from './support/turn-helpers';

const de = messages('de');
let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness();
  await h.installInTeam();
});
afterAll(async () => {
  await h.stop();
});

const welcomes = () =>
  h.connector.cards((d) => d.conversationId === TEAM.id).filter((c) => cardTexts(c).includes(de.welcomeTitle));
const personalEvent = (type: string, from: { id: string; aadObjectId: string; name: string }, extra: object) =>
  h.post({
    id: randomUUID(),
    type,
    channelId: 'msteams',
    serviceUrl: h.connector.url,
    from: { id: from.id, aadObjectId: from.aadObjectId, name: from.name },
    recipient: BOT,
    locale: 'de-DE',
    conversation: { id: `a:personal-${from.id}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    ...extra,
  });

describe('installation', () => {
  test('stores the team with its name when installed', async () => {
    expect(await h.storage.installations.getTeam(TEAM.id)).toMatchObject({
      teamId: TEAM.id,
      name: TEAM.name,
      active: true,
    });
  });

  test('posts exactly one welcome card into General even when the install event arrives again', async () => {
    expect((await h.installInTeam()).status).toBe(200);
    expect((await h.installInTeam()).status).toBe(200);
    expect(welcomes()).toHaveLength(1);
  });

  test('greets a person once in the personal chat across conversationUpdate and installationUpdate', async () => {
    const [person] = people(1);
    if (!person) throw new Error('no person');
    const greeting = de.greetingTitle(person.name.split(' ')[0] ?? '');
    expect(
      (await personalEvent('conversationUpdate', person, { membersAdded: [{ id: BOT.id }, { id: person.id }] })).status,
    ).toBe(200);
    expect((await personalEvent('installationUpdate', person, { action: 'add' })).status).toBe(200);
    const greetings = h.connector
      .cards((d) => d.conversationId === `a:personal-${person.id}`)
      .filter((c) => cardTexts(c).includes(greeting));
    expect(greetings).toHaveLength(1);
    expect(await h.storage.installations.getPerson(person.aadObjectId)).toMatchObject({
      name: person.name,
      active: true,
    });
  });
});

describe('posting from a channel', () => {
  test("posts an admin's poll as a new channel post with one vote button per option and stores it", async () => {
    const posted = await postItem(h, 'umfrage Frage? | a | b | c');
    expect(posted.thread.startsWith(`${TEAM.id};messageid=`)).toBe(true);
    expect(posted.item).toMatchObject({
      kind: 'poll',
      pollKind: 'single',
      question: 'Frage?',
      options: ['a', 'b', 'c'],
      teamId: TEAM.id,
      createdBy: ADMIN.aadObjectId,
    });
    const card = deliveredCard(
      h.connector.delivered.find((d) => d.kind === 'create' && d.conversationId === posted.thread),
    );
    expect(interactive(card).map((a) => [a.verb, a.title, a.data])).toEqual([
      [VERBS.vote, 'a', { itemId: posted.item.id, choice: 0 }],
      [VERBS.vote, 'b', { itemId: posted.item.id, choice: 1 }],
      [VERBS.vote, 'c', { itemId: posted.item.id, choice: 2 }],
    ]);
  });

  test('posts an idea prompt with a text field and stores it', async () => {
    const posted = await postItem(h, 'ideenabfrage Was können wir besser machen?');
    expect(posted.item).toMatchObject({ kind: 'idea', question: 'Was können wir besser machen?', anonymous: false });
    const card = deliveredCard(
      h.connector.delivered.find((d) => d.kind === 'create' && d.conversationId === posted.thread),
    );
    expect(interactive(card).map((x) => x.type)).toEqual(['Input.Text', 'Action.Execute']);
  });

  test('posts a rating with five buttons', async () => {
    const posted = await postItem(h, 'bewertung Wie gut klappt die Vertretung?');
    const card = deliveredCard(
      h.connector.delivered.find((d) => d.kind === 'create' && d.conversationId === posted.thread),
    );
    expect(interactive(card).map((a) => a.title)).toEqual(['1', '2', '3', '4', '5']);
  });

  test('answers "hilfe" with the help card that lists the admin commands', async () => {
    const before = h.connector.delivered.length;
    await h.channelMessage('hilfe');
    const cards = h.connector.delivered.slice(before).map((d) => deliveredCard(d));
    expect(cards.flatMap(cardTexts)).toEqual(expect.arrayContaining([de.helpTitle, `• ${de.cmdPoll}`]));
  });
});

describe('posting from the personal chat', () => {
  const draft = {
    kind: 'poll',
    pollKind: 'single',
    question: 'Wann Teamfrühstück?',
    options: ['Montag', 'Freitag'],
    anonymous: false,
  };

  test("answers a poll command with a target picker listing the team's General channel", async () => {
    const before = h.connector.delivered.length;
    await h.personalMessage('umfrage Wann Teamfrühstück? | Montag | Freitag');
    const picker = h.connector.delivered.slice(before).map((d) => deliveredCard(d))[0];
    expect(cardTexts(picker)).toEqual(expect.arrayContaining([de.pickTargetTitle, 'Team Digitalisierung › Allgemein']));
    expect(interactive(picker).find((x) => x.type === 'Action.Execute')).toMatchObject({
      verb: VERBS.postTo,
      data: { draft },
    });
  });

  test('posts into the picked channel and confirms where', async () => {
    const before = h.connector.delivered.length;
    const res = await h.invoke(VERBS.postTo, { draft, target: `${TEAM.id}|${TEAM.id}` }, ADMIN, { personal: true });
    expect(cardTexts(invokeCard(res))).toContain(de.posted('Team Digitalisierung › Allgemein'));
    const created = h.connector.delivered.slice(before).find((d) => d.kind === 'create');
    expect(created?.conversationId.startsWith(`${TEAM.id};messageid=`)).toBe(true);
    expect((await h.storage.items.latestOpenInConversation(created?.conversationId ?? ''))?.question).toBe(
      draft.question,
    );
  });
});

describe('health endpoints', () => {
  test('answers GET /healthz with 200', async () => {
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  });

  test('answers GET /readyz with 200 while storage runs', async () => {
    expect((await fetch(`${h.url}/readyz`)).status).toBe(200);
  });
});

describe('production mode', () => {
  let prod: BotHarness;
  beforeAll(async () => {
    prod = await startBotHarness({
      MicrosoftAppId: '11111111-1111-1111-1111-111111111111',
      MicrosoftAppPassword: 'x',
      ANSWER_SECRET: 'a'.repeat(32),
      AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
    });
  });
  afterAll(async () => {
    await prod.stop();
  });
  // botbuilder logs every refused token with console.error; these refusals are the point of the tests.
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  test("runs outside local mode on the harness's own storage", async () => {
    expect(prod.app.services.config.localMode).toBe(false);
    expect((await fetch(`${prod.url}/readyz`)).status).toBe(200);
  });

  test('refuses a request without an Authorization header with 401 and stores nothing', async () => {
    expect((await prod.channelMessage('umfrage Frage? | a | b')).status).toBe(401);
    expect(await prod.storage.items.latestByCreator(ADMIN.aadObjectId)).toBeUndefined();
    expect(prod.connector.delivered).toHaveLength(0);
  });

  test('refuses a malformed bearer token with 401', async () => {
    const res = await prod.post(
      {
        type: 'message',
        channelId: 'msteams',
        serviceUrl: prod.connector.url,
        conversation: { id: 'c' },
        from: { id: 'u' },
        recipient: BOT,
        text: 'hilfe',
      },
      { authorization: 'Bearer not.a.token' },
    );
    expect(res.status).toBe(401);
  });
});
