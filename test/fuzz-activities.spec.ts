import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { VERBS } from '../core/card-actions';
import {
  ADMIN,
  BOT,
  people,
  startBotHarness,
  TEAM,
  TENANT,
  type BotHarness,
  type HttpResult,
} from './support/bot-harness';
import { tableCensus, type Census } from './support/table-census';
import { postItem } from './support/turn-helpers';

/**
 * Fuzzing over real HTTP: thousands of malformed activities and card payloads, sent by people who are not admins.
 * Whatever arrives, the bot answers below 500, keeps running, and stores no item or answer.
 */
jest.setTimeout(180_000);

const senders = people(3);
/** tables that malformed input must never change (install bookkeeping — Teams, Channels, People — may). */
const GUARDED = ['Items', 'ItemIndex', 'Responses', 'Campaigns', 'ScheduleLedger'];
const guarded = (c: Census) => Object.fromEntries(Object.entries(c).filter(([name]) => GUARDED.includes(name)));

let h: BotHarness;
let closedIds: string[];
let before: Census;
const serverErrors: { status: number; body: string }[] = [];
const handlerFailures: { msg: unknown; err?: string; body: string }[] = [];
const knownFailures: typeof handlerFailures = [];

/**
 * KNOWN ISSUE (bot/turn-facts.ts, commandText): a message with an @mention entity but no text makes botbuilder's
 * removeRecipientMention read `activity.text.replace`; the turn fails (caught: "turn failed", errUnexpected reply).
 */
function isKnownTextlessMention(body: unknown, err: string | undefined): boolean {
  const a = body as { type?: unknown; text?: unknown } | null;
  return (
    a?.type === 'message' &&
    typeof a.text !== 'string' &&
    err === "Cannot read properties of undefined (reading 'replace')"
  );
}
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  h = await startBotHarness();
  await h.installInTeam();
  const poll = await postItem(h, 'umfrage Fuzz? | a | b | c');
  const idea = await postItem(h, 'ideenabfrage Fuzz-Ideen?');
  await h.channelMessage('schließen', ADMIN, { conversationId: poll.thread });
  await h.channelMessage('schließen', ADMIN, { conversationId: idea.thread });
  closedIds = [poll.item.id, idea.item.id];
  await h.connector.waitFor(() => true);
  before = await tableCensus(h.storage);
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await h.stop();
});

/**
 * whether a status is a server error. The one 5xx that is not: 501 for an invoke whose name the bot does not
 * implement (say `task/fetch`), which is the Bot Framework's protocol answer, not a failure.
 */
function isServerError(status: number, body: unknown): boolean {
  const activity = body as { type?: unknown; name?: unknown } | null;
  const unimplementedInvoke =
    activity?.type === 'invoke' &&
    typeof activity.name === 'string' &&
    activity.name !== '' &&
    activity.name !== 'adaptiveCard/action';
  return status >= 500 && !(status === 501 && unimplementedInvoke);
}

/** posts a body and records any server error with the body that caused it (the reproduction). */
async function send(body: unknown): Promise<HttpResult> {
  const logged = h.logs.length;
  const result = await h.post(body);
  if (isServerError(result.status, body))
    serverErrors.push({ status: result.status, body: JSON.stringify(body).slice(0, 2000) });
  for (const line of h.logs.slice(logged)) {
    if (typeof line.level !== 'number' || line.level < 50) continue;
    const failure = {
      msg: line.msg,
      err: (line.err as { message?: string } | undefined)?.message,
      body: JSON.stringify(body).slice(0, 2000),
    };
    (isKnownTextlessMention(body, failure.err) ? knownFailures : handlerFailures).push(failure);
  }
  return result;
}

// ---- arbitraries -------------------------------------------------------------------------------------------

const hugeString = fc.constantFrom(
  'x'.repeat(5_000),
  'ä'.repeat(30_000),
  '\u202e\u0000'.repeat(2_000),
  '<at>Mitwirken</at> '.repeat(1_000),
);
const oddString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom(
    '',
    ' ',
    '\ud800',
    '\udfff',
    '\u0000',
    '💥'.repeat(50),
    '../../etc/passwd',
    "'; DROP TABLE Items; --",
    "PartitionKey eq 'x'",
    '%00',
    '#?/\\',
    '__proto__',
    'constructor',
    'toString',
  ),
  hugeString,
);
const junk: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -0, 1e308, -1, 0, 3),
  fc.double(),
  oddString,
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(
    fc.constantFrom('id', 'type', '__proto__', 'constructor', 'tenant', 'team', 'aadObjectId'),
    fc.jsonValue({ maxDepth: 2 }),
    { maxKeys: 4 },
  ),
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: 50, max: 3_000 }).map((d) => JSON.parse(`${'['.repeat(d)}${']'.repeat(d)}`) as unknown),
);

