import { randomUUID } from 'node:crypto';
import { VERBS } from '../core/card-actions';
import { decisionMessages } from '../core/ideas/idea-status';
import { messages } from '../core/messages';
import type { IdeaRecord } from '../core/ideas/idea-record';
import { ADMIN, OTHER_TEAM, startBotHarness, TEAM, type BotHarness, type Person } from './support/bot-harness';
import { activeMarkdown, cardTexts, interactive, markdownTexts, shown } from './support/card-nodes';
import { deliveredCard, invokeCard, postItem, textsSince, type PostedItem } from './support/turn-helpers';

const de = messages('de');
const person = (n: number, name: string): Person => ({ id: `29:idea-${n}`, aadObjectId: `aad-idea-${n}`, name });
const author = person(0, 'Anna Becker');
const fans = [
  person(1, 'Jonas Wagner'),
  person(2, 'Leyla Yilmaz'),
  person(3, 'Thomas Schmidt'),
  person(4, 'Miriam Hoffmann'),
  person(5, 'Paul Richter'),
  person(6, 'Eva Lang'),
];
const leader = person(7, 'Lea Neumann');
const outsider = person(8, 'Otto Fremd');
const bothTeams = person(9, 'Bea Doppel');
const otherLeader = person(10, 'Kai Andersteam');
/** someone whose display name is written in Markdown. */
const marked = person(11, '_Chef_ [Admin](https://evil.example)');
/** on no team's roster: e.g. a guest of a shared channel, whose clicks arrive from the team's own channel. */
const guest = person(12, 'Gina Gast');
const [fan1, fan2, fan3] = fans as [Person, Person, Person];
const roster = (list: Person[]) => list.map((p) => ({ id: p.id, aadObjectId: p.aadObjectId, name: p.name }));

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness(
    { MIN_GROUP_SIZE: '3', MIN_GROUP_SIZE_TEXT: '4' },
    {
      members: {
        [TEAM.id]: roster([author, ...fans, leader, bothTeams, marked]),
        [OTHER_TEAM.id]: roster([outsider, bothTeams, otherLeader]),
      },
    },
  );
  await h.installInTeam(TEAM);
  await h.installInTeam(OTHER_TEAM);
  const at = new Date();
  await h.storage.roles.assignLeader({
    teamId: TEAM.id,
    personId: leader.aadObjectId,
    name: leader.name,
    grantedBy: ADMIN.aadObjectId,
    at,
  });
  await h.storage.roles.assignLeader({
    teamId: OTHER_TEAM.id,
    personId: otherLeader.aadObjectId,
    name: otherLeader.name,
    grantedBy: ADMIN.aadObjectId,
    at,
  });
});
afterAll(async () => {
  await h.stop();
});

/** someone types an idea into a prompt card in the channel; returns the stored idea. */
async function submit(p: PostedItem, who: Person, text: string): Promise<IdeaRecord> {
  invokeCard(await h.invoke(VERBS.submitIdea, { itemId: p.item.id, ideaText: text }, who));
  const idea = (await h.storage.ideas.ofItem(p.item.id)).find((i) => i.text === text);
  if (!idea) throw new Error(`idea "${text}" not stored`);
  return idea;
}

const personalConversation = (who: Person) => `a:personal-${who.id}`;
/** messages the bot sent since a point in the delivery log (in-place updates of item cards left out). */
const sentSince = (index: number) => h.connector.delivered.slice(index).filter((d) => d.kind !== 'update');
/** the newest card the bot sent into a person's personal chat since a point in the delivery log. */
const personalCardSince = (who: Person, index: number) =>
  deliveredCard(
    [...h.connector.delivered.slice(index)]
      .reverse()
      .find((d) => d.conversationId === personalConversation(who) && d.activity.attachments),
  );
const statusInputs = (ideaId: string, status: string, note: string) => ({
  ideaId,
  input: 'i0',
  i0s: status,
  i0n: note,
});
const buttonsOf = (card: unknown, verb: string) =>
  interactive(card).filter((a) => a.verb === verb) as { title: string; data: { ideaId: string; on: boolean } }[];

