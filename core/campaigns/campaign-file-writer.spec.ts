import type { Campaign, CampaignItem } from './campaign';
import { parseCampaignFile } from './campaign-file';
import { writeCampaignFile } from './campaign-file-writer';

const defaults = { defaultTimeZone: 'Europe/Berlin' };

const weeklyAnonymousMulti: CampaignItem = {
  id: 'puls',
  type: 'poll',
  question: 'Was belastet Sie: Technik, Abläufe oder „Sonstiges“?',
  options: ['Technik', 'Abläufe: zu viele', "'Sonstiges'", '- nichts', 'true', '42', '#1 Priorität'],
  multiple: true,
  maxChoices: 2,
  anonymous: true,
  schedule: { start: '2027-01-11T09:00', every: 'P1W', until: '2027-03-30' },
  openFor: 'P5D',
  remindBefore: 'PT24H',
};

const monthlyIdea: CampaignItem = {
  id: 'item-2',
  type: 'idea',
  question: 'Was würde Ihre Arbeit leichter machen? (Übergröße, Ärger & Co.)',
  anonymous: false,
  schedule: { start: '2027-01-31T10:30', every: 'P1M', until: '2027-06-30T12:00' },
  openFor: 'P2W',
};

const onceYesNo: CampaignItem = {
  id: 'teamtag',
  type: 'yesno',
  question: 'Null oder no?',
  anonymous: false,
  schedule: { start: '2027-04-13T09:00' },
  openFor: 'PT36H',
};

const rating: CampaignItem = {
  id: 'note',
  type: 'rating',
  question: 'Wie zufrieden sind Sie?',
  anonymous: true,
  schedule: { start: '2027-01-04T16:00', every: 'P2W' },
  openFor: 'P1W2D',
};

const { maxChoices: _unused, ...singleFields } = weeklyAnonymousMulti as Extract<CampaignItem, { type: 'poll' }>;
const single: CampaignItem = { ...singleFields, id: 'single', multiple: false };

const CAMPAIGNS: Record<string, Campaign> = {
  'weekly to all teams, anonymous multiple choice': {
    id: 'gute-arbeit',
    title: 'Gute Arbeit 4.0: „Puls“ – Teil 1',
    description: 'Monatlicher Puls zur Veränderung.\nZweite Zeile: mit "Anführungszeichen" und # Raute.',
    targets: { kind: 'all' },
    channel: 'General',
    timeZone: 'Europe/Berlin',
    status: 'scheduled',
    items: [weeklyAnonymousMulti],
  },
  'monthly, teams by name and id, retention, another zone': {
    id: 'ideen-2027',
    title: 'Ideen 2027',
    targets: { kind: 'teams', teams: ['Team Leistung', '19:abc@thread.tacv2', 'yes'] },
    channel: 'Beteiligung: Ideen',
    timeZone: 'America/New_York',
    status: 'draft',
    retentionDays: 90,
    items: [monthlyIdea, single],
  },
  'one-off and rating for units': {
    id: 'teamtag',
    title: 'Teamtag',
    description: 'Kurz: ja oder nein?',
    targets: { kind: 'teams', teams: [], units: ['abt-1', 'Abteilung Öffentlichkeit & Presse'] },
    channel: 'General',
    timeZone: 'Europe/Berlin',
    status: 'scheduled',
    items: [onceYesNo, rating],
  },
  'teams and units together': {
    id: 'mix',
    title: 'Mix',
    targets: { kind: 'teams', teams: ['Team A'], units: ['abt-1'] },
    channel: 'General',
    timeZone: 'Europe/Berlin',
    status: 'draft',
    items: [onceYesNo],
  },
};

describe('writing a campaign as a campaign file', () => {
  test.each(Object.entries(CAMPAIGNS))('should read back the same campaign: %s', (_, campaign) => {
    const text = writeCampaignFile(campaign);
    expect(parseCampaignFile(`${campaign.id}.yml`, text, defaults)).toEqual({ ok: true, campaign });
  });

  test('should read back the same campaign whatever the reading deployment’s default time zone', () => {
    const campaign = CAMPAIGNS['weekly to all teams, anonymous multiple choice']!;
    const text = writeCampaignFile(campaign);
    expect(parseCampaignFile('x.yml', text, { defaultTimeZone: 'Asia/Tokyo' })).toEqual({ ok: true, campaign });
  });

  test('should write running, paused and ended campaigns as scheduled, the only other status a file knows', () => {
    for (const status of ['running', 'paused', 'ended'] as const) {
      const campaign = { ...(CAMPAIGNS['teamtag'] ?? CAMPAIGNS['one-off and rating for units']!), status };
      const read = parseCampaignFile('x.yml', writeCampaignFile(campaign), defaults);
      expect(read).toEqual({ ok: true, campaign: { ...campaign, status: 'scheduled' } });
    }
  });

  test('should write the documented format: schedules on one line, every default spelled out', () => {
    const text = writeCampaignFile(CAMPAIGNS['one-off and rating for units']!);
    expect(text).toBe(
      [
        'id: teamtag',
        'title: Teamtag',
        'description: "Kurz: ja oder nein?"',
        'units:',
        '  - abt-1',
        '  - Abteilung Öffentlichkeit & Presse',
        'channel: General',
        'timezone: Europe/Berlin',
        'status: scheduled',
        'items:',
        '  - id: teamtag',
        '    type: yesno',
        '    question: Null oder no?',
        '    anonymous: false',
        '    schedule: { start: 2027-04-13T09:00 }',
        '    openFor: PT36H',
        '  - id: note',
        '    type: rating',
        '    question: Wie zufrieden sind Sie?',
        '    anonymous: true',
        '    schedule: { start: 2027-01-04T16:00, every: P2W }',
        '    openFor: P1W2D',
        '',
      ].join('\n'),
    );
  });
});
