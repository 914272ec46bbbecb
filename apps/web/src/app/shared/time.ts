const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const abs = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "3 minutes ago" — recent changes matter most in a live list. */
export function relativeTime(iso: string, now = Date.now()): string {
  const diff = (new Date(iso).getTime() - now) / 1000;
  const a = Math.abs(diff);
  if (a < 45) return 'just now';
  if (a < 3600) return rtf.format(Math.round(diff / 60), 'minute');
  if (a < 86400) return rtf.format(Math.round(diff / 3600), 'hour');
  if (a < 86400 * 30) return rtf.format(Math.round(diff / 86400), 'day');
  return abs.format(new Date(iso));
}

export function absoluteTime(iso: string): string {
  return abs.format(new Date(iso));
}
