import { DateTime } from 'luxon';
import { VERBS } from '../core/card-actions';
import { formatDateTime } from '../core/locale';
import { messages } from '../core/messages';
import { ADMIN, people, startBotHarness, type BotHarness, type Person } from './support/bot-harness';
import { cardTexts, interactive } from './support/card-nodes';
import { deliveredCard, invokeCard } from './support/turn-helpers';
import { approvalCard as approvalCardIn, decide as decideOn } from './support/approval-cards';

/**
 * the staff council's own work over real HTTP: a held ad-hoc item keeps its "open until" (shown on the approval card,
 * applied when posted, refused once passed), `freigaben` lists what still waits for a member, the approval button
 * refuses people outside the council and versions that were never sent, and `meine daten` lists the council's records.
 */
const de = messages('de');
const en = messages('en');
const TZ = 'Europe/Berlin';
const staff = people(20);
const employee = staff[0] as Person;
const councilA = staff[10] as Person;
const councilB = staff[11] as Person;
let h: BotHarness;
let clock = new Date();

beforeAll(async () => {
  h = await startBotHarness(
    { APPROVAL_REQUIRED: 'on', APPROVALS_NEEDED: '2', APPROVAL_FOR_ADHOC: 'anonymous' },
    {},
    { now: () => clock },
  );
  await h.installInTeam();
  for (const who of [ADMIN, councilA, councilB, employee]) await h.installInPersonalChat(who);
  await h.personalMessage(`personalrat hinzufügen ${councilA.name}`);
  await h.personalMessage(`personalrat hinzufügen ${councilB.name}`);
});

afterAll(async () => {
  await h.stop();
});

/** the hold id of the held item with this question. */
async function holdOf(question: string): Promise<string> {
  for (const id of await h.storage.approvals.subjects('item')) {
    const [record] = await h.storage.approvals.records('item', id);
    if (record?.request.content.includes(question)) return id;
  }
  throw new Error(`no held item asks ${question}`);
}

const approvalCard = (who: Person, id: string) => approvalCardIn(h, who, id);
const decide = (who: Person, card: unknown, decision: 'approve' | 'changes', comment = '') =>
  decideOn(h, who, card, decision, comment);

/** submits the posting form in General as the admin: an anonymous poll open until `until` (Berlin time). */
async function composeHeld(question: string, until: DateTime): Promise<Date> {
  await h.composeSubmit(
    {
      kind: 'single',
      question,
      options: 'ja\nnein',
      anonymous: 'true',
      closesDate: until.toISODate(),
      closesTime: until.toFormat('HH:mm'),
    },
    ADMIN,
  );
  return until.startOf('minute').toJSDate();
}

const created = (since: number) => h.connector.delivered.slice(since).filter((d) => d.kind === 'create');

/** the messages since `since` in a person's personal chat: texts and card texts. */
const chatSince = (who: Person, since: number) =>
  h.connector.delivered
    .slice(since)
    .filter((d) => d.conversationId === `a:personal-${who.id}`)
    .flatMap((d) => (d.activity.attachments ? cardTexts(deliveredCard(d)) : [d.activity.text ?? '']));

describe('a held ad-hoc item keeps its open-until', () => {
  test('the approval card says until when, and the approved item is posted closing then', async () => {
    const until = DateTime.fromJSDate(clock).setZone(TZ).plus({ days: 2 }).set({ hour: 16, minute: 0 });
    const closesAt = await composeHeld('Wie war die Betriebsversammlung?', until);
    const holdId = await holdOf('Wie war die Betriebsversammlung?');
    expect(cardTexts(approvalCard(councilA, holdId))).toContain(
      de.approvalItemOpenUntil(formatDateTime('de', closesAt, TZ)),
    );

    const before = h.connector.delivered.length;
    await decide(councilA, approvalCard(councilA, holdId), 'approve');
    await decide(councilB, approvalCard(councilB, holdId), 'approve');
    expect(created(before)).toHaveLength(1);
    const post = (await h.storage.audit.recent(50)).find(
      (e) => e.action === 'item.post' && e.details?.approved === holdId,
    );
    const item = await h.storage.items.get(post?.target ?? '');
    expect(item?.closesAt?.toISOString()).toBe(closesAt.toISOString());
    const due = await h.storage.items.dueToClose(new Date(closesAt.getTime() + 1000));
    expect(due.map((d) => d.itemId)).toContain(item?.id);
  });

  test('approved after its open-until, it is not posted: the poster is told and the card says it has passed', async () => {
    const until = DateTime.fromJSDate(clock).setZone(TZ).plus({ days: 1 }).set({ hour: 10, minute: 0 });
    const closesAt = await composeHeld('Soll das Sommerfest stattfinden?', until);
    const holdId = await holdOf('Soll das Sommerfest stattfinden?');
    clock = new Date(closesAt.getTime() + 3 * 86_400_000);
    const when = formatDateTime('de', closesAt, TZ);

    await h.personalMessage('freigaben', councilA);
    const listed = h.connector.cards().at(-1);
    expect(cardTexts(listed)).toContain(de.approvalItemOpenUntilExpired(when));

    const before = h.connector.delivered.length;
    await decide(councilA, listed, 'approve');
    await decide(councilB, approvalCard(councilB, holdId), 'approve');
    expect(created(before)).toEqual([]);
    expect(chatSince(ADMIN, before)).toContain(de.adhocApprovedExpired('Soll das Sommerfest stattfinden?', when));
    expect((await h.storage.audit.recent(50)).some((e) => e.details?.approved === holdId)).toBe(false);
  });
});

