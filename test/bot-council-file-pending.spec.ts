import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VERBS } from '../core/card-actions';
import { messages } from '../core/messages';
import { ADMIN, startBotHarness, TEAM, type BotHarness, type Person } from './support/bot-harness';
import { cardTexts, interactive } from './support/card-nodes';
import type { RosterMember } from './support/teams-connector';
import { deliveredCard } from './support/turn-helpers';

/**
 * a staff council member the organisation file adds gets the approval cards still waiting, like one granted in chat:
 * held ad-hoc items and campaigns whose version waits for the council.
 */
const de = messages('de');
const CLARA: Person = { id: '29:clara', aadObjectId: 'aad-clara', name: 'Clara Rat' };
const DIRK: Person = { id: '29:dirk', aadObjectId: 'aad-dirk', name: 'Dirk Rat' };
const member = (p: Person, upn: string): RosterMember => ({ ...p, userPrincipalName: upn });
const admin: RosterMember = { id: ADMIN.id, aadObjectId: ADMIN.aadObjectId, name: ADMIN.name };

let h: BotHarness;
let dir: string;
let orgFile: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mitwirken-council-pending-'));
  orgFile = path.join(dir, 'org.yml');
  writeFileSync(orgFile, 'council: [dirk.rat@amt.example]\n');
  h = await startBotHarness(
    { ORG_FILE: orgFile, CAMPAIGNS_DIR: dir, APPROVAL_FOR_ADHOC: 'anonymous' },
    {
      members: {
        [TEAM.id]: [admin, member(CLARA, 'clara.rat@amt.example'), member(DIRK, 'dirk.rat@amt.example')],
      },
    },
  );
  await h.installInTeam(TEAM);
  await h.installInPersonalChat(CLARA);
  await h.installInPersonalChat(DIRK);
});

afterAll(async () => {
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** the approval cards in a person's personal chat, one subject id (as its buttons carry it) per card. */
const approvalSubjects = (who: Person) =>
  h.connector.delivered
    .filter((d) => d.conversationId === `a:personal-${who.id}` && d.activity.attachments)
    .map((d) => interactive(deliveredCard(d)).find((a) => a.verb === VERBS.approval))
    .flatMap((a) => (a ? [(a.data as { id: string }).id] : []));

test('a council member added by the organisation file gets the approval card of a held item still waiting', async () => {
  await h.channelMessage('umfrage --anonym Wie finden Sie die neue Gleitzeit? | gut | schlecht');
  const holdId = (await h.storage.approvals.subjects('item'))[0] ?? '';
  expect(approvalSubjects(DIRK)).toContain(holdId);
  expect(approvalSubjects(CLARA)).toEqual([]);

  writeFileSync(orgFile, 'council: [dirk.rat@amt.example, clara.rat@amt.example]\n');
  await h.personalMessage('kampagnen laden');
  expect(await h.storage.roles.isCouncil(CLARA.aadObjectId)).toBe(true);
  expect(approvalSubjects(CLARA)).toEqual([holdId]);
  const card = h.connector.delivered.filter((d) => d.conversationId === `a:personal-${CLARA.id}`).at(-1);
  expect(cardTexts(deliveredCard(card))).toEqual(
    expect.arrayContaining([de.approvalItemTitle, 'Wie finden Sie die neue Gleitzeit?']),
  );
  // a member the file already named is not sent the card again.
  expect(approvalSubjects(DIRK)).toEqual([holdId]);
});
