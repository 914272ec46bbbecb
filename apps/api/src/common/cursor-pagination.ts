import type { Page } from '@contacts/wire-types';
import { notFound } from './api-errors.js';
import { type PageLinkBase, pageSizeOf } from './pagination.js';

/**
 * DRF CursorPagination's request: where the page starts (the key of the row next to it,
 * null for the first page) and which way it goes (`reverse`: the rows before the position,
 * what a `previous` link asks for).
 */
export interface CursorRequest<K> {
  after: K | null;
  reverse: boolean;
  pageSize: number;
}

/** What a token carries: the boundary row's key and the direction. */
interface CursorToken {
  p: unknown;
  r: boolean;
}

/** Tokens are a few dozen characters; anything much longer is not one of ours. */
const MAX_TOKEN_LENGTH = 512;

export const INVALID_CURSOR = 'Invalid cursor';

/** Whether the request asks for cursor pagination: a `cursor` parameter, even an empty one (the first page). */
export function wantsCursor(query: Record<string, unknown>): boolean {
  return query.cursor !== undefined;
}

export function encodeCursor<K>(key: K, reverse: boolean): string {
  const token: CursorToken = { p: key, r: reverse };
  return Buffer.from(JSON.stringify(token), 'utf8').toString('base64url');
}

/**
 * The request's cursor and page size. `keyOf` checks the decoded position and returns the
 * key, or null when it is not one; any token that does not decode to a valid position
 * is DRF's 404 `{"detail": "Invalid cursor"}`. A bad page_size falls back to the default, as with pages.
 */
export function parseCursorRequest<K>(query: Record<string, unknown>, keyOf: (position: unknown) => K | null): CursorRequest<K> {
  const pageSize = pageSizeOf(query);
  const raw = query.cursor;
  if (raw === '') return { after: null, reverse: false, pageSize };
  if (typeof raw !== 'string' || raw.length > MAX_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(raw)) throw notFound(INVALID_CURSOR);
  let token: unknown;
  try {
    token = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw notFound(INVALID_CURSOR);
  }
  if (typeof token !== 'object' || token === null || typeof (token as CursorToken).r !== 'boolean') throw notFound(INVALID_CURSOR);
  const after = keyOf((token as CursorToken).p);
  if (after === null) throw notFound(INVALID_CURSOR);
  return { after, reverse: (token as CursorToken).r, pageSize };
}

/**
 * The envelope of a cursor page. `rows` are what the window read: up to pageSize + 1 rows
 * in list order, the extra one (past the end going forward, before the start going back)
 * telling that there is more that way. `previous` is null on the first page, `next` on the last.
 */
export function buildCursorPage<R, T, K>(
  request: CursorRequest<K>,
  count: number,
  rows: R[],
  keyOf: (row: R) => K,
  toResult: (row: R) => T,
  links: PageLinkBase,
): Page<T> {
  const more = rows.length > request.pageSize;
  const page = !more ? rows : request.reverse ? rows.slice(rows.length - request.pageSize) : rows.slice(0, request.pageSize);
  const first = page.length > 0 ? keyOf(page[0]) : request.after;
  const last = page.length > 0 ? keyOf(page[page.length - 1]) : request.after;
  const hasNext = request.reverse ? request.after !== null : more;
  const hasPrevious = request.reverse ? more : request.after !== null;
  const linkTo = (key: K | null, reverse: boolean): string | null => {
    if (key === null) return null;
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(links.query)) {
      if (name !== 'page' && name !== 'cursor' && typeof value === 'string') params.set(name, value);
    }
    params.set('cursor', encodeCursor(key, reverse));
    return `${links.origin}${links.path}?${params.toString()}`;
  };
  return {
    count,
    next: hasNext ? linkTo(last, false) : null,
    previous: hasPrevious ? linkTo(first, true) : null,
    results: page.map(toResult),
  };
}
