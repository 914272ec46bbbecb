import { bookHref, cardHref, homeHref, hrefOf, parseDavPath, parseHref, principalHref } from './dav-paths.js';

describe('DAV paths', () => {
  it.each([
    ['/dav', { kind: 'root' }],
    ['/dav/', { kind: 'root' }],
    ['/dav/?x=1', { kind: 'root' }],
    ['/dav/principals/7/', { kind: 'principal', principal: '7' }],
    ['/dav/principals/shared', { kind: 'principal', principal: 'shared' }],
    ['/dav/books', { kind: 'home' }],
    ['/dav/books/', { kind: 'home' }],
    ['/dav/books/12', { kind: 'book', book: 12 }],
    ['/dav/books/12/', { kind: 'book', book: 12 }],
    ['/dav/books/12/abc.vcf', { kind: 'card', book: 12, uid: 'abc' }],
    ['/dav/books/12/ABC.VCF', { kind: 'card', book: 12, uid: 'ABC' }],
    ['/dav/books/12/urn%3Auuid%3Aa%2Fb%20c.vcf', { kind: 'card', book: 12, uid: 'urn:uuid:a/b c' }],
    ['/dav/books/12/notes.txt', { kind: 'not-a-card', book: 12, name: 'notes.txt' }],
    ['/dav/books/12/.vcf', { kind: 'not-a-card', book: 12, name: '.vcf' }],
  ])('%s names %j', (path, target) => {
    expect(parseDavPath(path)).toEqual(target);
  });

  it.each([
    '/api/contacts/',
    '/davx/',
    '/dav/principals/',
    '/dav/principals/1/extra',
    '/dav/books/0/',
    '/dav/books/01/',
    '/dav/books/-1/',
    '/dav/books/abc/',
    '/dav/books/99999999999999999/',
    '/dav/books/1//x.vcf',
    '/dav/books/1/a/b.vcf',
    '/dav/books/1/%E0%A4%A.vcf',
    '/dav/elsewhere/',
  ])('%s names nothing', (path) => {
    expect(parseDavPath(path)).toEqual({ kind: 'unknown' });
  });

  it('writes collections with their trailing slash and percent-encodes uids', () => {
    expect(principalHref('7')).toBe('/dav/principals/7/');
    expect(homeHref()).toBe('/dav/books/');
    expect(bookHref(3)).toBe('/dav/books/3/');
    expect(cardHref(3, 'urn:uuid:a/b c@d?e#f')).toBe('/dav/books/3/urn%3Auuid%3Aa%2Fb%20c%40d%3Fe%23f.vcf');
  });

  it('reads back every href it writes', () => {
    for (const uid of ['plain', 'urn:uuid:0f1e', 'a/b', 'with space', 'ümlaut-ß', '100%', 'a.vcf', 'emoji-😀']) {
      const target = { kind: 'card' as const, book: 5, uid };
      expect(parseDavPath(hrefOf(target))).toEqual(target);
    }
  });

  it('takes hrefs as paths or as absolute URLs', () => {
    expect(parseHref(' /dav/books/2/x.vcf ')).toEqual({ kind: 'card', book: 2, uid: 'x' });
    expect(parseHref('https://contacts.example.com/dav/books/2/x%40y.vcf')).toEqual({ kind: 'card', book: 2, uid: 'x@y' });
    expect(parseHref('x.vcf')).toEqual({ kind: 'unknown' });
    expect(parseHref('https://contacts.example.com/elsewhere/x.vcf')).toEqual({ kind: 'unknown' });
  });
});
