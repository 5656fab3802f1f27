import { VERBS } from '../core/card-actions';
import { exportRequestSchema } from '../core/export/export-request';
import type { IdeaRecord } from '../core/ideas/idea-record';
import { messages } from '../core/messages';
import { ADMIN, OTHER_TEAM, startBotHarness, TEAM, type BotHarness, type Person } from './support/bot-harness';
import { invokeCard, postItem } from './support/turn-helpers';
import { cardTexts, interactive } from './support/card-nodes';

const de = messages('de');
const person = (n: number, name: string): Person => ({ id: `29:loop-${n}`, aadObjectId: `aad-loop-${n}`, name });
const staff = [
  person(0, 'Anna Becker'),
  person(1, 'Jonas Wagner'),
  person(2, 'Leyla Yilmaz'),
  person(3, 'Paul Richter'),
] as [Person, Person, Person, Person];
const [anna, jonas, leyla, paul] = staff;
const leader = person(4, 'Lea Neumann');
const others = [person(5, 'Otto Fremd'), person(6, 'Olga Anders'), person(7, 'Oskar Weit')] as [Person, Person, Person];
const otherLeader = person(8, 'Kai Andersteam');
const roster = (list: Person[]) => list.map((p) => ({ id: p.id, aadObjectId: p.aadObjectId, name: p.name }));

/** Monday 5 January 2026: the ideas are sent; the digest and exports run on Wednesday 4 February (30 days later). */
const T0 = new Date('2026-01-05T09:00:00Z');
const T1 = new Date('2026-02-04T09:00:00Z');
let clock = T0;
const DAY = 86_400_000;
let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness(
    { MIN_GROUP_SIZE: '3', MIN_GROUP_SIZE_TEXT: '4', DECISION_DUE_DAYS: '25' },
    { members: { [TEAM.id]: roster([...staff, leader]), [OTHER_TEAM.id]: roster([...others, otherLeader]) } },
    { now: () => clock },
  );
  await h.installInTeam(TEAM);
  await h.installInTeam(OTHER_TEAM);
  await h.storage.roles.assignLeader({
    teamId: TEAM.id,
    personId: leader.aadObjectId,
    name: leader.name,
    grantedBy: ADMIN.aadObjectId,
    at: T0,
  });
  await h.storage.roles.assignLeader({
    teamId: OTHER_TEAM.id,
    personId: otherLeader.aadObjectId,
    name: otherLeader.name,
    grantedBy: ADMIN.aadObjectId,
    at: T0,
  });
});
afterAll(async () => {
  await h.stop();
});

const personalCard = (who: Person) => h.connector.cards((d) => d.conversationId === `a:personal-${who.id}`).at(-1);

async function submit(itemId: string, who: Person, text: string, team = TEAM): Promise<void> {
  invokeCard(await h.invoke(VERBS.submitIdea, { itemId, ideaText: text }, who, { team }));
}
const ideaNamed = async (text: string): Promise<IdeaRecord> => {
  for (const who of [...staff, ...others]) {
    const found = (await h.storage.ideas.byAuthor(who.aadObjectId)).find((i) => i.text === text);
    if (found) return found;
  }
  throw new Error(`no idea "${text}"`);
};
/** the inputs of the team vote form of a card, filled with ideas (by text) and picks. */
function teamVote(card: unknown, texts: string[], picks: string): Record<string, unknown> {
  const choice = interactive(card).find((i) => i.type === 'Input.ChoiceSet' && String(i.id).endsWith('ideas')) as
    { id: string; choices: { title: string; value: string }[] } | undefined;
  const button = interactive(card).find((i) => i.verb === VERBS.followUpPollTeam) as
    { data: { input: string } } | undefined;
  if (!choice || !button) throw new Error('no team vote form on the card');
  const ids = texts.map((t) => choice.choices.find((c) => c.title === t)?.value ?? `missing:${t}`);
  return { ...button.data, [choice.id]: ids.join(','), [`${button.data.input}picks`]: picks };
}
const newPosts = (since: number) => h.connector.delivered.slice(since).filter((d) => d.kind === 'create');

let promptA: string;
let anonymousClosed: string;
let anonymousSmall: string;

