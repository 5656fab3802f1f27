import { VERBS } from '../core/card-actions';
import { messages } from '../core/messages';
import { ADMIN, people, rosterOf, startBotHarness, TEAM, type BotHarness, type Person } from './support/bot-harness';
import { cardTexts, ofType, type CardNode } from './support/card-nodes';
import { deliveredCard, invokeCard, postItem, waitForUpdate, type PostedItem } from './support/turn-helpers';

// Each person's own view of a poll or idea prompt card: the shared card asks Teams for it (refresh), the refresh verb
// answers with what this person answered, and the next steps (Schließen, Ideen ansehen) sit where they belong.
const de = messages('de');
const members: Person[] = people(8);
const member = (i: number): Person => members[i] as Person;
const leader: Person = { id: '29:own-view-leader', aadObjectId: 'aad-own-view-leader', name: 'Lea Leitung' };
let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness({}, { members: { [TEAM.id]: rosterOf([ADMIN, leader, ...members]) } });
  await h.installInTeam();
  await h.storage.roles.assignLeader({
    teamId: TEAM.id,
    personId: leader.aadObjectId,
    name: leader.name,
    grantedBy: ADMIN.aadObjectId,
    at: new Date(),
  });
});
afterAll(async () => {
  await h.stop();
});

const refresh = async (p: PostedItem, who: Person) =>
  invokeCard(await h.invoke(VERBS.refresh, { itemId: p.item.id }, who));
const vote = (p: PostedItem, who: Person, data: object) => h.invoke(VERBS.vote, { itemId: p.item.id, ...data }, who);
const refreshOf = (card: CardNode) =>
  card.refresh as { action: { verb: string; data: { itemId: string } }; userIds: string[] } | undefined;
const secondary = (card: CardNode) => ofType(card, 'Action.Execute').filter((a) => a.mode === 'secondary');
/** the newest shared card of the item (posted or updated in place). */
const sharedCard = (p: PostedItem) =>
  deliveredCard(h.connector.delivered.filter((d) => d.activityId === p.activityId).at(-1));

