import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { messages } from '../core/messages';
import { ADMIN, startBotHarness, TEAM, type BotHarness } from './support/bot-harness';
import { cardTexts } from './support/card-nodes';
import { aliasBomb } from './support/hostile-files';

/**
 * `kampagnen laden` reads every campaign file and the organisation file; a file the YAML reader cannot expand (an
 * alias bomb) is that file's reported problem and never stops the others or the bot.
 */
const de = messages('de');

const campaign = (id: string, question: string) =>
  [
    `id: ${id}`,
    `title: ${question}`,
    'teams: all',
    'items:',
    '  - type: poll',
    `    question: ${question}`,
    '    options: [gut, schlecht]',
    '    schedule: { start: 2027-03-01T09:00, every: P1W }',
  ].join('\n');
const goodOrg = ['teams:', `  - team: ${TEAM.name}`, '    leaders: [anna.becker@amt.example]'].join('\n');

let h: BotHarness;
let dir: string;
let campaigns: string;
let orgFile: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mitwirken-reload-'));
  campaigns = path.join(dir, 'campaigns');
  mkdirSync(campaigns);
  orgFile = path.join(dir, 'org.yml');
  h = await startBotHarness({ CAMPAIGNS_DIR: campaigns, ORG_FILE: orgFile });
  await h.installInTeam();
});
afterAll(async () => {
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** the admin reloads in the personal chat; the report is the text reply (a campaign list card follows). */
async function reload(): Promise<string> {
  const before = h.connector.delivered.length;
  await h.personalMessage('kampagnen laden', ADMIN);
  const texts = h.connector.delivered
    .slice(before)
    .map((d) => d.activity.text)
    .filter((t): t is string => typeof t === 'string');
  return texts.join('\n');
}

test('an alias bomb and a file nested thousands of levels deep between good campaign files are reported by name, and the good files are loaded', async () => {
  writeFileSync(path.join(campaigns, 'a-puls.yml'), campaign('puls', 'Wie gut fühlst du dich informiert?'));
  writeFileSync(path.join(campaigns, 'b-bombe.yml'), aliasBomb);
  writeFileSync(path.join(campaigns, 'c-klima.yml'), campaign('klima', 'Wie ist das Klima im Team?'));
  writeFileSync(path.join(campaigns, 'd-tief.json'), `${'['.repeat(50_000)}${']'.repeat(50_000)}`);
  writeFileSync(orgFile, goodOrg);
  const report = await reload();
  expect(report).toContain(de.campaignsReloaded(2, 2));
  expect(report).toMatch(/• b-bombe\.yml YAML aliases expand too far/);
  expect(report).toMatch(/• d-tief\.json:1 nested more than \d+ levels deep/);
  expect(report).not.toContain(de.errUnexpected);
  expect((await h.storage.campaigns.get('puls'))?.source).toBe('file:a-puls.yml');
  expect((await h.storage.campaigns.get('klima'))?.source).toBe('file:c-klima.yml');
});

test('an alias bomb as the organisation file is reported, changes no leader, and the bot keeps answering', async () => {
  rmSync(path.join(campaigns, 'b-bombe.yml'));
  rmSync(path.join(campaigns, 'd-tief.json'));
  writeFileSync(orgFile, aliasBomb);
  const leadersBefore = await h.storage.roles.leadersOf(TEAM.id);
  const report = await reload();
  expect(report).toContain(de.campaignsReloaded(2, 0));
  expect(report).toContain(de.orgFileRejected('org.yml', 1));
  expect(report).toMatch(/• org\.yml YAML aliases expand too far/);
  expect(await h.storage.roles.leadersOf(TEAM.id)).toEqual(leadersBefore);

  const before = h.connector.delivered.length;
  await h.personalMessage('hilfe', ADMIN);
  expect(h.connector.cards().slice(-1).flatMap(cardTexts)).toContain(de.helpTitle);
  expect(h.connector.delivered.length).toBeGreaterThan(before);
});
