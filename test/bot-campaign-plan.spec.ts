import { VERBS } from '../core/card-actions';
import type { Campaign } from '../core/campaigns/campaign';
import { parseCampaignFile } from '../core/campaigns/campaign-file';
import { messages } from '../core/messages';
import { redactDownloadTokens } from '../host/logger';
import { ADMIN, people, startBotHarness, TEAM, type BotHarness } from './support/bot-harness';
import { cardTexts, interactive } from './support/card-nodes';
import { invokeCard } from './support/turn-helpers';

const de = messages('de');
const en = messages('en');
const [employee] = people(1) as [{ id: string; aadObjectId: string; name: string }];
let h: BotHarness;

/** a campaign as the wizard saves it: teams by id, an anonymous weekly multiple-choice poll, a monthly idea prompt. */
const CAMPAIGN: Campaign = {
  id: 'gute-arbeit-2027',
  title: 'Gute Arbeit 2027: „Puls“ & <Ideen>',
  description: 'Wie geht es Ihnen mit den Veränderungen? Übergänge, Ärger: alles darf gesagt werden.',
  targets: { kind: 'teams', teams: [TEAM.id] },
  channel: 'General',
  timeZone: 'Europe/Berlin',
  status: 'draft',
  retentionDays: 180,
  items: [
    {
      id: 'puls',
      type: 'poll',
      question: 'Was belastet Sie derzeit am meisten?',
      options: ['Technik', 'Abläufe', 'Besprechungen'],
      multiple: true,
      maxChoices: 2,
      anonymous: true,
      schedule: { start: '2027-01-11T09:00', every: 'P1W', until: '2027-03-29' },
      openFor: 'P5D',
      remindBefore: 'PT24H',
    },
    {
      id: 'ideen',
      type: 'idea',
      question: 'Was würde Ihre Arbeit leichter machen?',
      anonymous: false,
      schedule: { start: '2027-02-01T10:00', every: 'P1M' },
      openFor: 'P2W',
    },
  ],
};

/** the campaign's fields as stored, without the storage's own bookkeeping. */
async function stored(id: string): Promise<Campaign> {
  const found = await h.storage.campaigns.get(id);
  if (!found) throw new Error(`no campaign ${id}`);
  const { source: _s, createdBy: _c, createdAt: _ca, updatedBy: _u, updatedAt: _ua, ...campaign } = found;
  return campaign;
}

/** presses "Plan" as `who` and returns the card's links (html, yaml), or the card when it has none. */
async function pressPlan(who = ADMIN, locale?: string) {
  const card = invokeCard(
    await h.invoke(VERBS.campaignPlan, { campaignId: CAMPAIGN.id }, who, { personal: true, locale }),
  );
  const urls = interactive(card)
    .filter((a) => a.type === 'Action.OpenUrl')
    .map((a) => String(a.url));
  return { card, urls };
}

beforeAll(async () => {
  h = await startBotHarness();
  await h.installInTeam(TEAM);
  await h.storage.campaigns.saveFromChat(CAMPAIGN, ADMIN.aadObjectId);
});

afterAll(async () => {
  await h.stop();
});

test('the campaign list offers a "Plan" button for each campaign', async () => {
  await h.personalMessage('kampagnen');
  const list = h.connector.cards((d) => d.conversationId === `a:personal-${ADMIN.id}`).at(-1);
  const plan = interactive(list).find((a) => a.verb === VERBS.campaignPlan);
  expect(plan?.title).toBe(de.planButton);
  expect(plan?.data).toEqual({ campaignId: CAMPAIGN.id });
});