describe('freigaben / approvals', () => {
  test('lists what still waits for this member, and says so when nothing does', async () => {
    await h.channelMessage('umfrage --anonym Brauchen wir einen Ruheraum? | ja | nein');
    const holdId = await holdOf('Brauchen wir einen Ruheraum?');

    await h.personalMessage('freigaben', councilA);
    expect(h.connector.texts().at(-1)).toBe(de.approvalsWaiting(1));
    const card = h.connector.cards().at(-1);
    expect(cardTexts(card)).toContain('Brauchen wir einen Ruheraum?');
    expect(interactive(card).some((a) => a.verb === VERBS.approval && (a.data as { id?: string }).id === holdId)).toBe(
      true,
    );
    await decide(councilA, card, 'approve');

    const before = h.connector.delivered.length;
    await h.personalMessage('approvals', councilA, 'en-US');
    expect(h.connector.texts().at(-1)).toBe(en.approvalsNoneWaiting);
    expect(h.connector.delivered.slice(before).filter((d) => d.activity.attachments)).toEqual([]);

    await h.personalMessage('freigaben', councilB);
    expect(h.connector.texts().at(-1)).toBe(de.approvalsWaiting(1));
    expect(cardTexts(h.connector.cards().at(-1))).toContain('Brauchen wir einen Ruheraum?');
  });

  test('an admin outside the council sees what waits, without buttons; others may not ask', async () => {
    await h.personalMessage('freigaben', ADMIN);
    expect(h.connector.texts().at(-1)).toBe(de.approvalsWaitingCouncil(1));
    const card = h.connector.cards().at(-1);
    expect(cardTexts(card)).toContain('Brauchen wir einen Ruheraum?');
    expect(interactive(card).filter((a) => a.verb === VERBS.approval)).toEqual([]);

    await h.personalMessage('freigaben', employee);
    expect(h.connector.texts().at(-1)).toBe(de.errNotAdmin);
  });

  test('the help card names the command for council members', async () => {
    await h.personalMessage('hilfe', councilA);
    expect(cardTexts(h.connector.cards().at(-1)).join('\n')).toContain(de.cmdCouncilApprovals);
  });
});

describe('the approval button', () => {
  test('refuses someone outside the council and a version that was never sent, and records nothing', async () => {
    const holdId = await holdOf('Brauchen wir einen Ruheraum?');
    const button = interactive(approvalCard(councilB, holdId)).find(
      (a) => a.verb === VERBS.approval && (a.data as { decision?: string }).decision === 'changes',
    );
    const data = { ...(button?.data as object), comment: 'Bitte nicht anonym.' };

    const outsider = invokeCard(await h.invoke(VERBS.approval, data, employee, { personal: true }));
    expect(cardTexts(outsider)).toContain(de.errNotCouncil);
    const forged = invokeCard(
      await h.invoke(VERBS.approval, { ...data, version: 'f'.repeat(32) }, councilB, { personal: true }),
    );
    expect(cardTexts(forged)).toContain(de.errApprovalUnknown);
    const [record] = await h.storage.approvals.records('item', holdId);
    expect(record?.decisions.map((d) => d.memberId)).toEqual([councilA.aadObjectId]);

    // the real button still works for a member: a request for changes, with its comment.
    expect(await decide(councilB, approvalCard(councilB, holdId), 'changes', 'Bitte nicht anonym.')).toContain(
      de.approvalYouRequested('Bitte nicht anonym.'),
    );
  });
});

