// The Dockerfile cannot be built here (no Docker daemon in CI), so this checks what can be checked without one: its
// stages run exactly the commands scripts/check-production-install.ts proves (which CI runs), on the Node.js the
// project supports, as a user other than root, with a health check that answers against the real HTTP server.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type restify from 'restify';
import { createLogger } from '../host/logger';
import { createServer } from '../bot/server';
import {
  BUILD,
  buildInputs,
  DEV_INSTALL,
  INSTALL_FILES,
  PRODUCTION_INSTALL,
  RUNTIME_FROM_BUILD,
  START,
} from '../scripts/check-production-install';

const ROOT = path.resolve(__dirname, '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

interface Instruction {
  keyword: string;
  args: string;
}

/** the instructions of each stage (continued lines joined, comments dropped). */
function stages(text: string): { from: string; instructions: Instruction[] }[] {
  const logical = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const result: { from: string; instructions: Instruction[] }[] = [];
  for (const line of logical) {
    const [, keyword = '', args = ''] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    if (keyword.toUpperCase() === 'FROM') result.push({ from: args.trim(), instructions: [] });
    else result.at(-1)?.instructions.push({ keyword: keyword.toUpperCase(), args: args.replace(/\s+/g, ' ').trim() });
  }
  return result;
}

const all = (stage: { instructions: Instruction[] }, keyword: string) =>
  stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
/** the commands of a stage's RUN instructions, `a && b` as two. */
const commands = (stage: { instructions: Instruction[] }) =>
  all(stage, 'RUN').flatMap((run) => run.split('&&').map((c) => c.trim()));
/** a COPY's flags, sources and destination. */
function copy(args: string): { from?: string; sources: string[]; dest: string } {
  const words = args.split(' ');
  const flags = words.filter((w) => w.startsWith('--'));
  const rest = words.filter((w) => !w.startsWith('--'));
  return {
    from: flags.find((f) => f.startsWith('--from='))?.slice('--from='.length),
    sources: rest.slice(0, -1),
    dest: rest.at(-1) ?? '',
  };
}

const dockerfile = stages(read('Dockerfile'));
const [build, runtime] = dockerfile as [(typeof dockerfile)[number], (typeof dockerfile)[number]];
const env = Object.fromEntries(
  all(runtime, 'ENV').flatMap((args) =>
    args.split(' ').map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  ),
);

describe('Dockerfile', () => {
  test('has a build stage and a runtime stage on Node.js 24 (bookworm-slim), which package.json engines allows', () => {
    expect(dockerfile.map((s) => s.from)).toEqual(['node:24-bookworm-slim AS build', 'node:24-bookworm-slim']);
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
    expect(engines).toBe('>=22');
    expect(24).toBeGreaterThanOrEqual(Number(/>=(\d+)/.exec(engines)?.[1]));
  });

  test('the build stage installs and builds with the commands the production-install check runs, from the files it copies', () => {
    expect(commands(build)).toEqual([DEV_INSTALL.join(' '), BUILD.join(' ')]);
    expect(
      all(build, 'COPY')
        .flatMap((args) => copy(args).sources)
        .sort(),
    ).toEqual([...buildInputs()].sort());
    // the install reads only the install files: the build's sources come after it, so a code change keeps the install's layer.
    const firstCopy = copy(all(build, 'COPY')[0] ?? '');
    expect(firstCopy.sources.sort()).toEqual([...INSTALL_FILES].sort());
    expect(build.instructions.findIndex((i) => i.keyword === 'RUN')).toBe(
      build.instructions.findIndex((i) => i.keyword === 'COPY') + 1,
    );
  });

  test('the runtime stage installs production dependencies only, takes only dist/ from the build, and starts as the check does', () => {
    expect(commands(runtime)[0]).toBe(PRODUCTION_INSTALL.join(' '));
    expect(commands(runtime).slice(1)).toEqual(['npm cache clean --force']);
    const copies = all(runtime, 'COPY').map(copy);
    expect(
      copies
        .filter((c) => !c.from)
        .flatMap((c) => c.sources)
        .sort(),
    ).toEqual([...INSTALL_FILES].sort());
    expect(copies.filter((c) => c.from === 'build').map((c) => c.sources)).toEqual(
      RUNTIME_FROM_BUILD.map((dir) => [`/app/${dir}`]),
    );
    expect(JSON.parse(all(runtime, 'CMD')[0] ?? 'null')).toEqual(START);
    expect(all(runtime, 'WORKDIR')).toEqual(['/app']);
  });

  test('runs as a user other than root', () => {
    const users = all(runtime, 'USER');
    expect(users).toHaveLength(1);
    expect(users[0]).not.toMatch(/^(root|0)(:|$)/);
    const order = runtime.instructions.map((i) => i.keyword);
    expect(order.indexOf('USER')).toBeGreaterThan(order.lastIndexOf('RUN'));
  });

  test('sets the port it exposes and the memory settings docs/operations.md recommends', () => {
    expect(env).toMatchObject({
      NODE_ENV: 'production',
      PORT: '3978',
      NODE_OPTIONS: '--max-old-space-size=256',
      MALLOC_ARENA_MAX: '2',
    });
    expect(all(runtime, 'EXPOSE')).toEqual([env.PORT]);
    const operations = read('docs/operations.md');
    expect(operations).toContain(`NODE_OPTIONS=${env.NODE_OPTIONS}`);
    expect(operations).toContain(`MALLOC_ARENA_MAX=${env.MALLOC_ARENA_MAX}`);
  });

  describe('HEALTHCHECK', () => {
    const healthcheck = all(runtime, 'HEALTHCHECK')[0] ?? '';
    const exec = JSON.parse(healthcheck.slice(healthcheck.indexOf('CMD ') + 4)) as string[];
    let server: restify.Server;
    let port: number;

    beforeAll(async () => {
      // the bot's HTTP surface with nothing behind it: liveness must not depend on storage or Teams.
      const log = createLogger('silent', false, { write: () => undefined });
      server = createServer({
        adapter: {} as CloudAdapter,
        bot: {} as ActivityHandler,
        log,
        ready: () => Promise.reject(new Error('no storage')),
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    test('probes a path the server answers with 200, also while storage is unreachable', async () => {
      const paths = [...healthcheck.matchAll(/'(\/[\w/-]*)'/g)].map((m) => m[1]);
      expect(paths).toEqual(['/healthz']);
      expect((await fetch(`http://127.0.0.1:${port}${paths[0]}`)).status).toBe(200);
    });

    test('its command exits with 0 while the server answers, and with 1 when nothing listens', async () => {
      expect(exec[0]).toBe('node');
      const probe = (env: Record<string, string>) =>
        new Promise<number | null>((resolve) => {
          const child = spawn(process.execPath, exec.slice(1), {
            env: { PATH: process.env.PATH ?? '', ...env },
            stdio: 'ignore',
            timeout: 20_000,
          });
          child.once('exit', (code) => resolve(code));
        });
      expect(await probe({ PORT: String(port) })).toBe(0);
      expect(await probe({ PORT: '1' })).toBe(1);
    });
  });
});

describe('.dockerignore', () => {
  const rules = read('.dockerignore')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const allowed = rules.filter((r) => r.startsWith('!')).map((r) => r.slice(1));

  test('keeps everything out of the build context but what the Dockerfile copies', () => {
    expect(rules[0]).toBe('*');
    const copied = dockerfile.flatMap((stage) =>
      all(stage, 'COPY')
        .map(copy)
        .filter((c) => !c.from)
        .flatMap((c) => c.sources),
    );
    for (const source of copied) expect(allowed).toContain(source);
    for (const secretOrLocal of ['.env', '.data', 'node_modules', '.git', 'dist', 'build'])
      expect(allowed).not.toContain(secretOrLocal);
    expect(rules.at(-1)).toBe('**/node_modules');
  });
});
