// Mitwirken on Azure: everything the bot needs, in one resource group.
//
//   az deployment group create -g <resource group> --parameters infra/main.bicepparam
//
// docs/deploy.md walks through it and explains every parameter and every setting.
//
// Resources: a user-assigned managed identity (the bot's identity towards Table Storage and Key Vault, and by default
// towards the Bot Framework too), the Azure Bot with the Microsoft Teams channel only, App Service on Linux (Node 24)
// or Container Apps, a Storage account for the tables (no shared keys), Key Vault (RBAC) for the secrets,
// Application Insights on a Log Analytics workspace.
//
// App settings. Every environment variable the bot gets is declared in a top-level `var …Settings` list, here or in a
// hosting module: `{ name, value }`, or `{ name, secretName, secretUri }` for a Key Vault secret. The App Service
// module turns secrets into Key Vault references (`@Microsoft.KeyVault(SecretUri=…)`), the Container Apps module into
// Key Vault secrets with `secretRef`. test/infra-template.spec.ts reads these lists (regular expressions over the
// `var …Settings` declarations) and checks them against the keys bot/config.ts reads and against the settings table
// in docs/deploy.md, both ways.
//
// Settings bot/config.ts reads that this template leaves out on purpose (the spec reads these lines too):
// left out: AZURE_STORAGE_CONNECTION_STRING – shared-key access is off; the bot reaches Table Storage with its managed identity (AZURE_STORAGE_ACCOUNT_URL). An operator sets it only to use Cosmos DB for Table instead
// left out: DATA_DIR – local mode only (embedded table storage, generated answer secret)
// left out: PLAYGROUND – local mode only; the Agents Playground never starts when MicrosoftAppId is set

targetScope = 'resourceGroup'

// ---------------------------------------------------------------------------------------------------------------
// Where and what

@description('Azure region of every regional resource (the Azure Bot itself is global). Default: the resource group\'s.')
param location string = resourceGroup().location

@description('Short name in every resource name: 3–12 lowercase letters, digits or hyphens.')
@minLength(3)
@maxLength(12)
param baseName string = 'mitwirken'

@description('Tags put on every resource.')
param tags object = {}

@description('How the bot signs in to the Bot Framework. UserAssignedMSI: with the managed identity this template creates, no secret at all. SingleTenant: with an Entra app registration and its client secret (botAppId, botAppPassword).')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botAuth string = 'UserAssignedMSI'

@description('SingleTenant only: the application (client) id of the Entra app registration.')
param botAppId string = ''

@secure()
@description('SingleTenant only: the client secret of the app registration. Written to Key Vault (bot-app-password) when given; leave it empty on later deployments to keep the stored one.')
param botAppPassword string = ''

@secure()
@description('ANSWER_SECRET, the HMAC key of the anonymous voter roll (at least 32 characters). Give it on the first deployment; it is kept in Key Vault (answer-secret). Leave it empty later: the stored one is used. Never change it.')
param answerSecret string = ''

@description('Pricing tier of the Azure Bot: F0 (free; the Teams channel is a standard channel) or S1 (with SLA).')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Where the bot runs: appService (App Service on Linux, Node 24, the built app as a zip; the default) or containerApps (the image built from the repository\'s Dockerfile).')
@allowed([
  'appService'
  'containerApps'
])
param hosting string = 'appService'

@description('appService only: the plan\'s SKU. Basic (B1) or higher, because Always On keeps the scheduler running; P0v3 or higher for production.')
param appServiceSku string = 'B1'

@description('containerApps only: the image, e.g. <registry>.azurecr.io/mitwirken:0.2.0. Empty on the first deployment: the registry is created, the container app not yet.')
param containerImage string = ''

