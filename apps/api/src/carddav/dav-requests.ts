import type { Element } from '@xmldom/xmldom';
import { type AddressFilter, parseAddressFilter, parseLimit } from './address-filter.js';
import { CARDDAV_NS, DAV_NS, DavError, davConditions } from './dav-error.js';
import { child, childElements, is, parseXml, type QName, qnameOf, rootOf, textOf } from './dav-xml.js';

/** Which properties a PROPFIND (or a report) asks for. */
export type PropRequest = { kind: 'allprop'; include: QName[] } | { kind: 'propname' } | { kind: 'prop'; names: QName[] };

export const ALLPROP: PropRequest = { kind: 'allprop', include: [] };

export type Report =
  | { kind: 'multiget'; props: PropRequest; hrefs: string[] }
  | { kind: 'query'; props: PropRequest; filter: AddressFilter; limit: number | null }
  /** `token` is '' for an initial sync. */
  | { kind: 'sync'; props: PropRequest; token: string; limit: number | null };

/** `<d:prop>`, `<d:allprop>` (with `<d:include>`) or `<d:propname>` among `parent`'s children; allprop when there is none. */
function propRequestIn(parent: Element): PropRequest {
  for (const element of childElements(parent)) {
    if (is(element, DAV_NS, 'prop')) return { kind: 'prop', names: childElements(element).map(qnameOf) };
    if (is(element, DAV_NS, 'propname')) return { kind: 'propname' };
    if (is(element, DAV_NS, 'allprop')) {
      const include = child(parent, DAV_NS, 'include');
      return { kind: 'allprop', include: include ? childElements(include).map(qnameOf) : [] };
    }
  }
  return ALLPROP;
}

/** A PROPFIND body; an empty one asks for allprop (RFC 4918 §9.1). */
export function parsePropfind(body: string): PropRequest {
  if (body.trim() === '') return ALLPROP;
  return propRequestIn(rootOf(parseXml(body), DAV_NS, 'propfind'));
}

/** The names of every property a PROPPATCH sets or removes, in order. */
export function parseProppatch(body: string): QName[] {
  if (body.trim() === '') throw new DavError(400, undefined, 'A PROPPATCH needs a propertyupdate body.');
  const root = rootOf(parseXml(body), DAV_NS, 'propertyupdate');
  const names: QName[] = [];
  for (const action of childElements(root)) {
    if (!is(action, DAV_NS, 'set') && !is(action, DAV_NS, 'remove')) continue;
    const prop = child(action, DAV_NS, 'prop');
    if (prop) names.push(...childElements(prop).map(qnameOf));
  }
  return names;
}

/** A REPORT body: one of the three reports a book supports (403 supported-report for any other). */
export function parseReport(body: string): Report {
  if (body.trim() === '') throw new DavError(400, undefined, 'A REPORT needs a body.');
  const root = parseXml(body).documentElement!;
  if (is(root, CARDDAV_NS, 'addressbook-multiget')) {
    const hrefs = childElements(root).filter((element) => is(element, DAV_NS, 'href')).map(textOf);
    return { kind: 'multiget', props: propRequestIn(root), hrefs };
  }
  if (is(root, CARDDAV_NS, 'addressbook-query')) {
    return { kind: 'query', props: propRequestIn(root), filter: parseAddressFilter(child(root, CARDDAV_NS, 'filter')), limit: parseLimit(child(root, CARDDAV_NS, 'limit')) };
  }
  if (is(root, DAV_NS, 'sync-collection')) {
    const token = child(root, DAV_NS, 'sync-token');
    const level = child(root, DAV_NS, 'sync-level');
    // A book has no sub-collections: `infinite` finds exactly what `1` does.
    if (level && !['1', 'infinite', 'infinity'].includes(textOf(level))) {
      throw new DavError(400, undefined, `sync-level must be 1 or infinite, not "${textOf(level)}".`);
    }
    return { kind: 'sync', props: propRequestIn(root), token: token ? textOf(token) : '', limit: parseLimit(child(root, DAV_NS, 'limit')) };
  }
  throw new DavError(403, davConditions.supportedReport, `The ${root.localName} report is not supported here.`);
}

/** A report's name for messages. */
export function reportName(report: Report): string {
  return report.kind === 'multiget' ? 'addressbook-multiget' : report.kind === 'query' ? 'addressbook-query' : 'sync-collection';
}
