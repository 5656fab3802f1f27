import { z } from 'zod';
import type { Member } from '../people';
import { formatFileError, formatPath, readSource, type FileError, type Path } from '../config-file';

/** one problem in the organisation file: where (file, 1-based line when known, path such as `teams[0].leaders[1]`) and what. */
export type OrgFileError = FileError;

/** a team and the leaders assigned to it; leaders are UPNs (lowercased) or AAD object ids. */
export interface OrgTeam {
  /** a team name or team id, as written. */
  team: string;
  leaders: string[];
}

/**
 * a unit of the organisation as written (Amt, Abteilung, Sachgebiet …): its id (the explicit `id:` or, without one,
 * derived from the name by `unitIdOf`), its leaders (UPNs lowercased, or AAD object ids), the teams that belong to it
 * directly (names or ids, as written) and its sub-units.
 */
export interface OrgUnitEntry {
  id: string;
  name: string;
  leaders: string[];
  teams: string[];
  units: OrgUnitEntry[];
  /** the 1-based line of the entry in the file, when known (for reports). */
  line?: number;
}

/** the organisation file: which leaders get the digest of which team (`teams:`), and the units above the teams (`units:`). */
export interface OrgFile {
  teams: OrgTeam[];
  /** present when the file has a `units:` list. */
  units?: OrgUnitEntry[];
  /** present when the file has a `council:` list: the staff council (Personalrat), UPNs (lowercased) or AAD object ids. */
  council?: string[];
}

export type OrgFileResult = { ok: true; org: OrgFile } | { ok: false; errors: OrgFileError[] };

/** how deep units may nest: an Amt with five levels below it. Deeper units are reported and skipped. */
export const MAX_UNIT_DEPTH = 6;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UPN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const UNIT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const leader = z
  .string({ error: 'must be a UPN (name@domain) or an AAD object id' })
  .trim()
  .refine((v) => GUID.test(v) || UPN.test(v), {
    error: (issue) => `'${String(issue.input)}' is neither a UPN (name@domain) nor an AAD object id`,
  })
  .transform((v) => v.toLowerCase());

const teamRef = z
  .string({
    error: (issue) => (issue.input === undefined ? 'is required: a team name or id' : 'must be a team name or id'),
  })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(200);

const list = (example: string) =>
  z.array(z.unknown(), {
    error: (issue) => (issue.input === undefined ? 'is required' : `must be a list such as ${example}`),
  });

/** a `teams:` entry; its leaders are checked one by one (a bad leader is skipped, the entry stays). */
const teamEntrySchema = z.strictObject(
  { team: teamRef, leaders: list('[anna.becker@amt.example]').min(1, { error: 'needs at least one leader' }) },
  { error: 'must be a mapping with team and leaders' },
);

/** a `units:` entry; leaders, teams and sub-units are checked one by one. */
const unitEntrySchema = z.strictObject(
  {
    unit: z
      .string({ error: (issue) => (issue.input === undefined ? "is required: the unit's name" : 'must be a name') })
      .trim()
      .min(1, { error: 'must not be empty' })
      .max(200),
    id: z
      .string()
      .regex(UNIT_ID, { error: 'must be a slug: lowercase letters, digits and hyphens, e.g. abteilung-leistungen' })
      .max(100)
      .optional(),
    leaders: list('[anna.becker@amt.example]').optional(),
    teams: list('[Team Leistung, 19:abc@thread.tacv2]').optional(),
    units: list('[{ unit: Sachgebiet 1 }]').optional(),
  },
  { error: 'must be a mapping with unit and optionally id, leaders, teams and units' },
);

