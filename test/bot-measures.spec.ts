import { VERBS } from '../core/card-actions';
import type { IdeaRecord } from '../core/ideas/idea-record';
import type { Measure } from '../core/measures/measure';
import { formatDay } from '../core/measures/measure-board';
import { messages } from '../core/messages';
import { FORMER_EMPLOYEE } from '../core/texts/privacy';
import {
  ADMIN,
  OTHER_TEAM,
  TEAM,
  rosterOf,
  startBotHarness,
  type BotHarness,
  type Person,
  type TeamChannel,
} from './support/bot-harness';
import { deliveredCard, invokeCard, type PostedItem } from './support/turn-helpers';
import { cardTexts, interactive } from './support/card-nodes';

const de = messages('de');
const person = (n: number, name: string): Person => ({ id: `29:mass-${n}`, aadObjectId: `aad-mass-${n}`, name });
const author = person(0, 'Anna Becker');
const leader = person(1, 'Lea Neumann');
const owner = person(2, 'Olaf Ortmann');
const member = person(3, 'Mia Mitglied');
const supporter = person(4, 'Sven Stütze');
const outsider = person(5, 'Otto Fremd');
const anon = [person(6, 'Ada Anonym'), person(7, 'Ben Anonym'), person(8, 'Cem Anonym')];
const insider = person(9, 'Ina Innen');
const otherLeader = person(10, 'Kai Andersteam');
const eraseMe = person(11, 'Erna Eraser');
const PRIVATE: TeamChannel = { id: '19:massnahmen-vertraulich@thread.tacv2', name: 'Vertraulich', type: 'private' };

/** the harness's clock, moved by tests. */
let clock = new Date('2026-11-02T09:00:00Z');
let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness(
    { MIN_GROUP_SIZE: '3', MIN_GROUP_SIZE_TEXT: '3' },
    {
      members: {
        [TEAM.id]: rosterOf([ADMIN, author, leader, owner, member, supporter, ...anon, insider, eraseMe]),
        [OTHER_TEAM.id]: rosterOf([outsider, otherLeader]),
        [PRIVATE.id]: rosterOf([ADMIN, insider, leader]),
      },
      channels: { [TEAM.id]: [{ id: TEAM.id }, PRIVATE] },
    },
    { now: () => clock },
  );
  await h.installInTeam(TEAM);
  await h.installInTeam(OTHER_TEAM);
  await channelEvent('channelCreated', PRIVATE);
  for (const p of [author, supporter, owner]) await h.installInPersonalChat(p);
  await h.storage.roles.assignLeader({
    teamId: TEAM.id,
    personId: leader.aadObjectId,
    name: leader.name,
    grantedBy: ADMIN.aadObjectId,
    at: clock,
  });
  await h.storage.roles.assignLeader({
    teamId: OTHER_TEAM.id,
    personId: otherLeader.aadObjectId,
    name: otherLeader.name,
    grantedBy: ADMIN.aadObjectId,
    at: clock,
  });
});
afterAll(async () => {
  await h.stop();
});

const channelEvent = (eventType: string, channel: TeamChannel) =>
  h.conversationUpdate({ eventType, team: { id: TEAM.id, name: TEAM.name }, channel }, { conversationId: channel.id });

/** an admin posts an item (in General unless a channel is given). */
async function post(command: string, channel?: TeamChannel, team = TEAM): Promise<PostedItem> {
  const before = h.connector.delivered.length;
  await h.channelMessage(command, ADMIN, { team, ...(channel ? { channel } : {}) });
  const created = h.connector.delivered.slice(before).find((d) => d.kind === 'create');
  if (!created) throw new Error(`no post for ${command}`);
  const item = await h.storage.items.latestOpenInConversation(created.conversationId);
  if (!item) throw new Error('item not stored');
  return { item, thread: created.conversationId, activityId: created.activityId };
}

async function submit(
  p: PostedItem,
  who: Person,
  text: string,
  channel?: TeamChannel,
  team = TEAM,
): Promise<IdeaRecord> {
  invokeCard(
    await h.invoke(VERBS.submitIdea, { itemId: p.item.id, ideaText: text }, who, {
      team,
      ...(channel ? { channel } : {}),
    }),
  );
  const idea = (await h.storage.ideas.ofItem(p.item.id)).find((i) => i.text === text);
  if (!idea) throw new Error(`idea "${text}" not stored`);
  return idea;
}

const accept = async (idea: IdeaRecord, who = leader) =>
  invokeCard(await h.invoke(VERBS.ideaStatus, { ideaId: idea.ideaId, status: 'accepted', note: '' }, who));

