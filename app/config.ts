import { z } from 'zod';
import { IANAZone } from 'luxon';
import { nominalMillis, parseIsoDuration } from '../core/campaigns/iso-duration';
import { digestCronSchema, type DigestCron } from '../core/digest/digest-schedule';
import { progressCronSchema, type ProgressCron } from '../core/progress/progress-schedule';

const list = z
  .string()
  .optional()
  .transform((s) =>
    (s ?? '')
      .split(/[,;\s]+/)
      .map((x) => x.trim())
      .filter(Boolean),
  );

const onOff = z
  .enum(['on', 'off', 'true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => !(v === 'off' || v === 'false' || v === '0'));

/** a GUID such as an Entra client id. */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** an optional setting: empty or blank counts as unset. */
const optionalText = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((s) => s || undefined);

/** https everywhere; plain http only for a loopback host (tests). */
function httpsOrLoopback(url: string): boolean {
  const u = new URL(url);
  return u.protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
}

/** the graceful shutdown's deadline: inside Container Apps' 30 s between SIGTERM and SIGKILL, with room for the exit. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 25_000;

/** the environment variables Mitwirken reads; .env.example documents each. */
/**
 * a secret from the app settings. App Service passes a Key Vault reference it could not resolve (the identity lacks
 * access yet) as its literal text, which would otherwise pass as a long, valid secret.
 */
const secretSetting = z.string().refine((v) => !v.trim().startsWith('@Microsoft.KeyVault('), {
  message:
    'is an unresolved Key Vault reference: give the app identity the role "Key Vault Secrets User" on the vault, then restart',
});

const envSchema = z.object({
  MicrosoftAppId: z
    .string()
    .trim()
    .optional()
    .transform((s) => s || undefined),
  MicrosoftAppPassword: secretSetting.optional(),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  AZURE_STORAGE_CONNECTION_STRING: optionalText(),
  AZURE_STORAGE_ACCOUNT_URL: optionalText().pipe(
    z
      .url({ protocol: /^https$/, message: 'must be an https URL such as https://<account>.table.core.windows.net' })
      .refine((u) => !/[?#]/.test(u), {
        message: 'must not carry a query or SAS token: the managed identity signs in instead',
      })
      .transform((u) => u.replace(/\/+$/, ''))
      .optional(),
  ),
  AZURE_CLIENT_ID: optionalText().pipe(
    z
      .string()
      .regex(GUID, { message: 'must be the client id (a GUID) of a user-assigned managed identity' })
      .optional(),
  ),
  APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText().pipe(
    z
      .string()
      .regex(/(^|;)\s*InstrumentationKey=[^;]+/i, {
        message: 'not an Application Insights connection string (InstrumentationKey=…;IngestionEndpoint=…)',
      })
      .optional(),
  ),
  DATA_DIR: z.string().default('.data'),
  PLAYGROUND: onOff,
  ADMIN_AAD_IDS: list,
  DEFAULT_LOCALE: z.enum(['de', 'en']).default('de'),
  TIMEZONE: z
    .string()
    .default('Europe/Berlin')
    .refine((tz) => IANAZone.isValidZone(tz), { message: 'not an IANA time zone' }),
  DIGEST_CRON: digestCronSchema,
  PROGRESS_CRON: progressCronSchema,
  MIN_GROUP_SIZE: z.coerce.number().int().min(3, { message: 'must be at least 3 (anonymity floor)' }).default(5),
  MIN_GROUP_SIZE_TEXT: z.coerce.number().int().min(3, { message: 'must be at least 3 (anonymity floor)' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CAMPAIGNS_DIR: z.string().default('campaigns'),
  CATCH_UP_WINDOW: z
    .string()
    .default('PT6H')
    .transform((v, ctx) => {
      const d = parseIsoDuration(v);
      if (!d) ctx.addIssue({ code: 'custom', message: 'not an ISO 8601 duration such as PT6H' });
      return d ? nominalMillis(d) : 0;
    }),
  TEAMS_TENANT_RATE: z.coerce.number().positive().max(1000).default(50),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  DECISION_DUE_DAYS: z.coerce.number().int().min(1, { message: 'must be at least 1 (days)' }).max(365).default(21),
  APPROVAL_REQUIRED: z
    .enum(['on', 'off', 'true', 'false', '1', '0', ''])
    .optional()
    .transform((v) => (v === undefined || v === '' ? undefined : !(v === 'off' || v === 'false' || v === '0'))),
  APPROVALS_NEEDED: z.coerce.number().int().min(1, { message: 'must be at least 1' }).max(20).default(1),
  APPROVAL_FOR_ADHOC: z.enum(['none', 'anonymous', 'all']).default('none'),
  LEADERS_MAY_POST: onOff,
  ADDRESS: z.enum(['du', 'sie']).default('sie'),
  ANSWER_SECRET: secretSetting.pipe(z.string().min(32, { message: 'must be at least 32 characters' })).optional(),
  ALLOWED_TENANT_IDS: list,
  ORG_FILE: z
    .string()
    .trim()
    .optional()
    .transform((s) => s || undefined),
  PUBLIC_BASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((s) => s || undefined)
    .pipe(
      z
        .url({ protocol: /^https?$/ })
        .refine(httpsOrLoopback, { message: 'must be https (http only on loopback)' })
        .transform((u) => u.replace(/\/+$/, ''))
        .optional(),
    ),
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1000, { message: 'must be at least 1000 (ms)' })
    .max(600_000, { message: 'must be at most 600000 (ms)' })
    .default(DEFAULT_SHUTDOWN_TIMEOUT_MS),
  BOT_OPENID_METADATA_URL: z
    .string()
    .trim()
    .optional()
    .transform((s) => s || undefined)
    .pipe(
      z
        .url({ protocol: /^https?$/ })
        .refine(httpsOrLoopback, { message: 'must be https (http only on loopback)' })
        .optional(),
    ),
});

/** every environment variable the bot reads (.env.example and README's configuration table list each). */
export const CONFIG_KEYS = Object.keys(envSchema.shape);

/** validated configuration. Local mode = no MicrosoftAppId: embedded storage, Agents Playground, no auth. */
export interface Config {
  appId?: string;
  appPassword?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  appTenantId?: string;
  port: number;
  /** Azure Storage, Cosmos DB for Table or Azurite, with a key (AZURE_STORAGE_CONNECTION_STRING); never set together with `storageAccountUrl`. */
  storageConnectionString?: string;
  /** the table endpoint reached without a key, with an Entra token (AZURE_STORAGE_ACCOUNT_URL, https). */
  storageAccountUrl?: string;
  /** the user-assigned managed identity that signs in to storage (AZURE_CLIENT_ID); unset = the system-assigned one, or developer credentials locally. */
  managedIdentityClientId?: string;
  /** where telemetry goes (APPLICATIONINSIGHTS_CONNECTION_STRING); unset = no telemetry, nothing of it loaded. */
  appInsightsConnectionString?: string;
  dataDir: string;
  playground: boolean;
  adminIds: string[];
  defaultLocale: 'de' | 'en';
  timeZone: string;
  /** when the weekly leader digest goes out (DIGEST_CRON, default Monday 08:00 in `timeZone`). */
  digestCron: DigestCron;
  /** when the monthly progress post goes into each team's General (PROGRESS_CRON, default the first Monday 09:00 in `timeZone`). */
  progressCron: ProgressCron;
  minGroupSize: number;
  /** the smallest group whose anonymous free texts may be shown (MIN_GROUP_SIZE_TEXT, default 10, never below minGroupSize). */
  minGroupSizeText: number;
  logLevel: string;
  answerSecret?: string;
  /** folder of campaign files (YAML or JSON). */
  campaignsDir: string;
  /** missed campaign slots younger than this (ms) are posted late; older ones are skipped. */
  catchUpWindowMs: number;
  /** Teams' request limit per app and tenant (requests per second); the outbound queue stays just below it. */
  teamsTenantRate: number;
  /** days answers and names are kept after an item closes, unless its campaign sets retentionDays (RETENTION_DAYS, default 365). */
  retentionDays: number;
  /** days after which an idea still new or under review shows in its leaders' digest as waiting (DECISION_DUE_DAYS, default 21). */
  decisionDueDays: number;
  /** campaigns wait for the staff council's approval before they are scheduled (APPROVAL_REQUIRED; default on outside local mode). */
  approvalRequired: boolean;
  /** how many council members must approve a campaign (APPROVALS_NEEDED, default 1). */
  approvalsNeeded: number;
  /** ad-hoc items that need approval too: none (default), anonymous ones, or all (APPROVAL_FOR_ADHOC). */
  approvalForAdhoc: 'none' | 'anonymous' | 'all';
  /** leaders may post ad-hoc polls and prompts in the teams they lead (LEADERS_MAY_POST, default on). */
  leadersMayPost: boolean;
  /** how German texts address people: 'sie' (formal, default) or 'du' (ADDRESS). */
  address: 'du' | 'sie';
  /** when not empty, only activities from these Entra tenants reach the bot (others get 403). */
  allowedTenantIds: string[];
  /** the organisation file (YAML or JSON) naming the leaders of each team; loaded at start and on `kampagnen laden`. */
  orgFile?: string;
  /** where users' browsers reach this bot (export download links); local mode defaults to http://localhost:<port>. */
  publicBaseUrl?: string;
  /** OpenID metadata of the Bot Connector's signing keys; unset = Bot Framework public cloud (for tests and sovereign clouds). */
  openIdMetadataUrl?: string;
  /** hard deadline of a graceful shutdown (ms); when it passes, the process logs it and exits with 1. */
  shutdownTimeoutMs: number;
  localMode: boolean;
}

/** anonymous free text identifies people more easily than a count: shown from twice the default group (docs/privacy.md). */
export const DEFAULT_MIN_GROUP_SIZE_TEXT = 10;

type Env = z.infer<typeof envSchema>;

/**
 * how the bot signs in to the Bot Connector, checked as botbuilder would at its first request, but at start and with
 * every problem named: a client secret (MultiTenant, SingleTenant), or a user-assigned managed identity
 * (UserAssignedMSI: MicrosoftAppId is the identity's client id, and there is no secret). Local mode needs none.
 */
function appCredentialProblems(e: Env): string[] {
  if (!e.MicrosoftAppId) return [];
  const problems: string[] = [];
  const password = Boolean(e.MicrosoftAppPassword?.trim());
  const tenant = Boolean(e.MicrosoftAppTenantId?.trim());
  if (e.MicrosoftAppType === 'UserAssignedMSI') {
    if (password)
      problems.push(
        'MicrosoftAppPassword: must be empty for UserAssignedMSI: the managed identity signs in without a secret',
      );
    if (!tenant) problems.push('MicrosoftAppTenantId: required for UserAssignedMSI');
    return problems;
  }
  if (!password)
    problems.push(
      `MicrosoftAppPassword: required for ${e.MicrosoftAppType} (or use MicrosoftAppType=UserAssignedMSI with a managed identity)`,
    );
  if (e.MicrosoftAppType === 'SingleTenant' && !tenant)
    problems.push('MicrosoftAppTenantId: required for SingleTenant');
  return problems;
}

/** where the tables are: a connection string, or an account URL reached with the managed identity; never both; one of them outside local mode. */
function storageProblems(e: Env, localMode: boolean): string[] {
  if (e.AZURE_STORAGE_ACCOUNT_URL && e.AZURE_STORAGE_CONNECTION_STRING) {
    return [
      'AZURE_STORAGE_ACCOUNT_URL, AZURE_STORAGE_CONNECTION_STRING: set one of them, not both (the account URL signs in with the managed identity, the connection string with its key)',
    ];
  }
  if (!localMode && !e.AZURE_STORAGE_ACCOUNT_URL && !e.AZURE_STORAGE_CONNECTION_STRING) {
    return ['AZURE_STORAGE_ACCOUNT_URL or AZURE_STORAGE_CONNECTION_STRING: one is required when MicrosoftAppId is set'];
  }
  return [];
}

/** reads and validates the environment once; throws one readable error listing every bad key. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const localMode = !e.MicrosoftAppId;
  if (!localMode && !e.ANSWER_SECRET)
    throw new Error('Invalid configuration:\n  ANSWER_SECRET: required when MicrosoftAppId is set');
  const minGroupSizeText = e.MIN_GROUP_SIZE_TEXT ?? Math.max(DEFAULT_MIN_GROUP_SIZE_TEXT, e.MIN_GROUP_SIZE);
  if (minGroupSizeText < e.MIN_GROUP_SIZE)
    throw new Error(
      `Invalid configuration:\n  MIN_GROUP_SIZE_TEXT: must not be below MIN_GROUP_SIZE (${e.MIN_GROUP_SIZE})`,
    );
  const problems = [...appCredentialProblems(e), ...storageProblems(e, localMode)];
  if (problems.length > 0) throw new Error(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return {
    appId: e.MicrosoftAppId,
    appPassword: e.MicrosoftAppPassword,
    appType: e.MicrosoftAppType,
    appTenantId: e.MicrosoftAppTenantId,
    port: e.PORT,
    storageConnectionString: e.AZURE_STORAGE_CONNECTION_STRING,
    storageAccountUrl: e.AZURE_STORAGE_ACCOUNT_URL,
    managedIdentityClientId: e.AZURE_CLIENT_ID,
    appInsightsConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING,
    dataDir: e.DATA_DIR,
    playground: localMode && e.PLAYGROUND,
    adminIds: e.ADMIN_AAD_IDS,
    defaultLocale: e.DEFAULT_LOCALE,
    timeZone: e.TIMEZONE,
    digestCron: e.DIGEST_CRON,
    progressCron: e.PROGRESS_CRON,
    minGroupSize: e.MIN_GROUP_SIZE,
    minGroupSizeText,
    logLevel: e.LOG_LEVEL,
    answerSecret: e.ANSWER_SECRET,
    campaignsDir: e.CAMPAIGNS_DIR,
    catchUpWindowMs: e.CATCH_UP_WINDOW,
    teamsTenantRate: e.TEAMS_TENANT_RATE,
    retentionDays: e.RETENTION_DAYS,
    decisionDueDays: e.DECISION_DUE_DAYS,
    allowedTenantIds: e.ALLOWED_TENANT_IDS,
    approvalRequired: e.APPROVAL_REQUIRED ?? !localMode,
    approvalsNeeded: e.APPROVALS_NEEDED,
    approvalForAdhoc: e.APPROVAL_FOR_ADHOC,
    leadersMayPost: e.LEADERS_MAY_POST,
    address: e.ADDRESS,
    openIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
    orgFile: e.ORG_FILE,
    publicBaseUrl: e.PUBLIC_BASE_URL,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    localMode,
  };
}