/** the file's top level: `teams:`, `units:` or both. */
const fileSchema = z.strictObject(
  {
    teams: z
      .array(z.unknown(), { error: 'must be a list of entries with team and leaders' })
      .min(1, { error: 'needs at least one team' })
      .optional(),
    units: z
      .array(z.unknown(), { error: 'must be a list of units such as [{ unit: Sozialamt }]' })
      .min(1, { error: 'needs at least one unit' })
      .optional(),
    council: z.array(z.unknown(), { error: 'must be a list of people such as [anna.becker@amt.example]' }).optional(),
  },
  {
    error: (issue) =>
      issue.input === undefined || issue.input === null
        ? 'the file is empty'
        : 'the file must be a mapping with the keys teams and/or units',
  },
);

/** the id a unit gets without an explicit `id:`: its name as a slug (umlauts spelled out), e.g. abteilung-leistungen. */
export function unitIdOf(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/ß/g, 'ss')
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 100)
      .replace(/-+$/, '') || 'einheit'
  );
}

/** what reading the organisation file gave: every entry that is fine, and the problems of the others. */
export interface OrgFileReading {
  /** undefined when the file as a whole cannot be read (syntax, not a mapping); nothing applies then. */
  org?: OrgFile;
  errors: OrgFileError[];
  /** the line of each `teams:` entry that applies, by the team as written (lowercased). */
  teamLines: Map<string, number>;
}

/**
 * reads the organisation file (.yml/.yaml as YAML 1.2, .json as JSON) entry by entry. Never throws. A syntax error, or a
 * top level that is not a mapping, makes the whole file unreadable (`org` undefined). Otherwise every problem is the
 * problem of its entry and comes back with file, line and path while the other entries apply:
 * - a leader or team reference that is not valid (or appears twice in its list) is skipped;
 * - a `teams:` entry whose team is missing, invalid or already listed, or which has an unknown key or no leaders, is
 *   skipped;
 * - a unit whose name or id is missing, invalid or already used, which has an unknown key, or which lies deeper than
 *   MAX_UNIT_DEPTH levels, is skipped with all its sub-units (they would have no place in the tree; their own problems
 *   are still reported).
 * Unit names and ids are unique in the file (case-insensitive); the id is the explicit `id:` or `unitIdOf(name)`.
 */