describe('ideas sent a month ago', () => {
  test('two prompts, an `idee` idea, an anonymous prompt above and one below the text threshold (MIN_GROUP_SIZE_TEXT 4)', async () => {
    clock = T0;
    const a = await postItem(h, 'ideenabfrage Was sollen wir besser machen?');
    promptA = a.item.id;
    await submit(a.item.id, anna, 'Termine online buchbar machen');
    await submit(a.item.id, jonas, 'Wartemarken per SMS');
    const b = await postItem(h, 'ideenabfrage Was fehlt im Büro?');
    await submit(b.item.id, leyla, 'Ein zweiter Besprechungsraum');
    await h.personalMessage('idee Ein Drucker pro Flur genügt', paul);
    const anon = await postItem(h, 'ideenabfrage --anonym Was stört dich?');
    anonymousClosed = anon.item.id;
    for (const [i, who] of staff.entries()) await submit(anon.item.id, who, `Anonyme Kritik ${i}`);
    await h.channelMessage('schließen', ADMIN, { conversationId: anon.thread });
    const small = await postItem(h, 'ideenabfrage --anonym Was noch?');
    anonymousSmall = small.item.id;
    for (const [i, who] of [anna, jonas, leyla].entries()) await submit(small.item.id, who, `Nur drei Stimmen ${i}`);
    await h.channelMessage('schließen', ADMIN, { conversationId: small.thread });
    const other = await postItem(h, 'ideenabfrage Was braucht Team Leistung?', OTHER_TEAM);
    await submit(other.item.id, others[0], 'Neue Stühle', OTHER_TEAM);
    // decided a week later: declined, so not waiting; one idea sent later waits less than DECISION_DUE_DAYS.
    clock = new Date(T0.getTime() + 7 * DAY);
    const declined = await ideaNamed('Wartemarken per SMS');
    await h.invoke(
      VERBS.ideaStatus,
      { ideaId: declined.ideaId, input: 'i0', i0s: 'declined', i0n: 'zu teuer' },
      leader,
      { personal: true },
    );
    clock = new Date(T1.getTime() - 22 * DAY);
    await h.personalMessage('idee Pflanzen für den Flur', leyla);
    expect(await h.storage.ideas.ofItem(anonymousClosed)).toHaveLength(4);
    expect(await h.storage.ideas.ofItem(anonymousSmall)).toHaveLength(3);
  });
});

describe('a vote over ideas of several prompts, from the personal chat', () => {
  test('from the personal ideas card a leader puts ideas of two prompts and an `idee` idea to a vote in General, once', async () => {
    await h.personalMessage('ideen', leader);
    const card = personalCard(leader);
    const data = {
      ...teamVote(
        card,
        ['Termine online buchbar machen', 'Ein zweiter Besprechungsraum', 'Ein Drucker pro Flur genügt'],
        '2',
      ),
    };
    const before = h.connector.delivered.length;
    const answer = invokeCard(await h.invoke(VERBS.followUpPollTeam, data, leader, { personal: true }));
    expect(cardTexts(answer)[0]).toBe(de.ideaFollowUpPosted(`${TEAM.name} › Allgemein`));
    const [post] = newPosts(before);
    expect(post?.conversationId.startsWith(TEAM.id)).toBe(true);
    const poll = await h.storage.items.latestOpenInConversation(post!.conversationId);
    expect(poll).toMatchObject({
      kind: 'poll',
      pollKind: 'multi',
      maxChoices: 2,
      anonymous: false,
      channelId: TEAM.id,
      question: de.ideaFollowUpQuestion(2),
    });
    expect([...poll!.options].sort()).toEqual([
      'Ein Drucker pro Flur genügt',
      'Ein zweiter Besprechungsraum',
      'Termine online buchbar machen',
    ]);

    const again = h.connector.delivered.length;
    expect(cardTexts(invokeCard(await h.invoke(VERBS.followUpPollTeam, data, leader, { personal: true })))[0]).toBe(
      de.ideaFollowUpAlready(`${TEAM.name} › Allgemein`),
    );
    expect(newPosts(again)).toEqual([]);
  });
});

