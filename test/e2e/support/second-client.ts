import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { openPlayground, startPlayground, type PlaygroundPage, type PlaygroundServer } from './playground';

/**
 * Another person's Teams client: a second Agents Playground, started against the same bot with a copy of the mock
 * tenant in which `userName` is the current user, and headless Chromium on it.
 *
 * Why a second process: one Playground is one person's client. Its web UI takes the current user and the one personal
 * chat it can show from the server's config (client bundle: the `conversationList` slice sets `personal.id =
 * config.personalChat.id`, and any other conversation id throws "Invalid conversation id"), so the 1:1 chat the bot
 * opens for another user with `createConversation` is never shown. A card click made as another user in the current
 * user's chat is refused by the server before it reaches the bot (`validateUserId`: in a chat, `chatManager.getUser`
 * throws `UserNotFoundError` for anyone outside the chat's members, and a personal chat has only its owner). A second
 * Playground whose current user is that person sends the personal-scope `installationUpdate` for them, so the bot keeps
 * their personal chat (with this Playground's serviceUrl) and later 1:1 messages land where they can be clicked.
 */
export interface SecondClient {
  playground: PlaygroundServer;
  ui: PlaygroundPage;
  stop(): Promise<void>;
}

interface MockAccount {
  id: string;
  name: string;
  [key: string]: unknown;
}

interface TenantFile {
  currentUser: MockAccount;
  users: MockAccount[];
  personalChat: { id: string; [key: string]: unknown };
  [key: string]: unknown;
}

/**
 * the mock tenant of `configFile` as seen by `userName`: they become the current user, the former current user joins
 * the users in their place (the schema wants exactly five), and the personal chat gets its own id (the bot keeps
 * dialog state per conversation id, so two people must not share one).
 */
export function tenantAs(configFile: string, userName: string): string {
  const tenant = parse(readFileSync(configFile, 'utf8')) as TenantFile;
  const index = tenant.users.findIndex((u) => u.name === userName);
  const user = tenant.users[index];
  if (!user) throw new Error(`no mock user named ${userName}; known: ${tenant.users.map((u) => u.name).join(', ')}`);
  const users = [...tenant.users];
  users[index] = tenant.currentUser;
  const slug = user.id.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');
  return stringify({
    ...tenant,
    currentUser: user,
    users,
    personalChat: { ...tenant.personalChat, id: `${tenant.personalChat.id}-${slug}` },
  });
}

/** starts a second Playground as `userName` against `botEndpoint` and opens its UI (its personal chat is installed). */
export async function openClientAs(options: {
  botEndpoint: string;
  configFile: string;
  userName: string;
  cwd: string;
}): Promise<SecondClient> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'playground-user-'));
  const configPath = path.join(dir, '.m365agentsplayground.yml');
  writeFileSync(configPath, tenantAs(options.configFile, options.userName));
  const playground = await startPlayground({
    botEndpoint: options.botEndpoint,
    cwd: options.cwd,
    configPath,
    logFile: path.join(dir, 'playground.log'),
  });
  let ui: PlaygroundPage;
  try {
    ui = await openPlayground(playground.url);
  } catch (error) {
    await playground.stop();
    throw error;
  }
  return {
    playground,
    ui,
    async stop() {
      await ui.close().catch(() => undefined);
      await playground.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
