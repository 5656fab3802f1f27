import { VERBS } from '../core/card-actions';
import { messages } from '../core/messages';
import {
  ADMIN,
  people,
  rosterOf,
  startBotHarness,
  TEAM,
  type BotHarness,
  type Person,
  type TeamChannel,
} from './support/bot-harness';
import type { RosterMember } from './support/teams-connector';
import { cardTexts } from './support/card-nodes';
import { invokeCard, postItem, type PostedItem } from './support/turn-helpers';

const de = messages('de');
const staff = people(8);
const at = (i: number): Person => staff[i] as Person;
/** someone from elsewhere in the administration, a member of the shared channel only. */
const partner: Person = { id: '29:partner', aadObjectId: 'aad-partner', name: 'Petra Partner' };
const ANNA: Person = { id: '29:anna', aadObjectId: 'aad-anna', name: 'Anna Becker' };

const PRIVATE: TeamChannel = { id: '19:vertraulich@thread.tacv2', name: 'Vertraulich', type: 'private' };
const SHARED: TeamChannel = { id: '19:gemeinsam@thread.tacv2', name: 'Gemeinsam', type: 'shared' };
const STANDARD: TeamChannel = { id: '19:projekt@thread.tacv2', name: 'Projekt', type: 'standard' };
/** a private channel the app was not added to: Teams refuses its roster. */
const NOT_ADDED: TeamChannel = { id: '19:ohne-app@thread.tacv2', name: 'Ohne App', type: 'private' };

/** the team: admin, Anna and staff 0–7. The private channel: admin, staff 0–2. The shared channel: admin, staff 0, the partner. */
const members: Record<string, RosterMember[]> = {
  [TEAM.id]: rosterOf([ADMIN, ANNA, ...staff]),
  [PRIVATE.id]: rosterOf([ADMIN, at(0), at(1), at(2)]),
  [SHARED.id]: rosterOf([ADMIN, at(0), partner]),
};
let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness({}, { members, channels: { [TEAM.id]: [{ id: TEAM.id }, STANDARD, SHARED, NOT_ADDED] } });
  await h.installInTeam();
  h.connector.rosterDown.add(NOT_ADDED.id);
  // the private channel was created after the app came; Teams tells its kind with the event.
  await channelEvent('channelCreated', PRIVATE);
  await h.channelMessage('leitung hinzufügen Anna Becker');
});
afterAll(async () => {
  await h.stop();
});

/** a conversationUpdate Teams sends about a channel of the team (created, members added, shared, ...). */
const channelEvent = (eventType: string, channel: TeamChannel, membersAdded?: Person[]) =>
  h.conversationUpdate(
    { eventType, team: { id: TEAM.id, name: TEAM.name }, channel },
    { conversationId: channel.id, ...(membersAdded && { membersAdded }) },
  );

const postIn = (channel: TeamChannel, command: string): Promise<PostedItem> => postItemIn(h, command, channel);
async function postItemIn(harness: BotHarness, command: string, channel: TeamChannel): Promise<PostedItem> {
  const before = harness.connector.delivered.length;
  await harness.channelMessage(command, ADMIN, { channel });
  const created = harness.connector.delivered.slice(before).find((d) => d.kind === 'create');
  if (!created) throw new Error(`no post for ${command}`);
  const item = await harness.storage.items.latestOpenInConversation(created.conversationId);
  if (!item) throw new Error('item not stored');
  return { item, thread: created.conversationId, activityId: created.activityId };
}
const vote = (p: PostedItem, who: Person, where: { personal?: boolean; channel?: TeamChannel }) =>
  h.invoke(VERBS.vote, { itemId: p.item.id, choice: 0 }, who, where);
const rosterReads = (conversationId: string) =>
  h.connector.calls.filter((c) => c.conversationId === conversationId && c.path.includes('members')).length;

