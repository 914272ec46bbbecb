/** Small readings of free text shared by the vCard and CSV mappings. */

/** "Ada King Lovelace" → ["Ada King", "Lovelace"]; one word is a first name. */
export function namesFromFormatted(formatted: string): [string, string] {
  const words = formatted.split(/\s+/).filter(Boolean);
  if (words.length <= 1) return [words[0] ?? '', ''];
  return [words.slice(0, -1).join(' '), words[words.length - 1]];
}

const FULL_DATE = /^(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?$/;
const NO_YEAR = /^--(\d{2})-?(\d{2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
/** Outlook's "no date". */
const OUTLOOK_NONE = /^0?0\/0?0\/(00|0000)$/;

/**
 * A date as `1815-12-10` or `--12-10` (no year) when it is one in ISO 8601 (basic or extended,
 * with a time or not, 4.0's `--1210`), or Outlook's US `12/10/1815`; null when there is none;
 * undefined when the text is not a date we can read.
 */
export function isoDateOf(text: string): string | null | undefined {
  const value = text.trim();
  if (value === '' || OUTLOOK_NONE.test(value)) return null;
  const full = FULL_DATE.exec(value);
  if (full) return `${full[1]}-${full[2]}-${full[3]}`;
  const noYear = NO_YEAR.exec(value);
  if (noYear) return `--${noYear[1]}-${noYear[2]}`;
  const us = US_DATE.exec(value);
  if (us) return `${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}`;
  return undefined;
}
