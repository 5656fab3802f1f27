import { formatOrgFileError, formatUnresolved, readOrgFile, unitIdOf, type OrgUnitEntry } from './org-file';
import {
  findUnit,
  parentChain,
  resolveUnitTree,
  teamsBelow,
  unitLabelsOfTeam,
  unitsBelow,
  unitsLedBy,
  type Organisation,
} from './org-units';

const TREE = `units:
  - unit: Sozialamt
    leaders: [Amt.Leitung@amt.example]
    units:
      - unit: Abteilung Leistungen
        id: leistungen
        teams: [Team Leistung, 19:abc@thread.tacv2]
        units:
          - unit: Sachgebiet Wohngeld
            teams: [Team Wohngeld]
      - unit: Abteilung Recht
        teams: [Team Recht]
teams:
  - team: Team Recht
    leaders: [anna.becker@amt.example]
`;

const read = (text: string, file = 'org.yml') => readOrgFile(file, text);
const errors = (text: string) => read(text).errors.map(formatOrgFileError);
const idsOf = (units: readonly OrgUnitEntry[] | undefined): string[] =>
  (units ?? []).flatMap((u) => [u.id, ...idsOf(u.units)]);

describe('readOrgFile with units', () => {
  test('reads a three-level tree with ids, leaders, teams and lines, next to the flat teams list', () => {
    const { org, errors: problems } = read(TREE);
    expect(problems).toEqual([]);
    expect(org?.teams).toEqual([{ team: 'Team Recht', leaders: ['anna.becker@amt.example'] }]);
    const [amt] = org?.units ?? [];
    expect(amt).toMatchObject({ id: 'sozialamt', name: 'Sozialamt', leaders: ['amt.leitung@amt.example'], line: 2 });
    expect(amt?.units.map((u) => [u.id, u.teams, u.line])).toEqual([
      ['leistungen', ['Team Leistung', '19:abc@thread.tacv2'], 5],
      ['abteilung-recht', ['Team Recht'], 11],
    ]);
    expect(amt?.units[0]?.units[0]).toMatchObject({ id: 'sachgebiet-wohngeld', teams: ['Team Wohngeld'] });
  });

  test('an id is the name as a slug, umlauts spelled out', () => {
    expect(unitIdOf('Amt für Soziales & Wohnen')).toBe('amt-fuer-soziales-wohnen');
    expect(unitIdOf('Straßenverkehrsbehörde')).toBe('strassenverkehrsbehoerde');
  });

  test('a bad leader or team reference is skipped and reported; its unit stays', () => {
    const text = 'units:\n  - unit: A\n    leaders: [anna, b@amt.example]\n    teams: [T1, t1, ""]\n';
    const { org } = read(text);
    expect(org?.units?.[0]).toMatchObject({ id: 'a', leaders: ['b@amt.example'], teams: ['T1'] });
    expect(errors(text)).toEqual([
      "org.yml:3 units[0].leaders[0]: 'anna' is neither a UPN (name@domain) nor an AAD object id",
      "org.yml:4 units[0].teams[1]: 't1' appears twice",
      'org.yml:4 units[0].teams[2]: must not be empty',
    ]);
  });

  test('a unit with an unknown key or a name already used is skipped with its sub-units; the others stay', () => {
    const text = [
      'units:',
      '  - unit: A',
      '    boss: x',
      '    units:',
      '      - unit: A1',
      '  - unit: B',
      '  - unit: b',
      '  - unit: C',
      '    id: b',
      '  - unit: D',
    ].join('\n');
    expect(idsOf(read(text).org?.units)).toEqual(['b', 'd']);
    expect(errors(text)).toEqual([
      "org.yml:3 units[0].boss: unknown key 'boss'",
      "org.yml:7 units[2].unit: unit 'b' is already listed at units[1]",
      "org.yml:9 units[3].id: unit id 'b' is already used at units[1]; give one of them another id:",
    ]);
  });

  test('units nest at most six levels; a deeper unit is reported and skipped', () => {
    let text = 'units:\n';
    for (let depth = 0; depth < 7; depth++) {
      const pad = '  '.repeat(depth * 2);
      text += `${pad}  - unit: L${depth + 1}\n${depth < 6 ? `${pad}    units:\n` : ''}`;
    }
    expect(idsOf(read(text).org?.units)).toEqual(['l1', 'l2', 'l3', 'l4', 'l5', 'l6']);
    expect(errors(text)).toEqual([
      expect.stringMatching(/^org\.yml:14 units\[0\](\.units\[0\]){6}: lies 7 levels deep; units may nest at most 6/),
    ]);
  });

  test('a file that cannot be read as a whole gives no organisation', () => {
    expect(read('units: [\n').org).toBeUndefined();
    expect(read('- a\n- b\n').org).toBeUndefined();
    expect(errors('- a\n')).toEqual(['org.yml:1 the file must be a mapping with the keys teams and/or units']);
    expect(errors('{}\n')).toEqual(['org.yml:1 needs teams or units']);
  });
});

