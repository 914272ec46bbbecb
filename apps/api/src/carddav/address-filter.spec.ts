import { DOMParser, type Element } from '@xmldom/xmldom';
import { DavError } from './dav-error.js';
import { matchesAddressFilter, parseAddressFilter, parseLimit } from './address-filter.js';

const NS = 'xmlns:C="urn:ietf:params:xml:ns:carddav" xmlns:D="DAV:"';

function element(xml: string): Element {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  if (!document.documentElement) throw new Error('no element');
  return document.documentElement;
}

/** `<C:filter>` with the given content (attributes of the filter element first). */
function filter(content: string, attributes = ''): Element {
  return element(`<C:filter ${NS} ${attributes}>${content}</C:filter>`);
}

const ADA = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'UID:ada',
  'FN:Ada Lovelace',
  'N:Lovelace;Ada;;;',
  'EMAIL;TYPE=INTERNET,HOME:ada@example.com',
  'item1.EMAIL;TYPE=INTERNET:countess@analytical.example',
  'item1.X-ABLABEL:Engine',
  'TEL;TYPE=CELL:+44 20 7946 0001',
  'NOTE:Wrote the first program\\; notes on the engine',
  'CATEGORIES:Mathematics,Friends',
  'NICKNAME:Straße',
  'END:VCARD',
  '',
].join('\r\n');

const NO_EMAIL = ['BEGIN:VCARD', 'VERSION:3.0', 'UID:bob', 'FN:Bob', 'N:;Bob;;;', 'END:VCARD', ''].join('\r\n');

const matches = (content: string, card = ADA, attributes = '') =>
  matchesAddressFilter(parseAddressFilter(filter(content, attributes)), card);
const text = (value: string, attributes = '') => `<C:text-match ${attributes}>${value}</C:text-match>`;
const prop = (name: string, content = '', attributes = '') => `<C:prop-filter name="${name}" ${attributes}>${content}</C:prop-filter>`;

function davErrorOf(run: () => unknown): DavError {
  try {
    run();
  } catch (error) {
    if (error instanceof DavError) return error;
    throw error;
  }
  throw new Error('no DavError thrown');
}

describe('addressbook-query filter', () => {
  it('matches every card without a filter or with an empty one', () => {
    expect(matchesAddressFilter(parseAddressFilter(null), NO_EMAIL)).toBe(true);
    expect(matches('', NO_EMAIL)).toBe(true);
  });

  it('tests that a property exists (empty prop-filter) or is not defined', () => {
    expect(matches(prop('EMAIL'))).toBe(true);
    expect(matches(prop('EMAIL'), NO_EMAIL)).toBe(false);
    expect(matches(prop('EMAIL', '<C:is-not-defined/>'))).toBe(false);
    expect(matches(prop('EMAIL', '<C:is-not-defined/>'), NO_EMAIL)).toBe(true);
  });

  it('names properties case-insensitively and ignores their groups', () => {
    expect(matches(prop('email', text('countess')))).toBe(true);
    expect(matches(prop('X-ABLabel', text('Engine', 'match-type="equals"')))).toBe(true);
  });

  it.each([
    ['contains (the default)', text('LOVE'), true],
    ['contains, missing', text('Babbage'), false],
    ['equals', text('ada lovelace', 'match-type="equals"'), true],
    ['equals, only a part', text('Ada', 'match-type="equals"'), false],
    ['starts-with', text('ada', 'match-type="starts-with"'), true],
    ['starts-with, not at the start', text('Lovelace', 'match-type="starts-with"'), false],
    ['ends-with', text('LACE', 'match-type="ends-with"'), true],
    ['ends-with, not at the end', text('Ada', 'match-type="ends-with"'), false],
  ])('text-match %s on FN', (_label, content, expected) => {
    expect(matches(prop('FN', content))).toBe(expected);
  });

  it('applies the collation: i;unicode-casemap folds case beyond ASCII, i;ascii-casemap only ASCII, i;octet nothing', () => {
    expect(matches(prop('NICKNAME', text('STRASSE', 'match-type="equals"')))).toBe(true);
    expect(matches(prop('NICKNAME', text('STRASSE', 'match-type="equals" collation="i;ascii-casemap"')))).toBe(false);
    expect(matches(prop('NICKNAME', text('straße', 'match-type="equals" collation="i;ascii-casemap"')))).toBe(true);
    expect(matches(prop('FN', text('ada lovelace', 'match-type="equals" collation="i;octet"')))).toBe(false);
    expect(matches(prop('FN', text('Ada Lovelace', 'match-type="equals" collation="i;octet"')))).toBe(true);
  });

  it('tries every instance of a property', () => {
    expect(matches(prop('EMAIL', text('ada@example.com', 'match-type="equals"')))).toBe(true);
    expect(matches(prop('EMAIL', text('countess@analytical.example', 'match-type="equals"')))).toBe(true);
  });

  it('negates per instance: one EMAIL that does not match is enough, a card without EMAIL never matches', () => {
    expect(matches(prop('EMAIL', text('ada@', 'negate-condition="yes"')))).toBe(true);
    expect(matches(prop('EMAIL', text('example', 'negate-condition="yes"')))).toBe(false);
    expect(matches(prop('EMAIL', text('ada@', 'negate-condition="yes"')), NO_EMAIL)).toBe(false);
  });

  it('combines a prop-filter’s conditions by its test', () => {
    const both = text('ada@') + text('countess');
    expect(matches(prop('EMAIL', both))).toBe(true);
    expect(matches(prop('EMAIL', text('ada@') + text('babbage'), 'test="allof"'))).toBe(false);
    expect(matches(prop('EMAIL', text('ada@') + text('babbage'), 'test="anyof"'))).toBe(true);
  });

  it('combines prop-filters by the filter’s test (anyof by default)', () => {
    const content = prop('FN', text('Ada')) + prop('FN', text('Bob'));
    expect(matches(content)).toBe(true);
    expect(matches(content, ADA, 'test="allof"')).toBe(false);
    expect(matches(prop('FN', text('Ada')) + prop('TEL'), ADA, 'test="allof"')).toBe(true);
  });

  it('matches structured and list values as their unescaped text', () => {
    expect(matches(prop('N', text('Lovelace;Ada', 'match-type="starts-with"')))).toBe(true);
    expect(matches(prop('CATEGORIES', text('friends', 'match-type="ends-with"')))).toBe(true);
    expect(matches(prop('NOTE', text('program; notes')))).toBe(true);
  });

  it('filters on parameters: existence, not defined, text of any of their values', () => {
    expect(matches(prop('TEL', '<C:param-filter name="TYPE"/>'))).toBe(true);
    expect(matches(prop('TEL', '<C:param-filter name="X-SERVICE"/>'))).toBe(false);
    expect(matches(prop('TEL', '<C:param-filter name="X-SERVICE"><C:is-not-defined/></C:param-filter>'))).toBe(true);
    // One EMAIL has TYPE: not "not defined".
    expect(matches(prop('EMAIL', '<C:param-filter name="TYPE"><C:is-not-defined/></C:param-filter>'))).toBe(false);
    expect(matches(prop('EMAIL', `<C:param-filter name="type">${text('home', 'match-type="equals"')}</C:param-filter>`))).toBe(true);
    expect(matches(prop('EMAIL', `<C:param-filter name="TYPE">${text('work', 'match-type="equals"')}</C:param-filter>`))).toBe(false);
    // The group is not a parameter.
    expect(matches(prop('EMAIL', '<C:param-filter name="group"/>'))).toBe(false);
  });

  it('ignores elements of namespaces it does not know', () => {
    expect(matches(prop('FN', `<X:hint xmlns:X="urn:example">x</X:hint>${text('Ada')}`))).toBe(true);
  });

  it('reads a 4.0 card too', () => {
    const card = ['BEGIN:VCARD', 'VERSION:4.0', 'FN:Ada', 'EMAIL;TYPE=work:ada@work.example', 'END:VCARD'].join('\r\n');
    expect(matchesAddressFilter(parseAddressFilter(filter(prop('EMAIL', text('@work.')))), card)).toBe(true);
  });
});

