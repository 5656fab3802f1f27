import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VERBS } from '../core/card-actions';
import { messages } from '../core/messages';
import { teamsBelow, unitsLedBy, parentChain } from '../core/org/org-units';
import { ADMIN, OTHER_TEAM, startBotHarness, TEAM, type BotHarness, type Person } from './support/bot-harness';
import type { RosterMember } from './support/teams-connector';
import { aMinuteAgo } from './support/sample-items';
import { cardTexts, interactive } from './support/card-nodes';
import { deliveredCard, invokeCard } from './support/turn-helpers';

/**
 * Units in the organisation file: a three-level tree (Amt → Abteilung → Sachgebiet) resolved against the teams installed
 * so far, and again when another team installs — its unit and leaders arrive without `kampagnen laden`. A bad entry is
 * reported with file and line while the others apply. A campaign targeted at a unit posts to exactly the teams below it.
 */
const de = messages('de');

const WOHNGELD = { id: '19:team-w@thread.tacv2', name: 'Team Wohngeld' };
const AMT: Person = { id: '29:amt', aadObjectId: 'aad-amt', name: 'Amelie Amtsleiterin' };
const BERND: Person = { id: '29:bernd', aadObjectId: 'aad-bernd', name: 'Bernd Vogel' };
const WILMA: Person = { id: '29:wilma', aadObjectId: 'aad-wilma', name: 'Wilma Wohngeld' };
const member = (p: Person, upn: string): RosterMember => ({
  id: p.id,
  aadObjectId: p.aadObjectId,
  name: p.name,
  userPrincipalName: upn,
});
const admin: RosterMember = { id: ADMIN.id, aadObjectId: ADMIN.aadObjectId, name: ADMIN.name };
const members = {
  [TEAM.id]: [admin, member(BERND, 'bernd.vogel@amt.example')],
  [OTHER_TEAM.id]: [admin, member(AMT, 'amelie.amt@amt.example')],
  [WOHNGELD.id]: [admin, member(WILMA, 'wilma.wohngeld@amt.example')],
};

const ORG = [
  'units:', //                                                        1
  '  - unit: Sozialamt', //                                           2
  '    leaders: [amelie.amt@amt.example]', //                         3
  '    units:', //                                                    4
  '      - unit: Abteilung Leistungen', //                            5
  '        id: leistungen', //                                        6
  '        leaders: [bernd.vogel@amt.example]', //                    7
  '        teams: [Team Digitalisierung]', //                         8
  '        units:', //                                                9
  '          - unit: Sachgebiet Wohngeld', //                         10
  '            leaders: [wilma.wohngeld@amt.example]', //             11
  `            teams: [${WOHNGELD.id}]`, //                           12
  '      - unit: Abteilung Recht', //                                 13
  '        teams: [Team Leistung]', //                                14
  '      - unit: Abteilung Kaputt', //                                15
  '        chef: jemand', //                                          16
  '  - unit: Jobcenter', //                                           17
  '    leaders: [niemand]', //                                        18
  '    teams: [Team Gibt Es Nicht]', //                               19
  'teams:', //                                                        20
  '  - team: Team Wohngeld', //                                       21
  '    leaders: [wilma.wohngeld@amt.example]', //                     22
].join('\n');

let h: BotHarness;
let dir: string;
let campaigns: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mitwirken-units-'));
  campaigns = path.join(dir, 'campaigns');
  mkdirSync(campaigns);
  writeFileSync(path.join(dir, 'org.yml'), ORG);
  h = await startBotHarness({ ORG_FILE: path.join(dir, 'org.yml'), CAMPAIGNS_DIR: campaigns }, { members });
  await h.installInTeam(TEAM);
  await h.installInTeam(OTHER_TEAM);
});
afterAll(async () => {
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
});

const unitIdsLedBy = async (p: Person) => (await h.storage.org.unitsLedBy(p.aadObjectId)).map((g) => g.unitId);

