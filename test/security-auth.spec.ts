import { randomUUID } from 'node:crypto';
import { messages } from '../core/messages';
import { VERBS } from '../core/card-actions';
import { BOT, people, startBotHarness, TEAM, TENANT, type BotHarness, type Person } from './support/bot-harness';
import { APP_ID, JwtIssuer, productionEnv } from './support/jwt-issuer';
import { cardTexts } from './support/card-nodes';
import { invokeCard } from './support/turn-helpers';

const de = messages('de');
const [alice] = people(1) as [Person];
let issuer: JwtIssuer;
let h: BotHarness;

beforeAll(async () => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined); // botbuilder prints every refused token
  issuer = await new JwtIssuer().start();
  h = await startBotHarness(productionEnv(issuer.metadataUrl));
});
afterAll(async () => {
  await h.stop();
  await issuer.stop();
  jest.restoreAllMocks();
});

/** a refresh invoke for an item that does not exist: harmless, answered inline, so it proves the bot ran. */
const refreshInvoke = () => ({
  id: randomUUID(),
  type: 'invoke',
  name: 'adaptiveCard/action',
  channelId: 'msteams',
  serviceUrl: h.connector.url,
  from: { id: alice.id, aadObjectId: alice.aadObjectId, name: alice.name },
  recipient: BOT,
  locale: 'de-DE',
  conversation: { id: `${TEAM.id};messageid=root`, conversationType: 'channel', isGroup: true, tenantId: TENANT },
  channelData: { team: { id: TEAM.id }, channel: { id: TEAM.id }, tenant: { id: TENANT } },
  value: { action: { type: 'Action.Execute', verb: VERBS.refresh, data: { itemId: 'no-such-item' } } },
});
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const hour = 3600;
const now = () => Math.floor(Date.now() / 1000);

describe('Bot Framework authentication in production mode', () => {
  test('accepts an activity with a valid Bot Connector token and runs the turn', async () => {
    const result = await h.post(refreshInvoke(), bearer(issuer.token(APP_ID, h.connector.url)));
    expect(result.status).toBe(200);
    expect(cardTexts(invokeCard(result))).toContain(de.errItemNotFound);
  });

  test.each([
    ['no Authorization header', () => ({})],
    ['an empty bearer token', () => ({ authorization: 'Bearer ' })],
    ['a token that is not a JWT', () => bearer('not-a-jwt')],
    ['a valid token under another scheme', () => ({ authorization: `Basic ${issuer.token(APP_ID, h.connector.url)}` })],
    [
      'an expired token',
      () => bearer(issuer.token(APP_ID, h.connector.url, { nbf: now() - 3 * hour, exp: now() - 2 * hour })),
    ],
    ['a token for another app (wrong audience)', () => bearer(issuer.token('another-app-id', h.connector.url))],
    [
      'a token from another issuer',
      () => bearer(issuer.token(APP_ID, h.connector.url, { iss: 'https://login.example.com/evil' })),
    ],
    ['a token signed by an unknown key', () => bearer(issuer.token(APP_ID, h.connector.url, {}, { forged: true }))],
    ['a token issued for another service URL', () => bearer(issuer.token(APP_ID, 'https://smba.example.com/evil/'))],
    [
      'a token without a service URL claim',
      () => bearer(issuer.token(APP_ID, h.connector.url, { serviceurl: undefined })),
    ],
  ])('refuses an activity with %s with 401 and runs nothing', async (_case, headers) => {
    const before = h.connector.calls.length;
    const result = await h.post(refreshInvoke(), headers());
    expect(result.status).toBe(401);
    expect(h.connector.calls.length).toBe(before);
    expect(JSON.stringify(result.body ?? '')).not.toContain(de.errItemNotFound);
  });

  test('refuses a Teams activity whose token is signed by a key that is not endorsed for Teams', async () => {
    const before = h.connector.calls.length;
    const result = await h.post(
      refreshInvoke(),
      bearer(issuer.token(APP_ID, h.connector.url, {}, { webchatOnlyKey: true })),
    );
    expect(result.status).toBe(401);
    expect(h.connector.calls.length).toBe(before);
  });

  test('still accepts valid tokens after refusing bad ones', async () => {
    await h.post(refreshInvoke(), bearer('not-a-jwt'));
    expect((await h.post(refreshInvoke(), bearer(issuer.token(APP_ID, h.connector.url)))).status).toBe(200);
  });
});
