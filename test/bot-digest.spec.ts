import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VERBS } from '../core/card-actions';
import type { Item } from '../core/items';
import { formatDateTime } from '../core/locale';
import { messages } from '../core/messages';
import { ADMIN, OTHER_TEAM, people, startBotHarness, TEAM, type BotHarness, type Person } from './support/bot-harness';
import type { RosterMember } from './support/teams-connector';
import { recordOf } from './support/sample-items';
import { cardTexts, interactive } from './support/card-nodes';
import { invokeCard } from './support/turn-helpers';

const de = messages('de');
const TZ = 'Europe/Berlin';
const W48 = '2026-W48';

/** Anna leads both teams; Bernd is named in the organisation file; Person 0–18 are Team Digitalisierung's other members. */
const ANNA: Person = { id: '29:anna', aadObjectId: 'aad-anna', name: 'Anna Becker' };
const BERND: Person = { id: '29:bernd', aadObjectId: 'aad-bernd', name: 'Bernd Vogel' };
const staff = people(19);
const others = Array.from({ length: 6 }, (_, i) => ({
  id: `29:other-${i}`,
  aadObjectId: `aad-other-${i}`,
  name: `Kollegin ${i}`,
}));
const roster = (p: Person, upn?: string): RosterMember => ({
  id: p.id,
  aadObjectId: p.aadObjectId,
  name: p.name,
  ...(upn && { userPrincipalName: upn }),
});
const members = {
  // 20 members: 12 taking part is shown exactly.
  [TEAM.id]: [roster(ANNA, 'anna.becker@amt.example'), ...staff.map((p) => roster(p))],
  // 8 members: 7 taking part may only be shown as a range.
  [OTHER_TEAM.id]: [
    roster(ANNA, 'anna.becker@amt.example'),
    roster(BERND, 'bernd.vogel@amt.example'),
    ...others.map((p) => roster(p)),
  ],
};

let clock = new Date('2026-11-25T10:00:00Z'); // Wednesday of 2026-W48
const now = () => clock;
let h: BotHarness;
let dir: string;
let orgFile: string;

const orgYaml = [
  'teams:',
  '  - team: Team Leistung',
  '    leaders: [bernd.vogel@amt.example]',
  '  - team: Team Unbekannt',
  '    leaders: [wer@amt.example]',
  '  - team: Team Digitalisierung',
  '    leaders: [niemand@amt.example]',
].join('\n');

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mitwirken-digest-'));
  orgFile = path.join(dir, 'org.yml');
  writeFileSync(orgFile, orgYaml);
  h = await startBotHarness({ ORG_FILE: orgFile, CAMPAIGNS_DIR: path.join(dir, 'campaigns') }, { members }, { now });
  await h.installInTeam(TEAM);
  await h.installInTeam(OTHER_TEAM);
  // the admin has the bot in their personal chat, so the leader list can name them.
  await h.installInPersonalChat(ADMIN);
});

afterAll(async () => {
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
});

const lastText = () => h.connector.texts().at(-1);
const lastCard = () => h.connector.cards().at(-1);
const leaderIds = async (teamId: string) => (await h.storage.roles.leadersOf(teamId)).map((g) => g.personId).sort();

