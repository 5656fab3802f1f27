import { parseCampaignFile } from './campaigns/campaign-file';
import { readSource, type Source } from './config-file';
import { parseOrgFile } from './org/org-file';
import { aliasBomb } from '../test/support/hostile-files';

/** one anchored scalar used 150 times: cheap, but past the alias limit all the same. */
const manyAliases = ['x: &x 1', ...Array.from({ length: 150 }, (_, i) => `k${i}: *x`)].join('\n');
const deepJson = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;

const errorsOf = (source: Source) => (source.ok ? [] : source.errors);

describe('readSource never throws: every problem becomes an error of the file it is in', () => {
  test.each([
    ['an alias bomb', 'bomb.yml', aliasBomb, /YAML aliases expand too far/],
    ['more than 100 uses of one alias', 'many.yml', manyAliases, /YAML aliases expand too far/],
    [
      'YAML nested thousands of levels deep',
      'deep.yml',
      `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
      /nested more than 64 levels deep/,
    ],
    ['JSON nested thousands of levels deep', 'deep.json', deepJson, /nested more than 64 levels deep/],
    [
      'unclosed brackets thousands of levels deep',
      'open.yml',
      `id: x\nitems: ${'['.repeat(30_000)}`,
      /nested more than 64 levels deep/,
    ],
    ['an alias whose anchor is missing', 'alias.yml', 'id: x\ntitle: *missing\n', /missing/],
  ])('%s is reported with the file name', (_case, file, text, message) => {
    let source: Source | undefined;
    expect(() => (source = readSource(file, text))).not.toThrow();
    expect(source?.ok).toBe(false);
    expect(errorsOf(source as Source)).toEqual([
      expect.objectContaining({ file, path: '', message: expect.stringMatching(message) }),
    ]);
  });

  test("an alias whose anchor is missing is reported on the alias's line", () => {
    expect(errorsOf(readSource('alias.yml', 'id: x\ntitle: *missing\n'))).toEqual([
      expect.objectContaining({ line: 2 }),
    ]);
  });

  test('nesting too deep is reported on the line where it passes the limit, before the parser builds anything', () => {
    const text = `id: x\ntitle: Tief\nitems:\n  - ${'['.repeat(40)}\n    ${'['.repeat(40)}1${']'.repeat(80)}\n`;
    expect(errorsOf(readSource('deep.yml', text))).toEqual([expect.objectContaining({ line: 5 })]);
  });

  test('nesting within the limit, and brackets inside quotes and comments, are read as usual', () => {
    const source = readSource(
      'ok.yml',
      `a: ${'['.repeat(64)}1${']'.repeat(64)}\nb: "${'['.repeat(100)}" # ${'{'.repeat(100)}\n`,
    );
    expect(source.ok).toBe(true);
  });

  test('campaign files and the organisation file report an alias bomb as their own error', () => {
    const campaign = parseCampaignFile('bomb.yml', aliasBomb, { defaultTimeZone: 'Europe/Berlin' });
    const org = parseOrgFile('org.yml', aliasBomb);
    expect(campaign).toEqual({
      ok: false,
      errors: [expect.objectContaining({ file: 'bomb.yml', message: expect.stringMatching(/alias/) })],
    });
    expect(org).toEqual({
      ok: false,
      errors: [expect.objectContaining({ file: 'org.yml', message: expect.stringMatching(/alias/) })],
    });
  });

  test('a campaign file of deeply nested JSON is refused as such, not by an exception', () => {
    const campaign = parseCampaignFile('deep.json', deepJson, { defaultTimeZone: 'Europe/Berlin' });
    expect(campaign).toEqual({
      ok: false,
      errors: [expect.objectContaining({ file: 'deep.json', line: 1, message: expect.stringMatching(/nested/) })],
    });
  });
});
