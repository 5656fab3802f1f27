import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { MockUser } from '../app/polls';

/** the Agents Playground's default UI port. */
export const PLAYGROUND_PORT = 56150;

/** the mock tenant in `.m365agentsplayground.yml`: its current user and the other users. */
export interface PlaygroundTenant {
  currentUserId?: string;
  users: MockUser[];
}

interface TenantFile {
  currentUser?: { aadObjectId?: string; name?: string };
  users?: { aadObjectId?: string; name?: string }[];
}

/** reads the mock tenant; a missing or unreadable file means an empty tenant. */
export function readPlaygroundTenant(file: string): PlaygroundTenant {
  try {
    const data = parse(readFileSync(file, 'utf8')) as TenantFile;
    const users = (data.users ?? [])
      .filter(
        (u): u is { aadObjectId: string; name: string } =>
          typeof u.aadObjectId === 'string' && typeof u.name === 'string',
      )
      .map((u) => ({ aadObjectId: u.aadObjectId, name: u.name }));
    return { currentUserId: data.currentUser?.aadObjectId, users };
  } catch {
    return { users: [] };
  }
}

/** a running Agents Playground child process. */
export interface PlaygroundProcess {
  url: string;
  logFile: string;
  stop(): Promise<void>;
}

/** the Playground's command line under `cwd`, or undefined when it is not installed (it is a development dependency). */
export function playgroundCli(cwd: string): string | undefined {
  const bin = path.join(cwd, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
  return existsSync(bin) ? bin : undefined;
}

/**
 * starts the Microsoft 365 Agents Playground (a Teams-like web client) against the local bot.
 * It logs to a file (not the terminal) and opens no browser; its telemetry is off.
 */
export function startPlayground(options: {
  botPort: number;
  dataDir: string;
  cwd: string;
  port?: number;
}): PlaygroundProcess {
  const port = options.port ?? PLAYGROUND_PORT;
  const bin = playgroundCli(options.cwd);
  if (!bin)
    throw new Error(
      'the Agents Playground (@microsoft/m365agentsplayground, a development dependency) is not installed; run npm ci',
    );
  mkdirSync(options.dataDir, { recursive: true });
  const logFile = path.resolve(options.dataDir, 'playground.log');
  const child: ChildProcess = spawn(
    process.execPath,
    [bin, '-e', `http://127.0.0.1:${options.botPort}/api/messages`, '-c', 'msteams', '-p', String(port), '--dt'],
    {
      cwd: options.cwd,
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_LOGFILE: logFile },
      stdio: 'ignore',
      detached: true,
    },
  );
  return {
    url: `http://localhost:${port}`,
    logFile,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || !child.pid) return resolve();
        child.once('exit', () => resolve());
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          resolve();
        }
        setTimeout(() => {
          try {
            if (child.pid) process.kill(-child.pid, 'SIGKILL');
          } catch {
            /* already gone */
          }
          resolve();
        }, 3000).unref();
      }),
  };
}