/** the form as a person sends it. */
const form = (over: Record<string, unknown> = {}) => ({
  teamId: TEAM.id,
  title: 'Fester Rückruftag',
  description: 'Jeden Dienstag rufen wir zurück.',
  ownerId: owner.aadObjectId,
  dueDate: '2026-12-15',
  ideaIds: '',
  group: 'false',
  ...over,
});

async function create(
  over: Record<string, unknown>,
  who = leader,
  options: { channel?: TeamChannel; personal?: boolean } = {},
) {
  return invokeCard(await h.invoke(VERBS.measureCreate, form(over), who, options));
}

const measureTitled = async (title: string, teamId = TEAM.id): Promise<Measure> => {
  const found = (await h.storage.measures.ofTeam(teamId)).find((m) => m.title === title);
  if (!found) throw new Error(`measure "${title}" not stored`);
  return found;
};
const allPersonalTextsSince = (index: number) =>
  h.connector.delivered
    .slice(index)
    .filter((d) => d.conversationId.startsWith('a:personal'))
    .map((d) => String(d.activity.text ?? ''));
/** the newest card the bot sent since a point in the delivery log. */
const cardSince = (index: number) =>
  deliveredCard([...h.connector.delivered.slice(index)].reverse().find((d) => d.activity.attachments));
const statusChange = (m: Measure, status: string, reason = '') => ({
  teamId: m.teamId,
  measureId: m.measureId,
  input: 'k0',
  k0s: status,
  k0r: reason,
});
const note = (m: Measure, text: string) => ({ teamId: m.teamId, measureId: m.measureId, input: 'k0', k0n: text });
/** waits until background notices have gone out. */
const settle = () => new Promise((r) => setTimeout(r, 150));

describe('creating a measure', () => {
  test('a leader accepts an idea, opens the form from the result card and creates a measure with an owner and a date; the author is told in a 1:1 chat', async () => {
    const p = await post('ideenabfrage Was sollen wir verbessern?');
    const idea = await submit(p, author, 'Ein fester Rückruftag pro Woche');
    invokeCard(await h.invoke(VERBS.ideaSupport, { ideaId: idea.ideaId, on: true }, supporter));
    const result = await accept(idea);
    const button = interactive(result).find((a) => a.verb === VERBS.measureForm) as {
      title: string;
      data: Record<string, unknown>;
    };
    expect(button.title).toBe(de.measureNewButton);

    const formCard = invokeCard(await h.invoke(VERBS.measureForm, button.data, leader));
    const inputs = interactive(formCard);
    expect(inputs.find((i) => i.id === 'title')?.value).toBe('Ein fester Rückruftag pro Woche');
    const owners = (inputs.find((i) => i.id === 'ownerId')?.choices as { title: string; value: string }[]).map(
      (c) => c.title,
    );
    expect(owners).toEqual(expect.arrayContaining([owner.name, author.name]));
    expect(owners).not.toContain(outsider.name);
    expect(inputs.find((i) => i.id === 'ideaIds')?.value).toBe(idea.ideaId);
    expect(inputs.find((i) => i.type === 'Input.Date')).toBeDefined();

    const before = h.connector.delivered.length;
    const created = await create({ ideaIds: idea.ideaId });
    await settle();
    const texts = cardTexts(created);
    expect(texts).toContain(de.measureCreated('Fester Rückruftag'));
    expect(texts).toContain(de.measureToldAuthors(1));
    expect(texts).toContain(de.measureToldBackers(1));
    const measure = await measureTitled('Fester Rückruftag');
    expect(measure).toMatchObject({
      teamId: TEAM.id,
      ownerId: owner.aadObjectId,
      ownerName: owner.name,
      dueDate: '2026-12-15',
      status: 'planned',
      ideaIds: [idea.ideaId],
    });
    const told = allPersonalTextsSince(before);
    expect(
      told.some(
        (t) => t.includes(de.measureNoticeYourIdea('Ein fester Rückruftag pro Woche')) && t.includes('meine ideen'),
      ),
    ).toBe(true);
    expect(told.some((t) => t.includes(de.measureNoticeBackedIdea('Ein fester Rückruftag pro Woche')))).toBe(true);
    expect(
      (await h.storage.audit.recent(20, clock)).some(
        (e) => e.action === 'measure.create' && e.target === measure.measureId,
      ),
    ).toBe(true);
  });

  test('"maßnahme neu" in the channel gives a leader the form and tells a member who may create measures', async () => {
    const before = h.connector.delivered.length;
    await h.channelMessage('maßnahme neu', leader);
    expect(cardTexts(cardSince(before))).toContain(de.measureFormTitle);
    const next = h.connector.delivered.length;
    await h.channelMessage('new measure', member);
    expect(h.connector.delivered.slice(next).map((d) => d.activity.text)).toContain(de.errMeasureNotAllowed);
  });

  test('a member who does not lead the team is refused the form and the creation, and nothing is stored', async () => {
    const p = await post('ideenabfrage Noch mehr Ideen?');
    const idea = await submit(p, author, 'Kaffeeküche aufräumen');
    await accept(idea);
    expect(cardTexts(invokeCard(await h.invoke(VERBS.measureForm, { ideaId: idea.ideaId }, member)))).toContain(
      de.errMeasureNotAllowed,
    );
    expect(cardTexts(await create({ title: 'Heimlich angelegt', ideaIds: idea.ideaId }, member))).toContain(
      de.errMeasureNotAllowed,
    );
    expect((await h.storage.measures.ofTeam(TEAM.id)).some((m) => m.title === 'Heimlich angelegt')).toBe(false);
  });

  test('a form without title, with a past date and an owner outside the team comes back with a message at each field and what was typed', async () => {
    const card = await create({
      title: '  ',
      dueDate: '2026-10-01',
      ownerId: outsider.aadObjectId,
      description: 'bleibt stehen',
    });
    const texts = cardTexts(card);
    expect(texts).toEqual(
      expect.arrayContaining([
        de.measureFormCheck,
        de.errMeasureTitle,
        de.errMeasureDatePast,
        de.errMeasureOwnerNotMember,
      ]),
    );
    expect(interactive(card).find((i) => i.id === 'description')?.value).toBe('bleibt stehen');
    const invalid = cardTexts(await create({ title: 'Datum kaputt', dueDate: '2026-02-30' }));
    expect(invalid).toContain(de.errMeasureDate);
    expect((await h.storage.measures.ofTeam(TEAM.id)).some((m) => m.title === 'Datum kaputt' || m.title === '')).toBe(
      false,
    );
  });
});

