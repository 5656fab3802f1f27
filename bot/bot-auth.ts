import {
  CallerIdConstants,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  BotFrameworkAuthentication,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import type { Logger } from 'pino';
import type { Config } from '../app/config';

type AuthConfig = Pick<Config, 'appId' | 'appPassword' | 'appType' | 'appTenantId' | 'openIdMetadataUrl'>;

/**
 * settings for Bot Framework authentication. With an app id every request must carry a Bot Connector JWT (signature,
 * issuer, audience = app id, expiry, serviceUrl claim, msteams endorsement); without one (local mode) auth is off.
 * A custom OpenID metadata URL (tests, sovereign clouds) replaces only the signing-key source: botbuilder then uses
 * nothing but explicit settings, so every other one is spelled out with its public-cloud default.
 */
export function botAuthSettings(config: AuthConfig): ConfigurationBotFrameworkAuthenticationOptions {
  const credentials = {
    MicrosoftAppId: config.appId ?? '',
    MicrosoftAppPassword: config.appPassword ?? '',
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.appTenantId ?? '',
  };
  if (!config.openIdMetadataUrl) return credentials;
  return {
    ...credentials,
    ToBotFromChannelOpenIdMetadataUrl: config.openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
    ValidateAuthority: true,
  };
}

/**
 * botbuilder's authentication with one fix: any failure while checking an incoming token is a 401. botbuilder
 * lets some through as plain errors (a token signed by an unknown key fails inside jsonwebtoken), which the
 * CloudAdapter answers with 500. Each refusal is logged with its reason, never with the token.
 */
class StrictBotFrameworkAuthentication extends BotFrameworkAuthentication {
  constructor(
    private readonly inner: BotFrameworkAuthentication,
    private readonly log: Logger,
  ) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.refuseAs401(() => this.inner.authenticateRequest(activity, authHeader));
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.refuseAs401(() => this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  override async authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.refuseAs401(() => this.inner.authenticateChannelRequest(authHeader));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.inner.createConnectorFactory(claimsIdentity);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.inner.createUserTokenClient(claimsIdentity);
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  private async refuseAs401<T>(check: () => Promise<T>): Promise<T> {
    try {
      return await check();
    } catch (err) {
      const reason = err instanceof Error ? err.message : 'authentication failed';
      this.log.warn({ reason }, 'request refused: authentication failed');
      throw err instanceof AuthenticationError ? err : new AuthenticationError(`Unauthorized. ${reason}`, 401);
    }
  }
}

/** Bot Framework authentication for the CloudAdapter: JWT validation on every request when an app id is set. */
export function createBotAuthentication(config: AuthConfig, log: Logger): BotFrameworkAuthentication {
  return new StrictBotFrameworkAuthentication(
    new ConfigurationBotFrameworkAuthentication(botAuthSettings(config)),
    log,
  );
}
