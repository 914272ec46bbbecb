import type { BookRole } from '@contacts/wire-types';
import { etagOf } from '../common/etag.js';
import type { StoredContact } from '../contacts/stored-contact.js';
import { writeVCard } from '../vcard/index.js';
import { CALENDARSERVER_NS, CARDDAV_NS, DAV_NS } from './dav-error.js';
import { bookHref, cardHref, homeHref, principalHref, rootHref } from './dav-paths.js';
import type { PropRequest } from './dav-requests.js';
import { card, dav, el, type XmlContent, type XmlNode } from './dav-xml-writer.js';
import { clark, type QName } from './dav-xml.js';
import type { PropStat } from './multistatus.js';

/** A card's media type, on GET and as its getcontenttype. */
export const VCARD_CONTENT_TYPE = 'text/vcard; charset=utf-8';
/** The largest card a PUT may send. */
export const MAX_CARD_BYTES = 10 * 1024 * 1024;

/** One property a resource has: its name, whether allprop answers it, and its value (made only when asked for). */
export interface Property {
  name: QName;
  inAllprop: boolean;
  value: () => XmlContent;
}

export interface Resource {
  href: string;
  properties: Property[];
}

const prop = (ns: string, name: string, value: () => XmlContent, inAllprop = true): Property => ({ name: { ns, name }, inAllprop, value });
const hrefTo = (href: string): XmlNode[] => [dav('href', href)];

/** Who is asking, as the DAV properties name them. */
export interface DavCaller {
  /** The path segment of the caller's principal. */
  principal: string;
  displayName: string;
}

/** A book as the home lists it. */
export interface BookView {
  id: number;
  name: string;
  role: BookRole;
  /** The owner's principal segment, when there is one to point to. */
  ownerPrincipal: string | null;
}

function identity(caller: DavCaller): Property[] {
  return [
    prop(DAV_NS, 'current-user-principal', () => hrefTo(principalHref(caller.principal))),
    prop(DAV_NS, 'principal-URL', () => hrefTo(principalHref(caller.principal))),
    prop(CARDDAV_NS, 'addressbook-home-set', () => hrefTo(homeHref())),
  ];
}

const readPrivileges = ['read', 'read-current-user-privilege-set'];
const writePrivileges = ['write', 'write-content', 'bind', 'unbind'];

function privilegeSet(names: string[]): XmlNode[] {
  return names.map((name) => dav('privilege', [dav(name)]));
}

export function rootResource(caller: DavCaller): Resource {
  return {
    href: rootHref(),
    properties: [prop(DAV_NS, 'resourcetype', () => [dav('collection')]), ...identity(caller)],
  };
}

export function principalResource(caller: DavCaller): Resource {
  return {
    href: principalHref(caller.principal),
    properties: [
      prop(DAV_NS, 'displayname', () => caller.displayName),
      prop(DAV_NS, 'resourcetype', () => [dav('collection'), dav('principal')]),
      ...identity(caller),
    ],
  };
}

export function homeResource(caller: DavCaller): Resource {
  return {
    href: homeHref(),
    properties: [
      prop(DAV_NS, 'displayname', () => 'Address books'),
      prop(DAV_NS, 'resourcetype', () => [dav('collection')]),
      prop(DAV_NS, 'current-user-privilege-set', () => privilegeSet(readPrivileges)),
      ...identity(caller),
    ],
  };
}

const REPORTS = [
  { ns: CARDDAV_NS, name: 'addressbook-multiget' },
  { ns: CARDDAV_NS, name: 'addressbook-query' },
  { ns: DAV_NS, name: 'sync-collection' },
];

/** `syncToken`: the head's token (also the ctag): every change anywhere moves it. */
export function bookResource(book: BookView, syncToken: string, caller: DavCaller): Resource {
  const writable = book.role !== 'viewer';
  const owner = book.ownerPrincipal;
  return {
    href: bookHref(book.id),
    properties: [
      prop(DAV_NS, 'displayname', () => book.name),
      prop(DAV_NS, 'resourcetype', () => [dav('collection'), card('addressbook')]),
      prop(CALENDARSERVER_NS, 'getctag', () => syncToken),
      prop(DAV_NS, 'sync-token', () => syncToken),
      prop(CARDDAV_NS, 'supported-address-data', () => [card('address-data-type', undefined, { 'content-type': 'text/vcard', version: '3.0' })]),
      prop(DAV_NS, 'supported-report-set', () => REPORTS.map((report) => dav('supported-report', [dav('report', [el(report.ns, report.name)])])), false),
      prop(DAV_NS, 'current-user-privilege-set', () => privilegeSet(writable ? [...readPrivileges, ...writePrivileges] : readPrivileges)),
      prop(CARDDAV_NS, 'max-resource-size', () => String(MAX_CARD_BYTES), false),
      ...(owner === null ? [] : [prop(DAV_NS, 'owner', () => hrefTo(principalHref(owner)))]),
      prop(DAV_NS, 'current-user-principal', () => hrefTo(principalHref(caller.principal)), false),
    ],
  };
}

/** The strong, quoted ETag of a stored card: the REST ETag of the same contact. */
export function cardEtag(stored: StoredContact): string {
  const { vcard_extra: _extra, ...contact } = stored;
  return etagOf(contact);
}

/** The card's vCard text, as GET answers it. */
export function cardText(stored: StoredContact): string {
  const { vcard_extra, ...contact } = stored;
  return writeVCard(contact, vcard_extra);
}

/** `withData`: a report, where `address-data` is a property (PROPFIND does not answer it, RFC 6352 §10.4). */
export function cardResource(stored: StoredContact, withData: boolean): Resource {
  let text: string | undefined;
  const vcard = () => (text ??= cardText(stored));
  return {
    href: cardHref(stored.address_book, stored.uid),
    properties: [
      prop(DAV_NS, 'getetag', () => cardEtag(stored)),
      prop(DAV_NS, 'getcontenttype', () => VCARD_CONTENT_TYPE),
      prop(DAV_NS, 'resourcetype', () => ''),
      prop(DAV_NS, 'getcontentlength', () => String(Buffer.byteLength(vcard())), false),
      ...(withData ? [prop(CARDDAV_NS, 'address-data', vcard, false)] : []),
    ],
  };
}

/**
 * The propstats answering `request` for `resource`: what it has (200), and what was asked
 * for that it does not have (404) — RFC 4918 §9.1.
 */
export function propstatsOf(resource: Resource, request: PropRequest): PropStat[] {
  if (request.kind === 'propname') return [{ status: 200, props: resource.properties.map(({ name }) => el(name.ns, name.name)) }];
  const byName = new Map(resource.properties.map((property) => [clark(property.name), property]));
  const found: XmlNode[] = [];
  const missing: XmlNode[] = [];
  const seen = new Set<string>();
  const answer = (name: QName) => {
    const key = clark(name);
    if (seen.has(key)) return;
    seen.add(key);
    const property = byName.get(key);
    if (property) found.push(el(name.ns, name.name, property.value()));
    else missing.push(el(name.ns, name.name));
  };
  if (request.kind === 'allprop') {
    for (const property of resource.properties) if (property.inAllprop) answer(property.name);
    request.include.forEach(answer);
  } else {
    request.names.forEach(answer);
  }
  const propstats: PropStat[] = [];
  if (found.length > 0 || missing.length === 0) propstats.push({ status: 200, props: found });
  if (missing.length > 0) propstats.push({ status: 404, props: missing });
  return propstats;
}
