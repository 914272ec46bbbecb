import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from './free-port.js';
import { tempDir } from './temp-dir.js';

const ROOT = resolve(import.meta.dirname, '../..');
export const API_ENTRY = join(ROOT, 'dist/api/apps/api/src/main.js');

export interface ApiProcessOptions {
  /** Extra environment (REDIS_URL, CREATE_DELAY_MS, …). */
  env?: Record<string, string>;
  /** Share one database between processes; default: a new file in a temp folder. */
  sqlitePath?: string;
  port?: number;
}

export interface ApiProcess {
  baseUrl: string;
  port: number;
  sqlitePath: string;
  pid(): number | undefined;
  /** Everything the process printed so far (for failure messages). */
  output(): string;
  /** SIGTERM (graceful) or SIGKILL; resolves with the exit code or signal once it has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | string | null>;
  /** Start again on the same port and database. */
  restart(): Promise<void>;
}

/**
 * The built server (`npm run build:api`) as a real child process, ready when /api/health
 * answers. Defaults: its own SQLite file, CREATE_DELAY_MS=200, quiet logs, no Redis.
 */
export async function startApi(options: ApiProcessOptions = {}): Promise<ApiProcess> {
  if (!existsSync(API_ENTRY)) throw new Error(`${API_ENTRY} is missing: run npm run build first`);
  const port = options.port ?? (await freePort());
  const sqlitePath = options.sqlitePath ?? join(tempDir().path, 'contacts.sqlite3');
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    SQLITE_PATH: sqlitePath,
    CREATE_DELAY_MS: '200',
    LOG_LEVEL: 'warn',
    REDIS_URL: '',
    // Part 1's suites run as its clients do; Part 2's pass AUTH: 'accounts'.
    AUTH: 'none',
    ...options.env,
  };
  let child: ChildProcess | undefined;
  let output = '';
  let exited: Promise<number | string | null> = Promise.resolve(null);
  const baseUrl = `http://127.0.0.1:${port}`;

  const start = async () => {
    child = spawn(process.execPath, [API_ENTRY], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const proc = child;
    proc.stdout?.on('data', (chunk) => (output += chunk));
    proc.stderr?.on('data', (chunk) => (output += chunk));
    exited = new Promise((resolveExit) => proc.on('exit', (code, signal) => resolveExit(code ?? signal)));
    await waitForHealth(baseUrl, proc, () => output);
  };

  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return exited;
    child.kill(signal);
    return exited;
  };

  await start();
  return {
    baseUrl,
    port,
    sqlitePath,
    pid: () => child?.pid,
    output: () => output,
    stop,
    restart: async () => {
      await stop();
      await start();
    },
  };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`API exited early (${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`API did not become healthy within 20 s:\n${output()}`);
}
