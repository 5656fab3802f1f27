/**
 * Drives the Microsoft 365 Agents Playground (`@microsoft/m365agentsplayground`) from end-to-end tests:
 * starts the CLI headless against a bot endpoint and remote-controls its web UI in headless Chromium.
 * Generic: knows nothing about the bot under test. Findings behind the selectors are in the report of
 * the exploration (playground 0.2.28); the quirks that matter are noted next to the code.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Locator, type Page, type Route } from 'playwright-core';

/** Chromium flags that keep the Debian build quiet, offline and runnable as root in a container. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Where Debian's chromium lives; override with PLAYWRIGHT_CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Options for {@link startPlayground}. */
export interface StartPlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3979/api/messages. */
  botEndpoint: string;
  /** UI/connector port; a free one is picked when omitted (the CLI itself falls back to a random port if busy). */
  port?: number;
  /** Working directory; the CLI reads `.m365agentsplayground.yml` from here unless `configPath` is set. */
  cwd?: string;
  /** Log file of the CLI (it logs only there when stdout is not a TTY); defaults to a file in the OS temp dir. */
  logFile?: string;
  /** Explicit mock-tenant config file (env M365_AGENTS_PLAYGROUND_CONFIG_PATH). */
  configPath?: string;
  /** IANA time zone the playground reports in localTimezone/clientInfo (env TZ); activity locale stays en-US. */
  timeZone?: string;
  /** serviceUrl handed to the bot; defaults to the CLI's own http://localhost:PORT/_connector. */
  serviceUrl?: string;
  /** How long to wait for the server to answer; default 30 s. */
  timeoutMs?: number;
}

/** A user or the bot as listed in the playground's mock tenant. */
export interface PlaygroundAccount {
  id: string;
  name: string;
  aadObjectId?: string;
  userPrincipleName?: string;
  email?: string;
}

/** The effective mock tenant, as served by GET /_internal/v1/config. */
export interface PlaygroundConfig {
  tenantId: string;
  bot: PlaygroundAccount;
  currentUser: PlaygroundAccount;
  users: PlaygroundAccount[];
  personalChat: { id: string; name: string };
  groupChats: Array<{ id: string; name: string; members: string[] }>;
  teams: Array<{
    id: string;
    name: string;
    aadGroupId: string;
    channels: Array<{ id: string; name: string }>;
    members: string[];
  }>;
}

/** A running playground server. */
export interface PlaygroundServer {
  /** Base URL of the web UI, e.g. http://127.0.0.1:56151/. */
  url: string;
  /** The port it really listens on. */
  port: number;
  /** Its log file. */
  logFile: string;
  /** Reads the effective mock tenant. */
  config(): Promise<PlaygroundConfig>;
  /** Sends any activity to the bot as if from the playground (POST /_internal/v1/customActivities); `from` may be any mock user. */
  sendCustomActivity(activity: Record<string, unknown>): Promise<void>;
  /** Stops the CLI and its whole process group. */
  stop(): Promise<void>;
}

/** Finds a free loopback port. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('could not determine a free port');
  return address.port;
}

/** Resolves the CLI script of the installed playground package. */
function playgroundCli(): string {
  return require.resolve('@microsoft/m365agentsplayground/cli.js');
}