/** a well-formed activity of a type the bot handles; mutations make it malformed. */
const baseActivity = fc
  .record({
    type: fc.constantFrom(
      'message',
      'invoke',
      'installationUpdate',
      'conversationUpdate',
      'messageReaction',
      'event',
      'typing',
    ),
    sender: fc.constantFrom(...senders),
    personal: fc.boolean(),
    text: fc.oneof(
      fc.constantFrom(
        'hilfe',
        'umfrage Frage? | a | b',
        'ideenabfrage Was?',
        'idee Mehr Licht',
        'ideen',
        'schließen',
        'demo',
        'kampagnen',
        '<at>Mitwirken</at> umfrage x | y | z',
      ),
      oddString,
    ),
  })
  .map(({ type, sender, personal, text }) => ({
    id: randomUUID(),
    type,
    channelId: 'msteams',
    serviceUrl: h.connector.url,
    timestamp: new Date().toISOString(),
    from: { id: sender.id, aadObjectId: sender.aadObjectId, name: sender.name },
    recipient: BOT,
    locale: 'de-DE',
    text,
    name: type === 'invoke' ? 'adaptiveCard/action' : undefined,
    action: type === 'installationUpdate' ? 'add' : undefined,
    membersAdded: type === 'conversationUpdate' ? [{ id: BOT.id }] : undefined,
    entities: [{ type: 'mention', text: '<at>Mitwirken</at>', mentioned: BOT }],
    conversation: personal
      ? { id: `a:personal-${sender.id}`, conversationType: 'personal', tenantId: TENANT }
      : { id: `${TEAM.id};messageid=root`, conversationType: 'channel', isGroup: true, tenantId: TENANT },
    channelData: personal
      ? { tenant: { id: TENANT } }
      : {
          team: { id: TEAM.id, name: TEAM.name },
          channel: { id: TEAM.id },
          tenant: { id: TENANT },
          eventType: 'teamMemberAdded',
        },
    value:
      type === 'invoke'
        ? { action: { type: 'Action.Execute', verb: VERBS.refresh, data: { itemId: closedIds[0] } } }
        : undefined,
  }));

const PATHS = [
  'type',
  'id',
  'channelId',
  'serviceUrl',
  'timestamp',
  'from',
  'from.id',
  'from.aadObjectId',
  'from.name',
  'recipient',
  'recipient.id',
  'conversation',
  'conversation.id',
  'conversation.tenantId',
  'conversation.conversationType',
  'conversation.isGroup',
  'text',
  'locale',
  'name',
  'action',
  'membersAdded',
  'membersRemoved',
  'entities',
  'attachments',
  'replyToId',
  'value',
  'value.action',
  'value.action.verb',
  'value.action.data',
  'channelData',
  'channelData.team',
  'channelData.team.id',
  'channelData.channel',
  'channelData.tenant',
  'channelData.tenant.id',
  'channelData.eventType',
  'channelData.settings',
  'relatesTo',
  'textFormat',
  'localTimezone',
] as const;

