import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locale } from '../../core/locale';
import { messages } from '../../core/messages';
import type { Member } from '../../core/people';
import {
  findMember,
  formatOrgFileError,
  formatUnresolved,
  describeUnresolved,
  readOrgFile,
  resolveOrgLeaders,
  teamsMatching,
  type OrgFileError,
  type UnresolvedEntry,
} from '../../core/org/org-file';
import { resolveUnitTree, teamsBelow, type Organisation, type UnitWithWantedLeaders } from '../../core/org/org-units';
import type { FileUnitLeader } from '../../storage/org-repository';
import { pendingCardsFor } from '../approvals';
import type { Actor } from './leader-assignment';
import type { AppServices } from '../ports/services';
import type { LeadersPorts } from './ports';

/** what loading the organisation file did; `synced` false means the stored leaders and units were left as they were. */
export interface OrgFileReport {
  file: string;
  synced: boolean;
  /**
   * the file's problems. Not synced: the file as a whole (syntax, not a mapping, unreadable file or roster) and nothing
   * changed. Synced: problems of single entries, which were skipped while the others apply.
   */
  errors: OrgFileError[];
  /** entries that did not become a grant or a unit's team (unknown team, leader not a member), reported and skipped. */
  unresolved: UnresolvedEntry[];
  /** team leader grants the file stands for now, and how many were added and removed by this load. */
  total: number;
  added: number;
  removed: number;
  /** with a `units:` list: the units stored and the unit leader grants they have. */
  units?: { count: number; leaders: number };
}

/**
 * what resolving the organisation file uses of the ports: less than leaders' handlers, so the digest may call it; with
 * the 1:1 delivery (`membership`, `poster`) that brings new council members the approval cards still waiting.
 */
export type OrgSyncPorts = Pick<LeadersPorts, 'config' | 'log' | 'now' | 'roster' | 'storage'> &
  Pick<AppServices, 'membership' | 'poster'>;

/**
 * reads ORG_FILE (YAML or JSON), resolves its teams, units and leaders against the installed teams and their rosters
 * and makes the stored file grants (storage.roles.syncFileLeaders), units and unit leaders (storage.org) match it. A
 * file that cannot be read, or a roster that cannot be read, changes nothing and is reported, never thrown; a bad entry
 * is reported and skipped while the others apply. Undefined when no ORG_FILE is configured.
 */