describe('ideas from prompts and from chat', () => {
  test('an idea typed into a prompt card becomes a named idea record with status new, in the prompt’s team and thread', async () => {
    const p = await postItem(h, 'ideenabfrage Was können wir besser machen?');
    const idea = await submit(p, author, 'Ein fester Rückruftag pro Woche');
    expect(idea).toMatchObject({
      teamId: TEAM.id,
      itemId: p.item.id,
      conversationId: p.thread,
      status: 'new',
      anonymous: false,
      authorId: author.aadObjectId,
      authorName: author.name,
      supportCount: 0,
    });
  });

  test('"idee <Text>" in a channel stores a named idea for that team without a prompt and confirms it there', async () => {
    const before = h.connector.delivered.length;
    await h.channelMessage('idee Mehr Licht im Flur', author);
    const idea = (await h.storage.ideas.byAuthor(author.aadObjectId)).find((i) => i.text === 'Mehr Licht im Flur');
    expect(idea).toMatchObject({ teamId: TEAM.id, status: 'new', anonymous: false, authorName: author.name });
    expect(idea?.itemId).toBeUndefined();
    expect(textsSince(h, before)).toContain(de.ideaSubmittedForTeam(TEAM.name, 'Mehr Licht im Flur'));
  });

  test('"idee <Text>" in the team\'s channel by someone not on its roster (a shared-channel guest) is refused and stores nothing', async () => {
    const before = h.connector.delivered.length;
    await h.channelMessage('idee Von außen in den Kanal', guest);
    expect(textsSince(h, before)).toContain(de.errNotTeamMember);
    expect(await h.storage.ideas.byAuthor(guest.aadObjectId)).toEqual([]);
  });

  test('"ideenabfrage" still posts a prompt for admins, and "idee" no longer does', async () => {
    const before = h.connector.delivered.length;
    await h.channelMessage('idee Was fehlt euch?', ADMIN);
    expect(h.connector.delivered.slice(before).some((d) => d.kind === 'create')).toBe(false);
    const p = await postItem(h, 'ideenabfrage Was fehlt euch?');
    expect(p.item).toMatchObject({ kind: 'idea', question: 'Was fehlt euch?' });
  });

  test('"idee" in the personal chat of a member of one team stores the idea for that team at once', async () => {
    const before = h.connector.delivered.length;
    await h.personalMessage('idee Gemeinsamer Kalender für Vertretungen', fan1);
    const idea = (await h.storage.ideas.byAuthor(fan1.aadObjectId)).find(
      (i) => i.text === 'Gemeinsamer Kalender für Vertretungen',
    );
    expect(idea).toMatchObject({ teamId: TEAM.id, status: 'new' });
    expect(textsSince(h, before)).toContain(
      de.ideaSubmittedForTeam(TEAM.name, 'Gemeinsamer Kalender für Vertretungen'),
    );
  });

  test('"idee" in the personal chat of someone in two teams asks for the team; a second click stores the idea once', async () => {
    const before = h.connector.delivered.length;
    await h.personalMessage('idee Vorlagen gemeinsam überarbeiten', bothTeams);
    const card = personalCardSince(bothTeams, before);
    expect(cardTexts(card)).toEqual(expect.arrayContaining([de.ideaPickTeamTitle, TEAM.name, OTHER_TEAM.name]));
    expect(await h.storage.ideas.byAuthor(bothTeams.aadObjectId)).toEqual([]);

    const button = interactive(card).find((a) => a.verb === VERBS.ideaForTeam) as { data: Record<string, unknown> };
    const pick = () =>
      h.invoke(VERBS.ideaForTeam, { ...button.data, teamId: OTHER_TEAM.id }, bothTeams, { personal: true });
    expect(cardTexts(invokeCard(await pick()))).toContain(
      de.ideaSubmittedForTeam(OTHER_TEAM.name, 'Vorlagen gemeinsam überarbeiten'),
    );
    await pick();
    const stored = await h.storage.ideas.byAuthor(bothTeams.aadObjectId);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ teamId: OTHER_TEAM.id, text: 'Vorlagen gemeinsam überarbeiten' });
  });

  test('a team picked on the choice card that the person does not belong to is refused and nothing is stored', async () => {
    const res = await h.invoke(
      VERBS.ideaForTeam,
      { teamId: TEAM.id, ideaText: 'Heimlich ins andere Team', key: 'k-1' },
      outsider,
      { personal: true },
    );
    expect(cardTexts(invokeCard(res))).toContain(de.errNotTeamMember);
    expect(await h.storage.ideas.byAuthor(outsider.aadObjectId)).toEqual([]);
  });

  test("an idea for team A's prompt sent from the personal chat by someone outside team A is refused and nothing is stored", async () => {
    const p = await postItem(h, 'ideenabfrage Was sollte Team A ändern?');
    const res = await h.invoke(VERBS.submitIdea, { itemId: p.item.id, ideaText: 'Von außen eingeschleust' }, outsider, {
      personal: true,
    });
    const texts = cardTexts(invokeCard(res));
    expect(texts).toContain(de.errNotItemTeamMember);
    expect(texts).not.toContain(p.item.question);
    expect(await h.storage.responses.ideaCount(p.item.id)).toBe(0);
    expect(await h.storage.ideas.ofItem(p.item.id)).toEqual([]);
    expect(await h.storage.ideas.byAuthor(outsider.aadObjectId)).toEqual([]);
  });

  test('"idee" with a flag is refused, because such ideas carry the name', async () => {
    const before = h.connector.delivered.length;
    await h.personalMessage('idee --anonym Weniger Meetings', fan2);
    expect(textsSince(h, before)).toContain(de.errIdeaNamedOnly);
    expect((await h.storage.ideas.byAuthor(fan2.aadObjectId)).some((i) => i.text.includes('Weniger Meetings'))).toBe(
      false,
    );
  });
});

