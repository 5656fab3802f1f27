import { parseCampaignFile } from './campaign-file';
import { readTargets, wizardCampaign, type WizardDraft } from './campaign-form';
import { resolveTargets, type TargetTeam } from './campaign-posts';

/** campaigns aimed at units of the organisation file: every team below a unit, resolved when posting. */
const TZ = 'Europe/Berlin';
const file = (targets: string) =>
  `id: puls\ntitle: Puls\n${targets}\nitems:\n  - type: idea\n    question: Was fehlt?\n    schedule: { start: 2026-12-07T09:00 }\n`;

describe('campaign targets by unit', () => {
  test('a campaign file may name units instead of, or besides, teams', () => {
    const units = parseCampaignFile('c.yml', file('units: [leistungen, Sozialamt]'), { defaultTimeZone: TZ });
    expect(units.ok && units.campaign.targets).toEqual({
      kind: 'teams',
      teams: [],
      units: ['leistungen', 'Sozialamt'],
    });
    const both = parseCampaignFile('c.yml', file('teams: [Team Recht]\nunits: [leistungen]'), { defaultTimeZone: TZ });
    expect(both.ok && both.campaign.targets).toEqual({ kind: 'teams', teams: ['Team Recht'], units: ['leistungen'] });
  });

  test('units cannot be combined with all teams, and a file needs teams or units', () => {
    const all = parseCampaignFile('c.yml', file('teams: all\nunits: [leistungen]'), { defaultTimeZone: TZ });
    expect(!all.ok && all.errors).toEqual([expect.objectContaining({ path: 'units', line: 4 })]);
    const none = parseCampaignFile('c.yml', file(''), { defaultTimeZone: TZ });
    expect(!none.ok && none.errors.map((e) => [e.path, e.message])).toEqual([
      ['teams', 'is required (or units: a list of units)'],
    ]);
  });

  test('posting resolves a unit to exactly the teams below it; an unknown unit is a skipped target', () => {
    const teams: TargetTeam[] = [
      { teamId: 't1', teamName: 'Team Leistung', channels: [], units: ['leistungen', 'abteilung leistungen', 'amt'] },
      {
        teamId: 't2',
        teamName: 'Team Wohngeld',
        channels: [],
        units: ['wohngeld', 'sachgebiet wohngeld', 'leistungen', 'abteilung leistungen', 'amt'],
      },
      { teamId: 't3', teamName: 'Team Recht', channels: [], units: ['recht', 'amt'] },
      { teamId: 't4', teamName: 'Team Draußen', channels: [] },
    ];
    const targets = (units: string[], named: string[] = []) =>
      resolveTargets({ targets: { kind: 'teams', teams: named, units }, channel: 'General' }, teams).map((t) =>
        t.ok ? t.teamId : `skip:${t.reason}`,
      );
    expect(targets(['Abteilung Leistungen'])).toEqual(['t1', 't2']);
    expect(targets(['amt'], ['Team Leistung'])).toEqual(['t1', 't2', 't3']);
    expect(targets(['gibt-es-nicht'])).toEqual([
      "skip:unit 'gibt-es-nicht' not found in the organisation file, or no installed team below it",
    ]);
  });

  test('the wizard offers units: picked ones become the campaign targets', () => {
    expect(
      readTargets(
        { allTeams: 'false', teams: '', units: 'leistungen,evil', channel: 'General' },
        ['t1'],
        ['leistungen'],
      ),
    ).toEqual({
      ok: true,
      value: { all: false, teamIds: [], unitIds: ['leistungen'], channel: 'General' },
    });
    const none = readTargets(
      { allTeams: 'false', teams: '', units: 'evil', channel: 'General' },
      ['t1'],
      ['leistungen'],
    );
    expect(!none.ok && Object.keys(none.errors)).toEqual(['teams']);
    const draft: WizardDraft = {
      basics: { title: 'Puls', timeZone: TZ },
      items: [{ type: 'idea', question: 'Was fehlt?', options: [], anonymous: false }],
      schedules: [{ date: '2026-12-07', time: '09:00', repeat: 'once', openDays: 5 }],
      targets: { all: false, teamIds: [], unitIds: ['leistungen'], channel: 'General' },
    };
    const built = wizardCampaign(draft, 'puls-ab12', 'scheduled');
    expect(built.ok && built.campaign.targets).toEqual({ kind: 'teams', teams: [], units: ['leistungen'] });
  });
});
