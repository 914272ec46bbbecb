import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { type ImportFormat, type ImportJob, type ImportStarted, ON_DUPLICATE, type OnDuplicate } from '@contacts/wire-types';
import type { BookAccess } from '../access/book-access.js';
import { callerRefOf } from '../access/caller.js';
import { badRequest, detailError, notFound } from '../common/api-errors.js';
import { nowIso } from '../common/clock.js';
import { bookFilterOf } from '../contacts/book-field.js';
import { ContactsService } from '../contacts/contacts.service.js';
import { WriteTransactions } from '../database/write-transactions.js';
import { CsvHeaderError, CsvSyntaxError, csvRecords, detectFormat } from '../vcard/index.js';
import { countCards } from './card-source.js';
import { encodeCaller } from './import-caller.js';
import { toImportJob } from './import-progress.js';
import { ImportRunner } from './import-runner.js';
import { ImportSpool, type SpooledFile } from './import-spool.js';
import { ImportsRepository } from './imports.repository.js';

export interface ImportQuery {
  address_book?: unknown;
  on_duplicate?: unknown;
}

/** What the upload route hands over: the request stream (or a body a parser already read), and its headers. */
export interface ImportUpload {
  body: unknown;
  contentType: string | undefined;
  contentLength: string | undefined;
}

/**
 * Starting imports and reading their state. An upload is checked as far as it can be at
 * once (the book, the options, the file's format, a CSV's header), spooled to disk and
 * handed to the runner; the answer does not wait for the cards.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly imports: ImportsRepository,
    private readonly writes: WriteTransactions,
    private readonly spool: ImportSpool,
    private readonly runner: ImportRunner,
    private readonly contacts: ContactsService,
  ) {}

  async start(query: ImportQuery, upload: ImportUpload, access: BookAccess): Promise<ImportStarted> {
    const onDuplicate = onDuplicateOf(query.on_duplicate);
    const book = bookFilterOf(query.address_book) ?? access.defaultBook;
    if (book === null) throw badRequest({ address_book: ['This field is required.'] });
    // Before reading the file: nothing is spooled for a book the caller cannot write.
    await this.contacts.requireWritableBook(book, access);
    const ref = callerRefOf(access.caller);
    if (!ref) throw notFound();
    const file = await this.spool.receive(bodyStream(upload.body), declaredLength(upload.contentLength));
    try {
      const format = await this.formatOf(file, upload.contentType);
      const total = await this.countOf(file, format);
      const id = randomUUID();
      await this.writes.run((manager) =>
        this.imports.insert(manager, {
          id,
          user_id: access.userId,
          caller: encodeCaller(ref),
          address_book_id: book,
          format,
          on_duplicate: onDuplicate,
          status: 'running',
          total,
          processed: 0,
          created: 0,
          updated: 0,
          file_path: file.path,
          runner: null,
          error: null,
          created_at: nowIso(),
          finished_at: null,
        }),
      );
      this.runner.enqueue(id, access);
      return { id, status: 'running' };
    } catch (error) {
      await this.spool.remove(file.path);
      throw error;
    }
  }

  /** Only the importing account sees its job (without accounts, anyone); any other id is 404. */
  async get(id: string, access: BookAccess): Promise<ImportJob> {
    const job = /^[0-9a-f-]{36}$/.test(id) ? await this.imports.findById(id) : null;
    if (!job) throw notFound();
    const owner = job.user_id === null ? null : Number(job.user_id);
    const mine = owner === null ? access.unrestricted : owner === access.userId;
    if (!mine) throw notFound();
    return toImportJob(job, await this.imports.skipsOf(id));
  }

  /** vCard or CSV, from the bytes (the media type only breaks a tie); a CSV must have a header the reader knows. */
  private async formatOf(file: SpooledFile, contentType: string | undefined): Promise<ImportFormat> {
    if (file.size === 0) throw detailError(400, 'The file is empty.');
    const format = detectFormat(contentType, file.head);
    if (!format) throw detailError(400, 'The file is neither a vCard (.vcf) nor a CSV file.');
    if (format === 'csv') await this.checkCsvHeader(file.path);
    return format;
  }

  /**
   * The cards in the file, counted before the job starts (so its progress has a total from
   * the first event): a pass that splits the cards without parsing them, and that finds a
   * CSV file that breaks off (an unclosed quote) while the upload can still be refused.
   */
  private async countOf(file: SpooledFile, format: ImportFormat): Promise<number> {
    try {
      return await countCards(format, this.spool.read(file.path));
    } catch (error) {
      if (error instanceof CsvSyntaxError) throw detailError(400, error.message);
      throw error;
    }
  }

  private async checkCsvHeader(path: string): Promise<void> {
    const records = csvRecords(this.spool.read(path));
    try {
      await records.next();
    } catch (error) {
      if (error instanceof CsvHeaderError) throw badRequest({ file: [error.message] });
      throw detailError(400, `The CSV file cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await records.return(undefined);
    }
  }
}

function onDuplicateOf(raw: unknown): OnDuplicate {
  if (raw === undefined || raw === '') return 'skip';
  if (typeof raw === 'string' && (ON_DUPLICATE as readonly string[]).includes(raw)) return raw as OnDuplicate;
  throw badRequest({ on_duplicate: [`"${String(raw)}" is not a valid choice.`] });
}

/** The request stream as the import route's parser passed it on, or a body Fastify already read (plain text, JSON). */
function bodyStream(body: unknown): Readable {
  if (body instanceof Readable) return body;
  if (typeof body === 'string' || Buffer.isBuffer(body)) return Readable.from([Buffer.from(body)]);
  if (body === undefined || body === null) return Readable.from([]);
  throw detailError(400, 'Send the file itself as the body, as text/vcard or text/csv.');
}

function declaredLength(header: string | undefined): number | null {
  return header !== undefined && /^\d+$/.test(header) ? Number(header) : null;
}
