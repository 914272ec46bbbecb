/**
 * The labels of the primary email and phone, kept in vcard_extra.
 *
 * The contact model holds `email` and `phone` as bare strings (only other_emails / other_phones
 * items have a label), yet a card's primary EMAIL or TEL often carries one — Apple's
 * `item1.EMAIL;type=pref` + `item1.X-ABLabel:_$!<Other>!$_`, DAVx5's
 * `davdroid1.X-ABLabel:Internet`, a plain `TEL;TYPE=CELL`. CardDAV clients expect what they sent
 * back, so the parser records such a label as one synthetic line per kind, first in vcard_extra:
 *
 *   X-CONTACTS-PRIMARY-LABEL;TYPE=EMAIL:<label as vCard text>
 *   X-CONTACTS-PRIMARY-LABEL;TYPE=TEL:<label as vCard text>
 *
 * and the writer takes these lines out again and writes the primary EMAIL / TEL with that label,
 * the way other labels go out (vcard-labels.ts). The line itself is never written, so other
 * programs see a normal labelled property; reading our card back records the same line again.
 * The name is ours: a card's own X-CONTACTS-PRIMARY-LABEL is not kept (vcard-parse.ts).
 */

export const PRIMARY_LABEL_PROPERTY = 'X-CONTACTS-PRIMARY-LABEL';

export type PrimaryKind = 'email' | 'tel';

/** A label per kind; '' is "no label". */
export type PrimaryLabels = Record<PrimaryKind, string>;

const KINDS: readonly PrimaryKind[] = ['email', 'tel'];
const LINE = new RegExp(`^${PRIMARY_LABEL_PROPERTY};TYPE=(EMAIL|TEL):(.*)$`);

/** The synthetic lines for these labels (email first, none for an empty label). */
export function primaryLabelLines(labels: PrimaryLabels): string[] {
  return KINDS.filter((kind) => labels[kind] !== '').map(
    (kind) => `${PRIMARY_LABEL_PROPERTY};TYPE=${kind.toUpperCase()}:${escapeText(labels[kind])}`,
  );
}

/** Whether an extra line is one of the synthetic ones (what the writer does not write as such). */
export function isPrimaryLabelLine(line: string): boolean {
  return LINE.test(line);
}

/** vcard_extra's lines → the primary labels they record, and the other lines in order. */
export function takePrimaryLabels(extraLines: readonly string[]): { labels: PrimaryLabels; lines: string[] } {
  const labels: PrimaryLabels = { email: '', tel: '' };
  const lines: string[] = [];
  for (const line of extraLines) {
    const match = LINE.exec(line);
    if (match) labels[match[1].toLowerCase() as PrimaryKind] = unescapeText(match[2]);
    else lines.push(line);
  }
  return { labels, lines };
}

/** RFC 6350 §3.4 text escaping: backslash, comma, semicolon, line breaks as `\n`. */
function escapeText(text: string): string {
  return text.replace(/[\\,;]/g, (char) => `\\${char}`).replace(/\r\n|\r|\n/g, '\\n');
}

function unescapeText(text: string): string {
  return text.replace(/\\([\\,;nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}
