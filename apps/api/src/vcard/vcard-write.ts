import type { Contact, PostalAddress } from '@contacts/wire-types';
import { foldContentLine, withVCardFolding, writeProperty, type JCardProperty } from './ical-syntax.js';
import { extraLinesOf, groupOfLine } from './vcard-extra.js';
import { appleLabelFor, typesForLabel, type LabelKind } from './vcard-labels.js';
import { takePrimaryLabels } from './vcard-primary-labels.js';

const PRODID = '-//Contacts//vCard 3.0//EN';
const CRLF = '\r\n';

/** Group names (`item1`, `item2`, …) for labels TYPE cannot say, never one the extras use. */
class GroupNames {
  private next = 1;

  constructor(private readonly taken: ReadonlySet<string>) {}

  take(): string {
    while (this.taken.has(`item${this.next}`)) this.next += 1;
    return `item${this.next++}`;
  }
}

/**
 * A contact as one vCard 3.0 (RFC 2426) card: CRLF line ends, lines folded at 75 octets,
 * VERSION right after BEGIN, then UID, FN, N, EMAIL (the primary first, TYPE=pref), TEL
 * (likewise), ORG, TITLE, NOTE, BDAY, ADR, REV, and the card's unmodelled properties as they
 * came (vcard-extra.ts). The primary EMAIL / TEL carries the label vcard_extra records for it
 * (vcard-primary-labels.ts; that line is not written itself). ical.js escapes and folds every line.
 */
export function writeVCard(contact: Contact, vcardExtra: string): string {
  return withVCardFolding(() => {
    const { labels: primaryLabels, lines: extraLines } = takePrimaryLabels(extraLinesOf(vcardExtra));
    const groups = new GroupNames(new Set(extraLines.map(groupOfLine).filter((group): group is string => group !== null)));
    const lines: string[] = ['BEGIN:VCARD', 'VERSION:3.0'];
    const add = (property: JCardProperty) => lines.push(writeProperty(property));
    // The primary one is TYPE=pref besides its label (reading takes the preferred one as primary).
    const labelled = (kind: LabelKind, label: string, type: string, value: unknown, primary = false) => {
      const types = typesForLabel(kind, label);
      if (types !== null) {
        const all = primary ? ['pref', ...types] : types;
        add([kind, all.length > 0 ? { type: all.length === 1 ? all[0] : all } : {}, type, value]);
        return;
      }
      const group = groups.take();
      add([kind, primary ? { group, type: 'pref' } : { group }, type, value]);
      add(['x-ablabel', { group }, 'text', appleLabelFor(label)]);
    };

    add(['prodid', {}, 'text', PRODID]);
    add(['uid', {}, 'text', contact.uid]);
    add(['fn', {}, 'text', formattedName(contact)]);
    add(['n', {}, 'text', [contact.last_name, contact.first_name, '', '', '']]);
    if (contact.email) labelled('email', primaryLabels.email, 'text', contact.email, true);
    for (const { label, value } of contact.other_emails ?? []) labelled('email', label, 'text', value);
    if (contact.phone) labelled('tel', primaryLabels.tel, 'phone-number', contact.phone, true);
    for (const { label, value } of contact.other_phones ?? []) labelled('tel', label, 'phone-number', value);
    // ORG is structured: its one component, so a ";" in the name is escaped.
    if (contact.organization) add(['org', {}, 'text', [contact.organization]]);
    if (contact.job_title) add(['title', {}, 'text', contact.job_title]);
    if (contact.notes) add(['note', {}, 'text', contact.notes]);
    if (contact.birthday) add(['bday', {}, 'text', contact.birthday]);
    for (const address of contact.addresses ?? []) labelled('adr', address.label, 'text', addressValue(address));
    add(['rev', {}, 'date-time', contact.updated_at.replace(/\.\d+(?=Z$)/, '')]);
    for (const line of extraLines) lines.push(foldContentLine(line));
    lines.push('END:VCARD');
    return lines.join(CRLF) + CRLF;
  });
}

/** FN must not be empty: the names, else the organization, else the email. */
function formattedName(contact: Contact): string {
  return `${contact.first_name} ${contact.last_name}`.trim() || contact.organization || contact.email;
}

function addressValue(address: PostalAddress): string[] {
  return ['', '', address.street, address.city, address.region, address.postal_code, address.country];
}
