/**
 * The vCard and CSV codec: pure functions between files and contacts' fields, no server in
 * them. What a card holds beyond the model travels as `vcard_extra` (see vcard-extra.ts for
 * its format and why); labels ⇄ TYPE / X-ABLabel are in vcard-labels.ts.
 */
export { CsvHeaderError, CsvSyntaxError, VCardSyntaxError } from './codec-errors.js';
export { csvRecords, type CsvRecord } from './csv-read.js';
export type { CsvFields } from './csv-formats.js';
export { CSV_COLUMNS, csvHeaderLine, toCsvLine, type CsvColumn } from './csv-write.js';
export { detectFormat } from './detect-format.js';
export { parseVCard, type ParsedCard, type ParsedFields } from './vcard-parse.js';
export { splitVCards } from './vcard-split.js';
export { writeVCard } from './vcard-write.js';
