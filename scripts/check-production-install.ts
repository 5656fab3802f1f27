// Proves that a production install is one: the build made with the development dependencies runs from a folder that
// holds nothing but package.json, package-lock.json, .npmrc and dist/, after `npm ci --omit=dev`.
//
//   npx tsx scripts/check-production-install.ts [--keep]
//
// 1. build folder: the files the Dockerfile's build stage copies, a full install (DEV_INSTALL), the build (BUILD);
// 2. production folder: package.json, package-lock.json, .npmrc and dist/ from the build folder, PRODUCTION_INSTALL;
// 3. an Azurite table server from the build folder's node_modules (production storage is remote; here it is this);
// 4. START in production mode (app id, secrets, connection string): /readyz answers 200, POST /api/messages without
//    a token answers 401, SIGTERM ends the process with exit code 0 before SHUTDOWN_TIMEOUT_MS;
// 5. prints the number of production packages and their size on disk.
// The Dockerfile runs the same commands; test/dockerfile.spec.ts holds the two together.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** the build stage's install: every dependency, development ones included. */
export const DEV_INSTALL = ['npm', 'ci', '--no-audit', '--no-fund'];
/** the build: TypeScript to dist/ (package.json's `build` script, tsconfig.build.json). */
export const BUILD = ['npm', 'run', 'build'];
/** the runtime's install: only what production needs. */
export const PRODUCTION_INSTALL = ['npm', 'ci', '--omit=dev', '--no-audit', '--no-fund'];
/** how production starts the bot. */
export const START = ['node', 'dist/host/main.js'];
/** what the runtime needs besides its install: the compiled bot (JSON templates included: tsc copies what the code imports). */
export const RUNTIME_FROM_BUILD = ['dist'];
/** the files both installs read. */
export const INSTALL_FILES = ['package.json', 'package-lock.json', '.npmrc'];
/** the graceful shutdown's default deadline (app/config.ts). */
const SHUTDOWN_DEADLINE_MS = 25_000;

const ROOT = path.resolve(__dirname, '..');

/** the files and folders the build needs: the install files, both TypeScript configurations and the folders tsconfig.build.json compiles. */
export function buildInputs(root = ROOT): string[] {
  const { include } = JSON.parse(readFileSync(path.join(root, 'tsconfig.build.json'), 'utf8')) as { include: string[] };
  return [...INSTALL_FILES, 'tsconfig.json', 'tsconfig.build.json', ...include];
}

function step(text: string): void {
  console.log(`\n== ${text}`);
}

