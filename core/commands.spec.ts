import { ADMIN_COMMANDS, parseCommand, validateDraft, type Command } from './commands';
import { LIMITS } from './items';
import { messages } from './messages';
import { describeProblem, type Outcome } from './problems';

/** the draft of a parsed post command; fails the test when the text was refused. */
function draftOf(text: string) {
  const parsed = parseCommand(text);
  if (!parsed.ok) throw new Error(`refused: ${parsed.problem.key}`);
  if (parsed.value.name !== 'post') throw new Error(`not a post command: ${parsed.value.name}`);
  return parsed.value.draft;
}

const problemOf = (outcome: Outcome<Command>) => (outcome.ok ? undefined : outcome.problem);

describe('parseCommand keywords', () => {
  test.each(['umfrage', 'poll', 'UMFRAGE'])('reads "%s" as a single-choice poll', (word) => {
    expect(draftOf(`${word} Frage? | a | b`)).toEqual({
      kind: 'poll',
      pollKind: 'single',
      question: 'Frage?',
      options: ['a', 'b'],
      anonymous: false,
    });
  });

  test.each(['bewertung', 'rating'])('reads "%s" as a rating poll without options', (word) => {
    expect(draftOf(`${word} Wie gut klappt das?`)).toEqual({
      kind: 'poll',
      pollKind: 'rating',
      question: 'Wie gut klappt das?',
      options: [],
      anonymous: false,
    });
  });

  test.each(['ideenabfrage', 'prompt', 'Ideenabfrage'])('reads "%s" as an idea prompt', (word) => {
    expect(draftOf(`${word} Was können wir besser machen?`)).toEqual({
      kind: 'idea',
      question: 'Was können wir besser machen?',
      options: [],
      anonymous: false,
    });
  });

  test.each(['idee', 'idea', 'IDEE'])('reads "%s" as an idea of the person, not as a prompt', (word) => {
    expect(parseCommand(`${word} Ein fester Rückruftag | jede Woche`)).toEqual({
      ok: true,
      value: { name: 'submitIdea', text: 'Ein fester Rückruftag | jede Woche' },
    });
  });

  test.each(['ideen', 'ideas'])('reads "%s" as the top ideas of the team', (word) => {
    expect(parseCommand(word)).toEqual({ ok: true, value: { name: 'ideas' } });
  });

  test.each(['hilfe', 'help', '?'])('reads "%s" as the help command', (word) => {
    expect(parseCommand(word)).toEqual({ ok: true, value: { name: 'help' } });
  });

  test('reads an empty message as the help command', () => {
    expect(parseCommand('   ')).toEqual({ ok: true, value: { name: 'help' } });
  });

  test.each(['schließen', 'schliessen', 'close', 'Schließen'])('reads "%s" as the close command', (word) => {
    expect(parseCommand(word)).toEqual({ ok: true, value: { name: 'close' } });
  });

  test('reads "demo" as the demo command', () => {
    expect(parseCommand('demo')).toEqual({ ok: true, value: { name: 'demo' } });
  });

  test('refuses an unknown command word with errUnknownCommand naming the word', () => {
    expect(problemOf(parseCommand('abstimmung Frage? | a | b'))).toEqual({
      key: 'errUnknownCommand',
      args: ['abstimmung'],
    });
  });
});

