// Key Vault with Azure RBAC (no access policies) for the bot's secrets. The managed identity may read secrets
// ("Key Vault Secrets User"); App Service and Container Apps resolve the references with it.
//
// answer-secret (ANSWER_SECRET) must never change: the template writes it only when a value is passed, and
// otherwise reads the stored one, so a later deployment without the parameter keeps it. A first deployment without
// it fails (the secret does not exist) instead of starting the bot without its key. Purge protection keeps a deleted
// vault or secret recoverable for the retention period. The same holds for bot-app-password (SingleTenant only).

param location string
param tags object
param name string
param identityId string
param principalId string
param workspaceId string

@secure()
param answerSecret string

param withBotAppPassword bool

@secure()
param botAppPassword string

// Key Vault Secrets User (built-in role)
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identityId, secretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource answerSecretWritten 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(answerSecret)) {
  parent: vault
  name: 'answer-secret'
  properties: {
    value: answerSecret
    contentType: 'ANSWER_SECRET: HMAC key of the anonymous voter roll. Never change or delete it.'
  }
}

resource answerSecretStored 'Microsoft.KeyVault/vaults/secrets@2023-07-01' existing = {
  parent: vault
  name: 'answer-secret'
}

resource botAppPasswordWritten 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (withBotAppPassword && !empty(botAppPassword)) {
  parent: vault
  name: 'bot-app-password'
  properties: {
    value: botAppPassword
    contentType: 'MicrosoftAppPassword: client secret of the bot\'s app registration'
  }
}

resource botAppPasswordStored 'Microsoft.KeyVault/vaults/secrets@2023-07-01' existing = {
  parent: vault
  name: 'bot-app-password'
}

resource audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit-to-log-analytics'
  scope: vault
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'audit'
        enabled: true
      }
    ]
  }
}

// Versionless URIs: the hosts always read the newest version (a rotated client secret is picked up).
// Reading the stored secret's URI fails the deployment when it does not exist yet.
output answerSecretUri string = empty(answerSecret) ? answerSecretStored.properties.secretUri : answerSecretWritten.properties.secretUri
output botAppPasswordUri string = !withBotAppPassword ? '' : (empty(botAppPassword) ? botAppPasswordStored.properties.secretUri : botAppPasswordWritten.properties.secretUri)
output name string = vault.name