@description('Replication of the storage account. Standard_ZRS keeps the tables in three zones of the region.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_ZRS'

@description('Days Log Analytics keeps logs and telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

// ---------------------------------------------------------------------------------------------------------------
// The bot's own settings (docs/deploy.md, section 8, says what each does)

@description('ADMIN_AAD_IDS: Entra object ids of the participation team, who are always admins. Without any, nobody can grant admin rights in production.')
param adminAadIds array = []

@description('ALLOWED_TENANT_IDS: Entra tenants whose activities are accepted (others get 403). Default: this subscription\'s tenant.')
param allowedTenantIds array = [
  tenant().tenantId
]

@description('DEFAULT_LOCALE: language when a client sends none.')
@allowed([
  'de'
  'en'
])
param defaultLocale string = 'de'

@description('TIMEZONE: IANA time zone of dates, ISO weeks and schedules.')
param timeZone string = 'Europe/Berlin'

@description('DIGEST_CRON: when the weekly leader digest goes out (minute hour * * weekday, in TIMEZONE).')
param digestCron string = '0 8 * * 1'

@description('PROGRESS_CRON: when the monthly progress post goes into each team\'s General (minute hour day-of-month * weekday, in TIMEZONE; day and weekday must both match).')
param progressCron string = '0 9 1-7 * 1'

@description('MIN_GROUP_SIZE: results appear only from this many answers (never below 3).')
@minValue(3)
param minGroupSize int = 5

@description('MIN_GROUP_SIZE_TEXT: anonymous idea texts appear only from this many people (never below MIN_GROUP_SIZE). Default: the larger of 10 and MIN_GROUP_SIZE.')
@minValue(3)
param minGroupSizeText int?

@description('RETENTION_DAYS: days answers and names are kept after an item closes.')
@minValue(1)
@maxValue(3650)
param retentionDays int = 365

@description('DECISION_DUE_DAYS: days after which an idea still new or under review shows in the leaders\' digest as waiting for a decision.')
@minValue(1)
@maxValue(365)
param decisionDueDays int = 21

@description('APPROVAL_REQUIRED: campaigns wait for the staff council\'s approval before they are scheduled.')
param approvalRequired bool = true

@description('APPROVALS_NEEDED: how many staff council members must approve a campaign.')
@minValue(1)
@maxValue(20)
param approvalsNeeded int = 1

@description('APPROVAL_FOR_ADHOC: ad-hoc polls and prompts that need the council\'s approval too.')
@allowed(['none', 'anonymous', 'all'])
param approvalForAdhoc string = 'none'

@description('LEADERS_MAY_POST: leaders may post ad-hoc polls and prompts in the teams they lead.')
param leadersMayPost bool = true

@description('ADDRESS: how German texts address people, formally (sie) or informally (du).')
@allowed(['sie', 'du'])
param germanAddress string = 'sie'

@description('CATCH_UP_WINDOW: missed campaign posts younger than this ISO 8601 duration are posted late.')
param catchUpWindow string = 'PT6H'

@description('TEAMS_TENANT_RATE: Teams\' request limit per app and tenant, per second.')
@minValue(1)
@maxValue(1000)
param teamsTenantRate int = 50

@description('LOG_LEVEL of the bot\'s JSON logs.')
@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
  'silent'
])
param logLevel string = 'info'

@description('CAMPAIGNS_DIR: folder of campaign files, relative to the app\'s folder or absolute (a mounted share).')
param campaignsDir string = 'campaigns'

@description('ORG_FILE: the organisation file naming each team\'s leaders. Empty: none.')
param orgFile string = ''

@description('PUBLIC_BASE_URL: where users\' browsers reach the bot, https, no trailing slash (for download links; also the messaging endpoint\'s base). Empty: the host\'s own https address.')
param publicBaseUrl string = ''

@description('BOT_OPENID_METADATA_URL: only for sovereign clouds. Empty: the Bot Framework public cloud.')
param botOpenIdMetadataUrl string = ''

@description('SHUTDOWN_TIMEOUT_MS: how long a stopping instance may take to finish its work after SIGTERM.')
@minValue(1000)
param shutdownTimeoutMs int = 25000

// ---------------------------------------------------------------------------------------------------------------
// Names

var suffix = take(uniqueString(resourceGroup().id, baseName), 6)
var compactName = toLower(replace(baseName, '-', ''))
var names = {
  identity: 'id-${baseName}'
  bot: 'bot-${baseName}-${suffix}'
  storage: 'st${compactName}${suffix}'
  keyVault: 'kv-${baseName}-${suffix}'
  logAnalytics: 'log-${baseName}'
  appInsights: 'appi-${baseName}'
  plan: 'plan-${baseName}'
  webApp: '${baseName}-${suffix}'
  registry: 'cr${compactName}${suffix}'
  containerEnvironment: 'cae-${baseName}'
  containerApp: 'ca-${baseName}'
}

// ---------------------------------------------------------------------------------------------------------------
// Resources

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: tags
    workspaceName: names.logAnalytics
    appInsightsName: names.appInsights
    retentionDays: logRetentionDays
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    tags: tags
    name: names.storage
    sku: storageSku
    identityId: identity.id
    principalId: identity.properties.principalId
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    tags: tags
    name: names.keyVault
    identityId: identity.id
    principalId: identity.properties.principalId
    workspaceId: monitoring.outputs.workspaceId
    answerSecret: answerSecret
    withBotAppPassword: botAuth == 'SingleTenant'
    botAppPassword: botAppPassword
  }
}

var botAppIdValue = botAuth == 'UserAssignedMSI' ? identity.properties.clientId : botAppId