describe('the shared card asks for each person’s own view', () => {
  test('the posted card carries the refresh verb for the item, listing the poster and the team’s leaders', async () => {
    const p = await postItem(h, 'umfrage Frage? | a | b | c');
    const r = refreshOf(sharedCard(p));
    expect(r?.action).toMatchObject({ verb: VERBS.refresh, data: { itemId: p.item.id } });
    expect(r?.userIds.sort()).toEqual([`8:orgid:${ADMIN.aadObjectId}`, `8:orgid:${leader.aadObjectId}`].sort());
  });

  test('after B votes the shared update still carries the refresh, and A’s refresh returns A’s own vote', async () => {
    const p = await postItem(h, 'umfrage Frage? | a | b | c');
    await vote(p, member(0), { choice: 2 });
    await vote(p, member(1), { choice: 0 });
    const update = await waitForUpdate(h, p, (t) => t.includes(de.answeredCount(2)));
    expect(refreshOf(update)?.action).toMatchObject({ verb: VERBS.refresh, data: { itemId: p.item.id } });
    expect(cardTexts(update)).not.toContain(de.ownVote('c'));
    expect(cardTexts(await refresh(p, member(0)))).toContain(de.ownVote('c'));
    expect(cardTexts(await refresh(p, member(1)))).toContain(de.ownVote('a'));
  });

  test('the own view carries the refresh too, so Teams keeps asking for it', async () => {
    const p = await postItem(h, 'umfrage Frage? | a | b');
    expect(refreshOf(await refresh(p, member(0)))?.action.verb).toBe(VERBS.refresh);
    expect(refreshOf(invokeCard(await vote(p, member(0), { choice: 1 })))?.action.verb).toBe(VERBS.refresh);
  });

  test('a person not in userIds gets their own view by the manual refresh (the same verb)', async () => {
    const p = await postItem(h, 'umfrage Frage? | a | b | c');
    await vote(p, member(5), { choice: 1 });
    expect(refreshOf(sharedCard(p))?.userIds).not.toContain(`8:orgid:${member(5).aadObjectId}`);
    expect(cardTexts(await refresh(p, member(5)))).toContain(de.ownVote('b'));
    expect(cardTexts(await refresh(p, member(6)))).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^Ihre Stimme/)]),
    );
  });

  test('a multiple-choice poll comes back with the person’s choices preselected', async () => {
    const p = await postItem(h, 'umfrage --mehrfach Frage? | a | b | c');
    await vote(p, member(2), { choices: '0,2' });
    const own = await refresh(p, member(2));
    expect(ofType(own, 'Input.ChoiceSet')).toEqual([expect.objectContaining({ value: '0,2' })]);
    expect(cardTexts(own)).toContain(de.ownVote('a, c'));
    expect(ofType(await refresh(p, member(3)), 'Input.ChoiceSet')).toEqual([expect.objectContaining({ value: '' })]);
  });

  test('a closed poll’s refresh shows the final results with the person’s vote', async () => {
    const p = await postItem(h, 'umfrage Frage? | a | b');
    for (let i = 0; i < 5; i++) await vote(p, member(i), { choice: i === 0 ? 1 : 0 });
    await h.channelMessage('schließen', ADMIN, { conversationId: p.thread });
    const own = await refresh(p, member(0));
    expect(cardTexts(own)).toEqual(expect.arrayContaining([de.closedBadge, de.ownVote('b'), '4 · 80 %']));
    expect(refreshOf(sharedCard(p))?.action.verb).toBe(VERBS.refresh);
  });

  test('an anonymous poll says "Sie haben abgestimmt" to a voter only while it is open, and never what they chose', async () => {
    const p = await postItem(h, 'umfrage --anonym Frage? | a | b');
    await vote(p, member(0), { choice: 1 });
    const own = await refresh(p, member(0));
    expect(cardTexts(own)).toContain(de.ownAnonymousVoted);
    expect(cardTexts(own)).not.toContain(de.ownVote('b'));
    expect(cardTexts(await refresh(p, member(1)))).not.toContain(de.ownAnonymousVoted);
    await h.channelMessage('schließen', ADMIN, { conversationId: p.thread });
    expect(cardTexts(await refresh(p, member(0)))).not.toContain(de.ownAnonymousVoted);
  });

  test('a refresh by someone outside the team shows nothing of the item', async () => {
    const p = await postItem(h, 'umfrage Geheime Frage? | a | b');
    const stranger = { id: '29:stranger', aadObjectId: 'aad-stranger', name: 'Sam Fremd' };
    const texts = cardTexts(invokeCard(await h.invoke(VERBS.refresh, { itemId: p.item.id }, stranger)));
    expect(texts).toContain(de.errNotItemTeamMember);
    expect(texts).not.toContain(p.item.question);
  });
});

describe('idea prompts', () => {
  const idea = (p: PostedItem, who: Person, text: string) =>
    h.invoke(VERBS.submitIdea, { itemId: p.item.id, ideaText: text }, who);

  test('the own view counts the person’s ideas', async () => {
    const p = await postItem(h, 'ideenabfrage Was sollen wir verbessern?');
    await idea(p, member(0), 'Weniger Meetings');
    await idea(p, member(0), 'Mehr Homeoffice');
    await idea(p, member(1), 'Bessere Kaffeemaschine');
    expect(cardTexts(await refresh(p, member(0)))).toContain(de.ownIdeas(2));
    expect(cardTexts(await refresh(p, member(1)))).toContain(de.ownIdeas(1));
    expect(cardTexts(await refresh(p, member(2)))).not.toContain(de.ownIdeas(1));
  });

  test('an anonymous prompt tells an author only that they took part, not how many ideas', async () => {
    const p = await postItem(h, 'ideenabfrage --anonym Was belastet Sie?');
    await idea(p, member(0), 'Zu viele Mails');
    await idea(p, member(0), 'Lärm');
    const texts = cardTexts(await refresh(p, member(0)));
    expect(texts).toContain(de.ownAnonymousIdeas);
    expect(texts).not.toContain(de.ownIdeas(2));
    expect(cardTexts(await refresh(p, member(1)))).not.toContain(de.ownAnonymousIdeas);
  });

  test('"Ideen ansehen" sits on the shared prompt card and lists the prompt’s ideas, with a way back', async () => {
    const p = await postItem(h, 'ideenabfrage Wie wird der Empfang freundlicher?');
    await idea(p, member(0), 'Pflanzen im Wartebereich');
    await idea(p, member(1), 'Wasserspender');
    const button = ofType(sharedCard(p), 'Action.Execute').find((a) => a.title === de.viewIdeasButton);
    expect(button).toMatchObject({ verb: VERBS.promptIdeas, data: { itemId: p.item.id } });
    const ideas = invokeCard(await h.invoke(button?.verb, button?.data, member(2)));
    expect(cardTexts(ideas)).toEqual(expect.arrayContaining(['Pflanzen im Wartebereich', 'Wasserspender']));
    expect(ofType(ideas, 'Action.Execute').find((a) => a.title === de.backToItemButton)).toMatchObject({
      verb: VERBS.refresh,
      data: { itemId: p.item.id },
    });
  });

  test('"Ideen ansehen" is refused to someone outside the team', async () => {
    const p = await postItem(h, 'ideenabfrage Interne Frage?');
    await idea(p, member(0), 'Geheime Idee');
    const stranger = { id: '29:stranger2', aadObjectId: 'aad-stranger2', name: 'Sina Fremd' };
    const texts = cardTexts(invokeCard(await h.invoke(VERBS.promptIdeas, { itemId: p.item.id }, stranger)));
    expect(texts).not.toContain('Geheime Idee');
  });
});

