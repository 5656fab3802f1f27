import { loadConfig } from './config';

const APP_ID = '0f3c2a51-7d1e-4c0b-9a3e-6b5d4c3b2a10';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const IDENTITY = '5b7c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e';
const ACCOUNT_URL = 'https://stmitwirken.table.core.windows.net';
const CONNECTION_STRING =
  'DefaultEndpointsProtocol=https;AccountName=stmitwirken;AccountKey=a2V5;EndpointSuffix=core.windows.net';

/** production settings with a client secret and keyless storage; `over` changes or (with undefined) removes keys. */
function production(over: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'secret-value',
    MicrosoftAppType: 'SingleTenant',
    MicrosoftAppTenantId: TENANT,
    ANSWER_SECRET: 'x'.repeat(32),
    AZURE_STORAGE_ACCOUNT_URL: ACCOUNT_URL,
    ...over,
  };
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
}

const problem = (env: NodeJS.ProcessEnv): string => {
  try {
    loadConfig(env);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('the configuration was accepted');
};

describe('storage settings', () => {
  test('an account URL without a key is keyless storage, with the user-assigned identity named by AZURE_CLIENT_ID', () => {
    const config = loadConfig(production({ AZURE_STORAGE_ACCOUNT_URL: `${ACCOUNT_URL}/`, AZURE_CLIENT_ID: IDENTITY }));
    expect(config.storageAccountUrl).toBe(ACCOUNT_URL);
    expect(config.storageConnectionString).toBeUndefined();
    expect(config.managedIdentityClientId).toBe(IDENTITY);
  });

  test('a connection string is still accepted instead (Azurite, tenants that need a key)', () => {
    const config = loadConfig(
      production({ AZURE_STORAGE_ACCOUNT_URL: undefined, AZURE_STORAGE_CONNECTION_STRING: CONNECTION_STRING }),
    );
    expect(config.storageConnectionString).toBe(CONNECTION_STRING);
    expect(config.storageAccountUrl).toBeUndefined();
  });

  test('refuses both at once, naming both settings', () => {
    expect(problem(production({ AZURE_STORAGE_CONNECTION_STRING: CONNECTION_STRING }))).toMatch(
      /AZURE_STORAGE_ACCOUNT_URL, AZURE_STORAGE_CONNECTION_STRING: set one of them, not both/,
    );
  });

  test('requires one of them in production, and neither in local mode (embedded Azurite)', () => {
    expect(problem(production({ AZURE_STORAGE_ACCOUNT_URL: undefined }))).toMatch(
      /AZURE_STORAGE_ACCOUNT_URL or AZURE_STORAGE_CONNECTION_STRING: one is required when MicrosoftAppId is set/,
    );
    const local = loadConfig({});
    expect(local.localMode).toBe(true);
    expect(local.storageAccountUrl ?? local.storageConnectionString).toBeUndefined();
  });

  test('takes only an https account URL, without a query (a SAS token is a key too)', () => {
    expect(problem(production({ AZURE_STORAGE_ACCOUNT_URL: 'http://stmitwirken.table.core.windows.net' }))).toMatch(
      /AZURE_STORAGE_ACCOUNT_URL: must be an https URL/,
    );
    expect(problem(production({ AZURE_STORAGE_ACCOUNT_URL: 'stmitwirken' }))).toMatch(
      /AZURE_STORAGE_ACCOUNT_URL: must be an https URL/,
    );
    expect(problem(production({ AZURE_STORAGE_ACCOUNT_URL: `${ACCOUNT_URL}?sv=2024&sig=abc` }))).toMatch(
      /AZURE_STORAGE_ACCOUNT_URL: must not carry a query or SAS token/,
    );
  });

  test('takes only a GUID as AZURE_CLIENT_ID', () => {
    expect(problem(production({ AZURE_CLIENT_ID: 'mitwirken-identity' }))).toMatch(
      /AZURE_CLIENT_ID: must be the client id \(a GUID\)/,
    );
    expect(loadConfig(production({ AZURE_CLIENT_ID: ' ' })).managedIdentityClientId).toBeUndefined();
  });
});

describe('the bot identity', () => {
  test('UserAssignedMSI: the identity client id and tenant, and no password', () => {
    const config = loadConfig(
      production({ MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppId: IDENTITY, MicrosoftAppPassword: undefined }),
    );
    expect(config).toMatchObject({ appType: 'UserAssignedMSI', appId: IDENTITY, appTenantId: TENANT });
    expect(config.appPassword).toBeUndefined();
  });

  test('UserAssignedMSI requires MicrosoftAppTenantId and refuses a password, as botbuilder would at the first request', () => {
    const message = problem(production({ MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: undefined }));
    expect(message).toMatch(/MicrosoftAppTenantId: required for UserAssignedMSI/);
    expect(message).toMatch(/MicrosoftAppPassword: must be empty for UserAssignedMSI/);
  });

  test('SingleTenant requires the password and the tenant; MultiTenant the password', () => {
    const single = problem(production({ MicrosoftAppPassword: undefined, MicrosoftAppTenantId: undefined }));
    expect(single).toMatch(/MicrosoftAppPassword: required for SingleTenant/);
    expect(single).toMatch(/MicrosoftAppTenantId: required for SingleTenant/);
    expect(problem(production({ MicrosoftAppType: 'MultiTenant', MicrosoftAppPassword: ' ' }))).toMatch(
      /MicrosoftAppPassword: required for MultiTenant/,
    );
    expect(loadConfig(production({ MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: undefined })).appType).toBe(
      'MultiTenant',
    );
  });

  test('local mode needs no credentials at all', () => {
    expect(loadConfig({ MicrosoftAppType: 'UserAssignedMSI' }).localMode).toBe(true);
  });
});

describe('telemetry setting', () => {
  test('is off without APPLICATIONINSIGHTS_CONNECTION_STRING, and takes an Application Insights connection string', () => {
    expect(loadConfig({}).appInsightsConnectionString).toBeUndefined();
    const value =
      'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://germanywestcentral-1.in.applicationinsights.azure.com/';
    expect(loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: value }).appInsightsConnectionString).toBe(value);
  });

  test('refuses a value that is not one', () => {
    expect(
      problem({
        APPLICATIONINSIGHTS_CONNECTION_STRING: 'https://germanywestcentral-1.in.applicationinsights.azure.com/',
      }),
    ).toMatch(/APPLICATIONINSIGHTS_CONNECTION_STRING: not an Application Insights connection string/);
  });
});

