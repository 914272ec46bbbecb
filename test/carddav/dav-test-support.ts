import { DOMParser, type Element } from '@xmldom/xmldom';

/** What the suites of test/carddav share: Basic credentials, raw DAV requests, and a reading of multistatus answers. */

export const DAV = 'DAV:';
export const CARDDAV = 'urn:ietf:params:xml:ns:carddav';
export const CALENDARSERVER = 'http://calendarserver.org/ns/';

/** A strong entity tag: quoted, not `W/`. */
export const STRONG_ETAG = /^"[^"]+"$/;
export const SYNC_TOKEN = /^http:\/\/contacts\.invalid\/ns\/sync\/\d+$/;

export function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

export interface DavAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/** One DAV request as a client sends it (no redirects followed: a client sees the 301 itself). */
export async function davRequest(
  baseUrl: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<DavAnswer> {
  const response = await fetch(`${baseUrl}${path}`, { method, headers: options.headers, body: options.body, redirect: 'manual' });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

export interface PropStat {
  status: number;
  /** Each property as `{namespace}name`, with its element. */
  props: Map<string, Element>;
}

export interface DavResponse {
  href: string;
  /** The response's own status (a 404 in a sync, a 507), when it has one instead of propstats. */
  status: number | null;
  propstats: PropStat[];
}

export interface Multistatus {
  responses: DavResponse[];
  syncToken: string | null;
}

const clark = (element: Element) => `{${element.namespaceURI ?? ''}}${element.localName}`;

export function children(element: Element, ns?: string, name?: string): Element[] {
  const found: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== 1) continue;
    const child = node as Element;
    if ((ns === undefined || child.namespaceURI === ns) && (name === undefined || child.localName === name)) found.push(child);
  }
  return found;
}

function statusCode(line: string): number {
  const match = /^HTTP\/1\.1 (\d{3})\b/.exec(line.trim());
  if (!match) throw new Error(`not a status line: "${line}"`);
  return Number(match[1]);
}

/** Parses the XML (namespace aware; any parse error fails the test). */
export function parseXml(text: string): Element {
  const errors: string[] = [];
  const document = new DOMParser({ onError: (level, message) => void (level !== 'warning' && errors.push(message)) }).parseFromString(
    text,
    'application/xml',
  );
  if (errors.length || !document.documentElement) throw new Error(`not well-formed XML (${errors.join('; ')}):\n${text}`);
  return document.documentElement;
}

/** A 207 body, read strictly: every response has one href and either a status or propstats. */
export function parseMultistatus(text: string): Multistatus {
  const root = parseXml(text);
  if (root.namespaceURI !== DAV || root.localName !== 'multistatus') throw new Error(`not a DAV:multistatus:\n${text}`);
  const responses = children(root, DAV, 'response').map((response): DavResponse => {
    const hrefs = children(response, DAV, 'href');
    if (hrefs.length !== 1) throw new Error(`a response with ${hrefs.length} hrefs:\n${text}`);
    const status = children(response, DAV, 'status')[0];
    const propstats = children(response, DAV, 'propstat').map((propstat): PropStat => {
      const props = new Map<string, Element>();
      for (const prop of children(propstat, DAV, 'prop')) for (const property of children(prop)) props.set(clark(property), property);
      return { status: statusCode(children(propstat, DAV, 'status')[0]?.textContent ?? ''), props };
    });
    if (!status && propstats.length === 0) throw new Error(`a response with neither status nor propstat:\n${text}`);
    return { href: hrefs[0].textContent ?? '', status: status ? statusCode(status.textContent ?? '') : null, propstats };
  });
  const token = children(root, DAV, 'sync-token')[0];
  return { responses, syncToken: token ? (token.textContent ?? '') : null };
}

/** The response for an href (exactly one). */
export function responseFor(multistatus: Multistatus, href: string): DavResponse {
  const found = multistatus.responses.filter((response) => response.href === href);
  if (found.length !== 1)
    throw new Error(`${found.length} responses for ${href} (have ${multistatus.responses.map((r) => r.href).join(', ')})`);
  return found[0];
}

/** The property with its status; throws when it is in no propstat, or in two. */
export function propOf(response: DavResponse, name: string): { status: number; element: Element } {
  const found = response.propstats.filter((propstat) => propstat.props.has(name));
  if (found.length !== 1) throw new Error(`${name} is in ${found.length} propstats of ${response.href}`);
  return { status: found[0].status, element: found[0].props.get(name)! };
}

/** A property answered 200: its element. */
export function okProp(response: DavResponse, name: string): Element {
  const { status, element } = propOf(response, name);
  if (status !== 200) throw new Error(`${name} of ${response.href} is ${status}, not 200`);
  return element;
}

/** Every property asked for is answered exactly once (200, or 404 for one the server does not have). */
export function expectEveryPropAnswered(response: DavResponse, asked: string[]): void {
  for (const name of asked) {
    const { status } = propOf(response, name);
    if (status !== 200 && status !== 404 && status !== 403) throw new Error(`${name} of ${response.href}: status ${status}`);
  }
}

/** The `{ns}name`s a request body's DAV:prop asks for, in order. */
export function propsAskedIn(body: string): string[] {
  const root = parseXml(body);
  const prop = children(root, DAV, 'prop')[0];
  return prop ? children(prop).map(clark) : [];
}

export const hrefText = (element: Element): string => children(element, DAV, 'href')[0]?.textContent ?? '';
export const childNames = (element: Element): string[] => children(element).map(clark);

/** The privilege names of a current-user-privilege-set. */
export function privileges(element: Element): string[] {
  return children(element, DAV, 'privilege').flatMap((privilege) => children(privilege).map((p) => p.localName ?? ''));
}

/** The condition elements of a DAV:error body. */
export function errorConditions(text: string): string[] {
  const root = parseXml(text);
  if (root.namespaceURI !== DAV || root.localName !== 'error') throw new Error(`not a DAV:error:\n${text}`);
  return children(root)
    .filter((child) => !(child.namespaceURI === DAV && child.localName === 'responsedescription'))
    .map(clark);
}
