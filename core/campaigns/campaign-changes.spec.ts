import type { Campaign, CampaignItem, PollItem } from './campaign';
import { describeCampaignChanges } from './campaign-changes';

const poll: PollItem = {
  id: 'puls',
  type: 'poll',
  question: 'Wie gut fühlen Sie sich informiert?',
  options: ['gut', 'mittel', 'schlecht'],
  multiple: false,
  anonymous: false,
  schedule: { start: '2027-01-11T09:00', every: 'P1W', until: '2027-03-30' },
  openFor: 'P5D',
};

const idea: CampaignItem = {
  id: 'ideen',
  type: 'idea',
  question: 'Was würde helfen?',
  anonymous: false,
  schedule: { start: '2027-04-13T09:00' },
  openFor: 'P3D',
};

const base: Campaign = {
  id: 'gute-arbeit',
  title: 'Gute Arbeit',
  description: 'Puls zur Veränderung',
  targets: { kind: 'teams', teams: ['Team A', 'Team B'], units: ['abt-1'] },
  channel: 'General',
  timeZone: 'Europe/Berlin',
  status: 'draft',
  items: [poll, idea],
};

const changed = (over: Partial<Campaign>): Campaign => ({ ...base, ...over });
const withPoll = (over: Partial<PollItem>): Campaign => changed({ items: [{ ...poll, ...over }, idea] });

