/*
 * The DAV namespace of the server (all under /dav/):
 *
 *   /dav/                          the root collection
 *   /dav/principals/<p>/           the caller's principal (<p>: the user id, or `shared`)
 *   /dav/books/                    the caller's address book home
 *   /dav/books/<bookId>/           an address book
 *   /dav/books/<bookId>/<uid>.vcf  a card (its uid percent-encoded)
 *
 * Collections are always written with their trailing slash; on input it is optional.
 */

export const DAV_ROOT = '/dav/';
/** The principal of AUTH=none and of the service token: nobody in particular. */
export const SHARED_PRINCIPAL = 'shared';
const CARD_SUFFIX = '.vcf';

export type DavTarget =
  | { kind: 'root' }
  | { kind: 'principal'; principal: string }
  | { kind: 'home' }
  | { kind: 'book'; book: number }
  | { kind: 'card'; book: number; uid: string }
  /** A name in a book that is not `<uid>.vcf`: nothing can be there. */
  | { kind: 'not-a-card'; book: number; name: string }
  | { kind: 'unknown' };

export const rootHref = (): string => DAV_ROOT;
export const principalHref = (principal: string): string => `${DAV_ROOT}principals/${encodeURIComponent(principal)}/`;
export const homeHref = (): string => `${DAV_ROOT}books/`;
export const bookHref = (book: number): string => `${DAV_ROOT}books/${book}/`;
export const cardHref = (book: number, uid: string): string => `${bookHref(book)}${encodeURIComponent(uid)}${CARD_SUFFIX}`;

/** The href of a target (the request-URI as this server spells it). */
export function hrefOf(target: DavTarget): string {
  switch (target.kind) {
    case 'root':
      return rootHref();
    case 'principal':
      return principalHref(target.principal);
    case 'home':
      return homeHref();
    case 'book':
      return bookHref(target.book);
    case 'card':
      return cardHref(target.book, target.uid);
    case 'not-a-card':
      return `${bookHref(target.book)}${encodeURIComponent(target.name)}`;
    case 'unknown':
      return DAV_ROOT;
  }
}

const BOOK_ID = /^[1-9]\d{0,15}$/;

/**
 * What a request path (percent-encoded, as sent; a query string is ignored) names. A
 * segment that does not decode, an empty one in the middle, or a path outside /dav is
 * `unknown` (answered 404).
 */
export function parseDavPath(rawPath: string): DavTarget {
  const path = rawPath.split('?')[0].split('#')[0];
  if (path !== '/dav' && !path.startsWith(DAV_ROOT)) return { kind: 'unknown' };
  const raw = path.slice(DAV_ROOT.length).split('/');
  // One trailing slash is optional (a collection's own spelling); any other empty segment is not ours.
  if (raw.length > 0 && raw[raw.length - 1] === '') raw.pop();
  if (raw.some((segment) => segment === '')) return { kind: 'unknown' };
  let segments: string[];
  try {
    segments = raw.map((segment) => decodeURIComponent(segment));
  } catch {
    return { kind: 'unknown' };
  }
  if (segments.length === 0) return { kind: 'root' };
  const [top, ...rest] = segments;
  if (top === 'principals') return rest.length === 1 ? { kind: 'principal', principal: rest[0] } : { kind: 'unknown' };
  if (top !== 'books') return { kind: 'unknown' };
  if (rest.length === 0) return { kind: 'home' };
  if (!BOOK_ID.test(rest[0]) || !Number.isSafeInteger(Number(rest[0]))) return { kind: 'unknown' };
  const book = Number(rest[0]);
  if (rest.length === 1) return { kind: 'book', book };
  if (rest.length !== 2) return { kind: 'unknown' };
  const name = rest[1];
  if (name.length > CARD_SUFFIX.length && name.toLowerCase().endsWith(CARD_SUFFIX)) {
    return { kind: 'card', book, uid: name.slice(0, -CARD_SUFFIX.length) };
  }
  return { kind: 'not-a-card', book, name };
}

/**
 * An href from a request body (multiget): a path, or an absolute URL whose path is taken
 * (clients behind a proxy send either). Anything that is no URL at all is `unknown`.
 */
export function parseHref(href: string): DavTarget {
  const text = href.trim();
  if (text.startsWith('/')) return parseDavPath(text);
  try {
    return parseDavPath(new URL(text).pathname);
  } catch {
    return { kind: 'unknown' };
  }
}
