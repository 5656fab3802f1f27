import { Campaign } from './campaign';
import { CampaignFileError, formatCampaignFileError, parseCampaignFile } from './campaign-file';

const defaults = { defaultTimeZone: 'Europe/Berlin' };

const EXAMPLE = `id: gute-arbeit-puls
title: Gute Arbeit 4.0 – Puls
teams: all            # or a list of team names or ids
channel: General
timezone: Europe/Berlin
items:
  - type: poll
    question: Wie gut fühlst du dich über Veränderungen informiert?
    options: [sehr gut, eher gut, eher schlecht, schlecht]
    anonymous: true
    schedule: { start: 2026-12-07T09:00, every: P1W, until: 2027-03-01 }
    openFor: P5D
  - type: idea
    question: Was würde die Zusammenarbeit in deinem Team verbessern?
    schedule: { start: 2026-12-09T10:00 }
    openFor: P14D
`;

const EXPECTED: Campaign = {
  id: 'gute-arbeit-puls',
  title: 'Gute Arbeit 4.0 – Puls',
  targets: { kind: 'all' },
  channel: 'General',
  timeZone: 'Europe/Berlin',
  status: 'scheduled',
  items: [
    {
      type: 'poll',
      id: 'item-1',
      question: 'Wie gut fühlst du dich über Veränderungen informiert?',
      options: ['sehr gut', 'eher gut', 'eher schlecht', 'schlecht'],
      multiple: false,
      anonymous: true,
      schedule: { start: '2026-12-07T09:00', every: 'P1W', until: '2027-03-01' },
      openFor: 'P5D',
    },
    {
      type: 'idea',
      id: 'item-2',
      question: 'Was würde die Zusammenarbeit in deinem Team verbessern?',
      anonymous: false,
      schedule: { start: '2026-12-09T10:00' },
      openFor: 'P14D',
    },
  ],
};

/** a campaign whose items start on line 5. */
const withItems = (items: string): string => `id: test\ntitle: Test\nteams: all\nitems:\n${items}`;

function errorsOf(fileName: string, text: string): CampaignFileError[] {
  const result = parseCampaignFile(fileName, text, defaults);
  if (result.ok) throw new Error(`expected ${fileName} to be rejected`);
  return result.errors;
}

function campaignOf(fileName: string, text: string, options = defaults): Campaign {
  const result = parseCampaignFile(fileName, text, options);
  if (!result.ok) throw new Error(result.errors.map(formatCampaignFileError).join('\n'));
  return result.campaign;
}

describe('parseCampaignFile accepts', () => {
  it('reads the example campaign with defaults applied and local date-times kept as strings', () => {
    expect(campaignOf('campaigns/gute-arbeit-puls.yml', EXAMPLE)).toEqual(EXPECTED);
  });

  it('reads the same campaign from JSON', () => {
    const json = JSON.stringify({
      id: 'gute-arbeit-puls',
      title: 'Gute Arbeit 4.0 – Puls',
      teams: 'all',
      timezone: 'Europe/Berlin',
      items: [
        {
          type: 'poll',
          question: 'Wie gut fühlst du dich über Veränderungen informiert?',
          options: ['sehr gut', 'eher gut', 'eher schlecht', 'schlecht'],
          anonymous: true,
          schedule: { start: '2026-12-07T09:00', every: 'P1W', until: '2027-03-01' },
          openFor: 'P5D',
        },
        {
          type: 'idea',
          question: 'Was würde die Zusammenarbeit in deinem Team verbessern?',
          schedule: { start: '2026-12-09T10:00' },
          openFor: 'P14D',
        },
      ],
    });
    expect(campaignOf('campaigns/gute-arbeit-puls.json', json)).toEqual(EXPECTED);
  });

  it('keeps local date-times as strings even when the file declares YAML 1.1', () => {
    const campaign = campaignOf(
      'c.yaml',
      `%YAML 1.1\n---\n${withItems('  - type: yesno\n    question: Q?\n    schedule: { start: 2026-12-07T09:00 }\n')}`,
    );
    expect(campaign.items[0]?.schedule.start).toBe('2026-12-07T09:00');
  });

  it('takes the configured default time zone, the General channel, status scheduled and openFor P7D when the file names none', () => {
    const campaign = campaignOf(
      'c.yml',
      withItems('  - type: rating\n    question: Wie zufrieden bist du?\n    schedule: { start: 2026-12-07T09:00 }\n'),
      {
        defaultTimeZone: 'Europe/Vienna',
      },
    );
    expect(campaign).toMatchObject({ timeZone: 'Europe/Vienna', channel: 'General', status: 'scheduled' });
    expect(campaign.items[0]).toMatchObject({ type: 'rating', id: 'item-1', anonymous: false, openFor: 'P7D' });
  });

  it('reads team lists, a named channel, a draft status, retention, own item ids, multiple choice and reminders', () => {
    const text = `id: team-puls
title: Team-Puls
description: Kurze Umfrage
teams: [Jobcenter Nord, 19:abc@thread.tacv2]
channel: Beteiligung
status: draft
retentionDays: 365
items:
  - type: poll
    id: themen
    question: Welche Themen sind dir wichtig?
    options: [Digitalisierung, Führung, Gesundheit]
    multiple: true
    maxChoices: 2
    schedule: { start: 2027-01-31T10:00, every: P1M }
    openFor: P5D
    remindBefore: PT24H
`;
    expect(campaignOf('c.yml', text)).toEqual({
      id: 'team-puls',
      title: 'Team-Puls',
      description: 'Kurze Umfrage',
      targets: { kind: 'teams', teams: ['Jobcenter Nord', '19:abc@thread.tacv2'] },
      channel: 'Beteiligung',
      timeZone: 'Europe/Berlin',
      status: 'draft',
      retentionDays: 365,
      items: [
        {
          type: 'poll',
          id: 'themen',
          question: 'Welche Themen sind dir wichtig?',
          options: ['Digitalisierung', 'Führung', 'Gesundheit'],
          multiple: true,
          maxChoices: 2,
          anonymous: false,
          schedule: { start: '2027-01-31T10:00', every: 'P1M' },
          openFor: 'P5D',
          remindBefore: 'PT24H',
        },
      ],
    });
  });
});

