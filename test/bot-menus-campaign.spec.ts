import { rmSync } from 'node:fs';
import { VERBS } from '../core/card-actions';
import { people, startBotHarness, TEAM, type BotHarness } from './support/bot-harness';
import { interactive } from './support/card-nodes';
import { deliveredCard, invokeCard } from './support/turn-helpers';
import { aMinuteAgo, campaignsDir } from './support/sample-items';

let h: BotHarness;
let dir: string;

/** a yes/no question due a minute ago, for the channel named as German Teams shows it. */
const campaignFile = () =>
  [
    'id: dienstplan',
    'title: Dienstplan',
    'teams: all',
    'channel: Allgemein',
    'items:',
    '  - type: yesno',
    '    question: Passt der neue Dienstplan?',
    `    schedule: { start: ${aMinuteAgo('Europe/Berlin')} }`,
    '    openFor: P5D',
  ].join('\n');

beforeAll(async () => {
  dir = campaignsDir({ 'dienstplan.yml': campaignFile() });
  h = await startBotHarness({ CAMPAIGNS_DIR: dir });
  await h.installInTeam();
});
afterAll(async () => {
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
});

const titles = (card: unknown) => interactive(card).map((a) => a.title);

test('a campaign for "channel: Allgemein" posts into General; its yes/no question says Ja/Nein or Yes/No to each reader', async () => {
  await h.personalMessage('kampagnen laden');
  expect((await h.storage.campaigns.get('dienstplan'))?.channel).toBe('Allgemein');
  const before = h.connector.delivered.length;
  expect((await h.app.scheduler.tick()).posted).toBe(1);
  const post = h.connector.delivered.slice(before).find((d) => d.kind === 'create');
  // General's channel id is the team id: the thread lives there.
  expect(post?.conversationId.startsWith(`${TEAM.id};`)).toBe(true);
  const card = deliveredCard(post);
  expect(titles(card)).toEqual(expect.arrayContaining(['Ja', 'Nein']));

  const vote = interactive(card).find((a) => a.verb === VERBS.vote) as { data: { itemId: string } };
  expect((await h.storage.items.get(vote.data.itemId))?.yesNo).toBe(true);
  const [german, english] = people(2);
  const asEnglish = invokeCard(await h.invoke(VERBS.vote, { ...vote.data, choice: 0 }, english, { locale: 'en-US' }));
  expect(titles(asEnglish)).toEqual(expect.arrayContaining(['Yes', 'No']));
  expect(titles(asEnglish)).not.toContain('Ja');
  const asGerman = invokeCard(await h.invoke(VERBS.vote, { ...vote.data, choice: 1 }, german, { locale: 'de-DE' }));
  expect(titles(asGerman)).toEqual(expect.arrayContaining(['Ja', 'Nein']));
});
