import { VERBS } from '../core/card-actions';
import { messages } from '../core/messages';
import type { Item } from '../core/items';
import {
  TENANT,
  ADMIN,
  OTHER_TEAM,
  people,
  rosterOf,
  startBotHarness,
  TEAM,
  type BotHarness,
  type Person,
} from './support/bot-harness';
import {
  deliveredCard,
  invokeCard,
  postItem,
  textsSince,
  waitForUpdate,
  type PostedItem,
} from './support/turn-helpers';
import { cardTexts, interactive } from './support/card-nodes';

/**
 * "Ihr habt gesagt – wir tun": a leader or admin posts the results card of a closed item, a finished campaign or a
 * done measure into the channels concerned, with the same thresholds as every other view.
 */

const de = messages('de');
const members: Person[] = people(8);
const member = (i: number): Person => members[i] as Person;
const leader: Person = { id: '29:results-leader', aadObjectId: 'aad-results-leader', name: 'Lea Neumann' };

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness(
    { MIN_GROUP_SIZE: '3', MIN_GROUP_SIZE_TEXT: '4' },
    { members: { [TEAM.id]: rosterOf([ADMIN, leader, ...members]), [OTHER_TEAM.id]: rosterOf([ADMIN, ...members]) } },
  );
  await h.installInTeam(TEAM);
  await h.installInTeam(OTHER_TEAM);
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

const answer = async (p: PostedItem, who: Person, choice: number) => {
  const res = await h.invoke(VERBS.vote, { itemId: p.item.id, choice }, who);
  if (res.status !== 200) throw new Error(`vote failed with ${res.status}`);
};
const idea = async (p: PostedItem, who: Person, text: string) => {
  invokeCard(await h.invoke(VERBS.submitIdea, { itemId: p.item.id, ideaText: text }, who));
};
const close = async (p: PostedItem) => {
  await h.channelMessage('schließen', ADMIN, {
    conversationId: p.thread,
    team: p.item.teamId === OTHER_TEAM.id ? OTHER_TEAM : TEAM,
  });
  const closed = await h.storage.items.get(p.item.id);
  if (closed?.status !== 'closed') throw new Error('item not closed');
};
const postResults = (item: Pick<Item, 'id'>, who: Person) =>
  h.invoke(VERBS.postResults, { kind: 'item', id: item.id, itemId: item.id }, who);
/** the channel posts (new threads) the bot made since a point in the delivery log. */
const postsSince = (index: number) => h.connector.delivered.slice(index).filter((d) => d.kind === 'create');
const channelOf = (conversationId: string) => conversationId.split(';messageid=')[0];

