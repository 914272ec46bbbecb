import { DavError } from './dav-error.js';
import { parsePropfind, parseProppatch, parseReport } from './dav-requests.js';

const D = 'xmlns:d="DAV:"';
const C = 'xmlns:card="urn:ietf:params:xml:ns:carddav"';

describe('DAV request bodies', () => {
  it('PROPFIND: an empty body is allprop; prop, allprop with include and propname are told apart', () => {
    expect(parsePropfind('')).toEqual({ kind: 'allprop', include: [] });
    expect(parsePropfind(`<d:propfind ${D}><d:prop><d:getetag/><x:custom xmlns:x="urn:x"/></d:prop></d:propfind>`)).toEqual({
      kind: 'prop',
      names: [
        { ns: 'DAV:', name: 'getetag' },
        { ns: 'urn:x', name: 'custom' },
      ],
    });
    expect(parsePropfind(`<d:propfind ${D}><d:allprop/><d:include><d:sync-token/></d:include></d:propfind>`)).toEqual({
      kind: 'allprop',
      include: [{ ns: 'DAV:', name: 'sync-token' }],
    });
    expect(parsePropfind(`<d:propfind ${D}><d:propname/></d:propfind>`)).toEqual({ kind: 'propname' });
  });

  it('PROPPATCH: the names of every property set or removed', () => {
    const body = `<d:propertyupdate ${D}><d:set><d:prop><d:displayname>x</d:displayname></d:prop></d:set><d:remove><d:prop><a:color xmlns:a="urn:apple"/></d:prop></d:remove></d:propertyupdate>`;
    expect(parseProppatch(body)).toEqual([
      { ns: 'DAV:', name: 'displayname' },
      { ns: 'urn:apple', name: 'color' },
    ]);
    expect(() => parseProppatch('')).toThrow(DavError);
  });

  it('multiget: its properties and hrefs', () => {
    const report = parseReport(`<card:addressbook-multiget ${D} ${C}><d:prop><d:getetag/><card:address-data/></d:prop><d:href>/dav/books/1/a.vcf</d:href><d:href> /dav/books/1/b.vcf </d:href></card:addressbook-multiget>`);
    expect(report).toEqual({
      kind: 'multiget',
      props: { kind: 'prop', names: [{ ns: 'DAV:', name: 'getetag' }, { ns: 'urn:ietf:params:xml:ns:carddav', name: 'address-data' }] },
      hrefs: ['/dav/books/1/a.vcf', '/dav/books/1/b.vcf'],
    });
  });

  it('sync-collection: the token (empty for an initial sync), the limit', () => {
    const initial = parseReport(`<d:sync-collection ${D}><d:sync-token/><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>`);
    expect(initial).toMatchObject({ kind: 'sync', token: '', limit: null });
    const later = parseReport(`<d:sync-collection ${D}><d:sync-token>\n http://contacts.invalid/ns/sync/9\n</d:sync-token><d:sync-level>1</d:sync-level><d:limit><d:nresults>10</d:nresults></d:limit><d:prop><d:getetag/></d:prop></d:sync-collection>`);
    expect(later).toMatchObject({ kind: 'sync', token: 'http://contacts.invalid/ns/sync/9', limit: 10 });
    expect(() => parseReport(`<d:sync-collection ${D}><d:sync-token/><d:sync-level>2</d:sync-level></d:sync-collection>`)).toThrow(DavError);
  });

  it('addressbook-query: the filter and the limit', () => {
    const report = parseReport(
      `<card:addressbook-query ${D} ${C}><d:prop><d:getetag/></d:prop><card:filter test="anyof"><card:prop-filter name="EMAIL"><card:text-match match-type="contains">ada</card:text-match></card:prop-filter></card:filter><card:limit><card:nresults>5</card:nresults></card:limit></card:addressbook-query>`,
    );
    expect(report.kind).toBe('query');
    if (report.kind !== 'query') return;
    expect(report.limit).toBe(5);
    expect(report.filter.propFilters.map((filter) => filter.name)).toEqual(['email']);
  });

  it('any other report is 403 supported-report; no body is 400', () => {
    const refused = (() => {
      try {
        parseReport(`<d:expand-property ${D}/>`);
      } catch (error) {
        return error as DavError;
      }
      return null;
    })();
    expect(refused?.status).toBe(403);
    expect(refused?.condition).toEqual({ ns: 'DAV:', name: 'supported-report' });
    expect(() => parseReport('')).toThrow(expect.objectContaining({ status: 400 }));
  });
});
