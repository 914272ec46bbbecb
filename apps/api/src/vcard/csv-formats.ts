import type { LabeledValue, PostalAddress } from '@contacts/wire-types';
import { CsvHeaderError } from './codec-errors.js';
import { CSV_COLUMNS } from './csv-write.js';
import { isoDateOf, namesFromFormatted } from './field-text.js';
import type { ParsedFields } from './vcard-parse.js';

/**
 * A CSV row's fields as the file gives them (unvalidated). A list cell of our own CSV that is
 * not JSON is passed on as its text, for the validator to reject by name.
 */
export type CsvFields = Omit<ParsedFields, 'other_emails' | 'other_phones' | 'addresses'> & {
  other_emails: LabeledValue[] | string;
  other_phones: LabeledValue[] | string;
  addresses: PostalAddress[] | string;
};

export interface CsvRow {
  fields: CsvFields;
  uid: string | null;
  /** For a summary: the names, else the email. */
  name: string;
}

export type CsvRowReader = (row: readonly string[]) => CsvRow;

type Cell = (name: string) => string;

/** A row's cells by header name ('' for a column the header lacks or the row is too short for), line breaks as LF. */
function cellsOf(header: readonly string[]): (row: readonly string[]) => Cell {
  const position = new Map<string, number>();
  header.forEach((name, at) => {
    if (!position.has(name)) position.set(name, at);
  });
  return (row) => (name) => {
    const at = position.get(name);
    return at === undefined ? '' : (row[at] ?? '').replace(/\r\n?/g, '\n').trim();
  };
}

function summaryName(fields: CsvFields): string {
  return `${fields.first_name} ${fields.last_name}`.trim() || fields.email || fields.organization;
}

/** A date cell: ISO 8601 / Outlook's US date → ours; text we cannot read goes on for the validator to refuse. */
function birthdayCell(text: string): string | null {
  const date = isoDateOf(text);
  return date === undefined ? text : date;
}

// ---- Ours -------------------------------------------------------------------------------

const OUR_REQUIRED = ['first_name', 'last_name', 'email', 'phone'];

function listCell<T>(text: string): T[] | string {
  if (text === '') return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as T[]) : text;
  } catch {
    return text;
  }
}

function ourReader(header: readonly string[]): CsvRowReader {
  const cells = cellsOf(header);
  return (row) => {
    const cell = cells(row);
    const fields: CsvFields = {
      first_name: cell('first_name'),
      last_name: cell('last_name'),
      email: cell('email'),
      phone: cell('phone'),
      organization: cell('organization'),
      job_title: cell('job_title'),
      notes: cell('notes'),
      birthday: cell('birthday') || null,
      other_emails: listCell<LabeledValue>(cell('other_emails')),
      other_phones: listCell<LabeledValue>(cell('other_phones')),
      addresses: listCell<PostalAddress>(cell('addresses')),
    };
    return { fields, uid: cell('uid') || null, name: summaryName(fields) };
  };
}

// ---- Google Contacts ---------------------------------------------------------------------
// Two export headers: the older "Google CSV" (Name, Given Name, Family Name, E-mail 1 - Type,
// Organization 1 - Name …) and today's (First Name, Last Name, E-mail 1 - Label,
// Organization Name …). Several values of one entry share a cell, separated by " ::: ", and
// the primary one's label starts with "* ".

const GOOGLE_KNOWN_LABELS = new Set([
  'home',
  'work',
  'mobile',
  'other',
  'main',
  'home fax',
  'work fax',
  'other fax',
  'pager',
  'work mobile',
  'work pager',
  'google voice',
  'custom',
]);
const GOOGLE_MULTI = /\s*:::\s*/;
const GOOGLE_SIGNS = ['Given Name', 'Family Name', 'Organization Name', 'Group Membership', 'Labels', 'File As', 'Phonetic First Name'];
const GOOGLE_NUMBERED = /^(E-mail|Phone|Address|Organization|Website) \d+ - /;

interface GoogleLabel {
  label: string;
  primary: boolean;
}

function googleLabel(text: string): GoogleLabel {
  const primary = text.startsWith('*');
  const label = text.replace(/^\*\s*/, '').trim();
  return { label: GOOGLE_KNOWN_LABELS.has(label.toLowerCase()) ? label.toLowerCase() : label, primary };
}