describe('the digest carries the loop', () => {
  test('a leader’s digest lists overdue (marked) and due measures, the ones that moved this week, and ideas waiting longer than DECISION_DUE_DAYS', async () => {
    const base = {
      description: '',
      ownerId: leyla.aadObjectId,
      ownerName: leyla.name,
      ideaIds: [],
      volunteersAsGroup: false,
      createdById: leader.aadObjectId,
      createdByName: leader.name,
      createdAt: T0,
    };
    await h.storage.measures.create(
      { ...base, teamId: TEAM.id, title: 'Wegweiser drucken', dueDate: '2026-02-01' },
      T0,
    );
    await h.storage.measures.create({ ...base, teamId: TEAM.id, title: 'Raum buchen', dueDate: '2026-02-07' }, T0);
    await h.storage.measures.create(
      { ...base, teamId: TEAM.id, title: 'Portal ausschreiben', dueDate: '2026-06-30' },
      T0,
    );
    const moved = await h.storage.measures.create(
      { ...base, teamId: TEAM.id, title: 'Express-Schalter', dueDate: '2026-03-31' },
      T0,
    );
    await h.storage.measures.create(
      { ...base, teamId: OTHER_TEAM.id, title: 'Stühle bestellen', ownerName: others[1].name, dueDate: '2026-01-20' },
      T0,
    );
    clock = T1;
    await h.storage.measures.setStatus(TEAM.id, moved.measureId, { status: 'done', reason: '' }, T1);
    await h.storage.measures.addNote(TEAM.id, moved.measureId, {
      text: 'Läuft seit heute',
      byId: leader.aadObjectId,
      byName: leader.name,
      at: T1,
    });

    await h.personalMessage('überblick', leader);
    const texts = cardTexts(personalCard(leader));
    expect(texts).toEqual(
      expect.arrayContaining([
        de.digestLoopTitle,
        de.digestLoopOverdue,
        de.digestLoopDue,
        de.digestLoopMoved,
        de.digestLoopWaiting(25),
      ]),
    );
    expect(texts).toContain(`• ${de.digestLoopOverdueMeasure('Wegweiser drucken', leyla.name, '01.02.2026')}`);
    expect(texts).toContain(`• ${de.digestLoopMeasure('Raum buchen', leyla.name, '07.02.2026')}`);
    expect(texts).toContain(
      `• ${de.digestLoopMovedMeasure('Express-Schalter', de.measureStatusLabels.done)} · ${de.digestLoopMovedNote('Läuft seit heute')}`,
    );
    expect(texts).toContain(
      `• ${de.digestLoopWaitingIdea('Termine online buchbar machen', 30, de.ideaStatusLabels.new)}`,
    );
    expect(texts).toContain(
      `• ${de.digestLoopWaitingIdea('Ein Drucker pro Flur genügt', 30, de.ideaStatusLabels.new)}`,
    );
    expect(texts.some((t) => /^• Anonyme Kritik \d – neu seit 30 Tagen$/.test(t))).toBe(true);
    const all = texts.join('\n');
    // the overdue one is marked in colour too.
    expect(JSON.stringify(personalCard(leader))).toContain(
      `"text":"${de.digestLoopOverdue}","weight":"Bolder","size":"Small","color":"Attention"`,
    );
    for (const absent of [
      'Portal ausschreiben',
      'Stühle bestellen',
      'Wartemarken per SMS',
      'Pflanzen für den Flur',
      'Nur drei Stimmen',
      'Neue Stühle',
    ])
      expect(all).not.toContain(absent);
  });
});

