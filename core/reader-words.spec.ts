import { draftOf, resolveTargets, type TargetTeam } from './campaigns/campaign-posts';
import { channelDisplayName, targetLabel } from './installations';
import { generalChannelLabel, isGeneralChannelName, optionLabels } from './reader-words';
import { pollResults } from './tally';

const teams: TargetTeam[] = [
  {
    teamId: 'team-a',
    teamName: 'Team A',
    channels: [
      { channelId: 'team-a', name: 'General' },
      { channelId: 'ch-2', name: 'Projekte' },
    ],
  },
  { teamId: 'team-b', teamName: 'Team B', channels: [{ channelId: 'ch-b', name: 'Austausch' }] },
];

describe('General and Allgemein', () => {
  test.each(['General', 'Allgemein', ' allgemein ', 'GENERAL'])('"%s" names the General channel', (name) => {
    expect(isGeneralChannelName(name)).toBe(true);
  });

  test.each(['Allgemeines', 'Generell', 'Projekte', ''])('"%s" does not', (name) => {
    expect(isGeneralChannelName(name)).toBe(false);
  });

  test('General is labelled "Allgemein" for German readers and "General" for English ones', () => {
    expect(generalChannelLabel('de')).toBe('Allgemein');
    expect(generalChannelLabel('en')).toBe('General');
    const general = { teamId: 'team-a', channelId: 'team-a', name: 'General' };
    expect(channelDisplayName(general, 'de')).toBe('Allgemein');
    expect(channelDisplayName({ ...general, name: '' }, 'en')).toBe('General');
    expect(targetLabel({ teamId: 'team-a', name: 'Team A' }, general, 'de')).toBe('Team A › Allgemein');
    expect(channelDisplayName({ teamId: 'team-a', channelId: 'ch-2', name: 'Projekte' }, 'de')).toBe('Projekte');
  });

  test('a campaign file with "channel: Allgemein" posts into each team’s General, as "General" does', () => {
    const allgemein = resolveTargets({ targets: { kind: 'all' }, channel: 'Allgemein' }, teams);
    expect(allgemein).toEqual([
      { ok: true, teamId: 'team-a', channelId: 'team-a' },
      { ok: true, teamId: 'team-b', channelId: 'team-b' },
    ]);
    expect(resolveTargets({ targets: { kind: 'all' }, channel: 'General' }, teams)).toEqual(allgemein);
    expect(resolveTargets({ targets: { kind: 'teams', teams: ['Team A'] }, channel: 'Projekte' }, teams)).toEqual([
      { ok: true, teamId: 'team-a', channelId: 'ch-2' },
    ]);
  });
});

describe('yes/no options in the reader’s language', () => {
  const yesNo = draftOf({ type: 'yesno', question: 'Passt der neue Dienstplan?', anonymous: false } as never);

  test('a campaign yes/no question is stored as a yes/no question', () => {
    expect(yesNo).toMatchObject({ kind: 'poll', pollKind: 'single', yesNo: true });
    expect(yesNo.options).toHaveLength(2);
  });

  test('it says Ja/Nein to German readers and Yes/No to English readers, results included', () => {
    expect(optionLabels(yesNo, 'de')).toEqual(['Ja', 'Nein']);
    expect(optionLabels(yesNo, 'en')).toEqual(['Yes', 'No']);
    const item = { ...yesNo, status: 'closed' as const };
    const tally = { counts: [4, 2], voters: 6 };
    const rows = (locale: 'de' | 'en') => {
      const results = pollResults(item, tally, 5, locale);
      return results.visible ? results.rows.map((r) => r.label) : [];
    };
    expect(rows('de')).toEqual(['Ja', 'Nein']);
    expect(rows('en')).toEqual(['Yes', 'No']);
  });

  test('a poll whose options someone typed keeps them as written in every language', () => {
    const typed = { kind: 'poll' as const, pollKind: 'single' as const, options: ['Ja', 'Nein', 'Vielleicht'] };
    expect(optionLabels(typed, 'en')).toEqual(['Ja', 'Nein', 'Vielleicht']);
  });
});
