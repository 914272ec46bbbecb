import { decodeCardBytes, utf8Bytes } from './text-decoding.js';

/** A line longer than this is content, never BEGIN:VCARD / END:VCARD: it is not held whole to be looked at. */
const MARKER_MAX = 1024;
/** How much of the text outside any card is kept to show in the error. */
const STRAY_KEPT = 1024;

const LF = 0x0a;

type LineKind = 'begin' | 'end' | 'blank' | 'other';

function equalsIgnoringCase(bytes: Buffer, start: number, end: number, upper: string): boolean {
  if (end - start !== upper.length) return false;
  for (let at = 0; at < upper.length; at++) {
    const byte = bytes[start + at];
    const folded = byte >= 0x61 && byte <= 0x7a ? byte - 0x20 : byte;
    if (folded !== upper.charCodeAt(at)) return false;
  }
  return true;
}

/** BEGIN:VCARD and END:VCARD as whole lines (trailing white space allowed; a leading one would make a fold). */
function kindOf(bytes: Buffer, start: number, end: number): LineKind {
  while (end > start && (bytes[end - 1] === 0x0d || bytes[end - 1] === 0x20 || bytes[end - 1] === 0x09)) end -= 1;
  if (end === start) return 'blank';
  const first = bytes[start] | 0x20;
  if (first === 0x62 && equalsIgnoringCase(bytes, start, end, 'BEGIN:VCARD')) return 'begin';
  if (first === 0x65 && equalsIgnoringCase(bytes, start, end, 'END:VCARD')) return 'end';
  return 'other';
}

/**
 * Cuts a stream of bytes into cards as the bytes arrive: it holds the card being read (and
 * at most one chunk), never the file. Each card's bytes are decoded on their own (UTF-8, else
 * its CHARSET, else Windows-1252).
 */
class CardSplitter {
  /** The current card's bytes from earlier chunks, or null outside a card. */
  private card: Buffer[] | null = null;
  /** The bytes of an unfinished line, kept for the next chunk. */
  private carry: Buffer | null = null;
  /** The unfinished line is long and already stored: its end is not a marker. */
  private inLongLine = false;
  private stray: string[] = [];
  private strayBytes = 0;

  *push(chunk: Buffer): Generator<string> {
    const bytes = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    let cardStart = 0;
    let lineStart = 0;
    for (let newline = bytes.indexOf(LF, 0); newline !== -1; newline = bytes.indexOf(LF, lineStart)) {
      const lineEnd = newline + 1;
      const kind: LineKind = this.inLongLine ? 'other' : kindOf(bytes, lineStart, newline);
      if (this.inLongLine) {
        this.inLongLine = false;
        if (this.card === null) this.keepStray(bytes, lineStart, lineEnd);
      } else if (kind === 'begin') {
        if (this.card !== null) yield this.finish(bytes.subarray(cardStart, lineStart)); // it had no END:VCARD
        yield* this.flushStray();
        this.card = [];
        cardStart = lineStart;
      } else if (this.card !== null) {
        if (kind === 'end') yield this.finish(bytes.subarray(cardStart, lineEnd));
      } else if (kind !== 'blank') {
        this.keepStray(bytes, lineStart, lineEnd);
      }
      lineStart = lineEnd;
    }
    if (this.card !== null) this.card.push(bytes.subarray(cardStart, lineStart));
    const rest = bytes.subarray(lineStart);
    if (rest.length > MARKER_MAX || (this.inLongLine && rest.length > 0)) {
      this.inLongLine = true;
      if (this.card !== null) this.card.push(rest);
      else this.keepStray(rest, 0, rest.length);
    } else if (rest.length > 0) {
      this.carry = rest;
    }
  }

  *end(): Generator<string> {
    const rest = this.carry ?? Buffer.alloc(0);
    this.carry = null;
    if (this.card !== null) yield this.finish(rest);
    else if (rest.length > 0 && kindOf(rest, 0, rest.length) !== 'blank') this.keepStray(rest, 0, rest.length);
    yield* this.flushStray();
  }

  /** The card so far plus its last bytes, as text; the splitter is then outside a card. */
  private finish(last: Buffer): string {
    const parts = this.card ?? [];
    this.card = null;
    parts.push(last);
    return decodeCardBytes(parts.length === 1 ? parts[0] : Buffer.concat(parts));
  }

  private keepStray(bytes: Buffer, start: number, end: number): void {
    if (this.strayBytes >= STRAY_KEPT) return;
    const kept = bytes.subarray(start, Math.min(end, start + STRAY_KEPT - this.strayBytes));
    this.stray.push(decodeCardBytes(Buffer.from(kept)));
    this.strayBytes += kept.length;
  }

  /** Text outside any card comes out as one "card" of its own, which parseVCard rejects with its first line. */
  private *flushStray(): Generator<string> {
    if (this.stray.length === 0) return;
    const text = this.stray.join('');
    this.stray = [];
    this.strayBytes = 0;
    yield text;
  }
}

/**
 * The cards of a vCard file (BEGIN:VCARD … END:VCARD, each as text), in file order, read as
 * the chunks come: memory holds one card, not the file. A card without END:VCARD ends where
 * the next BEGIN:VCARD (or the file) does and comes out as it is, for parseVCard to reject;
 * so does text between cards. Blank lines between cards are skipped.
 */
export async function* splitVCards(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const splitter = new CardSplitter();
  for await (const chunk of utf8Bytes(chunks)) yield* splitter.push(chunk);
  yield* splitter.end();
}
