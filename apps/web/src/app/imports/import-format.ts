import type { ImportFormat } from '@contacts/wire-types';

/** The server's limit on an import's body (CONTRACT.md "vCard and CSV"); checked here before uploading. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

const VCARD_TYPES = new Set(['text/vcard', 'text/x-vcard', 'text/directory']);
/** Windows reports a .csv as Excel's type. */
const CSV_TYPES = new Set(['text/csv', 'application/csv', 'text/comma-separated-values', 'application/vnd.ms-excel']);

/** The format by the file's name, then its type; null when neither says. */
export function detectImportFormat(file: { name: string; type: string }): ImportFormat | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.vcf') || name.endsWith('.vcard')) return 'vcard';
  if (name.endsWith('.csv')) return 'csv';
  const type = file.type.toLowerCase().split(';')[0].trim();
  if (VCARD_TYPES.has(type)) return 'vcard';
  if (CSV_TYPES.has(type)) return 'csv';
  return null;
}

/** A file that says nothing by name or type but starts like a vCard is one (e.g. a phone's export named "contacts"). */
export function sniffImportFormat(start: string): ImportFormat | null {
  return /^\uFEFF?\s*BEGIN:VCARD/i.test(start) ? 'vcard' : null;
}

/** By name and type, else by the first bytes. */
export async function detectFileFormat(file: File): Promise<ImportFormat | null> {
  const byName = detectImportFormat(file);
  if (byName) return byName;
  try {
    return sniffImportFormat(await file.slice(0, 256).text());
  } catch {
    return null;
  }
}

/** "2.4 MB" */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
