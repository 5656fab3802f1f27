// Log Analytics workspace and a workspace-based Application Insights resource: the bot's telemetry
// (APPLICATIONINSIGHTS_CONNECTION_STRING) and the host's logs end up in the same workspace.

param location string
param tags object
param workspaceName string
param appInsightsName string
param retentionDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

output workspaceId string = workspace.id
output connectionString string = appInsights.properties.ConnectionString