export function readOrgFile(fileName: string, text: string): OrgFileReading {
  const source = readSource(fileName, text);
  if (!source.ok) return { errors: source.errors, teamLines: new Map() };
  const { data, locate } = source;
  const errors: OrgFileError[] = [];
  const report = (issues: readonly z.core.$ZodIssue[], at: Path) => {
    for (const issue of issues) {
      const paths =
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((k) => [...at, ...issue.path, k])
          : [[...at, ...issue.path]];
      for (const path of paths) {
        const line = locate(path);
        const message =
          issue.code === 'unrecognized_keys' ? `unknown key '${String(path[path.length - 1])}'` : issue.message;
        errors.push({ file: fileName, ...(line !== undefined && { line }), path: formatPath(path), message });
      }
    }
  };
  const custom = (path: Path, message: string) =>
    report([{ code: 'custom', path: [], message, input: undefined }], path);
  const top = fileSchema.safeParse(data);
  if (!top.success) {
    const fatal = top.error.issues.some((i) => i.path.length === 0 && i.code !== 'unrecognized_keys');
    report(top.error.issues, []);
    if (fatal) return { errors: sortByLine(errors), teamLines: new Map() };
  }
  const raw = (data ?? {}) as { teams?: unknown; units?: unknown; council?: unknown };
  if (raw.teams === undefined && raw.units === undefined && raw.council === undefined && errors.length === 0)
    custom([], 'needs teams or units');
  const items = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

  /** the valid, distinct elements of a list; the others are reported. */
  const eachValid = <T>(values: unknown[], at: Path, schema: z.ZodType<T>, key: (v: T) => string): T[] => {
    const out: T[] = [];
    const seen = new Set<string>();
    values.forEach((value, index) => {
      const parsed = schema.safeParse(value);
      if (!parsed.success) return report(parsed.error.issues, [...at, index]);
      const k = key(parsed.data);
      if (seen.has(k)) return custom([...at, index], `'${String(parsed.data)}' appears twice`);
      seen.add(k);
      out.push(parsed.data);
    });
    return out;
  };

  const teams: OrgTeam[] = [];
  const teamSeen = new Map<string, number>();
  const teamLines = new Map<string, number>();
  if (top.success || Array.isArray(raw.teams))
    items(raw.teams).forEach((value, index) => {
      const at = ['teams', index];
      const parsed = teamEntrySchema.safeParse(value);
      if (!parsed.success) return report(parsed.error.issues, at);
      const leaders = eachValid(parsed.data.leaders, [...at, 'leaders'], leader, (l) => l);
      const key = parsed.data.team.toLowerCase();
      const first = teamSeen.get(key);
      if (first !== undefined)
        return custom([...at, 'team'], `team '${parsed.data.team}' is already listed at teams[${first}]`);
      teamSeen.set(key, index);
      if (leaders.length === 0) return;
      teams.push({ team: parsed.data.team, leaders });
      const line = locate(at);
      if (line !== undefined) teamLines.set(key, line);
    });

  const unitNames = new Map<string, string>();
  const unitIds = new Map<string, string>();
  const readUnits = (values: unknown[], at: Path, depth: number, keep: boolean): OrgUnitEntry[] => {
    const out: OrgUnitEntry[] = [];
    values.forEach((value, index) => {
      const here = [...at, index];
      const where = formatPath(here);
      const parsed = unitEntrySchema.safeParse(value);
      let ok = keep;
      if (!parsed.success) {
        report(parsed.error.issues, here);
        ok = false;
      }
      const fields = parsed.success ? parsed.data : undefined;
      if (fields && depth > MAX_UNIT_DEPTH) {
        custom(here, `lies ${depth} levels deep; units may nest at most ${MAX_UNIT_DEPTH} levels`);
        return;
      }
      if (fields) {
        const name = fields.unit.toLowerCase();
        const id = fields.id ?? unitIdOf(fields.unit);
        const sameName = unitNames.get(name);
        const sameId = unitIds.get(id);
        if (sameName !== undefined) {
          custom([...here, 'unit'], `unit '${fields.unit}' is already listed at ${sameName}`);
          ok = false;
        } else if (sameId !== undefined) {
          custom(
            [...here, fields.id ? 'id' : 'unit'],
            `unit id '${id}' is already used at ${sameId}; give one of them another id:`,
          );
          ok = false;
        } else {
          unitNames.set(name, where);
          unitIds.set(id, where);
        }
      }
      const raw = (value ?? {}) as { units?: unknown };
      const below = readUnits(items(fields?.units ?? raw.units), [...here, 'units'], depth + 1, ok);
      if (!fields || !ok) return;
      const line = locate(here);
      out.push({
        id: fields.id ?? unitIdOf(fields.unit),
        name: fields.unit,
        leaders: eachValid(fields.leaders ?? [], [...here, 'leaders'], leader, (l) => l),
        teams: eachValid(fields.teams ?? [], [...here, 'teams'], teamRef, (t) => t.toLowerCase()),
        units: below,
        ...(line !== undefined && { line }),
      });
    });
    return out;
  };
  const units = raw.units === undefined ? undefined : readUnits(items(raw.units), ['units'], 1, true);
  const council = raw.council === undefined ? undefined : eachValid(items(raw.council), ['council'], leader, (l) => l);
  return {
    org: { teams, ...(units !== undefined && { units }), ...(council !== undefined && { council }) },
    errors: sortByLine(errors),
    teamLines,
  };
}

function sortByLine(errors: OrgFileError[]): OrgFileError[] {
  return errors.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
}

/** the file without line numbers, as the strict reading returns it. */
function withoutLines(units: OrgUnitEntry[]): OrgUnitEntry[] {
  return units.map(({ line: _line, units: below, ...unit }) => ({ ...unit, units: withoutLines(below) }));
}

/**
 * reads the organisation file and accepts it only as a whole: any problem (see `readOrgFile`) makes it `ok: false`
 * with every problem, each with file, line and path, like campaign files. Never throws.
 */