export async function reloadOrgFile(s: OrgSyncPorts, actor?: Actor): Promise<OrgFileReport | undefined> {
  const configured = s.config.orgFile;
  if (!configured) return undefined;
  const file = path.basename(configured);
  const report: OrgFileReport = { file, synced: false, errors: [], unresolved: [], total: 0, added: 0, removed: 0 };
  const rejected = (errors: OrgFileError[]) => {
    report.errors = errors;
    for (const e of errors)
      s.log.warn({ file: e.file, line: e.line, path: e.path, problem: e.message }, 'organisation file rejected');
    return report;
  };
  let text: string;
  try {
    text = await readFile(configured, 'utf8');
  } catch (err) {
    return rejected([{ file, path: '', message: `cannot be read: ${(err as Error).message}` }]);
  }
  const reading = readOrgFile(file, text);
  if (!reading.org) return rejected(reading.errors);
  const org = reading.org;
  for (const e of reading.errors)
    s.log.warn({ file: e.file, line: e.line, path: e.path, problem: e.message }, 'organisation file entry skipped');

  const teams = await s.storage.installations.activeTeams();
  const known = teams.map((t) => ({ teamId: t.teamId, name: t.name }));
  const tree = resolveUnitTree(org.units ?? [], known);
  const rosters = new Map<string, Member[]>();
  const unreadable: string[] = [];
  const rosterOf = async (teamId: string): Promise<Member[]> => {
    const cached = rosters.get(teamId);
    if (cached) return cached;
    const team = teams.find((t) => t.teamId === teamId);
    if (!team) return [];
    try {
      const members = await s.roster.members(team);
      rosters.set(teamId, members);
      return members;
    } catch (err) {
      s.log.warn({ err, teamId }, 'team roster not readable');
      unreadable.push(team.name || team.teamId);
      rosters.set(teamId, []);
      return [];
    }
  };
  for (const entry of org.teams) for (const t of teamsMatching(known, entry.team)) await rosterOf(t.teamId);
  const unitLeaders = await resolveUnitLeaders(tree.units, rosterOf);
  const council =
    org.council &&
    (await resolveCouncil(
      org.council,
      teams.map((t) => t.teamId),
      rosterOf,
    ));
  // without a roster a leader would look like "not a member" and lose the grant: change nothing instead.
  if (unreadable.length > 0)
    return rejected(
      unreadable.map((name) => ({
        file,
        path: '',
        message: `the member list of team '${name}' could not be read; leaders were not changed`,
      })),
    );

  const flat = resolveOrgLeaders(org, known, (teamId) => rosters.get(teamId) ?? []);
  const grants = flat.grants;
  const unresolved = [
    ...flat.unresolved.map((u) => {
      const line = reading.teamLines.get(u.team.toLowerCase());
      return line === undefined ? u : { ...u, line };
    }),
    ...tree.unresolved,
    ...unitLeaders.unresolved,
    ...(council?.unresolved ?? []),
  ].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  const upnOf = (teamId: string, personId: string) => rosters.get(teamId)?.find((m) => m.aadObjectId === personId)?.upn;
  const at = s.now();
  const synced = await s.storage.roles.syncFileLeaders(
    file,
    grants.map((g) => ({
      teamId: g.teamId,
      personId: g.leaderAadObjectId,
      name: g.leaderName,
      upn: upnOf(g.teamId, g.leaderAadObjectId),
    })),
    at,
  );
  const unitsChanged = await s.storage.org.replaceUnits(
    `file:${file}`,
    tree.units.map(({ leaders: _leaders, line: _line, ...unit }) => unit),
    at,
  );
  const unitSync = await s.storage.org.syncUnitLeaders(file, unitLeaders.grants, at);
  const councilSync = council && (await s.storage.roles.syncFileCouncil(file, council.members, at));
  for (const [action, grants] of [
    ['council.grant', councilSync?.added ?? []],
    ['council.revoke', councilSync?.removed ?? []],
  ] as const)
    for (const g of grants)
      await s.storage.audit.record({
        actorId: actor?.id ?? 'system',
        actorName: actor?.name,
        action,
        target: g.personId,
        details: { ...(g.name && { name: g.name }), source: `file:${file}` },
        at,
      });
  // like a grant in chat: a member the file adds gets what already waits for the council.
  for (const g of councilSync?.added ?? []) await pendingCardsFor(s, g.personId);
  Object.assign(report, {
    synced: true,
    errors: reading.errors,
    unresolved,
    total: grants.length,
    added: synced.added,
    removed: synced.removed,
    ...(org.units !== undefined && { units: { count: tree.units.length, leaders: unitLeaders.grants.length } }),
  });
  for (const u of unresolved)
    s.log.warn(
      { file, line: u.line, team: u.team, unit: u.unit, reason: u.reason },
      `organisation file entry not resolved: ${describeUnresolved(u)}`,
    );
  const changes = synced.added + synced.removed + unitSync.added + unitSync.removed + unitsChanged;
  if (changes > 0) {
    await s.storage.audit.record({
      actorId: actor?.id ?? 'system',
      actorName: actor?.name,
      action: 'leader.sync',
      target: `file:${file}`,
      details: {
        added: synced.added,
        removed: synced.removed,
        unresolved: unresolved.length,
        ...(org.units !== undefined && {
          units: tree.units.length,
          unitsChanged,
          unitLeadersAdded: unitSync.added,
          unitLeadersRemoved: unitSync.removed,
        }),
      },
      at,
    });
  }
  s.log.info(
    {
      file,
      grants: grants.length,
      added: synced.added,
      removed: synced.removed,
      units: tree.units.length,
      unitLeaders: unitLeaders.grants.length,
      skipped: reading.errors.length,
      unresolved: unresolved.length,
    },
    'organisation file loaded',
  );
  return report;
}

/**
 * looks each unit leader up in the rosters of the teams below the unit (any depth), reading rosters only until the
 * leader is found: the bot can open a 1:1 chat only with members of teams it is installed in.
 */
