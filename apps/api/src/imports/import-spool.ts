import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { detailError } from '../common/api-errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/** The contract's limit for one import body. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
export const TOO_LARGE_DETAIL = 'The file is larger than 50 MiB.';
/** Enough of the file's start to tell vCard from CSV. */
const HEAD_BYTES = 4096;
/**
 * After a 413 the rest of the body is read and dropped, so the client can finish sending
 * and read the answer; one that sends this much more is cut off.
 */
const DISCARD_MAX_BYTES = 2 * IMPORT_MAX_BYTES;

/** An upload on disk. */
export interface SpooledFile {
  path: string;
  size: number;
  /** Its first bytes (up to HEAD_BYTES). */
  head: Buffer;
}

class TooLarge extends Error {}

/**
 * Import bodies, streamed to files beside the database (SQLite: next to its file; the
 * PostgreSQL server's data is elsewhere, so `data/` under the working directory): a job
 * reads its file as often as it needs, and a restart finds it there.
 */
@Injectable()
export class ImportSpool {
  readonly directory: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.directory = config.database.kind === 'sqlite' ? join(dirname(config.database.path), 'import-spool') : resolve('data', 'import-spool');
  }

  /** Writes the body to a new file; over the limit → 413 and no file. */
  async receive(body: Readable, declaredLength: number | null): Promise<SpooledFile> {
    if (declaredLength !== null && declaredLength > IMPORT_MAX_BYTES) {
      discardRest(body, 0);
      throw detailError(413, TOO_LARGE_DETAIL);
    }
    mkdirSync(this.directory, { recursive: true });
    const path = join(this.directory, `${randomUUID()}.upload`);
    let size = 0;
    const head: Buffer[] = [];
    let headSize = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (size > IMPORT_MAX_BYTES) return callback(new TooLarge());
        if (headSize < HEAD_BYTES) {
          head.push(chunk.subarray(0, HEAD_BYTES - headSize));
          headSize += Math.min(chunk.length, HEAD_BYTES - headSize);
        }
        callback(null, chunk);
      },
    });
    // Piped, not pipelined, from the request: a failure here must not destroy the request
    // (and with it the connection the 413 goes out on).
    body.on('error', (error) => counter.destroy(error));
    body.pipe(counter);
    try {
      await pipeline(counter, createWriteStream(path, { flags: 'wx' }));
    } catch (error) {
      body.unpipe(counter);
      await rm(path, { force: true });
      if (error instanceof TooLarge) {
        discardRest(body, size);
        throw detailError(413, TOO_LARGE_DETAIL);
      }
      // The client went away mid-upload (or the disk failed): nothing is kept either way.
      if (body.destroyed || (body as Readable & { aborted?: boolean }).aborted) throw detailError(400, 'The upload did not complete.');
      throw error;
    }
    return { path, size, head: Buffer.concat(head) };
  }

  read(path: string): Readable {
    return createReadStream(path);
  }

  exists(path: string): boolean {
    return existsSync(path);
  }

  async remove(path: string): Promise<void> {
    await rm(path, { force: true });
  }

  /** Removes the uploads not in `kept` that have not changed for `olderThanMs`. */
  async removeStale(kept: ReadonlySet<string>, olderThanMs: number): Promise<void> {
    const names = await readdir(this.directory).catch(() => [] as string[]);
    for (const name of names) {
      const path = join(this.directory, name);
      if (!name.endsWith('.upload') || kept.has(path)) continue;
      const modified = await stat(path).then((s) => s.mtimeMs, () => null);
      if (modified !== null && Date.now() - modified > olderThanMs) await this.remove(path);
    }
  }
}

function discardRest(body: Readable, alreadyRead: number): void {
  let dropped = alreadyRead;
  body.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DISCARD_MAX_BYTES) body.destroy();
  });
  body.resume();
}