export function parseOrgFile(fileName: string, text: string): OrgFileResult {
  const read = readOrgFile(fileName, text);
  if (!read.org || read.errors.length > 0) return { ok: false, errors: read.errors };
  const { teams, units, council } = read.org;
  return {
    ok: true,
    org: {
      teams,
      ...(units !== undefined && { units: withoutLines(units) }),
      ...(council !== undefined && { council }),
    },
  };
}

/** one line for logs and the admin: 'org.yml:4 teams[0].leaders[1]: …'. */
export const formatOrgFileError = formatFileError;

/** an unresolved entry as one English line with its place in the file: 'org.yml:7 unit 'Sachgebiet 2': team …'. */
export function formatUnresolved(file: string, u: UnresolvedEntry): string {
  return `${u.line === undefined ? file : `${file}:${u.line}`} ${describeUnresolved(u)}`;
}

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

/** an entry of the file that did not become a grant (or a unit's team), and why. */
export interface UnresolvedEntry {
  team: string;
  leader?: string;
  /** the unit the entry belongs to (`units:` form); its team or leader did not resolve. */
  unit?: string;
  /** the entry's line in the file, when known. */
  line?: number;
  /**
   * unknownTeam / ambiguousTeam: no or several installed teams match; notInTeam: the leader is not a member of the
   * team; notInUnit: the unit leader is a member of no team below the unit; teamInOtherUnit: the team already belongs
   * to another unit (a team has one place in the tree).
   */
  reason: 'unknownTeam' | 'ambiguousTeam' | 'notInTeam' | 'notInUnit' | 'teamInOtherUnit' | 'councilNotFound';
  /** teamInOtherUnit: the unit the team stays with. */
  otherUnit?: string;
}

/** the roster member a leader line names: by AAD object id or UPN (case-insensitive). */
export function findMember(members: readonly RosterMember[], wanted: string): RosterMember | undefined {
  const id = wanted.toLowerCase();
  return members.find((m) => m.aadObjectId.toLowerCase() === id || m.upn?.toLowerCase() === id);
}

/** the installed teams a team reference matches: by id, else by name (case-insensitive). */
export function teamsMatching(teams: readonly KnownTeam[], reference: string): KnownTeam[] {
  const wanted = reference.trim().toLowerCase();
  const byId = teams.filter((t) => t.teamId.toLowerCase() === wanted);
  return byId.length > 0 ? byId : teams.filter((t) => t.name.trim().toLowerCase() === wanted);
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
    const matches = teamsMatching(teams, entry.team);
    if (matches.length !== 1) {
      unresolved.push({ team: entry.team, reason: matches.length === 0 ? 'unknownTeam' : 'ambiguousTeam' });
      continue;
    }
    const team = matches[0]!;
    const members = roster(team.teamId);
    for (const wantedLeader of entry.leaders) {
      const member = findMember(members, wantedLeader);
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
  if (u.unit !== undefined) {
    switch (u.reason) {
      case 'notInUnit':
        return `unit '${u.unit}': leader '${u.leader ?? ''}' is not a member of any team of the unit`;
      case 'teamInOtherUnit':
        return `unit '${u.unit}': team '${u.team}' already belongs to unit '${u.otherUnit ?? ''}'`;
      default: {
        const { unit, ...entry } = u;
        return `unit '${unit}': ${describeUnresolved(entry)}`;
      }
    }
  }
  switch (u.reason) {
    case 'notInUnit':
    case 'teamInOtherUnit':
      return `team '${u.team}': ${u.reason}`;
    case 'councilNotFound':
      return `council: '${u.leader ?? ''}' is not a member of any team Mitwirken is installed in`;
    case 'unknownTeam':
      return `team '${u.team}': no installed team has this name or id`;
    case 'ambiguousTeam':
      return `team '${u.team}': several installed teams have this name; use the team id`;
    case 'notInTeam':
      return `team '${u.team}': leader '${u.leader ?? ''}' is not a member of the team`;
  }
}
