// Example parameters for infra/main.bicep. Copy it (e.g. to infra/stadt-beispiel.bicepparam), fill it in, and deploy:
//
//   az deployment group create -g rg-mitwirken --parameters infra/stadt-beispiel.bicepparam
//
// docs/deploy.md, section 3, explains every parameter. Parameters not listed here keep the template's defaults.
using './main.bicep'

param baseName = 'mitwirken'

// UserAssignedMSI: the bot signs in with the managed identity the template creates; no app registration, no secret.
param botAuth = 'UserAssignedMSI'
// SingleTenant instead: an Entra app registration you created, and its client secret (first deployment and rotation):
// param botAuth = 'SingleTenant'
// param botAppId = '<application (client) id>'
// param botAppPassword = readEnvironmentVariable('MITWIRKEN_BOT_APP_PASSWORD', '')

// The HMAC key of the anonymous voter roll. Only on the first deployment:
//   export MITWIRKEN_ANSWER_SECRET="$(openssl rand -base64 48)"
// Later deployments run without the variable and keep the key stored in Key Vault. Never change it.
param answerSecret = readEnvironmentVariable('MITWIRKEN_ANSWER_SECRET', '')

param hosting = 'appService'
param appServiceSku = 'B1'
param botSku = 'F0'
param storageSku = 'Standard_ZRS'

// Entra object ids of the participation team (az ad user show --id anna.schmidt@beispiel.de --query id -o tsv).
param adminAadIds = [
  '<object id of a participation manager>'
]

param defaultLocale = 'de'
param timeZone = 'Europe/Berlin'
param digestCron = '0 8 * * 1'
param progressCron = '0 9 1-7 * 1'
param minGroupSize = 5
param retentionDays = 365
param campaignsDir = 'campaigns'
param orgFile = ''