describe('Schließen in the own view', () => {
  test('a leader’s and an admin’s view offer Schließen in the overflow menu, a member’s does not, the shared card never', async () => {
    const p = await postItem(h, 'umfrage Frage? | a | b');
    const close = [expect.objectContaining({ verb: VERBS.closeItem, title: de.closeItemButton })];
    expect(secondary(await refresh(p, leader))).toEqual(close);
    expect(secondary(await refresh(p, ADMIN))).toEqual(close);
    expect(secondary(await refresh(p, member(0)))).toEqual([]);
    expect(secondary(sharedCard(p))).toEqual([]);
    expect(ofType(sharedCard(p), 'Action.Execute').map((a) => a.verb)).not.toContain(VERBS.closeItem);
  });

  test('a leader closes the item with the button: it is closed, the shared card shows it, their view no more offers it', async () => {
    const p = await postItem(h, 'umfrage Frage? | a | b');
    const own = invokeCard(await h.invoke(VERBS.closeItem, { itemId: p.item.id }, leader));
    expect(cardTexts(own)).toEqual(expect.arrayContaining([de.closed, de.closedBadge]));
    expect(secondary(own)).toEqual([]);
    expect((await h.storage.items.get(p.item.id))?.status).toBe('closed');
    expect(cardTexts(sharedCard(p))).toContain(de.closedBadge);
    expect(await h.storage.audit.recent(20)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'item.close', target: p.item.id, actorId: leader.aadObjectId }),
      ]),
    );
  });

  test('the card a leader gets back from their own vote offers Schließen too; a member’s does not', async () => {
    const p = await postItem(h, 'umfrage Frage? | a | b');
    expect(secondary(invokeCard(await vote(p, leader, { choice: 0 })))).toEqual([
      expect.objectContaining({ verb: VERBS.closeItem }),
    ]);
    expect(secondary(invokeCard(await vote(p, member(0), { choice: 0 })))).toEqual([]);
  });

  test('a member invoking close with a forged payload is refused and the item stays open', async () => {
    const p = await postItem(h, 'umfrage Frage? | a | b');
    const texts = cardTexts(invokeCard(await h.invoke(VERBS.closeItem, { itemId: p.item.id }, member(0))));
    expect(texts).toContain(de.errNotItemManager);
    expect((await h.storage.items.get(p.item.id))?.status).toBe('open');
  });
});

describe('when leaders may not post (LEADERS_MAY_POST=off)', () => {
  let off: BotHarness;
  beforeAll(async () => {
    off = await startBotHarness({ LEADERS_MAY_POST: 'off' }, {}, { shareWith: h });
  });
  afterAll(async () => {
    await off.stop();
  });

  test('a leader is refused closing and gets no Schließen; an admin may', async () => {
    const p = await postItem(off, 'umfrage Frage? | a | b');
    expect(secondary(invokeCard(await off.invoke(VERBS.refresh, { itemId: p.item.id }, leader)))).toEqual([]);
    const texts = cardTexts(invokeCard(await off.invoke(VERBS.closeItem, { itemId: p.item.id }, leader)));
    expect(texts).toContain(de.errNotItemManager);
    expect((await off.storage.items.get(p.item.id))?.status).toBe('open');
    await off.invoke(VERBS.closeItem, { itemId: p.item.id }, ADMIN);
    expect((await off.storage.items.get(p.item.id))?.status).toBe('closed');
  });
});