describe('a vote over ideas of several prompts, from the digest', () => {
  test('from the digest: ideas of a closed anonymous prompt (above the text threshold) make the vote anonymous', async () => {
    await h.personalMessage('überblick', leader);
    const digest = personalCard(leader);
    // which anonymous ideas the digest lists depends on their keys (never on time): take the first one offered.
    const offered = interactive(digest).find((i) => i.type === 'Input.ChoiceSet' && String(i.id).endsWith('ideas')) as {
      choices: { title: string }[];
    };
    const anonymous = offered.choices.map((c) => c.title).find((t) => t.startsWith('Anonyme Kritik')) ?? 'none offered';
    const data = teamVote(digest, [anonymous, 'Ein Drucker pro Flur genügt'], '1');
    const before = h.connector.delivered.length;
    invokeCard(await h.invoke(VERBS.followUpPollTeam, data, leader, { personal: true }));
    const [post] = newPosts(before);
    const poll = await h.storage.items.latestOpenInConversation(post!.conversationId);
    expect(poll).toMatchObject({ pollKind: 'single', anonymous: true, channelId: TEAM.id });
    expect([...poll!.options].sort()).toEqual([anonymous, 'Ein Drucker pro Flur genügt']);
  });

  test('refuses employees, ideas of another team, decided ideas, anonymous ideas below the threshold and a single idea', async () => {
    const drucker = (await ideaNamed('Ein Drucker pro Flur genügt')).ideaId;
    const raum = (await ideaNamed('Ein zweiter Besprechungsraum')).ideaId;
    const sms = (await ideaNamed('Wartemarken per SMS')).ideaId;
    const stuehle = (await ideaNamed('Neue Stühle')).ideaId;
    const small = (await h.storage.ideas.ofItem(anonymousSmall))[0]!.ideaId;
    const ask = async (who: Person, ideaIds: string[], picks = '1') =>
      cardTexts(
        invokeCard(
          await h.invoke(
            VERBS.followUpPollTeam,
            { teamId: TEAM.id, input: 'f0', f0ideas: ideaIds.join(','), f0picks: picks },
            who,
            { personal: true },
          ),
        ),
      );
    const before = h.connector.delivered.length;
    expect(await ask(anna, [drucker, raum])).toContain(de.errFollowUpNotManager);
    expect(await ask(otherLeader, [drucker, raum])).toContain(de.errFollowUpNotManager);
    expect(await ask(leader, [drucker, stuehle])).toContain(de.errFollowUpIdeaGone);
    expect(await ask(leader, [drucker, small])).toContain(de.errFollowUpIdeaGone);
    expect(await ask(leader, [drucker, sms])).toContain(de.errFollowUpIdeaDecided);
    expect(await ask(leader, [drucker])).toContain(de.errFollowUpPickIdeas);
    expect(await ask(leader, [drucker, raum], '3')).toContain(de.errFollowUpTeamMaxPicks);
    expect(newPosts(before)).toEqual([]);
    expect(promptA).toBeDefined();
  });
});

