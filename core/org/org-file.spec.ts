import {
  describeUnresolved,
  formatOrgFileError,
  parseOrgFile,
  resolveOrgLeaders,
  type OrgFile,
  type RosterMember,
} from './org-file';

const EXAMPLE = `teams:
  - team: Team Digitalisierung        # team name or id
    leaders: [Anna.Becker@amt.example]
  - team: 19:abc@thread.tacv2
    leaders:
      - 3f2b8c1e-0d4a-4e8b-9c7f-1a2b3c4d5e6f
`;

const orgOf = (name: string, text: string): OrgFile => {
  const r = parseOrgFile(name, text);
  if (!r.ok) throw new Error(r.errors.map(formatOrgFileError).join('\n'));
  return r.org;
};
const errorsOf = (name: string, text: string) => {
  const r = parseOrgFile(name, text);
  if (r.ok) throw new Error('expected errors');
  return r.errors.map(formatOrgFileError);
};

describe('parseOrgFile', () => {
  test('reads teams and leaders, lowercasing UPNs', () => {
    expect(orgOf('org.yml', EXAMPLE)).toEqual({
      teams: [
        { team: 'Team Digitalisierung', leaders: ['anna.becker@amt.example'] },
        { team: '19:abc@thread.tacv2', leaders: ['3f2b8c1e-0d4a-4e8b-9c7f-1a2b3c4d5e6f'] },
      ],
    });
  });

  test('reads the same from JSON', () => {
    expect(orgOf('org.json', JSON.stringify({ teams: [{ team: 'T', leaders: ['a@b.de'] }] }))).toEqual({
      teams: [{ team: 'T', leaders: ['a@b.de'] }],
    });
  });

  test('names file, line and path of a bad leader', () => {
    expect(errorsOf('org.yml', 'teams:\n  - team: T\n    leaders: [anna]\n')).toEqual([
      "org.yml:3 teams[0].leaders[0]: 'anna' is neither a UPN (name@domain) nor an AAD object id",
    ]);
  });

  test('names missing keys, unknown keys and duplicate teams', () => {
    const text =
      'teams:\n  - team: T\n    leaders: [a@b.de]\n  - team: t\n    leaders: [a@b.de]\n    boss: x\n  - team: U\n';
    expect(errorsOf('org.yml', text)).toEqual([
      "org.yml:6 teams[1].boss: unknown key 'boss'",
      'org.yml:7 teams[2].leaders: is required',
    ]);
    const duplicates = 'teams:\n  - team: T\n    leaders: [a@b.de, A@b.de]\n  - team: t\n    leaders: [a@b.de]\n';
    expect(errorsOf('org.yml', duplicates)).toEqual([
      "org.yml:3 teams[0].leaders[1]: 'a@b.de' appears twice",
      "org.yml:4 teams[1].team: team 't' is already listed at teams[0]",
    ]);
  });

  test('reports syntax errors and empty files with a line or the file', () => {
    expect(errorsOf('org.yml', 'teams: [\n')[0]).toMatch(/^org\.yml:\d+ YAML syntax error/);
    expect(errorsOf('org.json', '{"teams": [}')[0]).toMatch(/^org\.json(:1)? JSON syntax error/);
    expect(errorsOf('org.yml', '')).toEqual(['org.yml the file is empty']);
    expect(errorsOf('org.txt', 'x')).toEqual(['org.txt unknown file type; use .yml, .yaml or .json']);
  });
});

describe('resolveOrgLeaders', () => {
  const teams = [
    { teamId: '19:abc@thread.tacv2', name: 'Team Recht' },
    { teamId: '19:def@thread.tacv2', name: 'Team Digitalisierung' },
    { teamId: '19:g1@thread.tacv2', name: 'Doppelt' },
    { teamId: '19:g2@thread.tacv2', name: 'doppelt' },
  ];
  const anna: RosterMember = { aadObjectId: 'AAD-ANNA', upn: 'Anna.Becker@amt.example', name: 'Anna Becker' };
  const ben: RosterMember = { aadObjectId: '3f2b8c1e-0d4a-4e8b-9c7f-1a2b3c4d5e6f', name: 'Ben Schulz' };
  const rosters: Record<string, RosterMember[]> = { '19:def@thread.tacv2': [anna], '19:abc@thread.tacv2': [ben] };
  const roster = (teamId: string) => rosters[teamId] ?? [];

  test('resolves teams by name or id and leaders by UPN or object id', () => {
    const { grants, unresolved } = resolveOrgLeaders(orgOf('org.yml', EXAMPLE), teams, roster);
    expect(unresolved).toEqual([]);
    expect(grants).toEqual([
      {
        teamId: '19:def@thread.tacv2',
        teamName: 'Team Digitalisierung',
        leaderAadObjectId: 'AAD-ANNA',
        leaderName: 'Anna Becker',
      },
      {
        teamId: '19:abc@thread.tacv2',
        teamName: 'Team Recht',
        leaderAadObjectId: ben.aadObjectId,
        leaderName: 'Ben Schulz',
      },
    ]);
  });

  test('explains unknown and ambiguous teams and leaders outside the team', () => {
    const org: OrgFile = {
      teams: [
        { team: 'Gibt es nicht', leaders: ['a@b.de'] },
        { team: 'DOPPELT', leaders: ['a@b.de'] },
        { team: 'team digitalisierung', leaders: ['ben@amt.example', 'anna.becker@amt.example'] },
      ],
    };
    const { grants, unresolved } = resolveOrgLeaders(org, teams, roster);
    expect(grants.map((g) => g.leaderName)).toEqual(['Anna Becker']);
    expect(unresolved.map(describeUnresolved)).toEqual([
      "team 'Gibt es nicht': no installed team has this name or id",
      "team 'DOPPELT': several installed teams have this name; use the team id",
      "team 'team digitalisierung': leader 'ben@amt.example' is not a member of the team",
    ]);
  });
});