describe('the results card of a closed item', () => {
  test('a leader posts the results of a closed poll into its channel: the question, how many took part and the shares', async () => {
    const p = await postItem(h, 'umfrage Wann sollen wir uns treffen? | Montag | Mittwoch');
    for (const [i, choice] of [0, 0, 0, 1].entries()) await answer(p, member(i), choice);
    await close(p);
    const before = h.connector.delivered.length;
    const res = await postResults(p.item, leader);
    expect(cardTexts(invokeCard(res))).toContain(de.resultsPosted(1));
    const posts = postsSince(before);
    expect(posts).toHaveLength(1);
    expect(channelOf(posts[0]!.conversationId)).toBe(p.item.channelId);
    const texts = cardTexts(deliveredCard(posts[0]));
    expect(texts).toEqual(
      expect.arrayContaining([
        de.resultsBadge,
        'Wann sollen wir uns treffen?',
        de.resultsParticipants(4),
        'Montag',
        '3 · 75 %',
        'Mittwoch',
        '1 · 25 %',
        de.resultsNoMeasures,
        de.resultsThread,
      ]),
    );
    const [entry] = await h.storage.audit.recent(1);
    expect(entry).toMatchObject({ actorId: leader.aadObjectId, action: 'results.post', target: p.item.id });
  });

  test('the results card opens the thread of the item it reports on, in Teams', async () => {
    const p = await postItem(h, 'umfrage Wo treffen wir uns? | Raum 1 | Raum 2');
    for (const [i, choice] of [0, 1, 1].entries()) await answer(p, member(i), choice);
    await close(p);
    const before = h.connector.delivered.length;
    await postResults(p.item, leader);
    const card = deliveredCard(postsSince(before)[0]);
    const [link] = interactive(card).filter((a) => a.type === 'Action.OpenUrl');
    const [channel, message] = p.thread.split(';messageid=');
    expect(link).toMatchObject({ title: de.resultsOpenThread });
    const url = new URL(String(link?.url));
    expect(`${url.origin}${decodeURIComponent(url.pathname)}`).toBe(
      `https://teams.microsoft.com/l/message/${channel}/${message}`,
    );
    expect(url.searchParams.get('parentMessageId')).toBe(message);
    expect(url.searchParams.get('tenantId')).toBe(TENANT);
  });

  test('the closed card offers the button, and "ergebnis posten" in the thread posts too', async () => {
    const p = await postItem(h, 'bewertung Wie zufrieden seid ihr mit dem Dienstplan?');
    for (const [i, choice] of [3, 4, 4].entries()) await answer(p, member(i), choice);
    await close(p);
    const closedCard = await waitForUpdate(h, p, (t) => t.includes(de.closedBadge));
    expect(interactive(closedCard)).toEqual([
      expect.objectContaining({ verb: VERBS.postResults, title: de.resultsPostButton }),
      expect.objectContaining({ verb: VERBS.refresh, data: { itemId: p.item.id } }),
    ]);
    const before = h.connector.delivered.length;
    await h.channelMessage('ergebnis posten', leader, { conversationId: p.thread });
    expect(textsSince(h, before)).toContain(de.resultsPosted(1));
    const texts = cardTexts(deliveredCard(postsSince(before)[0]));
    expect(texts).toEqual(
      expect.arrayContaining([
        'Wie zufrieden seid ihr mit dem Dienstplan?',
        de.resultsParticipants(3),
        de.ratingAverage('4,7'),
      ]),
    );
  });

  test('an anonymous poll below MIN_GROUP_SIZE shows how many took part but no shares', async () => {
    const p = await postItem(h, 'umfrage --anonym Fühlt ihr euch gut informiert? | Ja | Nein');
    await answer(p, member(0), 0);
    await answer(p, member(1), 1);
    await close(p);
    const before = h.connector.delivered.length;
    invokeCard(await postResults(p.item, leader));
    const texts = cardTexts(deliveredCard(postsSince(before)[0]));
    expect(texts).toEqual(
      expect.arrayContaining(['Fühlt ihr euch gut informiert?', de.resultsParticipants(2), de.resultsNotEnough(3)]),
    );
    expect(texts).not.toContain('Ja');
    expect(texts.some((t) => t.includes('%'))).toBe(false);
  });

  test('an anonymous idea prompt shows its ideas only from MIN_GROUP_SIZE_TEXT participants', async () => {
    const few = await postItem(h, 'ideenabfrage --anonym Was stört euch am meisten?');
    for (const [i, text] of ['Zu viele Mails', 'Kaputter Drucker', 'Laute Flure'].entries())
      await idea(few, member(i), text);
    await close(few);
    let before = h.connector.delivered.length;
    invokeCard(await postResults(few.item, leader));
    let texts = cardTexts(deliveredCard(postsSince(before)[0]));
    expect(texts).toEqual(
      expect.arrayContaining(['Was stört euch am meisten?', de.resultsIdeaCount(3), de.resultsNotEnough(4)]),
    );
    for (const hidden of ['Zu viele Mails', 'Kaputter Drucker', 'Laute Flure'])
      expect(texts.join('\n')).not.toContain(hidden);
    expect(texts).not.toContain(de.resultsDecisions);

    const enough = await postItem(h, 'ideenabfrage --anonym Was sollen wir als Erstes ändern?');
    for (const [i, text] of ['Ruhezonen', 'Neue Stühle', 'Weniger Meetings', 'Feste Fokuszeiten'].entries())
      await idea(enough, member(i), text);
    await close(enough);
    before = h.connector.delivered.length;
    invokeCard(await postResults(enough.item, leader));
    texts = cardTexts(deliveredCard(postsSince(before)[0]));
    expect(texts).toEqual(
      expect.arrayContaining([
        de.resultsParticipants(4),
        de.resultsTopIdeas,
        de.resultsDecisions,
        de.resultsNoDecisions,
      ]),
    );
    expect(texts.join('\n')).toContain('Ruhezonen');
    expect(texts).not.toContain(de.resultsNotEnough(4));
  });

  test('a member who is neither leader nor admin is refused on the card and nothing is posted', async () => {
    const p = await postItem(h, 'umfrage Mehr Homeoffice? | Ja | Nein');
    await close(p);
    const before = h.connector.delivered.length;
    const texts = cardTexts(invokeCard(await postResults(p.item, member(0))));
    expect(texts).toContain(de.errResultsNotAllowed);
    expect(texts).toContain('Mehr Homeoffice?');
    expect(postsSince(before)).toHaveLength(0);
  });

  test('an open item is refused and nothing is posted', async () => {
    const p = await postItem(h, 'umfrage Noch offen? | Ja | Nein');
    const before = h.connector.delivered.length;
    expect(cardTexts(invokeCard(await postResults(p.item, leader)))).toContain(de.errResultsItemOpen);
    await h.channelMessage('ergebnis posten', leader, { conversationId: p.thread });
    expect(textsSince(h, before)).toContain(de.errResultsItemOpen);
    expect(postsSince(before)).toHaveLength(0);
  });
});

