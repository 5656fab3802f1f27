// The Azure Bot with the Microsoft Teams channel and nothing else.
//
// Azure creates a Web Chat channel with a "Default Site" (and its secret keys) for every new bot. This module
// declares that channel with no sites, which removes the site and its keys, and switches channel keys off
// altogether (disableLocalAuth): no browser can reach the bot through Web Chat or Direct Line. No Direct Line channel
// is declared. The bot itself also refuses any channel but Microsoft Teams (403).

param name string
param tags object
param sku string
param botAuth string
param appId string
param tenantId string
param identityId string
param endpoint string

var botProperties = {
  displayName: 'Mitwirken'
  description: 'Mitwirken – Beteiligung der Beschäftigten in Microsoft Teams'
  endpoint: endpoint
  msaAppId: appId
  msaAppType: botAuth
  msaAppTenantId: tenantId
  disableLocalAuth: true
  isStreamingSupported: false
}

// UserAssignedMSI: the bot signs in as the managed identity (msaAppId is its client id).
var managedIdentityProperties = {
  msaAppMSIResourceId: identityId
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  kind: 'azurebot'
  tags: tags
  sku: {
    name: sku
  }
  properties: union(botProperties, botAuth == 'UserAssignedMSI' ? managedIdentityProperties : {})
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
      enableCalling: false
    }
  }
}

resource webChat 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'WebChatChannel'
  location: 'global'
  properties: {
    channelName: 'WebChatChannel'
    properties: {
      sites: []
    }
  }
}

output name string = bot.name
