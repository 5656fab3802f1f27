import { ADMIN_COMMANDS, parseCommand } from './commands';
import { leaderTarget } from './leader-target';

describe('leaderTarget', () => {
  test('splits the person from the team at the first separator word', () => {
    expect(leaderTarget(['Anna', 'Becker', 'für', 'Team', 'Digitalisierung'])).toEqual({
      who: 'Anna Becker',
      team: 'Team Digitalisierung',
    });
    expect(leaderTarget(['anna.becker@amt.example', 'to', 'Team', 'Leistung'])).toEqual({
      who: 'anna.becker@amt.example',
      team: 'Team Leistung',
    });
    expect(leaderTarget(['Anna', 'aus', 'Team', 'Leistung'])).toEqual({ who: 'Anna', team: 'Team Leistung' });
  });

  test('keeps the whole text as the person when no team is named, and names with "von" intact; a separator without a team names none', () => {
    expect(leaderTarget(['Anna', 'von', 'Bergen'])).toEqual({ who: 'Anna von Bergen' });
    expect(leaderTarget([])).toEqual({ who: '' });
    expect(leaderTarget(['Anna', 'für'])).toEqual({ who: 'Anna' });
  });

  test('cuts very long input to 200 characters', () => {
    const long = leaderTarget(['x'.repeat(300), 'für', 'y'.repeat(300)]);
    expect(long.who).toHaveLength(200);
    expect(long.team).toHaveLength(200);
  });
});

describe('parseCommand for leaders, the digest and the export', () => {
  test.each([
    [
      'leitung hinzufügen Anna Becker für Team Digitalisierung',
      { name: 'addLeader', who: 'Anna Becker', team: 'Team Digitalisierung' },
    ],
    ['Leitung hinzufuegen Anna', { name: 'addLeader', who: 'Anna' }],
    [
      'add leader anna.becker@amt.example to Team Leistung',
      { name: 'addLeader', who: 'anna.becker@amt.example', team: 'Team Leistung' },
    ],
    ['leitung entfernen Anna aus Team Leistung', { name: 'removeLeader', who: 'Anna', team: 'Team Leistung' }],
    ['remove leader Anna from Team Leistung', { name: 'removeLeader', who: 'Anna', team: 'Team Leistung' }],
    ['leitungen', { name: 'leaders' }],
    ['leaders', { name: 'leaders' }],
    ['Überblick', { name: 'digest' }],
    ['digest', { name: 'digest' }],
    ['export', { name: 'export' }],
  ])('reads "%s"', (text, command) => {
    expect(parseCommand(text)).toEqual({ ok: true, value: command });
  });

  test('refuses "leitung" and "remove" without a verb they belong to, naming the word', () => {
    expect(parseCommand('leitung Anna')).toEqual({
      ok: false,
      problem: { key: 'errUnknownCommand', args: ['leitung'] },
    });
    expect(parseCommand('remove Anna')).toEqual({ ok: false, problem: { key: 'errUnknownCommand', args: ['remove'] } });
  });

  test('keeps leader assignment for admins, and the digest and the export for the handlers to decide', () => {
    for (const name of ['addLeader', 'removeLeader', 'leaders'] as const) expect(ADMIN_COMMANDS.has(name)).toBe(true);
    for (const name of ['digest', 'export'] as const) expect(ADMIN_COMMANDS.has(name)).toBe(false);
  });
});