describe('parseCampaignFile rejects', () => {
  const poll = (extra: string): string =>
    withItems(
      `  - type: poll\n    question: Q?\n    options: [a, b]\n    schedule: { start: 2026-12-07T09:00, every: P1W }\n${extra}`,
    );

  it.each<[string, string, string, number, RegExp]>([
    [
      'a missing question',
      withItems('  - type: idea\n    schedule: { start: 2026-12-07T09:00 }\n'),
      'items[0].question',
      5,
      /is required/,
    ],
    [
      'a poll with one option',
      withItems('  - type: poll\n    question: Q?\n    options: [a]\n    schedule: { start: 2026-12-07T09:00 }\n'),
      'items[0].options',
      7,
      /at least 2/,
    ],
    [
      'a poll with eleven options',
      withItems(
        `  - type: poll\n    question: Q?\n    options: [${'abcdefghijk'.split('').join(', ')}]\n    schedule: { start: 2026-12-07T09:00 }\n`,
      ),
      'items[0].options',
      7,
      /at most 10/,
    ],
    ['a bad openFor duration', poll('    openFor: 7 days\n'), 'items[0].openFor', 9, /ISO 8601 duration/],
    ['an openFor in months', poll('    openFor: P1M\n'), 'items[0].openFor', 9, /months/],
    [
      'a remindBefore as long as openFor',
      poll('    openFor: P1D\n    remindBefore: PT24H\n'),
      'items[0].remindBefore',
      10,
      /shorter than openFor/,
    ],
    [
      'a remindBefore longer than the default openFor',
      poll('    remindBefore: P8D\n'),
      'items[0].remindBefore',
      9,
      /shorter than openFor \(P7D/,
    ],
    [
      'an unknown item type',
      withItems('  - type: survey\n    question: Q?\n    schedule: { start: 2026-12-07T09:00 }\n'),
      'items[0].type',
      5,
      /unknown item type 'survey'/,
    ],
    [
      'a start without T',
      withItems('  - type: idea\n    question: Q?\n    schedule: { start: 2026-12-07 09:00 }\n'),
      'items[0].schedule.start',
      7,
      /YYYY-MM-DDTHH:mm/,
    ],
    [
      'a start on a day that does not exist',
      withItems('  - type: idea\n    question: Q?\n    schedule:\n      start: 2027-02-29T09:00\n'),
      'items[0].schedule.start',
      8,
      /YYYY-MM-DDTHH:mm/,
    ],
    [
      'an until before the start',
      poll('').replace('every: P1W', 'every: P1W, until: 2026-12-06'),
      'items[0].schedule.until',
      8,
      /before start/,
    ],
    [
      'an until without every',
      withItems('  - type: idea\n    question: Q?\n    schedule: { start: 2026-12-07T09:00, until: 2027-01-01 }\n'),
      'items[0].schedule.until',
      7,
      /needs every/,
    ],
    ['an every of three days', poll('').replace('P1W', 'P3D'), 'items[0].schedule.every', 8, /P1D/],
    [
      'a question over 500 characters',
      withItems(`  - type: idea\n    question: ${'x'.repeat(501)}\n    schedule: { start: 2026-12-07T09:00 }\n`),
      'items[0].question',
      6,
      /at most 500/,
    ],
    [
      'an option over 100 characters',
      poll('').replace('[a, b]', `[a, ${'b'.repeat(101)}]`),
      'items[0].options[1]',
      7,
      /at most 100/,
    ],
    ['an option given twice', poll('').replace('[a, b]', '[a, b, a]'), 'items[0].options[2]', 7, /twice/],
    ['maxChoices on a single-choice poll', poll('    maxChoices: 2\n'), 'items[0].maxChoices', 9, /multiple: true/],
    ['anonymous given as yes', poll('    anonymous: yes\n'), 'items[0].anonymous', 9, /true or false/],
    ['an unknown key in an item', poll('    opnFor: P5D\n'), 'items[0].opnFor', 9, /unknown key 'opnFor'/],
    [
      'two items with the same id',
      `${poll('')}  - type: yesno\n    id: item-1\n    question: Q?\n    schedule: { start: 2026-12-07T09:00 }\n`,
      'items[1].id',
      10,
      /used twice/,
    ],
    [
      'a campaign id that is not a slug',
      withItems('  - type: idea\n    question: Q?\n    schedule: { start: 2026-12-07T09:00 }\n').replace(
        'id: test',
        'id: Gute_Arbeit',
      ),
      'id',
      1,
      /slug/,
    ],
    [
      'a single team name instead of a list',
      withItems('  - type: idea\n    question: Q?\n    schedule: { start: 2026-12-07T09:00 }\n').replace(
        'teams: all',
        'teams: Jobcenter Nord',
      ),
      'teams',
      3,
      /'all' or a list/,
    ],
    ['an empty item list', 'id: test\ntitle: Test\nteams: all\nitems: []\n', 'items', 4, /at least 1/],
  ])('%s', (_case, text, path, line, message) => {
    const errors = errorsOf('campaigns/test.yml', text);
    expect(errors).toContainEqual({ file: 'campaigns/test.yml', line, path, message: expect.stringMatching(message) });
  });

  it('rejects a time zone that is not an IANA zone, naming the timezone key and its line', () => {
    const text = EXAMPLE.replace('timezone: Europe/Berlin', 'timezone: Europe/Bonn');
    expect(errorsOf('c.yml', text)).toEqual([
      { file: 'c.yml', line: 5, path: 'timezone', message: expect.stringMatching(/IANA/) },
    ]);
  });

  it('rejects a configured default time zone that is not an IANA zone when the file has none', () => {
    const result = parseCampaignFile('c.yml', EXAMPLE.replace('timezone: Europe/Berlin\n', ''), {
      defaultTimeZone: 'Berlin',
    });
    expect(result).toEqual({
      ok: false,
      errors: [expect.objectContaining({ path: 'timezone', message: expect.stringMatching(/TIMEZONE/) })],
    });
  });

  it('reports a YAML syntax error with its line', () => {
    const text = EXAMPLE.replace(
      'options: [sehr gut, eher gut, eher schlecht, schlecht]',
      'options: [sehr gut, eher gut',
    );
    expect(errorsOf('c.yml', text)).toEqual([
      { file: 'c.yml', line: 10, path: '', message: expect.stringMatching(/^YAML syntax error: /) },
    ]);
  });

  it('reports a key given twice as a YAML error on the second occurrence', () => {
    expect(errorsOf('c.yml', EXAMPLE.replace('channel: General', 'title: Noch ein Titel'))).toEqual([
      expect.objectContaining({ line: 4, message: expect.stringMatching(/unique/) }),
    ]);
  });

  it('reports a JSON syntax error with its line', () => {
    expect(errorsOf('c.json', '{\n  "id": "x",\n  "title": "T",\n}\n')).toEqual([
      { file: 'c.json', line: 4, path: '', message: expect.stringMatching(/^JSON syntax error: /) },
    ]);
  });

  it('locates schema errors in JSON files by line as well', () => {
    const errors = errorsOf('c.json', '{\n  "id": "x",\n  "title": 3,\n  "teams": "all",\n  "items": []\n}\n');
    expect(errors).toEqual([
      { file: 'c.json', line: 3, path: 'title', message: 'must be text' },
      { file: 'c.json', line: 5, path: 'items', message: expect.stringMatching(/at least 1/) },
    ]);
  });

  it('reports every missing top-level key at once', () => {
    const paths = errorsOf('c.yml', 'description: nur eine Beschreibung\n').map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['id', 'title', 'teams', 'items']));
  });

  it('rejects an empty file and a file that is a list', () => {
    expect(errorsOf('c.yml', '')).toEqual([expect.objectContaining({ path: '', message: 'the file is empty' })]);
    expect(errorsOf('c.yml', '- a\n- b\n')).toEqual([
      expect.objectContaining({ path: '', line: 1, message: expect.stringMatching(/mapping/) }),
    ]);
  });

  it('rejects a file whose extension is neither YAML nor JSON', () => {
    expect(errorsOf('campaign.txt', EXAMPLE)).toEqual([
      expect.objectContaining({ file: 'campaign.txt', message: expect.stringMatching(/\.yml/) }),
    ]);
  });
});

describe('formatCampaignFileError', () => {
  it('writes file, line, path and message on one line', () => {
    expect(
      formatCampaignFileError({
        file: 'campaigns/x.yml',
        line: 12,
        path: 'items[0].options',
        message: 'needs at least 2 entries, has 1',
      }),
    ).toBe('campaigns/x.yml:12 items[0].options: needs at least 2 entries, has 1');
  });

  it('leaves out the line when it is unknown and the path when the error concerns the whole file', () => {
    expect(formatCampaignFileError({ file: 'c.json', path: 'timezone', message: 'is wrong' })).toBe(
      'c.json timezone: is wrong',
    );
    expect(formatCampaignFileError({ file: 'c.yml', line: 3, path: '', message: 'YAML syntax error: x' })).toBe(
      'c.yml:3 YAML syntax error: x',
    );
  });
});
