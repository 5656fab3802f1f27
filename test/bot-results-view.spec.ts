import { randomUUID } from 'node:crypto';
import { VERBS } from '../core/card-actions';
import type { Item } from '../core/items';
import { messages } from '../core/messages';
import { ADMIN, startBotHarness, type BotHarness, type Person } from './support/bot-harness';
import { cardTexts } from './support/card-nodes';
import { sampleCampaign } from './support/sample-items';
import { invokeCard } from './support/turn-helpers';

/**
 * `ergebnisse`: an admin sees a campaign's results for the whole organisation and per unit; a unit leader only their
 * unit; a unit below the threshold is not shown but counts in its parent; a figure that would give away a small hidden
 * group by subtraction is withheld; a monthly rating shows its trend over four rounds; the units side by side leave out
 * the ones below the threshold. The answers are written straight into storage (as posts of the campaign's ledger);
 * what is under test is what each person sees.
 */
const de = messages('de');
const MIN = 3;

const AMT: Person = { id: '29:amt', aadObjectId: 'aad-amt', name: 'Amelie Amtsleiterin' };
const BERND: Person = { id: '29:bernd', aadObjectId: 'aad-bernd', name: 'Bernd Vogel' };
const NOBODY: Person = { id: '29:nobody', aadObjectId: 'aad-nobody', name: 'Nora Niemand' };
const COUNCIL: Person = { id: '29:rat', aadObjectId: 'aad-rat', name: 'Rita Personalrat' };

const TEAMS = {
  grund: { id: '19:grund@thread.tacv2', name: 'Team Grundsicherung' },
  pflege: { id: '19:pflege@thread.tacv2', name: 'Team Pflege' },
  recht: { id: '19:recht@thread.tacv2', name: 'Team Widerspruch' },
  wohn: { id: '19:wohn@thread.tacv2', name: 'Team Wohngeld' },
  klein: { id: '19:klein@thread.tacv2', name: 'Team Kasse' },
  post: { id: '19:post@thread.tacv2', name: 'Team Poststelle' },
};

let h: BotHarness;
let clock = new Date('2027-05-10T09:00:00Z');

beforeAll(async () => {
  h = await startBotHarness({ MIN_GROUP_SIZE: String(MIN) }, {}, { now: () => clock });
  for (const team of Object.values(TEAMS)) await h.installInTeam(team);
  // Sozialamt → Leistungen (Grundsicherung, Pflege) → Sachgebiet Wohngeld (Wohngeld); Sozialamt → Recht (Widerspruch);
  // Sozialamt → Kasse and Poststelle (one small team each).
  await h.storage.org.replaceUnits(
    'file:org.yml',
    [
      { id: 'sozialamt', name: 'Sozialamt', teamIds: [] },
      {
        id: 'leistungen',
        name: 'Abteilung Leistungen',
        parentId: 'sozialamt',
        teamIds: [TEAMS.grund.id, TEAMS.pflege.id],
      },
      { id: 'wohngeld', name: 'Sachgebiet Wohngeld', parentId: 'leistungen', teamIds: [TEAMS.wohn.id] },
      { id: 'recht', name: 'Abteilung Recht', parentId: 'sozialamt', teamIds: [TEAMS.recht.id] },
      { id: 'kasse', name: 'Sachgebiet Kasse', parentId: 'sozialamt', teamIds: [TEAMS.klein.id] },
      { id: 'post', name: 'Poststelle', parentId: 'sozialamt', teamIds: [TEAMS.post.id] },
    ],
    clock,
  );
  await h.storage.org.syncUnitLeaders(
    'org.yml',
    [
      { unitId: 'sozialamt', personId: AMT.aadObjectId },
      { unitId: 'leistungen', personId: BERND.aadObjectId },
    ],
    clock,
  );
});

afterAll(async () => {
  await h?.stop();
});

