import { VERBS } from '../core/card-actions';
import { messages } from '../core/messages';
import { ADMIN, startBotHarness, TEAM, type BotHarness, type Person } from './support/bot-harness';
import { cardTexts, interactive } from './support/card-nodes';
import { deliveredCard, invokeCard, postItem, type PostedItem } from './support/turn-helpers';

// Anonymous items as people see them, with two bot instances on one storage: nothing of an anonymous prompt is
// counted or listed before it closes, it is shown whole (never cut by week) once it did, its idea ids name no time,
// and closing on either instance gives the complete result, wherever the answers came in.

const de = messages('de');
const staff: Person[] = Array.from({ length: 6 }, (_, i) => ({
  id: `29:anon-item-${i}`,
  aadObjectId: `aad-anon-item-${i}`,
  name: `Kollegin ${i}`,
}));
const leader: Person = { id: '29:anon-item-lead', aadObjectId: 'aad-anon-item-lead', name: 'Lea Leitung' };
const roster = [...staff, leader, ADMIN].map((p) => ({ id: p.id, aadObjectId: p.aadObjectId, name: p.name }));
const WEEK_IN_ID = /\d{4}-W\d{2}/;

let a: BotHarness;
let b: BotHarness;

beforeAll(async () => {
  const env = { MIN_GROUP_SIZE: '5', MIN_GROUP_SIZE_TEXT: '5' };
  a = await startBotHarness(env, { members: { [TEAM.id]: roster } });
  b = await startBotHarness(env, {}, { shareWith: a });
  await a.installInTeam();
  await a.installInPersonalChat(leader);
  await a.storage.roles.assignLeader({
    teamId: TEAM.id,
    personId: leader.aadObjectId,
    name: leader.name,
    grantedBy: ADMIN.aadObjectId,
    at: new Date(),
  });
});
afterAll(async () => {
  await b.stop();
  await a.stop();
});

/** the newest card the bot sent into the leader's personal chat. */
const leaderCard = () => a.connector.cards((d) => d.conversationId === `a:personal-${leader.id}`).at(-1);
/** the newest version of an item's card in its channel (posted, then updated in place). */
const channelCard = (p: PostedItem) =>
  deliveredCard(a.connector.delivered.filter((d) => d.activityId === p.activityId).at(-1));
/** the number of new ideas a digest card reports. */
const newIdeasIn = (texts: string[]): number => {
  for (let n = 0; n <= 100; n++) if (texts.some((t) => t.startsWith(de.digestNewIdeas(n)))) return n;
  throw new Error(`no count of new ideas in ${texts.join(' | ')}`);
};
const submitOn = async (h: BotHarness, p: PostedItem, who: Person, text: string) =>
  invokeCard(await h.invoke(VERBS.submitIdea, { itemId: p.item.id, ideaText: text }, who));

test('closing on one instance counts the anonymous ideas another instance took, and shows them', async () => {
  const p = await postItem(a, 'ideenabfrage --anonym Was hilft dir bei Überlastung?');
  const texts = staff.slice(0, 5).map((_, i) => `Entlastung Nummer ${i}`);
  for (const [i, who] of staff.slice(0, 5).entries()) await submitOn(b, p, who, texts[i]!);
  await a.channelMessage('schließen', ADMIN, { conversationId: p.thread });
  expect(cardTexts(channelCard(p))).toEqual(expect.arrayContaining([de.ideasCount(5)]));
  const board = invokeCard(
    await a.invoke(VERBS.ideasOfTeam, { teamId: TEAM.id, itemId: p.item.id }, leader, { personal: true }),
  );
  expect(cardTexts(board)).toEqual(expect.arrayContaining(texts));
  expect(await a.storage.responses.participantCount(p.item)).toBe(5);
});

test('closing on one instance counts every anonymous vote, whichever instance took it', async () => {
  const p = await postItem(a, 'umfrage --anonym Fühlst du dich sicher? | ja | nein');
  for (const [i, who] of staff.entries())
    invokeCard(await (i % 2 ? a : b).invoke(VERBS.vote, { itemId: p.item.id, choice: i < 4 ? 0 : 1 }, who));
  await b.channelMessage('schließen', ADMIN, { conversationId: p.thread });
  expect(await a.storage.responses.tally(p.item)).toEqual({ counts: [4, 2], voters: 6 });
  expect(cardTexts(channelCard(p)).join(' ')).toContain('67');
});

test('the leader’s digest neither counts nor lists an open anonymous prompt’s ideas, and shows them whole once it closed', async () => {
  const p = await postItem(a, 'ideenabfrage --anonym Was würdest du an Besprechungen ändern?');
  const texts = staff.slice(0, 5).map((_, i) => `Besprechungsidee ${i}`);
  await a.personalMessage('überblick', leader);
  const before = newIdeasIn(cardTexts(leaderCard()));
  for (const [i, who] of staff.slice(0, 5).entries()) {
    await submitOn(i % 2 ? a : b, p, who, texts[i]!);
    await a.personalMessage('überblick', leader);
    const shown = cardTexts(leaderCard());
    expect(shown.join(' ')).not.toContain('Besprechungsidee');
    expect(newIdeasIn(shown)).toBe(before);
  }
  await a.channelMessage('schließen', ADMIN, { conversationId: p.thread });
  await a.personalMessage('überblick', leader);
  const digest = leaderCard();
  expect(newIdeasIn(cardTexts(digest))).toBe(before + 5);
  expect(cardTexts(digest).join(' ')).toContain('Besprechungsidee');
  const ids = interactive(digest)
    .map((x) => (x.data as { ideaId?: string } | undefined)?.ideaId)
    .filter((id): id is string => typeof id === 'string');
  const ofPrompt = (await a.storage.ideas.ofItem(p.item.id)).map((i) => i.ideaId);
  expect(ids.filter((id) => ofPrompt.includes(id)).length).toBeGreaterThan(0);
  for (const id of ofPrompt) expect(id).not.toMatch(WEEK_IN_ID);
});

test('an anonymous idea sent after closing is refused with the closing message, on either instance', async () => {
  const p = await postItem(a, 'ideenabfrage --anonym Noch etwas?');
  await a.channelMessage('schließen', ADMIN, { conversationId: p.thread });
  for (const h of [a, b]) expect(cardTexts(await submitOn(h, p, staff[0]!, 'Zu spät'))).toContain(de.errItemClosed);
  expect(await a.storage.responses.ideaStats(p.item)).toEqual({ ideas: 0, participants: 0 });
});

test('a busy poll’s card, updated by two instances from what each saw, ends with the exact count once quiet', async () => {
  const p = await postItem(a, 'umfrage Welcher Tag passt für den Teamtag? | Montag | Freitag');
  for (const [i, who] of staff.entries())
    invokeCard(await (i % 2 ? a : b).invoke(VERBS.vote, { itemId: p.item.id, choice: i < 2 ? 0 : 1 }, who));
  await Promise.all([a.app.services.refresher.flush(), b.app.services.refresher.flush()]);
  expect(cardTexts(channelCard(p))).toContain(de.answeredCount(6));
});