test('the units resolve against the teams installed so far; a unit without an installed team keeps waiting', async () => {
  const org = await h.storage.org.organisation();
  expect(org.units.map((u) => [u.id, u.parentId ?? null, u.teamIds])).toEqual([
    ['sozialamt', null, []],
    ['leistungen', 'sozialamt', [TEAM.id]],
    ['sachgebiet-wohngeld', 'leistungen', []],
    ['abteilung-recht', 'sozialamt', [OTHER_TEAM.id]],
    ['jobcenter', null, []],
  ]);
  expect(teamsBelow(org, 'sozialamt').sort()).toEqual([TEAM.id, OTHER_TEAM.id].sort());
  expect(parentChain(org, { teamId: TEAM.id }).map((u) => u.id)).toEqual(['leistungen', 'sozialamt']);
  // Amelie is a member of a team below the Sozialamt; Wilma of no installed team yet.
  expect(await unitIdsLedBy(AMT)).toEqual(['sozialamt']);
  expect(await unitIdsLedBy(BERND)).toEqual(['leistungen']);
  expect(await unitIdsLedBy(WILMA)).toEqual([]);
  expect(unitsLedBy(org, BERND.aadObjectId).map((u) => u.id)).toEqual(['leistungen']);
  // team leaders stay what they were: the unit leaders are no team leaders.
  expect(await h.storage.roles.leadersOf(TEAM.id)).toEqual([]);
});

test('a unit leader finds the leadership under "meine daten"', async () => {
  await h.personalMessage('meine daten', AMT);
  const texts = cardTexts(h.connector.cards().at(-1));
  expect(texts.join('\n')).toContain(de.myDataRoleUnitLeader('Sozialamt'));
});

test('a team installed after the start gets its unit and its leaders when it installs, without "kampagnen laden"', async () => {
  await h.installInTeam(WOHNGELD);
  const org = await h.storage.org.organisation();
  expect(org.units.find((u) => u.id === 'sachgebiet-wohngeld')?.teamIds).toEqual([WOHNGELD.id]);
  expect(teamsBelow(org, 'leistungen').sort()).toEqual([TEAM.id, WOHNGELD.id].sort());
  expect(parentChain(org, { teamId: WOHNGELD.id }).map((u) => u.name)).toEqual([
    'Sachgebiet Wohngeld',
    'Abteilung Leistungen',
    'Sozialamt',
  ]);
  expect(await unitIdsLedBy(WILMA)).toEqual(['sachgebiet-wohngeld']);
  expect((await h.storage.roles.leadersOf(WOHNGELD.id)).map((g) => [g.personId, g.grantedBy])).toEqual([
    [WILMA.aadObjectId, 'file:org.yml'],
  ]);
});

test('"kampagnen laden" reports the bad entries and the unresolved ones with file and line; all other entries apply', async () => {
  const before = h.connector.delivered.length;
  await h.personalMessage('kampagnen laden', ADMIN);
  const report = h.connector.delivered
    .slice(before)
    .map((d) => d.activity.text)
    .filter((t): t is string => typeof t === 'string')
    .join('\n');
  expect(report).toContain(de.orgFileLoaded('org.yml', 1, 0, 0));
  expect(report).toContain(de.orgUnitsLoaded(5, 3));
  expect(report).toContain(de.orgFileEntryErrors(2));
  expect(report).toContain("• org.yml:16 units[0].units[2].chef: unknown key 'chef'");
  expect(report).toContain(
    "• org.yml:18 units[1].leaders[0]: 'niemand' is neither a UPN (name@domain) nor an AAD object id",
  );
  expect(report).toContain(de.orgFileUnresolved(1));
  expect(report).toContain(
    "• org.yml:17 unit 'Jobcenter': team 'Team Gibt Es Nicht': no installed team has this name or id",
  );
  expect(h.logs).toContainEqual(
    expect.objectContaining({ msg: 'organisation file entry skipped', line: 16, file: 'org.yml' }),
  );
  // the unit with the bad key is skipped; its siblings and the other units stay.
  const org = await h.storage.org.organisation();
  expect(org.units.map((u) => u.id)).not.toContain('abteilung-kaputt');
  expect(org.units.map((u) => u.id)).toEqual(
    expect.arrayContaining(['sozialamt', 'leistungen', 'abteilung-recht', 'jobcenter']),
  );
});