/** one closed post of a campaign item in a team: `ratings` are the answers (1–5) of that many people. */
async function post(
  campaignId: string,
  itemKey: string,
  question: string,
  teamId: string,
  at: Date,
  ratings: number[],
) {
  const item: Item = {
    id: randomUUID(),
    teamId,
    channelId: teamId,
    kind: 'poll',
    pollKind: 'rating',
    question,
    options: [],
    anonymous: false,
    status: 'open',
    createdBy: ADMIN.aadObjectId,
    createdAt: at,
    locale: 'de',
  };
  await h.storage.items.create(item);
  for (const [i, r] of ratings.entries())
    await h.storage.responses.castVote(item, { aadObjectId: `aad-${teamId}-${i}`, name: `P${i}` }, [r - 1], at);
  const closeAt = new Date(at.getTime() + 3 * 864e5);
  await h.storage.responses.seal(item, closeAt);
  await h.storage.items.close(item.id, closeAt);
  const ref = {
    campaignId,
    itemId: itemKey,
    teamId,
    channelId: teamId,
    slot: { key: at.toISOString().slice(0, 16), at },
  };
  await h.storage.scheduleLedger.claimSlot(ref, at);
  await h.storage.scheduleLedger.markPosted(ref, item.id, { closesAt: closeAt, now: at });
}

async function campaign(id: string, title: string) {
  await h.storage.campaigns.upsertFromFile(sampleCampaign({ id, title }), `${id}.yml`);
}

const show = async (who: Person, target: string) =>
  cardTexts(invokeCard(await h.invoke(VERBS.resultsView, { target }, who, { personal: true }))).join('\n');

/** the text of the row of a unit or team on the results card: its name and the figure next to it. */
const rowOf = (texts: string, name: string) => {
  const lines = texts.split('\n');
  const i = lines.findIndex((l) => l === name);
  return i < 0 ? undefined : `${name}: ${lines[i + 1]}`;
};

const Q = 'Wie zufrieden bist du mit der Arbeitsbelastung?';
const ROUND = new Date('2027-05-03T08:00:00Z');

describe('results per unit', () => {
  beforeAll(async () => {
    await campaign('puls', 'Puls Sozialamt');
    await post('puls', 'belastung', Q, TEAMS.grund.id, ROUND, [4, 4, 5, 3]);
    await post('puls', 'belastung', Q, TEAMS.pflege.id, ROUND, [2, 3, 3]);
    await post('puls', 'belastung', Q, TEAMS.wohn.id, ROUND, [5, 1]); // below the threshold
    await post('puls', 'belastung', Q, TEAMS.recht.id, ROUND, [3, 3, 4, 4, 5]);
    await post('puls', 'belastung', Q, TEAMS.klein.id, ROUND, [1, 2]); // below the threshold
    clock = new Date('2027-05-10T09:00:00Z');
  });

  it('offers the campaign on the picker in the personal chat', async () => {
    await h.personalMessage('ergebnisse', ADMIN);
    const picker = h.connector.cards().at(-1);
    expect(cardTexts(picker).join('\n')).toContain(de.resultsPickerTitle);
    expect(JSON.stringify(picker)).toContain('c:puls');
  });

  it('shows an admin the whole organisation and its units, small units counted in the unit above', async () => {
    const texts = await show(ADMIN, 'c:puls');
    expect(texts).toContain(de.resultsViewTitle('Puls Sozialamt'));
    expect(texts).toContain(de.resultsViewAnswers(16)); // every answer counts at the top, the small teams too
    expect(rowOf(texts, 'Sozialamt')).toContain(de.resultsViewAnswers(16));
    // Leistungen counts Wohngeld's two answers although Wohngeld is not shown.
    expect(rowOf(texts, '\u2003Abteilung Leistungen')).toContain(de.resultsViewAnswers(9));
    expect(rowOf(texts, '\u2003\u2003Sachgebiet Wohngeld')).toContain(de.resultsViewWithheld);
    expect(texts).not.toContain(TEAMS.klein.name);
    expect(texts).not.toContain(TEAMS.wohn.name);
  });

  it('refuses the difference that would reveal a hidden group across levels', async () => {
    const texts = await show(ADMIN, 'c:puls');
    // Leistungen (9) minus Grundsicherung (4) and Pflege (3) would give Wohngeld's 2: the smaller team is withheld.
    expect(rowOf(texts, '\u2003\u2003Team Grundsicherung')).toContain(de.resultsViewAnswers(4));
    expect(texts).not.toContain(TEAMS.pflege.name);
    // Sozialamt (16) minus Leistungen (9) and Recht (5) would give Kasse's 2: Recht is withheld as well.
    expect(rowOf(texts, '\u2003Abteilung Recht')).toContain(de.resultsViewWithheld);
    expect(rowOf(texts, '\u2003Abteilung Leistungen')).toContain(de.resultsViewAnswers(9));
  });

  it('shows a unit leader only their unit', async () => {
    const texts = await show(BERND, 'c:puls');
    expect(texts).toContain('Abteilung Leistungen');
    expect(texts).toContain(de.resultsViewAnswers(9));
    expect(texts).not.toContain('Abteilung Recht');
    expect(texts).not.toContain(TEAMS.recht.name);
    expect(texts).not.toContain(de.resultsViewAnswers(16));
  });

  it('shows a staff council member exactly what an admin sees: aggregates over the thresholds, no names', async () => {
    await h.storage.roles.grantCouncil(COUNCIL.aadObjectId, ADMIN.aadObjectId, clock, { name: COUNCIL.name });
    const texts = await show(COUNCIL, 'c:puls');
    expect(texts).toBe(await show(ADMIN, 'c:puls'));
    expect(rowOf(texts, '\u2003\u2003Sachgebiet Wohngeld')).toContain(de.resultsViewWithheld);
    expect(texts).not.toContain(TEAMS.klein.name);
    expect(texts).not.toContain(TEAMS.pflege.name);
    expect(texts).not.toMatch(/\bP\d\b|aad-/);
    await h.personalMessage('ergebnisse', COUNCIL);
    expect(JSON.stringify(h.connector.cards().at(-1))).toContain('c:puls');
  });

  it('refuses people who lead nothing, with a clear message', async () => {
    await h.personalMessage('ergebnisse', NOBODY);
    expect(h.connector.texts().at(-1)).toContain(de.errResultsViewNotAllowed);
    const refused = cardTexts(
      invokeCard(await h.invoke(VERBS.resultsView, { target: 'c:puls' }, NOBODY, { personal: true })),
    );
    expect(refused.join('\n')).toContain(de.errResultsViewNotAllowed);
  });
});

