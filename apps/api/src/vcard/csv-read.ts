import { Readable, pipeline } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { CsvHeaderError, CsvSyntaxError } from './codec-errors.js';
import { csvRowReader, type CsvFields, type CsvRowReader } from './csv-formats.js';
import { decodedText } from './text-decoding.js';

export interface CsvRecord {
  /** The row's position among the file's records, from 0 (the header is not one). */
  index: number;
  fields: CsvFields;
  uid: string | null;
  name: string;
}

/** How much text is read ahead for the header line at most (a file without line ends is not held whole). */
const FIRST_LINE_LOOKAHEAD = 64 * 1024;

/** The text with its first line read ahead (to choose the delimiter) and put back in front. */
async function withFirstLine(text: AsyncGenerator<string>): Promise<{ firstLine: string; text: AsyncGenerator<string> }> {
  let head = '';
  let done = false;
  while (!head.includes('\n') && head.length < FIRST_LINE_LOOKAHEAD) {
    const next = await text.next();
    if (next.done) {
      done = true;
      break;
    }
    head += next.value;
  }
  async function* again(): AsyncGenerator<string> {
    if (head) yield head;
    if (!done) yield* text;
  }
  return { firstLine: head.split(/\r?\n|\r/, 1)[0] ?? '', text: again() };
}

/** The header's delimiter: a comma, unless the header has more semicolons (some locales) or tabs (Outlook's "Unicode"). */
function delimiterOf(firstLine: string): string {
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const count = (char: string) => unquoted.split(char).length - 1;
  const candidates = [',', ';', '\t'];
  return candidates.reduce((best, char) => (count(char) > count(best) ? char : best), ',');
}

function isBlank(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

/**
 * The rows of a CSV file as contacts' fields, read as the chunks come (csv-parse, streaming:
 * memory holds a row, not the file). The header decides the format — ours (CSV_COLUMNS), a
 * Google Contacts export or an Outlook one; a header that lacks what its format needs throws
 * CsvHeaderError before any row, a file that breaks off (an unclosed quote) CsvSyntaxError.
 * Rows with nothing in them are skipped.
 */
export async function* csvRecords(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<CsvRecord> {
  const { firstLine, text } = await withFirstLine(decodedText(chunks));
  const parser = parse({
    delimiter: delimiterOf(firstLine),
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
  });
  // pipeline ends both streams on an error or an early return; the error itself reaches us through the parser.
  pipeline(Readable.from(text), parser, () => undefined);
  let reader: CsvRowReader | null = null;
  let index = 0;
  try {
    for await (const row of parser as AsyncIterable<string[]>) {
      if (reader === null) {
        reader = csvRowReader(row);
        continue;
      }
      if (isBlank(row)) continue;
      yield { index: index++, ...reader(row) };
    }
  } catch (error) {
    if (error instanceof CsvError) throw new CsvSyntaxError(`The CSV file cannot be read past record ${index + 1}: ${error.message}`);
    throw error;
  }
  if (reader === null) throw new CsvHeaderError([], 'The CSV file is empty: it has no header row.');
}