describe('parseCommand flags', () => {
  test.each(['--anonym', '--anonymous'])('makes a poll anonymous with %s', (flag) => {
    expect(draftOf(`umfrage ${flag} Frage? | a | b`).anonymous).toBe(true);
  });

  test.each(['--mehrfach', '--multi'])('makes a poll multi-choice with %s', (flag) => {
    expect(draftOf(`umfrage ${flag} Frage? | a | b`).pollKind).toBe('multi');
  });

  test('accepts both flags together in any order', () => {
    expect(draftOf('poll --multi --anonymous Q? | a | b')).toMatchObject({ pollKind: 'multi', anonymous: true });
  });

  test('reads a long dash typed by auto-correct (—anonym) as the flag --anonym', () => {
    expect(draftOf('umfrage —anonym Frage? | a | b')).toMatchObject({ anonymous: true, question: 'Frage?' });
  });

  test('reads an en dash typed by auto-correct (–mehrfach) as the flag --mehrfach', () => {
    expect(draftOf('umfrage –mehrfach Frage? | a | b').pollKind).toBe('multi');
  });

  // BUG: normalise() in core/commands.ts replaces every en/em dash in the whole text, not only flag prefixes.
  test('keeps a dash inside the question as the person typed it', () => {
    expect(draftOf('umfrage Homeoffice – ja oder nein? | ja | nein').question).toBe('Homeoffice – ja oder nein?');
  });

  test('refuses an unknown flag with errUnknownFlag naming the flag', () => {
    expect(problemOf(parseCommand('umfrage --geheim Frage? | a | b'))).toEqual({
      key: 'errUnknownFlag',
      args: ['--geheim'],
    });
  });

  test('refuses --mehrfach on a rating with errUnknownFlag', () => {
    expect(problemOf(parseCommand('bewertung --mehrfach Wie gut?'))).toEqual({
      key: 'errUnknownFlag',
      args: ['--mehrfach'],
    });
  });

  test('makes an idea prompt anonymous with --anonym', () => {
    expect(draftOf('ideenabfrage --anonym Was stört dich?')).toMatchObject({ kind: 'idea', anonymous: true });
  });
});

describe('parseCommand options', () => {
  test('trims the question and every option', () => {
    expect(draftOf('umfrage   Frage?   |  erstens  |zweitens ')).toMatchObject({
      question: 'Frage?',
      options: ['erstens', 'zweitens'],
    });
  });

  test('turns non-breaking spaces into ordinary spaces', () => {
    expect(draftOf('umfrage\u00a0Frage?\u00a0|\u00a0a\u00a0|\u00a0b').options).toEqual(['a', 'b']);
  });

  test('accepts ten options', () => {
    const options = Array.from({ length: 10 }, (_, i) => `o${i}`);
    expect(draftOf(`umfrage Q? | ${options.join(' | ')}`).options).toEqual(options);
  });

  test('refuses a poll with one option with errTooFewOptions', () => {
    expect(problemOf(parseCommand('umfrage Frage? | nur eine'))?.key).toBe('errTooFewOptions');
  });

  test('refuses a poll without any option with errTooFewOptions', () => {
    expect(problemOf(parseCommand('umfrage Frage?'))?.key).toBe('errTooFewOptions');
  });

  test('refuses a poll with eleven options with errTooManyOptions', () => {
    const options = Array.from({ length: 11 }, (_, i) => `o${i}`);
    expect(problemOf(parseCommand(`umfrage Q? | ${options.join(' | ')}`))?.key).toBe('errTooManyOptions');
  });

  test('refuses an empty option between two separators with errOptionEmpty', () => {
    expect(problemOf(parseCommand('umfrage Q? | a |  | b'))?.key).toBe('errOptionEmpty');
  });

  test('refuses options that differ only in case and spacing with errDuplicateOptions', () => {
    expect(problemOf(parseCommand('umfrage Q? | Ja | ja  | Nein'))?.key).toBe('errDuplicateOptions');
  });

  test('refuses a poll without a question with errMissingQuestion', () => {
    expect(problemOf(parseCommand('umfrage | a | b'))?.key).toBe('errMissingQuestion');
  });

  test('refuses a flag-only poll with errMissingQuestion', () => {
    expect(problemOf(parseCommand('umfrage --anonym'))?.key).toBe('errMissingQuestion');
  });

  test('accepts a question of exactly 500 characters', () => {
    expect(draftOf(`ideenabfrage ${'x'.repeat(LIMITS.questionMax)}`).question).toHaveLength(500);
  });

  test('refuses a question of 501 characters with errQuestionTooLong and the limit 500', () => {
    expect(problemOf(parseCommand(`ideenabfrage ${'x'.repeat(501)}`))).toEqual({
      key: 'errQuestionTooLong',
      args: [500],
    });
  });

  test('refuses an option of 101 characters with errOptionTooLong and the limit 100', () => {
    expect(problemOf(parseCommand(`umfrage Q? | ${'o'.repeat(101)} | b`))).toEqual({
      key: 'errOptionTooLong',
      args: [100],
    });
  });

  test('refuses options on an idea prompt with errOptionsNotAllowed', () => {
    expect(problemOf(parseCommand('ideenabfrage Was stört? | a | b'))?.key).toBe('errOptionsNotAllowed');
  });

  test('refuses options on a rating with errOptionsNotAllowed', () => {
    expect(problemOf(parseCommand('bewertung Wie gut? | 1 | 2'))?.key).toBe('errOptionsNotAllowed');
  });
});

