import fc from 'fast-check';
import { activeMarkdown, shown } from '../test/support/card-nodes';
import { plainText } from './plain-text';

describe('plainText', () => {
  test('shows a Markdown link as its brackets and address instead of a clickable link', () => {
    expect(plainText('[hier neu anmelden](https://evil.example)')).toBe(
      '\\[hier neu anmelden\\](https://evil.example)',
    );
    expect(plainText('![Logo](https://evil.example/x.png)')).toBe('!\\[Logo\\](https://evil.example/x.png)');
    expect(plainText('<https://evil.example>')).toBe('\\<https://evil.example>');
  });

  test('shows the stars and underscores of bold and italic text instead of formatting it', () => {
    expect(plainText('**WICHTIG:** bitte lesen')).toBe('\\*\\*WICHTIG:\\*\\* bitte lesen');
    expect(plainText('__fett__ und _kursiv_ und *schräg*')).toBe('\\_\\_fett\\_\\_ und \\_kursiv\\_ und \\*schräg\\*');
  });

  test('keeps a line that starts like a bulleted or numbered list from becoming a list', () => {
    expect(plainText('- erstens\n+ zweitens\n* drittens')).toBe('\\- erstens\n\\+ zweitens\n\\* drittens');
    expect(plainText('1. Punkt\n2) Punkt')).toBe('1\\. Punkt\n2\\) Punkt');
    expect(plainText('  - eingerückt')).toBe('\\- eingerückt');
  });

  test('leaves numbers, dashes and hashes inside a line as they are', () => {
    expect(plainText('Am 12. Dezember ab 2.5 Std. – Raum #4, Anna-Lena (Team 1)')).toBe(
      'Am 12. Dezember ab 2.5 Std. – Raum #4, Anna-Lena (Team 1)',
    );
    expect(plainText('12. Dezember')).toBe('12\\. Dezember');
    expect(plainText('2.5 Tage')).toBe('2.5 Tage');
  });

  test('keeps headings, quotes, rules, code and strikethrough from formatting', () => {
    expect(plainText('# Titel\n> Zitat\n---\n===')).toBe('\\# Titel\n\\> Zitat\n\\---\n\\===');
    expect(plainText('`code` und ~~weg~~')).toBe('\\`code\\` und \\~\\~weg\\~\\~');
  });

  test('keeps HTML, <at> mentions and character references from being interpreted', () => {
    expect(plainText('<at>Alle</at> <b>fett</b>')).toBe('\\<at>Alle\\</at> \\<b>fett\\</b>');
    expect(plainText('&#42;fett&#42; &amp; Fragen & Antworten')).toBe('\\&#42;fett\\&#42; \\&amp; Fragen & Antworten');
  });

  test('doubles a backslash, so a path or an already escaped text shows exactly as typed', () => {
    expect(plainText('C:\\Daten\\neu')).toBe('C:\\\\Daten\\\\neu');
    expect(plainText('\\*nicht fett\\*')).toBe('\\\\\\*nicht fett\\\\\\*');
    expect(shown(plainText('\\*nicht fett\\*'))).toBe('\\*nicht fett\\*');
  });

  test('leaves German umlauts, quotation marks and ordinary sentences unchanged', () => {
    const text = 'Größere Bildschirme für „Ärger“-Fälle, schöne Grüße – süß!';
    expect(plainText(text)).toBe(text);
  });

  test('returns an empty text unchanged', () => {
    expect(plainText('')).toBe('');
  });

  test('for any text, Teams shows exactly the characters typed and formats nothing', () => {
    const markdownish = fc.string({
      unit: fc.constantFrom(
        '*',
        '_',
        '[',
        ']',
        '(',
        ')',
        '<',
        '>',
        '`',
        '~',
        '|',
        '#',
        '-',
        '+',
        '=',
        '.',
        '1',
        ' ',
        '\n',
        '\\',
        '&',
        ';',
        'a',
        'ä',
        'x',
      ),
    });
    fc.assert(
      fc.property(fc.oneof(markdownish, fc.string()), (text) => {
        const escaped = plainText(text);
        expect(shown(escaped)).toBe(text.replace(/^[ \t]+/gm, ''));
        expect(activeMarkdown(escaped)).toEqual([]);
      }),
    );
  });
});