describe('support and volunteering', () => {
  test('supporting twice counts once, and withdrawing takes the support back; the card shows the person’s state', async () => {
    const p = await postItem(h, 'ideenabfrage Was würde Wartezeiten verkürzen?');
    const idea = await submit(p, author, 'Unterlagen vorab per Upload prüfen');
    const support = (on: boolean) => h.invoke(VERBS.ideaSupport, { ideaId: idea.ideaId, on }, fan1);
    await support(true);
    const card = invokeCard(await support(true));
    expect((await h.storage.ideas.get(idea.ideaId))?.supportCount).toBe(1);
    expect(buttonsOf(card, VERBS.ideaSupport).find((b) => b.data.ideaId === idea.ideaId)).toMatchObject({
      title: de.ideaUnsupport,
      data: { on: false },
    });
    expect(cardTexts(card)).toContain(
      `${de.ideaStatusLine(de.ideaStatusLabels.new)} · ${de.ideaSupportCount(1)} · ${de.ideaByAuthor(author.name)}`,
    );

    const after = invokeCard(await support(false));
    expect((await h.storage.ideas.get(idea.ideaId))?.supportCount).toBe(0);
    expect(await h.storage.ideas.hasSupported(idea.ideaId, fan1.aadObjectId)).toBe(false);
    expect(buttonsOf(after, VERBS.ideaSupport).find((b) => b.data.ideaId === idea.ideaId)).toMatchObject({
      title: de.ideaSupport,
      data: { on: true },
    });
  });

  test('parallel supports by different people are all counted', async () => {
    const p = await postItem(h, 'ideenabfrage Was brauchen neue Kolleginnen?');
    const idea = await submit(p, author, 'Patenschaften für die ersten Wochen');
    const results = await Promise.all(
      [...fans, leader].map((who) => h.invoke(VERBS.ideaSupport, { ideaId: idea.ideaId, on: true }, who)),
    );
    for (const r of results) invokeCard(r);
    expect((await h.storage.ideas.get(idea.ideaId))?.supportCount).toBe(fans.length + 1);
    expect((await h.storage.ideas.supportersOf(idea.ideaId)).map((b) => b.id).sort()).toEqual(
      [...fans, leader].map((f) => f.aadObjectId).sort(),
    );
  });

  test('"Ich mache mit" names the volunteer on a named idea and can be taken back', async () => {
    const p = await postItem(h, 'ideenabfrage Wie wird der Pausenraum schöner?');
    const idea = await submit(p, author, 'Pflanzen und eine Sitzecke');
    const card = invokeCard(await h.invoke(VERBS.ideaVolunteer, { ideaId: idea.ideaId, on: true }, fan2));
    expect(cardTexts(card)).toContain(de.ideaVolunteerNames(fan2.name));
    expect(buttonsOf(card, VERBS.ideaVolunteer).find((b) => b.data.ideaId === idea.ideaId)).toMatchObject({
      title: de.ideaUnvolunteer,
      data: { on: false },
    });
    expect(await h.storage.ideas.volunteersOf(idea.ideaId)).toEqual([
      expect.objectContaining({ id: fan2.aadObjectId, name: fan2.name }),
    ]);

    invokeCard(await h.invoke(VERBS.ideaVolunteer, { ideaId: idea.ideaId, on: false }, fan2));
    expect((await h.storage.ideas.get(idea.ideaId))?.volunteerCount).toBe(0);
  });

  test('a member supports from the personal chat (checked against the roster); someone outside the team is refused', async () => {
    const p = await postItem(h, 'ideenabfrage Was erleichtert den Feierabend?');
    const idea = await submit(p, author, 'Feste Übergabezeiten');
    invokeCard(await h.invoke(VERBS.ideaSupport, { ideaId: idea.ideaId, on: true }, fan3, { personal: true }));
    const refused = invokeCard(
      await h.invoke(VERBS.ideaSupport, { ideaId: idea.ideaId, on: true }, outsider, { personal: true }),
    );
    expect(cardTexts(refused)).toContain(de.errNotTeamMember);
    const fromOtherTeam = invokeCard(
      await h.invoke(VERBS.ideaSupport, { ideaId: idea.ideaId, on: true }, bothTeams, { team: OTHER_TEAM }),
    );
    expect(cardTexts(fromOtherTeam)).toContain(de.errIdeaOtherTeam);
    expect((await h.storage.ideas.get(idea.ideaId))?.supportCount).toBe(1);
  });

  test('support and "Ich mache mit" by someone not on the team\'s roster are refused, from the team\'s own channel and from a group chat', async () => {
    const p = await postItem(h, 'ideenabfrage Was macht die Übergabe leichter?');
    const idea = await submit(p, author, 'Übergabebuch am Empfang');
    for (const where of [{}, { groupChat: true }, { personal: true }]) {
      for (const verb of [VERBS.ideaSupport, VERBS.ideaVolunteer]) {
        const texts = cardTexts(invokeCard(await h.invoke(verb, { ideaId: idea.ideaId, on: true }, guest, where)));
        expect(texts).toContain(de.errNotTeamMember);
        expect(texts).not.toContain(idea.text);
      }
    }
    expect(await h.storage.ideas.get(idea.ideaId)).toMatchObject({ supportCount: 0, volunteerCount: 0 });
    expect(await h.storage.ideas.hasSupported(idea.ideaId, guest.aadObjectId)).toBe(false);
    expect(await h.storage.ideas.volunteersOf(idea.ideaId)).toEqual([]);
  });

  test("a team's ideas are shown to its members only, also when asked from the team's own channel", async () => {
    const p = await postItem(h, 'ideenabfrage Was hilft bei Vertretungen?');
    await submit(p, author, 'Gemeinsames Postfach');
    const refused = cardTexts(
      invokeCard(await h.invoke(VERBS.ideasOfTeam, { teamId: TEAM.id, itemId: p.item.id }, guest)),
    );
    expect(refused).toContain(de.errNotTeamMember);
    expect(refused).not.toContain('Gemeinsames Postfach');
    expect(
      cardTexts(invokeCard(await h.invoke(VERBS.ideasOfTeam, { teamId: TEAM.id, itemId: p.item.id }, fan2))),
    ).toContain('Gemeinsames Postfach');
  });

  test('an unknown idea id is refused without storing anything', async () => {
    const res = invokeCard(
      await h.invoke(VERBS.ideaSupport, { ideaId: 'VGVhbQ.2026-W10.0123456789abcdef', on: true }, fan1),
    );
    expect(cardTexts(res)).toContain(de.errIdeaNotFound);
  });
});

