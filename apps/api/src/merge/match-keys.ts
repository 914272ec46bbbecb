import type { Contact } from '@contacts/wire-types';

/*
 * How contacts are told apart and found alike, as pure functions: the keys a contact is
 * indexed under (one bucket per key in contact_match_keys) and the checks that confirm a
 * match inside a bucket. They run for every contact when the keys are (re)built, so every
 * pattern is compiled once here, and ASCII text skips Unicode normalisation.
 */

export type MatchKind = 'email' | 'phone' | 'name' | 'local';
export interface MatchKey {
  kind: MatchKind;
  key: string;
}
export type Matchable = Pick<Contact, 'id' | 'first_name' | 'last_name' | 'email' | 'phone' | 'other_emails' | 'other_phones'>;

/** The longest key stored (the column's width). */
export const MAX_KEY_LENGTH = 200;
/** Fewer digits say too little to call two numbers the same; a phone bucket is the number's last this many digits. */
export const PHONE_MATCH_DIGITS = 7;
/** An email user name shorter than this (`ab@`, `j@`) is too common to suggest anything. */
const MIN_LOCAL_KEY_LENGTH = 3;

const NON_ASCII = /[\u0080-\uffff]/;
const COMBINING_MARKS = /\p{M}+/gu;
/** Letters NFKD leaves whole but people write without their stroke or as two letters. */
const UNDECOMPOSED_LETTERS = /[ßæœøđðłþı]/g;
const UNDECOMPOSED_SPELLING: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i' };
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
/** The same for ASCII text, which most names and addresses are (several times faster than the Unicode classes). */
const NOT_ASCII_LETTER_OR_DIGIT = /[^a-z0-9]+/g;
const HAS_LETTER = /\p{L}/u;
const NON_DIGITS = /\D+/g;
/** Where an extension starts: `x12`, `ext. 12`, `extension 12`, `;ext=12`, `#12`, or a dial pause (`,` `;`). */
const EXTENSION = /(?:;\s*ext\s*=|[;,#]|(?:extension|extn|ext|x)\.?\s*[:=]?(?=\s*\d))/i;
const TEL_URI_PREFIX = /^\s*tel:/i;
/** A number written in international form: `+44 …`, `(+44) …`. */
const PLUS_PREFIX = /^[\s(]*\+/;
const TRAILING_DIGITS = /\d+$/;
/** `+44 (0)20 …`: the trunk prefix shown in brackets, dialled only from inside the country. */
const TRUNK_IN_BRACKETS = /\(\s*0\s*\)/g;

/** User names that name a role or a mailbox, not a person (`info@`, `no-reply@`, `sales2@` …). */
const GENERIC_LOCAL_PARTS: ReadonlySet<string> = new Set([
  'abuse', 'accounting', 'accounts', 'admin', 'administrator', 'alerts', 'billing', 'bonjour', 'booking', 'bookings',
  'careers', 'contact', 'contacts', 'contactus', 'customerservice', 'customers', 'donotreply', 'email', 'enquiries',
  'enquiry', 'feedback', 'finance', 'general', 'hello', 'help', 'helpdesk', 'hola', 'hostmaster', 'hr', 'info',
  'information', 'inquiries', 'inquiry', 'jobs', 'kontakt', 'legal', 'mail', 'mailerdaemon', 'marketing', 'media',
  'news', 'newsletter', 'noreply', 'notifications', 'office', 'orders', 'postmaster', 'press', 'privacy',
  'reception', 'reservations', 'root', 'sales', 'security', 'service', 'services', 'shop', 'staff', 'store', 'support',
  'team', 'test', 'user', 'webmaster', 'welcome',
]);

/**
 * Lower case, accents and compatibility forms folded (`Ångström` → `angstrom`, `Søren` → `soren`), and every run
 * of characters that are not letters or digits replaced by `separator`.
 */
function foldText(text: string, separator: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase().replace(NOT_ASCII_LETTER_OR_DIGIT, separator);
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(UNDECOMPOSED_LETTERS, (letter) => UNDECOMPOSED_SPELLING[letter] ?? letter)
    .replace(NOT_LETTER_OR_DIGIT, separator);
}

/** At most MAX_KEY_LENGTH UTF-16 units, never half of a surrogate pair (PostgreSQL refuses those). */
function clip(key: string): string {
  if (key.length <= MAX_KEY_LENGTH) return key;
  const code = key.charCodeAt(MAX_KEY_LENGTH - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? MAX_KEY_LENGTH - 1 : MAX_KEY_LENGTH;
  return key.slice(0, end);
}

/** Every email of a contact, the primary one first. */
export function emailsOf(contact: Pick<Contact, 'email' | 'other_emails'>): string[] {
  return [contact.email, ...contact.other_emails.map((entry) => entry.value)];
}

/** Every phone of a contact, the primary one first. */
export function phonesOf(contact: Pick<Contact, 'phone' | 'other_phones'>): string[] {
  return [contact.phone, ...contact.other_phones.map((entry) => entry.value)];
}

/** The 'email' key: the address trimmed and in lower case ('' for none). */
export function emailKey(email: string): string {
  return clip(email.trim().toLowerCase());
}

/** The 'phone' key: the number's last PHONE_MATCH_DIGITS digits, or null for a number too short to match. */
export function phoneKey(phone: string): string | null {
  const digits = phoneDigits(phone);
  return digits.length >= PHONE_MATCH_DIGITS ? digits.slice(-PHONE_MATCH_DIGITS) : null;
}

/** Every key a contact is indexed under, deduplicated, each key ≤ 200 chars. Buckets may be coarser than a match
 *  (phone: the last 7 digits; local: the folded local part) — groupDuplicates verifies. */
export function matchKeysOf(contact: Matchable): MatchKey[] {
  const keys: MatchKey[] = [];
  const seen = new Set<string>();
  const add = (kind: MatchKind, key: string | null) => {
    if (!key) return;
    const clipped = clip(key);
    const id = `${kind}\n${clipped}`;
    if (seen.has(id)) return;
    seen.add(id);
    keys.push({ kind, key: clipped });
  };
  for (const email of emailsOf(contact)) {
    add('email', emailKey(email));
    add('local', emailLocalKey(email));
  }
  for (const phone of phonesOf(contact)) add('phone', phoneKey(phone));
  add('name', foldName(contact.first_name, contact.last_name));
  return keys;
}

/** "Lovelace, Ada", "ADA  lovelace", "Adá Lovelace", first/last swapped → the same string ("ada lovelace"):
 *  NFKD, marks removed, lower case, non-letters/digits → space, tokens sorted, joined by one space. */
export function foldName(first: string, last: string): string {
  return nameTokens(first, last).sort().join(' ');
}

/** The folded words of a name, in the order written. */
function nameTokens(first: string, last: string): string[] {
  const words = foldText(`${first} ${last}`, ' ').trim();
  return words === '' ? [] : words.split(' ');
}

/** Digits only, an extension ("x12", "ext. 12", ";ext=12") cut off. */
export function phoneDigits(phone: string): string {
  const number = phone.replace(TEL_URI_PREFIX, '');
  const extension = EXTENSION.exec(number);
  const main = extension ? number.slice(0, extension.index) : number;
  return main.replace(NON_DIGITS, '');
}

/** The digits of a number and whether they start with a country code (`+44`, `0044`: the "00" dropped). */
function parsePhone(phone: string): { digits: string; international: boolean } {
  const digits = phoneDigits(phone.replace(TRUNK_IN_BRACKETS, ''));
  if (PLUS_PREFIX.test(phone)) return { digits, international: true };
  if (digits.startsWith('00')) return { digits: digits.slice(2), international: true };
  return { digits, international: false };
}

/** Same number: equal digits (a leading "00" international prefix counts as "+"), or one (without its trunk "0")
 *  is the other's ending with a 1–3 digit country code before it, at least 7 digits shared. */
export function samePhone(a: string, b: string): boolean {
  const first = parsePhone(a);
  const second = parsePhone(b);
  if (first.digits === '' || second.digits === '') return false;
  if (first.digits === second.digits) return true;
  // Two numbers that both name their country differ when their digits do.
  if (first.international && second.international) return false;
  const [longer, shorter] = first.digits.length > second.digits.length ? [first, second] : [second, first];
  const endings = [shorter.digits];
  // The national form's trunk prefix (UK 020 …) is not part of the international one (+44 20 …); Italy's 06 … keeps it.
  if (!shorter.international && shorter.digits.startsWith('0')) endings.push(shorter.digits.slice(1));
  return endings.some((ending) => {
    const countryCodeLength = longer.digits.length - ending.length;
    return ending.length >= PHONE_MATCH_DIGITS && countryCodeLength >= 1 && countryCodeLength <= 3 && longer.digits.endsWith(ending);
  });
}

/** Folded local part of an email ("+tag" dropped, dots/dashes/underscores removed, lower case, accents removed);
 *  null when shorter than 3 or generic (info, contact, hello, admin, office, mail, sales, support, noreply, ...). */
export function emailLocalKey(email: string): string | null {
  const address = email.trim();
  const at = address.lastIndexOf('@');
  if (at <= 0) return null;
  let local = address.slice(0, at);
  const tag = local.indexOf('+');
  if (tag >= 0) local = local.slice(0, tag);
  // Every separator goes, not only . - _: `ada'lovelace` and `ada.lovelace` are one user name too.
  const key = foldText(local, '');
  if (key.length < MIN_LOCAL_KEY_LENGTH) return null;
  if (GENERIC_LOCAL_PARTS.has(key) || GENERIC_LOCAL_PARTS.has(key.replace(TRAILING_DIGITS, ''))) return null;
  return clip(key);
}

/** Names that may be the same person: same folded name, or they share a token of ≥ 2 letters, or a small edit distance. */
export function similarNames(a: Pick<Contact, 'first_name' | 'last_name'>, b: Pick<Contact, 'first_name' | 'last_name'>): boolean {
  const tokensA = nameTokens(a.first_name, a.last_name);
  const tokensB = nameTokens(b.first_name, b.last_name);
  if (tokensA.length === 0 || tokensB.length === 0) return false;
  const wordsA = new Set(tokensA.filter((token) => token.length >= 2 && HAS_LETTER.test(token)));
  if (tokensB.some((token) => wordsA.has(token))) return true;
  const foldedA = tokensA.sort().join(' ');
  const foldedB = tokensB.sort().join(' ');
  if (foldedA === foldedB) return true;
  // A typo or two (`Jonathon Smyth` / `Jonathan Smith`), fewer for short names, none for the shortest.
  const shorter = Math.min(foldedA.length, foldedB.length);
  const allowed = shorter >= 8 ? 2 : shorter >= 4 ? 1 : 0;
  return allowed > 0 && editDistanceAtMost(foldedA, foldedB, allowed);
}

/** Levenshtein distance ≤ limit, giving up as soon as every path is over it. */
function editDistanceAtMost(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      const value = Math.min(substitution, previous[j] + 1, current[j - 1] + 1);
      current.push(value);
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return false;
    previous = current;
  }
  return previous[b.length] <= limit;
}
