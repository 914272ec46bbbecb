import { ApiError } from './api-errors.js';
import { buildCursorPage, encodeCursor, parseCursorRequest, wantsCursor } from './cursor-pagination.js';
import type { PageLinkBase } from './pagination.js';

interface Key {
  n: number;
}
const keyOf = (position: unknown): Key | null =>
  typeof position === 'object' && position !== null && typeof (position as Key).n === 'number' ? { n: (position as Key).n } : null;

function outcome<T>(read: () => T): T | { status: number; body: unknown } {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { status: error.getStatus(), body: error.getResponse() };
  }
}

const INVALID = { status: 404, body: { detail: 'Invalid cursor' } };
const links = (query: Record<string, string>): PageLinkBase => ({ origin: 'http://h', path: '/api/contacts/', query, rawQuery: '' });
/** The token a link carries, decoded. */
const tokenOf = (link: string | null) => (link === null ? null : JSON.parse(Buffer.from(new URL(link).searchParams.get('cursor')!, 'base64url').toString()));

describe('cursor pagination', () => {
  it('is chosen by the presence of `cursor`, even empty', () => {
    expect(wantsCursor({ cursor: '' })).toBe(true);
    expect(wantsCursor({ page: '2' })).toBe(false);
  });

  it('reads the first page, a token both ways, and the page size as page numbers do', () => {
    expect(parseCursorRequest({ cursor: '' }, keyOf)).toEqual({ after: null, reverse: false, pageSize: 20 });
    expect(parseCursorRequest({ cursor: encodeCursor({ n: 7 }, true), page_size: '500' }, keyOf)).toEqual({ after: { n: 7 }, reverse: true, pageSize: 100 });
    expect(parseCursorRequest({ cursor: encodeCursor({ n: 7 }, false), page_size: 'x' }, keyOf)).toEqual({ after: { n: 7 }, reverse: false, pageSize: 20 });
  });

  it.each([
    ['not base64url', 'a+b/'],
    ['not JSON', Buffer.from('{').toString('base64url')],
    ['no direction', Buffer.from('{"p":{"n":1}}').toString('base64url')],
    ['a bad position', Buffer.from('{"p":{"n":"1"},"r":false}').toString('base64url')],
    ['null', Buffer.from('null').toString('base64url')],
    ['too long', 'A'.repeat(513)],
    ['repeated', ['', '']],
  ])('answers %s with 404 Invalid cursor', (_, cursor) => {
    expect(outcome(() => parseCursorRequest({ cursor }, keyOf))).toEqual(INVALID);
  });

  const rows = (...ns: number[]) => ns.map((n) => ({ n }));
  const build = (request: ReturnType<typeof parseCursorRequest<Key>>, got: Key[]) =>
    buildCursorPage(request, 99, got, (row) => row, (row) => row.n, links({ cursor: 'old', page: '3', search: 'ab', page_size: '2' }));

  it('going forward: the extra row means a next page; previous from the first row unless this is the start', () => {
    const first = build({ after: null, reverse: false, pageSize: 2 }, rows(9, 8, 7));
    expect(first.results).toEqual([9, 8]);
    expect(first.previous).toBeNull();
    expect(tokenOf(first.next)).toEqual({ p: { n: 8 }, r: false });
    const url = new URL(first.next!);
    expect([...url.searchParams.keys()]).toEqual(['search', 'page_size', 'cursor']);
    expect(first.count).toBe(99);

    const last = build({ after: { n: 8 }, reverse: false, pageSize: 2 }, rows(7));
    expect(last.results).toEqual([7]);
    expect(last.next).toBeNull();
    expect(tokenOf(last.previous)).toEqual({ p: { n: 7 }, r: true });

    const empty = build({ after: { n: 1 }, reverse: false, pageSize: 2 }, []);
    expect([empty.results, empty.next, tokenOf(empty.previous)]).toEqual([[], null, { p: { n: 1 }, r: true }]);
  });

  it('going back: the extra row is the first (there is more before), next from the last row', () => {
    const middle = build({ after: { n: 5 }, reverse: true, pageSize: 2 }, rows(8, 7, 6));
    expect(middle.results).toEqual([7, 6]);
    expect(tokenOf(middle.previous)).toEqual({ p: { n: 7 }, r: true });
    expect(tokenOf(middle.next)).toEqual({ p: { n: 6 }, r: false });
    const start = build({ after: { n: 7 }, reverse: true, pageSize: 2 }, rows(9, 8));
    expect(start.results).toEqual([9, 8]);
    expect(start.previous).toBeNull();
    expect(tokenOf(start.next)).toEqual({ p: { n: 8 }, r: false });
  });
});