/** runs a command in `cwd`, its output shown; `node` is the node running this script. Throws on a non-zero exit. */
function run(command: string[], cwd: string): Promise<void> {
  const [bin, ...args] = command as [string, ...string[]];
  const started = Date.now();
  console.log(`$ ${command.join(' ')}   (in ${cwd})`);
  return new Promise((resolve, reject) => {
    const child = spawn(bin === 'node' ? process.execPath : bin, args, { cwd, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) {
        console.log(`   done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        resolve();
      } else reject(new Error(`${command.join(' ')} exited with ${code}`));
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(
  what: string,
  timeoutMs: number,
  probe: () => Promise<boolean>,
  alive: () => boolean = () => true,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!alive()) throw new Error(`${what}: the process ended`);
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
}

const tcpOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** packages in an installed tree (npm's own record of what it installed) and their size on disk in bytes. */
export function installedPackages(folder: string): { count: number; names: Set<string>; bytes: number } {
  const lock = JSON.parse(readFileSync(path.join(folder, 'node_modules', '.package-lock.json'), 'utf8')) as {
    packages: Record<string, { link?: boolean }>;
  };
  const entries = Object.entries(lock.packages).filter(
    ([key, value]) => key.startsWith('node_modules/') && !value.link,
  );
  const names = new Set(entries.map(([key]) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length)));
  return { count: entries.length, names, bytes: diskUsage(path.join(folder, 'node_modules')) };
}

/** bytes a folder takes on disk (allocated blocks, as du counts them). */
function diskUsage(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const stat = lstatSync(full);
    total += stat.blocks * 512;
    if (entry.isDirectory()) total += diskUsage(full);
  }
  return total;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** a Teams message activity, well-formed, from the tenant the bot accepts; without a token it must be refused with 401. */
function teamsActivity(tenantId: string): Record<string, unknown> {
  return {
    type: 'message',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: '29:someone', aadObjectId: randomUUID(), name: 'Someone' },
    recipient: { id: '28:mitwirken', name: 'Mitwirken' },
    conversation: { id: 'a:personal-chat', conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
    text: 'hilfe',
  };
}

async function main(): Promise<void> {
  const keep = process.argv.includes('--keep');
  const started = Date.now();
  const work = mkdtempSync(path.join(tmpdir(), 'mitwirken-production-install-'));
  const buildDir = path.join(work, 'build');
  const prodDir = path.join(work, 'production');
  const children: ChildProcess[] = [];
  try {
    console.log(`node ${process.version}; working in ${work}`);

    step("1. build folder: the build stage's files, a full install, the build");
    for (const input of buildInputs()) cpSync(path.join(ROOT, input), path.join(buildDir, input), { recursive: true });
    await run(DEV_INSTALL, buildDir);
    await run(BUILD, buildDir);

    step('2. production folder: package.json, package-lock.json, .npmrc, dist/ and a production install');
    for (const file of [...INSTALL_FILES, ...RUNTIME_FROM_BUILD])
      cpSync(path.join(buildDir, file), path.join(prodDir, file), { recursive: true });
    await run(PRODUCTION_INSTALL, prodDir);
    const production = installedPackages(prodDir);
    const { devDependencies = {}, dependencies = {} } = JSON.parse(
      readFileSync(path.join(prodDir, 'package.json'), 'utf8'),
    ) as Record<string, Record<string, string>>;
    const alsoBelow = Object.keys(devDependencies).filter((name) => production.names.has(name));
    if (alsoBelow.length > 0)
      console.log(
        `   named like development dependencies, installed for production packages (in their own versions): ${alsoBelow.join(', ')}`,
      );
    for (const name of ['azurite', 'tsx', 'pino-pretty', '@microsoft/m365agentsplayground']) {
      if (existsSync(path.join(prodDir, 'node_modules', name))) throw new Error(`${name} is in the production install`);
    }

    step("3. Azurite table server from the build folder's development install");
    const tablePort = await freePort();
    const azurite = spawn(
      process.execPath,
      [
        path.join(buildDir, 'node_modules/azurite/dist/src/table/main.js'),
        '--tableHost',
        '127.0.0.1',
        '--tablePort',
        String(tablePort),
        '--inMemoryPersistence',
        '--disableTelemetry',
        '--skipApiVersionCheck',
      ],
      { cwd: work, stdio: 'ignore' },
    );
    children.push(azurite);
    await waitFor(
      'Azurite listening',
      30_000,
      () => tcpOpen(tablePort),
      () => azurite.exitCode === null,
    );
    console.log(`   listening on 127.0.0.1:${tablePort}`);

    step(`4. ${START.join(' ')} in production mode`);
    const port = await freePort();
    const tenantId = randomUUID();
    const [, ...startArgs] = START as [string, ...string[]];
    let output = '';
    const bot = spawn(process.execPath, startArgs, {
      cwd: prodDir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: prodDir,
        NODE_ENV: 'production',
        NODE_OPTIONS: '--max-old-space-size=256',
        MALLOC_ARENA_MAX: '2',
        PORT: String(port),
        MicrosoftAppId: randomUUID(),
        MicrosoftAppPassword: randomBytes(24).toString('base64url'),
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: tenantId,
        ALLOWED_TENANT_IDS: tenantId,
        ANSWER_SECRET: randomBytes(36).toString('base64url'),
        AZURE_STORAGE_CONNECTION_STRING: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:${tablePort}/devstoreaccount1;`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(bot);
    bot.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    bot.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => bot.once('exit', (code) => resolve(code)));
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitFor(
        'GET /readyz answers 200',
        60_000,
        async () => (await fetch(`${base}/readyz`)).status === 200,
        () => bot.exitCode === null,
      );
      console.log('   GET /readyz: 200');
      const refused = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(teamsActivity(tenantId)),
      });
      if (refused.status !== 401)
        throw new Error(`POST /api/messages without a token answered ${refused.status}, not 401`);
      console.log('   POST /api/messages without a token: 401');
      const signalled = Date.now();
      bot.kill('SIGTERM');
      const code = await Promise.race([
        exited,
        new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), SHUTDOWN_DEADLINE_MS + 5000).unref()),
      ]);
      const took = Date.now() - signalled;
      if (code !== 0)
        throw new Error(`after SIGTERM: ${code === 'late' ? 'still running' : `exit code ${code}`} after ${took} ms`);
      if (took > SHUTDOWN_DEADLINE_MS)
        throw new Error(`SIGTERM took ${took} ms, past the ${SHUTDOWN_DEADLINE_MS} ms deadline`);
      console.log(`   SIGTERM: exit code 0 after ${took} ms`);
      if (!output.split('\n').some((line) => line.startsWith('{') && line.includes('"mode":"production"')))
        throw new Error('no JSON log line saying it started in production mode');
    } catch (err) {
      console.error(`--- the bot's output ---\n${output}------------------------`);
      throw err;
    }

    step('5. the production install');
    console.log(
      `   ${production.count} packages, ${megabytes(production.bytes)} on disk (node_modules of npm ci --omit=dev; ${Object.keys(dependencies).length} direct dependencies)`,
    );
    console.log(`\nproduction install checked in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (keep) console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`\nproduction install check failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
}
