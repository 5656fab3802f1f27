import type { Campaign, CampaignItem } from './campaign';
import { campaignPlan, type PlanContext } from './campaign-plan';

const context: PlanContext = { minGroupSize: 5, minGroupSizeText: 10, retentionDays: 365 };

const weekly: CampaignItem = {
  id: 'puls',
  type: 'poll',
  question: 'Wie gut fühlen Sie sich informiert?',
  options: ['sehr gut', 'eher gut', 'eher schlecht'],
  multiple: false,
  anonymous: true,
  schedule: { start: '2027-01-11T09:00', every: 'P1W', until: '2027-03-30' },
  openFor: 'P5D',
  remindBefore: 'PT24H',
};

const monthly: CampaignItem = {
  id: 'ideen',
  type: 'idea',
  question: 'Was würde Ihre Arbeit leichter machen?',
  anonymous: false,
  schedule: { start: '2027-02-01T10:30', every: 'P1M', until: '2027-06-30' },
  openFor: 'P2W',
};

const once: CampaignItem = {
  id: 'teamtag',
  type: 'yesno',
  question: 'Soll der Teamtag im Mai stattfinden?',
  anonymous: false,
  schedule: { start: '2027-04-13T09:00' },
  openFor: 'P3D',
};

function campaign(items: CampaignItem[], over: Partial<Campaign> = {}): Campaign {
  return {
    id: 'gute-arbeit',
    title: 'Gute Arbeit 4.0',
    description: 'Monatlicher Puls zur Veränderung im Jobcenter.',
    targets: { kind: 'all' },
    channel: 'General',
    timeZone: 'Europe/Berlin',
    status: 'draft',
    items,
    ...over,
  };
}

/** the lines of the section with a heading. */
function section(items: CampaignItem[], locale: 'de' | 'en', heading: string, over: Partial<Campaign> = {}) {
  const plan = campaignPlan(campaign(items, over), locale, context);
  const found = plan.sections.find((s) => s.heading === heading);
  if (!found) throw new Error(`no section ${heading}: ${plan.sections.map((s) => s.heading).join(', ')}`);
  return found.lines;
}