describe('comparison and trend', () => {
  const MONTHLY = 'Wie geht es dir diesen Monat?';
  const month = (m: number) => new Date(Date.UTC(2027, m, 1, 8));
  beforeAll(async () => {
    await campaign('monat', 'Monatspuls');
    // two small units of two people each: together four, so what they leave out of the Sozialamt is no small group.
    for (const m of [0, 1, 2, 3]) {
      await post('monat', 'stimmung', MONTHLY, TEAMS.grund.id, month(m), [3, 3, 4, m > 1 ? 5 : 4]);
      await post('monat', 'stimmung', MONTHLY, TEAMS.recht.id, month(m), [2, 3, 3, Math.min(5, 3 + m)]);
      await post('monat', 'stimmung', MONTHLY, TEAMS.klein.id, month(m), [1, 5]);
      await post('monat', 'stimmung', MONTHLY, TEAMS.post.id, month(m), [2, 4]);
    }
    clock = new Date('2027-05-10T09:00:00Z');
  });

  it('draws the trend of a monthly rating over its four rounds, with a text fallback', async () => {
    const card = invokeCard(await h.invoke(VERBS.resultsView, { target: 'c:monat' }, ADMIN, { personal: true }));
    const texts = cardTexts(card).join('\n');
    expect(texts).toContain(de.resultsViewTrend);
    const line = JSON.stringify(card);
    expect(line).toContain('Chart.Line');
    const fallback = texts.split('\n').find((l) => l.includes('01.01.2027'));
    expect(fallback).toBeDefined();
    for (const day of ['01.01.2027', '01.02.2027', '01.03.2027', '01.04.2027']) expect(fallback).toContain(day);
    expect(fallback).toContain(de.resultsViewAnswers(12));
    expect(fallback).toContain(`01.01.2027: ${de.resultsViewAverage('3')}`); // (3+3+4+4 + 2+3+3+3 + 1+5 + 2+4) / 12
  });

  it('compares units side by side only where each meets the threshold, never the small one', async () => {
    const card = invokeCard(await h.invoke(VERBS.resultsView, { target: 'c:monat' }, ADMIN, { personal: true }));
    const texts = cardTexts(card).join('\n');
    expect(texts).toContain(de.resultsViewCompare);
    const compare = texts.split('\n').find((l) => l.includes(' | '));
    expect(compare).toContain('Abteilung Leistungen');
    expect(compare).toContain('Abteilung Recht');
    expect(compare).not.toContain('Kasse');
    expect(compare).not.toContain('Poststelle');
    expect(texts).toContain(de.resultsViewCompareNote(2, MIN));
  });
});
