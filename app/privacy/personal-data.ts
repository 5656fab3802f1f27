import type { Item } from '../../core/items';
import { optionsOf } from '../../core/items';
import type { ApprovalSubjectRef, MyData } from '../../core/privacy/my-data';
import type { ApprovalRequest } from '../../storage/approval-repository';
import { myDataDocument } from '../../core/privacy/my-data';
import { FORMER_EMPLOYEE } from '../../core/texts/privacy';
import type { DownloadFile } from '../exports';
import type { MyDataRequest } from '../../core/privacy/my-data-request';
import type { PrivacyPorts } from './ports';

/** what an erasure removed or changed. */
export interface ErasureSummary {
  votes: number;
  ideas: number;
  supports: number;
  volunteering: number;
  roles: number;
  personalChat: boolean;
  records: number;
  /** measures and notes where the person's name was replaced (the measures themselves stay). */
  measures: number;
}

/** what a version sent for approval was about, read from its stored content (a campaign or a held item). */
function subjectOf(r: ApprovalRequest): ApprovalSubjectRef {
  let title = '';
  try {
    const content = JSON.parse(r.content) as { title?: unknown; draft?: { question?: unknown } };
    const raw = r.kind === 'campaign' ? content.title : content.draft?.question;
    title = typeof raw === 'string' ? raw : '';
  } catch {
    // an unreadable version is still listed, by its id.
  }
  return { kind: r.kind, id: r.subjectId, title: title || r.subjectId };
}

/**
 * reads everything stored with a person's id: named votes, named ideas, supports, volunteering, roles (the staff council
 * too), measures they own and notes they wrote, their decisions as staff council member and what they sent for
 * approval, personal chat.
 */
export async function gatherMyData(s: PrivacyPorts, personId: string, name?: string): Promise<MyData> {
  const items = new Map<string, Promise<Item | undefined>>();
  const item = (id: string) => items.get(id) ?? items.set(id, s.storage.items.get(id)).get(id)!;
  const teams = new Map<string, Promise<string | undefined>>();
  const teamName = (id: string) =>
    teams.get(id) ??
    teams
      .set(
        id,
        s.storage.installations.getTeam(id).then((t) => t?.name),
      )
      .get(id)!;

  const [votes, ideas, backings, admins, led, chat, measures, unitsLed, organisation, council, approvals] =
    await Promise.all([
      s.storage.personalData.namedVotes(personId),
      s.storage.ideas.byAuthor(personId),
      s.storage.personalData.backings(personId),
      s.storage.roles.admins(),
      s.storage.roles.teamsLedBy(personId),
      s.storage.personalData.personalChat(personId),
      s.storage.measures.ofPerson(personId),
      s.storage.org.unitsLedBy(personId),
      s.storage.org.organisation(),
      s.storage.roles.councilMembers(),
      s.storage.approvals.byPerson(personId),
    ]);
  const councilGrant = council.find((g) => g.personId === personId);
  const unitName = (unitId: string) => organisation.units.find((u) => u.id === unitId)?.name ?? unitId;
  const measureTitle = async (teamId: string, measureId: string) =>
    (await s.storage.measures.get(teamId, measureId))?.title;
  const ideaText = async (ideaId: string) => (await s.storage.ideas.get(ideaId))?.text ?? '';
  const adminGrant = admins.find((a) => a.personId === personId);
  return {
    person: { id: personId, ...(name ? { name } : {}) },
    retentionDays: s.config.retentionDays,
    votes: await Promise.all(
      votes.map(async (v) => {
        const it = await item(v.itemId);
        const options = it ? optionsOf(it) : [];
        return {
          itemId: v.itemId,
          question: it?.question ?? '',
          ...(it && { teamName: await teamName(it.teamId) }),
          choices: v.choices.map((c) => options[c] ?? String(c)),
          at: v.at,
        };
      }),
    ),
    ideas: await Promise.all(
      ideas.map(async (i) => ({
        ideaId: i.ideaId,
        text: i.text,
        status: i.status,
        teamName: await teamName(i.teamId),
        ...(i.itemId && { question: (await item(i.itemId))?.question }),
        createdAt: i.createdAt,
      })),
    ),
    supports: await Promise.all(
      backings
        .filter((b) => b.kind === 'support')
        .map(async (b) => ({ ideaId: b.ideaId, text: await ideaText(b.ideaId) })),
    ),
    volunteering: await Promise.all(
      backings
        .filter((b) => b.kind === 'volunteer')
        .map(async (b) => ({ ideaId: b.ideaId, text: await ideaText(b.ideaId) })),
    ),
    roles: [
      ...(s.config.adminIds.includes(personId) ? [{ role: 'configuredAdmin' as const }] : []),
      ...(adminGrant ? [{ role: 'admin' as const, grantedAt: adminGrant.grantedAt }] : []),
      ...(await Promise.all(
        led.map(async (g) => ({
          role: 'leader' as const,
          teamName: (await teamName(g.teamId ?? '')) ?? g.teamId,
          grantedAt: g.grantedAt,
        })),
      )),
      ...unitsLed.map((g) => ({ role: 'unitLeader' as const, unitName: unitName(g.unitId), grantedAt: g.grantedAt })),
      ...(councilGrant
        ? [
            {
              role: 'council' as const,
              ...(councilGrant.grantedBy.startsWith('file:') && { file: councilGrant.grantedBy.slice(5) }),
              grantedAt: councilGrant.grantedAt,
            },
          ]
        : []),
    ],
    council: {
      decisions: approvals.decisions.map((d) => ({
        subject: d.request ? subjectOf(d.request) : { kind: d.kind, id: d.subjectId, title: d.subjectId },
        decision: d.decision.kind,
        ...(d.decision.comment && { comment: d.decision.comment }),
        at: d.decision.at,
      })),
      requests: approvals.requests.map((r) => ({ subject: subjectOf(r), at: r.requestedAt })),
    },
    measures: await Promise.all(
      measures.owned.map(async (x) => ({
        measureId: x.measureId,
        title: x.title,
        ...(await teamName(x.teamId).then((n) => (n ? { teamName: n } : {}))),
        status: x.status,
        dueDate: x.dueDate,
      })),
    ),
    measureNotes: await Promise.all(
      measures.notes.map(async (n) => ({
        measureId: n.measureId,
        ...(await measureTitle(n.teamId, n.measureId).then((t) => (t ? { title: t } : {}))),
        text: n.text,
        at: n.at,
      })),
    ),
    ...(chat && { personalChat: chat }),
  };
}

