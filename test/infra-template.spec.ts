/**
 * Checks the Bicep template in infra/ against the code and the deployment guide. No Bicep compiler can be installed
 * here (neither npm nor Debian ship one that works offline), so this reads the .bicep text:
 *
 * - comments and strings are told apart by a small scanner (`//`, `/* *\/`, '…' with \' escapes, '''…''');
 * - a top-level declaration (param, var, resource, module, output, …) starts at the beginning of a line and runs to
 *   the next one; decorators belong to the declaration below them;
 * - the app settings are the `{ name: '…' }` entries of every top-level `var …Settings` declaration, in main.bicep
 *   and in the hosting modules (main.bicep's header says so, and the hosting modules build their app settings and
 *   environment only from those lists);
 * - the settings app/config.ts reads are the keys loadConfig looks up in the environment it is given (a Proxy
 *   records them), so this follows the code without a list to keep in step;
 * - the settings table is the first table after the heading "Every setting" in docs/deploy.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../app/config';
import { START } from '../scripts/check-production-install';

/**
 * Settings the template sets before app/config.ts reads them: the work that adds them to the code (managed-identity
 * storage, OpenTelemetry, the shutdown deadline) is merged separately. Once config.ts reads one, the test "sets
 * nothing ahead of the code that the code already reads" fails until it is removed here. A key that turns out to be
 * read by a library instead (AZURE_CLIENT_ID by @azure/identity, APPLICATIONINSIGHTS_CONNECTION_STRING by the Azure
 * Monitor exporter) moves to READ_BY_LIBRARIES.
 */
const SET_AHEAD_OF_CODE: string[] = [];
/** settings read by a library straight from the environment, not through app/config.ts. */
const READ_BY_LIBRARIES: string[] = [];
/** read by Node.js and glibc, not by the bot (docs/operations.md, memory). */
const RUNTIME_SETTINGS = ['NODE_OPTIONS', 'MALLOC_ARENA_MAX'];
/** Azure's own switches, which the template may set and the code never reads. */
const PLATFORM_PREFIXES = ['WEBSITE_', 'WEBSITES_', 'SCM_'];

const ROOT = path.join(__dirname, '..');
const INFRA = path.join(ROOT, 'infra');

// ------------------------------------------------------------------------------------------------------------------
// Reading Bicep text

/** the text with comments blanked and, when `blankStrings`, string contents blanked too (line breaks kept). */
function scrub(text: string, blankStrings: boolean): string {
  let out = '';
  let i = 0;
  const blank = (s: string): string => s.replace(/[^\n]/g, ' ');
  while (i < text.length) {
    if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      out += blank(text.slice(i, stop));
      i = stop;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += blank(text.slice(i, stop));
      i = stop;
    } else if (text.startsWith("'''", i)) {
      const end = text.indexOf("'''", i + 3);
      const stop = end === -1 ? text.length : end + 3;
      out += blankStrings ? `'${blank(text.slice(i + 1, stop - 1))}'` : text.slice(i, stop);
      i = stop;
    } else if (text[i] === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== "'") j += text[j] === '\\' ? 2 : 1;
      const stop = Math.min(j + 1, text.length);
      out += blankStrings ? `'${blank(text.slice(i + 1, stop - 1))}'` : text.slice(i, stop);
      i = stop;
    } else {
      out += text[i];
      i++;
    }
  }
  return out;
}

interface Declaration {
  kind: string;
  name: string;
  /** the declaration's text without comments (strings kept), decorators excluded. */
  body: string;
}

const DECLARATION_START =
  /^(@|param |var |resource |module |output |targetScope|type |func |import |metadata |using |extension )/;

/** the top-level declarations of a Bicep file, in order. */
function declarations(text: string): Declaration[] {
  const lines = scrub(text, false).split('\n');
  const result: Declaration[] = [];
  let current: string[] | undefined;
  const flush = (): void => {
    if (!current) return;
    const body = current.join('\n');
    const match = /^(\w+)\s+(\w+)/.exec(body);
    if (match) result.push({ kind: match[1]!, name: match[2]!, body });
    current = undefined;
  };
  for (const line of lines) {
    if (line.startsWith('@')) {
      flush();
      continue;
    }
    if (DECLARATION_START.test(line)) {
      flush();
      current = [line];
    } else if (current) {
      current.push(line);
    }
  }
  flush();
  return result;
}