async function resolveUnitLeaders(
  units: readonly UnitWithWantedLeaders[],
  rosterOf: (teamId: string) => Promise<Member[]>,
): Promise<{ grants: FileUnitLeader[]; unresolved: UnresolvedEntry[] }> {
  const org: Organisation = { units: units.map(({ leaders: _l, line: _line, ...u }) => ({ ...u, leaderIds: [] })) };
  const grants: FileUnitLeader[] = [];
  const unresolved: UnresolvedEntry[] = [];
  for (const unit of units) {
    const below = teamsBelow(org, unit.id);
    for (const wanted of unit.leaders) {
      let member: Member | undefined;
      for (const teamId of below) {
        member = findMember(await rosterOf(teamId), wanted);
        if (member) break;
      }
      if (!member) {
        unresolved.push({
          unit: unit.name,
          team: '',
          leader: wanted,
          reason: 'notInUnit',
          ...(unit.line !== undefined && { line: unit.line }),
        });
        continue;
      }
      if (grants.some((g) => g.unitId === unit.id && g.personId === member.aadObjectId)) continue;
      grants.push({
        unitId: unit.id,
        personId: member.aadObjectId,
        name: member.name,
        ...(member.upn && { upn: member.upn }),
      });
    }
  }
  return { grants, unresolved };
}

/** finds each council member of the file in the rosters of the installed teams, reading rosters only until found. */
async function resolveCouncil(
  wanted: readonly string[],
  teamIds: readonly string[],
  rosterOf: (teamId: string) => Promise<Member[]>,
): Promise<{ members: { personId: string; name: string; upn?: string }[]; unresolved: UnresolvedEntry[] }> {
  const members: { personId: string; name: string; upn?: string }[] = [];
  const unresolved: UnresolvedEntry[] = [];
  for (const person of wanted) {
    let member: Member | undefined;
    for (const teamId of teamIds) {
      member = findMember(await rosterOf(teamId), person);
      if (member) break;
    }
    if (!member) unresolved.push({ team: '', leader: person, reason: 'councilNotFound' });
    else if (!members.some((m) => m.personId === member.aadObjectId))
      members.push({ personId: member.aadObjectId, name: member.name, ...(member.upn && { upn: member.upn }) });
  }
  return { members, unresolved };
}

/** how long a resolution of the organisation file stands before the digest run resolves it again. */
const ORG_REFRESH_MS = 10 * 60_000;

const refreshes = new WeakMap<object, { running?: Promise<unknown>; doneAt?: number }>();

/**
 * resolves the organisation file again, so teams installed or renamed since get their units and leaders. `force`
 * (a team installed or renamed) always resolves; otherwise (before a digest run) at most once every 10 minutes per
 * instance. Runs one at a time per instance; never throws (problems are logged by `reloadOrgFile`).
 */
export async function refreshOrganisation(s: OrgSyncPorts, reason: string, force = false): Promise<void> {
  if (!s.config.orgFile) return;
  const state = refreshes.get(s.storage) ?? {};
  refreshes.set(s.storage, state);
  if (state.running) await state.running.catch(() => undefined);
  if (!force && state.doneAt !== undefined && s.now().getTime() - state.doneAt < ORG_REFRESH_MS) return;
  const run = reloadOrgFile(s).then(
    () => {
      state.doneAt = s.now().getTime();
    },
    (err: unknown) => s.log.error({ err, reason }, 'organisation file could not be resolved'),
  );
  state.running = run;
  try {
    await run;
  } finally {
    if (state.running === run) delete state.running;
  }
}

/** the report as lines for the admin's chat, like the campaign files' report. */
export function orgFileReportLines(locale: Locale, report: OrgFileReport | undefined): string[] {
  if (!report) return [];
  const m = messages(locale);
  if (!report.synced)
    return [
      m.orgFileRejected(report.file, report.errors.length),
      ...report.errors.map((e) => `• ${formatOrgFileError(e)}`),
    ];
  return [
    m.orgFileLoaded(report.file, report.total, report.added, report.removed),
    ...(report.units ? [m.orgUnitsLoaded(report.units.count, report.units.leaders)] : []),
    ...(report.errors.length > 0
      ? [m.orgFileEntryErrors(report.errors.length), ...report.errors.map((e) => `• ${formatOrgFileError(e)}`)]
      : []),
    ...(report.unresolved.length > 0
      ? [
          m.orgFileUnresolved(report.unresolved.length),
          ...report.unresolved.map((u) => `• ${formatUnresolved(report.file, u)}`),
        ]
      : []),
  ];
}
