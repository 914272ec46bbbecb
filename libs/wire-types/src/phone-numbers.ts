/*
 * When two phone numbers are the same number, as the server's duplicate suggestions and
 * merges decide it and the web app's merge preview shows it: one rule for both sides.
 */

/** Fewer digits say too little to call two numbers the same. */
export const PHONE_MATCH_DIGITS = 7;
const NON_DIGITS = /\D+/g;
/** Where an extension starts: `x12`, `ext. 12`, `extension 12`, `;ext=12`, `#12`, or a dial pause (`,` `;`). */
const EXTENSION = /(?:;\s*ext\s*=|[;,#]|(?:extension|extn|ext|x)\.?\s*[:=]?(?=\s*\d))/i;
const TEL_URI_PREFIX = /^\s*tel:/i;
/** A number written in international form: `+44 …`, `(+44) …`. */
const PLUS_PREFIX = /^[\s(]*\+/;
/** `+44 (0)20 …`: the trunk prefix shown in brackets, dialled only from inside the country. */
const TRUNK_IN_BRACKETS = /\(\s*0\s*\)/g;

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
