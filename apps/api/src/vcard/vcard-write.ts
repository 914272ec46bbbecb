import type { Contact, PostalAddress } from '@contacts/wire-types';
import { foldContentLine, withVCardFolding, writeProperty, type JCardParams, type JCardProperty } from './ical-syntax.js';
import { extraLinesOf, groupOfLine } from './vcard-extra.js';
import { appleLabelFor, typesForLabel, type LabelKind } from './vcard-labels.js';

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
 * came (vcard-extra.ts). ical.js escapes and folds every line.
 */
export function writeVCard(contact: Contact, vcardExtra: string): string {
  return withVCardFolding(() => {
    const extraLines = extraLinesOf(vcardExtra);
    const groups = new GroupNames(new Set(extraLines.map(groupOfLine).filter((group): group is string => group !== null)));
    const lines: string[] = ['BEGIN:VCARD', 'VERSION:3.0'];
    const add = (property: JCardProperty) => lines.push(writeProperty(property));
    const labelled = (kind: LabelKind, label: string, type: string, value: unknown) => {
      const types = typesForLabel(kind, label);
      if (types !== null) {
        add([kind, types.length > 0 ? { type: types } : {}, type, value]);
        return;
      }
      const group = groups.take();
      add([kind, { group }, type, value]);
      add(['x-ablabel', { group }, 'text', appleLabelFor(label)]);
    };

    add(['prodid', {}, 'text', PRODID]);
    add(['uid', {}, 'text', contact.uid]);
    add(['fn', {}, 'text', formattedName(contact)]);
    add(['n', {}, 'text', [contact.last_name, contact.first_name, '', '', '']]);
    if (contact.email) add(['email', preferred(), 'text', contact.email]);
    for (const { label, value } of contact.other_emails ?? []) labelled('email', label, 'text', value);
    if (contact.phone) add(['tel', preferred(), 'phone-number', contact.phone]);
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

function preferred(): JCardParams {
  return { type: 'pref' };
}

/** FN must not be empty: the names, else the organization, else the email. */
function formattedName(contact: Contact): string {
  return `${contact.first_name} ${contact.last_name}`.trim() || contact.organization || contact.email;
}

function addressValue(address: PostalAddress): string[] {
  return ['', '', address.street, address.city, address.region, address.postal_code, address.country];
}
