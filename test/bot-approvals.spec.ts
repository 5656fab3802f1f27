import { rmSync, writeFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import path from 'node:path';
import { VERBS } from '../core/card-actions';
import { describeCampaignChanges } from '../core/campaigns/campaign-changes';
import { messages } from '../core/messages';
import { ADMIN, people, startBotHarness, TEAM, type BotHarness, type Person } from './support/bot-harness';
import { cardTexts, interactive } from './support/card-nodes';
import { campaignsDir } from './support/sample-items';
import { deliveredCard, invokeCard } from './support/turn-helpers';
import { approvalCard as approvalCardIn, decide as decideOn } from './support/approval-cards';

/**
 * the staff council's approval over real HTTP: campaigns from files wait for a quorum of two council members before
 * the scheduler posts them; a change after approval returns them to review with the change named; a request for
 * changes stops a campaign for good; anonymous ad-hoc items are held and posted on approval; the council reads its
 * share of the audit log.
 */
const de = messages('de');
const staff = people(20);
const [employee] = staff as [Person];
const councilA = staff[10] as Person;
const councilB = staff[11] as Person;
const councilC = staff[12] as Person;
let h: BotHarness;
let dir: string;

/** the app's clock: tests move it forward to make questions due. */
let clock = new Date();
/** a minute before the clock, as a Berlin wall-clock time for a campaign file. */
const aMinuteAgo = () =>
  DateTime.fromJSDate(clock).setZone('Europe/Berlin').minus({ minutes: 1 }).toFormat("yyyy-LL-dd'T'HH:mm");

/** a campaign file whose first question starts at `start` (default: a minute ago); `extraStart` adds a second question. */
function campaignFile(id: string, title: string, start = aMinuteAgo(), extraStart?: string): string {
  const question = (q: string, at: string) => [
    '  - type: poll',
    `    question: "${q}"`,
    '    options: [gut, schlecht]',
    '    anonymous: true',
    `    schedule: { start: ${at}, every: P1W }`,
    '    openFor: P5D',
  ];
  return [
    `id: ${id}`,
    `title: ${title}`,
    'teams: all',
    'channel: General',
    'items:',
    ...question(`${title}: Wie gut fühlen Sie sich informiert?`, start),
    ...(extraStart ? question(`${title}: Wie klar sind die Ziele?`, extraStart) : []),
  ].join('\n');
}

beforeAll(async () => {
  dir = campaignsDir({});
  h = await startBotHarness(
    { CAMPAIGNS_DIR: dir, APPROVAL_REQUIRED: 'on', APPROVALS_NEEDED: '2', APPROVAL_FOR_ADHOC: 'anonymous' },
    {},
    { now: () => clock },
  );
  await h.installInTeam();
  for (const who of [ADMIN, councilA, councilB, councilC]) await h.installInPersonalChat(who);
  await h.personalMessage(`personalrat hinzufügen ${councilA.name}`);
  await h.personalMessage(`personalrat hinzufügen ${councilB.name}`);
});

afterAll(async () => {
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** writes a campaign file and reloads the files as the admin. */
async function load(file: string, text: string): Promise<void> {
  writeFileSync(path.join(dir, file), text);
  await h.personalMessage('kampagnen laden');
}

const approvalCard = (who: Person, id: string) => approvalCardIn(h, who, id);
const decide = (who: Person, card: unknown, decision: 'approve' | 'changes', comment = '') =>
  decideOn(h, who, card, decision, comment);

/** channel posts of a campaign's questions made by one scheduler tick. */
async function postsOfTick(): Promise<string[]> {
  const before = h.connector.delivered.length;
  await h.app.scheduler.tick();
  return h.connector.delivered
    .slice(before)
    .filter((d) => d.kind === 'create')
    .flatMap((d) => cardTexts(deliveredCard(d)));
}

/** the line of a campaign on the list card. */
async function listLine(title: string): Promise<string> {
  await h.personalMessage('kampagnen');
  const texts = cardTexts(h.connector.cards().at(-1));
  const at = texts.findIndex((t) => t.startsWith(title));
  return texts[at + 1] ?? '';
}

const auditActions = async (target: string) =>
  (await h.storage.audit.recent(200)).filter((e) => e.target === target).map((e) => e.action);

test('granting and revoking the council role in chat is listed and audited; others may not', async () => {
  await h.personalMessage(`personalrat hinzufügen ${councilC.name}`);
  expect(h.connector.texts().at(-1)).toBe(de.councilGranted(councilC.name));
  expect(await h.storage.roles.isCouncil(councilC.aadObjectId)).toBe(true);
  await h.personalMessage('personalrat');
  const list = h.connector.texts().at(-1) ?? '';
  expect(list).toContain(de.councilListLine(councilA.name, de.councilSourceChat));
  expect(list).toContain(de.councilListLine(councilC.name, de.councilSourceChat));
  await h.personalMessage(`remove council ${councilC.name}`, ADMIN, 'en-US');
  expect(h.connector.texts().at(-1)).toBe(messages('en').councilRevoked(councilC.name));
  expect(await h.storage.roles.isCouncil(councilC.aadObjectId)).toBe(false);
  expect((await auditActions(councilC.aadObjectId)).sort()).toEqual(['council.grant', 'council.revoke']);

  await h.personalMessage(`personalrat hinzufügen ${councilC.name}`, employee);
  expect(h.connector.texts().at(-1)).toBe(de.errNotAdmin);
  expect(await h.storage.roles.isCouncil(councilC.aadObjectId)).toBe(false);
});

let pulsStart = '';

test('a campaign from a file waits for approval; with a quorum of two, one approval does not post, the second does', async () => {
  pulsStart = aMinuteAgo();
  await load('puls.yml', campaignFile('puls', 'Puls', pulsStart));
  expect(await listLine('Puls (puls)')).toContain(de.approvalStatePending(0, 2));
  expect(await postsOfTick()).toEqual([]);

  const card = approvalCard(councilA, 'puls');
  expect(cardTexts(card)).toContain(de.approvalCampaignTitle('Puls'));
  // the readable plan: the question, and when it is asked, in words.
  expect(cardTexts(card).join('\n')).toContain('Wie gut fühlen Sie sich informiert?');
  expect(cardTexts(card)).toContain(de.planHeadingItem(1, 1));
  const afterA = await decide(councilA, card, 'approve');
  expect(afterA).toEqual(
    expect.arrayContaining([de.approvalYouApproved, de.approvalStateLine(de.approvalStatePending(1, 2))]),
  );
  // a second click by the same member counts once.
  expect(await decide(councilA, card, 'approve')).toContain(de.errApprovalAlreadyDecided);
  expect(await listLine('Puls (puls)')).toContain(de.approvalStatePending(1, 2));
  expect(await postsOfTick()).toEqual([]);

  expect(await decide(councilB, approvalCard(councilB, 'puls'), 'approve')).toContain(
    de.approvalStateLine(de.approvalStateApproved),
  );
  expect(await listLine('Puls (puls)')).toContain(de.approvalStateApproved);
  expect(await postsOfTick()).toContain('Puls: Wie gut fühlen Sie sich informiert?');
  expect(await auditActions('puls')).toEqual(
    expect.arrayContaining(['campaign.review', 'campaign.approve', 'campaign.approve']),
  );
});

test('a change after approval returns the campaign to review, names the change on the new card, and posts nothing new until approved', async () => {
  const before = await h.storage.campaigns.get('puls');
  clock = new Date(clock.getTime() + 10 * 60_000);
  await load('puls.yml', campaignFile('puls', 'Puls', pulsStart, aMinuteAgo()));
  const after = await h.storage.campaigns.get('puls');
  const changes = describeCampaignChanges(before!, after!, 'de');
  expect(changes.length).toBeGreaterThan(0);
  expect(await listLine('Puls (puls)')).toContain(de.approvalStatePending(0, 2));

  const card = approvalCard(councilA, 'puls');
  const texts = cardTexts(card);
  expect(texts).toContain(de.approvalChangedHeading);
  for (const line of changes) expect(texts.join('\n')).toContain(line);
  const review = (await h.storage.audit.recent(50)).find((e) => e.action === 'campaign.review' && e.target === 'puls');
  expect(review?.details?.changes).toBe(changes.length);

  // the new question is due, but the changed campaign waits.
  expect(await postsOfTick()).toEqual([]);
  await decide(councilA, card, 'approve');
  expect(await postsOfTick()).toEqual([]);
  await decide(councilB, approvalCard(councilB, 'puls'), 'approve');
  const posted = await postsOfTick();
  expect(posted).toContain('Puls: Wie klar sind die Ziele?');
  expect(posted).not.toContain('Puls: Wie gut fühlen Sie sich informiert?');
});

test('a card of an older version can no longer decide', async () => {
  await load('alt.yml', campaignFile('alt', 'Alt'));
  const old = approvalCard(councilA, 'alt');
  await load('alt.yml', campaignFile('alt', 'Alt', undefined, aMinuteAgo()));
  const res = invokeCard(
    await h.invoke(VERBS.approval, interactive(old).find((a) => a.verb === VERBS.approval)?.data, councilA, {
      personal: true,
    }),
  );
  expect(cardTexts(res)).toContain(de.errApprovalOutdated);
});

test('a campaign with changes requested never posts, and its makers are told with the comment', async () => {
  await load('stopp.yml', campaignFile('stopp', 'Stopp'));
  const card = approvalCard(councilA, 'stopp');
  // a request for changes needs a comment.
  expect(await decide(councilA, card, 'changes', '  ')).toContain(de.errApprovalCommentRequired);
  const adminTexts = h.connector.texts().length;
  const afterA = await decide(councilA, card, 'changes', 'Bitte nur monatlich fragen.');
  expect(afterA).toContain(de.approvalYouRequested('Bitte nur monatlich fragen.'));
  expect(h.connector.texts().slice(adminTexts)).toContain(
    de.approvalChangesNotice('Stopp', councilA.name, 'Bitte nur monatlich fragen.'),
  );
  await decide(councilB, approvalCard(councilB, 'stopp'), 'approve');
  expect(await listLine('Stopp (stopp)')).toContain(de.approvalStateChanges);
  expect(await postsOfTick()).toEqual([]);
  expect(await postsOfTick()).toEqual([]);
  expect(await auditActions('stopp')).toContain('campaign.changes-requested');
});

test('an anonymous ad-hoc poll is held for the council and posted on approval; a named one is posted at once', async () => {
  const before = h.connector.delivered.length;
  await h.channelMessage('umfrage --anonym Wie ist die Stimmung? | gut | schlecht');
  const sent = h.connector.delivered.slice(before);
  expect(sent.filter((d) => d.kind === 'create')).toHaveLength(0);
  expect(h.connector.texts()).toContain(de.adhocHeld(2));
  const hold = (await h.storage.audit.recent(20)).find((e) => e.action === 'item.review');
  expect(hold?.target).toBeDefined();
  const holdId = hold!.target!;

  const card = approvalCard(councilA, holdId);
  expect(cardTexts(card)).toEqual(expect.arrayContaining([de.approvalItemTitle, 'Wie ist die Stimmung?']));
  await decide(councilA, card, 'approve');
  expect(h.connector.delivered.slice(before).filter((d) => d.kind === 'create')).toHaveLength(0);
  await decide(councilB, approvalCard(councilB, holdId), 'approve');
  const posts = h.connector.delivered.slice(before).filter((d) => d.kind === 'create');
  expect(posts).toHaveLength(1);
  expect(posts[0]?.conversationId.startsWith(`${TEAM.id};messageid=`)).toBe(true);
  expect(cardTexts(deliveredCard(posts[0]))).toContain('Wie ist die Stimmung?');

  const named = h.connector.delivered.length;
  await h.channelMessage('umfrage Mittag um zwölf? | ja | nein');
  expect(h.connector.delivered.slice(named).filter((d) => d.kind === 'create')).toHaveLength(1);
});

test('a council member reads the audit log with only what concerns the council; an employee cannot read it', async () => {
  const at = new Date();
  await h.storage.audit.record({ actorId: 'aad-x', action: 'idea.status', target: 'idee-geheim', at });
  await h.storage.audit.record({ actorId: 'aad-y', action: 'privacy.erase', target: 'person-geheim', at });
  await h.storage.audit.record({ actorId: 'aad-z', action: 'measure.create', target: 'massnahme-geheim', at });

  await h.personalMessage('audit', councilA);
  const texts = cardTexts(h.connector.cards().at(-1)).join('\n');
  expect(texts).toContain(de.auditTitle);
  expect(texts).toContain(de.auditActions['campaign.approve']);
  expect(texts).toContain(de.auditActions['council.grant']);
  expect(texts).not.toContain('idee-geheim');
  expect(texts).not.toContain('person-geheim');
  expect(texts).not.toContain('massnahme-geheim');

  await h.personalMessage('audit', ADMIN);
  expect(cardTexts(h.connector.cards().at(-1)).join('\n')).toContain('idee-geheim');

  await h.personalMessage('audit', employee);
  expect(h.connector.texts().at(-1)).toBe(de.errNotAdmin);
});

test('a draft scheduled from the campaign list goes to the council, and a member granted later gets the waiting card', async () => {
  await load('entwurf.yml', `${campaignFile('entwurf', 'Entwurf')}\nstatus: draft`);
  expect(() => approvalCard(councilA, 'entwurf')).toThrow();
  invokeCard(
    await h.invoke(VERBS.campaignStatus, { campaignId: 'entwurf', status: 'scheduled' }, ADMIN, { personal: true }),
  );
  expect(cardTexts(approvalCard(councilA, 'entwurf'))).toContain(de.approvalCampaignTitle('Entwurf'));
  expect(await postsOfTick()).toEqual([]);

  expect(() => approvalCard(councilC, 'entwurf')).toThrow();
  await h.personalMessage(`personalrat hinzufügen ${councilC.name}`);
  expect(cardTexts(approvalCard(councilC, 'entwurf'))).toContain(de.approvalStateLine(de.approvalStatePending(0, 2)));
});

test('an anonymous poll drafted in the personal chat is held when its channel is picked', async () => {
  const before = h.connector.delivered.length;
  const draft = {
    kind: 'poll',
    pollKind: 'single',
    question: 'Homeoffice am Freitag?',
    options: ['ja', 'nein'],
    anonymous: true,
  };
  const answer = cardTexts(
    invokeCard(await h.invoke(VERBS.postTo, { draft, target: `${TEAM.id}|${TEAM.id}` }, ADMIN, { personal: true })),
  );
  expect(answer.join('\n')).toContain(de.adhocHeld(3));
  expect(h.connector.delivered.slice(before).filter((d) => d.kind === 'create')).toHaveLength(0);
  const holds = (await h.storage.audit.recent(50)).filter((e) => e.action === 'item.review').map((e) => e.target ?? '');
  const contents = await Promise.all(
    holds.map(async (id) => [id, await h.storage.approvals.records('item', id)] as const),
  );
  const holdId = contents.find(([, r]) => r[0]?.request.content.includes('Homeoffice am Freitag?'))?.[0] ?? '';
  expect(cardTexts(approvalCard(councilB, holdId))).toContain('Homeoffice am Freitag?');
});

test('a campaign planned in the wizard waits for the council and is posted only after its approval', async () => {
  await h.personalMessage('kampagne neu', ADMIN);
  let card: unknown = deliveredCard(
    [...h.connector.delivered]
      .reverse()
      .find((d) => d.conversationId === `a:personal-${ADMIN.id}` && d.activity.attachments),
  );
  const click = async (values: Record<string, unknown>) => {
    const data = interactive(card).find((a) => a.verb === VERBS.wizard)?.data as { wizardId: string; step: string };
    card = invokeCard(await h.invoke(VERBS.wizard, { ...data, ...values }, ADMIN, { personal: true }));
  };
  const start = DateTime.fromJSDate(clock).setZone('Europe/Berlin').plus({ minutes: 5 });
  await click({ action: 'next', title: 'Puls Wizard', description: '', timeZone: 'Europe/Berlin' });
  await click({
    action: 'next',
    type: 'yesno',
    question: 'Hilft Ihnen die neue Vorlage?',
    options: '',
    anonymous: 'true',
  });
  await click({
    action: 'next',
    date_0: start.toFormat('yyyy-LL-dd'),
    time_0: start.toFormat('HH:mm'),
    repeat_0: 'once',
    until_0: '',
    openDays_0: '5',
    remindHours_0: '',
  });
  await click({ action: 'next', allTeams: 'true', teams: '', channel: 'General' });
  await click({ action: 'confirm' });
  const created = (await h.storage.campaigns.list()).find((c) => c.title === 'Puls Wizard');
  expect(created?.status).toBe('scheduled');
  expect(await listLine(`Puls Wizard (${created!.id})`)).toContain(de.approvalStatePending(0, 2));

  // due, but waiting: nothing is posted.
  clock = new Date(start.plus({ minutes: 1 }).toMillis());
  expect(await postsOfTick()).toEqual([]);

  for (const member of [councilA, councilB]) await decide(member, approvalCard(member, created!.id), 'approve');
  expect(await postsOfTick()).toContain('Hilft Ihnen die neue Vorlage?');
});
