import { randomUUID } from 'node:crypto';
import { VERBS } from '../core/card-actions';
import { messages } from '../core/messages';
import { OTHER_TEAM, startBotHarness, TEAM, TENANT, BOT, type BotHarness, type Person } from './support/bot-harness';
import { cardTexts, interactive } from './support/card-nodes';
import { deliveredCard, invokeCard, textsSince } from './support/turn-helpers';

const de = messages('de');
const en = messages('en');
const person = (n: number, name: string): Person => ({ id: `29:menu-${n}`, aadObjectId: `aad-menu-${n}`, name });
const both = person(1, 'Bea Doppel');
const single = person(2, 'Sven Einzel');
const colleague = person(3, 'Carla Kollegin');
const lonely = person(4, 'Nora Niemand');
const roster = (list: Person[]) => list.map((p) => ({ id: p.id, aadObjectId: p.aadObjectId, name: p.name }));

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness(
    {},
    { members: { [TEAM.id]: roster([both, single, colleague]), [OTHER_TEAM.id]: roster([both]) } },
  );
  await h.installInTeam(TEAM);
  await h.installInTeam(OTHER_TEAM);
});
afterAll(async () => {
  await h.stop();
});

/** the newest card the bot sent into a person's personal chat since a point in the delivery log. */
const personalCardSince = (who: Person, index: number) =>
  deliveredCard(
    [...h.connector.delivered.slice(index)]
      .reverse()
      .find((d) => d.conversationId === `a:personal-${who.id}` && d.activity.attachments),
  );
const channelCardSince = (index: number) =>
  deliveredCard(h.connector.delivered.slice(index).find((d) => d.activity.attachments));
const ideaButton = (card: unknown) =>
  interactive(card).find((a) => a.verb === VERBS.ideaForTeam) as { data: Record<string, unknown> } | undefined;

describe('free text in the personal chat', () => {
  test('a sentence that is no command is offered as an idea with the person’s teams and a hint to help; one click stores it for the picked team', async () => {
    const text = 'Wir könnten die Teamsitzung auf Dienstag verlegen';
    const before = h.connector.delivered.length;
    await h.personalMessage(text, both);
    const card = personalCardSince(both, before);
    expect(cardTexts(card)).toEqual(
      expect.arrayContaining([de.offerIdeaTitle, de.offerIdeaHelp, `„${text}“`, TEAM.name, OTHER_TEAM.name]),
    );
    expect(textsSince(h, before).join(' ')).not.toContain('kenne ich nicht. Mit');
    expect(await h.storage.ideas.byAuthor(both.aadObjectId)).toEqual([]);

    const button = ideaButton(card);
    expect(button).toBeDefined();
    const res = await h.invoke(VERBS.ideaForTeam, { ...button!.data, teamId: OTHER_TEAM.id }, both, { personal: true });
    expect(cardTexts(invokeCard(res))).toContain(de.ideaSubmittedForTeam(OTHER_TEAM.name, text));
    const stored = await h.storage.ideas.byAuthor(both.aadObjectId);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ teamId: OTHER_TEAM.id, text, anonymous: false });
  });

  test('a member of one team is asked too: nothing is stored before the click', async () => {
    const before = h.connector.delivered.length;
    await h.personalMessage('Mehr Pflanzen im Büro wären schön', single);
    const card = personalCardSince(single, before);
    expect(cardTexts(card)).toEqual(expect.arrayContaining([de.offerIdeaTitle, TEAM.name]));
    expect(await h.storage.ideas.byAuthor(single.aadObjectId)).toEqual([]);
  });

  test.each(['hallo', 'Hi', 'danke!', 'Guten Morgen'])(
    'small talk (%s) gets the greeting with the commands, no offer',
    async (text) => {
      const before = h.connector.delivered.length;
      await h.personalMessage(text, single);
      const texts = cardTexts(personalCardSince(single, before));
      expect(texts).toContain(de.greetingTitle('Sven'));
      expect(texts).toContain(de.helpEveryoneTitle);
      expect(texts).not.toContain(de.offerIdeaTitle);
    },
  );

  test('someone in no team with Mitwirken is told so, in English for an English client', async () => {
    const before = h.connector.delivered.length;
    await h.personalMessage('We should share our templates across teams', lonely, 'en-US');
    expect(textsSince(h, before)).toContain(en.offerIdeaNoTeam);
  });
});

