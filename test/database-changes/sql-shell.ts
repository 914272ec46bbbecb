import { execFile } from 'node:child_process';

/** Where a test's database lives: the SQLite file, or the PostgreSQL URL. */
export type DatabaseTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export interface ShellResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs SQL with the real command-line client, the way a person or a script outside the
 * server would: /usr/bin/sqlite3 (waiting out the server's write lock, as a careful
 * script does) or /usr/bin/psql (stopping at the first error).
 */
export function shell(target: DatabaseTarget, sql: string): Promise<ShellResult> {
  const [command, args] =
    target.kind === 'sqlite'
      ? ['/usr/bin/sqlite3', ['-bail', '-cmd', '.timeout 10000', target.path, sql]]
      : ['/usr/bin/psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-t', '-A', '-d', target.url, '-c', sql]];
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 20_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** Like `shell`, but a failure throws with what the client printed. */
export async function sql(target: DatabaseTarget, statement: string): Promise<string> {
  const result = await shell(target, statement);
  if (result.code !== 0) throw new Error(`${target.kind} client failed (${result.code}): ${result.stderr}`);
  return result.stdout.trim();
}

/** A string literal for either client. */
export const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
