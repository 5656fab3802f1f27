import { randomUUID } from 'node:crypto';
import { VERBS } from '../core/card-actions';
import { messages } from '../core/messages';
import { FORMER_EMPLOYEE } from '../core/texts/privacy';
import { ADMIN, people, startBotHarness, TEAM, type BotHarness, type Person } from './support/bot-harness';
import type { RosterMember } from './support/teams-connector';
import { allRows } from './support/table-census';
import { cardTexts, interactive } from './support/card-nodes';
import { invokeCard, postItem, type PostedItem } from './support/turn-helpers';

const de = messages('de');
const ZORA: Person = {
  id: `29:zora-${randomUUID().slice(0, 8)}`,
  aadObjectId: `aad-zora-${randomUUID()}`,
  name: 'Zora Erasmus-Quandt',
};
const ZORA_UPN = 'zora.erasmus-quandt@amt.example';
const zoraIds = [ZORA.id, ZORA.aadObjectId, ZORA.name, ZORA_UPN];
const colleagues = people(5);
const roster = (p: Person, upn?: string): RosterMember => ({
  id: p.id,
  aadObjectId: p.aadObjectId,
  name: p.name,
  ...(upn && { userPrincipalName: upn }),
});

let h: BotHarness;
let named: PostedItem;
let anonymous: PostedItem;
let namedPrompt: PostedItem;
let anonymousPrompt: PostedItem;
let zorasIdea: string;
let colleaguesIdea: string;
const anonymousIdea = `Anonym: weniger Doppelerfassung ${randomUUID()}`;

const personal = (verbData: unknown, who: Person = ZORA) => h.invoke(VERBS.myData, verbData, who, { personal: true });
const lastCard = () => h.connector.cards().at(-1) ?? {};
const lastText = () => h.connector.texts().at(-1);
const namesZora = (row: unknown) => zoraIds.some((id) => JSON.stringify(row).includes(id));

beforeAll(async () => {
  h = await startBotHarness(
    {},
    { members: { [TEAM.id]: [roster(ADMIN), roster(ZORA, ZORA_UPN), ...colleagues.map((p) => roster(p))] } },
  );
  await h.installInTeam();
  await h.installInPersonalChat(ZORA);
  await h.channelMessage(`admin hinzufügen ${ZORA.name}`);
  await h.channelMessage(`leitung hinzufügen ${ZORA.name}`);

  named = await postItem(h, 'umfrage Welcher Termin passt für den Teamtag? | Montag | Mittwoch | Freitag');
  anonymous = await postItem(h, 'umfrage --anonym Fühlst du dich gut eingearbeitet? | ja | teils | nein');
  namedPrompt = await postItem(h, 'ideenabfrage Was würde die Einarbeitung verbessern?');
  anonymousPrompt = await postItem(h, 'ideenabfrage --anonym Was belastet dich?');
  for (const [i, p] of [ZORA, ...colleagues].entries()) {
    invokeCard(await h.invoke(VERBS.vote, { itemId: named.item.id, choice: i % 3 }, p));
    invokeCard(await h.invoke(VERBS.vote, { itemId: anonymous.item.id, choice: i % 2 }, p));
  }
  invokeCard(
    await h.invoke(
      VERBS.submitIdea,
      { itemId: namedPrompt.item.id, ideaText: 'Patenschaften für neue Kolleginnen' },
      ZORA,
    ),
  );
  invokeCard(
    await h.invoke(
      VERBS.submitIdea,
      { itemId: namedPrompt.item.id, ideaText: 'Checkliste für den ersten Tag' },
      colleagues[0],
    ),
  );
  invokeCard(await h.invoke(VERBS.submitIdea, { itemId: anonymousPrompt.item.id, ideaText: anonymousIdea }, ZORA));
  const ideas = await h.storage.ideas.ofItem(namedPrompt.item.id);
  zorasIdea = ideas.find((i) => i.authorId === ZORA.aadObjectId)!.ideaId;
  colleaguesIdea = ideas.find((i) => i.authorId === colleagues[0]!.aadObjectId)!.ideaId;
  invokeCard(await h.invoke(VERBS.ideaSupport, { ideaId: colleaguesIdea, on: true }, ZORA));
  invokeCard(await h.invoke(VERBS.ideaVolunteer, { ideaId: colleaguesIdea, on: true }, ZORA));
  invokeCard(await h.invoke(VERBS.ideaSupport, { ideaId: zorasIdea, on: true }, colleagues[1]));
  await h.storage.participation.flush();
});
afterAll(async () => {
  await h.stop();
});