describe('the ideas card ("ideen")', () => {
  test('in a channel everyone sees the neutral card, and the person asking gets their own view by refresh', async () => {
    const p = await postItem(h, 'ideenabfrage Welche Technik fehlt?');
    const idea = await submit(p, author, 'Zweiter Bildschirm für alle');
    await h.invoke(VERBS.ideaSupport, { ideaId: idea.ideaId, on: true }, leader);
    const before = h.connector.delivered.length;
    await h.channelMessage('ideen', leader, { conversationId: p.thread });
    // the reply to "ideen"; the prompt's own card may be updated in place meanwhile (a delayed refresh after the idea).
    const posted = deliveredCard(
      h.connector.delivered.slice(before).find((d) => d.kind !== 'update' && d.activity.attachments),
    );
    expect(cardTexts(posted)).toContain(de.ideasTitle(TEAM.name));
    expect(cardTexts(posted)).toContain('Zweiter Bildschirm für alle');
    expect(cardTexts(posted)).not.toContain(de.ideaUnsupport);
    expect(interactive(posted).some((a) => a.verb === VERBS.ideaStatus)).toBe(false);
    const refresh = posted.refresh as { action: { verb: string; data: Record<string, unknown> }; userIds: string[] };
    expect(refresh).toMatchObject({
      action: { verb: VERBS.ideasOfTeam, data: { teamId: TEAM.id, itemId: p.item.id } },
      userIds: [leader.id],
    });

    const own = invokeCard(await h.invoke(refresh.action.verb, refresh.action.data, leader, { id: randomUUID() }));
    expect(buttonsOf(own, VERBS.ideaSupport)).toEqual([expect.objectContaining({ title: de.ideaUnsupport })]);
    expect(interactive(own).some((a) => a.verb === VERBS.ideaStatus)).toBe(true);
    expect(interactive(own).some((a) => a.verb === VERBS.followUpPoll)).toBe(false); // one idea only: nothing to prioritise yet
  });

  test('in the personal chat a member gets the card of their team; someone in no team is told so', async () => {
    const before = h.connector.delivered.length;
    await h.personalMessage('ideen', fan1);
    expect(cardTexts(personalCardSince(fan1, before))).toContain(de.ideasTitle(TEAM.name));
    const stranger = person(99, 'Nina Niemand');
    const mark = h.connector.delivered.length;
    await h.personalMessage('ideen', stranger);
    expect(textsSince(h, mark)).toContain(de.ideaNoTeam);
  });

  test('a person in two teams gets one card per team in the personal chat', async () => {
    const before = h.connector.delivered.length;
    await h.personalMessage('ideen', bothTeams);
    const reply = h.connector.delivered
      .slice(before)
      .find((d) => d.conversationId === personalConversation(bothTeams) && d.activity.attachments);
    const titles = ((reply?.activity.attachments ?? []) as { content: unknown }[])
      .flatMap((a) => cardTexts(a.content))
      .filter((t) => t.startsWith('Top-Ideen'));
    expect(titles.sort()).toEqual([de.ideasTitle(OTHER_TEAM.name), de.ideasTitle(TEAM.name)].sort());
  });
});