test('an admin presses "Plan" and downloads the German plan as an HTML document over its link', async () => {
  const { card, urls } = await pressPlan();
  expect(cardTexts(card)).toEqual(expect.arrayContaining([de.planCardIntro(10)]));
  expect(urls).toHaveLength(2);
  for (const url of urls) expect(url).toMatch(/^http:\/\/localhost:\d+\/plans\/[A-Za-z0-9_-]{40,}$/);
  // the links are encrypted: neither the campaign nor the person can be read from them.
  for (const url of urls)
    expect(Buffer.from(url.split('/plans/')[1] ?? '', 'base64url').toString('latin1')).not.toMatch(
      new RegExp(`${CAMPAIGN.id}|${ADMIN.aadObjectId}`),
    );

  const res = await fetch(urls[0]!);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(res.headers.get('content-disposition')).toContain(`filename="${CAMPAIGN.id}-plan.html"`);
  expect(res.headers.get('cache-control')).toBe('no-store');
  const html = await res.text();
  expect(html).toContain('<html lang="de">');
  expect(html).toContain('<h1>Gute Arbeit 2027: „Puls“ &amp; &lt;Ideen&gt;</h1>');
  expect(html).toContain(`<li>Das Team „${TEAM.name}“.</li>`);
  expect(html).toContain('<li>Gepostet wird in jedem dieser Teams im Kanal „Allgemein“.</li>');
  expect(html).toContain('<li>Art: Kurzumfrage, bis zu 2 Antworten</li>');
  expect(html).toContain('<li>Wann: jeden Montag um 9:00 Uhr, vom 11.01. bis 29.03.2027, jeweils 5 Tage offen</li>');
  expect(html).toContain(
    '<li>Wann: monatlich am 1. um 10:00 Uhr, ab dem 01.02.2027, ohne Enddatum, jeweils 2 Wochen offen</li>',
  );
  expect(html).toContain(`<li>${de.planResultsThreshold(h.app.services.config.minGroupSize)}</li>`);
  expect(html).toContain(`<li>${de.planRetentionOwn(180)}</li>`);
  expect(html).toContain(`Kampagne ${CAMPAIGN.id} · Status: ${de.campaignStatus.draft}`);
});

test('the campaign file downloaded over the second link reads back as the same campaign', async () => {
  const { urls } = await pressPlan();
  const res = await fetch(urls[1]!);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/yaml; charset=utf-8');
  expect(res.headers.get('content-disposition')).toContain(`filename="${CAMPAIGN.id}.yml"`);
  const read = parseCampaignFile(`${CAMPAIGN.id}.yml`, await res.text(), { defaultTimeZone: 'Asia/Tokyo' });
  expect(read).toEqual({ ok: true, campaign: await stored(CAMPAIGN.id) });
  expect(read).toEqual({ ok: true, campaign: CAMPAIGN });
});

test('an English admin gets the plan in English', async () => {
  const { card, urls } = await pressPlan(ADMIN, 'en-US');
  expect(cardTexts(card)).toEqual(expect.arrayContaining([en.planCardHtml, en.planCardYaml]));
  const html = await (await fetch(urls[0]!)).text();
  expect(html).toContain('<html lang="en">');
  expect(html).toContain('<li>When: every Monday at 9:00, from 11 Jan to 29 Mar 2027, open for 5 days each time</li>');
});

test('someone who is not an admin is refused, gets no link, and a plan link opens nothing elsewhere', async () => {
  const { card, urls } = await pressPlan(employee);
  expect(urls).toEqual([]);
  expect(cardTexts(card).join(' ')).toContain(de.errPlanNotAllowed);

  const { urls: adminUrls } = await pressPlan();
  const token = adminUrls[0]!.split('/plans/')[1]!;
  // a plan token is no export token, and a changed token opens nothing.
  const base = adminUrls[0]!.split('/plans/')[0]!;
  expect((await fetch(`${base}/exports/${token}`)).status).toBe(403);
  const changed = `${token.slice(0, 20)}${token[20] === 'A' ? 'B' : 'A'}${token.slice(21)}`;
  expect((await fetch(`${base}/plans/${changed}`)).status).toBe(403);
  // the token is a credential: no log line holds it, and the logger's redaction knows the route.
  expect(h.logs.some((l) => l.msg === 'campaign plan offered')).toBe(true);
  expect(JSON.stringify(h.logs)).not.toContain(token);
  expect(redactDownloadTokens(`GET /plans/${token}`)).toBe('GET /plans/[redacted]');
});

test('a plan link stops working when its holder is no longer allowed to read plans', async () => {
  await h.storage.roles.grantAdmin(employee.aadObjectId, ADMIN.aadObjectId, new Date(), employee.name);
  const { urls } = await pressPlan(employee);
  expect(urls).toHaveLength(2);
  expect((await fetch(urls[0]!)).status).toBe(200);
  await h.storage.roles.revokeAdmin(employee.aadObjectId);
  for (const url of urls) expect((await fetch(url)).status).toBe(403);
});

test('a staff council member, who approves campaigns, may download their plans; without the role, the links close', async () => {
  await h.storage.roles.grantCouncil(employee.aadObjectId, ADMIN.aadObjectId, new Date(), { name: employee.name });
  const { urls } = await pressPlan(employee);
  expect(urls).toHaveLength(2);
  expect(await (await fetch(urls[0]!)).text()).toContain('Was belastet Sie derzeit am meisten?');
  await h.storage.roles.revokeCouncil(employee.aadObjectId);
  for (const url of urls) expect((await fetch(url)).status).toBe(403);
});