describe('meine daten', () => {
  test('is refused in a channel, where the team would see it', async () => {
    await h.channelMessage('meine daten', ZORA);
    expect(lastText()).toBe(de.errPersonalChatOnly);
  });

  test('lists named votes, own ideas, supports, volunteering, roles and the chat record, and no anonymous answer', async () => {
    await h.personalMessage('meine daten', ZORA);
    const texts = cardTexts(lastCard());
    expect(texts).toEqual(
      expect.arrayContaining([
        de.myDataTitle,
        de.myDataVoteLine('Welcher Termin passt für den Teamtag?', 'Montag'),
        `Patenschaften für neue Kolleginnen (${de.ideaStatusLabels.new})`,
        'Checkliste für den ersten Tag',
        de.myDataRoleAdmin,
        de.myDataRoleLeader(TEAM.name),
        de.myDataExport,
        de.myDataErase,
      ]),
    );
    expect(texts.join('\n')).not.toContain('gut eingearbeitet');
    expect(texts.join('\n')).not.toContain(anonymousIdea);
  });

  test('exports everything as JSON through a short-lived link, audited without the person’s id', async () => {
    const card = invokeCard(await personal({ step: 'export' }));
    expect(cardTexts(card)).toContain(de.myDataExportReady(10));
    const open = interactive(card).find((a) => a.type === 'Action.OpenUrl') as { url: string };
    expect(open.url).toMatch(/\/my-data\/[A-Za-z0-9_-]+$/);
    const res = await fetch(open.url.replace('//localhost:', '//127.0.0.1:'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const doc = (await res.json()) as {
      person: { id: string };
      votes: Array<{ choices: string[] }>;
      ideas: unknown[];
      supports: unknown[];
      volunteering: unknown[];
      roles: unknown[];
      personalChat: unknown;
    };
    expect(doc.person.id).toBe(ZORA.aadObjectId);
    expect(doc.votes.map((v) => v.choices)).toEqual([['Montag']]);
    expect([doc.ideas.length, doc.supports.length, doc.volunteering.length, doc.roles.length]).toEqual([1, 1, 1, 2]);
    expect(doc.personalChat).not.toBeNull();
    expect(JSON.stringify(doc)).not.toContain(anonymousIdea);
    expect(open.url).not.toContain(ZORA.aadObjectId);

    const tampered = open.url.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')).replace('//localhost:', '//127.0.0.1:');
    expect((await fetch(tampered)).status).toBe(403);
    const entry = (await h.storage.audit.recent(5)).find((e) => e.action === 'privacy.export');
    expect(entry?.actorId).toBe(h.storage.personalData.erasurePseudonym(ZORA.aadObjectId));
  });

  test('asks before erasing, and refuses a confirmation that is too old', async () => {
    const ask = invokeCard(await personal({ step: 'eraseAsk' }));
    expect(cardTexts(ask)).toEqual(
      expect.arrayContaining([de.myDataEraseTitle, de.myDataEraseConfirm, de.myDataEraseCancel]),
    );
    const stale = invokeCard(
      await personal({ step: 'eraseConfirm', issuedAt: new Date(Date.now() - 60 * 60_000).toISOString() }),
    );
    expect(cardTexts(stale)).toContain(de.errEraseExpired);
    const forged = invokeCard(await personal({ step: 'eraseConfirm' }));
    expect(cardTexts(forged)).toContain(de.errInvalidPayload);
    expect(await h.storage.personalData.namedVotes(ZORA.aadObjectId)).toHaveLength(1);
  });

  test('erasure leaves no identifier of the person in any table, and the tallies still add up', async () => {
    const before = (await allRows(h.storage)).filter((r) => namesZora(r.row));
    expect(new Set(before.map((r) => r.table))).toEqual(
      new Set(['AuditLog', 'Ideas', 'People', 'Responses', 'Roles', 'Teams']),
    );
    const ask = invokeCard(await personal({ step: 'eraseAsk' }));
    const confirm = interactive(ask).find(
      (a) => (a.data as { step?: string } | undefined)?.step === 'eraseConfirm',
    ) as { data: unknown };
    const done = invokeCard(await personal(confirm.data));
    expect(cardTexts(done)).toContain(de.myDataErased(1, 1, 1, 1, 2));

    const rows = await allRows(h.storage);
    expect(rows.filter((r) => namesZora(r.row))).toEqual([]);

    // named poll: the tally equals the remaining vote rows
    const votes = rows.filter(
      (r) => r.table === 'Responses' && r.row.partitionKey === named.item.id && r.row.rowKey.startsWith('vote|'),
    );
    const counts = [0, 0, 0];
    for (const v of votes) for (const c of JSON.parse(String(v.row.choices)) as number[]) counts[c]! += 1;
    expect(await h.storage.responses.tally(named.item)).toEqual({ counts, voters: votes.length });
    expect(votes).toHaveLength(colleagues.length);
    // anonymous answers cannot be found and stay
    expect(await h.storage.responses.tally(anonymous.item)).toEqual({ counts: [3, 3, 0], voters: 6 });
    expect(await h.storage.responses.ideaStats(anonymousPrompt.item)).toEqual({ ideas: 1, participants: 1 });
    // ideas keep their text without the author; supports are taken back with their counts
    expect(await h.storage.ideas.get(zorasIdea)).toMatchObject({
      text: 'Patenschaften für neue Kolleginnen',
      authorName: FORMER_EMPLOYEE,
      supportCount: 1,
    });
    expect(await h.storage.ideas.get(colleaguesIdea)).toMatchObject({ supportCount: 0, volunteerCount: 0 });
    expect(await h.storage.roles.isAdmin(ZORA.aadObjectId)).toBe(false);
    expect(await h.storage.installations.getPerson(ZORA.aadObjectId)).toBeUndefined();
  });

  test('the audit keeps what was done, naming the erased person only by a pseudonym unrelated to the voter roll', async () => {
    const pseudonym = h.storage.personalData.erasurePseudonym(ZORA.aadObjectId);
    const entries = await h.storage.audit.recent(20);
    expect(entries.find((e) => e.action === 'privacy.erase')).toMatchObject({
      actorId: pseudonym,
      details: expect.objectContaining({ votes: 1 }),
    });
    expect(entries.find((e) => e.action === 'admin.grant')?.target).toBe(pseudonym);
    expect(pseudonym).not.toContain(h.storage.responses.voterKey(anonymous.item.id, ZORA.aadObjectId));
    await h.personalMessage('audit');
    const texts = cardTexts(lastCard()).join('\n');
    expect(texts).toContain(de.auditActions['privacy.erase']);
    expect(texts).not.toContain(ZORA.name);
  });

  test('shows the audit log to admins only', async () => {
    await h.personalMessage('audit', colleagues[2]);
    expect(lastText()).toBe(de.errNotAdmin);
  });
});
