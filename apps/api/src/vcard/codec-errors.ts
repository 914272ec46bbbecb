/** A card that cannot be read; the message says where ("Line 3: …") and is fit to show a user. */
export class VCardSyntaxError extends Error {
  override readonly name = 'VCardSyntaxError';
}

/** A CSV whose header lacks what its format needs: the import cannot start. */
export class CsvHeaderError extends Error {
  override readonly name = 'CsvHeaderError';

  constructor(
    /** The header names that are missing (ours, or the Google / Outlook ones). */
    readonly missing: string[],
    message = `The CSV header lacks the column${missing.length === 1 ? '' : 's'} ${missing.map((name) => `"${name}"`).join(', ')}.`,
  ) {
    super(message);
  }
}

/** A CSV file that breaks off mid-way (an unclosed quote, …): nothing after it can be trusted. */
export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';
}