describe('secrets and thresholds', () => {
  test('refuses a Key Vault reference App Service could not resolve, for the answer secret and the app password', () => {
    const reference = '@Microsoft.KeyVault(SecretUri=https://kv-mitwirken.vault.azure.net/secrets/answer-secret/)';
    expect(problem(production({ ANSWER_SECRET: reference }))).toMatch(
      /ANSWER_SECRET: is an unresolved Key Vault reference/,
    );
    expect(problem(production({ MicrosoftAppPassword: reference }))).toMatch(
      /MicrosoftAppPassword: is an unresolved Key Vault reference/,
    );
  });

  test('takes resolved secrets as they are', () => {
    expect(loadConfig(production()).answerSecret).toBe('x'.repeat(32));
  });

  test('shows anonymous texts from 10 people by default, never below MIN_GROUP_SIZE, and follows a larger MIN_GROUP_SIZE', () => {
    expect(loadConfig({}).minGroupSizeText).toBe(10);
    expect(loadConfig({ MIN_GROUP_SIZE: '12' }).minGroupSizeText).toBe(12);
    expect(loadConfig({ MIN_GROUP_SIZE_TEXT: '6' }).minGroupSizeText).toBe(6);
    expect(problem({ MIN_GROUP_SIZE: '7', MIN_GROUP_SIZE_TEXT: '6' })).toMatch(
      /MIN_GROUP_SIZE_TEXT: must not be below MIN_GROUP_SIZE \(7\)/,
    );
  });
});