// The settings both hosts get as they are. Numbers are strings: app settings and environment variables are text.
var appSettings = [
  {
    name: 'MicrosoftAppId'
    value: botAppIdValue
  }
  {
    name: 'MicrosoftAppType'
    value: botAuth
  }
  {
    name: 'MicrosoftAppTenantId'
    value: tenant().tenantId
  }
  {
    // the user-assigned identity @azure/identity signs in with (Table Storage)
    name: 'AZURE_CLIENT_ID'
    value: identity.properties.clientId
  }
  {
    name: 'AZURE_STORAGE_ACCOUNT_URL'
    value: storage.outputs.tableEndpoint
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: monitoring.outputs.connectionString
  }
  {
    name: 'ADMIN_AAD_IDS'
    value: join(adminAadIds, ',')
  }
  {
    name: 'ALLOWED_TENANT_IDS'
    value: join(allowedTenantIds, ',')
  }
  {
    name: 'DEFAULT_LOCALE'
    value: defaultLocale
  }
  {
    name: 'TIMEZONE'
    value: timeZone
  }
  {
    name: 'DIGEST_CRON'
    value: digestCron
  }
  {
    name: 'PROGRESS_CRON'
    value: progressCron
  }
  {
    name: 'MIN_GROUP_SIZE'
    value: string(minGroupSize)
  }
  {
    name: 'MIN_GROUP_SIZE_TEXT'
    value: string(minGroupSizeText ?? max(10, minGroupSize))
  }
  {
    name: 'RETENTION_DAYS'
    value: string(retentionDays)
  }
  {
    name: 'DECISION_DUE_DAYS'
    value: string(decisionDueDays)
  }
  {
    name: 'CATCH_UP_WINDOW'
    value: catchUpWindow
  }
  {
    name: 'APPROVAL_REQUIRED'
    value: approvalRequired ? 'on' : 'off'
  }
  {
    name: 'APPROVALS_NEEDED'
    value: string(approvalsNeeded)
  }
  {
    name: 'APPROVAL_FOR_ADHOC'
    value: approvalForAdhoc
  }
  {
    name: 'LEADERS_MAY_POST'
    value: leadersMayPost ? 'on' : 'off'
  }
  {
    name: 'ADDRESS'
    value: germanAddress
  }
  {
    name: 'TEAMS_TENANT_RATE'
    value: string(teamsTenantRate)
  }
  {
    name: 'LOG_LEVEL'
    value: logLevel
  }
  {
    name: 'CAMPAIGNS_DIR'
    value: campaignsDir
  }
  {
    name: 'ORG_FILE'
    value: orgFile
  }
  {
    name: 'BOT_OPENID_METADATA_URL'
    value: botOpenIdMetadataUrl
  }
  {
    name: 'SHUTDOWN_TIMEOUT_MS'
    value: string(shutdownTimeoutMs)
  }
  {
    // Node's and glibc's own settings, not the bot's: less resident memory (docs/operations.md)
    name: 'NODE_OPTIONS'
    value: '--max-old-space-size=256'
  }
  {
    name: 'MALLOC_ARENA_MAX'
    value: '2'
  }
]

// The secrets: each lives in Key Vault and reaches the app as a reference, never as a value in a setting.
var answerSecretSettings = [
  {
    name: 'ANSWER_SECRET'
    secretName: 'answer-secret'
    secretUri: vault.outputs.answerSecretUri
  }
]
var botAppPasswordSettings = [
  {
    name: 'MicrosoftAppPassword'
    secretName: 'bot-app-password'
    secretUri: vault.outputs.botAppPasswordUri
  }
]
var secretSettings = concat(answerSecretSettings, botAuth == 'SingleTenant' ? botAppPasswordSettings : [])

module appService 'modules/appservice.bicep' = if (hosting == 'appService') {
  name: 'appservice'
  params: {
    location: location
    tags: tags
    planName: names.plan
    appName: names.webApp
    sku: appServiceSku
    identityId: identity.id
    settings: appSettings
    secretSettings: secretSettings
    publicBaseUrl: publicBaseUrl
    workspaceId: monitoring.outputs.workspaceId
  }
}

module containerApp 'modules/containerapp.bicep' = if (hosting == 'containerApps') {
  name: 'containerapp'
  params: {
    location: location
    tags: tags
    registryName: names.registry
    environmentName: names.containerEnvironment
    appName: names.containerApp
    image: containerImage
    identityId: identity.id
    principalId: identity.properties.principalId
    settings: appSettings
    secretSettings: secretSettings
    publicBaseUrl: publicBaseUrl
    workspaceId: monitoring.outputs.workspaceId
  }
}

var baseUrl = hosting == 'appService' ? appService.outputs.baseUrl : containerApp.outputs.baseUrl
var messagingEndpoint = empty(baseUrl) ? '' : '${baseUrl}/api/messages'

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: names.bot
    tags: tags
    sku: botSku
    botAuth: botAuth
    appId: botAppIdValue
    tenantId: tenant().tenantId
    identityId: identity.id
    endpoint: messagingEndpoint
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Outputs

@description('The messaging endpoint the Azure Bot calls (empty until a container image is deployed, with containerApps).')
output messagingEndpoint string = messagingEndpoint

@description('The bot id (MicrosoftAppId): the Teams app package needs it (MicrosoftAppId=<botId> npm run package).')
output botId string = botAppIdValue

@description('The client id of the managed identity (AZURE_CLIENT_ID; with UserAssignedMSI also the bot id).')
output identityClientId string = identity.properties.clientId

@description('The Azure Bot resource.')
output botName string = bot.outputs.name

@description('The App Service app or container app the code is deployed to.')
output appName string = hosting == 'appService' ? names.webApp : names.containerApp

@description('containerApps only: the registry to push the image to.')
output registryLoginServer string = hosting == 'containerApps' ? containerApp.outputs.registryLoginServer : ''

@description('The Key Vault holding answer-secret (and bot-app-password with SingleTenant).')
output keyVaultName string = names.keyVault

@description('The storage account holding the tables.')
output storageAccountName string = names.storage