describe('status changes', () => {
  test('a leader accepts an idea: stored with history and audit, the author is told 1:1, the thread gets the decision, supporters with a chat a note', async () => {
    const p = await postItem(h, 'ideenabfrage Wie kommen Infos schneller an?');
    const idea = await submit(p, author, 'Ein kurzer Wochenbrief am Montag');
    await h.installInPersonalChat(fan1);
    await h.invoke(VERBS.ideaSupport, { ideaId: idea.ideaId, on: true }, fan1);
    await h.invoke(VERBS.ideaSupport, { ideaId: idea.ideaId, on: true }, fan2);
    const before = h.connector.delivered.length;
    const callsBefore = h.connector.calls.length;

    const card = invokeCard(
      await h.invoke(VERBS.ideaStatus, statusInputs(idea.ideaId, 'accepted', 'Startet im April'), leader, {
        personal: true,
      }),
    );
    const texts = decisionMessages(
      'de',
      { text: idea.text, anonymous: false },
      { status: 'accepted', note: 'Startet im April' },
    );
    expect(cardTexts(card)).toEqual(
      expect.arrayContaining([
        de.ideaStatusChangedTitle,
        de.ideaNotifiedThread,
        de.ideaNotifiedAuthor,
        de.ideaNotifiedSupporters(1),
      ]),
    );

    expect(await h.storage.ideas.get(idea.ideaId)).toMatchObject({
      status: 'accepted',
      statusNote: 'Startet im April',
      statusBy: leader.aadObjectId,
    });
    expect(await h.storage.ideas.history(idea.ideaId)).toEqual([
      expect.objectContaining({ status: 'accepted', by: leader.aadObjectId }),
    ]);
    expect(await h.storage.audit.recent(20)).toContainEqual(
      expect.objectContaining({ action: 'idea.status', actorId: leader.aadObjectId, target: idea.ideaId }),
    );

    const sent = sentSince(before);
    expect(sent).toContainEqual(
      expect.objectContaining({
        conversationId: p.thread,
        activity: expect.objectContaining({ text: texts.threadReply }),
      }),
    );
    // the author has no personal chat with the bot yet: the bot opens one as a member of the team.
    const opened = h.connector.calls
      .slice(callsBefore)
      .find((c) => c.method === 'POST' && c.path === '/v3/conversations' && c.body.isGroup === false);
    expect(opened?.body.members).toEqual([{ id: author.id }]);
    expect(sent.find((d) => d.activity.text === texts.toAuthor)?.conversationId).toMatch(/^a:personal-/);
    await h.connector.waitFor(() =>
      h.connector.delivered.some(
        (d) => d.conversationId === personalConversation(fan1) && d.activity.text === texts.toSupporters,
      ),
    );
  });

  test('declining without a note is refused with the field message and changes nothing', async () => {
    const p = await postItem(h, 'ideenabfrage Was sparen wir uns künftig?');
    const idea = await submit(p, author, 'Das Formular B7 abschaffen');
    const before = h.connector.delivered.length;
    const res = invokeCard(
      await h.invoke(VERBS.ideaStatus, statusInputs(idea.ideaId, 'declined', '  '), leader, { personal: true }),
    );
    expect(cardTexts(res)).toContain(de.errIdeaNoteRequired);
    expect((await h.storage.ideas.get(idea.ideaId))?.status).toBe('new');
    expect(sentSince(before)).toEqual([]);

    // in a channel the refusal stays on the ideas card, with the form to try again.
    const onCard = invokeCard(await h.invoke(VERBS.ideaStatus, statusInputs(idea.ideaId, 'declined', ''), leader));
    expect(cardTexts(onCard)).toEqual(expect.arrayContaining([de.errIdeaNoteRequired, de.ideasTitle(TEAM.name)]));
  });

  test('a move the life cycle does not allow is refused with both statuses named', async () => {
    const p = await postItem(h, 'ideenabfrage Was fehlt im Intranet?');
    const idea = await submit(p, author, 'Eine Suche, die Formulare findet');
    const res = invokeCard(
      await h.invoke(VERBS.ideaStatus, statusInputs(idea.ideaId, 'done', ''), leader, { personal: true }),
    );
    expect(cardTexts(res)).toContain(de.errIdeaTransition(de.ideaStatusLabels.new, de.ideaStatusLabels.done));
    expect((await h.storage.ideas.get(idea.ideaId))?.status).toBe('new');
  });

  test('an employee, and a leader of another team, cannot change a status – not even with roles claimed in the card data', async () => {
    const p = await postItem(h, 'ideenabfrage Was macht Einarbeitung leichter?');
    const idea = await submit(p, author, 'Checklisten für die erste Woche');
    const claims = {
      isAdmin: true,
      role: 'admin',
      leader: true,
      personId: leader.aadObjectId,
      by: ADMIN.aadObjectId,
      from: { aadObjectId: ADMIN.aadObjectId },
    };
    const before = h.connector.delivered.length;
    for (const who of [fan1, otherLeader]) {
      const res = invokeCard(
        await h.invoke(VERBS.ideaStatus, { ...statusInputs(idea.ideaId, 'accepted', 'ok'), ...claims }, who, {
          personal: true,
        }),
      );
      expect(cardTexts(res)).toContain(de.errIdeaNotManager);
    }
    expect(await h.storage.ideas.get(idea.ideaId)).toMatchObject({ status: 'new' });
    expect(await h.storage.ideas.history(idea.ideaId)).toEqual([]);
    expect(sentSince(before)).toEqual([]);
    const poll = invokeCard(
      await h.invoke(VERBS.followUpPoll, { itemId: p.item.id, topN: 2, maxPicks: 1, ...claims }, fan1, {
        personal: true,
      }),
    );
    expect(cardTexts(poll)).toContain(de.errFollowUpNotManager);
  });

  test('an admin may decide, and an idea sent in chat gets no thread reply', async () => {
    await h.channelMessage('idee Kaffeemaschine im zweiten Stock', fan3);
    const idea = (await h.storage.ideas.byAuthor(fan3.aadObjectId)).find(
      (i) => i.text === 'Kaffeemaschine im zweiten Stock',
    ) as IdeaRecord;
    const before = h.connector.delivered.length;
    const card = invokeCard(
      await h.invoke(VERBS.ideaStatus, statusInputs(idea.ideaId, 'review', ''), ADMIN, { personal: true }),
    );
    expect(cardTexts(card)).not.toContain(de.ideaNotifiedThread);
    expect((await h.storage.ideas.get(idea.ideaId))?.status).toBe('review');
    const texts = decisionMessages('de', idea, { status: 'review', note: '' });
    expect(sentSince(before).map((d) => d.activity.text)).toEqual([texts.toAuthor]);
  });
});