interface BicepFile {
  file: string;
  text: string;
  declarations: Declaration[];
}

function bicepFiles(): BicepFile[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.bicep')) files.push(full);
    }
  };
  walk(INFRA);
  return files.sort().map((file) => {
    const text = readFileSync(file, 'utf8');
    return { file: path.relative(ROOT, file), text, declarations: declarations(text) };
  });
}

const SETTING_NAME = /\bname:\s*'([A-Za-z_][A-Za-z0-9_]*)'/g;

/** every app setting the template declares, with the files declaring it. */
function templateSettings(files: BicepFile[]): Map<string, string[]> {
  const settings = new Map<string, string[]>();
  for (const { file, declarations: decls } of files) {
    for (const d of decls.filter((x) => x.kind === 'var' && /Settings$/.test(x.name))) {
      for (const [, key] of d.body.matchAll(SETTING_NAME)) settings.set(key!, [...(settings.get(key!) ?? []), file]);
    }
  }
  return settings;
}

/** the resources of a type, across all files. */
function resourcesOfType(files: BicepFile[], type: string): Declaration[] {
  return files.flatMap((f) => f.declarations.filter((d) => d.kind === 'resource' && d.body.includes(`'${type}@`)));
}

/** the settings main.bicep leaves out on purpose: lines "// left out: KEY – reason". */
function leftOut(mainText: string): Map<string, string> {
  return new Map(
    [...mainText.matchAll(/^\/\/ left out: ([A-Za-z_][A-Za-z0-9_]*) – (.+)$/gm)].map((m) => [m[1]!, m[2]!.trim()]),
  );
}

// ------------------------------------------------------------------------------------------------------------------
// The code and the docs

/** the environment keys loadConfig reads. */
function keysConfigReads(): Set<string> {
  const seen = new Set<string>();
  const env = new Proxy({} as NodeJS.ProcessEnv, {
    get(_target, key) {
      if (typeof key === 'string') seen.add(key);
      return undefined;
    },
  });
  loadConfig(env);
  return new Set([...seen].filter((k) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(k)));
}

interface SettingRow {
  key: string;
  setBy: string;
}

/** the rows of the settings table in docs/deploy.md: the first table after a heading containing "Every setting". */
function docsSettingsTable(): { header: string[]; rows: SettingRow[] } {
  const lines = readFileSync(path.join(ROOT, 'docs', 'deploy.md'), 'utf8').split('\n');
  const heading = lines.findIndex((l) => /^#+ .*Every setting/.test(l));
  if (heading === -1) throw new Error('docs/deploy.md has no heading "Every setting"');
  const start = lines.findIndex((l, i) => i > heading && l.startsWith('|'));
  const table: string[] = [];
  for (let i = start; i < lines.length && lines[i]!.startsWith('|'); i++) table.push(lines[i]!);
  const cells = (line: string): string[] =>
    line
      .replace(/^\|/, '')
      .replace(/\|\s*$/, '')
      .split('|')
      .map((c) => c.trim());
  const header = cells(table[0]!).map((h) => h.toLowerCase());
  const setByColumn = header.indexOf('set by');
  const rows = table.slice(2).map((line) => {
    const row = cells(line);
    const key = /^`([^`]+)`$/.exec(row[0] ?? '')?.[1];
    if (!key) throw new Error(`settings table row without a \`KEY\` in its first cell: ${line}`);
    return { key, setBy: row[setByColumn] ?? '' };
  });
  return { header, rows };
}

const isPlatform = (key: string): boolean => PLATFORM_PREFIXES.some((prefix) => key.startsWith(prefix));
const sorted = (keys: Iterable<string>): string[] => [...keys].sort();

// ------------------------------------------------------------------------------------------------------------------

