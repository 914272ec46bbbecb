import type { Element } from '@xmldom/xmldom';
import { CARDDAV_NS, DAV_NS, DavError, davConditions } from './dav-error.js';
import { ContentLineError, parseContentLine, unfoldedLines, VCARD3_READ, VCARD4_READ, type JCardProperty } from '../vcard/ical-syntax.js';

/*
 * addressbook-query's filter (RFC 6352 §10.5), read once from the request and then tried
 * on each card's text. The reading of the RFC where it is loose:
 *
 * - A prop-filter looks at every instance of its property (two EMAILs are two chances).
 *   Without any instance it matches only with is-not-defined. Each text-match or
 *   param-filter in it matches when some instance satisfies it, and `test` combines them.
 * - A negated text-match is satisfied by an instance whose value does not match, so "an
 *   EMAIL not containing x" needs an EMAIL (never by a card without one), and a card with
 *   one EMAIL containing x and one not matches.
 * - A param-filter needs the parameter on an instance; is-not-defined needs it on none.
 *   A parameter with several values (TYPE=home,work) is tried value by value.
 * - A structured value (N, ADR) or a list (CATEGORIES) is matched as its text: components
 *   joined by `;`, values by `,` (as Sabre/DAV does), unescaped.
 * - Unknown elements in the CardDAV namespace are refused (403 supported-filter) rather
 *   than ignored: ignoring a condition would answer cards the client did not ask for.
 *   Elements of other namespaces are ignored (RFC 4918 §17).
 */

export type FilterTest = 'anyof' | 'allof';
export type Collation = 'i;unicode-casemap' | 'i;ascii-casemap' | 'i;octet';
export type MatchType = 'equals' | 'contains' | 'starts-with' | 'ends-with';

export interface TextMatch {
  text: string;
  collation: Collation;
  matchType: MatchType;
  negate: boolean;
}

export interface ParamFilter {
  /** Lower case, as ical.js names parameters. */
  name: string;
  isNotDefined: boolean;
  textMatch: TextMatch | null;
}

export interface PropFilter {
  /** Lower case, as ical.js names properties. */
  name: string;
  test: FilterTest;
  isNotDefined: boolean;
  textMatches: TextMatch[];
  paramFilters: ParamFilter[];
}

export interface AddressFilter {
  test: FilterTest;
  propFilters: PropFilter[];
}

/** A filter that every card matches (no filter element, or an empty one). */
export const MATCH_ALL: AddressFilter = { test: 'anyof', propFilters: [] };

const COLLATIONS: readonly Collation[] = ['i;unicode-casemap', 'i;ascii-casemap', 'i;octet'];
const MATCH_TYPES: readonly MatchType[] = ['equals', 'contains', 'starts-with', 'ends-with'];
/** Parameter names look like property names: letters, digits, `-` (RFC 6350 §3.3). */
const NAME = /^[A-Za-z0-9-]{1,100}$/;
const ELEMENT_NODE = 1;

const unsupported = (message: string) => new DavError(403, davConditions.supportedFilter, message);
const malformed = (message: string) => new DavError(400, undefined, message);

function childElements(element: Element): Element[] {
  const children: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === ELEMENT_NODE) children.push(node as Element);
  }
  return children;
}

/** The CardDAV children; other namespaces' are extensions this server does not know and skips. */
function cardChildren(element: Element): Element[] {
  return childElements(element).filter((child) => child.namespaceURI === CARDDAV_NS);
}

function testOf(element: Element): FilterTest {
  const test = element.getAttribute('test');
  if (test === null || test === '' || test === 'anyof') return 'anyof';
  if (test === 'allof') return 'allof';
  throw unsupported(`test="${test}" on ${element.localName} is not supported (anyof or allof).`);
}

function nameOf(element: Element): string {
  const name = element.getAttribute('name');
  if (name === null || name === '') throw malformed(`${element.localName} needs a name attribute.`);
  if (!NAME.test(name)) throw unsupported(`${element.localName} name="${name}" is not a vCard name.`);
  return name.toLowerCase();
}