describe('follow-up polls', () => {
  test('a leader turns the top ideas into a multiple-choice poll in the prompt’s channel; a vote with too many picks is refused', async () => {
    const p = await postItem(h, 'ideenabfrage Was sollen wir dieses Jahr angehen?');
    const texts = ['Digitale Akte', 'Mehr Homeoffice-Tage', 'Teamtag im Sommer', 'Neue Stühle'];
    const ideas = [];
    for (const [i, text] of texts.entries()) ideas.push(await submit(p, fans[i] as Person, text));
    // support: Teamtag 3, Digitale Akte 2, Homeoffice 1, Stühle 0
    const backers: [number, Person[]][] = [
      [2, [fan1, fan2, fan3]],
      [0, [fan1, fan2]],
      [1, [fan1]],
    ];
    for (const [index, who] of backers)
      for (const f of who) await h.invoke(VERBS.ideaSupport, { ideaId: ideas[index]!.ideaId, on: true }, f);

    const before = h.connector.delivered.length;
    const card = invokeCard(
      await h.invoke(VERBS.followUpPoll, { itemId: p.item.id, topN: '3', maxPicks: '2' }, leader),
    );
    const created = h.connector.delivered.slice(before).filter((d) => d.kind === 'create');
    expect(created).toHaveLength(1);
    expect(created[0]?.conversationId.startsWith(`${p.item.channelId};messageid=`)).toBe(true);
    const poll = await h.storage.items.latestOpenInConversation(created[0]!.conversationId);
    expect(poll).toMatchObject({
      kind: 'poll',
      pollKind: 'multi',
      maxChoices: 2,
      teamId: TEAM.id,
      channelId: p.item.channelId,
      anonymous: false,
      question: de.ideaFollowUpQuestion(2),
    });
    expect(poll?.options).toEqual(['Teamtag im Sommer', 'Digitale Akte', 'Mehr Homeoffice-Tage']);
    expect(cardTexts(card)[0]).toContain(de.ideaFollowUpPosted(`${TEAM.name} › Allgemein`));
    expect(await h.storage.audit.recent(20)).toContainEqual(
      expect.objectContaining({ action: 'idea.followUpPoll', actorId: leader.aadObjectId, target: poll?.id }),
    );

    const tooMany = invokeCard(await h.invoke(VERBS.vote, { itemId: poll!.id, choices: '0,1,2' }, fan3));
    expect(cardTexts(tooMany)).toContain(de.errTooManyChoices(2));
    invokeCard(await h.invoke(VERBS.vote, { itemId: poll!.id, choices: '0,1' }, fan3));
    expect(await h.storage.responses.tally(poll!)).toEqual({ counts: [1, 1, 0], voters: 1 });

    // the same request again posts nothing new.
    const again = invokeCard(await h.invoke(VERBS.followUpPoll, { itemId: p.item.id, topN: 3, maxPicks: 2 }, leader));
    expect(cardTexts(again)[0]).toContain(de.ideaFollowUpAlready(`${TEAM.name} › Allgemein`));
    expect(h.connector.delivered.slice(before).filter((d) => d.kind === 'create')).toHaveLength(1);
  });
});

