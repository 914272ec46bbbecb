import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/temp-dir.js';

/**
 * vdirsyncer (the Debian package) as a real CardDAV client: a pair of a folder of .vcf files
 * (side a) and one address book found by discovery from `url` (side b), with its config and
 * status folder in a temp dir. Each `sync` is one `vdirsyncer sync` process; what it did is
 * read back from its log lines.
 */

export type ConflictResolution = null | 'a wins' | 'b wins';

/** What one run changed on one side, by item ident (the card's UID). */
export interface SideActions {
  created: string[];
  updated: string[];
  deleted: string[];
}

export interface VdirsyncerRun {
  code: number;
  output: string;
  /** Cards written into / removed from the folder. */
  folder: SideActions;
  /** Cards PUT to / DELETEd from the server. */
  server: SideActions;
  /** Idents vdirsyncer refused to sync because both sides changed them. */
  conflicts: string[];
}

export interface PairOptions {
  /** Where discovery starts (the well-known URL, /dav/, or the book itself). */
  url: string;
  username: string;
  password: string;
  /** The collection to sync: the last segment of the book's URL (our book id). */
  collection: string;
  timeoutMs?: number;
}

const FOLDER = 'folder';
const SERVER = 'server';

/** Fails at once, with how to get it, when the vdirsyncer command is not installed. */
export function requireVdirsyncer(): string {
  const probe = spawnSync('vdirsyncer', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(`vdirsyncer is needed for this suite (apt-get install vdirsyncer): ${probe.error?.message ?? probe.stderr}`);
  }
  return probe.stdout.trim();
}

function emptyActions(): SideActions {
  return { created: [], updated: [], deleted: [] };
}

/** vdirsyncer's INFO lines ("Copying (uploading) item X to server/3", …) as actions per side. */
export function parseVdirsyncerLog(output: string): Pick<VdirsyncerRun, 'folder' | 'server' | 'conflicts'> {
  const sides = { [FOLDER]: emptyActions(), [SERVER]: emptyActions() };
  const side = (storage: string) => sides[storage.split('/')[0] as typeof FOLDER | typeof SERVER];
  const conflicts: string[] = [];
  for (const line of output.split('\n')) {
    let m = /Copying \((uploading|updating)\) item (\S+) to (\S+)/.exec(line);
    if (m) side(m[3])?.[m[1] === 'uploading' ? 'created' : 'updated'].push(m[2]);
    m = /Deleting item (\S+) from (\S+)/.exec(line);
    if (m) side(m[2])?.deleted.push(m[1]);
    m = /Item ID: (\S+)/.exec(line);
    if (m) conflicts.push(m[1]);
  }
  return { folder: sides[FOLDER], server: sides[SERVER], conflicts };
}

const tomlString = (value: string) => JSON.stringify(value);

export class VdirsyncerPair {
  private readonly dir = tempDir('contacts-vdirsyncer-');
  /** The synced folder: one `<uid>.vcf` per card. */
  readonly folder: string;
  private readonly config: string;

  constructor(private readonly options: PairOptions) {
    this.folder = join(this.dir.path, FOLDER, options.collection);
    this.config = join(this.dir.path, 'config');
    // Made beforehand: vdirsyncer would otherwise ask on stdin whether to create it.
    mkdirSync(this.folder, { recursive: true });
    mkdirSync(join(this.dir.path, 'status'));
  }

  private writeConfig(conflictResolution: ConflictResolution): void {
    const { url, username, password, collection } = this.options;
    const lines = [
      '[general]',
      `status_path = ${tomlString(join(this.dir.path, 'status'))}`,
      '',
      '[pair book]',
      `a = "${FOLDER}"`,
      `b = "${SERVER}"`,
      `collections = [${tomlString(collection)}]`,
      `conflict_resolution = ${conflictResolution === null ? 'null' : tomlString(conflictResolution)}`,
      '',
      `[storage ${FOLDER}]`,
      'type = "filesystem"',
      `path = ${tomlString(join(this.dir.path, FOLDER))}`,
      'fileext = ".vcf"',
      '',
      `[storage ${SERVER}]`,
      'type = "carddav"',
      `url = ${tomlString(url)}`,
      `username = ${tomlString(username)}`,
      `password = ${tomlString(password)}`,
      '',
    ];
    writeFileSync(this.config, lines.join('\n'));
  }

  /** `vdirsyncer discover`: finds the book from the URL (principal → home set → books). */
  discover(): Promise<VdirsyncerRun> {
    this.writeConfig(null);
    return this.run(['discover', 'book']);
  }

  /** `vdirsyncer sync` once, with that conflict rule. */
  sync({ conflictResolution = null }: { conflictResolution?: ConflictResolution } = {}): Promise<VdirsyncerRun> {
    this.writeConfig(conflictResolution);
    return this.run(['sync', 'book']);
  }

  private run(args: string[]): Promise<VdirsyncerRun> {
    const timeoutMs = this.options.timeoutMs ?? 30_000;
    return new Promise((resolve, reject) => {
      // No stdin: a question from vdirsyncer ends the run instead of hanging it.
      const child = spawn('vdirsyncer', ['-c', this.config, ...args], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' },
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`vdirsyncer ${args.join(' ')} still running after ${timeoutMs} ms:\n${output.slice(-3000)}`));
      }, timeoutMs);
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code: code ?? -1, output, ...parseVdirsyncerLog(output) });
      });
    });
  }

  /** The folder's cards: file name → text. */
  files(): Map<string, string> {
    return new Map(
      readdirSync(this.folder)
        .filter((name) => name.endsWith('.vcf'))
        .sort()
        .map((name) => [name, readFileSync(join(this.folder, name), 'utf8')]),
    );
  }

  read(name: string): string {
    return readFileSync(join(this.folder, name), 'utf8');
  }

  has(name: string): boolean {
    return existsSync(join(this.folder, name));
  }

  write(name: string, text: string): void {
    writeFileSync(join(this.folder, name), text);
  }

  delete(name: string): void {
    rmSync(join(this.folder, name));
  }

  remove(): void {
    this.dir.remove();
  }
}

/** A card's unfolded property lines (a CRLF followed by a space or tab continues the line). */
export function propertyLines(card: string): string[] {
  return card
    .replace(/\r?\n[ \t]/g, '')
    .split(/\r?\n/)
    .filter(Boolean);
}

/** The value of a card's first `name` property (any group, any parameters), or null. */
export function propertyValue(card: string, name: string): string | null {
  const pattern = new RegExp(`^(?:[A-Za-z0-9-]+\\.)?${name}[;:]`, 'i');
  const line = propertyLines(card).find((l) => pattern.test(l));
  return line === undefined ? null : line.slice(line.indexOf(':') + 1);
}

/** The card with its first `name` property's value replaced (parameters kept), unfolded, CRLF. */
export function withProperty(card: string, name: string, value: string): string {
  const pattern = new RegExp(`^((?:[A-Za-z0-9-]+\\.)?${name}(?:;[^:]*)?):`, 'i');
  let done = false;
  const lines = propertyLines(card).map((line) => {
    const m = done ? null : pattern.exec(line);
    if (!m) return line;
    done = true;
    return `${m[1]}:${value}`;
  });
  if (!done) throw new Error(`no ${name} in ${card.slice(0, 200)}`);
  return lines.map((line) => `${line}\r\n`).join('');
}