function parseTextMatch(element: Element): TextMatch {
  const collation = element.getAttribute('collation') || 'i;unicode-casemap';
  if (!(COLLATIONS as readonly string[]).includes(collation)) {
    throw new DavError(
      403,
      { ns: CARDDAV_NS, name: 'supported-collation' },
      `The collation "${collation}" is not supported (${COLLATIONS.join(', ')}).`,
    );
  }
  const matchType = element.getAttribute('match-type') || 'contains';
  if (!(MATCH_TYPES as readonly string[]).includes(matchType)) {
    throw unsupported(`match-type="${matchType}" is not supported (${MATCH_TYPES.join(', ')}).`);
  }
  const negate = element.getAttribute('negate-condition') || 'no';
  if (negate !== 'yes' && negate !== 'no') throw unsupported(`negate-condition="${negate}" is not supported (yes or no).`);
  return {
    text: element.textContent ?? '',
    collation: collation as Collation,
    matchType: matchType as MatchType,
    negate: negate === 'yes',
  };
}

function parseParamFilter(element: Element): ParamFilter {
  const filter: ParamFilter = { name: nameOf(element), isNotDefined: false, textMatch: null };
  const children = cardChildren(element);
  if (children.length > 1) throw malformed('A param-filter holds at most one is-not-defined or text-match.');
  for (const child of children) {
    if (child.localName === 'is-not-defined') filter.isNotDefined = true;
    else if (child.localName === 'text-match') filter.textMatch = parseTextMatch(child);
    else throw unsupported(`${child.localName} in a param-filter is not supported.`);
  }
  return filter;
}

function parsePropFilter(element: Element): PropFilter {
  const filter: PropFilter = { name: nameOf(element), test: testOf(element), isNotDefined: false, textMatches: [], paramFilters: [] };
  for (const child of cardChildren(element)) {
    if (child.localName === 'is-not-defined') filter.isNotDefined = true;
    else if (child.localName === 'text-match') filter.textMatches.push(parseTextMatch(child));
    else if (child.localName === 'param-filter') filter.paramFilters.push(parseParamFilter(child));
    else throw unsupported(`${child.localName} in a prop-filter is not supported.`);
  }
  if (filter.isNotDefined && (filter.textMatches.length > 0 || filter.paramFilters.length > 0)) {
    throw malformed(`The prop-filter on ${filter.name.toUpperCase()} holds is-not-defined beside other conditions.`);
  }
  return filter;
}

/** The CARDDAV:filter element of an addressbook-query (null when the query has none: every card). */
export function parseAddressFilter(filter: Element | null): AddressFilter {
  if (filter === null) return MATCH_ALL;
  const propFilters: PropFilter[] = [];
  for (const child of cardChildren(filter)) {
    if (child.localName !== 'prop-filter') throw unsupported(`${child.localName} in a filter is not supported.`);
    propFilters.push(parsePropFilter(child));
  }
  return { test: testOf(filter), propFilters };
}

/**
 * `<card:limit><card:nresults>N</card:nresults></card:limit>` (RFC 6352 §8.6.1), or
 * sync-collection's `<d:limit>` (RFC 6578 §6.4, same shape in the DAV: namespace) → N;
 * null without a limit. The element given may be the limit itself or the report holding it.
 */
export function parseLimit(element: Element | null): number | null {
  if (element === null) return null;
  const limit = isLimit(element) ? element : childElements(element).find(isLimit);
  if (limit === undefined) return null;
  const nresults = childElements(limit).filter((child) => child.localName === 'nresults' && child.namespaceURI === limit.namespaceURI);
  if (nresults.length !== 1) throw malformed('A limit holds exactly one nresults.');
  const text = (nresults[0].textContent ?? '').trim();
  if (!/^\d{1,9}$/.test(text) || Number(text) < 1) throw malformed(`nresults must be a positive integer, not "${text}".`);
  return Number(text);
}

function isLimit(element: Element): boolean {
  return element.localName === 'limit' && (element.namespaceURI === CARDDAV_NS || element.namespaceURI === DAV_NS);
}

// ---------------------------------------------------------------------------------------
// Matching

/** Each collation's comparison key (RFC 4790 §9; RFC 5051 for unicode-casemap, approximated by full case folding of NFKD text). */
const KEYS: Record<Collation, (text: string) => string> = {
  'i;octet': (text) => text,
  'i;ascii-casemap': (text) => text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase()),
  // Upper then lower folds what lower case alone keeps apart (ß and SS, ǅ and ǆ).
  'i;unicode-casemap': (text) => text.normalize('NFKD').toUpperCase().toLowerCase().normalize('NFKD'),
};