describe('reading the filter', () => {
  it.each([
    ['an unknown element in the filter', prop('FN') + '<C:comp-filter name="VEVENT"/>'],
    ['an unknown element in a prop-filter', prop('FN', '<C:time-range start="x"/>')],
    ['an unknown test', prop('FN', text('a'), 'test="oneof"')],
    ['an unknown match-type', prop('FN', text('a', 'match-type="regex"'))],
    ['a negate-condition other than yes or no', prop('FN', text('a', 'negate-condition="maybe"'))],
    ['a name that is no vCard name', prop('F N')],
  ])('refuses %s: 403 supported-filter', (_label, content) => {
    const error = davErrorOf(() => parseAddressFilter(filter(content)));
    expect(error.status).toBe(403);
    expect(error.condition).toEqual({ ns: 'urn:ietf:params:xml:ns:carddav', name: 'supported-filter' });
    expect(error.description).toBeTruthy();
  });

  it('refuses an unknown collation: 403 supported-collation', () => {
    const error = davErrorOf(() => parseAddressFilter(filter(prop('FN', text('a', 'collation="i;klingon"')))));
    expect(error.status).toBe(403);
    expect(error.condition).toEqual({ ns: 'urn:ietf:params:xml:ns:carddav', name: 'supported-collation' });
  });

  it.each([
    ['a prop-filter without a name', '<C:prop-filter/>'],
    ['is-not-defined beside a text-match', prop('FN', `<C:is-not-defined/>${text('a')}`)],
    ['a param-filter with two conditions', prop('FN', `<C:param-filter name="TYPE"><C:is-not-defined/>${text('a')}</C:param-filter>`)],
  ])('answers %s with 400', (_label, content) => {
    expect(davErrorOf(() => parseAddressFilter(filter(content))).status).toBe(400);
  });
});

describe('parseLimit', () => {
  it('reads CardDAV’s and sync-collection’s limit, given the limit or the report holding it', () => {
    expect(parseLimit(element(`<C:limit ${NS}><C:nresults>25</C:nresults></C:limit>`))).toBe(25);
    expect(parseLimit(element(`<D:limit ${NS}><D:nresults> 3 </D:nresults></D:limit>`))).toBe(3);
    expect(
      parseLimit(element(`<C:addressbook-query ${NS}><D:prop/><C:limit><C:nresults>7</C:nresults></C:limit></C:addressbook-query>`)),
    ).toBe(7);
    expect(
      parseLimit(element(`<D:sync-collection ${NS}><D:sync-token/><D:limit><D:nresults>9</D:nresults></D:limit></D:sync-collection>`)),
    ).toBe(9);
  });

  it('is null without a limit', () => {
    expect(parseLimit(null)).toBeNull();
    expect(parseLimit(element(`<C:addressbook-query ${NS}><D:prop/></C:addressbook-query>`))).toBeNull();
  });

  it.each(['0', '-1', 'ten', '1.5', '', '99999999999'])('answers nresults "%s" with 400', (value) => {
    expect(davErrorOf(() => parseLimit(element(`<C:limit ${NS}><C:nresults>${value}</C:nresults></C:limit>`))).status).toBe(400);
  });

  it('answers a limit without nresults with 400', () => {
    expect(davErrorOf(() => parseLimit(element(`<C:limit ${NS}/>`))).status).toBe(400);
  });
});