describe('the life of a measure', () => {
  test('a status that needs a reason is refused without one; with a move to "in Umsetzung" the linked idea follows and its author is told', async () => {
    const measure = await measureTitled('Fester Rückruftag');
    const refused = cardTexts(
      invokeCard(await h.invoke(VERBS.measureStatus, statusChange(measure, 'deferred'), leader)),
    );
    expect(refused).toContain(de.errMeasureReasonMissing);
    expect((await h.storage.measures.get(TEAM.id, measure.measureId))?.status).toBe('planned');

    const before = h.connector.delivered.length;
    const moved = cardTexts(
      invokeCard(await h.invoke(VERBS.measureStatus, statusChange(measure, 'inProgress'), leader)),
    );
    await settle();
    expect(moved).toContain(de.measureStatusChanged('Fester Rückruftag', de.measureStatusLabels.inProgress));
    expect(moved).toContain(de.measureIdeasFollow(1, de.ideaStatusLabels.inProgress));
    expect((await h.storage.ideas.get(measure.ideaIds[0]!))?.status).toBe('inProgress');
    expect(
      allPersonalTextsSince(before).some((t) =>
        t.includes(de.measureNoticeStatus('Fester Rückruftag', de.measureStatusLabels.inProgress)),
      ),
    ).toBe(true);
  });

  test('a member who neither owns nor leads cannot change the status', async () => {
    const measure = await measureTitled('Fester Rückruftag');
    const texts = cardTexts(invokeCard(await h.invoke(VERBS.measureStatus, statusChange(measure, 'done'), member)));
    expect(texts).toContain(de.errMeasureNotAllowed);
    expect((await h.storage.measures.get(TEAM.id, measure.measureId))?.status).toBe('inProgress');
  });

  test('the owner adds a progress note; a random member is refused and the note is not stored', async () => {
    const measure = await measureTitled('Fester Rückruftag');
    const added = cardTexts(
      invokeCard(await h.invoke(VERBS.measureNote, note(measure, 'Pilot läuft in zwei Sachgebieten.'), owner)),
    );
    expect(added).toContain(de.measureNoteAdded);
    expect(added.some((t) => t.includes('Pilot läuft in zwei Sachgebieten.'))).toBe(true);
    const refused = cardTexts(invokeCard(await h.invoke(VERBS.measureNote, note(measure, 'Ich auch!'), member)));
    expect(refused).toContain(de.errMeasureNotAllowed);
    const notes = await h.storage.measures.notes(measure.measureId);
    expect(notes.map((n) => n.text)).toEqual(['Pilot läuft in zwei Sachgebieten.']);
    expect((await h.storage.measures.get(TEAM.id, measure.measureId))?.lastNote).toMatchObject({ byName: owner.name });
  });

  test('a measure from an anonymous and a named idea tells only the named author, and the card says the anonymous author cannot be told', async () => {
    const p = await post('ideenabfrage --anonym Was stört euch?');
    for (const [i, who] of anon.entries())
      invokeCard(await h.invoke(VERBS.submitIdea, { itemId: p.item.id, ideaText: `Anonyme Idee ${i}` }, who));
    await h.channelMessage('schließen', ADMIN, { conversationId: p.thread });
    const hidden = (await h.storage.ideas.ofItem(p.item.id)).find((i) => i.text === 'Anonyme Idee 0')!;
    const named = await submit(await post('ideenabfrage Und sonst?'), author, 'Leiser Drucker');
    await accept(named);
    const before = h.connector.delivered.length;
    const texts = cardTexts(await create({ title: 'Ruhigere Büros', ideaIds: `${hidden.ideaId},${named.ideaId}` }));
    await settle();
    expect(texts).toContain(de.measureAnonymousIdeas(1));
    expect(texts).toContain(de.measureToldAuthors(1));
    expect((await h.storage.ideas.get(hidden.ideaId))?.status).toBe('accepted');
    const told = allPersonalTextsSince(before);
    expect(told.some((t) => t.includes('Leiser Drucker'))).toBe(true);
    expect(told.some((t) => t.includes('Anonyme Idee 0'))).toBe(false);
  });
});

