import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locale } from '../../core/locale';
import { messages } from '../../core/messages';
import type { Member } from '../../core/people';
import {
  describeUnresolved,
  formatOrgFileError,
  parseOrgFile,
  resolveOrgLeaders,
  type OrgFileError,
  type UnresolvedEntry,
} from '../../core/org/org-file';
import type { Actor } from './leader-assignment';
import type { LeadersPorts } from './ports';

/** what loading the organisation file did; `synced` false means the stored leaders were left as they were. */
export interface OrgFileReport {
  file: string;
  synced: boolean;
  /** the file's problems (syntax, schema, unreadable file or roster); with any, nothing is changed. */
  errors: OrgFileError[];
  /** entries that did not become a grant (unknown team, leader not a member), reported and skipped. */
  unresolved: UnresolvedEntry[];
  /** grants the file stands for now, and how many were added and removed by this load. */
  total: number;
  added: number;
  removed: number;
}

/**
 * reads ORG_FILE (YAML or JSON), resolves its teams and leaders against the installed teams and their rosters and
 * makes the stored file grants match it (storage.roles.syncFileLeaders). A bad file, or a roster that cannot be
 * read, changes nothing and is reported, never thrown; undefined when no ORG_FILE is configured.
 */
export async function reloadOrgFile(s: LeadersPorts, actor?: Actor): Promise<OrgFileReport | undefined> {
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
  const parsed = parseOrgFile(file, text);
  if (!parsed.ok) return rejected(parsed.errors);

  const teams = await s.storage.installations.activeTeams();
  const named = new Set(parsed.org.teams.map((t) => t.team.trim().toLowerCase()));
  const relevant = teams.filter((t) => named.has(t.teamId.toLowerCase()) || named.has(t.name.trim().toLowerCase()));
  const rosters = new Map<string, Member[]>();
  const unreadable: string[] = [];
  for (const team of relevant) {
    try {
      rosters.set(team.teamId, await s.roster.members(team));
    } catch (err) {
      s.log.warn({ err, teamId: team.teamId }, 'team roster not readable');
      unreadable.push(team.name || team.teamId);
    }
  }
  // without a roster a leader would look like "not a member" and lose the grant: change nothing instead.
  if (unreadable.length > 0)
    return rejected(
      unreadable.map((name) => ({
        file,
        path: '',
        message: `the member list of team '${name}' could not be read; leaders were not changed`,
      })),
    );

  const { grants, unresolved } = resolveOrgLeaders(
    parsed.org,
    teams.map((t) => ({ teamId: t.teamId, name: t.name })),
    (teamId) => rosters.get(teamId) ?? [],
  );
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
  Object.assign(report, {
    synced: true,
    unresolved,
    total: grants.length,
    added: synced.added,
    removed: synced.removed,
  });
  for (const u of unresolved)
    s.log.warn(
      { file, team: u.team, reason: u.reason },
      `organisation file entry not resolved: ${describeUnresolved(u)}`,
    );
  if (synced.added + synced.removed > 0) {
    await s.storage.audit.record({
      actorId: actor?.id ?? 'system',
      actorName: actor?.name,
      action: 'leader.sync',
      target: `file:${file}`,
      details: { added: synced.added, removed: synced.removed, unresolved: unresolved.length },
      at,
    });
  }
  s.log.info(
    { file, grants: grants.length, added: synced.added, removed: synced.removed, unresolved: unresolved.length },
    'organisation file loaded',
  );
  return report;
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
    ...(report.unresolved.length > 0
      ? [m.orgFileUnresolved(report.unresolved.length), ...report.unresolved.map((u) => `• ${describeUnresolved(u)}`)]
      : []),
  ];
}
