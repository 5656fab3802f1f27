import { messages } from '../core/messages';
import { addressDuDe } from '../core/texts/address-du';
import { people, startBotHarness, type BotHarness, type Person } from './support/bot-harness';
import { cardTexts } from './support/card-nodes';
import { invokeCard, postItem } from './support/turn-helpers';
import { VERBS } from '../core/card-actions';

/**
 * ADDRESS=du: the deployment chooses the informal German address once, at start (host/bot-app.ts); every German
 * reply and card of that bot then says "du". The formal default is what every other bot test sees.
 */
const [alice] = people(1) as [Person];
let h: BotHarness;

/** every text replied since a point in the delivery log: message texts and the texts of their cards. */
function repliedSince(index: number): string[] {
  return h.connector.delivered.slice(index).flatMap((d) => {
    const card = (d.activity.attachments as { content?: unknown }[] | undefined)?.[0]?.content;
    const text = typeof d.activity.text === 'string' ? [d.activity.text] : [];
    return card ? [...text, ...cardTexts(card as Record<string, unknown>)] : text;
  });
}

beforeAll(async () => {
  h = await startBotHarness({ ADDRESS: 'du' });
  await h.installInTeam();
});
afterAll(async () => {
  await h.stop();
});

test('answers an unknown command in the informal address', async () => {
  const before = h.connector.delivered.length;
  await h.channelMessage('abstimmung Frage?');
  expect(repliedSince(before)).toContain(addressDuDe.errUnknownCommand('abstimmung'));
  expect(repliedSince(before).join('\n')).toContain('siehst du alle Befehle');
});

test('shows the help in the informal address', async () => {
  const before = h.connector.delivered.length;
  await h.personalMessage('hilfe');
  const texts = repliedSince(before);
  expect(texts).toContain(addressDuDe.helpIntro);
  expect(texts).not.toContain(messages('en').helpIntro);
});

test('puts informal texts on a posted card and on the card a vote returns', async () => {
  const before = h.connector.delivered.length;
  const p = await postItem(h, 'umfrage Frage? | a | b');
  expect(repliedSince(before)).toContain(addressDuDe.namedNotice);
  const voted = cardTexts(invokeCard(await h.invoke(VERBS.vote, { itemId: p.item.id, choice: 1 }, alice)));
  expect(voted).toContain(addressDuDe.yourVote('b'));
});

test('keeps English as it is', async () => {
  const before = h.connector.delivered.length;
  await h.personalMessage('help', undefined, 'en-US');
  expect(repliedSince(before)).toContain(messages('en').helpIntro);
});