describe('"ideen <Text>" is taken for a mistyped "idee"', () => {
  test('in a channel: "Meinten Sie idee …?" with a button; only the writer’s click stores the idea for this team', async () => {
    const text = 'Mein Vorschlag: ein gemeinsamer Ablageordner';
    const before = h.connector.delivered.length;
    await h.channelMessage(`ideen ${text}`, single);
    const card = channelCardSince(before);
    expect(cardTexts(card)).toEqual(expect.arrayContaining([de.meantIdeaTitle, de.meantIdeaSubmit, `„${text}“`]));
    expect(await h.storage.ideas.byAuthor(single.aadObjectId)).toEqual([]);
    const button = ideaButton(card)!;

    const other = await h.invoke(VERBS.ideaForTeam, button.data, colleague);
    expect(cardTexts(invokeCard(other))).toEqual(expect.arrayContaining([de.errIdeaOfferNotYours, de.meantIdeaSubmit]));
    expect(await h.storage.ideas.byAuthor(colleague.aadObjectId)).toEqual([]);

    const own = await h.invoke(VERBS.ideaForTeam, button.data, single);
    expect(cardTexts(invokeCard(own))).toContain(de.ideaSubmittedForTeam(TEAM.name, text));
    const stored = await h.storage.ideas.byAuthor(single.aadObjectId);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ teamId: TEAM.id, text });
  });

  test('"ideen" alone still shows the team’s top ideas', async () => {
    const before = h.connector.delivered.length;
    await h.channelMessage('ideen', single);
    expect(cardTexts(channelCardSince(before))).toContain(de.ideasTitle(TEAM.name));
  });

  test('in the personal chat: the team choice, titled "Meinten Sie idee …?"', async () => {
    const text = 'Mein Vorschlag für kürzere Wege zur Poststelle';
    const before = h.connector.delivered.length;
    await h.personalMessage(`ideen ${text}`, both);
    const card = personalCardSince(both, before);
    expect(cardTexts(card)).toEqual(
      expect.arrayContaining([de.meantIdeaTitle, `„${text}“`, TEAM.name, OTHER_TEAM.name]),
    );
    expect(ideaButton(card)?.data).toMatchObject({ ideaText: text });
    expect((await h.storage.ideas.byAuthor(both.aadObjectId)).some((i) => i.text === text)).toBe(false);
  });
});

describe('group chats', () => {
  const groupMessage = (text: string, locale: string) =>
    h.post({
      id: randomUUID(),
      type: 'message',
      channelId: 'msteams',
      serviceUrl: h.connector.url,
      from: { id: single.id, aadObjectId: single.aadObjectId, name: single.name },
      recipient: BOT,
      locale,
      text: `<at>Mitwirken</at> ${text}`,
      entities: [{ type: 'mention', text: '<at>Mitwirken</at>', mentioned: BOT }],
      conversation: { id: '19:group-chat@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
    });

  test.each([
    ['de-DE', de.groupChatNotSupported],
    ['en-US', en.groupChatNotSupported],
  ])(
    'a message from a group chat (%s) is answered with where Mitwirken works, and nothing else',
    async (locale, said) => {
      const before = h.connector.delivered.length;
      const res = await groupMessage('idee Mehr Homeoffice für alle', locale);
      expect(res.status).toBe(200);
      expect(textsSince(h, before)).toEqual([said]);
      expect(await h.storage.ideas.byAuthor(single.aadObjectId)).toHaveLength(1); // the one from the channel test
    },
  );
});