const files = bicepFiles();
const main = files.find((f) => f.file === path.join('infra', 'main.bicep'))!;
const configKeys = keysConfigReads();
const settings = templateSettings(files);
const templateKeys = new Set(settings.keys());
const omitted = leftOut(main.text);
const docs = docsSettingsTable();
const docsKeys = new Set(docs.rows.map((r) => r.key));

describe('the Bicep files', () => {
  it('are main.bicep and its modules, each module referenced by a path that exists', () => {
    expect(main).toBeDefined();
    const modules = main.declarations.filter((d) => d.kind === 'module');
    expect(modules.map((m) => m.name).sort()).toEqual([
      'appService',
      'bot',
      'containerApp',
      'monitoring',
      'storage',
      'vault',
    ]);
    for (const m of modules) {
      const target = /^module \w+ '([^']+)'/.exec(m.body)?.[1];
      expect(target && existsSync(path.join(INFRA, target))).toBe(true);
    }
  });

  it('have balanced brackets, braces and parentheses outside strings and comments, and closed strings', () => {
    for (const { file, text } of files) {
      const code = scrub(text, true);
      const stack: string[] = [];
      const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
      let problem: string | undefined;
      code.split('').forEach((ch, i) => {
        if ('([{'.includes(ch)) stack.push(ch);
        else if (ch in pairs && stack.pop() !== pairs[ch]) problem ??= `unbalanced ${ch} at offset ${i}`;
      });
      expect({ file, problem, open: stack.length }).toEqual({ file, problem: undefined, open: 0 });
    }
  });

  it('starts the app in App Service with the command production uses (the one the production-install check proves)', () => {
    const appService = files.find((f) => f.file === path.join('infra', 'modules', 'appservice.bicep'))!;
    expect(/appCommandLine: '([^']+)'/.exec(appService.text)?.[1]).toBe(START.join(' '));
  });

  it('has an example parameter file that uses main.bicep and sets only parameters main.bicep declares', () => {
    const params = readFileSync(path.join(INFRA, 'main.bicepparam'), 'utf8');
    expect(params).toMatch(/^using '\.\/main\.bicep'$/m);
    const declared = new Set(main.declarations.filter((d) => d.kind === 'param').map((d) => d.name));
    const set = [...scrub(params, false).matchAll(/^param (\w+) =/gm)].map((m) => m[1]!);
    expect(set.length).toBeGreaterThan(5);
    expect(set.filter((p) => !declared.has(p))).toEqual([]);
    expect(
      main.declarations
        .filter(
          (d) => d.kind === 'param' && !/=/.test(d.body.split('\n')[0]!) && !/\?\s*$/.test(d.body.split('\n')[0]!),
        )
        .map((d) => d.name),
    ).toEqual([]);
  });

  it('outputs the messaging endpoint, the bot id and the client id of the managed identity', () => {
    const outputs = main.declarations.filter((d) => d.kind === 'output').map((d) => d.name);
    expect(outputs).toEqual(expect.arrayContaining(['messagingEndpoint', 'botId', 'identityClientId']));
  });
});

