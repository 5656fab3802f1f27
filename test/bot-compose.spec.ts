import { DateTime } from 'luxon';
import { messages } from '../core/messages';
import { VERBS } from '../core/card-actions';
import { LIMITS } from '../core/items';
import {
  ADMIN,
  people,
  startBotHarness,
  TEAM,
  type BotHarness,
  type HttpResult,
  type Person,
} from './support/bot-harness';
import { cardTexts, interactive, nodes, type CardNode } from './support/card-nodes';
import { deliveredCard } from './support/turn-helpers';
import { buildManifest } from '../manifest/build-manifest';
import { COMPOSE_COMMAND_ID } from '../bot/compose-extension';

const de = messages('de');
const [leader, employee] = people(2) as [Person, Person];
const CHANNEL_B = { id: '19:channel-b@thread.tacv2', name: 'Projekte' };
let clock = new Date();
let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness({}, {}, { now: () => clock });
  await h.installInTeam();
  await h.storage.roles.assignLeader({
    teamId: TEAM.id,
    personId: leader.aadObjectId,
    grantedBy: ADMIN.aadObjectId,
    at: clock,
  });
});
afterAll(async () => {
  await h.stop();
});

/** the card a dialog invoke answered with (`task: { type: 'continue' }`). */
function dialogCard(res: HttpResult): CardNode {
  const task = (res.body as { task?: { type?: string; value?: { card?: { content?: CardNode } } } } | undefined)?.task;
  if (res.status !== 200 || task?.type !== 'continue' || !task.value?.card?.content)
    throw new Error(`no dialog card: ${JSON.stringify(res).slice(0, 300)}`);
  return task.value.card.content;
}

/** the input with this id. */
const input = (card: CardNode, id: string) => nodes(card).find((n) => n.id === id);

/** the problem shown right under an input: the next element after it (choices skipped), when it is an attention text. */
function errorUnder(card: CardNode, id: string): string | undefined {
  const all = nodes(card).filter((n) => typeof n.type === 'string');
  const next = all[all.findIndex((n) => n.id === id) + 1];
  return next?.type === 'TextBlock' && next.color === 'Attention' ? (next.text as string) : undefined;
}

const created = (since: number) => h.connector.delivered.slice(since).filter((d) => d.kind === 'create');

/** how a dialog ends after posting: a short confirmation (Teams shows it and the dialog is done). */
const postedMessage = { task: { type: 'message', value: de.composePosted } };

const valid = { kind: 'single', question: 'Wann Teamfrühstück?', options: 'Montag\nFreitag', anonymous: 'false' };

describe('the message extension opens the posting form', () => {
  test('for an admin, with kind, question, options, anonymous and open until', async () => {
    const card = dialogCard(await h.composeFetch(ADMIN));
    expect(interactive(card).map((n) => n.id ?? n.type)).toEqual([
      'kind',
      'question',
      'options',
      'anonymous',
      'closesDate',
      'closesTime',
      'Action.Submit',
    ]);
    expect((input(card, 'kind')?.choices as CardNode[]).map((c) => c.value)).toEqual([
      'single',
      'multi',
      'rating',
      'yesno',
      'idea',
    ]);
  });

  test('for a leader of the team', async () => {
    expect(input(dialogCard(await h.composeFetch(leader)), 'question')).toBeDefined();
  });

  test('explains to someone who may not post who may, and whom to ask, inside the dialog', async () => {
    const card = dialogCard(await h.composeFetch(employee));
    expect(cardTexts(card)).toEqual(
      expect.arrayContaining([de.composeNotAllowedWho(true), de.composeNotAllowedAsk(true)]),
    );
    expect(interactive(card)).toEqual([]);
  });

  test('refuses a submit from someone who may not post and posts nothing', async () => {
    const before = h.connector.delivered.length;
    const card = dialogCard(await h.composeSubmit(valid, employee));
    expect(cardTexts(card)).toContain(de.composeNotAllowedWho(true));
    expect(created(before)).toEqual([]);
  });
});

