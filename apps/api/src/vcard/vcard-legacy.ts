import iconv from 'iconv-lite';
import libqp from 'libqp';
import type { JCardProperty } from './ical-syntax.js';

/**
 * What vCard 2.1 (and sloppy 3.0 writers) do that ical.js does not read, made readable:
 *
 * - before ical.js sees the text: quoted-printable soft line breaks (a value continued on the
 *   next line after a trailing `=`, without the leading space of ordinary folding) are
 *   joined, and bare parameters (`TEL;CELL;PREF:`) become `TYPE=` ones (`ENCODING=` for the
 *   encodings), which ical.js would otherwise refuse;
 * - on ical.js's parsed properties: quoted-printable values decoded with libqp and their
 *   CHARSET applied with iconv-lite, base64 (`ENCODING=BASE64`) renamed to 3.0's `b`, and
 *   the other 2.1-only parameters dropped.
 */

const QUOTED_PRINTABLE_START = /^[^:]*;(?:ENCODING=)?QUOTED-PRINTABLE[;:]/i;

/** Joins quoted-printable soft line breaks; any other text is returned as it is. */
export function joinSoftLineBreaks(text: string): string {
  if (!/QUOTED-PRINTABLE/i.test(text)) return text;
  const lines = text.split(/\r\n|\n|\r/);
  const joined: string[] = [];
  let quotedPrintable = false;
  for (const line of lines) {
    const last = joined.length - 1;
    if (quotedPrintable && joined[last].endsWith('=')) {
      joined[last] = joined[last].slice(0, -1) + line;
      continue;
    }
    const folded = line.startsWith(' ') || line.startsWith('\t');
    if (!folded) quotedPrintable = QUOTED_PRINTABLE_START.test(line);
    joined.push(line);
  }
  return joined.join('\r\n');
}

const ENCODING_NAMES = new Set(['quoted-printable', 'base64', 'b', '8bit', '7bit']);

/**
 * `TEL;CELL;PREF:…` → `TEL;TYPE=CELL;TYPE=PREF:…`, `NOTE;QUOTED-PRINTABLE:` →
 * `NOTE;ENCODING=QUOTED-PRINTABLE:`. A line whose parameters all have names comes back as it is.
 */
export function nameBareParameters(line: string): string {
  const colon = line.indexOf(':');
  const semicolon = line.indexOf(';');
  if (semicolon === -1 || (colon !== -1 && colon < semicolon)) return line;
  const segments: string[] = [];
  let start = semicolon + 1;
  let quoted = false;
  let end = line.length;
  for (let at = start; at < line.length; at++) {
    const char = line[at];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === ';' || char === ':')) {
      segments.push(line.slice(start, at));
      start = at + 1;
      if (char === ':') {
        end = at;
        break;
      }
    }
  }
  if (end === line.length) return line; // no value: ical.js reports it
  if (segments.every((segment) => segment.includes('='))) return line;
  const named = segments.map((segment) => {
    if (segment.includes('=')) return segment;
    return `${ENCODING_NAMES.has(segment.toLowerCase()) ? 'ENCODING' : 'TYPE'}=${segment}`;
  });
  return `${line.slice(0, semicolon)};${named.join(';')}${line.slice(end)}`;
}

/** True when the property uses 2.1-only parameters that decodeLegacyValues rewrites. */
export function usesLegacyParameters(property: JCardProperty): boolean {
  const params = property[1];
  if ('charset' in params) return true;
  const encoding = params['encoding'];
  return typeof encoding === 'string' && encoding.toLowerCase() !== 'b';
}

function decodeQuotedPrintable(value: string, charset: string | undefined): string {
  const bytes = libqp.decode(value);
  // Encoded line breaks are CR LF (=0D=0A); the model's text has LF, which vCard writes as \n.
  return iconv.decode(bytes, charset && iconv.encodingExists(charset) ? charset : 'utf-8').replace(/\r\n?/g, '\n');
}

function mapStrings(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map));
  return value;
}

/**
 * Decodes a property's 2.1 encodings in place and leaves it as 3.0 would say it. The text was
 * read as UTF-8 (or the card's CHARSET) already, so CHARSET matters only for quoted-printable
 * bytes.
 */
export function decodeLegacyValues(property: JCardProperty): void {
  const params = property[1];
  const encoding = typeof params['encoding'] === 'string' ? params['encoding'].toLowerCase() : undefined;
  const charset = typeof params['charset'] === 'string' ? params['charset'] : undefined;
  if (encoding === 'quoted-printable') {
    for (let at = 3; at < property.length; at++) property[at] = mapStrings(property[at], (text) => decodeQuotedPrintable(text, charset));
    delete params['encoding'];
  } else if (encoding === 'base64' || encoding === 'b') {
    for (let at = 3; at < property.length; at++) property[at] = mapStrings(property[at], (text) => text.replace(/\s+/g, ''));
    params['encoding'] = 'b';
  } else if (encoding !== undefined) {
    delete params['encoding'];
  }
  delete params['charset'];
}
