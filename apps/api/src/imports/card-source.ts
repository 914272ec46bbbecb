import type { Readable } from 'node:stream';
import type { FieldErrors, ImportFormat } from '@contacts/wire-types';
import { csvRecords, parseVCard, splitVCards, VCardSyntaxError } from '../vcard/index.js';

/** One card of an upload, as the codec reads it: fields as the file gives them (unvalidated). */
export interface ReadCard {
  fields: unknown;
  uid: string | null;
  vcard_extra: string;
  name: string;
}

/** A card of the file, in file order; `read()` parses it, or throws CardUnreadable. */
export interface SourceCard {
  index: number;
  read(): ReadCard;
}

/** A card the codec could not read: skipped with these errors. */
export class CardUnreadable extends Error {
  constructor(
    readonly errors: FieldErrors,
    readonly cardName: string,
  ) {
    super(Object.values(errors).flat().join(' '));
  }
}

/**
 * The cards of an upload one by one, never the whole file in memory. A vCard card is
 * split first and parsed only when read (a resumed job passes over the cards it has done
 * without parsing them); a CSV row comes parsed.
 */
export async function* cardsOf(format: ImportFormat, file: Readable): AsyncGenerator<SourceCard> {
  if (format === 'vcard') {
    let index = 0;
    for await (const text of splitVCards(file)) {
      const at = index++;
      yield { index: at, read: () => readVCard(text) };
    }
    return;
  }
  for await (const record of csvRecords(file)) {
    const card: ReadCard = { fields: record.fields, uid: record.uid, vcard_extra: '', name: record.name };
    yield { index: record.index, read: () => card };
  }
}

function readVCard(text: string): ReadCard {
  try {
    const parsed = parseVCard(text);
    return { fields: parsed.fields, uid: parsed.uid, vcard_extra: parsed.vcard_extra, name: parsed.name };
  } catch (error) {
    if (error instanceof VCardSyntaxError) throw new CardUnreadable({ vcard: [error.message] }, nameHint(text));
    throw error;
  }
}

/** A broken card's FN, if one can be seen, for the summary. */
function nameHint(text: string): string {
  return /^FN(?:;[^:\r\n]*)?:(.*)$/im.exec(text)?.[1]?.trim() ?? '';
}

/** How many cards the file holds (a pass over it, card by card). */
export async function countCards(format: ImportFormat, file: Readable): Promise<number> {
  let count = 0;
  for await (const _card of cardsOf(format, file)) count += 1;
  return count;
}