describe('validateDraft', () => {
  test('refuses a poll draft without a poll kind with errInvalidPayload', () => {
    expect(validateDraft({ kind: 'poll', question: 'Q?', options: ['a', 'b'], anonymous: false })).toEqual({
      ok: false,
      problem: { key: 'errInvalidPayload', args: [] },
    });
  });

  test('refuses a draft that is not an object with errInvalidPayload', () => {
    expect(validateDraft('umfrage')).toMatchObject({ ok: false, problem: { key: 'errInvalidPayload' } });
  });
});

describe('describeProblem', () => {
  test('renders the German text with the limit value', () => {
    expect(describeProblem('de', { key: 'errQuestionTooLong', args: [500] })).toBe(
      messages('de').errQuestionTooLong(500),
    );
    expect(describeProblem('de', { key: 'errQuestionTooLong', args: [500] })).toContain('500');
  });

  test('renders the English text with the limit value', () => {
    expect(describeProblem('en', { key: 'errOptionTooLong', args: [100] })).toBe(messages('en').errOptionTooLong(100));
    expect(describeProblem('en', { key: 'errOptionTooLong', args: [100] })).toContain('100');
  });

  test('renders a text without arguments as it stands in the catalogue', () => {
    expect(describeProblem('en', { key: 'errNotAdmin' })).toBe(messages('en').errNotAdmin);
  });

  test('names the unknown word of a refused command in the German text', () => {
    const parsed = parseCommand('abstimmung');
    if (parsed.ok) throw new Error('accepted');
    expect(describeProblem('de', parsed.problem)).toBe(messages('de').errUnknownCommand('abstimmung'));
  });
});

describe('campaign wizard and admin grants', () => {
  it.each(['kampagne neu', 'Kampagne NEU', 'neue kampagne', 'new campaign'])(
    '"%s" starts the campaign wizard',
    (text) => {
      expect(parseCommand(text)).toEqual({ ok: true, value: { name: 'newCampaign' } });
    },
  );
  it('reads whom "admin hinzufügen" / "add admin" names, and nothing when no one is named', () => {
    expect(parseCommand('admin hinzufügen anna.becker@amt.example')).toEqual({
      ok: true,
      value: { name: 'addAdmin', who: 'anna.becker@amt.example' },
    });
    expect(parseCommand('add admin Anna Becker')).toEqual({
      ok: true,
      value: { name: 'addAdmin', who: 'Anna Becker' },
    });
    expect(parseCommand('admin hinzufügen')).toEqual({ ok: true, value: { name: 'addAdmin', who: '' } });
    expect(ADMIN_COMMANDS.has('addAdmin') && ADMIN_COMMANDS.has('newCampaign')).toBe(true);
  });
  it('refuses half commands', () => {
    expect(parseCommand('kampagne').ok).toBe(false);
    expect(parseCommand('admin weg').ok).toBe(false);
    expect(parseCommand('add something').ok).toBe(false);
  });
});

describe('maxChoices of a multiple-choice draft', () => {
  const multi = {
    kind: 'poll',
    pollKind: 'multi',
    question: 'Welche drei zuerst?',
    options: ['A', 'B', 'C', 'D'],
    anonymous: false,
  };
  it('keeps a limit below the number of options and drops one that allows all', () => {
    expect(validateDraft({ ...multi, maxChoices: 3 })).toEqual({ ok: true, value: { ...multi, maxChoices: 3 } });
    expect(validateDraft({ ...multi, maxChoices: 4 })).toEqual({ ok: true, value: multi });
  });
  it('refuses a limit on single choice, above the options or below one', () => {
    expect(validateDraft({ ...multi, pollKind: 'single', maxChoices: 2 }).ok).toBe(false);
    expect(validateDraft({ ...multi, maxChoices: 5 }).ok).toBe(false);
    expect(validateDraft({ ...multi, maxChoices: 0 }).ok).toBe(false);
  });
});