/** The entry numbers a header has for "<prefix> N - <part>" (E-mail 1 - Value, E-mail 2 - Value …). */
function numbersOf(header: readonly string[], prefix: string, part: string): number[] {
  const pattern = new RegExp(`^${prefix} (\\d+) - ${part}$`);
  return header
    .map((name) => pattern.exec(name)?.[1])
    .filter((number): number is string => number !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/** Values and labels of "E-mail N - Value" / "- Label" (or "- Type"), in order, primary first. */
function googleValues(cell: Cell, prefix: string, numbers: readonly number[]): [string, LabeledValue[]] {
  const entries: Array<LabeledValue & { primary: boolean }> = [];
  for (const number of numbers) {
    const { label, primary } = googleLabel(cell(`${prefix} ${number} - Label`) || cell(`${prefix} ${number} - Type`));
    for (const value of cell(`${prefix} ${number} - Value`).split(GOOGLE_MULTI)) {
      if (value !== '') entries.push({ label, value, primary });
    }
  }
  if (entries.length === 0) return ['', []];
  const primaryAt = Math.max(
    0,
    entries.findIndex((entry) => entry.primary),
  );
  const others = entries.filter((_, at) => at !== primaryAt).map(({ label, value }) => ({ label, value }));
  return [entries[primaryAt].value, others];
}

function googleAddresses(cell: Cell, numbers: readonly number[]): PostalAddress[] {
  const addresses: PostalAddress[] = [];
  for (const number of numbers) {
    const part = (name: string) => cell(`Address ${number} - ${name}`);
    const street = [part('PO Box'), part('Extended Address'), part('Street')].filter(Boolean).join('\n');
    const address: PostalAddress = {
      label: googleLabel(part('Label') || part('Type')).label,
      street: street || (part('City') || part('Postal Code') || part('Country') ? '' : part('Formatted')),
      city: part('City'),
      region: part('Region'),
      postal_code: part('Postal Code'),
      country: part('Country'),
    };
    if (address.street || address.city || address.region || address.postal_code || address.country) addresses.push(address);
  }
  return addresses;
}

function googleReader(header: readonly string[]): CsvRowReader {
  const emailNumbers = numbersOf(header, 'E-mail', 'Value');
  const phoneNumbers = numbersOf(header, 'Phone', 'Value');
  const addressNumbers = [...new Set(numbersOf(header, 'Address', '(?:Street|City|Formatted)'))];
  const cells = cellsOf(header);
  return (row) => {
    const cell = cells(row);
    let first_name = [cell('First Name') || cell('Given Name'), cell('Middle Name') || cell('Additional Name')].filter(Boolean).join(' ');
    let last_name = cell('Last Name') || cell('Family Name');
    if (first_name === '' && last_name === '') [first_name, last_name] = namesFromFormatted(cell('Name') || cell('File As'));
    const [email, other_emails] = googleValues(cell, 'E-mail', emailNumbers);
    const [phone, other_phones] = googleValues(cell, 'Phone', phoneNumbers);
    const organization = [
      cell('Organization Name') || cell('Organization 1 - Name'),
      cell('Organization Department') || cell('Organization 1 - Department'),
    ]
      .filter(Boolean)
      .join(', ');
    const fields: CsvFields = {
      first_name,
      last_name,
      email,
      phone,
      organization,
      job_title: cell('Organization Title') || cell('Organization 1 - Title'),
      notes: cell('Notes'),
      birthday: birthdayCell(cell('Birthday')),
      other_emails,
      other_phones,
      addresses: googleAddresses(cell, addressNumbers),
    };
    return { fields, uid: null, name: summaryName(fields) };
  };
}

// ---- Outlook -----------------------------------------------------------------------------
// Outlook's export header (desktop and Outlook.com): fixed columns, one per kind of phone.

const OUTLOOK_SIGNS = [
  'E-mail Address',
  'Business Phone',
  'Mobile Phone',
  'Home Phone',
  'Company',
  'Job Title',
  'Business Street',
  'Home Street',
];

/** Outlook's phone columns and our labels for them, in the order the first filled one is the primary. */
const OUTLOOK_PHONES: ReadonlyArray<[column: string, label: string]> = [
  ['Mobile Phone', 'mobile'],
  ['Business Phone', 'work'],
  ['Business Phone 2', 'work'],
  ['Home Phone', 'home'],
  ['Home Phone 2', 'home'],
  ['Company Main Phone', 'main'],
  ['Other Phone', 'other'],
  ['Car Phone', 'car'],
  ['Pager', 'pager'],
  ['Business Fax', 'work fax'],
  ['Home Fax', 'home fax'],
  ['Other Fax', 'other fax'],
  ["Assistant's Phone", 'assistant'],
  ['Callback', 'callback'],
  ['ISDN', 'isdn'],
  ['Radio Phone', 'radio'],
  ['Telex', 'telex'],
  ['TTY/TDD Phone', 'textphone'],
];
const OUTLOOK_ADDRESSES: ReadonlyArray<[prefix: string, label: string]> = [
  ['Business', 'work'],
  ['Home', 'home'],
  ['Other', 'other'],
];

function outlookReader(header: readonly string[]): CsvRowReader {
  const cells = cellsOf(header);
  return (row) => {
    const cell = cells(row);
    const emails = ['E-mail Address', 'E-mail 2 Address', 'E-mail 3 Address'].map(cell).filter(Boolean);
    const phones = OUTLOOK_PHONES.map(([column, label]) => ({ label, value: cell(column) })).filter(({ value }) => value !== '');
    // "Primary Phone" holds the primary when filled (and usually repeats another column's number).
    const primaryColumn = cell('Primary Phone');
    const primaryPhone = primaryColumn || phones[0]?.value || '';
    const otherPhones = primaryColumn ? phones.filter(({ value }) => value !== primaryColumn) : phones.slice(1);
    const addresses: PostalAddress[] = [];
    for (const [prefix, label] of OUTLOOK_ADDRESSES) {
      const street = [cell(`${prefix} Address PO Box`), cell(`${prefix} Street`), cell(`${prefix} Street 2`), cell(`${prefix} Street 3`)]
        .filter(Boolean)
        .join('\n');
      const address = {
        label,
        street,
        city: cell(`${prefix} City`),
        region: cell(`${prefix} State`),
        postal_code: cell(`${prefix} Postal Code`),
        country: cell(`${prefix} Country/Region`) || cell(`${prefix} Country`),
      };
      if (address.street || address.city || address.region || address.postal_code || address.country) addresses.push(address);
    }
    const fields: CsvFields = {
      first_name: [cell('First Name'), cell('Middle Name')].filter(Boolean).join(' '),
      last_name: cell('Last Name'),
      email: emails[0] ?? '',
      phone: primaryPhone,
      organization: [cell('Company'), cell('Department')].filter(Boolean).join(', '),
      job_title: cell('Job Title'),
      notes: cell('Notes'),
      birthday: birthdayCell(cell('Birthday')),
      other_emails: emails.slice(1).map((value) => ({ label: '', value })),
      other_phones: otherPhones,
      addresses,
    };
    return { fields, uid: null, name: summaryName(fields) };
  };
}

// ---- Which one -----------------------------------------------------------------------------

/** The reader for a header: ours, Google's or Outlook's; CsvHeaderError when it has too little. */
export function csvRowReader(rawHeader: readonly string[]): CsvRowReader {
  const header = rawHeader.map((name) => name.trim());
  const has = (name: string) => header.includes(name);
  // Ours is told by its exact names (Google's and Outlook's "Notes" or "Birthday" are not ours).
  const ours: readonly string[] = CSV_COLUMNS;
  if (header.some((name) => ours.includes(name))) {
    const missing = OUR_REQUIRED.filter((name) => !has(name));
    if (missing.length > 0) throw new CsvHeaderError(missing);
    return ourReader(header);
  }
  if (header.some((name) => GOOGLE_NUMBERED.test(name)) || GOOGLE_SIGNS.some(has)) {
    if (numbersOf(header, 'E-mail', 'Value').length === 0) throw new CsvHeaderError(['E-mail 1 - Value']);
    return googleReader(header);
  }
  if (OUTLOOK_SIGNS.some(has) || has('First Name')) {
    if (!has('E-mail Address')) throw new CsvHeaderError(['E-mail Address']);
    return outlookReader(header);
  }
  throw new CsvHeaderError(
    OUR_REQUIRED,
    `The CSV header has none of the columns we read: ours (${OUR_REQUIRED.join(', ')}, …), or those of a Google Contacts or Outlook export.`,
  );
}
