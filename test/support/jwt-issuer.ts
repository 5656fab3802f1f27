import { generateKeyPairSync, randomBytes, randomUUID, sign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** the issuer the Bot Connector service puts into the tokens it sends to bots (public cloud). */
export const BOT_CONNECTOR_ISSUER = 'https://api.botframework.com';

/** the app id of the bot in production-mode tests. */
export const APP_ID = '6a1d5c0e-5f0b-4c43-9b8e-3d2f6c1a7e10';

/** production settings for startBotHarness: an app id turns Bot Framework authentication on; all secrets are fresh. */
export function productionEnv(metadataUrl: string): Record<string, string> {
  return {
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: `pw~${randomBytes(18).toString('base64url')}`,
    MicrosoftAppType: 'MultiTenant',
    ANSWER_SECRET: randomBytes(32).toString('hex'),
    AZURE_STORAGE_CONNECTION_STRING: `DefaultEndpointsProtocol=https;AccountName=mitwirkenprod;AccountKey=${randomBytes(64).toString('base64')};EndpointSuffix=core.windows.net`,
    BOT_OPENID_METADATA_URL: metadataUrl,
  };
}

export interface TokenClaims {
  iss?: string;
  aud?: string;
  /** the service URL the token is bound to (Bot Framework's claim name is lowercase). */
  serviceurl?: string;
  /** seconds since the epoch. */
  exp?: number;
  nbf?: number;
  [claim: string]: unknown;
}

const b64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

/**
 * a loopback stand-in for the Bot Connector's token signing (login.botframework.com, which cannot be reached here):
 * serves OpenID metadata and a JWKS whose key is endorsed for `msteams` (or the channels given, as the real keys are
 * for Web Chat, Direct Line and others too), and signs RS256 tokens with it. A second key is endorsed for `webchat` only.
 */
export class JwtIssuer {
  private readonly kid = `test-key-${randomUUID()}`;
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  /** a published key endorsed only for Web Chat, for tokens whose key is not endorsed for Teams. */
  private readonly webchatKid = `${this.kid}-webchat`;
  private readonly webchatKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  /** a key the bot has never been told about (same kid), for forged tokens. */
  private readonly foreignKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  private server?: http.Server;

  constructor(private readonly endorsements: readonly string[] = ['msteams']) {}

  /** the URL to set as BOT_OPENID_METADATA_URL. */
  get metadataUrl(): string {
    return `${this.base}/v1/.well-known/openidconfiguration`;
  }

  private get base(): string {
    const port = (this.server?.address() as AddressInfo | null)?.port;
    return `http://127.0.0.1:${port}`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const json = (body: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.url === '/v1/.well-known/openidconfiguration')
        return json({
          issuer: BOT_CONNECTOR_ISSUER,
          jwks_uri: `${this.base}/v1/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
        });
      if (req.url === '/v1/keys') {
        const jwk = (key: KeyObject, kid: string, endorsements: readonly string[]) => {
          const { n, e } = key.export({ format: 'jwk' });
          return { kty: 'RSA', use: 'sig', kid, n, e, endorsements };
        };
        return json({
          keys: [
            jwk(this.keys.publicKey, this.kid, this.endorsements),
            jwk(this.webchatKeys.publicKey, this.webchatKid, ['webchat']),
          ],
        });
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', () => resolve()));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** a token as the Bot Connector would send it for this app and service URL; `claims` override or add claims. */
  token(
    appId: string,
    serviceUrl: string,
    claims: TokenClaims = {},
    options: { forged?: boolean; webchatOnlyKey?: boolean } = {},
  ): string {
    const now = Math.floor(Date.now() / 1000);
    const payload = {
      iss: BOT_CONNECTOR_ISSUER,
      aud: appId,
      serviceurl: serviceUrl,
      nbf: now - 60,
      exp: now + 3600,
      ...claims,
    };
    if (options.webchatOnlyKey) return this.signed(payload, this.webchatKeys.privateKey, this.webchatKid);
    return this.signed(payload, options.forged ? this.foreignKey : this.keys.privateKey, this.kid);
  }

  private signed(payload: object, key: KeyObject, kid: string): string {
    const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
    const body = b64url(JSON.stringify(payload));
    const signature = sign('RSA-SHA256', Buffer.from(`${head}.${body}`), key);
    return `${head}.${body}.${b64url(signature)}`;
  }
}