describe('leaders', () => {
  test('an admin makes a team member a leader in a team channel; the grant names who assigned it and is audited', async () => {
    await h.channelMessage('leitung hinzufügen Anna Becker', ADMIN, { team: OTHER_TEAM });
    expect(lastText()).toBe(de.leaderAssigned(ANNA.name, OTHER_TEAM.name));
    expect(await h.storage.roles.leadersOf(OTHER_TEAM.id)).toEqual([
      expect.objectContaining({
        personId: ANNA.aadObjectId,
        grantedBy: ADMIN.aadObjectId,
        name: ANNA.name,
        upn: 'anna.becker@amt.example',
      }),
      // Bernd came from the organisation file when the team installed.
      expect.objectContaining({ personId: BERND.aadObjectId, grantedBy: 'file:org.yml' }),
    ]);
    expect((await h.storage.audit.recent(10, clock)).map((e) => e.action)).toContain('leader.assign');
  });

  test('in the personal chat a person in two teams gets a card to pick team and person; only a member of the picked team is assigned', async () => {
    await h.personalMessage('leitung hinzufügen anna');
    const picker = lastCard();
    const choices = interactive(picker).filter((i) => i.type === 'Input.ChoiceSet');
    expect(choices.map((c) => (c.choices as { title: string }[]).map((x) => x.title))).toEqual([
      [TEAM.name, OTHER_TEAM.name],
      ['Anna Becker (anna.becker@amt.example)'],
    ]);

    // Bernd is not a member of Team Digitalisierung: refused on the card, nothing stored.
    const refused = invokeCard(
      await h.invoke(VERBS.leaderPick, { op: 'add', teamId: TEAM.id, memberId: BERND.aadObjectId }, ADMIN, {
        personal: true,
      }),
    );
    expect(cardTexts(refused)).toContain(de.errPersonNotInTeam(BERND.aadObjectId, TEAM.name));
    const assigned = invokeCard(
      await h.invoke(VERBS.leaderPick, { op: 'add', teamId: TEAM.id, memberId: ANNA.aadObjectId }, ADMIN, {
        personal: true,
      }),
    );
    expect(cardTexts(assigned)).toContain(de.leaderAssigned(ANNA.name, TEAM.name));
    expect(await leaderIds(TEAM.id)).toEqual([ANNA.aadObjectId]);
  });

  test('the picker refuses people who are not admins and payloads without a choice, storing nothing', async () => {
    const [employee] = staff as [Person];
    const notAdmin = invokeCard(
      await h.invoke(VERBS.leaderPick, { op: 'add', teamId: TEAM.id, memberId: employee.aadObjectId }, employee, {
        personal: true,
      }),
    );
    expect(cardTexts(notAdmin)).toContain(de.errNotAdmin);
    const empty = invokeCard(
      await h.invoke(VERBS.leaderPick, { op: 'add', teamId: TEAM.id, memberId: '' }, ADMIN, { personal: true }),
    );
    expect(cardTexts(empty)).toContain(de.errLeaderPickMissing);
    const bad = invokeCard(
      await h.invoke(VERBS.leaderPick, { op: 'promote', teamId: TEAM.id, memberId: employee.aadObjectId }, ADMIN, {
        personal: true,
      }),
    );
    expect(cardTexts(bad)).toContain(de.errInvalidPayload);
    expect(await leaderIds(TEAM.id)).toEqual([ANNA.aadObjectId]);
    await h.personalMessage('leitung hinzufügen Anna Becker', employee);
    expect(lastText()).toBe(de.errNotAdmin);
  });

  test('a named team that does not exist, or a person outside the team, is refused with a clear message', async () => {
    await h.personalMessage('leitung hinzufügen Anna für Team Nirgendwo');
    expect(lastText()).toBe(de.errTeamNotFound('Team Nirgendwo', `${TEAM.name}, ${OTHER_TEAM.name}`));
    await h.personalMessage('add leader Bernd to Team Digitalisierung', ADMIN, 'en-US');
    expect(lastText()).toBe(messages('en').errPersonNotInTeam('Bernd', TEAM.name));
  });

  test('"kampagnen laden" loads the organisation file and reports the entries it could not resolve', async () => {
    await h.personalMessage('kampagnen laden');
    const report = h.connector.texts().at(-1) ?? '';
    // the file's grant was made when the team installed; the reload finds nothing new.
    expect(report).toContain(de.orgFileLoaded('org.yml', 1, 0, 0));
    expect(report).toContain(de.orgFileUnresolved(2));
    expect(report).toContain("team 'Team Unbekannt': no installed team has this name or id");
    expect(report).toContain("leader 'niemand@amt.example' is not a member of the team");
    expect(await h.storage.roles.leadersOf(OTHER_TEAM.id)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          personId: BERND.aadObjectId,
          grantedBy: 'file:org.yml',
          upn: 'bernd.vogel@amt.example',
        }),
      ]),
    );
  });

  test('a broken organisation file is reported with its line and changes nothing', async () => {
    writeFileSync(orgFile, 'teams:\n  - team: Team Leistung\n    leaders: [bernd.vogel@amt.example\n');
    await h.personalMessage('kampagnen laden');
    const report = h.connector.texts().at(-1) ?? '';
    expect(report).toContain(de.orgFileRejected('org.yml', 1));
    expect(report).toMatch(/org\.yml:\d+ YAML syntax error/);
    expect(await leaderIds(OTHER_TEAM.id)).toEqual([ANNA.aadObjectId, BERND.aadObjectId]);
    writeFileSync(orgFile, orgYaml);
  });

  test('removing a leader who came from the file says the file would bring them back', async () => {
    await h.personalMessage('leitung entfernen Bernd');
    expect(lastText()).toBe(`${de.leaderRemoved(BERND.name, OTHER_TEAM.name)} ${de.leaderRemovedFromFile('org.yml')}`);
    expect(await leaderIds(OTHER_TEAM.id)).toEqual([ANNA.aadObjectId]);
    await h.personalMessage('kampagnen laden');
    expect(await leaderIds(OTHER_TEAM.id)).toEqual([ANNA.aadObjectId, BERND.aadObjectId]);
  });

  test('"leitungen" lists every team with its leaders and who assigned them', async () => {
    await h.personalMessage('leitungen');
    const texts = cardTexts(lastCard()).join('\n');
    expect(texts).toContain(de.leadersLine(ANNA.name, ADMIN.name, '25.11.2026'));
    expect(texts).toContain(de.leadersLine(BERND.name, de.leadersByFile('org.yml'), '25.11.2026'));
    expect(texts).toContain(`**${TEAM.name}**`);
  });
});

