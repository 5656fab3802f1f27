import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { messages } from '../../core/messages';
import { aMinuteAgo } from '../support/sample-items';
import { type E2eWorld, screenshotSteps, startE2eWorld, tenant } from './support/e2e-world';

/**
 * The results view in a Teams-like client: the organisation file puts the Playground's team into a unit, a campaign's
 * poll is posted and answered by the mock team and closed; the admin writes "ergebnisse" in the personal chat, picks
 * the campaign and sees its results for the organisation and per unit. Every step leaves a screenshot in
 * test/e2e/artifacts/.
 */

const de = messages('de');
const TITLE = 'Puls Digitalisierung';
const POLL = 'Wie gut klappt die Arbeit mit der E-Akte?';
const TEAM = 'Team Digitalisierung';
const UNIT = 'Abteilung Digitales';

let world: E2eWorld;
let dir: string;

jest.setTimeout(360_000);

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mitwirken-results-view-'));
  const campaigns = path.join(dir, 'campaigns');
  mkdirSync(campaigns);
  writeFileSync(
    path.join(dir, 'org.yml'),
    ['units:', '  - unit: Stadtverwaltung', '    units:', `      - unit: ${UNIT}`, `        teams: [${TEAM}]`].join(
      '\n',
    ),
  );
  writeFileSync(
    path.join(campaigns, 'puls.json'),
    JSON.stringify({
      id: 'puls-digital',
      title: TITLE,
      teams: 'all',
      timezone: 'Europe/Berlin',
      items: [
        {
          type: 'poll',
          question: POLL,
          options: ['gut', 'mittel', 'schlecht'],
          schedule: { start: aMinuteAgo() },
          openFor: 'PT2H',
        },
      ],
    }),
  );
  world = await startE2eWorld('bot-results-view', { ORG_FILE: path.join(dir, 'org.yml'), CAMPAIGNS_DIR: campaigns });
});

afterAll(async () => {
  await world?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const shot = screenshotSteps(() => world, 'results-view');

test('an admin picks a campaign and sees its results per unit', async () => {
  const { ui, bot } = world;
  const others = tenant.users.map((u) => u.name);
  expect(others.length).toBeGreaterThanOrEqual(5);

  await shot('01-posted', async () => {
    await ui.openChannel('General');
    await ui.waitForCardContaining(de.welcomeTitle, { timeoutMs: 30_000 });
    // the team installed after start: its unit comes from the organisation file on `kampagnen laden` at the latest.
    await ui.openPersonalChat();
    await ui.send('kampagnen laden');
    await ui.waitForText(de.campaignsReloaded(1, 0).slice(0, 20), { timeoutMs: 30_000 });
    let posted = 0;
    const deadline = Date.now() + 60_000;
    while (posted < 1 && Date.now() < deadline) {
      posted += (await bot.scheduler.tick()).posted;
      if (posted < 1) await new Promise((r) => setTimeout(r, 1000));
    }
    expect(posted).toBe(1);
    await ui.openChannel('General');
    await ui.waitForCardContaining(POLL, { timeoutMs: 30_000 });
  });

  await shot('02-answers', async () => {
    const voters = [undefined, ...others];
    for (const [i, name] of voters.entries()) {
      ui.switchUser(name);
      const poll = await ui.waitForCardContaining(POLL);
      await ui.clickCardButton(i % 3 === 2 ? 'schlecht' : i % 2 === 0 ? 'gut' : 'mittel', poll);
    }
    ui.switchUser(undefined);
    await ui.reply(POLL, 'schließen', { mentionBot: true });
    await ui.waitForCardContaining(de.closedBadge, { timeoutMs: 30_000 });
  });

  await shot('03-picker', async () => {
    await ui.openPersonalChat();
    await ui.send('ergebnisse');
    const picker = await ui.waitForCardContaining(de.resultsPickerTitle, { timeoutMs: 30_000 });
    await ui.chooseOption(
      `${de.resultsPickerCampaigns} · ${de.resultsPickerItems}`,
      `${de.resultsPickerCampaigns}: ${de.resultsPickerCampaignLine(TITLE, 1)}`,
      picker,
    );
    await ui.clickCardButton(de.resultsPickerShow, picker);
  });

  await shot('04-results', async () => {
    const card = await ui.waitForCardContaining(de.resultsViewTitle(TITLE), { timeoutMs: 30_000 });
    const text = await ui.cardText(card);
    expect(text).toContain(de.resultsViewScopeAll);
    expect(text).toContain(de.resultsViewByUnit);
    expect(text).toContain('Stadtverwaltung');
    expect(text).toContain(UNIT);
    expect(text).toContain(TEAM);
    expect(text).toContain(de.resultsViewAnswers(others.length + 1));
  });
});
