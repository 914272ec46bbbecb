import { Injectable, StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';
import { IMPORT_FORMATS, type ImportFormat } from '@contacts/wire-types';
import type { BookAccess } from '../access/book-access.js';
import { badRequest } from '../common/api-errors.js';
import { bookFilterOf } from '../contacts/book-field.js';
import { ContactsService } from '../contacts/contacts.service.js';
import type { StoredContact } from '../contacts/stored-contact.js';
import { csvHeaderLine, toCsvLine, writeVCard } from '../vcard/index.js';

export interface ExportQuery {
  format?: unknown;
  address_book?: unknown;
  search?: unknown;
}

const FILE: Record<ImportFormat, { contentType: string; filename: string }> = {
  vcard: { contentType: 'text/vcard; charset=utf-8', filename: 'contacts.vcf' },
  csv: { contentType: 'text/csv; charset=utf-8', filename: 'contacts.csv' },
};

/**
 * Exports and single cards. An export is read a batch at a time (keyset by id, through
 * ContactsService.walk) and written as it is read: the next batch is read only when the
 * client has taken the previous one, so memory stays flat whatever the book's size.
 */
@Injectable()
export class ExportService {
  constructor(private readonly contacts: ContactsService) {}

  /** The file as an attachment, its bytes made as they are sent. */
  async export(query: ExportQuery, access: BookAccess): Promise<StreamableFile> {
    const format = formatOf(query.format);
    const addressBook = bookFilterOf(query.address_book);
    if (addressBook !== undefined) access.requireRead(addressBook);
    const search = typeof query.search === 'string' ? query.search.replaceAll('\u0000', '').trim() : '';
    const batches = this.contacts.walk(access, { ...(addressBook !== undefined && { addressBook }), ...(search && { search }) });
    // The first batch before the answer starts: what fails at once (a book that cannot be
    // read, the database) fails as an error answer, not as a cut-off file.
    const first = await batches.next();
    const render = format === 'vcard' ? (contact: StoredContact) => writeVCard(contact, contact.vcard_extra) : (contact: StoredContact) => toCsvLine(contact);
    async function* text(): AsyncGenerator<string> {
      if (format === 'csv') yield csvHeaderLine();
      if (first.done) return;
      yield first.value.map(render).join('');
      for await (const batch of batches) {
        // The reads and the rendering are synchronous work chained by promises: without a
        // turn of the event loop between batches, a large export would hold up every other
        // request (and the socket's own flushing) until its end.
        await new Promise<void>((resolve) => setImmediate(resolve));
        yield batch.map(render).join('');
      }
    }
    const stream = Readable.from(text(), { objectMode: false, highWaterMark: 64 * 1024 });
    // A client that goes away ends the walk (its cursor and reads stop with it).
    stream.on('close', () => void batches.return(undefined));
    const { contentType, filename } = FILE[format];
    return new StreamableFile(stream, { type: contentType, disposition: `attachment; filename="${filename}"` });
  }

  /** One contact as a vCard 3.0 card (its media type set here: an error answer stays JSON). */
  async card(id: number, access: BookAccess): Promise<StreamableFile> {
    const contact = await this.contacts.findStored(id, access);
    return new StreamableFile(Buffer.from(writeVCard(contact, contact.vcard_extra)), { type: FILE.vcard.contentType });
  }
}

function formatOf(raw: unknown): ImportFormat {
  if (raw === undefined || raw === '') return 'vcard';
  if (typeof raw === 'string' && (IMPORT_FORMATS as readonly string[]).includes(raw)) return raw as ImportFormat;
  throw badRequest({ format: [`"${String(raw)}" is not a valid choice.`] });
}
