import type { StoredContact } from '../contacts/stored-contact.js';
import { etagOf } from '../common/etag.js';
import { bookResource, cardEtag, cardResource, propstatsOf, principalResource } from './dav-resources.js';
import type { XmlNode } from './dav-xml-writer.js';

const caller = { principal: '7', displayName: 'Ada Lovelace' };
const names = (props: XmlNode[]) => props.map((p) => `{${p.ns}}${p.name}`);

function stored(overrides: Partial<StoredContact> = {}): StoredContact {
  return {
    id: 1,
    first_name: 'Ada',
    last_name: 'Lovelace',
    email: 'ada@example.com',
    phone: '+44 20 7946 0000',
    address_book: 3,
    uid: 'ada-1',
    created_at: '2025-01-01T00:00:00.000Z',
    updated_at: '2025-01-02T00:00:00.000Z',
    organization: '',
    job_title: '',
    notes: '',
    birthday: null,
    other_emails: [],
    other_phones: [],
    addresses: [],
    vcard_extra: 'X-CUSTOM:kept',
    ...overrides,
  } as StoredContact;
}

describe('DAV properties', () => {
  it('answers what is asked: found ones with values (200), unknown ones by name (404)', () => {
    const propstats = propstatsOf(principalResource(caller), {
      kind: 'prop',
      names: [
        { ns: 'DAV:', name: 'displayname' },
        { ns: 'urn:ietf:params:xml:ns:carddav', name: 'principal-address' },
        { ns: 'DAV:', name: 'displayname' },
      ],
    });
    expect(propstats.map((p) => [p.status, names(p.props)])).toEqual([
      [200, ['{DAV:}displayname']],
      [404, ['{urn:ietf:params:xml:ns:carddav}principal-address']],
    ]);
    expect(propstats[0].props[0].content).toBe('Ada Lovelace');
  });

  it('only 404s when nothing asked for is there', () => {
    const propstats = propstatsOf(principalResource(caller), { kind: 'prop', names: [{ ns: 'urn:x', name: 'y' }] });
    expect(propstats.map((p) => p.status)).toEqual([404]);
  });

  it('propname lists names without values; allprop leaves out the costly ones', () => {
    const card = cardResource(stored(), true);
    const [named] = propstatsOf(card, { kind: 'propname' });
    expect(names(named.props)).toContain('{urn:ietf:params:xml:ns:carddav}address-data');
    expect(named.props.every((p) => p.content === undefined)).toBe(true);
    const [all] = propstatsOf(card, { kind: 'allprop', include: [] });
    expect(names(all.props)).toEqual(['{DAV:}getetag', '{DAV:}getcontenttype', '{DAV:}resourcetype']);
  });

  it('a card’s ETag is its REST ETag, whatever its unmodelled properties', () => {
    const { vcard_extra: _extra, ...contact } = stored();
    expect(cardEtag(stored())).toBe(etagOf(contact));
    expect(cardEtag(stored({ vcard_extra: 'X-OTHER:1' }))).toBe(cardEtag(stored()));
  });

  it('address-data is the card’s vCard 3.0 with its unmodelled properties, in reports only', () => {
    const [withData] = propstatsOf(cardResource(stored(), true), { kind: 'prop', names: [{ ns: 'urn:ietf:params:xml:ns:carddav', name: 'address-data' }] });
    expect(withData.props[0].content).toContain('VERSION:3.0');
    expect(withData.props[0].content).toContain('X-CUSTOM:kept');
    const propfind = propstatsOf(cardResource(stored(), false), { kind: 'prop', names: [{ ns: 'urn:ietf:params:xml:ns:carddav', name: 'address-data' }] });
    expect(propfind.map((p) => p.status)).toEqual([404]);
  });

  it('a viewer’s book offers reading only; an editor’s also writing', () => {
    const privileges = (role: 'viewer' | 'editor' | 'owner') => {
      const [found] = propstatsOf(bookResource({ id: 3, name: 'Family', role, ownerPrincipal: '7' }, 'token', caller), {
        kind: 'prop',
        names: [{ ns: 'DAV:', name: 'current-user-privilege-set' }],
      });
      return (found.props[0].content as XmlNode[]).map((privilege) => (privilege.content as XmlNode[])[0].name);
    };
    expect(privileges('viewer')).toEqual(['read', 'read-current-user-privilege-set']);
    for (const role of ['editor', 'owner'] as const) expect(privileges(role)).toEqual(expect.arrayContaining(['read', 'write', 'write-content', 'bind', 'unbind']));
  });

  it('a book without an owner to point to has no owner property', () => {
    const book = bookResource({ id: 3, name: 'Shared', role: 'owner', ownerPrincipal: null }, 'token', caller);
    expect(propstatsOf(book, { kind: 'prop', names: [{ ns: 'DAV:', name: 'owner' }] }).map((p) => p.status)).toEqual([404]);
  });
});