describe('the posting form checks every field on the server', () => {
  const future = () => DateTime.fromJSDate(clock).setZone('Europe/Berlin').plus({ days: 2 });
  test.each([
    ['an empty question', { question: '  ' }, 'question', de.errFormQuestionMissing],
    ['fewer than two options', { options: 'nur eine\n\n' }, 'options', de.errFormTooFewOptions],
    ['duplicate options', { options: 'Montag\nmontag' }, 'options', de.errDuplicateOptions],
    ['a too long question', { question: 'x'.repeat(LIMITS.questionMax + 1) }, 'question', de.errQuestionTooLong(500)],
    ['a too long option', { options: `a\n${'y'.repeat(LIMITS.optionMax + 1)}` }, 'options', de.errOptionTooLong(100)],
    ['eleven options', { options: 'a b c d e f g h i j k'.split(' ').join('\n') }, 'options', de.errTooManyOptions],
    ['a past day', { closesDate: '2020-01-01' }, 'closesDate', de.errFormClosesPast],
    ['a past time', { closesDate: '2020-01-01', closesTime: '10:00' }, 'closesTime', de.errFormClosesPast],
    ['a time without a day', { closesDate: '', closesTime: '10:00' }, 'closesDate', de.errFormClosesDateMissing],
    ['no kind', { kind: 'umfrage' }, 'kind', de.errFormKindMissing],
  ])('shows %s under its field, keeps every value and posts nothing', async (_what, change, field, problem) => {
    const before = h.connector.delivered.length;
    const sent = { ...valid, closesDate: future().toISODate(), closesTime: '', ...change };
    const card = dialogCard(await h.composeSubmit(sent, ADMIN));
    expect(errorUnder(card, field)).toBe(problem);
    expect(cardTexts(card)).toContain(de.composeCheck);
    for (const id of ['question', 'options', 'closesDate', 'closesTime'] as const)
      expect(input(card, id)?.value ?? '').toBe((sent as Record<string, string>)[id]);
    expect(input(card, 'anonymous')?.value).toBe('false');
    expect(created(before)).toEqual([]);
  });

  test('names a problem under each field that has one, and none under the others', async () => {
    const card = dialogCard(await h.composeSubmit({ ...valid, question: '', options: 'a' }, ADMIN));
    expect([errorUnder(card, 'question'), errorUnder(card, 'options'), errorUnder(card, 'closesDate')]).toEqual([
      de.errFormQuestionMissing,
      de.errFormTooFewOptions,
      undefined,
    ]);
  });

  test('ignores options typed for a rating', async () => {
    const before = h.connector.delivered.length;
    const res = await h.composeSubmit({ ...valid, kind: 'rating', options: 'a' }, ADMIN);
    expect(res.body).toEqual(postedMessage);
    const post = created(before)[0];
    expect(interactive(deliveredCard(post)).map((a) => a.title)).toEqual(['1', '2', '3', '4', '5']);
  });
});

