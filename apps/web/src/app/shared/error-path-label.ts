import { ADDRESS_PART_LABELS, WRITABLE_FIELD_LABELS } from './contact-validation';

const ROW_NOUNS: Record<string, string> = { other_emails: 'other email', other_phones: 'other phone', addresses: 'address' };

/** "Email", "Other phone 3", "Label of other email 1", "Address 2, city"; '' for a message about the whole card. */
export function describeErrorPath(path: string): string {
  const row = /^(other_emails|other_phones|addresses)\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (row) {
    const noun = `${ROW_NOUNS[row[1]]} ${Number(row[2]) + 1}`;
    const part = row[3];
    if (!part || part === 'value') return capitalise(noun);
    if (part === 'label') return `Label of ${noun}`;
    const partLabel = ADDRESS_PART_LABELS[part as keyof typeof ADDRESS_PART_LABELS];
    return `${capitalise(noun)}, ${(partLabel ?? part).toLowerCase()}`;
  }
  return (WRITABLE_FIELD_LABELS as Record<string, string>)[path] ?? '';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