/** sets (or with `undefined`, deletes) a dotted path, creating objects on the way; nulls and primitives on the way are replaced. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (!next || typeof next !== 'object' || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1] as string;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

const mutations = fc.array(fc.tuple(fc.constantFrom(...PATHS), fc.option(junk, { nil: undefined, freq: 4 })), {
  minLength: 1,
  maxLength: 4,
});
const malformedActivity = fc.tuple(baseActivity, mutations).map(([activity, changes]) => {
  const body = structuredClone(activity) as Record<string, unknown>;
  for (const [path, value] of changes) setPath(body, path, value);
  return body;
});

/** plausible card data for every verb, with junk in some fields and the ids of closed (or missing) items. */
const itemIdish = fc.oneof(
  fc.constantFrom(...['closed-0', 'closed-1']).map((k) => closedIds[Number(k.slice(-1))]),
  fc.uuid(),
  oddString,
  junk,
);
const cardData = fc.oneof(
  junk,
  fc.record(
    {
      itemId: itemIdish,
      choice: junk,
      choices: fc.oneof(oddString, fc.constantFrom('0,1', '0,0,0', '99', '-1', '1e3', ' , ')),
      ideaText: fc.oneof(oddString, fc.constantFrom('Eine gute Idee', '   ')),
      draft: fc.oneof(
        junk,
        fc.record(
          {
            kind: fc.constantFrom('poll', 'idea', 'x'),
            question: oddString,
            options: fc.array(oddString, { maxLength: 12 }),
            anonymous: junk,
          },
          { requiredKeys: [] },
        ),
      ),
      target: fc.oneof(oddString, fc.constant(`${TEAM.id}|${TEAM.id}`)),
      campaignId: oddString,
      status: fc.oneof(fc.constantFrom('paused', 'scheduled', 'ended'), oddString),
      step: junk,
      wizard: junk,
    },
    { requiredKeys: [] },
  ),
);
const cardInvoke = fc
  .record({
    verb: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...Object.values(VERBS)) }, { weight: 1, arbitrary: junk }),
    data: cardData,
    sender: fc.constantFrom(...senders),
    personal: fc.boolean(),
    shape: fc.constantFrom('normal', 'no-action', 'value-junk', 'action-junk', 'extra-fields'),
    extra: junk,
  })
  .map(({ verb, data, sender, personal, shape, extra }) => {
    const action = { type: 'Action.Execute', verb, data };
    const value =
      shape === 'no-action'
        ? {}
        : shape === 'value-junk'
          ? extra
          : shape === 'action-junk'
            ? { action: extra }
            : shape === 'extra-fields'
              ? { action: { ...action, id: extra }, trigger: extra }
              : { action };
    return {
      id: randomUUID(),
      type: 'invoke',
      name: 'adaptiveCard/action',
      channelId: 'msteams',
      serviceUrl: h.connector.url,
      from: { id: sender.id, aadObjectId: sender.aadObjectId, name: sender.name },
      recipient: BOT,
      locale: 'de-DE',
      conversation: personal
        ? { id: `a:personal-${sender.id}`, conversationType: 'personal', tenantId: TENANT }
        : { id: `${TEAM.id};messageid=root`, conversationType: 'channel', isGroup: true, tenantId: TENANT },
      channelData: personal
        ? { tenant: { id: TENANT } }
        : { team: { id: TEAM.id }, channel: { id: TEAM.id }, tenant: { id: TENANT } },
      value,
    };
  });

// ---- properties ----------------------------------------------------------------------------------------------

const settings = (numRuns: number) => ({
  numRuns,
  seed: Number(process.env.FUZZ_SEED ?? 20240601),
  endOnFailure: true,
});
const below500 = async (body: unknown) => !isServerError((await send(body)).status, body);

describe('fuzzing /api/messages', () => {
  test('answers arbitrary JSON bodies below 500', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(junk, fc.jsonValue()), below500), settings(400));
  });

  test('answers malformed activities below 500', async () => {
    await fc.assert(fc.asyncProperty(malformedActivity, below500), settings(1_500));
  });

  test.each(Object.values(VERBS))('answers malformed card payloads for %s below 500', async (verb) => {
    const forVerb = cardInvoke.map((a) =>
      a.value &&
      typeof a.value === 'object' &&
      'action' in a.value &&
      a.value.action &&
      typeof a.value.action === 'object'
        ? { ...a, value: { ...a.value, action: { ...a.value.action, verb } } }
        : a,
    );
    await fc.assert(fc.asyncProperty(forVerb, below500), settings(250));
  });

  test('answers card invokes with junk verbs and shapes below 500', async () => {
    await fc.assert(fc.asyncProperty(cardInvoke, below500), settings(400));
  });

  test('never answered with a server error (reproductions below)', () => {
    expect(serverErrors).toEqual([]);
  });

  test('hit no failure inside a handler (no error-level log line; reproductions below)', () => {
    expect(handlerFailures).toEqual([]);
  });

  // flips to a failure once commandText guards a missing text; then turn this into a plain test
  test('answers a text-less message with an @mention without a failure in the turn', async () => {
    const logged = h.logs.length;
    const { text: _text, ...textless } = (await fc.sample(baseActivity, { numRuns: 1, seed: 1 }))[0] as Record<
      string,
      unknown
    >;
    await h.post({ ...textless, type: 'message' });
    expect(h.logs.slice(logged).filter((l) => typeof l.level === 'number' && l.level >= 50)).toEqual([]);
  });

  test('stored no item, answer, campaign or ledger row', async () => {
    await h.app.services.refresher.flush();
    expect(guarded(await tableCensus(h.storage))).toEqual(guarded(before));
  });

  test('is still alive and answers a valid message', async () => {
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    const sent = h.connector.delivered.length;
    expect((await h.personalMessage('hilfe', senders[0])).status).toBe(200);
    expect(h.connector.delivered.length).toBeGreaterThan(sent);
    expect(unhandled).toEqual([]);
  });
});
