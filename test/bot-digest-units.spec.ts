import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { messages } from '../core/messages';
import { OTHER_TEAM, people, startBotHarness, TEAM, type BotHarness, type Person } from './support/bot-harness';
import type { RosterMember } from './support/teams-connector';
import { cardTexts } from './support/card-nodes';

/**
 * Roll-up digests for leaders of units: one weekly digest per leader over the teams below their units, a Sachgebiet
 * too small to be shown counted in the figures above it, and no figure that — minus the ones shown below it — would
 * tell that small group's participation. Two instances on one storage still send each leader one digest.
 *
 * Amt (Amelie) → Abteilung Leistungen (Bernd: Team Digitalisierung, 12 of 20; Sachgebiet Wohngeld: Team Wohngeld,
 * 2 of 3) and Abteilung Recht (Team Leistung, 10 of 20). Amelie also leads Team Leistung as a team.
 */
const de = messages('de');
const W48 = '2026-W48';

const WOHNGELD = { id: '19:team-w@thread.tacv2', name: 'Team Wohngeld' };
const AMELIE: Person = { id: '29:amelie', aadObjectId: 'aad-amelie', name: 'Amelie Amt' };
const BERND: Person = { id: '29:bernd', aadObjectId: 'aad-bernd', name: 'Bernd Vogel' };
const digi = people(19);
const recht = Array.from({ length: 19 }, (_, i) => ({
  id: `29:r-${i}`,
  aadObjectId: `aad-r-${i}`,
  name: `Recht ${i}`,
}));
const wohngeld = Array.from({ length: 3 }, (_, i) => ({ id: `29:w-${i}`, aadObjectId: `aad-w-${i}`, name: `WG ${i}` }));
const roster = (p: Person, upn?: string): RosterMember => ({
  id: p.id,
  aadObjectId: p.aadObjectId,
  name: p.name,
  ...(upn && { userPrincipalName: upn }),
});
const members = {
  [TEAM.id]: [roster(BERND, 'bernd.vogel@amt.example'), ...digi.map((p) => roster(p))],
  [OTHER_TEAM.id]: [roster(AMELIE, 'amelie.amt@amt.example'), ...recht.map((p) => roster(p))],
  [WOHNGELD.id]: wohngeld.map((p) => roster(p)),
};

const ORG = [
  'units:',
  '  - unit: Amt',
  '    leaders: [amelie.amt@amt.example]',
  '    units:',
  '      - unit: Abteilung Leistungen',
  '        id: leistungen',
  '        leaders: [bernd.vogel@amt.example]',
  `        teams: [${TEAM.name}]`,
  '        units:',
  '          - unit: Sachgebiet Wohngeld',
  `            teams: [${WOHNGELD.name}]`,
  '      - unit: Abteilung Recht',
  `        teams: [${OTHER_TEAM.name}]`,
  'teams:',
  `  - team: ${OTHER_TEAM.name}`,
  '    leaders: [amelie.amt@amt.example]',
].join('\n');

let clock = new Date('2026-11-25T10:00:00Z'); // Wednesday of 2026-W48
const now = () => clock;
let h: BotHarness;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mitwirken-rollup-'));
  writeFileSync(path.join(dir, 'org.yml'), ORG);
  h = await startBotHarness(
    { ORG_FILE: path.join(dir, 'org.yml'), CAMPAIGNS_DIR: path.join(dir, 'campaigns') },
    { members },
    { now },
  );
  for (const team of [TEAM, OTHER_TEAM, WOHNGELD]) await h.installInTeam(team);
  const week = new Date('2026-11-25T12:00:00Z');
  const take = async (teamId: string, who: Person[]) => {
    for (const p of who) await h.storage.weeklyParticipation.recordNamed(teamId, p.aadObjectId, week);
  };
  await take(TEAM.id, digi.slice(0, 12));
  await take(WOHNGELD.id, wohngeld.slice(0, 2));
  await take(OTHER_TEAM.id, recht.slice(0, 10));
});

