import { randomUUID } from 'node:crypto';
import { VERBS } from '../core/card-actions';
import { messages } from '../core/messages';
import { ADMIN, BOT, people, startBotHarness, TEAM, TENANT, type BotHarness, type Person } from './support/bot-harness';
import { APP_ID, JwtIssuer, productionEnv } from './support/jwt-issuer';
import { tableCensus } from './support/table-census';
import { cardTexts } from './support/card-nodes';
import { invokeCard, postItem } from './support/turn-helpers';

/**
 * Who is talking: only Microsoft Teams is served, and a person is their AAD object id (`from.aadObjectId`), never
 * the channel account id (`from.id`), which for roles would let anyone who can set it pass as an admin.
 */
const de = messages('de');
const en = messages('en');
const [alice] = people(1) as [Person];
const draft = {
  kind: 'poll',
  pollKind: 'single',
  question: 'Wer darf posten?',
  options: ['alle', 'niemand'],
  anonymous: false,
};

/** an activity as a channel other than Teams, or a client without an AAD object id, would send it. */
function activity(
  h: BotHarness,
  options: { channelId?: string; from: Record<string, unknown>; personal?: boolean; locale?: string },
) {
  const personal = options.personal ?? true;
  return {
    id: randomUUID(),
    channelId: options.channelId ?? 'msteams',
    serviceUrl: h.connector.url,
    timestamp: new Date().toISOString(),
    from: options.from,
    recipient: BOT,
    locale: options.locale ?? 'de-DE',
    conversation: personal
      ? { id: `a:personal-${String(options.from.id)}`, conversationType: 'personal', tenantId: TENANT }
      : { id: `${TEAM.id};messageid=${randomUUID()}`, conversationType: 'channel', isGroup: true, tenantId: TENANT },
    channelData: personal
      ? { tenant: { id: TENANT } }
      : { team: { id: TEAM.id, name: TEAM.name }, channel: { id: TEAM.id }, tenant: { id: TENANT } },
  };
}
const message = (h: BotHarness, text: string, options: Parameters<typeof activity>[1]) => ({
  ...activity(h, options),
  type: 'message',
  text: options.personal === false ? `<at>Mitwirken</at> ${text}` : text,
  ...(options.personal === false && { entities: [{ type: 'mention', text: '<at>Mitwirken</at>', mentioned: BOT }] }),
});
const cardAction = (h: BotHarness, verb: string, data: unknown, options: Parameters<typeof activity>[1]) => ({
  ...activity(h, options),
  type: 'invoke',
  name: 'adaptiveCard/action',
  value: { action: { type: 'Action.Execute', verb, data } },
});
/** the admin's channel account with their AAD object id in `id` and none in `aadObjectId`. */
const adminIdAsChannelAccount = { id: ADMIN.aadObjectId, name: ADMIN.name };

describe('only Microsoft Teams is served', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness();
    await h.installInTeam();
  });
  afterAll(async () => h.stop());

  test.each(['webchat', 'directline', 'emulator', 'slack'])(
    'a message on the %s channel, even from a configured admin, is refused with 403: no reply, nothing stored',
    async (channelId) => {
      const census = await tableCensus(h.storage);
      const calls = h.connector.calls.length;
      const result = await h.post(
        message(h, 'umfrage Frage aus einem anderen Kanal? | ja | nein', { channelId, from: ADMIN, personal: false }),
      );
      expect(result.status).toBe(403);
      expect(h.connector.calls.length).toBe(calls);
      expect(await tableCensus(h.storage)).toEqual(census);
    },
  );

  test('a card action on another channel is refused with 403 and records no answer', async () => {
    const poll = await postItem(h, 'umfrage Nur aus Teams? | ja | nein');
    const calls = h.connector.calls.length;
    const result = await h.post(
      cardAction(
        h,
        VERBS.vote,
        { itemId: poll.item.id, choice: 0 },
        { channelId: 'webchat', from: alice, personal: false },
      ),
    );
    expect(result.status).toBe(403);
    expect(h.connector.calls.length).toBe(calls);
    expect((await h.storage.responses.tally(poll.item)).voters).toBe(0);
  });

  test('the refusal is logged as a warning naming the channel, without any id or name of the person', async () => {
    const logged = h.logs.length;
    await h.post(message(h, 'hilfe', { channelId: 'directline', from: alice }));
    const lines = h.logs.slice(logged);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 40,
        msg: 'activity from a channel other than Microsoft Teams',
        channelId: 'directline',
        type: 'message',
      }),
    ]);
    const text = JSON.stringify(lines);
    for (const personal of [alice.id, alice.aadObjectId, alice.name]) expect(text).not.toContain(personal);
  });

  test('Teams activities are still served after refusals', async () => {
    const before = h.connector.delivered.length;
    expect((await h.post(message(h, 'hilfe', { from: alice }))).status).toBe(200);
    expect(h.connector.delivered.length).toBeGreaterThan(before);
  });
});