describe('an idea typed with "idee"', () => {
  it('keeps the text as typed, line breaks included, and needs no admin rights', () => {
    expect(parseCommand('idee  Erste Zeile\nzweite Zeile ')).toEqual({
      ok: true,
      value: { name: 'submitIdea', text: 'Erste Zeile\nzweite Zeile' },
    });
    expect(ADMIN_COMMANDS.has('submitIdea') || ADMIN_COMMANDS.has('ideas')).toBe(false);
    expect(ADMIN_COMMANDS.has('post') || ADMIN_COMMANDS.has('close')).toBe(false); // admins and leaders: mayPostIn
  });
  it('refuses an empty idea with errIdeaTextMissing', () => {
    expect(problemOf(parseCommand('idee   '))).toEqual({ key: 'errIdeaTextMissing', args: [] });
  });
  it('refuses a flag, because such ideas always carry the name and must not be taken for anonymous', () => {
    expect(problemOf(parseCommand('idee --anonym Mehr Homeoffice'))?.key).toBe('errIdeaNamedOnly');
    expect(problemOf(parseCommand('idee —anonym Mehr Homeoffice'))?.key).toBe('errIdeaNamedOnly');
  });
  it('accepts 1000 characters and refuses 1001 with errIdeaTooLong and the limit', () => {
    expect(parseCommand(`idee ${'x'.repeat(LIMITS.ideaMax)}`).ok).toBe(true);
    expect(problemOf(parseCommand(`idee ${'x'.repeat(LIMITS.ideaMax + 1)}`))).toEqual({
      key: 'errIdeaTooLong',
      args: [1000],
    });
  });
});

describe('parseCommand measures', () => {
  test.each(['maßnahmen', 'massnahmen', 'measures', 'Maßnahmen'])('reads "%s" as the board of measures', (word) => {
    expect(parseCommand(word)).toEqual({ ok: true, value: { name: 'measures' } });
  });

  test.each(['maßnahme neu', 'massnahme anlegen', 'neue maßnahme', 'new measure', 'measure new'])(
    'reads "%s" as the form of a new measure',
    (text) => {
      expect(parseCommand(text)).toEqual({ ok: true, value: { name: 'newMeasure' } });
    },
  );

  test.each(['maßnahme', 'new idea', 'neu neu'])('does not read "%s" as a measure command', (text) => {
    expect(
      parseCommand(text).ok && (parseCommand(text) as { value: { name: string } }).value.name === 'newMeasure',
    ).toBe(false);
  });
});

describe('parseCommand: "ideen" with text after it', () => {
  test('offers the text as an idea (a mistyped "idee"), keeping its line breaks', () => {
    expect(parseCommand('ideen Mein Vorschlag:\nein gemeinsamer Ordner')).toEqual({
      ok: true,
      value: { name: 'offerIdea', text: 'Mein Vorschlag:\nein gemeinsamer Ordner', from: 'typed' },
    });
    expect(parseCommand('ideas We could share templates')).toMatchObject({
      ok: true,
      value: { name: 'offerIdea', from: 'typed' },
    });
  });

  test('still reads "ideen" alone as the top ideas', () => {
    expect(parseCommand(' ideen ')).toEqual({ ok: true, value: { name: 'ideas' } });
  });
});

describe('staff council commands', () => {
  test.each([
    ['personalrat hinzufügen anna.becker@amt.example', { name: 'addCouncil', who: 'anna.becker@amt.example' }],
    ['add council Anna Becker', { name: 'addCouncil', who: 'Anna Becker' }],
    ['personalrat entfernen Anna', { name: 'removeCouncil', who: 'Anna' }],
    ['remove council Anna', { name: 'removeCouncil', who: 'Anna' }],
    ['personalrat', { name: 'council' }],
    ['council', { name: 'council' }],
  ])('parses %p', (text, command) => expect(parseCommand(text)).toEqual({ ok: true, value: command }));

  test('refuses an unknown word after personalrat', () => {
    expect(parseCommand('personalrat tanzen')).toMatchObject({ ok: false, problem: { key: 'errUnknownCommand' } });
  });
});

describe('a posting command without a question', () => {
  test.each([
    ['umfrage', 'single'],
    ['poll', 'single'],
    ['bewertung', 'rating'],
    ['ideenabfrage', 'idea'],
    ['prompt  ', 'idea'],
  ])('reads "%s" alone as the offer of the posting form (%s)', (text, kind) => {
    expect(parseCommand(text)).toEqual({ ok: true, value: { name: 'postForm', kind } });
  });
});
