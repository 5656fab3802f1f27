import { randomUUID } from 'node:crypto';
import { createBotApp, type BotApp } from '../../host/bot-app';
import { loadConfig } from '../../app/config';
import { createLogger } from '../../host/logger';
import type { Telemetry } from '../../app/ports/telemetry';
import { startEmbeddedTableServer, type EmbeddedTableServer } from '../../storage/embedded-azurite';
import { openStorage, type Storage } from '../../storage/open-storage';
import { TeamsConnector, type RosterMember, type TeamsConnectorOptions } from './teams-connector';

export const TENANT = 'tenant-1';
/** the answer secret of every harness: a test playing the attacker of docs/privacy.md (T1) holds it too. */
export const ANSWER_SECRET = 'test-secret-test-secret-test-secret!';
export const BOT = { id: '28:mitwirken-bot', name: 'Mitwirken' };
export const TEAM = { id: '19:team-a@thread.tacv2', name: 'Team Digitalisierung' };
export const OTHER_TEAM = { id: '19:team-b@thread.tacv2', name: 'Team Leistung' };
export const ADMIN = { id: '29:admin', aadObjectId: 'aad-admin', name: 'Sabine Krüger' };
export const people = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `29:user-${i}`, aadObjectId: `aad-user-${i}`, name: `Person ${i}` }));

export type Person = { id: string; aadObjectId: string; name: string };
/** a channel of a team as Teams names it in activities (`channelData.channel`); `type` is standard, private or shared. */
export type TeamChannel = { id: string; name?: string; type?: string };

/** people as the roster API lists them. */
export const rosterOf = (list: readonly Person[]): RosterMember[] =>
  list.map((p) => ({ id: p.id, aadObjectId: p.aadObjectId, name: p.name }));

/**
 * the rosters Teams gives unless a test sets its own: both test teams list the admin and the first 20 of `people`.
 * Only members of an item's team may answer it, so a test's voters must be on its team's roster.
 */
export const DEFAULT_ROSTERS: Record<string, RosterMember[]> = {
  [TEAM.id]: rosterOf([ADMIN, ...people(20)]),
  [OTHER_TEAM.id]: rosterOf([ADMIN, ...people(20)]),
};

/** a message `from` a person in their personal chat as Teams sends it, claiming `tenant`, to post raw (`h.post`). */
export const personalActivity = (h: Pick<BotHarness, 'connector'>, from: Person, tenant = TENANT) => ({
  id: randomUUID(),
  type: 'message',
  channelId: 'msteams',
  serviceUrl: h.connector.url,
  from: { id: from.id, aadObjectId: from.aadObjectId, name: from.name },
  recipient: BOT,
  conversation: { id: `a:personal-${from.id}`, conversationType: 'personal', tenantId: tenant },
  channelData: { tenant: { id: tenant } },
  text: 'hilfe',
});

export interface HttpResult {
  status: number;
  body: unknown;
}

/** a running bot on real HTTP, with embedded Azurite (in memory) and a Bot Connector stand-in. */
export interface BotHarness {
  url: string;
  app: BotApp;
  tableServer: EmbeddedTableServer;
  storage: Storage;
  connector: TeamsConnector;
  logs: Record<string, unknown>[];
  /** posts a raw body to /api/messages. */
  post(body: unknown, headers?: Record<string, string>): Promise<HttpResult>;
  /** a channel message with an @mention of the bot (in General unless a channel is given; `conversationId` defaults to a new post there). */
  channelMessage(
    text: string,
    from?: Person,
    options?: { team?: typeof TEAM; channel?: TeamChannel; conversationId?: string; locale?: string },
  ): Promise<HttpResult>;
  personalMessage(text: string, from?: Person, locale?: string): Promise<HttpResult>;
  /** an Action.Execute invoke from a card: in a channel of `team` (default), the personal chat or a group chat. */
  invoke(
    verb: unknown,
    data: unknown,
    from?: Person,
    options?: {
      team?: typeof TEAM;
      channel?: TeamChannel;
      personal?: boolean;
      groupChat?: boolean;
      locale?: string;
      id?: string;
    },
  ): Promise<HttpResult>;
  /** a conversationUpdate Teams sends about a team or one of its channels (renamed, created, members added, shared …). */
  conversationUpdate(
    channelData: Record<string, unknown>,
    options?: { conversationId?: string; membersAdded?: Person[] },
  ): Promise<HttpResult>;
  /** the bot is added to a team. */
  installInTeam(team?: typeof TEAM): Promise<HttpResult>;
  /** the person adds the bot in their personal chat (Teams sends an installationUpdate), so 1:1 messages can reach them. */
  installInPersonalChat(who: Person): Promise<HttpResult>;
  stop(): Promise<void>;
  /** a dialog invoke (`composeExtension/fetchTask`, `composeExtension/submitAction`, `task/fetch`, `task/submit`) from a channel of `team` (default: General) or the personal chat. */
  dialogInvoke(name: string, value: unknown, from?: Person, options?: DialogInvokeOptions): Promise<HttpResult>;
  /** the message extension's action command opens its dialog (composeExtension/fetchTask). */
  composeFetch(from?: Person, options?: DialogInvokeOptions & { commandId?: string }): Promise<HttpResult>;
  /** the message extension's dialog is submitted with the form's values (composeExtension/submitAction). */
  composeSubmit(
    data: unknown,
    from?: Person,
    options?: DialogInvokeOptions & { commandId?: string },
  ): Promise<HttpResult>;
  /** a card button with `msteams: { type: 'task/fetch' }` opens a dialog (task/fetch) with the button's data. */
  taskFetch(data: unknown, from?: Person, options?: DialogInvokeOptions): Promise<HttpResult>;
  /** a dialog opened by task/fetch is submitted (task/submit) with its inputs and the submit button's data. */
  taskSubmit(data: unknown, from?: Person, options?: DialogInvokeOptions): Promise<HttpResult>;
}