describe('another channel with a valid Bot Connector token (production mode)', () => {
  let issuer: JwtIssuer;
  let h: BotHarness;
  beforeAll(async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined); // botbuilder prints every refused token
    // the Bot Connector's real signing keys are endorsed for Web Chat and Direct Line as well as Teams.
    issuer = await new JwtIssuer(['msteams', 'webchat', 'directline']).start();
    h = await startBotHarness(productionEnv(issuer.metadataUrl));
  });
  afterAll(async () => {
    await h.stop();
    await issuer.stop();
    jest.restoreAllMocks();
  });
  const signed = (body: unknown) => h.post(body, { authorization: `Bearer ${issuer.token(APP_ID, h.connector.url)}` });

  test.each(['webchat', 'directline'])(
    'a signed %s activity is refused with 403 and runs no turn, while the same from Teams runs',
    async (channelId) => {
      const refresh = (channel: string) =>
        cardAction(h, VERBS.refresh, { itemId: 'no-such-item' }, { channelId: channel, from: alice, personal: false });
      const refused = await signed(refresh(channelId));
      expect(refused.status).toBe(403);
      expect(JSON.stringify(refused.body ?? '')).not.toContain(de.errItemNotFound);
      const served = await signed(refresh('msteams'));
      expect(served.status).toBe(200);
      expect(cardTexts(invokeCard(served))).toContain(de.errItemNotFound);
    },
  );
});

describe('identity is the AAD object id, never the channel account id', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness();
    await h.installInTeam();
  });
  afterAll(async () => h.stop());

  test("a card action from an account whose id is an admin's AAD object id, without an AAD object id, gets no admin rights and posts nothing", async () => {
    const before = h.connector.delivered.length;
    const result = await h.post(
      cardAction(h, VERBS.postTo, { draft, target: `${TEAM.id}|${TEAM.id}` }, { from: adminIdAsChannelAccount }),
    );
    expect(cardTexts(invokeCard(result))).toContain(de.errNoIdentity);
    expect(h.connector.delivered.slice(before).some((d) => d.kind === 'create')).toBe(false);
    expect(await h.storage.items.latestByCreator(ADMIN.aadObjectId)).toBeUndefined();
  });

  test('an admin command without an AAD object id is refused with a clear message, in German and in English', async () => {
    await h.post(message(h, 'kampagnen', { from: adminIdAsChannelAccount }));
    expect(h.connector.texts().at(-1)).toBe(de.errNoIdentity);
    await h.post(message(h, 'campaigns', { from: adminIdAsChannelAccount, locale: 'en-US' }));
    expect(h.connector.texts().at(-1)).toBe(en.errNoIdentity);
  });

  test('a vote without an AAD object id is refused on the card and records no answer under the channel account id', async () => {
    const poll = await postItem(h, 'umfrage Wer stimmt ab? | ich | du');
    const result = await h.post(
      cardAction(
        h,
        VERBS.vote,
        { itemId: poll.item.id, choice: 0 },
        { from: { id: alice.id, name: alice.name }, personal: false },
      ),
    );
    expect(cardTexts(invokeCard(result))).toContain(de.errNoIdentity);
    expect((await h.storage.responses.tally(poll.item)).voters).toBe(0);
  });

  test('an empty AAD object id counts as none', async () => {
    await h.post(message(h, 'kampagnen', { from: { ...adminIdAsChannelAccount, aadObjectId: '' } }));
    expect(h.connector.texts().at(-1)).toBe(de.errNoIdentity);
  });
});

describe('local mode without configured admins', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness({ ADMIN_AAD_IDS: '' });
    await h.installInTeam();
  });
  afterAll(async () => h.stop());

  test("a person with an AAD object id may use admin commands, as the Playground's user does", async () => {
    const before = h.connector.delivered.length;
    await h.channelMessage('umfrage Lokal erlaubt? | ja | nein', alice);
    expect(h.connector.delivered.slice(before).some((d) => d.kind === 'create')).toBe(true);
  });

  test('an activity without an AAD object id is still no admin', async () => {
    const before = h.connector.delivered.length;
    await h.post(
      message(h, 'umfrage Ohne Kennung? | ja | nein', { from: { id: '29:someone', name: 'Jemand' }, personal: false }),
    );
    expect(h.connector.texts().at(-1)).toBe(de.errNoIdentity);
    expect(h.connector.delivered.slice(before).some((d) => d.kind === 'create')).toBe(false);
  });
});