describe('anonymity', () => {
  /** someone types an idea into an anonymous prompt card: it is kept sealed, no idea exists before the prompt closes. */
  const submitAnonymous = async (p: PostedItem, who: Person, text: string) =>
    invokeCard(await h.invoke(VERBS.submitIdea, { itemId: p.item.id, ideaText: text }, who));
  const closed = async (p: PostedItem, text: string) =>
    (await h.storage.ideas.ofItem(p.item.id)).find((i) => i.text === text)!;
  const show = async (p: PostedItem, who: Person) =>
    invokeCard(await h.invoke(VERBS.ideasOfTeam, { teamId: TEAM.id, itemId: p.item.id }, who, { personal: true }));

  test('ideas of an anonymous prompt exist only once it closes: nothing to see, decide, support or count before', async () => {
    const p = await postItem(h, 'ideenabfrage --anonym Was stört dich im Alltag?');
    for (const [i, who] of [fan1, fan2, fan3, author].entries()) await submitAnonymous(p, who, `Störung ${i}`);
    expect(await h.storage.ideas.ofItem(p.item.id)).toEqual([]);
    expect(cardTexts(await show(p, leader)).join(' ')).not.toContain('Störung');
    const poll = invokeCard(
      await h.invoke(VERBS.followUpPoll, { itemId: p.item.id, topN: 2, maxPicks: 1 }, leader, { personal: true }),
    );
    expect(cardTexts(poll)).toContain(de.errFollowUpHidden(4));
    await h.channelMessage('schließen', ADMIN, { conversationId: p.thread });
    const ideas = await h.storage.ideas.ofItem(p.item.id);
    expect(ideas.map((i) => i.text).sort()).toEqual(['Störung 0', 'Störung 1', 'Störung 2', 'Störung 3']);
    for (const idea of ideas) expect(idea).toMatchObject({ anonymous: true, createdAt: ideas[0]!.createdAt });
  });

  test('the ideas of a closed anonymous prompt show from MIN_GROUP_SIZE_TEXT participants, without any name, volunteers only counted', async () => {
    const few = await postItem(h, 'ideenabfrage --anonym Was fehlt dir?');
    for (const [i, who] of [fan1, fan2, fan3].entries()) await submitAnonymous(few, who, `Fehlt ${i}`);
    await h.channelMessage('schließen', ADMIN, { conversationId: few.thread });
    expect(cardTexts(await show(few, leader)).join(' ')).not.toContain('Fehlt');

    const p = await postItem(h, 'ideenabfrage --anonym Was würde dir helfen?');
    const texts = ['Zu viele Pflichttermine', 'Lärm im Großraum', 'Drucker ständig leer', 'Mehr Pausenräume'];
    for (const [i, who] of [fan1, fan2, fan3, fans[3]!].entries()) await submitAnonymous(p, who, texts[i]!);
    await h.channelMessage('schließen', ADMIN, { conversationId: p.thread });
    const first = await closed(p, texts[0]!);
    expect(first.authorId).toBeUndefined();
    expect(first.ideaId).not.toMatch(/\d{4}-W\d{2}/);
    invokeCard(await h.invoke(VERBS.ideaVolunteer, { ideaId: first.ideaId, on: true }, author));
    const card = cardTexts(await show(p, leader));
    expect(card).toEqual(expect.arrayContaining([...texts, de.ideaVolunteerCount(1)]));
    for (const name of [fan1.name, fan2.name, fan3.name, fans[3]!.name, author.name])
      expect(card.join(' ')).not.toContain(name);
  });

  test('deciding an anonymous idea replies in the thread but messages nobody in private', async () => {
    const p = await postItem(h, 'ideenabfrage --anonym Was würdest du ändern?');
    await submitAnonymous(p, fan1, 'Kürzere Teamrunden');
    for (const [i, who] of [fan2, fan3, fans[3]!].entries()) await submitAnonymous(p, who, `Idee ${i}`);
    await h.channelMessage('schließen', ADMIN, { conversationId: p.thread });
    const idea = await closed(p, 'Kürzere Teamrunden');
    const before = h.connector.delivered.length;
    const callsBefore = h.connector.calls.length;
    const card = invokeCard(
      await h.invoke(VERBS.ideaStatus, statusInputs(idea.ideaId, 'review', ''), leader, { personal: true }),
    );
    expect(cardTexts(card)).toContain(de.ideaNotifiedAnonymous);
    const texts = decisionMessages('de', { text: idea.text, anonymous: true }, { status: 'review', note: '' });
    expect(sentSince(before).map((d) => [d.conversationId, d.activity.text])).toEqual([[p.thread, texts.threadReply]]);
    expect(h.connector.calls.slice(callsBefore).some((c) => c.path === '/v3/conversations')).toBe(false);
  });
});

