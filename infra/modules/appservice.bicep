// App Service on Linux running the built app with Node 24 (the default hosting).
//
// One always-on process per instance: the scheduler runs inside it, so Always On must stay on (Basic tier or
// higher). The managed identity is the app's only identity; it resolves the Key Vault references
// (keyVaultReferenceIdentity) and is the identity the bot uses for Table Storage (AZURE_CLIENT_ID) and, with
// UserAssignedMSI, for the Bot Framework. The code arrives as a zip (`npm ci --omit=dev` + dist/), deployed with
// `az webapp deploy` (docs/deploy.md, section 4); FTP and basic-auth publishing are off.
//
// The app settings are one resource (sites/config appsettings): a deployment replaces all of them, so settings
// belong in the template's parameters, not in the portal.

param location string
param tags object
param planName string
param appName string
param sku string
param identityId string
param settings array
param secretSettings array
param publicBaseUrl string
param workspaceId string

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: sku
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      appCommandLine: 'node dist/host/main.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
}

resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

var baseUrl = empty(publicBaseUrl) ? 'https://${site.properties.defaultHostName}' : publicBaseUrl

// What this host adds: where browsers reach the bot, and that the deployed zip is run as it is. PORT is not set:
// App Service sets it (8080) and routes to it.
var hostSettings = [
  {
    name: 'PUBLIC_BASE_URL'
    value: baseUrl
  }
  {
    name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
    value: 'false'
  }
]

// Secrets as Key Vault references, resolved by App Service with keyVaultReferenceIdentity.
var keyVaultReferences = map(secretSettings, secret => {
  name: secret.name
  value: '@Microsoft.KeyVault(SecretUri=${secret.secretUri})'
})

resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: toObject(concat(settings, keyVaultReferences, hostSettings), setting => setting.name, setting => setting.value)
}

// The bot's JSON log lines (stdout), the HTTP log and platform events go to the Log Analytics workspace.
resource logs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs-to-log-analytics'
  scope: site
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

output baseUrl string = baseUrl
output name string = site.name
