import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_KEYS, loadConfig, type Config } from '../app/config';

/** the papers an authority hands to its staff council and data protection officer (docs/papers/README.md). */
const PAPERS = ['docs/papers/dienstvereinbarung.md', 'docs/papers/dsfa.md', 'docs/papers/verarbeitungsverzeichnis.md'];

/** the heading of the one table each paper states its assumed configuration in (identical in every paper). */
const HEADING = '## Angenommene Konfiguration';
const TABLE_HEAD = '| Einstellung | Wert | Bedeutung |';

/** settings every paper must state, because every paper relies on them. */
const REQUIRED = [
  'MIN_GROUP_SIZE',
  'MIN_GROUP_SIZE_TEXT',
  'RETENTION_DAYS',
  'APPROVAL_REQUIRED',
  'APPROVALS_NEEDED',
  'APPROVAL_FOR_ADHOC',
];

/** the Config field each setting a paper may document becomes. */
const FIELD: Partial<Record<string, keyof Config>> = {
  MIN_GROUP_SIZE: 'minGroupSize',
  MIN_GROUP_SIZE_TEXT: 'minGroupSizeText',
  RETENTION_DAYS: 'retentionDays',
  APPROVAL_REQUIRED: 'approvalRequired',
  APPROVALS_NEEDED: 'approvalsNeeded',
  APPROVAL_FOR_ADHOC: 'approvalForAdhoc',
  LEADERS_MAY_POST: 'leadersMayPost',
  DECISION_DUE_DAYS: 'decisionDueDays',
  TIMEZONE: 'timeZone',
  DEFAULT_LOCALE: 'defaultLocale',
  ADDRESS: 'address',
  LOG_LEVEL: 'logLevel',
};

/** a production deployment that sets nothing but what production requires: every other setting is the code's default. */
const PRODUCTION_ENV: NodeJS.ProcessEnv = {
  MicrosoftAppId: '0f3c2a51-7d1e-4c0b-9a3e-6b5d4c3b2a10',
  MicrosoftAppPassword: 'secret-value',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  AZURE_STORAGE_ACCOUNT_URL: 'https://stmitwirken.table.core.windows.net',
  ANSWER_SECRET: 'x'.repeat(32),
};

interface Row {
  key: string;
  value: string;
  meaning: string;
}

const read = (file: string): string => readFileSync(path.join(__dirname, '..', file), 'utf8');

const cells = (line: string): string[] =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());

/** the rows of the paper's configuration table; throws with the reason when the section or table is not as agreed. */
function assumedConfiguration(text: string): Row[] {
  const lines = text.split(/\r?\n/);
  const headings = lines.filter((l) => l.trim() === HEADING);
  if (headings.length !== 1) throw new Error(`expected exactly one "${HEADING}", found ${headings.length}`);
  const start = lines.findIndex((l) => l.trim() === HEADING);
  const body = lines.slice(start + 1);
  const first = body.findIndex((l) => l.trim().startsWith('|'));
  const beforeTable = body.slice(0, first);
  if (first < 0 || beforeTable.some((l) => l.startsWith('#'))) throw new Error(`no table under "${HEADING}"`);
  const table: string[] = [];
  for (const l of body.slice(first)) {
    if (!l.trim().startsWith('|')) break;
    table.push(l);
  }
  if (cells(table[0] ?? '').join('|') !== cells(TABLE_HEAD).join('|'))
    throw new Error(`the table must start with "${TABLE_HEAD}"`);
  return table.slice(2).map((l) => {
    const [key = '', value = '', meaning = ''] = cells(l);
    const k = /^`([^`]+)`$/.exec(key);
    const v = /^`([^`]*)`$/.exec(value);
    if (!k || !v) throw new Error(`a row must name the setting and its value in backticks: ${l}`);
    return { key: k[1] ?? '', value: v[1] ?? '', meaning };
  });
}

/** a documented value as the Config holds it: on/off → boolean, digits → number, anything else as written. */
function asConfigValue(value: string): unknown {
  if (value === 'on') return true;
  if (value === 'off') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

describe.each(PAPERS)('%s', (paper) => {
  const rows = (): Row[] => assumedConfiguration(read(paper));

  test('states its assumed configuration in one table with the settings every paper relies on', () => {
    const keys = rows().map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(REQUIRED));
    expect(new Set(keys).size).toBe(keys.length);
    for (const row of rows()) expect(row.meaning).not.toBe('');
  });

  test('documents only settings the bot reads', () => {
    const unknown = rows()
      .map((r) => r.key)
      .filter((key) => !CONFIG_KEYS.includes(key));
    expect(unknown).toEqual([]);
  });

  test('documents each setting with the default a production deployment gets', () => {
    const defaults = loadConfig(PRODUCTION_ENV);
    expect(defaults.localMode).toBe(false);
    for (const row of rows()) {
      const field = FIELD[row.key];
      if (!field) throw new Error(`${paper}: ${row.key} has no Config field in this test; add it to FIELD`);
      expect({ setting: row.key, value: asConfigValue(row.value) }).toEqual({
        setting: row.key,
        value: defaults[field],
      });
    }
  });
});

describe('the index and the privacy page', () => {
  test.each(PAPERS)('link %s', (paper) => {
    const file = path.basename(paper);
    expect(read('docs/papers/README.md')).toContain(`](${file})`);
    expect(read('docs/privacy.md')).toContain(`](papers/${file})`);
  });
});

describe('reading a paper’s table', () => {
  test('refuses a paper without the section, and one whose table is not the agreed one', () => {
    expect(() => assumedConfiguration('# Titel\n\nText')).toThrow(/exactly one/);
    expect(() =>
      assumedConfiguration(`${HEADING}\n\n| Key | Value | Meaning |\n| --- | --- | --- |\n| \`A\` | \`1\` | x |\n`),
    ).toThrow(/must start with/);
    expect(() =>
      assumedConfiguration(`${HEADING}\n\n${TABLE_HEAD}\n| --- | --- | --- |\n| MIN_GROUP_SIZE | 5 | x |\n`),
    ).toThrow(/in backticks/);
  });

  test('reads the rows up to the end of the table', () => {
    const text = `${HEADING}\n\nText.\n\n${TABLE_HEAD}\n| --- | --- | --- |\n| \`MIN_GROUP_SIZE\` | \`5\` | Schwelle |\n| \`APPROVAL_REQUIRED\` | \`on\` | Freigabe |\n\nWeiter.\n| nicht | mehr | Tabelle |\n`;
    expect(assumedConfiguration(text)).toEqual([
      { key: 'MIN_GROUP_SIZE', value: '5', meaning: 'Schwelle' },
      { key: 'APPROVAL_REQUIRED', value: 'on', meaning: 'Freigabe' },
    ]);
    expect([asConfigValue('on'), asConfigValue('off'), asConfigValue('10'), asConfigValue('none')]).toEqual([
      true,
      false,
      10,
      'none',
    ]);
  });
});
