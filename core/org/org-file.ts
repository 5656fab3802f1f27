import { z } from 'zod';
import type { Member } from '../people';
import { formatFileError, formatPath, readSource, type FileError } from '../config-file';

/** one problem in the organisation file: where (file, 1-based line when known, path such as `teams[0].leaders[1]`) and what. */
export type OrgFileError = FileError;

/** a team and the leaders assigned to it; leaders are UPNs (lowercased) or AAD object ids. */
export interface OrgTeam {
  /** a team name or team id, as written. */
  team: string;
  leaders: string[];
}

/** the organisation file: which leaders get the digest of which team. */
export interface OrgFile {
  teams: OrgTeam[];
}

export type OrgFileResult = { ok: true; org: OrgFile } | { ok: false; errors: OrgFileError[] };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UPN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

const leader = z
  .string({ error: 'must be a UPN (name@domain) or an AAD object id' })
  .trim()
  .refine((v) => GUID.test(v) || UPN.test(v), {
    error: (issue) => `'${String(issue.input)}' is neither a UPN (name@domain) nor an AAD object id`,
  })
  .transform((v) => v.toLowerCase());

/** the organisation file as written. */
export const orgFileSchema = z
  .strictObject(
    {
      teams: z
        .array(
          z.strictObject(
            {
              team: z
                .string({
                  error: (issue) =>
                    issue.input === undefined ? 'is required: a team name or id' : 'must be a team name or id',
                })
                .trim()
                .min(1, { error: 'must not be empty' })
                .max(200),
              leaders: z
                .array(leader, {
                  error: (issue) =>
                    issue.input === undefined ? 'is required' : 'must be a list such as [anna.becker@amt.example]',
                })
                .min(1, { error: 'needs at least one leader' }),
            },
            { error: 'must be a mapping with team and leaders' },
          ),
          { error: 'must be a list of entries with team and leaders' },
        )
        .min(1, { error: 'needs at least one team' }),
    },
    {
      error: (issue) =>
        issue.input === undefined || issue.input === null
          ? 'the file is empty'
          : 'the file must be a mapping with the key teams',
    },
  )
  .superRefine((file, ctx) => {
    const seen = new Map<string, number>();
    file.teams.forEach((entry, index) => {
      const key = entry.team.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['teams', index, 'team'],
          message: `team '${entry.team}' is already listed at teams[${first}]`,
        });
      else seen.set(key, index);
      entry.leaders.forEach((l, i) => {
        if (entry.leaders.indexOf(l) !== i)
          ctx.addIssue({ code: 'custom', path: ['teams', index, 'leaders', i], message: `'${l}' appears twice` });
      });
    });
  });

/**
 * reads the organisation file (.yml/.yaml as YAML 1.2, .json as JSON) and validates it. Never throws;
 * every problem comes back with file, line and path, like campaign files.
 */
export function parseOrgFile(fileName: string, text: string): OrgFileResult {
  const source = readSource(fileName, text);
  if (!source.ok) return source;
  const { data, locate } = source;
  const parsed = orgFileSchema.safeParse(data);
  if (parsed.success) return { ok: true, org: parsed.data };
  const errors = parsed.error.issues.flatMap((issue): OrgFileError[] => {
    const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    return paths.map((path) => {
      const line = locate(path);
      const message =
        issue.code === 'unrecognized_keys' ? `unknown key '${String(path[path.length - 1])}'` : issue.message;
      return { file: fileName, ...(line !== undefined && { line }), path: formatPath(path), message };
    });
  });
  return { ok: false, errors: errors.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity)) };
}

/** one line for logs and the admin: 'org.yml:4 teams[0].leaders[1]: …'. */
export const formatOrgFileError = formatFileError;

/** a team the bot is installed in. */
export interface KnownTeam {
  teamId: string;
  name: string;
}

/** a team member as the roster lists them (core/people.ts). */
export type RosterMember = Member;

/** a leader assigned to a team, resolved to an AAD object id. */
export interface LeaderGrant {
  teamId: string;
  teamName: string;
  leaderAadObjectId: string;
  leaderName: string;
}

/** an entry of the file that did not become a grant, and why. */
export interface UnresolvedEntry {
  team: string;
  leader?: string;
  reason: 'unknownTeam' | 'ambiguousTeam' | 'notInTeam';
}

/**
 * resolves the organisation file against the installed teams and their rosters: a team matches by id,
 * else by name (case-insensitive; two teams of that name → ambiguous); a leader matches a roster member
 * by AAD object id or UPN (case-insensitive). Leaders must be members of the team, because the bot can
 * only open a 1:1 chat with members of teams it is installed in. Duplicate grants are dropped.
 */
export function resolveOrgLeaders(
  org: OrgFile,
  teams: readonly KnownTeam[],
  roster: (teamId: string) => readonly RosterMember[],
): { grants: LeaderGrant[]; unresolved: UnresolvedEntry[] } {
  const grants: LeaderGrant[] = [];
  const unresolved: UnresolvedEntry[] = [];
  const granted = new Set<string>();
  for (const entry of org.teams) {
    const wanted = entry.team.trim().toLowerCase();
    const byId = teams.filter((t) => t.teamId.toLowerCase() === wanted);
    const matches = byId.length > 0 ? byId : teams.filter((t) => t.name.trim().toLowerCase() === wanted);
    if (matches.length !== 1) {
      unresolved.push({ team: entry.team, reason: matches.length === 0 ? 'unknownTeam' : 'ambiguousTeam' });
      continue;
    }
    const team = matches[0]!;
    const members = roster(team.teamId);
    for (const wantedLeader of entry.leaders) {
      const id = wantedLeader.toLowerCase();
      const member = members.find((m) => m.aadObjectId.toLowerCase() === id || m.upn?.toLowerCase() === id);
      if (!member) {
        unresolved.push({ team: entry.team, leader: wantedLeader, reason: 'notInTeam' });
        continue;
      }
      const key = `${team.teamId}|${member.aadObjectId}`;
      if (granted.has(key)) continue;
      granted.add(key);
      grants.push({
        teamId: team.teamId,
        teamName: team.name,
        leaderAadObjectId: member.aadObjectId,
        leaderName: member.name,
      });
    }
  }
  return { grants, unresolved };
}

/** an unresolved entry as one English line for the admin and the log. */
export function describeUnresolved(u: UnresolvedEntry): string {
  switch (u.reason) {
    case 'unknownTeam':
      return `team '${u.team}': no installed team has this name or id`;
    case 'ambiguousTeam':
      return `team '${u.team}': several installed teams have this name; use the team id`;
    case 'notInTeam':
      return `team '${u.team}': leader '${u.leader ?? ''}' is not a member of the team`;
  }
}