describe('meine daten', () => {
  test('lists a member’s role and decisions with comments, and says the decisions are kept', async () => {
    await h.personalMessage('meine daten', councilB);
    const texts = cardTexts(h.connector.cards().at(-1));
    expect(texts).toContain(de.myDataRoleCouncil);
    expect(texts).toContain(de.myDataCouncil);
    expect(texts.join('\n')).toContain(`${de.myDataItemSubject('Brauchen wir einen Ruheraum?')}: Änderungen erbeten`);
    expect(texts.join('\n')).toContain('„Bitte nicht anonym.“');
    expect(texts).toContain(de.myDataCouncilKept);
  });

  test('lists what an admin sent for approval; an employee has no such section', async () => {
    await h.personalMessage('meine daten', ADMIN);
    const texts = cardTexts(h.connector.cards().at(-1)).join('\n');
    expect(texts).toContain(`${de.myDataItemSubject('Brauchen wir einen Ruheraum?')}: zur Freigabe vorgelegt`);

    await h.personalMessage('meine daten', employee);
    expect(cardTexts(h.connector.cards().at(-1))).not.toContain(de.myDataCouncil);
  });

  test('the export has the decisions and requests; erasure keeps decisions, takes the role and the requester’s name', async () => {
    const data = await exportOf(councilB);
    expect(data.council.decisions).toHaveLength(3);
    expect(data.council.decisions).toContainEqual(
      expect.objectContaining({
        subject: expect.objectContaining({ kind: 'item', title: 'Brauchen wir einen Ruheraum?' }),
        decision: 'changes',
        comment: 'Bitte nicht anonym.',
      }),
    );
    expect(data.council.kept.de).toBe(de.myDataCouncilKept);
    expect(data.roles).toEqual([expect.objectContaining({ role: 'council' })]);
    expect((await exportOf(ADMIN)).council.requests.length).toBeGreaterThanOrEqual(3);

    await erase(councilB);
    expect(await h.storage.roles.isCouncil(councilB.aadObjectId)).toBe(false);
    const holdId = await holdOf('Brauchen wir einen Ruheraum?');
    const [record] = await h.storage.approvals.records('item', holdId);
    expect(record?.decisions.find((d) => d.kind === 'changes')).toMatchObject({
      memberId: councilB.aadObjectId,
      comment: 'Bitte nicht anonym.',
    });

    await erase(ADMIN);
    const [after] = await h.storage.approvals.records('item', holdId);
    expect(after?.request.requestedBy).toBe(h.storage.personalData.erasurePseudonym(ADMIN.aadObjectId));
    expect(after?.request.content).not.toContain(ADMIN.aadObjectId);
    expect(JSON.stringify(after?.request)).not.toContain(ADMIN.name);
    expect(after?.decisions).toHaveLength(2);
  });
});

interface Exported {
  roles: Array<{ role: string }>;
  council: {
    decisions: Array<{ subject: { kind: string; title: string }; decision: string; comment?: string }>;
    requests: unknown[];
    kept: { de: string; en: string };
  };
}

/** the person's export, through the short-lived link of their data card. */
async function exportOf(who: Person): Promise<Exported> {
  const card = invokeCard(await h.invoke(VERBS.myData, { step: 'export' }, who, { personal: true }));
  const open = interactive(card).find((a) => a.type === 'Action.OpenUrl') as { url: string } | undefined;
  if (!open) throw new Error(`no export link: ${cardTexts(card).join(' | ')}`);
  const res = await fetch(open.url.replace('//localhost:', '//127.0.0.1:'));
  return (await res.json()) as Exported;
}

/** the person erases their data, confirming. */
async function erase(who: Person): Promise<void> {
  const ask = invokeCard(await h.invoke(VERBS.myData, { step: 'eraseAsk' }, who, { personal: true }));
  const confirm = interactive(ask).find((a) => (a.data as { step?: string } | undefined)?.step === 'eraseConfirm') as {
    data: unknown;
  };
  invokeCard(await h.invoke(VERBS.myData, confirm.data, who, { personal: true }));
}
