import {
  campaignSlug,
  defaultSchedule,
  isBlankItem,
  readBasics,
  readItem,
  readSchedules,
  readTargets,
  scheduleField,
  upcomingPosts,
  wizardCampaign,
  type WizardDraft,
} from './campaign-form';

const NOW = new Date('2026-11-27T08:00:00Z'); // 09:00 in Berlin
const TZ = 'Europe/Berlin';

describe('campaign wizard forms', () => {
  it('reads basics and names each bad field', () => {
    expect(readBasics({ title: ' Puls ', description: '', timeZone: TZ })).toEqual({
      ok: true,
      value: { title: 'Puls', timeZone: TZ },
    });
    const bad = readBasics({ title: ' ', description: 'x'.repeat(2001), timeZone: 'Mars/Olympus' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.title?.key).toBe('errFieldRequired');
      expect(bad.errors.description).toEqual({ key: 'errFieldTooLong', args: [2000] });
      expect(bad.errors.timeZone?.key).toBe('errTimeZone');
    }
  });

  it('reads a poll with options one per line and refuses duplicates and too few options', () => {
    expect(readItem({ type: 'poll', question: 'Wie?', options: 'gut\r\n\n schlecht ', anonymous: 'true' })).toEqual({
      ok: true,
      value: { type: 'poll', question: 'Wie?', options: ['gut', 'schlecht'], anonymous: true },
    });
    const one = readItem({ type: 'multi', question: 'Wie?', options: 'gut' });
    expect(!one.ok && one.errors.options).toEqual({ key: 'errOptionsCount', args: [2, 10] });
    const dup = readItem({ type: 'poll', question: 'Wie?', options: 'Gut\ngut' });
    expect(!dup.ok && dup.errors.options?.key).toBe('errOptionsDuplicate');
    const noType = readItem({ type: 'quiz', question: '' });
    expect(!noType.ok && Object.keys(noType.errors).sort()).toEqual(['question', 'type']);
  });

  it('ignores options for kinds without a choice list', () => {
    expect(readItem({ type: 'idea', question: 'Was?', options: 'a\nb' })).toEqual({
      ok: true,
      value: { type: 'idea', question: 'Was?', options: [], anonymous: false },
    });
    expect(isBlankItem({ type: 'idea', question: ' ', options: '' })).toBe(true);
    expect(isBlankItem({ question: 'x' })).toBe(false);
  });

  it('reads schedules per item with their own field ids and refuses the past, bad ends and reminders', () => {
    const values = {
      [scheduleField('date', 0)]: '2026-12-07',
      [scheduleField('time', 0)]: '09:00',
      [scheduleField('repeat', 0)]: 'P1W',
      [scheduleField('until', 0)]: '2027-03-01',
      [scheduleField('openDays', 0)]: '5',
      [scheduleField('remindHours', 0)]: '24',
      [scheduleField('date', 1)]: '2026-11-26',
      [scheduleField('time', 1)]: '10:00',
      [scheduleField('repeat', 1)]: 'once',
      [scheduleField('until', 1)]: '2026-12-01',
      [scheduleField('openDays', 1)]: '2',
      [scheduleField('remindHours', 1)]: '48',
    };
    const result = readSchedules(values, 2, TZ, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual({
        date_1: { key: 'errInPast' },
        until_1: { key: 'errUntilWithoutRepeat' },
        remindHours_1: { key: 'errRemindHours' },
      });
    }
    const good = readSchedules({ ...values, date_1: '2026-12-09', until_1: '', remindHours_1: '' }, 2, TZ, NOW);
    expect(good).toEqual({
      ok: true,
      value: [
        { date: '2026-12-07', time: '09:00', repeat: 'P1W', until: '2027-03-01', openDays: 5, remindHours: 24 },
        { date: '2026-12-09', time: '10:00', repeat: 'once', openDays: 2 },
      ],
    });
  });

  it('accepts a start later today, in the campaign zone', () => {
    const r = readSchedules({ date_0: '2026-11-27', time_0: '09:01', openDays_0: '1' }, 1, TZ, NOW);
    expect(r.ok).toBe(true);
    const past = readSchedules({ date_0: '2026-11-27', time_0: '08:50', openDays_0: '1' }, 1, TZ, NOW);
    expect(!past.ok && past.errors.date_0?.key).toBe('errInPast');
  });

  it('reads targets and keeps only installed teams', () => {
    expect(readTargets({ allTeams: 'false', teams: 't1,evil,t2', channel: 'General' }, ['t1', 't2'])).toEqual({
      ok: true,
      value: { all: false, teamIds: ['t1', 't2'], channel: 'General' },
    });
    const none = readTargets({ allTeams: 'false', teams: 'evil', channel: '' }, ['t1']);
    expect(!none.ok && Object.keys(none.errors).sort()).toEqual(['channel', 'teams']);
    expect(readTargets({ allTeams: 'true', teams: 't1', channel: 'Ideen' }, ['t1'])).toEqual({
      ok: true,
      value: { all: true, teamIds: [], channel: 'Ideen' },
    });
  });

  it('builds the campaign through the campaign-file rules and lists the next five posts', () => {
    const draft: WizardDraft = {
      basics: { title: 'Gute Arbeit – Puls', timeZone: TZ },
      items: [
        { type: 'multi', question: 'Was hilft?', options: ['A', 'B', 'C'], anonymous: true },
        { type: 'idea', question: 'Was fehlt?', options: [], anonymous: false },
      ],
      schedules: [
        { date: '2026-12-07', time: '09:00', repeat: 'P1W', until: '2027-03-01', openDays: 5, remindHours: 24 },
        { date: '2026-12-09', time: '10:00', repeat: 'once', openDays: 14 },
      ],
      targets: { all: false, teamIds: ['19:t1'], channel: 'General' },
    };
    const built = wizardCampaign(draft, 'gute-arbeit-puls-ab12', 'scheduled');
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.campaign).toMatchObject({
      id: 'gute-arbeit-puls-ab12',
      targets: { kind: 'teams', teams: ['19:t1'] },
      status: 'scheduled',
      items: [
        {
          id: 'frage-1',
          type: 'poll',
          multiple: true,
          options: ['A', 'B', 'C'],
          anonymous: true,
          openFor: 'P5D',
          remindBefore: 'PT24H',
          schedule: { start: '2026-12-07T09:00', every: 'P1W', until: '2027-03-01' },
        },
        { id: 'frage-2', type: 'idea', openFor: 'P14D', schedule: { start: '2026-12-09T10:00' } },
      ],
    });
    const next = upcomingPosts(built.campaign, NOW);
    expect(next.map((p) => [p.itemIndex, p.at.toISOString()])).toEqual([
      [0, '2026-12-07T08:00:00.000Z'],
      [1, '2026-12-09T09:00:00.000Z'],
      [0, '2026-12-14T08:00:00.000Z'],
      [0, '2026-12-21T08:00:00.000Z'],
      [0, '2026-12-28T08:00:00.000Z'],
    ]);
    expect(wizardCampaign({ ...draft, items: [], schedules: [] }, 'x-1', 'draft').ok).toBe(false);
  });

  it('makes slugs the campaign schema accepts', () => {
    expect(campaignSlug('Gute Arbeit 4.0 – Puls für Büros', 'AB12cd')).toBe('gute-arbeit-4-0-puls-fuer-bueros-ab12cd');
    expect(campaignSlug('???', '9z')).toBe('kampagne-9z');
    expect(defaultSchedule(NOW, TZ)).toEqual({ date: '2026-11-28', time: '09:00', repeat: 'once', openDays: 7 });
  });
});