describe('the board', () => {
  test('"maßnahmen" in the channel shows open and recently finished measures with owner, date and latest note, and marks overdue ones', async () => {
    await create({ title: 'Bald fällig', dueDate: '2026-11-10' });
    await create({ title: 'Schon erledigt', dueDate: '2026-11-20' });
    const done = await measureTitled('Schon erledigt');
    invokeCard(await h.invoke(VERBS.measureStatus, statusChange(done, 'done'), leader));
    clock = new Date('2026-11-12T09:00:00Z');
    const before = h.connector.delivered.length;
    await h.channelMessage('maßnahmen', member);
    const texts = cardTexts(cardSince(before));
    expect(texts).toEqual(
      expect.arrayContaining([
        'Bald fällig',
        'Schon erledigt',
        'Fester Rückruftag',
        de.measuresOpenHeading,
        de.measuresRecentHeading(60),
      ]),
    );
    expect(texts).toContain(de.measureOverdue(formatDay('de', '2026-11-10')));
    expect(texts).not.toContain(de.measureOverdue(formatDay('de', '2026-11-20')));
    expect(texts).toContain(
      de.measureMeta(de.measureStatusLabels.inProgress, owner.name, formatDay('de', '2026-12-15')),
    );
    expect(texts.some((t) => t.includes('Pilot läuft in zwei Sachgebieten.'))).toBe(true);

    clock = new Date('2027-01-20T09:00:00Z');
    const later = h.connector.delivered.length;
    await h.channelMessage('measures', member);
    const afterwards = cardTexts(cardSince(later));
    expect(afterwards).not.toContain('Schon erledigt');
    expect(afterwards).toContain('Fester Rückruftag');
    clock = new Date('2026-11-12T09:00:00Z');
  });

  test("in the personal chat a leader sees the team's measures with forms and can filter by status", async () => {
    const before = h.connector.delivered.length;
    await h.personalMessage('maßnahmen', leader);
    const card = cardSince(before);
    expect(cardTexts(card)).toEqual(
      expect.arrayContaining(['Fester Rückruftag', 'Bald fällig', de.measureFilterButton, de.measureChangeStatus]),
    );
    const filterButton = interactive(card).find((a) => a.verb === VERBS.measureBoard) as {
      data?: Record<string, unknown>;
    };
    const filtered = cardTexts(
      invokeCard(
        await h.invoke(VERBS.measureBoard, { ...(filterButton.data ?? {}), filter: 'done' }, leader, {
          personal: true,
        }),
      ),
    );
    expect(filtered).toContain('Schon erledigt');
    expect(filtered).not.toContain('Bald fällig');
    expect(filtered).not.toContain('Fester Rückruftag');
  });

  test('an admin sees the measures of all teams in the personal chat; a leader of one team only theirs', async () => {
    invokeCard(
      await h.invoke(
        VERBS.measureCreate,
        form({ teamId: OTHER_TEAM.id, title: 'Anderes Team plant', ownerId: outsider.aadObjectId }),
        otherLeader,
        { team: OTHER_TEAM },
      ),
    );
    expect(await measureTitled('Anderes Team plant', OTHER_TEAM.id)).toBeDefined();
    const before = h.connector.delivered.length;
    await h.personalMessage('maßnahmen', ADMIN);
    const admin = cardTexts(cardSince(before));
    expect(admin).toEqual(expect.arrayContaining([de.measuresTitleAll, 'Anderes Team plant', 'Fester Rückruftag']));
    const next = h.connector.delivered.length;
    await h.personalMessage('maßnahmen', leader);
    expect(cardTexts(cardSince(next))).not.toContain('Anderes Team plant');
  });

  test("a measure from a private channel's ideas shows only there and to its members, not on the General board", async () => {
    const p = await post('ideenabfrage Was bleibt unter uns?', PRIVATE);
    const idea = await submit(p, insider, 'Vertrauliche Verbesserung', PRIVATE);
    invokeCard(
      await h.invoke(VERBS.ideaStatus, { ideaId: idea.ideaId, status: 'accepted', note: '' }, leader, {
        channel: PRIVATE,
      }),
    );
    await create({ title: 'Vertrauliche Maßnahme', ideaIds: idea.ideaId }, leader, { channel: PRIVATE });
    const measure = await measureTitled('Vertrauliche Maßnahme');
    expect(measure.channelId).toBe(PRIVATE.id);

    const before = h.connector.delivered.length;
    await h.channelMessage('maßnahmen', member);
    expect(cardTexts(cardSince(before))).not.toContain('Vertrauliche Maßnahme');
    const inside = h.connector.delivered.length;
    await h.channelMessage('maßnahmen', insider, { channel: PRIVATE });
    expect(cardTexts(cardSince(inside))).toContain('Vertrauliche Maßnahme');
    const personal = h.connector.delivered.length;
    await h.personalMessage('maßnahmen', member);
    expect(cardTexts(cardSince(personal))).not.toContain('Vertrauliche Maßnahme');
    const probe = cardTexts(
      invokeCard(await h.invoke(VERBS.measureDetails, { teamId: TEAM.id, measureId: measure.measureId }, member)),
    );
    expect(probe).toContain(de.errMeasureNotFound);
    expect(probe).not.toContain('Vertrauliche Maßnahme');
  });

  test('"Details" shows a measure\'s notes to a member of the team', async () => {
    const measure = await measureTitled('Fester Rückruftag');
    const texts = cardTexts(
      invokeCard(
        await h.invoke(VERBS.measureDetails, { teamId: TEAM.id, measureId: measure.measureId }, member, {
          personal: true,
        }),
      ),
    );
    expect(texts).toEqual(expect.arrayContaining([de.measureNotesHeading, 'Fester Rückruftag']));
    expect(texts.some((t) => t.includes('Pilot läuft in zwei Sachgebieten.'))).toBe(true);
    expect(texts).not.toContain(de.measureChangeStatus);
  });
});