describe('the weekly digest', () => {
  const at = (iso: string) => new Date(iso);
  const who = (p: Person) => ({ aadObjectId: p.aadObjectId, name: p.name });
  const staffAt = (i: number) => staff[i] as Person;
  const seeded: Record<string, Item> = {};

  async function item(key: string, over: Partial<Item> & Pick<Item, 'question' | 'createdAt'>): Promise<Item> {
    const created: Item = {
      id: randomUUID(),
      teamId: TEAM.id,
      channelId: TEAM.id,
      kind: 'poll',
      pollKind: 'single',
      options: [],
      anonymous: false,
      status: 'open',
      createdBy: ADMIN.aadObjectId,
      locale: 'de',
      ...over,
    };
    await h.storage.items.create(created);
    seeded[key] = created;
    return created;
  }

  beforeAll(async () => {
    const { storage } = h;
    // a named poll of the week: 6 votes, closed on Thursday.
    const poll = await item('poll', {
      question: 'Wie zufrieden bist du mit der Teamkommunikation?',
      options: ['sehr', 'eher', 'kaum'],
      createdAt: at('2026-11-23T08:00:00Z'),
    });
    for (const [i, choice] of [0, 0, 0, 1, 1, 2].entries())
      await storage.responses.castVote(poll, who(staffAt(i)), [choice], at('2026-11-23T09:00:00Z'));
    await storage.items.close(poll.id, at('2026-11-26T16:00:00Z'));
    // an anonymous poll with only 3 answers, closed on Friday: no result.
    const anonymous = await item('anonymous', {
      question: 'Fühlst du dich gut informiert?',
      options: ['ja', 'nein'],
      anonymous: true,
      createdAt: at('2026-11-24T08:00:00Z'),
    });
    for (const i of [6, 7, 8])
      await storage.responses.castVote(anonymous, who(staffAt(i)), [0], at('2026-11-24T09:00:00Z'));
    await storage.items.close(anonymous.id, at('2026-11-27T16:00:00Z'));
    // posted the week before, closed on Monday of this week: its result belongs in this digest.
    const breakfast = await item('breakfast', {
      question: 'Welcher Tag für das Teamfrühstück?',
      options: ['Montag', 'Freitag'],
      createdAt: at('2026-11-18T08:00:00Z'),
    });
    for (const [i, choice] of [0, 0, 0, 0, 1].entries())
      await storage.responses.castVote(breakfast, who(staffAt(i)), [choice], at('2026-11-18T09:00:00Z'));
    await storage.items.close(breakfast.id, at('2026-11-23T10:00:00Z'));
    // posted three weeks before and closed on Tuesday of this week: found by the week it closed in.
    const longRunning = await item('longRunning', {
      question: 'Soll die Sprechstunde dienstags bleiben?',
      options: ['ja', 'nein'],
      createdAt: at('2026-11-02T08:00:00Z'),
    });
    for (const i of [0, 1, 2, 3, 4])
      await storage.responses.castVote(longRunning, who(staffAt(i)), [1], at('2026-11-03T09:00:00Z'));
    await storage.items.close(longRunning.id, at('2026-11-24T10:00:00Z'));
    // closed the week before: not in this digest.
    const old = await item('old', {
      question: 'Alte Frage aus KW 47?',
      options: ['a', 'b'],
      createdAt: at('2026-11-16T08:00:00Z'),
    });
    await storage.items.close(old.id, at('2026-11-20T10:00:00Z'));
    // an open idea prompt with three named ideas.
    const prompt = await item('prompt', {
      kind: 'idea',
      pollKind: undefined,
      question: 'Was würde unsere Zusammenarbeit verbessern?',
      createdAt: at('2026-11-24T08:00:00Z'),
      closesAt: at('2026-12-02T10:00:00Z'),
    });
    const ideas = [];
    for (const [i, text] of ['Gleitzeit ausweiten', 'Mehr Homeoffice', 'Eine bessere Kaffeemaschine'].entries()) {
      ideas.push(
        recordOf(
          await storage.responses.submitIdea(
            prompt,
            who(staffAt(i + 1)),
            text,
            `seed-${i}`,
            at(`2026-11-24T1${i}:00:00Z`),
          ),
        ),
      );
    }
    for (const i of [2, 3, 4])
      await storage.ideas.support(ideas[0]!.ideaId, staffAt(i).aadObjectId, true, at('2026-11-25T09:00:00Z'));
    await storage.ideas.support(ideas[1]!.ideaId, staffAt(5).aadObjectId, true, at('2026-11-25T09:00:00Z'));
    await storage.ideas.volunteer(
      ideas[0]!.ideaId,
      { id: staffAt(5).aadObjectId, name: staffAt(5).name },
      true,
      at('2026-11-25T09:00:00Z'),
    );
    // participation: 12 of 20 this week (Person 0–11), 10 the week before (Person 0–9); Team Leistung 7 of 8.
    for (let i = 0; i < 12; i++)
      await storage.weeklyParticipation.recordNamed(TEAM.id, staffAt(i).aadObjectId, at('2026-11-25T12:00:00Z'));
    for (let i = 0; i < 10; i++)
      await storage.weeklyParticipation.recordNamed(TEAM.id, staffAt(i).aadObjectId, at('2026-11-19T12:00:00Z'));
    for (const p of [BERND, ...others])
      await storage.weeklyParticipation.recordNamed(OTHER_TEAM.id, p.aadObjectId, at('2026-11-25T12:00:00Z'));
  });

  /** weekly digest cards delivered so far (interim ones left out). */
  const digestCards = (week: number) =>
    h.connector
      .cards()
      .filter((c) => cardTexts(c).includes(de.digestTitle(week)) && !cardTexts(c).includes(de.digestInterim));

  test('"überblick" gives a leader the running week so far, marked as interim, and records no weekly digest', async () => {
    clock = new Date('2026-11-27T12:00:00Z');
    await h.personalMessage('überblick', ANNA);
    const texts = cardTexts(lastCard());
    expect(texts).toEqual(
      expect.arrayContaining([de.digestTitle(48), de.digestInterim, de.digestParticipation('12', '20', '60')]),
    );
    expect(await h.storage.digestLedger.status(ANNA.aadObjectId, W48)).toBeUndefined();
  });

  test('someone who leads no team is told so, and the interim digest is refused outside the personal chat', async () => {
    const employee = staffAt(0);
    await h.personalMessage('überblick', employee);
    expect(lastText()).toBe(de.errNotLeader);
    await h.personalMessage('digest', employee, 'en-US');
    expect(lastText()).toBe(messages('en').errNotLeader);
    await h.channelMessage('überblick', ANNA);
    expect(lastText()).toBe(de.errPersonalChatOnly);
  });

  test('sends each leader exactly one digest for the week, with two bot instances ticking on one storage', async () => {
    // a leader Teams does not list in any roster cannot be reached: recorded as skipped with the reason.
    await h.storage.roles.assignLeader({
      teamId: TEAM.id,
      personId: 'aad-ghost',
      name: 'Gerd Geist',
      grantedBy: ADMIN.aadObjectId,
      at: clock,
    });
    const second = await startBotHarness(
      { ORG_FILE: orgFile, CAMPAIGNS_DIR: path.join(dir, 'campaigns') },
      {},
      { now, shareWith: h },
    );
    try {
      clock = new Date('2026-11-30T06:59:00Z'); // Monday 07:59 in Berlin: not due yet
      const early = await Promise.all([h.app.digestScheduler.tick(), second.app.digestScheduler.tick()]);
      expect(early.filter((r) => r.leader)).toHaveLength(1);
      expect(early.map((r) => r.week)).toEqual([undefined, undefined]);
      expect(digestCards(48)).toHaveLength(0);

      clock = new Date('2026-11-30T07:05:00Z');
      const due = await Promise.all([h.app.digestScheduler.tick(), second.app.digestScheduler.tick()]);
      expect(due.filter((r) => r.leader).map((r) => r.week)).toEqual([W48]);
      // the lease moves to the other instance once it expires; it finds every digest recorded.
      for (const minutes of [1, 3, 6, 9]) {
        clock = new Date(Date.parse('2026-11-30T07:05:00Z') + minutes * 60_000);
        await Promise.all([second.app.digestScheduler.tick(), h.app.digestScheduler.tick()]);
      }
    } finally {
      await second.stop();
    }
    expect(digestCards(48)).toHaveLength(2);
    const opened = h.connector.calls.filter(
      (c) => c.method === 'POST' && c.path === '/v3/conversations' && c.body.isGroup === false,
    );
    expect(opened.map((c) => (c.body.members as { id: string }[])[0]?.id).sort()).toEqual([ANNA.id, BERND.id]);
    expect(await h.storage.digestLedger.status(ANNA.aadObjectId, W48)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await h.storage.digestLedger.status(BERND.aadObjectId, W48)).toMatchObject({ status: 'sent' });
    expect((await h.storage.digestLedger.status('aad-ghost', W48))?.status).toBe('skipped');
    expect((await h.storage.digestLedger.status('aad-ghost', W48))?.reason).toMatch(/no personal chat/);
    // the opened chat is kept for the next digests.
    expect((await h.storage.installations.getPerson(ANNA.aadObjectId))?.reference.conversation.id).toMatch(
      /^a:personal-/,
    );
  });

  test('the digest shows participation within the thresholds, top ideas, closed poll results and open items', async () => {
    const chat = (await h.storage.installations.getPerson(ANNA.aadObjectId))?.reference.conversation.id;
    const delivered = h.connector.delivered.find(
      (d) => d.conversationId === chat && cardTexts(d.activity).includes(de.digestTitle(48)),
    );
    const texts = cardTexts(delivered?.activity);
    const all = texts.join('\n');
    // Team Digitalisierung: 12 of 20 exactly, +10 points against 10 of 20; Team Leistung: 7 of 8 only as a range.
    expect(texts).toEqual(
      expect.arrayContaining([
        de.digestParticipation('12', '20', '60'),
        de.digestChangePoints('+10'),
        de.digestParticipationRange('5', '7', '8'),
      ]),
    );
    expect(all).not.toMatch(/Beteiligung: 7 von 8|88 %/);
    // top ideas by support, with the volunteer's name.
    const ideaOrder = ['Gleitzeit ausweiten', 'Mehr Homeoffice', 'Eine bessere Kaffeemaschine'].map((t) =>
      texts.indexOf(t),
    );
    expect(ideaOrder.every((i) => i >= 0)).toBe(true);
    expect([...ideaOrder].sort((a, b) => a - b)).toEqual(ideaOrder);
    expect(all).toContain(staffAt(5).name);
    expect(texts).toContain(`${de.digestNewIdeas(3)} · ${de.digestTopIdeas}`);
    // the named poll, the one posted last week and the one posted three weeks before show results; the anonymous one with 3 answers does not; last week's closing is absent.
    expect(texts).toEqual(
      expect.arrayContaining([
        seeded.poll!.question,
        seeded.breakfast!.question,
        seeded.anonymous!.question,
        de.digestNoResult(5),
        '3 · 50 %',
        '4 · 80 %',
      ]),
    );
    expect(texts).toEqual(expect.arrayContaining([seeded.longRunning!.question, '5 · 100 %']));
    expect(all).not.toContain(seeded.old!.question);
    // the open idea prompt with its closing time.
    expect(texts).toContain(
      `• ${de.digestClosesAt(seeded.prompt!.question, formatDateTime('de', seeded.prompt!.closesAt!, TZ))}`,
    );
    // status buttons for leaders use the idea verb.
    expect(interactive(delivered?.activity).some((a) => a.verb === VERBS.ideaStatus)).toBe(true);
  });

  test('a digest whose sender crashed between claim and send is resumed by the next instance, once', async () => {
    const carla = staffAt(12);
    const crashedAt = new Date('2026-11-30T07:20:00Z');
    await h.storage.digestLedger.claim(carla.aadObjectId, W48, 'crashed-instance', crashedAt);
    await h.storage.roles.assignLeader({
      teamId: TEAM.id,
      personId: carla.aadObjectId,
      name: carla.name,
      grantedBy: ADMIN.aadObjectId,
      at: crashedAt,
    });
    const before = digestCards(48).length;

    clock = new Date(crashedAt.getTime() + 60_000); // too early: the sender may still be at work
    expect(await h.app.digestScheduler.tick()).toMatchObject({ leader: true, sent: 0, resumed: 0 });
    expect(digestCards(48)).toHaveLength(before);

    clock = new Date(crashedAt.getTime() + 6 * 60_000);
    expect(await h.app.digestScheduler.tick()).toMatchObject({ leader: true, sent: 1, resumed: 1 });
    expect(await h.app.digestScheduler.tick()).toMatchObject({ sent: 0, resumed: 0 });
    expect(digestCards(48)).toHaveLength(before + 1);
    expect(await h.storage.digestLedger.status(carla.aadObjectId, W48)).toMatchObject({ status: 'sent', attempts: 2 });
  });
});