function textMatches(match: TextMatch, value: string): boolean {
  const key = KEYS[match.collation];
  const haystack = key(value);
  const needle = key(match.text);
  switch (match.matchType) {
    case 'equals':
      return haystack === needle;
    case 'starts-with':
      return haystack.startsWith(needle);
    case 'ends-with':
      return haystack.endsWith(needle);
    case 'contains':
      return haystack.includes(needle);
  }
}

/** Some of the values satisfies the text-match (a negated one: some value does not match). */
function someSatisfies(match: TextMatch, values: readonly string[]): boolean {
  return values.some((value) => textMatches(match, value) !== match.negate);
}

function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.map((part) => (Array.isArray(part) ? part.map(String).join(',') : String(part))).join(';');
  return String(value);
}

/** A property's value as one text (structured: `;` between components; lists: `,` between values). */
function propertyText(property: JCardProperty): string {
  return property.slice(3).map(valueText).join(',');
}

function parameterValues(property: JCardProperty, name: string): string[] | null {
  if (name === 'group') return null; // ical.js keeps the group among the parameters; it is not one
  const value = property[1][name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value : [value];
}

function paramFilterMatches(filter: ParamFilter, instances: readonly JCardProperty[]): boolean {
  const values = instances.map((instance) => parameterValues(instance, filter.name));
  if (filter.isNotDefined) return values.every((list) => list === null);
  const present = values.filter((list): list is string[] => list !== null);
  if (present.length === 0) return false;
  return filter.textMatch === null || present.some((list) => someSatisfies(filter.textMatch as TextMatch, list));
}

function propFilterMatches(filter: PropFilter, instances: readonly JCardProperty[]): boolean {
  if (filter.isNotDefined) return instances.length === 0;
  if (instances.length === 0) return false;
  const texts = instances.map(propertyText);
  const conditions: Array<() => boolean> = [
    ...filter.textMatches.map((match) => () => someSatisfies(match, texts)),
    ...filter.paramFilters.map((param) => () => paramFilterMatches(param, instances)),
  ];
  if (conditions.length === 0) return true;
  return filter.test === 'allof' ? conditions.every((holds) => holds()) : conditions.some((holds) => holds());
}

/** The name of an unfolded content line without parsing it (`item1.EMAIL;TYPE=…:…` → `email`). */
function lineName(line: string): string {
  const end = line.search(/[;:]/);
  const name = end === -1 ? line : line.slice(0, end);
  const dot = name.lastIndexOf('.');
  return (dot === -1 ? name : name.slice(dot + 1)).toLowerCase();
}

/** The instances of the properties the filter names, parsed (only those: most of a card is never looked at). */
function propertiesNamed(vcardText: string, names: ReadonlySet<string>): Map<string, JCardProperty[]> {
  const found = new Map<string, JCardProperty[]>();
  const lines = unfoldedLines(vcardText);
  const design = lines.some((line) => /^version:\s*4\.0\s*$/i.test(line)) ? VCARD4_READ : VCARD3_READ;
  for (const line of lines) {
    const name = lineName(line);
    if (!names.has(name)) continue;
    let property: JCardProperty;
    try {
      property = parseContentLine(line, design);
    } catch (error) {
      // A line ical.js cannot read holds no value a filter could match.
      if (error instanceof ContentLineError) continue;
      throw error;
    }
    const instances = found.get(name);
    if (instances) instances.push(property);
    else found.set(name, [property]);
  }
  return found;
}

/** Does this card (vCard text, as GET answers it) satisfy the filter? */
export function matchesAddressFilter(filter: AddressFilter, vcardText: string): boolean {
  if (filter.propFilters.length === 0) return true;
  const properties = propertiesNamed(vcardText, new Set(filter.propFilters.map((prop) => prop.name)));
  const matches = (prop: PropFilter) => propFilterMatches(prop, properties.get(prop.name) ?? []);
  return filter.test === 'allof' ? filter.propFilters.every(matches) : filter.propFilters.some(matches);
}