/** where a dialog invoke comes from. */
export interface DialogInvokeOptions {
  team?: typeof TEAM;
  channel?: TeamChannel;
  personal?: boolean;
  locale?: string;
}

/** starts a bot harness; env entries override the test configuration. */
/** options of the bot app under test; answers are not throttled unless a test asks for it. */
export interface HarnessAppOptions {
  answerIntervalMs?: number;
  /** the app's clock (default: the real one). */
  now?: () => Date;
  /** run against another harness's table server and connector stand-in (a second bot instance); they stay running when this one stops. */
  shareWith?: Pick<BotHarness, 'tableServer' | 'connector'>;
  /** where the app records metrics, and where logged errors go (default: nowhere). */
  telemetry?: Telemetry;
}

export async function startBotHarness(
  env: Record<string, string> = {},
  stubOptions: TeamsConnectorOptions = {},
  appOptions: HarnessAppOptions = {},
): Promise<BotHarness> {
  const shared = appOptions.shareWith;
  const tableServer: EmbeddedTableServer = shared?.tableServer ?? (await startEmbeddedTableServer());
  const connector =
    shared?.connector ??
    (await new TeamsConnector({ limits: false, members: DEFAULT_ROSTERS, ...stubOptions }).start());
  const config = loadConfig({ PLAYGROUND: 'off', ADMIN_AAD_IDS: ADMIN.aadObjectId, LOG_LEVEL: 'info', ...env });
  const logs: Record<string, unknown>[] = [];
  // the production logger's settings (redaction included), writing into `logs`.
  const telemetry = appOptions.telemetry;
  const log = createLogger(
    'debug',
    false,
    { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) },
    telemetry && ((err, msg) => telemetry.exception(err, msg)),
  );
  const storage = await openStorage({
    connectionString: tableServer.connectionString,
    answerSecret: ANSWER_SECRET,
    timeZone: config.timeZone,
    minGroupSize: config.minGroupSize,
  });
  const app = createBotApp({
    config,
    storage,
    log,
    telemetry,
    cardUpdateDelayMs: 20,
    answerIntervalMs: appOptions.answerIntervalMs ?? 0,
    ...(appOptions.now && { now: appOptions.now }),
  });
  const port = await app.listen(0);
  const url = `http://127.0.0.1:${port}`;

  const post = async (body: unknown, headers: Record<string, string> = {}): Promise<HttpResult> => {
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* keep text */
    }
    return { status: res.status, body: parsed };
  };
  const base = (from: Person, locale = 'de-DE') => ({
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: connector.url,
    timestamp: new Date().toISOString(),
    from: { id: from.id, aadObjectId: from.aadObjectId, name: from.name },
    recipient: BOT,
    locale,
  });
  const channelData = (team: typeof TEAM, channel: TeamChannel = { id: team.id }) => ({
    team: { id: team.id, name: team.name },
    channel,
    tenant: { id: TENANT },
  });

  function dialogInvoke(name: string, value: unknown, from: Person = ADMIN, options: DialogInvokeOptions = {}) {
    const team = options.team ?? TEAM;
    return post({
      ...base(from, options.locale),
      type: 'invoke',
      name,
      value,
      conversation: options.personal
        ? { id: `a:personal-${from.id}`, conversationType: 'personal', tenantId: TENANT }
        : { id: options.channel?.id ?? team.id, conversationType: 'channel', isGroup: true, tenantId: TENANT },
      channelData: options.personal ? { tenant: { id: TENANT } } : channelData(team, options.channel),
    });
  }

  return {
    url,
    app,
    tableServer,
    storage,
    connector,
    logs,
    post,
    channelMessage: (text, from = ADMIN, options = {}) => {
      const team = options.team ?? TEAM;
      return post({
        ...base(from, options.locale),
        type: 'message',
        text: `<at>Mitwirken</at> ${text}`,
        entities: [{ type: 'mention', text: '<at>Mitwirken</at>', mentioned: BOT }],
        conversation: {
          id: options.conversationId ?? `${options.channel?.id ?? team.id};messageid=${randomUUID()}`,
          conversationType: 'channel',
          isGroup: true,
          tenantId: TENANT,
        },
        channelData: channelData(team, options.channel),
      });
    },
    personalMessage: (text, from = ADMIN, locale) =>
      post({
        ...base(from, locale),
        type: 'message',
        text,
        conversation: { id: `a:personal-${from.id}`, conversationType: 'personal', tenantId: TENANT },
        channelData: { tenant: { id: TENANT } },
      }),
    invoke: (verb, data, from = ADMIN, options = {}) => {
      const team = options.team ?? TEAM;
      return post({
        ...base(from, options.locale),
        ...(options.id ? { id: options.id } : {}),
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data } },
        conversation: options.personal
          ? { id: `a:personal-${from.id}`, conversationType: 'personal', tenantId: TENANT }
          : options.groupChat
            ? { id: '19:group-chat@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: TENANT }
            : {
                id: `${options.channel?.id ?? team.id};messageid=root`,
                conversationType: 'channel',
                isGroup: true,
                tenantId: TENANT,
              },
        channelData:
          options.personal || options.groupChat ? { tenant: { id: TENANT } } : channelData(team, options.channel),
      });
    },
    conversationUpdate: (data, options = {}) =>
      post({
        ...base(ADMIN),
        type: 'conversationUpdate',
        conversation: {
          id: options.conversationId ?? String((data.team as { id?: string } | undefined)?.id ?? TEAM.id),
          conversationType: 'channel',
          isGroup: true,
          tenantId: TENANT,
        },
        ...(options.membersAdded && {
          membersAdded: options.membersAdded.map((p) => ({ id: p.id, aadObjectId: p.aadObjectId })),
        }),
        channelData: { tenant: { id: TENANT }, ...data },
      }),
    installInTeam: (team = TEAM) =>
      post({
        ...base(ADMIN),
        type: 'installationUpdate',
        action: 'add',
        conversation: { id: team.id, conversationType: 'channel', isGroup: true, tenantId: TENANT },
        channelData: channelData(team),
      }),
    installInPersonalChat: (who) =>
      post({
        ...base(who),
        type: 'installationUpdate',
        action: 'add',
        conversation: { id: `a:personal-${who.id}`, conversationType: 'personal', tenantId: TENANT },
        channelData: { tenant: { id: TENANT } },
      }),
    dialogInvoke,
    composeFetch: (from = ADMIN, options = {}) =>
      dialogInvoke(
        'composeExtension/fetchTask',
        { commandId: options.commandId ?? 'compose', commandContext: 'compose', context: { theme: 'default' } },
        from,
        options,
      ),
    composeSubmit: (data, from = ADMIN, options = {}) =>
      dialogInvoke(
        'composeExtension/submitAction',
        { commandId: options.commandId ?? 'compose', commandContext: 'compose', context: { theme: 'default' }, data },
        from,
        options,
      ),
    taskFetch: (data, from = ADMIN, options = {}) =>
      dialogInvoke('task/fetch', { data, context: { theme: 'default' } }, from, options),
    taskSubmit: (data, from = ADMIN, options = {}) =>
      dialogInvoke('task/submit', { data, context: { theme: 'default' } }, from, options),
    stop: async () => {
      await app.close();
      if (shared) return;
      await connector.stop();
      await tableServer.close();
    },
  };
}
