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

/**
 * Resolves once some other connection holds the write lock every writer takes first: on
 * SQLite the database's (a `BEGIN IMMEDIATE` from a shell with no busy timeout is refused
 * while it is held), on PostgreSQL the table lock on contact_versions. Lets a test start
 * a second writer knowing the first is already inside its transaction.
 */
export async function untilWriteLocked(target: DatabaseTarget, withinMs = 10_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await writeLocked(target))) {
    if (Date.now() > deadline) throw new Error(`nothing took the write lock within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function writeLocked(target: DatabaseTarget): Promise<boolean> {
  if (target.kind === 'postgres') {
    return (await sql(target, `SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
      WHERE l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND c.relname = 'contact_versions' AND l.mode = 'ShareRowExclusiveLock' AND l.granted`)) !== '0';
  }
  const stderr = await new Promise<string>((resolve) => {
    execFile('/usr/bin/sqlite3', ['-bail', target.path, 'BEGIN IMMEDIATE; ROLLBACK;'], { timeout: 5_000 }, (error, _stdout, err) => resolve(error ? String(err) : ''));
  });
  if (stderr && !/database is locked/.test(stderr)) throw new Error(`sqlite client failed: ${stderr}`);
  return stderr !== '';
}

/** A string literal for either client. */
export const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