describe('export of everything said in a date range', () => {
  let adhocPoll: string;
  test('ad-hoc polls (named and anonymous) are answered and closed', async () => {
    clock = new Date(T1.getTime() - 2 * DAY);
    const named = await postItem(h, 'umfrage Wann ist der Teamtag? | Montag | Freitag');
    adhocPoll = named.item.id;
    for (const [who, choice] of [
      [anna, 0],
      [jonas, 1],
      [leyla, 1],
    ] as const)
      await h.invoke(VERBS.vote, { itemId: named.item.id, choice }, who);
    const anonymous = await postItem(h, 'umfrage --anonym Fühlst du dich informiert? | ja | nein');
    for (const who of [anna, jonas]) await h.invoke(VERBS.vote, { itemId: anonymous.item.id, choice: 0 }, who);
    await h.channelMessage('schließen', ADMIN, { conversationId: anonymous.thread });
    const other = await postItem(h, 'umfrage Kaffee oder Tee? | Kaffee | Tee', OTHER_TEAM);
    for (const who of others)
      await h.invoke(VERBS.vote, { itemId: other.item.id, choice: 0 }, who, { team: OTHER_TEAM });
    clock = T1;
  });

  /** asks for the range on the export card as `who` and downloads the file behind the link. */
  async function rangeRows(who: Person, from = '2026-01-01', to = '2026-02-04'): Promise<string[]> {
    await h.personalMessage('export', who);
    const form = personalCard(who);
    expect(
      interactive(form)
        .filter((i) => i.type === 'Input.Date')
        .map((i) => i.value),
    ).toEqual(['2025-11-04', '2026-02-04']);
    const card = invokeCard(await h.invoke(VERBS.exportRange, { from, to }, who, { personal: true }));
    const open = interactive(card).find((a) => a.type === 'Action.OpenUrl') as { url: string } | undefined;
    if (!open) throw new Error(cardTexts(card).join(' | '));
    const res = await fetch(open.url);
    expect(res.status).toBe(200);
    const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    return text.slice(1).split('\r\n');
  }

  test('an admin gets the ad-hoc polls, the prompts’ ideas, `idee` ideas and measures of the range, with the thresholds kept', async () => {
    const rows = await rangeRows(ADMIN);
    expect(rows[0]).toBe(de.csvRangeHeader.join(';'));
    expect(rows).toContain(
      `2026-02-02;${TEAM.name};Wann ist der Teamtag?;${de.csvKinds.single};nein;3;Freitag;2;66,7;;;;;;;`,
    );
    // the anonymous poll with 2 answers: no figures.
    expect(rows).toContain(
      `2026-02-02;${TEAM.name};Fühlst du dich informiert?;${de.csvKinds.single};ja;2;;;;;;;;;;${de.csvBelowThreshold(3)}`,
    );
    expect(rows).toContain(
      `2026-01-05;${TEAM.name};Was sollen wir besser machen?;${de.csvKinds.idea};nein;2;Termine online buchbar machen;0;;;${de.ideaStatusLabels.new};0;${anna.name};;;`,
    );
    expect(rows).toContain(
      `2026-01-05;${TEAM.name};;${de.csvKindChatIdea};nein;;Ein Drucker pro Flur genügt;0;;;${de.ideaStatusLabels.new};0;${paul.name};;;`,
    );
    expect(rows).toContain(
      `2026-01-05;${TEAM.name};Express-Schalter;${de.csvKindMeasure};;;;;;;${de.measureStatusLabels.done};;;${leyla.name};2026-03-31;Läuft seit heute`,
    );
    // anonymous ideas above the text threshold, never with a name; the prompt below it: no texts.
    expect(
      rows
        .filter((r) => r.includes('Anonyme Kritik'))
        .every((r) => !r.includes(anna.name) && !r.includes(jonas.name) && !r.includes(leyla.name)),
    ).toBe(true);
    expect(rows.some((r) => r.includes('Nur drei Stimmen'))).toBe(false);
    expect(rows).toContain(
      `2026-01-05;${TEAM.name};Was noch?;${de.csvKinds.idea};ja;3;;;;;;;;;;${de.csvBelowThreshold(3)}`,
    );
    expect(rows.some((r) => r.includes('Kaffee oder Tee?'))).toBe(true);
    expect(adhocPoll).toBeDefined();
  });

  test('a leader’s export holds only their teams', async () => {
    const rows = (await rangeRows(leader)).join('\n');
    expect(rows).toContain('Wann ist der Teamtag?');
    expect(rows).not.toContain('Kaffee oder Tee?');
    expect(rows).not.toContain('Neue Stühle');
    expect(rows).not.toContain('Stühle bestellen');
    expect(rows).not.toContain(OTHER_TEAM.name);
  });

  test('a range whose end is before its start comes back with the message under the field, and employees may not export', async () => {
    const card = invokeCard(
      await h.invoke(VERBS.exportRange, { from: '2026-02-01', to: '2026-01-01' }, leader, { personal: true }),
    );
    expect(cardTexts(card)).toContain(de.errExportRangeOrder);
    expect(interactive(card).some((a) => a.type === 'Action.OpenUrl')).toBe(false);
    expect(
      cardTexts(
        invokeCard(
          await h.invoke(VERBS.exportRange, { from: '2026-01-01', to: '2026-01-31' }, anna, { personal: true }),
        ),
      ),
    ).toContain(de.errExportNotAllowed);
  });

  test('links made before range exports existed still name a campaign export', () => {
    expect(exportRequestSchema.safeParse({ campaignId: 'puls', personId: 'aad-1', locale: 'de' })).toMatchObject({
      success: true,
      data: { campaignId: 'puls' },
    });
    expect(
      exportRequestSchema.safeParse({
        kind: 'range',
        from: '2026-01-01',
        to: '2026-01-31',
        personId: 'aad-1',
        locale: 'en',
      }).success,
    ).toBe(true);
  });
});