describe('a private channel belongs to its members', () => {
  test("its kind is kept from the event that created it, and the listing gives the others'", async () => {
    expect((await h.storage.installations.getChannel(TEAM.id, PRIVATE.id))?.kind).toBe('private');
    expect((await h.storage.installations.getChannel(TEAM.id, SHARED.id))?.kind).toBe('shared');
    expect((await h.storage.installations.getChannel(TEAM.id, STANDARD.id))?.kind).toBe('standard');
  });

  test('a team member who is not in the channel cannot answer its poll, from the personal chat either; a channel member can', async () => {
    const p = await postIn(PRIVATE, 'umfrage Vertrauliche Frage? | a | b');
    expect(p.item.channelId).toBe(PRIVATE.id);
    const refused = cardTexts(invokeCard(await vote(p, at(5), { personal: true })));
    expect(refused).toContain(de.errNotChannelMember);
    expect(refused).not.toContain(p.item.question);
    expect(cardTexts(invokeCard(await vote(p, at(1), { channel: PRIVATE })))).toContain(de.yourVote('a'));
    expect(await h.storage.responses.tally(p.item)).toEqual({ counts: [1, 0], voters: 1 });
  });

  test('a leader of the team who is not in the channel is refused too', async () => {
    const p = await postIn(PRIVATE, 'umfrage Noch eine vertrauliche Frage? | a | b');
    expect(cardTexts(invokeCard(await vote(p, ANNA, { personal: true })))).toContain(de.errNotChannelMember);
  });

  test("someone added to the channel can answer at once: Teams' event makes the roster be read again", async () => {
    const p = await postIn(PRIVATE, 'umfrage Wer ist neu dabei? | a | b');
    expect(cardTexts(invokeCard(await vote(p, at(3), { personal: true })))).toContain(de.errNotChannelMember);
    members[PRIVATE.id] = rosterOf([ADMIN, at(0), at(1), at(2), at(3)]);
    await channelEvent('channelMemberAdded', PRIVATE, [at(3)]);
    expect(cardTexts(invokeCard(await vote(p, at(3), { channel: PRIVATE })))).toContain(de.yourVote('a'));
  });

  test("the team's ideas board in General leaves the channel's ideas out; in the channel, and for its members in the personal chat, they show", async () => {
    const p = await postIn(PRIVATE, 'ideenabfrage Was fehlt uns?');
    await h.invoke(VERBS.submitIdea, { itemId: p.item.id, ideaText: 'Ein ruhiger Raum für Beratungen' }, at(0), {
      channel: PRIVATE,
    });
    const general = await postItem(h, 'ideenabfrage Was fehlt dem Team?');
    await h.invoke(VERBS.submitIdea, { itemId: general.item.id, ideaText: 'Mehr Austausch mit dem Empfang' }, at(4));
    const board = async (send: () => Promise<unknown>) => {
      const before = h.connector.delivered.length;
      await send();
      return h.connector.delivered
        .slice(before)
        .flatMap((d) => cardTexts(d.activity))
        .join('\n');
    };
    const inGeneral = await board(() => h.channelMessage('ideen'));
    expect(inGeneral).toContain('Mehr Austausch mit dem Empfang');
    expect(inGeneral).not.toContain('Ein ruhiger Raum');
    const inChannel = await board(() => h.channelMessage('ideen', ADMIN, { channel: PRIVATE }));
    expect(inChannel).toContain('Ein ruhiger Raum');
    expect(inChannel).not.toContain('Mehr Austausch');
    expect(await board(() => h.personalMessage('ideen', at(1)))).toContain('Ein ruhiger Raum');
    const outsider = await board(() => h.personalMessage('ideen', at(6)));
    expect(outsider).toContain('Mehr Austausch mit dem Empfang');
    expect(outsider).not.toContain('Ein ruhiger Raum');
  });

  test("a leader's digest leaves out what is open in a private channel they are not in", async () => {
    const p = await postIn(PRIVATE, 'umfrage Geheime Planung? | a | b');
    const general = await postItem(h, 'umfrage Offene Planung? | a | b');
    await h.personalMessage('überblick', ANNA);
    const texts = cardTexts(h.connector.cards().at(-1));
    expect(texts.join('\n')).toContain(general.item.question);
    expect(texts.join('\n')).not.toContain(p.item.question);
  });

  test('when Teams refuses the channel\'s roster (the app was not added to it), the answer is "cannot check", never the team\'s roster instead', async () => {
    const p = await postIn(NOT_ADDED, 'umfrage Frage im Kanal ohne App? | a | b');
    expect(cardTexts(invokeCard(await vote(p, at(0), { channel: NOT_ADDED })))).toContain(
      de.errChannelMembershipUnavailable,
    );
    expect(await h.storage.responses.tally(p.item)).toEqual({ counts: [0, 0], voters: 0 });
  });
});

describe('a shared channel and a standard one', () => {
  test('in a shared channel its members answer, also someone who is not in the team; team members outside it do not', async () => {
    const p = await postIn(SHARED, 'umfrage Gemeinsame Frage? | a | b');
    expect(cardTexts(invokeCard(await vote(p, partner, { channel: SHARED })))).toContain(de.yourVote('a'));
    expect(cardTexts(invokeCard(await vote(p, at(4), { personal: true })))).toContain(de.errNotChannelMember);
    expect(await h.storage.responses.tally(p.item)).toEqual({ counts: [1, 0], voters: 1 });
  });

  test('unsharing the channel makes its roster be read again', async () => {
    const p = await postIn(SHARED, 'umfrage Nach dem Aufheben der Freigabe? | a | b');
    expect(cardTexts(invokeCard(await vote(p, partner, { channel: SHARED })))).toContain(de.yourVote('a'));
    members[SHARED.id] = rosterOf([ADMIN, at(0)]);
    await channelEvent('channelUnshared', SHARED);
    const again = await postIn(SHARED, 'umfrage Und jetzt? | a | b');
    expect(cardTexts(invokeCard(await vote(again, partner, { channel: SHARED })))).toContain(de.errNotChannelMember);
  });

  test("a standard channel is the team's: its roster is never read on its own", async () => {
    const p = await postIn(STANDARD, 'umfrage Frage im Projektkanal? | a | b');
    expect(cardTexts(invokeCard(await vote(p, at(7), { personal: true })))).toContain(de.yourVote('a'));
    expect(cardTexts(invokeCard(await vote(p, partner, { channel: STANDARD })))).toContain(de.errNotItemTeamMember);
    expect(rosterReads(STANDARD.id)).toBe(0);
  });

  test('a channel seen before its kind was known learns it from the kind Teams sends with its activities', async () => {
    const later: TeamChannel = { id: '19:spaeter@thread.tacv2', name: 'Später', type: 'standard' };
    expect(await h.storage.installations.getChannel(TEAM.id, later.id)).toBeUndefined();
    const p = await postIn(later, 'umfrage Frage im Kanal von früher? | a | b');
    expect((await h.storage.installations.getChannel(TEAM.id, later.id))?.kind).toBe('standard');
    expect(cardTexts(invokeCard(await vote(p, at(6), { personal: true })))).toContain(de.yourVote('a'));
    expect(rosterReads(later.id)).toBe(0);
  });
});