describe('the readable plan of a campaign', () => {
  test('should describe a weekly anonymous poll in German with its options, schedule and reminder', () => {
    expect(section([weekly], 'de', 'Frage 1 von 1')).toEqual([
      '„Wie gut fühlen Sie sich informiert?“',
      'Art: Kurzumfrage, eine Antwort',
      'Antwortmöglichkeiten: „sehr gut“, „eher gut“, „eher schlecht“',
      'Anonym: Antworten werden ohne Namen gespeichert; Ergebnisse erscheinen erst nach dem Schließen.',
      'Wann: jeden Montag um 9:00 Uhr, vom 11.01. bis 30.03.2027, jeweils 5 Tage offen',
      'Erinnerung: 24 Stunden vor dem Schließen, als Antwort im Thread des Posts.',
    ]);
  });

  test('should describe a weekly anonymous poll in English', () => {
    expect(section([weekly], 'en', 'Question 1 of 1')).toEqual([
      '“Wie gut fühlen Sie sich informiert?”',
      'Type: poll, one answer',
      'Options: “sehr gut”, “eher gut”, “eher schlecht”',
      'Anonymous: answers are stored without names; results appear only after closing.',
      'When: every Monday at 9:00, from 11 Jan to 30 Mar 2027, open for 5 days each time',
      'Reminder: 24 hours before closing, as a reply in the post’s thread.',
    ]);
  });

  test('should describe a monthly idea prompt in both languages', () => {
    expect(section([monthly], 'de', 'Frage 1 von 1')).toEqual([
      '„Was würde Ihre Arbeit leichter machen?“',
      'Art: Ideenabfrage – Antworten als freier Text',
      'Nicht anonym: Antworten werden mit Namen gespeichert.',
      'Wann: monatlich am 1. um 10:30 Uhr, vom 01.02. bis 30.06.2027, jeweils 2 Wochen offen',
    ]);
    expect(section([monthly], 'en', 'Question 1 of 1')).toEqual([
      '“Was würde Ihre Arbeit leichter machen?”',
      'Type: idea prompt – answers as free text',
      'Not anonymous: answers are stored with names.',
      'When: monthly on the 1st at 10:30, from 1 Feb to 30 Jun 2027, open for 2 weeks each time',
    ]);
  });

  test('should describe a one-off yes/no question with its weekday and date in both languages', () => {
    expect(section([once], 'de', 'Frage 1 von 1')).toEqual([
      '„Soll der Teamtag im Mai stattfinden?“',
      'Art: Ja/Nein-Frage',
      'Nicht anonym: Antworten werden mit Namen gespeichert.',
      'Wann: einmal am Dienstag, 13.04.2027, um 9:00 Uhr, 3 Tage offen',
    ]);
    expect(section([once], 'en', 'Question 1 of 1')).toEqual([
      '“Soll der Teamtag im Mai stattfinden?”',
      'Type: yes/no question',
      'Not anonymous: answers are stored with names.',
      'When: once on Tuesday, 13 Apr 2027, at 9:00, open for 3 days',
    ]);
  });

  test('should name every second week, daily posts, an end with a time and a start in another year', () => {
    const fortnightly: CampaignItem = {
      ...weekly,
      schedule: { start: '2026-12-14T08:15', every: 'P2W', until: '2027-03-29T07:00' },
      openFor: 'PT36H',
      remindBefore: undefined,
    };
    const daily: CampaignItem = { ...once, schedule: { start: '2027-01-04T16:00', every: 'P1D' }, openFor: 'PT8H' };
    const when = (item: CampaignItem, locale: 'de' | 'en') =>
      campaignPlan(campaign([item]), locale, context)
        .sections.flatMap((s) => s.lines)
        .find((l) => l.startsWith(locale === 'de' ? 'Wann:' : 'When:'));
    expect(when(fortnightly, 'de')).toBe(
      'Wann: alle 2 Wochen montags um 8:15 Uhr, vom 14.12.2026 bis 29.03.2027 um 7:00 Uhr, jeweils 36 Stunden offen',
    );
    expect(when(fortnightly, 'en')).toBe(
      'When: every 2 weeks on Monday at 8:15, from 14 Dec 2026 to 29 Mar 2027 at 7:00, open for 36 hours each time',
    );
    expect(when(daily, 'de')).toBe(
      'Wann: täglich um 16:00 Uhr, ab dem 04.01.2027, ohne Enddatum, jeweils 8 Stunden offen',
    );
    expect(when(daily, 'en')).toBe(
      'When: daily at 16:00, from 4 Jan 2027, without end date, open for 8 hours each time',
    );
    const lastDay: CampaignItem = { ...monthly, schedule: { start: '2027-01-31T09:00', every: 'P1M' } };
    expect(when(lastDay, 'en')).toBe(
      'When: monthly on the 31st (the last day in shorter months) at 9:00, from 31 Jan 2027, without end date, open for 2 weeks each time',
    );
  });

  test('should list an anonymous multiple-choice poll with its limit and options', () => {
    const multi: CampaignItem = {
      ...weekly,
      options: ['Homeoffice', 'Technik', 'Besprechungen'],
      multiple: true,
      maxChoices: 2,
    };
    const lines = section([multi], 'de', 'Frage 1 von 1');
    expect(lines.slice(1, 4)).toEqual([
      'Art: Kurzumfrage, bis zu 2 Antworten',
      'Antwortmöglichkeiten: „Homeoffice“, „Technik“, „Besprechungen“',
      'Anonym: Antworten werden ohne Namen gespeichert; Ergebnisse erscheinen erst nach dem Schließen.',
    ]);
    expect(section([{ ...multi, maxChoices: undefined }], 'en', 'Question 1 of 1')[1]).toBe(
      'Type: poll, several answers allowed',
    );
  });

  test('should say who is asked: all teams, named teams and units with names from the organisation, and the channel', () => {
    expect(section([once], 'de', 'Wer wird gefragt')).toEqual([
      'Alle Teams, in denen Mitwirken installiert ist – auch Teams, die später hinzukommen.',
      'Gepostet wird in jedem dieser Teams im Kanal „Allgemein“.',
    ]);
    const named = campaignPlan(
      campaign([once], {
        targets: { kind: 'teams', teams: ['19:abc@thread.tacv2', 'Team Leistung'], units: ['abt-2'] },
        channel: 'Beteiligung',
        timeZone: 'America/New_York',
      }),
      'en',
      {
        ...context,
        teamNames: new Map([['19:abc@thread.tacv2', 'Team Digital']]),
        unitNames: new Map([['abt-2', 'Abteilung 2']]),
      },
    );
    expect(named.sections[1]).toEqual({
      heading: 'Who is asked',
      lines: [
        'The teams “Team Digital” and “Team Leistung”.',
        'Every team of the unit “Abteilung 2”, as the organisation file names them at each post – also teams that join later.',
        'Posted in each of these teams in the channel “Beteiligung”.',
        'All times are in the time zone America/New_York.',
      ],
    });
  });

  test('should tell who sees which results with the deployment thresholds, and for how long answers are kept', () => {
    const anonymousIdea: CampaignItem = { ...monthly, anonymous: true };
    expect(section([weekly, anonymousIdea, once], 'de', 'Wer sieht welche Ergebnisse')).toEqual([
      'Ergebnisse zeigt Mitwirken erst, wenn mindestens 5 Personen geantwortet haben – auf der Karte im Kanal, im Wochenüberblick, in der Ergebnisansicht und im Export.',
      'Wie viele Personen geantwortet haben, zeigt die Karte im Kanal schon vorher.',
      'Anonyme Antworten werden ohne Namen gespeichert und lassen sich keiner Person zuordnen – auch nicht durch das Beteiligungsmanagement oder den Betrieb. Die Ergebnisse anonymer Fragen erscheinen erst nach dem Schließen.',
      'Anonyme Ideentexte erscheinen erst nach dem Schließen und erst ab 10 Einreichenden, nie in der Reihenfolge ihres Eingangs.',
      'Bei nicht anonymen Fragen sieht nur die antwortende Person ihre eigene Stimme; niemand sonst sieht, wer was gewählt hat.',
      'Führungskräfte sehen die Ergebnisse ihrer Teams und Organisationseinheiten; Gruppen unter 5 Personen erscheinen nicht einzeln, sondern zählen in der Einheit darüber mit.',
      'Das Beteiligungsmanagement und der Personalrat sehen zusammengefasste Ergebnisse aller Teams, mit denselben Schwellen.',
    ]);
    const plan = campaignPlan(campaign([once], { retentionDays: 90 }), 'en', { ...context, minGroupSize: 7 });
    expect(plan.sections.at(-2)?.lines[0]).toContain('at least 7 people');
    expect(plan.sections.at(-1)).toEqual({
      heading: 'How long answers are kept',
      lines: [
        'Votes, names and support are deleted 90 days after a question closes (this campaign’s period).',
        'After that only aggregated results remain: counts, idea texts without names, numbers.',
      ],
    });
    expect(section([once], 'de', 'Wie lange Antworten aufbewahrt werden')[0]).toBe(
      'Stimmen, Namen und Unterstützungen werden 365 Tage nach dem Schließen einer Frage gelöscht (allgemeine Frist dieser Installation).',
    );
  });

  test('should start with the title and the purpose, and number the questions', () => {
    const plan = campaignPlan(campaign([weekly, monthly, once]), 'de', context);
    expect(plan.title).toBe('Gute Arbeit 4.0');
    expect(plan.sections.map((s) => s.heading)).toEqual([
      'Zweck',
      'Wer wird gefragt',
      'Frage 1 von 3',
      'Frage 2 von 3',
      'Frage 3 von 3',
      'Wer sieht welche Ergebnisse',
      'Wie lange Antworten aufbewahrt werden',
    ]);
    expect(plan.sections[0]?.lines).toEqual(['Monatlicher Puls zur Veränderung im Jobcenter.']);
    expect(campaignPlan(campaign([once], { description: undefined }), 'en', context).sections[0]?.lines).toEqual([
      'No description given.',
    ]);
  });
});