/** the export file of a person's data (JSON), built when the download link is opened. */
export async function myDataFile(s: PrivacyPorts, request: MyDataRequest): Promise<DownloadFile> {
  const data = await gatherMyData(s, request.personId);
  return {
    fileName: `mitwirken-${request.locale === 'de' ? 'meine-daten' : 'my-data'}-${s.now().toISOString().slice(0, 10)}.json`,
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify(myDataDocument(data, s.now()), null, 2),
  };
}

/**
 * erases a person's data (art. 17 GDPR): named votes (tallies adjusted), supports and volunteering (counts
 * adjusted), authorship of named ideas and their name as owner or note author of measures (replaced by
 * FORMER_EMPLOYEE; the measures stay), stored roles (the staff council's too), the personal-chat record,
 * and their id and names where they acted as admin or an admin action named them (replaced by their erasure
 * pseudonym; versions they sent for approval too). Anonymous answers cannot be found and stay. Decisions as a staff
 * council member stay as they are: official acts of the body, kept with the member's name (the data view says so).
 * Audited with the pseudonym only.
 */
export async function eraseMyData(s: PrivacyPorts, personId: string, currentName: string): Promise<ErasureSummary> {
  const [chat, votes, admins, led] = await Promise.all([
    s.storage.personalData.personalChat(personId),
    s.storage.personalData.namedVotes(personId),
    s.storage.roles.admins(),
    s.storage.roles.teamsLedBy(personId),
  ]);
  const adminGrant = admins.find((a) => a.personId === personId);
  const names = [
    currentName,
    chat?.name,
    adminGrant?.name,
    ...votes.map((v) => v.name),
    ...led.flatMap((g) => [g.name, g.upn]),
  ].filter((n): n is string => typeof n === 'string' && n.trim() !== '');
  const pseudonym = s.storage.personalData.erasurePseudonym(personId);

  const erasedVotes = await s.storage.personalData.eraseNamedVotes(personId);
  const backings = await s.storage.ideas.removeSupportsAndVolunteering(personId);
  const ideas = await s.storage.ideas.anonymiseAuthor(personId, FORMER_EMPLOYEE);
  let roles = (await s.storage.roles.revokeAdmin(personId)) ? 1 : 0;
  for (const g of led) if (await s.storage.roles.removeLeader(g.teamId ?? '', personId)) roles++;
  for (const g of await s.storage.org.unitsLedBy(personId))
    if (await s.storage.org.removeUnitLeader(g.unitId, personId)) roles++;
  // the staff council role goes like any role (a file grant comes back when the organisation file names them again);
  // their decisions as a member stay with their name: official acts of the body (storage/approval-repository.ts).
  if (await s.storage.roles.revokeCouncil(personId)) roles++;
  const personalChat = await s.storage.personalData.erasePersonalChat(personId);
  // measures are the organisation's records and stay; the person's name as owner and note author goes.
  const measures = await s.storage.measures.erasePerson(personId, FORMER_EMPLOYEE);
  const records = await s.storage.personalData.replacePersonInRecords(personId, [...new Set(names)], pseudonym);
  const summary: ErasureSummary = {
    votes: erasedVotes,
    ideas,
    supports: backings.supports,
    volunteering: backings.volunteering,
    roles,
    personalChat,
    records,
    measures,
  };
  await s.storage.audit.record({ actorId: pseudonym, action: 'privacy.erase', details: { ...summary }, at: s.now() });
  s.log.info({ person: pseudonym, ...summary }, 'personal data erased');
  return summary;
}
