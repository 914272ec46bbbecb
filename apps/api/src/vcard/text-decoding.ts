import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/**
 * Bytes of an uploaded file → text. Files are UTF-8 as a rule; a UTF-16 file (with its byte
 * order mark, as Outlook's "Unicode" exports are) is read as such, and bytes that are not
 * UTF-8 (an old phone's or Outlook's Windows-1252 export) are read as Windows-1252, or as the
 * vCard's own CHARSET, rather than turned into U+FFFD.
 */

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

type Utf16 = 'utf-16le' | 'utf-16be';

function utf16Of(head: Buffer): Utf16 | null {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

async function* buffersOf(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (buffer.length > 0) yield buffer;
  }
}

/** The file's bytes as UTF-8, without a byte order mark (UTF-16 transcoded on the way). */
export async function* utf8Bytes(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  let first = true;
  let utf16: ReturnType<typeof iconv.getDecoder> | null = null;
  for await (let buffer of buffersOf(chunks)) {
    if (first) {
      first = false;
      const encoding = utf16Of(buffer);
      if (encoding) {
        utf16 = iconv.getDecoder(encoding); // strips the byte order mark
      } else if (buffer.subarray(0, 3).equals(UTF8_BOM)) {
        buffer = buffer.subarray(3);
      }
    }
    if (utf16) {
      const text = utf16.write(buffer);
      if (text) yield Buffer.from(text, 'utf8');
    } else if (buffer.length > 0) {
      yield buffer;
    }
  }
  const rest = utf16?.end();
  if (rest) yield Buffer.from(rest, 'utf8');
}

/** One vCard's bytes → its text: UTF-8, else the card's CHARSET, else Windows-1252. */
export function decodeCardBytes(bytes: Buffer): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  const declared = /CHARSET=([A-Za-z0-9_.:-]+)/i.exec(bytes.toString('latin1'))?.[1];
  const encoding = declared && !/^utf-?8$/i.test(declared) && iconv.encodingExists(declared) ? declared : 'windows-1252';
  return iconv.decode(bytes, encoding);
}

/** How much of the start of a file decides whether it is UTF-8. */
const SNIFF_BYTES = 64 * 1024;

/**
 * A whole file as text, chunk by chunk (for CSV). UTF-8 unless its start says otherwise: a
 * UTF-16 byte order mark, or bytes in the first 64 KiB that are not UTF-8 (then Windows-1252).
 */
export async function* decodedText(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const head: Buffer[] = [];
  let headSize = 0;
  let decoder: ReturnType<typeof iconv.getDecoder> | null = null;
  const decide = (complete: boolean) => {
    const start = Buffer.concat(head);
    const judged = complete ? start : withoutCutCharacter(start);
    const encoding = utf16Of(start) ?? (isUtf8(judged) ? 'utf-8' : 'windows-1252');
    decoder = iconv.getDecoder(encoding, { stripBOM: true });
    return decoder.write(start);
  };
  for await (const buffer of buffersOf(chunks)) {
    if (decoder) {
      const text = (decoder as ReturnType<typeof iconv.getDecoder>).write(buffer);
      if (text) yield text;
      continue;
    }
    head.push(buffer);
    headSize += buffer.length;
    if (headSize >= SNIFF_BYTES) {
      const text = decide(false);
      if (text) yield text;
    }
  }
  if (!decoder) {
    const text = decide(true);
    if (text) yield text;
  }
  const rest = (decoder as ReturnType<typeof iconv.getDecoder> | null)?.end();
  if (rest) yield rest;
}

/** The bytes up to a character that the end of the buffer may have cut (a chunk of a longer file). */
function withoutCutCharacter(bytes: Buffer): Buffer {
  let at = bytes.length - 1;
  let continuations = 0;
  while (at >= 0 && continuations < 3 && (bytes[at] & 0xc0) === 0x80) {
    at -= 1;
    continuations += 1;
  }
  return at >= 0 && bytes[at] >= 0xc0 ? bytes.subarray(0, at) : bytes;
}
