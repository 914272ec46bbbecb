import { type Contact, PHONE_MATCH_DIGITS, phoneDigits } from '@contacts/wire-types';

// Phone equality is shared with the web app's merge preview (libs/wire-types/src/phone-numbers.ts).
export { PHONE_MATCH_DIGITS, phoneDigits, samePhone } from '@contacts/wire-types';

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
const TRAILING_DIGITS = /\d+$/;

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
