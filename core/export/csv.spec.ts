import { campaignCsv, csvCell, csvNumber, toCsv, type CampaignCsvInput } from './csv';

const input: CampaignCsvInput = {
  campaignTitle: 'Gute Arbeit; 2026',
  locale: 'de',
  minGroupSize: 5,
  minGroupSizeText: 5,
  items: [
    {
      kind: 'poll',
      teamName: 'Team A',
      question: 'Wie "gut"?',
      pollKind: 'single',
      anonymous: false,
      options: ['=1+1', 'b'],
      status: 'closed',
      tally: { counts: [2, 1], voters: 3 },
    },
    {
      kind: 'poll',
      teamName: 'Team A',
      question: 'Note?',
      pollKind: 'rating',
      anonymous: true,
      options: [],
      status: 'closed',
      tally: { counts: [0, 1, 1, 0, 4], voters: 6 },
    },
    {
      kind: 'poll',
      teamName: 'Team A',
      question: 'Offen?',
      pollKind: 'multi',
      anonymous: true,
      options: ['x', 'y'],
      status: 'open',
      tally: { counts: [5, 5], voters: 6 },
    },
    {
      kind: 'idea',
      teamName: 'Team B',
      question: 'Ideen?',
      anonymous: false,
      status: 'closed',
      participants: 2,
      ideas: [
        {
          text: 'Zeile 1\nZeile 2',
          status: 'accepted',
          supportCount: 4,
          volunteers: [{ name: 'Cem' }],
          authorName: '@Ben',
        },
      ],
    },
    {
      kind: 'idea',
      teamName: 'Team B',
      question: 'Anonym?',
      anonymous: true,
      status: 'closed',
      participants: 4,
      ideas: [{ text: 'geheim', status: 'new', supportCount: 0, volunteers: [] }],
    },
    {
      kind: 'idea',
      teamName: 'Team B',
      question: 'Anonym viele?',
      anonymous: true,
      status: 'closed',
      participants: 5,
      ideas: [{ text: '-Kantine', status: 'declined', supportCount: 12, volunteers: [], authorName: 'Leak' }],
    },
  ],
};

const EXPECTED = [
  '\uFEFFKampagne;Team;Frage;Art;Anonym;Antwortende;Option oder Idee;Anzahl;Anteil in %;Durchschnitt;Status;Mitmachende;Eingereicht von;Hinweis\r\n',
  '"Gute Arbeit; 2026";Team A;"Wie ""gut""?";Umfrage (eine Antwort);nein;3;;;;;;;;Weniger als 5 Antworten – zum Schutz der Einzelnen kein Ergebnis\r\n',
  '"Gute Arbeit; 2026";Team A;Note?;Bewertung 1–5;ja;6;1;0;0,0;4,2;;;;\r\n',
  '"Gute Arbeit; 2026";Team A;Note?;Bewertung 1–5;ja;6;2;1;16,7;4,2;;;;\r\n',
  '"Gute Arbeit; 2026";Team A;Note?;Bewertung 1–5;ja;6;3;1;16,7;4,2;;;;\r\n',
  '"Gute Arbeit; 2026";Team A;Note?;Bewertung 1–5;ja;6;4;0;0,0;4,2;;;;\r\n',
  '"Gute Arbeit; 2026";Team A;Note?;Bewertung 1–5;ja;6;5;4;66,7;4,2;;;;\r\n',
  '"Gute Arbeit; 2026";Team A;Offen?;Umfrage (mehrere Antworten);ja;6;;;;;;;;Anonyme Umfrage noch offen – Ergebnis erst nach dem Schließen\r\n',
  '"Gute Arbeit; 2026";Team B;Ideen?;Ideenabfrage;nein;2;"Zeile 1\nZeile 2";4;;;angenommen;1;\'@Ben;\r\n',
  '"Gute Arbeit; 2026";Team B;Anonym?;Ideenabfrage;ja;4;;;;;;;;Weniger als 5 Antworten – zum Schutz der Einzelnen kein Ergebnis\r\n',
  '"Gute Arbeit; 2026";Team B;Anonym viele?;Ideenabfrage;ja;5;\'-Kantine;12;;;abgelehnt;0;;\r\n',
].join('');

describe('campaignCsv', () => {
  test('writes the campaign for German Excel byte for byte', () => {
    const csv = campaignCsv(input);
    expect(Buffer.from(csv, 'utf8').equals(Buffer.from(EXPECTED, 'utf8'))).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  test('never names the author of an anonymous idea', () => {
    expect(campaignCsv(input)).not.toContain('Leak');
  });

  test('writes the header in English for the English locale', () => {
    const csv = campaignCsv({ ...input, locale: 'en', items: [] });
    expect(csv).toBe(
      '\uFEFFCampaign;Team;Question;Type;Anonymous;Respondents;Option or idea;Count;Share in %;Average;Status;Volunteers;Submitted by;Note\r\n',
    );
  });

  test('writes a row with a note for an idea prompt without ideas', () => {
    const csv = campaignCsv({
      ...input,
      items: [
        { kind: 'idea', teamName: 'T', question: 'Q', anonymous: false, status: 'closed', participants: 0, ideas: [] },
      ],
    });
    expect(csv.split('\r\n')[1]).toBe('"Gute Arbeit; 2026";T;Q;Ideenabfrage;nein;0;;;;;;;;Keine Ideen eingegangen');
  });
});

describe('csv cells', () => {
  test('neutralizes formulas and quotes separators, quotes and line breaks', () => {
    expect(['=SUM(A1)', '+1', '-2', '@x', '\tx', 'a;b', 'say "hi"', 'a\r\nb', 'plain'].map(csvCell)).toEqual([
      "'=SUM(A1)",
      "'+1",
      "'-2",
      "'@x",
      "'\tx",
      '"a;b"',
      '"say ""hi"""',
      '"a\r\nb"',
      'plain',
    ]);
    expect(csvCell('=a;b')).toBe(`"'=a;b"`);
  });

  test('writes numbers with a decimal comma and no thousands separator', () => {
    expect([csvNumber(1234.56, 1), csvNumber(3), csvNumber(2 / 3, 1)]).toEqual(['1234,6', '3', '0,7']);
  });

  test('ends every row with CRLF after a byte order mark', () => {
    expect(toCsv([['a', 'b'], ['c']])).toBe('\uFEFFa;b\r\nc\r\n');
  });
});
