import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { messages } from '../core/messages';
import { ADMIN, OTHER_TEAM, startBotHarness, TEAM, type BotHarness, type Person } from './support/bot-harness';
import type { RosterMember } from './support/teams-connector';

/**
 * the staff council from the organisation file (`council:`): its people get the role when the file is loaded, lose it
 * when the file no longer names them, keep a role granted in chat, and every grant and revocation is audited. Someone
 * the file names who is on no roster is reported, not granted.
 */
const de = messages('de');
const CLARA: Person = { id: '29:clara', aadObjectId: 'aad-clara', name: 'Clara Rat' };
const DIRK: Person = { id: '29:dirk', aadObjectId: 'aad-dirk', name: 'Dirk Rat' };
const EVA: Person = { id: '29:eva', aadObjectId: 'aad-eva', name: 'Eva Chat' };
const member = (p: Person, upn: string): RosterMember => ({ ...p, userPrincipalName: upn });
const admin: RosterMember = { id: ADMIN.id, aadObjectId: ADMIN.aadObjectId, name: ADMIN.name };

let h: BotHarness;
let dir: string;
let orgFile: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mitwirken-council-'));
  orgFile = path.join(dir, 'org.yml');
  writeFileSync(orgFile, 'council: [clara.rat@amt.example, dirk.rat@amt.example, niemand@amt.example]\n');
  h = await startBotHarness(
    { ORG_FILE: orgFile, CAMPAIGNS_DIR: dir },
    {
      members: {
        [TEAM.id]: [admin, member(CLARA, 'clara.rat@amt.example'), member(EVA, 'eva.chat@amt.example')],
        [OTHER_TEAM.id]: [admin, member(DIRK, 'dirk.rat@amt.example')],
      },
    },
  );
  await h.installInTeam(TEAM);
  await h.installInTeam(OTHER_TEAM);
});

afterAll(async () => {
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
});

const councilIds = async () => (await h.storage.roles.councilMembers()).map((g) => g.personId).sort();
const audited = async (action: string) =>
  (await h.storage.audit.recent(100)).filter((e) => e.action === action).map((e) => e.target);

test('the council named in the organisation file gets the role, found in any installed team; unknown people are reported', async () => {
  // the file is resolved when a team installs: Clara is in one team, Dirk in the other.
  expect(await councilIds()).toEqual([CLARA.aadObjectId, DIRK.aadObjectId]);
  expect((await audited('council.grant')).sort()).toEqual([CLARA.aadObjectId, DIRK.aadObjectId]);
  const grant = (await h.storage.audit.recent(100)).find((e) => e.action === 'council.grant');
  expect(grant).toMatchObject({ actorId: 'system', details: { source: 'file:org.yml' } });

  await h.personalMessage('kampagnen laden');
  expect(h.connector.texts().join('\n')).toContain("council: 'niemand@amt.example' is not a member of any team");
  expect(await audited('council.grant')).toHaveLength(2);

  await h.personalMessage('personalrat');
  expect(h.connector.texts().at(-1)).toContain(de.councilListLine(CLARA.name, de.councilSourceFile('org.yml')));
});

test('a council member from the file is removed by the file, not in chat; chat grants survive a reload', async () => {
  await h.personalMessage(`personalrat entfernen ${DIRK.name}`);
  expect(h.connector.texts().at(-1)).toBe(de.councilFromFile(DIRK.name, 'org.yml'));
  await h.personalMessage(`personalrat hinzufügen ${EVA.name}`);

  writeFileSync(orgFile, 'council: [clara.rat@amt.example]\n');
  await h.personalMessage('kampagnen laden');
  expect(await councilIds()).toEqual([CLARA.aadObjectId, EVA.aadObjectId]);
  expect(await audited('council.revoke')).toEqual([DIRK.aadObjectId]);
  // loading the same file again changes nothing and audits nothing.
  await h.personalMessage('kampagnen laden');
  expect(await audited('council.revoke')).toHaveLength(1);
  expect(await audited('council.grant')).toHaveLength(3);
});