describe('a valid form', () => {
  test('posts the item card into the channel it was opened in and ends the dialog with a confirmation', async () => {
    const before = h.connector.delivered.length;
    const closes = DateTime.fromJSDate(clock)
      .setZone('Europe/Berlin')
      .plus({ days: 3 })
      .set({ hour: 12, minute: 0, second: 0, millisecond: 0 });
    const res = await h.composeSubmit(
      {
        ...valid,
        kind: 'multi',
        anonymous: 'true',
        closesDate: closes.toISODate(),
        closesTime: '12:00',
        mitwirken: 'compose',
      },
      leader,
      { channel: CHANNEL_B },
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual(postedMessage);
    const [post] = created(before);
    expect(post?.conversationId.startsWith(`${CHANNEL_B.id};messageid=`)).toBe(true);
    expect(cardTexts(deliveredCard(post))).toEqual(expect.arrayContaining(['Wann Teamfrühstück?']));
    const item = await h.storage.items.latestOpenInConversation(post?.conversationId ?? '');
    expect(item).toMatchObject({
      kind: 'poll',
      pollKind: 'multi',
      options: ['Montag', 'Freitag'],
      anonymous: true,
      teamId: TEAM.id,
      channelId: CHANNEL_B.id,
      createdBy: leader.aadObjectId,
      closesAt: closes.toJSDate(),
    });
  });

  test('posts a yes/no question as a single choice of Ja and Nein into General', async () => {
    const before = h.connector.delivered.length;
    await h.composeSubmit({ kind: 'yesno', question: 'Sollen wir das ausprobieren?', options: '' }, ADMIN);
    const [post] = created(before);
    expect(post?.conversationId.startsWith(`${TEAM.id};messageid=`)).toBe(true);
    expect(interactive(deliveredCard(post)).map((a) => a.title)).toEqual(['Ja', 'Nein']);
  });

  test('with an open-until closes the item then, and its card shows the final results', async () => {
    const before = h.connector.delivered.length;
    const closes = DateTime.fromJSDate(clock).setZone('Europe/Berlin').plus({ hours: 2 });
    await h.composeSubmit(
      {
        kind: 'idea',
        question: 'Was fehlt Ihnen?',
        closesDate: closes.toISODate(),
        closesTime: closes.toFormat('HH:mm'),
      },
      ADMIN,
    );
    const [post] = created(before);
    const item = await h.storage.items.latestOpenInConversation(post?.conversationId ?? '');
    expect(await h.app.dueClose.run()).toBe(0);
    clock = new Date(clock.getTime() + 3 * 3600_000);
    expect(await h.app.dueClose.run()).toBe(1);
    expect((await h.storage.items.get(item?.id ?? ''))?.status).toBe('closed');
    await h.connector.waitFor(() =>
      h.connector.delivered.some((d) => d.kind === 'update' && d.activityId === post?.activityId),
    );
    expect(await h.app.dueClose.run()).toBe(0);
  });
});

describe('commands without a question offer the form', () => {
  test('"umfrage" alone answers with a button that opens the form as a dialog, which posts', async () => {
    const before = h.connector.delivered.length;
    await h.channelMessage('umfrage', ADMIN);
    const offer = deliveredCard(h.connector.delivered.slice(before).find((d) => d.kind !== 'create'));
    expect(cardTexts(offer)).toContain(de.composeOfferButton);
    const button = interactive(offer).find((a) => a.type === 'Action.Submit');
    expect((button?.data as { msteams?: unknown }).msteams).toEqual({ type: 'task/fetch' });
    expect(created(before)).toEqual([]);

    const form = dialogCard(await h.taskFetch(button?.data, ADMIN));
    expect(input(form, 'kind')?.value).toBe('single');
    const submitData = interactive(form).find((a) => a.type === 'Action.Submit')?.data as object;
    const res = await h.taskSubmit({ ...submitData, ...valid, question: 'Per Dialog?' }, ADMIN);
    expect(res.body).toEqual(postedMessage);
    expect(created(before)).toHaveLength(1);
  });

  test('"bewertung" alone opens the form with the rating chosen', async () => {
    const before = h.connector.delivered.length;
    await h.channelMessage('bewertung', ADMIN);
    const offer = deliveredCard(h.connector.delivered.at(-1));
    const data = interactive(offer).find((a) => a.type === 'Action.Submit')?.data;
    expect(input(dialogCard(await h.taskFetch(data, ADMIN)), 'kind')?.value).toBe('rating');
    expect(created(before)).toEqual([]);
  });

  test('"hilfe" tells admins about the form', async () => {
    const before = h.connector.delivered.length;
    await h.channelMessage('hilfe', ADMIN);
    const help = h.connector.delivered.slice(before).flatMap((d) => cardTexts(deliveredCard(d)));
    expect(help).toContain(`• ${de.cmdPostForm}`);
  });

  test('in the personal chat "umfrage" alone explains where the form opens', async () => {
    await h.personalMessage('umfrage', ADMIN);
    expect(h.connector.texts().at(-1)).toBe(de.errFormChannelOnly);
  });

  test('a dialog submit with data that is not ours is refused on a card', async () => {
    const card = dialogCard(await h.taskSubmit({ something: 'else' }, ADMIN));
    expect(cardTexts(card)).toContain(de.errUnknownAction);
  });
});

describe('who may post: admins and, with LEADERS_MAY_POST, the team’s leaders', () => {
  test('a leader posts and closes with the chat commands', async () => {
    const before = h.connector.delivered.length;
    await h.channelMessage('umfrage Kaffee oder Tee? | Kaffee | Tee', leader);
    const [post] = created(before);
    expect(post).toBeDefined();
    await h.channelMessage('schließen', leader, { conversationId: post?.conversationId });
    expect(h.connector.texts()).toContain(de.closed);
  });

  test('in the personal chat a leader may pick only channels of the teams they lead, and post there', async () => {
    const before = h.connector.delivered.length;
    await h.personalMessage('umfrage Kaffee oder Tee? | Kaffee | Tee', leader);
    const picker = deliveredCard(h.connector.delivered.slice(before).at(-1));
    const choices = (interactive(picker).find((n) => n.type === 'Input.ChoiceSet')?.choices ?? []) as CardNode[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.every((c) => String(c.value).startsWith(`${TEAM.id}|`))).toBe(true);
    const draft = {
      kind: 'poll',
      pollKind: 'single',
      question: 'Kaffee oder Tee?',
      options: ['Kaffee', 'Tee'],
      anonymous: false,
    };
    await h.invoke(VERBS.postTo, { draft, target: String(choices[0]?.value) }, leader, { personal: true });
    expect(created(before)).toHaveLength(1);
    const refused = await h.invoke(VERBS.postTo, { draft, target: `${TEAM.id}|${TEAM.id}` }, employee, {
      personal: true,
    });
    expect(cardTexts(refused.body)).toContain(de.errNotAdmin);
    expect(created(before)).toHaveLength(1);
  });

  test('someone who is neither admin nor leader gets a clear refusal for posting and closing', async () => {
    const before = h.connector.delivered.length;
    await h.channelMessage('umfrage Kaffee oder Tee? | Kaffee | Tee', employee);
    await h.channelMessage('umfrage', employee);
    await h.channelMessage('schließen', employee);
    expect(created(before)).toEqual([]);
    expect(h.connector.texts().slice(-3)).toEqual([
      de.errNotAllowedToPost,
      de.errNotAllowedToPost,
      de.errNotAllowedToPost,
    ]);
  });

  describe('with LEADERS_MAY_POST=off (and APPROVAL_FOR_ADHOC=anonymous)', () => {
    let off: BotHarness;
    beforeAll(async () => {
      off = await startBotHarness({ LEADERS_MAY_POST: 'off', APPROVAL_FOR_ADHOC: 'anonymous' });
      await off.installInTeam();
      await off.storage.roles.assignLeader({
        teamId: TEAM.id,
        personId: leader.aadObjectId,
        grantedBy: ADMIN.aadObjectId,
        at: new Date(),
      });
    });
    afterAll(async () => {
      await off.stop();
    });

    test('a leader may not post: the dialog explains, the command refuses', async () => {
      const before = off.connector.delivered.length;
      expect(cardTexts(dialogCard(await off.composeFetch(leader)))).toContain(de.composeNotAllowedWho(false));
      await off.composeSubmit(valid, leader);
      await off.channelMessage('umfrage Kaffee oder Tee? | Kaffee | Tee', leader);
      expect(off.connector.delivered.slice(before).filter((d) => d.kind === 'create')).toEqual([]);
      expect(off.connector.texts().at(-1)).toBe(de.errNotAllowedToPost);
    });

    test('an admin still posts through the form', async () => {
      const before = off.connector.delivered.length;
      await off.composeSubmit(valid, ADMIN);
      expect(off.connector.delivered.slice(before).filter((d) => d.kind === 'create')).toHaveLength(1);
    });

    test('with APPROVAL_FOR_ADHOC=anonymous, an anonymous item from the form waits for the staff council', async () => {
      const before = off.connector.delivered.length;
      const res = await off.composeSubmit({ ...valid, anonymous: 'true' }, ADMIN);
      expect(res.body).toEqual({ task: { type: 'message', value: de.adhocHeld(0) } });
      expect(off.connector.delivered.slice(before).filter((d) => d.kind === 'create')).toEqual([]);
    });
  });
});

test('the manifest offers the action command the bot answers, with a dialog fetched from the bot, in the compose box', () => {
  const appId = '11111111-2222-3333-4444-555555555555';
  const { manifest } = buildManifest({ appId, version: '1.0.0' });
  const [extension] = manifest.composeExtensions as { botId: string; commands: Record<string, unknown>[] }[];
  expect(extension?.botId).toBe(appId);
  expect(extension?.commands[0]).toMatchObject({
    id: COMPOSE_COMMAND_ID,
    type: 'action',
    fetchTask: true,
    context: ['compose', 'commandBox'],
  });
});
