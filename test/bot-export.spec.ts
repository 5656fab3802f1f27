import { rmSync } from 'node:fs';
import { VERBS } from '../core/card-actions';
import { messages } from '../core/messages';
import { ADMIN, OTHER_TEAM, people, startBotHarness, TEAM, type BotHarness, type Person } from './support/bot-harness';
import { aMinuteAgo, campaignsDir } from './support/sample-items';
import { cardTexts, interactive } from './support/card-nodes';
import { invokeCard } from './support/turn-helpers';

const de = messages('de');
const CAMPAIGN = 'export-puls';
const voters = people(8) as Person[];
const [leader, employee] = people(10).slice(8) as [Person, Person];

/** the app's clock runs with real time, shifted when a test needs a link to expire. */
let offset = 0;
const now = () => new Date(Date.now() + offset);
let h: BotHarness;
let dir: string;

/** a campaign with a named and an anonymous poll, both due a minute ago in every team. */
function campaignFile(): string {
  const start = aMinuteAgo('Europe/Berlin');
  return [
    `id: ${CAMPAIGN}`,
    'title: Puls zum Teamtag',
    'teams: all',
    'items:',
    '  - type: poll',
    '    question: An welchem Tag soll der Teamtag sein?',
    '    options: [Montag, Mittwoch, Freitag]',
    `    schedule: { start: ${start} }`,
    '    openFor: P5D',
    '  - type: poll',
    '    question: Fühlst du dich gut informiert?',
    '    options: [ja, nein]',
    '    anonymous: true',
    `    schedule: { start: ${start} }`,
    '    openFor: P5D',
  ].join('\n');
}

/** the posted item of a campaign question in a team, from the scheduler's ledger. */
async function postedItem(teamId: string, question: string) {
  for (const entry of await h.storage.scheduleLedger.history(CAMPAIGN)) {
    const item =
      entry.postedItemId && entry.teamId === teamId ? await h.storage.items.get(entry.postedItemId) : undefined;
    if (item?.question === question) return item;
  }
  throw new Error(`no post of "${question}" in ${teamId}`);
}

async function vote(teamId: string, question: string, choices: number[]): Promise<void> {
  const item = await postedItem(teamId, question);
  const team = teamId === TEAM.id ? TEAM : OTHER_TEAM;
  for (const [i, choice] of choices.entries()) {
    const res = await h.invoke(VERBS.vote, { itemId: item.id, choice }, voters[i], { team });
    expect(res.status).toBe(200);
  }
}

/** the newest card sent into a person's personal chat (card updates in channels arrive meanwhile). */
const personalCard = (who: Person) => h.connector.cards((d) => d.conversationId === `a:personal-${who.id}`).at(-1);

/** asks for the export of the campaign on the card, as `who`, and returns the download link the card offers. */
async function exportLink(who: Person = ADMIN): Promise<string> {
  const card = invokeCard(await h.invoke(VERBS.exportCampaign, { campaignId: CAMPAIGN }, who, { personal: true }));
  const open = interactive(card).find((a) => a.type === 'Action.OpenUrl');
  if (typeof open?.url !== 'string') throw new Error(`no download link: ${cardTexts(card).join(' | ')}`);
  return open.url;
}

/** the downloaded CSV without its byte order mark, split into rows. */
async function download(url: string): Promise<{ res: Response; bytes: Buffer; rows: string[] }> {
  const res = await fetch(url);
  const bytes = Buffer.from(await res.arrayBuffer());
  return {
    res,
    bytes,
    rows: bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n'),
  };
}

beforeAll(async () => {
  dir = campaignsDir({ 'puls.yml': campaignFile() });
  h = await startBotHarness({ CAMPAIGNS_DIR: dir }, {}, { now });
  await h.installInTeam(TEAM);
  await h.installInTeam(OTHER_TEAM);
  await h.personalMessage('kampagnen laden');
  expect((await h.app.scheduler.tick()).posted).toBe(4);
  await vote(TEAM.id, 'An welchem Tag soll der Teamtag sein?', [0, 0, 1, 2, 2, 2]);
  await vote(TEAM.id, 'Fühlst du dich gut informiert?', [0, 0, 0, 1, 1]);
  await vote(OTHER_TEAM.id, 'An welchem Tag soll der Teamtag sein?', [2, 2]);
  await h.storage.roles.assignLeader({
    teamId: OTHER_TEAM.id,
    personId: leader.aadObjectId,
    name: leader.name,
    grantedBy: ADMIN.aadObjectId,
    at: now(),
  });
});

