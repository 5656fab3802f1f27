// Container Apps running the image built from the repository's Dockerfile (the hosting option; App Service is the
// default). A registry, an environment whose logs go to Log Analytics, and the container app with the managed
// identity: it pulls the image (AcrPull), reads the Key Vault secrets and signs in to Table Storage with it.
//
// On the first deployment there is no image yet (containerImage empty): only the registry and the environment are
// created. Build the image into the registry (az acr build), then deploy again with containerImage set.

param location string
param tags object
param registryName string
param environmentName string
param appName string
param image string
param identityId string
param principalId string
param settings array
param secretSettings array
param publicBaseUrl string
param workspaceId string

// AcrPull (built-in role)
var acrPullRoleId = '7f951dda-4ed3-4680-a7ca-43fe172d538d'
var port = 3978

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: registryName
  location: location
  tags: tags
  sku: {
    name: 'Basic'
  }
  properties: {
    adminUserEnabled: false
    anonymousPullEnabled: false
  }
}

resource acrPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, identityId, acrPullRoleId)
  scope: registry
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPullRoleId)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: environmentName
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'azure-monitor'
    }
  }
}

resource environmentLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs-to-log-analytics'
  scope: environment
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
  }
}

var baseUrl = empty(publicBaseUrl) ? 'https://${appName}.${environment.properties.defaultDomain}' : publicBaseUrl

// What this host adds: the port the container listens on (ingress targets it) and where browsers reach the bot.
var containerSettings = [
  {
    name: 'PORT'
    value: string(port)
  }
  {
    name: 'PUBLIC_BASE_URL'
    value: baseUrl
  }
]

// Secrets as Key Vault secrets of the container app, read with the managed identity, handed over by secretRef.
var secretReferences = map(secretSettings, secret => {
  name: secret.name
  secretRef: secret.secretName
})

resource app 'Microsoft.App/containerApps@2024-03-01' = if (!empty(image)) {
  name: appName
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: port
        transport: 'auto'
        allowInsecure: false
      }
      registries: [
        {
          server: registry.properties.loginServer
          identity: identityId
        }
      ]
      secrets: [
        for secret in secretSettings: {
          name: secret.secretName
          keyVaultUrl: secret.secretUri
          identity: identityId
        }
      ]
    }
    template: {
      // above SHUTDOWN_TIMEOUT_MS (25 s): a stopping replica finishes its work before it is killed
      terminationGracePeriodSeconds: 30
      containers: [
        {
          name: 'mitwirken'
          image: image
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          env: concat(settings, secretReferences, containerSettings)
          probes: [
            {
              type: 'Liveness'
              httpGet: {
                path: '/healthz'
                port: port
              }
              periodSeconds: 10
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/readyz'
                port: port
              }
              periodSeconds: 10
              failureThreshold: 3
            }
          ]
        }
      ]
      // at least one replica always: the scheduler runs inside the process (scale to zero would stop campaigns)
      scale: {
        minReplicas: 1
        maxReplicas: 2
      }
    }
  }
  dependsOn: [
    acrPull
  ]
}

output baseUrl string = empty(image) ? '' : baseUrl
output registryLoginServer string = registry.properties.loginServer