afterAll(async () => {
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** the weekly digest cards of week 48 delivered into a leader's chat. */
async function digestsOf(p: Person) {
  const chat = (await h.storage.installations.getPerson(p.aadObjectId))?.reference.conversation.id;
  return h.connector.delivered
    .filter((d) => d.conversationId === chat && cardTexts(d.activity).includes(de.digestTitle(48)))
    .map((d) => cardTexts(d.activity));
}

test('two instances send each unit leader exactly one digest for the week, one leader of a unit and a team included', async () => {
  const second = await startBotHarness(
    { ORG_FILE: path.join(dir, 'org.yml'), CAMPAIGNS_DIR: path.join(dir, 'campaigns') },
    {},
    { now, shareWith: h },
  );
  try {
    for (const minutes of [5, 6, 9, 12, 16]) {
      clock = new Date(Date.parse('2026-11-30T07:00:00Z') + minutes * 60_000);
      const reports = await Promise.all([h.app.digestScheduler.tick(), second.app.digestScheduler.tick()]);
      expect(reports.filter((r) => r.leader).length).toBeLessThanOrEqual(1);
    }
  } finally {
    await second.stop();
  }
  expect(await digestsOf(AMELIE)).toHaveLength(1);
  expect(await digestsOf(BERND)).toHaveLength(1);
  for (const p of [AMELIE, BERND])
    expect(await h.storage.digestLedger.status(p.aadObjectId, W48)).toMatchObject({ status: 'sent', attempts: 1 });
});

test('a leader of a unit and of a team below it gets one combined digest: the unit roll-up and the team section', async () => {
  const [texts] = (await digestsOf(AMELIE)) as [string[]];
  expect(texts).toEqual(
    expect.arrayContaining([
      de.digestUnitTitle('Amt'),
      de.digestUnitTeams(3),
      `Abteilung Recht: ${de.digestParticipation('10', '20', '50')}`,
      // the team section of Team Leistung, which Amelie leads as a team.
      OTHER_TEAM.name,
      de.digestParticipation('10', '20', '50'),
    ]),
  );
});

test('a sub-unit below the threshold is hidden and counted upward in its unit', async () => {
  const [texts] = (await digestsOf(BERND)) as [string[]];
  const all = texts.join('\n');
  expect(texts).toEqual(
    expect.arrayContaining([
      de.digestUnitTitle('Abteilung Leistungen'),
      de.digestUnitTeams(2),
      `${TEAM.name}: ${de.digestParticipation('12', '20', '60')}`,
      de.digestUnitHidden(1),
    ]),
  );
  expect(all).not.toContain('Sachgebiet Wohngeld');
  expect(all).not.toContain(WOHNGELD.name);
  // the Abteilung's 23 members include Team Wohngeld's 3; its 14 of 23 minus Team Digitalisierung's 12 of 20 would
  // tell Team Wohngeld's 2 of 3: banded to what is known anyway.
  expect(texts).toContain(de.digestUnitBanded('12', '23'));
  expect(all).not.toMatch(/14 von 23/);
});

test('differencing across levels is refused: the Amt minus its shown Abteilungen and teams tells nothing', async () => {
  const [texts] = (await digestsOf(AMELIE)) as [string[]];
  const all = texts.join('\n');
  // exactly, the Amt would be 24 of 43; minus Team Digitalisierung's 12 and Abteilung Recht's 10 that leaves
  // Sachgebiet Wohngeld's 2. The Amt shows only the 22 known from the exact figures below it.
  expect(texts).toContain(de.digestUnitBanded('22', '43'));
  expect(texts).toContain(`Abteilung Leistungen: ${de.digestUnitBanded('12', '23')}`);
  expect(all).not.toMatch(/24 von 43|14 von 23/);
  expect(all).not.toContain('Sachgebiet Wohngeld');
});

test('"überblick" gives a unit leader the roll-up of the running week', async () => {
  clock = new Date('2026-11-27T12:00:00Z');
  await h.personalMessage('überblick', BERND);
  const texts = cardTexts(h.connector.cards().at(-1));
  expect(texts).toEqual(expect.arrayContaining([de.digestInterim, de.digestUnitTitle('Abteilung Leistungen')]));
});
