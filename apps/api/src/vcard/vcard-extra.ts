/**
 * vcard_extra: what a card says that the contact model does not hold, kept so that the card
 * can be written back without losing it.
 *
 * It is the card's unmodelled content lines, unfolded, in the card's order, joined by CRLF
 * (no CRLF after the last; '' when there are none). Each line is the source's own line — the
 * group, the name and the parameters as the card spelled them, and the value's bytes exactly
 * (a PHOTO's base64, a 4.0 `data:` URI, an X- property's raw text), never re-escaped. Only a
 * line that uses 2.1-only syntax (quoted-printable, CHARSET, ENCODING=BASE64) is decoded and
 * re-serialised by ical.js as 3.0, and bare 2.1 parameters get their `TYPE=` name, so that
 * every stored line is one a 3.0 card may carry.
 *
 * The one exception to "the source's own lines": the labels of the primary email and phone,
 * which the model cannot hold, go first as synthetic `X-CONTACTS-PRIMARY-LABEL;TYPE=EMAIL:…`
 * and `…;TYPE=TEL:…` lines (at most one each, the label as vCard text). The writer does not
 * write them as such: it puts the label on the primary EMAIL / TEL (vcard-primary-labels.ts).
 *
 * Writing folds each line (ical.js, 75 octets) after the modelled properties; reading that
 * card unfolds it to the same line, so import → export → import stores the same bytes.
 *
 * Why not ical.js's jCard, or its re-serialised lines: ical.js re-escapes values by its idea
 * of their type (a 4.0 `PHOTO:data:image/jpeg;base64,…` comes back as `base64\,…`) and
 * changes the case of names and groups — the source's own line is the one thing that is
 * certain to be read by the next program as it was meant.
 */

export const EXTRA_LINE_SEPARATOR = '\r\n';

export function joinExtraLines(lines: readonly string[]): string {
  return lines.join(EXTRA_LINE_SEPARATOR);
}

export function extraLinesOf(vcardExtra: string): string[] {
  return vcardExtra === '' ? [] : vcardExtra.split(EXTRA_LINE_SEPARATOR);
}

/** The group of a content line (`item3` of `item3.URL;…`), in lower case, or null. */
export function groupOfLine(line: string): string | null {
  const nameEnd = line.search(/[;:]/);
  const name = nameEnd === -1 ? line : line.slice(0, nameEnd);
  const dot = name.indexOf('.');
  return dot === -1 ? null : name.slice(0, dot).toLowerCase();
}