afterAll(async () => {
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('an admin picks a campaign and downloads its CSV over the link: BOM, semicolons, German decimals, thresholds kept', async () => {
  await h.personalMessage('export');
  const list = personalCard(ADMIN);
  expect(cardTexts(list)).toEqual(
    expect.arrayContaining([de.exportTitle, `Puls zum Teamtag (${CAMPAIGN})`, de.exportButton]),
  );
  expect(interactive(list).find((a) => a.verb === VERBS.exportCampaign)?.data).toEqual({ campaignId: CAMPAIGN });

  const url = await exportLink();
  expect(url).toMatch(/^http:\/\/localhost:\d+\/exports\/[A-Za-z0-9_-]{40,}$/);
  // the link is encrypted: neither the campaign nor the person can be read from it.
  const token = url.split('/exports/')[1] ?? '';
  expect(Buffer.from(token, 'base64url').toString('latin1')).not.toMatch(
    new RegExp(`${CAMPAIGN}|${ADMIN.aadObjectId}`),
  );
  const { res, bytes, rows } = await download(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(res.headers.get('content-disposition')).toContain(`attachment; filename="${de.csvFileName(CAMPAIGN)}"`);
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(rows[0]).toBe(de.csvHeader.join(';'));
  expect(rows.at(-1)).toBe(''); // CRLF after every row
  const named = rows.filter((r) => r.startsWith(`Puls zum Teamtag;${TEAM.name};An welchem Tag`));
  expect(named).toEqual([
    `Puls zum Teamtag;${TEAM.name};An welchem Tag soll der Teamtag sein?;${de.csvKinds.single};nein;6;Montag;2;33,3;;;;;`,
    `Puls zum Teamtag;${TEAM.name};An welchem Tag soll der Teamtag sein?;${de.csvKinds.single};nein;6;Mittwoch;1;16,7;;;;;`,
    `Puls zum Teamtag;${TEAM.name};An welchem Tag soll der Teamtag sein?;${de.csvKinds.single};nein;6;Freitag;3;50,0;;;;;`,
  ]);
  // the open anonymous poll and the poll with 2 answers are aggregates without figures.
  expect(rows).toContain(
    `Puls zum Teamtag;${TEAM.name};Fühlst du dich gut informiert?;${de.csvKinds.single};ja;5;;;;;;;;${de.csvAnonymousOpen}`,
  );
  expect(rows).toContain(
    `Puls zum Teamtag;${OTHER_TEAM.name};An welchem Tag soll der Teamtag sein?;${de.csvKinds.single};nein;2;;;;;;;;${de.csvBelowThreshold(5)}`,
  );
  const actions = (await h.storage.audit.recent(20, now())).map((e) => e.action);
  expect(actions).toEqual(expect.arrayContaining(['export.campaign', 'export.download']));
});

test('a leader exports only the items of the teams they lead, and the link stops working when they no longer lead', async () => {
  await h.personalMessage('export', leader);
  expect(cardTexts(personalCard(leader))).toContain(de.exportIntroLeader);
  const url = await exportLink(leader);
  const { res, rows } = await download(url);
  expect(res.status).toBe(200);
  const data = rows.slice(1).filter((r) => r !== '');
  expect(data.length).toBeGreaterThan(0);
  expect(data.every((r) => r.startsWith(`Puls zum Teamtag;${OTHER_TEAM.name};`))).toBe(true);

  await h.storage.roles.removeLeader(OTHER_TEAM.id, leader.aadObjectId);
  expect((await fetch(url)).status).toBe(403);
  await h.storage.roles.assignLeader({
    teamId: OTHER_TEAM.id,
    personId: leader.aadObjectId,
    name: leader.name,
    grantedBy: ADMIN.aadObjectId,
    at: now(),
  });
});

test('someone who is neither admin nor leader is refused in chat and on the card; export is personal-chat only', async () => {
  await h.personalMessage('export', employee);
  expect(h.connector.texts().at(-1)).toBe(de.errExportNotAllowed);
  const card = invokeCard(await h.invoke(VERBS.exportCampaign, { campaignId: CAMPAIGN }, employee, { personal: true }));
  expect(cardTexts(card)).toContain(de.errExportNotAllowed);
  expect(interactive(card).some((a) => a.type === 'Action.OpenUrl')).toBe(false);
  await h.channelMessage('export', ADMIN);
  expect(h.connector.texts().at(-1)).toBe(de.errPersonalChatOnly);
});

test('a malformed campaign id or an unknown campaign gets a clear message and no link', async () => {
  const bad = invokeCard(
    await h.invoke(VERBS.exportCampaign, { campaignId: 'Nicht gültig!' }, ADMIN, { personal: true }),
  );
  expect(cardTexts(bad)).toContain(de.errInvalidPayload);
  const unknown = invokeCard(
    await h.invoke(VERBS.exportCampaign, { campaignId: 'gibt-es-nicht' }, ADMIN, { personal: true }),
  );
  expect(cardTexts(unknown)).toContain(de.errCampaignNotFound);
});

test('a tampered or malformed token gets 403 and an expired link 404; neither serves a file', async () => {
  const url = await exportLink();
  const [base, token = ''] = url.split('/exports/');
  // one character changed in the middle, one at the end, garbage, and a token cut short.
  const flip = (at: number) => `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
  for (const forged of [flip(Math.floor(token.length / 2)), flip(token.length - 1), 'kein-token', token.slice(0, 50)]) {
    const res = await fetch(`${base}/exports/${forged}`);
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).not.toContain('text/csv');
  }
  offset = 11 * 60_000;
  try {
    const expired = await fetch(url);
    expect(expired.status).toBe(404);
    expect(expired.headers.get('content-disposition')).toBeNull();
  } finally {
    offset = 0;
  }
  expect(h.logs.some((l) => JSON.stringify(l).includes(token))).toBe(false);
});

test('erasing a voter’s named votes (meine daten) leaves a closed poll’s exported result exactly as it was', async () => {
  const item = await postedItem(TEAM.id, 'An welchem Tag soll der Teamtag sein?');
  await h.channelMessage('schließen', ADMIN, { conversationId: item.conversationId });
  const before = (await download(await exportLink())).rows;
  const leaving = voters[5]!;
  const myData = (data: unknown) => h.invoke(VERBS.myData, data, leaving, { personal: true });
  const ask = invokeCard(await myData({ step: 'eraseAsk' }));
  const confirm = interactive(ask).find((a) => (a.data as { step?: string } | undefined)?.step === 'eraseConfirm') as {
    data: unknown;
  };
  invokeCard(await myData(confirm.data));
  expect(await h.storage.responses.namedVote(item, leaving.aadObjectId)).toBeUndefined();
  expect((await download(await exportLink())).rows).toEqual(before);
});
