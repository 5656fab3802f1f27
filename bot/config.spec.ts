import { loadConfig } from './config';

const production = { MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'p'.repeat(40), ANSWER_SECRET: 's'.repeat(40), AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' };

describe('loadConfig', () => {
  test('refuses a Key Vault reference App Service could not resolve, for the answer secret and the app password', () => {
    const reference = '@Microsoft.KeyVault(SecretUri=https://kv-mitwirken.vault.azure.net/secrets/answer-secret/)';
    expect(() => loadConfig({ ...production, ANSWER_SECRET: reference })).toThrow(/ANSWER_SECRET: is an unresolved Key Vault reference/);
    expect(() => loadConfig({ ...production, MicrosoftAppPassword: reference })).toThrow(/MicrosoftAppPassword: is an unresolved Key Vault reference/);
  });

  test('takes resolved secrets as they are', () => {
    expect(loadConfig(production).answerSecret).toBe(production.ANSWER_SECRET);
  });

  test('shows anonymous texts from 10 people by default, never below MIN_GROUP_SIZE, and follows a larger MIN_GROUP_SIZE', () => {
    expect(loadConfig({}).minGroupSizeText).toBe(10);
    expect(loadConfig({ MIN_GROUP_SIZE: '12' }).minGroupSizeText).toBe(12);
    expect(loadConfig({ MIN_GROUP_SIZE_TEXT: '6' }).minGroupSizeText).toBe(6);
    expect(() => loadConfig({ MIN_GROUP_SIZE: '7', MIN_GROUP_SIZE_TEXT: '6' })).toThrow(/MIN_GROUP_SIZE_TEXT: must not be below MIN_GROUP_SIZE \(7\)/);
  });
});