describe('the resolved organisation', () => {
  const teams = [
    { teamId: '19:abc@thread.tacv2', name: 'Team Leistung Nord' },
    { teamId: '19:lei@thread.tacv2', name: 'Team Leistung' },
    { teamId: '19:rec@thread.tacv2', name: 'Team Recht' },
  ];

  test('team references resolve by id or name; a missing team waits and is reported with its unit and line', () => {
    const { units, unresolved } = resolveUnitTree(read(TREE).org?.units ?? [], teams);
    expect(units.map((u) => [u.id, u.parentId, u.teamIds])).toEqual([
      ['sozialamt', undefined, []],
      ['leistungen', 'sozialamt', ['19:lei@thread.tacv2', '19:abc@thread.tacv2']],
      ['sachgebiet-wohngeld', 'leistungen', []],
      ['abteilung-recht', 'sozialamt', ['19:rec@thread.tacv2']],
    ]);
    expect(unresolved.map((u) => formatUnresolved('org.yml', u))).toEqual([
      "org.yml:9 unit 'Sachgebiet Wohngeld': team 'Team Wohngeld': no installed team has this name or id",
    ]);
  });

  test('a team has one place in the tree: a second unit naming it is reported', () => {
    const text = 'units:\n  - unit: A\n    teams: [Team Recht]\n  - unit: B\n    teams: [19:rec@thread.tacv2]\n';
    const { units, unresolved } = resolveUnitTree(read(text).org?.units ?? [], teams);
    expect(units.map((u) => u.teamIds)).toEqual([['19:rec@thread.tacv2'], []]);
    expect(unresolved.map((u) => formatUnresolved('org.yml', u))).toEqual([
      "org.yml:4 unit 'B': team '19:rec@thread.tacv2' already belongs to unit 'A'",
    ]);
  });

  const org: Organisation = {
    units: [
      { id: 'amt', name: 'Sozialamt', teamIds: ['t0'], leaderIds: ['p-amt'] },
      { id: 'abt', name: 'Abteilung', parentId: 'amt', teamIds: ['t1', 't2'], leaderIds: ['p-abt', 'p-amt'] },
      { id: 'sg', name: 'Sachgebiet', parentId: 'abt', teamIds: ['t3'], leaderIds: [] },
      { id: 'recht', name: 'Recht', parentId: 'amt', teamIds: ['t4'], leaderIds: [] },
    ],
  };

  test('the teams below a unit include every level beneath it', () => {
    expect(teamsBelow(org, 'amt')).toEqual(['t0', 't1', 't2', 't3', 't4']);
    expect(teamsBelow(org, 'abt')).toEqual(['t1', 't2', 't3']);
    expect(teamsBelow(org, 'sg')).toEqual(['t3']);
    expect(teamsBelow(org, 'nix')).toEqual([]);
    expect(unitsBelow(org, 'abt').map((u) => u.id)).toEqual(['abt', 'sg']);
  });

  test('the units a person leads, and the chain above a team or a unit', () => {
    expect(unitsLedBy(org, 'p-amt').map((u) => u.id)).toEqual(['amt', 'abt']);
    expect(unitsLedBy(org, 'someone')).toEqual([]);
    expect(parentChain(org, { teamId: 't3' }).map((u) => u.id)).toEqual(['sg', 'abt', 'amt']);
    expect(parentChain(org, { unitId: 'sg' }).map((u) => u.id)).toEqual(['abt', 'amt']);
    expect(parentChain(org, { teamId: 'elsewhere' })).toEqual([]);
    expect(unitLabelsOfTeam(org, 't1')).toEqual(['abt', 'abteilung', 'amt', 'sozialamt']);
    expect(findUnit(org, 'SACHGEBIET')?.id).toBe('sg');
    expect(findUnit(org, 'recht')?.name).toBe('Recht');
  });
});
