import type { ImportFormat } from '@contacts/wire-types';

const VCARD_TYPES = new Set(['text/vcard', 'text/x-vcard', 'text/directory', 'application/vcard']);
const CSV_TYPES = new Set(['text/csv', 'application/csv', 'text/comma-separated-values', 'application/vnd.ms-excel', 'text/x-csv']);

/** Share of control characters (not tab, CR, LF, FF) above which the bytes are not text. */
const BINARY_SHARE = 0.01;

function textOfStart(bytes: Buffer): string | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    return swapped.swap16().toString('utf16le');
  }
  let controls = 0;
  for (const byte of bytes) {
    if (byte === 0) return null;
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) || byte === 0x7f) controls += 1;
  }
  if (controls > bytes.length * BINARY_SHARE) return null;
  // latin1 maps every byte: enough to look at markers and delimiters, whatever the encoding.
  return bytes.toString('latin1').replace(/^\u00ef\u00bb\u00bf/, '');
}

/**
 * What an upload is, from its Content-Type and its first bytes (a few KiB): a vCard file
 * starts with BEGIN:VCARD; a CSV file is text whose first line has a delimiter. Binary
 * bytes (a NUL, or many control characters) are neither, whatever the type says; a vCard
 * type on text that is not a card is neither too.
 */
export function detectFormat(contentType: string | undefined, firstBytes: Buffer): ImportFormat | null {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const text = textOfStart(firstBytes);
  if (text === null) return null;
  const start = text.replace(/^[\s\uFEFF]+/, '');
  if (start === '') return null;
  if (/^BEGIN:VCARD[ \t]*\r?(\n|$)/i.test(start)) return 'vcard';
  if (VCARD_TYPES.has(type)) return null;
  const firstLine = start.split(/\r\n|\n|\r/, 1)[0];
  if (/[,;\t]/.test(firstLine)) return 'csv';
  return CSV_TYPES.has(type) && start.includes('\n') ? 'csv' : null;
}