test('a team renamed to the name a unit gives moves to that unit at once', async () => {
  const renamed = { id: OTHER_TEAM.id, name: 'Team Gibt Es Nicht' };
  await h.conversationUpdate({ eventType: 'teamRenamed', team: renamed });
  expect((await h.storage.installations.getTeam(OTHER_TEAM.id))?.name).toBe(renamed.name);
  const org = await h.storage.org.organisation();
  expect(org.units.find((u) => u.id === 'jobcenter')?.teamIds).toEqual([OTHER_TEAM.id]);
  expect(org.units.find((u) => u.id === 'abteilung-recht')?.teamIds).toEqual([]);
});

test('a campaign targeted at a unit posts to exactly the teams below it', async () => {
  writeFileSync(
    path.join(campaigns, 'leistungen.yml'),
    [
      'id: puls-leistungen',
      'title: Puls Leistungen',
      'units: [Abteilung Leistungen]',
      'items:',
      '  - type: poll',
      '    question: Wie läuft die Umstellung auf die E-Akte?',
      '    options: [gut, schlecht]',
      `    schedule: { start: ${aMinuteAgo('Europe/Berlin')} }`,
    ].join('\n'),
  );
  await h.personalMessage('kampagnen laden', ADMIN);
  expect((await h.storage.campaigns.get('puls-leistungen'))?.targets).toEqual({
    kind: 'teams',
    teams: [],
    units: ['Abteilung Leistungen'],
  });
  const before = h.connector.delivered.length;
  const report = await h.app.scheduler.tick();
  expect(report.posted).toBe(2);
  const posted = h.connector.delivered
    .slice(before)
    .filter((d) => d.kind === 'create')
    .map((d) => d.conversationId.split(';')[0])
    .sort();
  expect(posted).toEqual([TEAM.id, WOHNGELD.id].sort());
});

test('the campaign wizard offers the units and stores a campaign aimed at the picked one', async () => {
  await h.personalMessage('kampagne neu', ADMIN);
  let card: unknown = deliveredCard(
    [...h.connector.delivered]
      .reverse()
      .find((d) => d.conversationId === `a:personal-${ADMIN.id}` && d.activity.attachments),
  );
  const click = async (values: Record<string, unknown>) => {
    const data = interactive(card).find((a) => a.verb === VERBS.wizard)?.data as { wizardId: string; step: string };
    card = invokeCard(await h.invoke(VERBS.wizard, { ...data, ...values }, ADMIN, { personal: true }));
  };
  await click({ action: 'next', title: 'Puls Sozialamt', description: '', timeZone: 'Europe/Berlin' });
  await click({ action: 'next', type: 'idea', question: 'Was fehlt dir?', options: '', anonymous: 'false' });
  await click({
    action: 'next',
    date_0: '2030-01-07',
    time_0: '09:00',
    repeat_0: 'once',
    until_0: '',
    openDays_0: '5',
    remindHours_0: '',
  });
  expect(interactive(card).find((i) => i.id === 'units')).toMatchObject({
    label: de.fieldUnits,
    choices: expect.arrayContaining([{ title: 'Abteilung Leistungen', value: 'leistungen' }]),
  });
  await click({ action: 'next', allTeams: 'false', teams: '', units: 'leistungen', channel: 'General' });
  expect(cardTexts(card)).toContain(de.previewTargets(de.previewUnit('Abteilung Leistungen'), 'Allgemein'));
  await click({ action: 'confirm' });
  const created = (await h.storage.campaigns.list()).find((c) => c.title === 'Puls Sozialamt');
  expect(created?.targets).toEqual({ kind: 'teams', teams: [], units: ['leistungen'] });
});
