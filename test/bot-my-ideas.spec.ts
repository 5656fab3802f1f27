import { VERBS } from '../core/card-actions';
import { decisionMessages } from '../core/ideas/idea-status';
import { messages } from '../core/messages';
import { ADMIN, startBotHarness, TEAM, type BotHarness, type Person } from './support/bot-harness';
import { invokeCard, postItem } from './support/turn-helpers';
import { cardTexts } from './support/card-nodes';

const de = messages('de');
const en = messages('en');
const person = (n: number, name: string): Person => ({ id: `29:mine-${n}`, aadObjectId: `aad-mine-${n}`, name });
const author = person(0, 'Anna Becker');
const colleague = person(1, 'Jonas Wagner');
const leader = person(2, 'Lea Neumann');
const roster = [author, colleague, leader].map((p) => ({ id: p.id, aadObjectId: p.aadObjectId, name: p.name }));

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness({ MIN_GROUP_SIZE: '3', MIN_GROUP_SIZE_TEXT: '3' }, { members: { [TEAM.id]: roster } });
  await h.installInTeam(TEAM);
  await h.storage.roles.assignLeader({
    teamId: TEAM.id,
    personId: leader.aadObjectId,
    name: leader.name,
    grantedBy: ADMIN.aadObjectId,
    at: new Date(),
  });
});
afterAll(async () => {
  await h.stop();
});

/** the newest card sent into a person's personal chat. */
const personalCard = (who: Person) => h.connector.cards((d) => d.conversationId === `a:personal-${who.id}`).at(-1);

/** a named idea typed into a prompt card in the channel. */
async function ideaOnPrompt(question: string, who: Person, text: string) {
  const p = await postItem(h, `ideenabfrage ${question}`);
  invokeCard(await h.invoke(VERBS.submitIdea, { itemId: p.item.id, ideaText: text }, who));
  const idea = (await h.storage.ideas.ofItem(p.item.id)).find((i) => i.text === text);
  if (!idea) throw new Error(`idea "${text}" not stored`);
  return idea;
}

describe('meine ideen', () => {
  test('lists every named idea of the person with its status, its measure and the latest note – anonymous ones and other people’s never', async () => {
    const onPrompt = await ideaOnPrompt('Was sollen wir besser machen?', author, 'Termine online buchbar machen');
    await h.personalMessage('idee Ein Drucker pro Flur genügt', author);
    const anonymousPrompt = await postItem(h, 'ideenabfrage --anonym Was stört dich wirklich?');
    invokeCard(
      await h.invoke(VERBS.submitIdea, { itemId: anonymousPrompt.item.id, ideaText: 'Geheime Kritik am Chef' }, author),
    );
    await ideaOnPrompt('Was fehlt im Intranet?', colleague, 'Eine Suche, die Formulare findet');

    await h.invoke(
      VERBS.ideaStatus,
      { ideaId: onPrompt.ideaId, input: 'i0', i0s: 'accepted', i0n: 'Wir prüfen Anbieter' },
      leader,
      { personal: true },
    );
    const measure = await h.storage.measures.create(
      {
        teamId: TEAM.id,
        title: 'Online-Terminbuchung',
        description: 'Buchung über das Portal',
        ownerId: leader.aadObjectId,
        ownerName: leader.name,
        dueDate: '2026-04-30',
        ideaIds: [onPrompt.ideaId],
        volunteersAsGroup: false,
        createdById: leader.aadObjectId,
        createdByName: leader.name,
        createdAt: new Date(),
      },
      new Date(),
    );
    await h.storage.measures.setStatus(TEAM.id, measure.measureId, { status: 'inProgress', reason: '' }, new Date());
    await h.storage.measures.addNote(TEAM.id, measure.measureId, {
      text: 'Testbetrieb ab April',
      byId: leader.aadObjectId,
      byName: leader.name,
      at: new Date(),
    });

    await h.personalMessage('meine ideen', author);
    const texts = cardTexts(personalCard(author));
    expect(texts).toEqual(
      expect.arrayContaining([
        de.myIdeasTitle,
        'Termine online buchbar machen',
        'Ein Drucker pro Flur genügt',
        de.myIdeasAnonymousNote,
      ]),
    );
    expect(texts).toContain(
      de.myIdeasMeasure('Online-Terminbuchung', de.measureStatusLabels.inProgress, leader.name, '30.04.2026'),
    );
    expect(texts).toContain(de.myIdeasNote('Testbetrieb ab April'));
    expect(texts.some((t) => t.includes(`Status: ${de.ideaStatusLabels.accepted}`))).toBe(true);
    expect(texts.some((t) => t.includes(`Status: ${de.ideaStatusLabels.new}`))).toBe(true);
    expect(texts.join('\n')).not.toContain('Geheime Kritik');
    expect(texts.join('\n')).not.toContain('Eine Suche, die Formulare findet');
  });

  test('an idea without a measure shows the note of its last status change', async () => {
    const idea = await ideaOnPrompt('Wie wird die Kantine besser?', colleague, 'Mehr vegetarische Gerichte');
    await h.invoke(
      VERBS.ideaStatus,
      { ideaId: idea.ideaId, input: 'i0', i0s: 'declined', i0n: 'Vertrag läuft bis 2027' },
      leader,
      { personal: true },
    );
    await h.personalMessage('my ideas', colleague, 'en-US');
    const texts = cardTexts(personalCard(colleague));
    expect(texts).toEqual(
      expect.arrayContaining([en.myIdeasTitle, 'Mehr vegetarische Gerichte', en.myIdeasNote('Vertrag läuft bis 2027')]),
    );
    expect(texts.join('\n')).not.toContain('Termine online buchbar machen');
  });

  test('someone without named ideas is told how to send one; in a channel the command points to the personal chat', async () => {
    await h.personalMessage('meine ideen', leader);
    expect(cardTexts(personalCard(leader))).toContain(de.myIdeasNone);
    await h.channelMessage('meine ideen', author);
    expect(h.connector.texts().at(-1)).toBe(de.errPersonalChatOnly);
  });

  test('the 1:1 notice an author gets about a decision names the command, in German and English', async () => {
    const idea = await ideaOnPrompt('Was kostet uns Zeit?', author, 'Weniger Pflichtfelder im Formular');
    const before = h.connector.delivered.length;
    await h.invoke(VERBS.ideaStatus, { ideaId: idea.ideaId, input: 'i0', i0s: 'review', i0n: '' }, leader, {
      personal: true,
    });
    const toAuthor = decisionMessages(
      'de',
      { text: idea.text, anonymous: false },
      { status: 'review', note: '' },
    ).toAuthor;
    expect(toAuthor).toContain('„meine ideen“');
    const sent = h.connector.delivered.slice(before).map((d) => d.activity.text);
    expect(sent).toContain(toAuthor);
    expect(
      decisionMessages('en', { text: idea.text, anonymous: false }, { status: 'review', note: '' }).toAuthor,
    ).toContain('“my ideas”');
    expect(
      decisionMessages('de', { text: idea.text, anonymous: true }, { status: 'review', note: '' }).toAuthor,
    ).toBeUndefined();
  });
});