describe('the changes between two versions of a campaign, in words', () => {
  test('should find nothing to approve when only the status changed', () => {
    expect(describeCampaignChanges(base, changed({ status: 'scheduled' }), 'de')).toEqual([]);
  });

  test('should name a changed title and description, old and new', () => {
    expect(
      describeCampaignChanges(base, changed({ title: 'Gute Arbeit 2027', description: 'Neuer Zweck' }), 'de'),
    ).toEqual(['Titel: „Gute Arbeit“ → „Gute Arbeit 2027“', 'Beschreibung: „Puls zur Veränderung“ → „Neuer Zweck“']);
    expect(describeCampaignChanges(base, changed({ description: undefined }), 'en')).toEqual(['Description removed']);
  });

  test('should name teams and units added and removed, and a switch to all teams', () => {
    const after = changed({ targets: { kind: 'teams', teams: ['Team B', 'Team C'], units: ['abt-1', 'abt-2'] } });
    expect(describeCampaignChanges(base, after, 'de')).toEqual([
      'Team hinzugefügt: Team C',
      'Team entfernt: Team A',
      'Organisationseinheit hinzugefügt: abt-2',
    ]);
    expect(describeCampaignChanges(base, changed({ targets: { kind: 'all' } }), 'en')).toEqual([
      'Who is asked: teams Team A and Team B; units abt-1 → all teams',
    ]);
  });

  test('should name channel, time zone and retention changes', () => {
    const after = changed({ channel: 'Beteiligung', timeZone: 'Europe/Vienna', retentionDays: 90 });
    expect(describeCampaignChanges(base, after, 'de')).toEqual([
      'Kanal: „Allgemein“ → „Beteiligung“',
      'Zeitzone: Europe/Berlin → Europe/Vienna',
      'Aufbewahrung nach dem Schließen: allgemeine Frist → 90 Tage',
    ]);
    expect(describeCampaignChanges(base, after, 'en')).toEqual([
      'Channel: “General” → “Beteiligung”',
      'Time zone: Europe/Berlin → Europe/Vienna',
      'Kept after closing: general period → 90 days',
    ]);
  });

  test('should name questions added and removed, with the new one’s type and schedule', () => {
    const rating: CampaignItem = { ...idea, id: 'note', type: 'rating', question: 'Wie zufrieden sind Sie?' };
    expect(describeCampaignChanges(base, changed({ items: [poll, rating] }), 'de')).toEqual([
      'Frage entfernt: „Was würde helfen?“',
      'Neue Frage: „Wie zufrieden sind Sie?“ (Bewertung; einmal am Dienstag, 13.04.2027, um 9:00 Uhr, 3 Tage offen)',
    ]);
  });

  test('should name a changed question text, options added, removed and reordered', () => {
    expect(describeCampaignChanges(base, withPoll({ question: 'Wie informiert sind Sie?' }), 'de')).toEqual([
      'Fragetext: „Wie gut fühlen Sie sich informiert?“ → „Wie informiert sind Sie?“',
    ]);
    expect(describeCampaignChanges(base, withPoll({ options: ['schlecht', 'gut', 'sehr gut'] }), 'de')).toEqual([
      'Frage „Wie gut fühlen Sie sich informiert?“: Antwortmöglichkeit hinzugefügt: „sehr gut“',
      'Frage „Wie gut fühlen Sie sich informiert?“: Antwortmöglichkeit entfernt: „mittel“',
      'Frage „Wie gut fühlen Sie sich informiert?“: Reihenfolge der Antwortmöglichkeiten: „gut“, „schlecht“ → „schlecht“, „gut“',
    ]);
    expect(describeCampaignChanges(base, withPoll({ options: ['gut', 'schlecht', 'mittel'] }), 'en')).toEqual([
      'Question “Wie gut fühlen Sie sich informiert?”: order of options: “gut”, “mittel”, “schlecht” → “gut”, “schlecht”, “mittel”',
    ]);
  });

  test('should name single to multiple choice, the most choices and anonymity', () => {
    expect(describeCampaignChanges(base, withPoll({ multiple: true, maxChoices: 2, anonymous: true }), 'de')).toEqual([
      'Frage „Wie gut fühlen Sie sich informiert?“: eine Antwort → mehrere Antworten',
      'Frage „Wie gut fühlen Sie sich informiert?“: höchstens wählbar: alle → 2',
      'Frage „Wie gut fühlen Sie sich informiert?“: jetzt anonym (Antworten ohne Namen)',
    ]);
    const multi = withPoll({ multiple: true, maxChoices: 2, anonymous: true });
    expect(describeCampaignChanges(multi, withPoll({ multiple: true, maxChoices: 3 }), 'en')).toEqual([
      'Question “Wie gut fühlen Sie sich informiert?”: at most: 2 → 3',
      'Question “Wie gut fühlen Sie sich informiert?”: no longer anonymous (answers with names)',
    ]);
  });

  test('should name schedule, open period and reminder changes in the plan’s words', () => {
    const after = withPoll({
      schedule: { start: '2027-01-11T09:00', every: 'P2W', until: '2027-03-30' },
      openFor: 'P1W',
      remindBefore: 'PT24H',
    });
    expect(describeCampaignChanges(base, after, 'de')).toEqual([
      'Frage „Wie gut fühlen Sie sich informiert?“: Zeitplan: jeden Montag um 9:00 Uhr, vom 11.01. bis 30.03.2027 → alle 2 Wochen montags um 9:00 Uhr, vom 11.01. bis 30.03.2027',
      'Frage „Wie gut fühlen Sie sich informiert?“: offen: 5 Tage → 1 Woche',
      'Frage „Wie gut fühlen Sie sich informiert?“: Erinnerung vor dem Schließen: keine → 24 Stunden',
    ]);
    expect(describeCampaignChanges(base, after, 'en')).toEqual([
      'Question “Wie gut fühlen Sie sich informiert?”: schedule: every Monday at 9:00, from 11 Jan to 30 Mar 2027 → every 2 weeks on Monday at 9:00, from 11 Jan to 30 Mar 2027',
      'Question “Wie gut fühlen Sie sich informiert?”: open: 5 days → 1 week',
      'Question “Wie gut fühlen Sie sich informiert?”: reminder before closing: none → 24 hours',
    ]);
  });

  test('should name a changed item type', () => {
    const yesno: CampaignItem = { ...idea, type: 'yesno' };
    expect(describeCampaignChanges(base, changed({ items: [poll, yesno] }), 'en')).toEqual([
      'Question “Was würde helfen?”: type idea prompt → yes/no question',
    ]);
  });
});