/** Sleeps for `ms` milliseconds. */
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Kills a detached child's process group and waits (bounded) for it to exit. */
async function killTree(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  const signal = (sig: NodeJS.Signals): void => {
    try {
      process.kill(-(child.pid as number), sig);
    } catch {
      /* already gone */
    }
  };
  signal('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), sleep(3000).then(() => true)]);
  if (timedOut) {
    signal('SIGKILL');
    await Promise.race([exited, sleep(2000)]);
  }
}

/** Starts the playground CLI headless against `botEndpoint` and resolves once its HTTP server answers. */
export async function startPlayground(options: StartPlaygroundOptions): Promise<PlaygroundServer> {
  const requestedPort = options.port ?? (await freePort());
  const logFile = options.logFile ?? path.join(os.tmpdir(), `m365agentsplayground-${requestedPort}-${process.pid}.log`);
  const args = [playgroundCli(), '-e', options.botEndpoint, '-c', 'msteams', '-p', String(requestedPort), '--dt'];
  if (options.serviceUrl) args.push('--service-url', options.serviceUrl);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TEAMSAPPTESTER_BROWSER: 'none', // otherwise it tries to open a browser and exits with code 1
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
  };
  if (options.configPath) env.M365_AGENTS_PLAYGROUND_CONFIG_PATH = options.configPath;
  if (options.timeZone) env.TZ = options.timeZone;

  const child = spawn(process.execPath, args, {
    cwd: options.cwd ?? process.cwd(),
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let actualPort: number | undefined;
  const collect = (chunk: Buffer): void => {
    output += chunk.toString();
    const match = /Listening on (\d+)/.exec(output); // printed once on stdout even without a TTY
    if (match?.[1]) actualPort = Number(match[1]);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`playground exited early (${child.exitCode ?? child.signalCode}):\n${output}`);
      if (Date.now() > deadline) throw new Error(`playground not ready in time:\n${output}`);
      const port = actualPort ?? requestedPort;
      try {
        const res = await fetch(`http://127.0.0.1:${port}/_debug/ping`, { signal: AbortSignal.timeout(1000) });
        if (res.ok) {
          actualPort = port;
          break;
        }
      } catch {
        /* not up yet */
      }
      await sleep(150);
    }
  } catch (error) {
    await killTree(child);
    throw error;
  }

  const base = `http://127.0.0.1:${actualPort}`;
  return {
    url: `${base}/`,
    port: actualPort as number,
    logFile,
    async config() {
      const res = await fetch(`${base}/_internal/v1/config`);
      const body = (await res.json()) as { config: PlaygroundConfig };
      return body.config;
    },
    async sendCustomActivity(activity) {
      const res = await fetch(`${base}/_internal/v1/customActivities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      if (!res.ok) throw new Error(`custom activity rejected: ${res.status} ${await res.text()}`);
    },
    stop: () => killTree(child),
  };
}

/**
 * Runs in the page: stamps every rendered Adaptive Card with `data-pg-seq` in chronological order and marks
 * the newest with `data-pg-newest`. Channel threads are listed newest first (replies inside a thread oldest
 * first), so cards that appear in one batch are ordered by thread from the bottom, then by position.
 */
const CARD_TRACKER = `(() => {
  let seq = 0;
  const THREAD = '.fui-Card[role="group"]';
  const stamp = () => {
    const fresh = Array.from(document.querySelectorAll('.ac-adaptiveCard:not([data-pg-seq])'));
    if (fresh.length > 0) {
      const threads = Array.from(document.querySelectorAll(THREAD));
      fresh
        .map((el, i) => { const t = el.closest(THREAD); return { el, i, t: t ? threads.length - threads.indexOf(t) : 0 }; })
        .sort((a, b) => a.t - b.t || a.i - b.i)
        .forEach(({ el }) => el.setAttribute('data-pg-seq', String(++seq)));
    }
    let newest = null;
    document.querySelectorAll('.ac-adaptiveCard[data-pg-seq]').forEach((el) => {
      if (!newest || Number(el.getAttribute('data-pg-seq')) > Number(newest.getAttribute('data-pg-seq'))) newest = el;
    });
    const marked = document.querySelector('.ac-adaptiveCard[data-pg-newest]');
    if (marked !== newest) {
      if (marked) marked.removeAttribute('data-pg-newest');
      if (newest) newest.setAttribute('data-pg-newest', 'true');
    }
  };
  const start = () => new MutationObserver(stamp).observe(document.documentElement, { childList: true, subtree: true });
  if (document.documentElement) start(); else document.addEventListener('DOMContentLoaded', start);
})();`;

/** The playground's message editors are Lexical editors (card inputs are textboxes too, so match this). */
const EDITOR = '[data-lexical-editor="true"]';

/** Options for {@link PlaygroundPage.send}. */
export interface SendOptions {
  /** Put an @mention of the bot in front of the text (needed in channels; the bot gets no unmentioned channel posts). */
  mentionBot?: boolean;
}

/** Result of clicking a card button. */
export interface CardClickResult {
  /** The clicked card, pinned so it still resolves after its text changed. */
  card: Locator;
  /** Body the playground's /v1/invoke returned (the bot's invoke response body), when the button caused an invoke. */
  invokeResponse?: unknown;
}

/** A browser tab showing the playground, with Teams-like actions. */
export class PlaygroundPage {
  private actingAs: string | undefined;
  private inChannel = false;

  private constructor(
    /** The underlying Playwright page, for anything not covered here. */
    readonly page: Page,
    private readonly browser: Browser,
    /** The mock tenant the server runs with. */
    readonly config: PlaygroundConfig,
  ) {}

  /** Launches headless Chromium, opens the playground UI and waits until its chat list is shown. */
  static async open(url: string): Promise<PlaygroundPage> {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.addInitScript(CARD_TRACKER);
      const config = (
        (await (await page.request.get(new URL('/_internal/v1/config', url).toString())).json()) as {
          config: PlaygroundConfig;
        }
      ).config;
      const driver = new PlaygroundPage(page, browser, config);
      await page.route(/\/_conversation\/v1\/(invoke|submit)$/, (route) => driver.rewriteSender(route));
      await page.goto(url, { waitUntil: 'load' });
      await page.getByRole('treeitem', { name: 'Personal Chat' }).waitFor();
      return driver;
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  /** Opens the 1:1 chat of the current user with the bot. */
  async openPersonalChat(): Promise<void> {
    await this.page.getByRole('treeitem', { name: 'Personal Chat' }).click();
    this.inChannel = false;
    await this.composer().waitFor();
  }

  /** Opens the group chat (the mock tenant has exactly one). */
  async openGroupChat(): Promise<void> {
    const name = this.config.groupChats[0]?.name ?? 'Group Chat';
    await this.page.getByRole('treeitem', { name, exact: true }).click();
    this.inChannel = false;
    await this.composer().waitFor();
  }

  /** Opens a channel of the team by name ("General" or the extra one); the first open sends the team install activities. */
  async openChannel(name: string): Promise<void> {
    const team = this.config.teams[0]?.name ?? '';
    await this.page.getByRole('treeitem', { name: `${team} - ${name}`, exact: true }).click();
    this.inChannel = true;
    await this.composer().waitFor();
  }

  /** Sends a message in the open chat, or starts a new post in the open channel. */
  async send(text: string, options: SendOptions = {}): Promise<void> {
    await this.typeInto(this.composer(), text, options);
    if (this.inChannel) await this.page.getByRole('button', { name: 'Post', exact: true }).click();
    else await this.page.keyboard.press('Enter');
  }

  /** Replies inside the channel thread whose text contains `threadText`. */
  async reply(threadText: string, text: string, options: SendOptions = {}): Promise<void> {
    const thread = this.page.locator('.fui-Card[role="group"]').filter({ hasText: threadText }).first();
    await this.typeInto(thread.locator(EDITOR), text, options);
    await this.page.keyboard.press('Enter');
  }

  /** The newest Adaptive Card rendered in the open conversation (threads are listed newest first in channels). */
  lastCard(): Locator {
    return this.page.locator('.ac-adaptiveCard[data-pg-newest]');
  }

  /** All cards in the open conversation, in DOM order. */
  cards(): Locator {
    return this.page.locator('.ac-adaptiveCard');
  }

  /** Waits for the newest card whose text contains `text` and returns it pinned (valid until the view is switched). */
  async waitForCardContaining(text: string, options: { timeoutMs?: number } = {}): Promise<Locator> {
    const handle = await this.page.waitForFunction(
      `(() => {
        let best = 0;
        document.querySelectorAll('.ac-adaptiveCard[data-pg-seq]').forEach((el) => {
          if ((el.innerText || el.textContent || '').includes(${JSON.stringify(text)})) best = Math.max(best, Number(el.getAttribute('data-pg-seq')));
        });
        return best || false;
      })()`,
      undefined,
      { timeout: options.timeoutMs ?? 10_000, polling: 100 },
    );
    const seq = (await handle.jsonValue()) as number;
    return this.page.locator(`.ac-adaptiveCard[data-pg-seq="${seq}"]`);
  }

  /** Waits until a message (text or card) containing `text` is shown in the open conversation or channel. */
  async waitForText(text: string, options: { timeoutMs?: number } = {}): Promise<void> {
    await this.page
      .getByText(text, { exact: false })
      .first()
      .waitFor({ timeout: options.timeoutMs ?? 10_000 });
  }

  /** The visible text of a card (default: the newest). */
  async cardText(card: Locator = this.lastCard()): Promise<string> {
    return card.innerText();
  }

  /** Fills the card input (Input.Text/Number/Date/Time) whose `label` contains `label` (required inputs add " *"). */
  async fillInput(
    label: string,
    value: string,
    card: Locator = this.lastCard(),
    options: { exact?: boolean } = {},
  ): Promise<void> {
    await card.getByLabel(label, { exact: options.exact ?? false }).fill(value);
  }

  /** Chooses `choiceTitle` in the Input.ChoiceSet labelled `label` (compact = combobox, expanded = radios/checkboxes). */
  async chooseOption(label: string, choiceTitle: string, card: Locator = this.lastCard()): Promise<void> {
    const combobox = card.getByRole('combobox', { name: label, exact: true });
    if ((await combobox.count()) > 0) {
      await combobox.click();
      await this.page.getByRole('option', { name: choiceTitle, exact: true }).click();
      return;
    }
    const group = card.getByRole('radiogroup', { name: label, exact: true });
    if ((await group.count()) > 0) {
      await group.getByRole('radio', { name: choiceTitle, exact: true }).check();
      return;
    }
    await card.getByRole('checkbox', { name: choiceTitle, exact: true }).check();
  }

  /** Clicks the card button titled `title`; for Action.Execute/Submit waits for the bot's answer and the card's re-render. */
  async clickCardButton(
    title: string,
    card: Locator = this.lastCard(),
    options: { timeoutMs?: number } = {},
  ): Promise<CardClickResult> {
    const timeout = options.timeoutMs ?? 10_000;
    const seq = await card.getAttribute('data-pg-seq', { timeout });
    const pinned = seq ? this.page.locator(`.ac-adaptiveCard[data-pg-seq="${seq}"]`) : card;
    const before = await pinned.innerText();
    const answered = this.page
      .waitForResponse((res) => /\/_conversation\/v1\/(invoke|submit)$/.test(new URL(res.url()).pathname), { timeout })
      .catch(() => undefined);
    await pinned.getByRole('button', { name: title, exact: true }).click();
    const response = await answered;
    if (!response) return { card: pinned };
    const invokeResponse: unknown = await response.json().catch(() => undefined);
    const body = invokeResponse as { type?: string } | undefined;
    if (body?.type === 'application/vnd.microsoft.card.adaptive') {
      // The UI swaps the card content in place; wait for the text to change, but accept an unchanged card.
      const deadline = Date.now() + Math.min(timeout, 3000);
      while (Date.now() < deadline && (await pinned.innerText()) === before) await sleep(50);
    }
    return { card: pinned, invokeResponse };
  }

  /**
   * Makes card actions (Action.Execute / Action.Submit invokes) come from another mock user, by display name;
   * `undefined` switches back. Typed messages always come from the config's currentUser (playground limitation).
   * The Playground server checks the sender against the conversation: in a channel any team member passes, but in a
   * chat only its members (`validateUserId`), so in the personal chat another user's click is refused with 400
   * "User not found" and never reaches the bot; give that person their own client instead (second-client.ts).
   */
  switchUser(name: string | undefined): void {
    if (name === undefined || name === this.config.currentUser.name) {
      this.actingAs = undefined;
      return;
    }
    const user = this.config.users.find((u) => u.name === name);
    if (!user) throw new Error(`no mock user named ${name}; known: ${this.config.users.map((u) => u.name).join(', ')}`);
    this.actingAs = user.id;
  }

  /**
   * Opens the action command `commandId` of the message extension from the open view's compose box (the button
   * "Trigger Message Extension App" › "Action Command", the command id, "Adaptive Cards", "Create"), which sends
   * `composeExtension/fetchTask`; returns the card of the dialog once it is shown. The Playground reads no manifest,
   * so the command id is typed as Teams would take it from the manifest.
   */
  async openActionExtension(commandId: string, options: { timeoutMs?: number } = {}): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Trigger Message Extension App' }).first().click();
    await this.page.getByRole('menuitem', { name: 'Action Command' }).click();
    const dialog = this.extensionDialog();
    await dialog.getByRole('textbox', { name: 'Command ID' }).fill(commandId);
    await dialog.getByRole('button', { name: 'Create' }).click();
    const card = dialog.locator('.ac-adaptiveCard').first();
    await card.waitFor({ timeout: options.timeoutMs ?? 10_000 });
    return card;
  }

  /** The message extension's dialog while it is open. */
  extensionDialog(): Locator {
    return this.page
      .getByRole('dialog')
      .filter({ has: this.page.getByRole('button', { name: 'Close' }) })
      .last();
  }

  /** Closes the message extension's dialog (Teams closes it itself when the app answers a submit with nothing). */
  async closeExtensionDialog(): Promise<void> {
    const dialog = this.extensionDialog();
    if ((await dialog.count()) === 0) return;
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    await dialog.waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
  }

  /** Screenshot of the visible page. */
  async screenshot(file: string): Promise<void> {
    await this.page.screenshot({ path: file });
  }

  /** Screenshot of just one card (default: the newest). */
  async screenshotCard(file: string, card: Locator = this.lastCard()): Promise<void> {
    await card.screenshot({ path: file });
  }

  /** Closes the browser. */
  async close(): Promise<void> {
    await this.browser.close();
  }

  /** The main composer of the open view ("Start a new post" in channels, the message box in chats). */
  private composer(): Locator {
    return this.page.locator(EDITOR).first();
  }

  /** Types into a Lexical editor; a bot mention is picked from the @ type-ahead menu like a user would. */
  private async typeInto(box: Locator, text: string, options: SendOptions): Promise<void> {
    await box.click();
    if (options.mentionBot) {
      await this.page.keyboard.type('@');
      // The menu lists the bot first, then the users; an item's accessible name repeats the avatar label.
      await this.page.locator('#typeahead-menu').getByRole('menuitem', { name: this.config.bot.name }).first().click();
      await this.page.keyboard.type(' ');
    }
    await this.page.keyboard.type(text);
  }

  /** Route handler: rewrites `from.id` of invoke/submit requests while another user is active. */
  private async rewriteSender(route: Route): Promise<void> {
    const request = route.request();
    if (!this.actingAs || request.method() !== 'POST') return route.continue();
    const body = JSON.parse(request.postData() ?? '{}') as { from?: { id: string } };
    body.from = { ...body.from, id: this.actingAs };
    return route.continue({ postData: JSON.stringify(body) });
  }
}

/** Launches Chromium on the playground at `url`; see {@link PlaygroundPage}. */
export function openPlayground(url: string): Promise<PlaygroundPage> {
  return PlaygroundPage.open(url);
}