describe('the app settings', () => {
  it('set every setting app/config.ts reads, or leave it out on purpose with a reason in main.bicep', () => {
    expect(configKeys.size).toBeGreaterThan(15);
    const unaccounted = sorted([...configKeys].filter((k) => !templateKeys.has(k) && !omitted.has(k)));
    expect(unaccounted).toEqual([]);
  });

  it('do not both set a setting and leave it out, and leave out only settings the code reads', () => {
    expect(sorted([...omitted.keys()].filter((k) => templateKeys.has(k)))).toEqual([]);
    expect(sorted([...omitted.keys()].filter((k) => !configKeys.has(k)))).toEqual([]);
    for (const reason of omitted.values()) expect(reason.length).toBeGreaterThan(10);
  });

  it('set nothing the code does not read, apart from the listed runtime, platform and ahead-of-code settings', () => {
    const known = new Set([...configKeys, ...SET_AHEAD_OF_CODE, ...READ_BY_LIBRARIES, ...RUNTIME_SETTINGS]);
    expect(sorted([...templateKeys].filter((k) => !known.has(k) && !isPlatform(k)))).toEqual([]);
  });

  it('sets nothing ahead of the code that the code already reads (remove such keys from SET_AHEAD_OF_CODE)', () => {
    expect(SET_AHEAD_OF_CODE.filter((k) => configKeys.has(k))).toEqual([]);
    expect(SET_AHEAD_OF_CODE.filter((k) => !templateKeys.has(k))).toEqual([]);
  });

  it('keep secrets out of plain settings: ANSWER_SECRET and MicrosoftAppPassword only as Key Vault secrets', () => {
    const plain = main.declarations.find((d) => d.kind === 'var' && d.name === 'appSettings')!.body;
    expect(plain).not.toMatch(/'(ANSWER_SECRET|MicrosoftAppPassword|AZURE_STORAGE_CONNECTION_STRING)'/);
    const secretVars = main.declarations.filter(
      (d) => d.kind === 'var' && /Settings$/.test(d.name) && /secretUri:/.test(d.body),
    );
    const secretKeys = secretVars.flatMap((d) => [...d.body.matchAll(SETTING_NAME)].map((m) => m[1]!));
    expect(sorted(secretKeys)).toEqual(['ANSWER_SECRET', 'MicrosoftAppPassword']);
    expect(secretVars.map((d) => d.body).join('\n')).toMatch(
      /name: 'ANSWER_SECRET'\s+secretName: 'answer-secret'\s+secretUri: vault\.outputs\.answerSecretUri/,
    );
  });

  it('reach App Service as Key Vault references resolved with the managed identity, and Container Apps as Key Vault secrets', () => {
    const appService = files.find((f) => f.file.endsWith('appservice.bicep'))!;
    const body = scrub(appService.text, false);
    expect(body).toContain("value: '@Microsoft.KeyVault(SecretUri=${secret.secretUri})'");
    expect(body).toMatch(/keyVaultReferenceIdentity: identityId/);
    expect(body).toMatch(/toObject\(concat\(settings, keyVaultReferences, hostSettings\)/);
    const containerApp = scrub(files.find((f) => f.file.endsWith('containerapp.bicep'))!.text, false);
    expect(containerApp).toMatch(/keyVaultUrl: secret\.secretUri\s+identity: identityId/);
    expect(containerApp).toMatch(/secretRef: secret\.secretName/);
    expect(containerApp).toMatch(/env: concat\(settings, secretReferences, containerSettings\)/);
  });

  it('keep the answer secret stable: written only when given, otherwise the stored one, in a vault with RBAC and purge protection', () => {
    const vault = scrub(files.find((f) => f.file.endsWith('keyvault.bicep'))!.text, false);
    expect(vault).toMatch(/enableRbacAuthorization: true/);
    expect(vault).toMatch(/enablePurgeProtection: true/);
    expect(vault).toMatch(/resource answerSecretWritten '[^']+' = if \(!empty\(answerSecret\)\)/);
    expect(vault).toMatch(/resource answerSecretStored '[^']+' existing/);
    expect(vault).toMatch(
      /output answerSecretUri string = empty\(answerSecret\) \? answerSecretStored\.properties\.secretUri : answerSecretWritten\.properties\.secretUri/,
    );
    expect(vault).toContain("'4633458b-17de-408a-b874-0445c86b69e6'"); // Key Vault Secrets User
  });
});

describe('the settings table in docs/deploy.md', () => {
  it('lists every setting the code reads and every setting the template sets', () => {
    expect(docs.header).toEqual(expect.arrayContaining(['set by']));
    expect(sorted([...configKeys].filter((k) => !docsKeys.has(k)))).toEqual([]);
    expect(sorted([...templateKeys].filter((k) => !docsKeys.has(k)))).toEqual([]);
  });

  it('lists nothing the code does not read, apart from the listed runtime, platform and ahead-of-code settings', () => {
    const known = new Set([...configKeys, ...SET_AHEAD_OF_CODE, ...READ_BY_LIBRARIES, ...RUNTIME_SETTINGS]);
    expect(sorted([...docsKeys].filter((k) => !known.has(k) && !isPlatform(k)))).toEqual([]);
    expect(docs.rows.length).toBe(docsKeys.size);
  });

  it('says "template" for each setting the template sets and something else for each it leaves out', () => {
    const bySetting = new Map(docs.rows.map((r) => [r.key, r.setBy]));
    expect(sorted([...templateKeys].filter((k) => !/^template\b/.test(bySetting.get(k) ?? '')))).toEqual([]);
    expect(sorted([...omitted.keys()].filter((k) => /^template\b/.test(bySetting.get(k) ?? '')))).toEqual([]);
  });
});

describe('the resources', () => {
  it('keep shared-key access off in the storage account, with TLS 1.2 and no public blob access, and give the identity its table role', () => {
    const [account, ...more] = resourcesOfType(files, 'Microsoft.Storage/storageAccounts');
    expect(more).toEqual([]);
    expect(account!.body).toMatch(/^\s+allowSharedKeyAccess: false$/m);
    expect(account!.body).toMatch(/^\s+minimumTlsVersion: 'TLS1_2'$/m);
    expect(account!.body).toMatch(/^\s+allowBlobPublicAccess: false$/m);
    const all = files.map((f) => scrub(f.text, false)).join('\n');
    expect(all).not.toMatch(/allowSharedKeyAccess: true|listKeys\(|AccountKey=/);
    const storage = scrub(files.find((f) => f.file.endsWith('storage.bicep'))!.text, false);
    expect(storage).toContain("'0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'"); // Storage Table Data Contributor
    expect(storage).toMatch(/scope: account/);
  });

  it('connect the bot to Microsoft Teams only: a Teams channel, a Web Chat channel without sites, no other channel', () => {
    const channels = resourcesOfType(files, 'Microsoft.BotService/botServices/channels');
    const byName = new Map(channels.map((c) => [/channelName: '(\w+)'/.exec(c.body)?.[1], c.body]));
    expect(sorted(byName.keys() as Iterable<string>)).toEqual(['MsTeamsChannel', 'WebChatChannel']);
    expect(byName.get('MsTeamsChannel')).toMatch(/isEnabled: true/);
    expect(byName.get('WebChatChannel')).toMatch(/sites: \[\]/);
    const [bot] = resourcesOfType(files, 'Microsoft.BotService/botServices');
    const botFile = scrub(files.find((f) => f.file.endsWith('bot.bicep'))!.text, false);
    expect(bot).toBeDefined();
    expect(botFile).toMatch(/disableLocalAuth: true/);
    expect(botFile).toMatch(/msaAppMSIResourceId: identityId/);
  });

  it('run App Service on Linux with Node 24, always on, probing /healthz, and Container Apps with at least one replica', () => {
    const appService = scrub(files.find((f) => f.file.endsWith('appservice.bicep'))!.text, false);
    expect(appService).toMatch(/linuxFxVersion: 'NODE\|24-lts'/);
    expect(appService).toMatch(/alwaysOn: true/);
    expect(appService).toMatch(/healthCheckPath: '\/healthz'/);
    expect(appService).toMatch(/httpsOnly: true/);
    expect(appService).toMatch(/userAssignedIdentities: \{\s+'\$\{identityId\}': \{\}/);
    const containerApp = scrub(files.find((f) => f.file.endsWith('containerapp.bicep'))!.text, false);
    expect(containerApp).toMatch(/minReplicas: 1/);
    expect(containerApp).toMatch(/path: '\/readyz'/);
  });

  it('put telemetry into a workspace-based Application Insights resource', () => {
    const [insights] = resourcesOfType(files, 'Microsoft.Insights/components');
    expect(insights!.body).toMatch(/WorkspaceResourceId: workspace\.id/);
    expect(resourcesOfType(files, 'Microsoft.OperationalInsights/workspaces')).toHaveLength(1);
  });
});