describe('personal data', () => {
  test('"meine daten" lists the measures a person owns', async () => {
    const before = h.connector.delivered.length;
    await h.personalMessage('meine daten', owner);
    expect(cardTexts(cardSince(before)).some((t) => t.startsWith('Fester Rückruftag (in Umsetzung'))).toBe(true);
  });

  test("erasure replaces the owner's name on their measures, and the measures stay", async () => {
    await create({ title: 'Von Erna verantwortet', ownerId: eraseMe.aadObjectId });
    const measure = await measureTitled('Von Erna verantwortet');
    invokeCard(await h.invoke(VERBS.measureNote, note(measure, 'Erna war hier.'), eraseMe));
    invokeCard(
      await h.invoke(VERBS.myData, { step: 'eraseConfirm', issuedAt: clock.toISOString() }, eraseMe, {
        personal: true,
      }),
    );
    const after = await h.storage.measures.get(TEAM.id, measure.measureId);
    expect(after).toMatchObject({ title: 'Von Erna verantwortet', ownerName: FORMER_EMPLOYEE, ownerId: '' });
    expect(after?.lastNote?.byName).toBe(FORMER_EMPLOYEE);
    expect((await h.storage.measures.notes(measure.measureId)).map((n) => n.byName)).toEqual([FORMER_EMPLOYEE]);
  });
});