describe('the results of a finished campaign', () => {
  test('go into every channel the campaign posted into, each with its own question only', async () => {
    await h.storage.campaigns.saveFromChat(
      {
        id: 'puls-dezember',
        title: 'Puls Dezember',
        targets: { kind: 'all' },
        channel: 'General',
        timeZone: 'Europe/Berlin',
        status: 'ended',
        items: [
          {
            id: 'frage-1',
            type: 'rating',
            question: 'Wie war der Monat?',
            anonymous: false,
            schedule: { start: '2026-12-01T09:00' },
            openFor: 'P7D',
          },
        ],
      },
      ADMIN.aadObjectId,
    );
    const inA = await postItem(h, 'umfrage Team A: Wie war der Monat? | Gut | Schlecht', TEAM);
    const inB = await postItem(h, 'umfrage Team B: Wie war der Monat? | Gut | Schlecht', OTHER_TEAM);
    const slot = { key: '2026-12-01T09:00', at: new Date('2026-12-01T08:00:00Z') };
    for (const p of [inA, inB]) {
      const ref = {
        campaignId: 'puls-dezember',
        itemId: 'frage-1',
        teamId: p.item.teamId,
        channelId: p.item.channelId,
        slot,
      };
      await h.storage.scheduleLedger.claimSlot(ref, new Date());
      await h.storage.scheduleLedger.markPosted(ref, p.item.id, {
        closesAt: new Date(Date.now() + 86_400_000),
        now: new Date(),
      });
    }
    // while an item is open, the campaign is not finished.
    expect(
      cardTexts(
        invokeCard(
          await h.invoke(VERBS.postResults, { kind: 'campaign', id: 'puls-dezember' }, ADMIN, { personal: true }),
        ),
      ),
    ).toContain(de.errResultsCampaignOpen);
    for (const [i, p] of [inA, inA, inA, inB, inB, inB].entries()) await answer(p, member(i), 0);
    await close(inA);
    await close(inB);

    await h.personalMessage('kampagnen');
    const list = h.connector.cards().at(-1);
    expect(
      interactive(list).some((a) => a.verb === VERBS.postResults && (a.data as { id?: string }).id === 'puls-dezember'),
    ).toBe(true);

    const before = h.connector.delivered.length;
    expect(
      cardTexts(
        invokeCard(
          await h.invoke(VERBS.postResults, { kind: 'campaign', id: 'puls-dezember' }, ADMIN, { personal: true }),
        ),
      ),
    ).toContain(de.resultsPosted(2));
    const posts = postsSince(before);
    expect(posts.map((p) => channelOf(p.conversationId)).sort()).toEqual([TEAM.id, OTHER_TEAM.id].sort());
    const cardIn = (channel: string) =>
      cardTexts(deliveredCard(posts.find((p) => channelOf(p.conversationId) === channel)));
    expect(cardIn(TEAM.id)).toEqual(
      expect.arrayContaining(['Puls Dezember', 'Team A: Wie war der Monat?', de.resultsParticipants(3)]),
    );
    expect(cardIn(TEAM.id)).not.toContain('Team B: Wie war der Monat?');
    expect(cardIn(OTHER_TEAM.id)).toContain('Team B: Wie war der Monat?');
    expect(cardIn(OTHER_TEAM.id)).not.toContain('Team A: Wie war der Monat?');
  });
});

