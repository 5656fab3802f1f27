// The storage account for the bot's tables. No account keys: shared-key access is off, so the only way in is
// Microsoft Entra ID, and the bot's managed identity holds "Storage Table Data Contributor" (read, write and delete
// entities, create tables: the bot creates its tables at start).

param location string
param tags object
param name string
param sku string
param identityId string
param principalId string

// Storage Table Data Contributor (built-in role)
var tableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: sku
  }
  properties: {
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
    accessTier: 'Hot'
  }
}

resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, identityId, tableDataContributorRoleId)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', tableDataContributorRoleId)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// a module's outputs exist once all of it is deployed: whoever uses the endpoint waits for the role assignment too.
output tableEndpoint string = account.properties.primaryEndpoints.table