describe('texts people wrote in Markdown', () => {
  const text = '**WICHTIG:** [hier neu anmelden](https://evil.example)';
  /** the card's Markdown texts that show a typed text: they must show it exactly as typed and format nothing. */
  const showing = (card: unknown, typed: string) => markdownTexts(card).filter((t) => shown(t).includes(typed));

  test('an idea and its author’s name show as typed on the ideas card and in the leader’s digest, never as bold text or a link', async () => {
    const p = await postItem(h, 'ideenabfrage Was ist dringend?');
    const idea = await submit(p, marked, text);
    expect(idea).toMatchObject({ text, authorName: marked.name }); // stored as typed
    for (const who of [...fans, leader, bothTeams])
      await h.invoke(VERBS.ideaSupport, { ideaId: idea.ideaId, on: true }, who);

    const board = invokeCard(
      await h.invoke(VERBS.ideasOfTeam, { teamId: TEAM.id, itemId: p.item.id }, fan1, { personal: true }),
    );
    const before = h.connector.delivered.length;
    await h.personalMessage('überblick', leader);
    const digest = personalCardSince(leader, before);
    for (const card of [board, digest]) {
      for (const typed of [text, marked.name]) {
        expect(showing(card, typed)).not.toEqual([]);
        expect(showing(card, typed).flatMap(activeMarkdown)).toEqual([]);
      }
    }
  });

  test('an idea sent with "idee" in a channel is confirmed there as typed, never as bold text or a link', async () => {
    const before = h.connector.delivered.length;
    await h.channelMessage(`idee ${text}`, author);
    const [reply] = textsSince(h, before);
    expect(activeMarkdown(reply!)).toEqual([]);
    expect(shown(reply!)).toBe(de.ideaSubmittedForTeam(TEAM.name, text));
  });

  test('a leader’s note in Markdown reaches the thread and the author as typed, never as a link', async () => {
    const p = await postItem(h, 'ideenabfrage Was sparen wir uns?');
    const idea = await submit(p, author, text);
    const note = '[Begründung hier](https://evil.example) – **endgültig**';
    const before = h.connector.delivered.length;
    invokeCard(
      await h.invoke(VERBS.ideaStatus, statusInputs(idea.ideaId, 'declined', note), leader, { personal: true }),
    );
    const notices = sentSince(before)
      .map((d) => d.activity.text)
      .filter((t): t is string => typeof t === 'string');
    expect(notices).toHaveLength(2); // the thread and the author
    for (const notice of notices) {
      expect(activeMarkdown(notice)).toEqual([]);
      expect(shown(notice)).toContain(text);
      expect(shown(notice)).toContain(note);
    }
  });
});
