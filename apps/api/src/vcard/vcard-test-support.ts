import type { Contact } from '@contacts/wire-types';
import type { ParsedCard } from './vcard-parse.js';
import { splitVCards } from './vcard-split.js';

/** Test helpers of the codec's specs (not used by the server). */

export async function* chunksOf(bytes: Buffer, size = bytes.length): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

export async function cardsOf(bytes: Buffer, chunkSize?: number): Promise<string[]> {
  const cards: string[] = [];
  for await (const card of splitVCards(chunksOf(bytes, chunkSize))) cards.push(card);
  return cards;
}

/** A stored contact made of a parsed card, as the import would store it. */
export function contactOf(parsed: ParsedCard, id = 1): Contact {
  return {
    id,
    address_book: 1,
    uid: parsed.uid ?? `generated-${id}`,
    created_at: '2026-11-26T10:00:00.000Z',
    updated_at: '2026-11-26T10:00:00.000Z',
    ...parsed.fields,
  };
}

/** A card's content lines with the folding undone (CRLF or LF + one space / tab). */
export function unfold(text: string): string[] {
  return text
    .replace(/\r?\n[ \t]/g, '')
    .split(/\r?\n/)
    .filter((line) => line !== '');
}