describe('the results of a done measure', () => {
  test('name the ideas it came from, in the channel of their prompt; a measure not done yet is refused', async () => {
    const p = await postItem(h, 'ideenabfrage Wie machen wir die Sprechstunde besser?');
    await idea(p, member(0), 'Ein fester Rückruftag pro Woche');
    await idea(p, member(1), 'Wartemarken per SMS');
    await close(p);
    const [first] = (await h.storage.ideas.ofItem(p.item.id)).filter(
      (i) => i.text === 'Ein fester Rückruftag pro Woche',
    );
    const measure = await h.storage.measures.create(
      {
        teamId: TEAM.id,
        title: 'Rückruftag im Leistungsbereich',
        description: 'Jeden Mittwoch rufen wir zurück.',
        ownerId: leader.aadObjectId,
        ownerName: leader.name,
        dueDate: '2027-01-31',
        ideaIds: [first!.ideaId],
        volunteersAsGroup: false,
        createdById: leader.aadObjectId,
        createdByName: leader.name,
        createdAt: new Date(),
      },
      new Date(),
    );
    const post = () =>
      h.invoke(VERBS.postResults, { kind: 'measure', id: measure.measureId, teamId: TEAM.id }, leader, {
        personal: true,
      });
    let before = h.connector.delivered.length;
    expect(cardTexts(invokeCard(await post()))).toContain(de.errResultsMeasureNotDone);
    expect(postsSince(before)).toHaveLength(0);

    await h.storage.measures.setStatus(TEAM.id, measure.measureId, { status: 'done', reason: '' }, new Date());
    before = h.connector.delivered.length;
    expect(cardTexts(invokeCard(await post()))).toContain(de.resultsPosted(1));
    const posts = postsSince(before);
    expect(posts).toHaveLength(1);
    expect(channelOf(posts[0]!.conversationId)).toBe(p.item.channelId);
    const texts = cardTexts(deliveredCard(posts[0]));
    expect(texts).toEqual(
      expect.arrayContaining([
        'Rückruftag im Leistungsbereich',
        de.resultsMeasureIdeas,
        de.resultsMeasureOwner(leader.name),
      ]),
    );
    expect(texts.join('\n')).toContain('Ein fester Rückruftag pro Woche');
    expect(texts.join('\n')).not.toContain('Wartemarken per SMS');

    // the idea prompt's own results card lists the measure that came of it.
    before = h.connector.delivered.length;
    invokeCard(await postResults(p.item, leader));
    expect(cardTexts(deliveredCard(postsSince(before)[0]))).toContain(
      de.resultsMeasureLine('Rückruftag im Leistungsbereich', de.measureStatusLabels.done, '31.01.2027'),
    );
  });
});
