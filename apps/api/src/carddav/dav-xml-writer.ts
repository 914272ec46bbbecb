import { STATUS_CODES } from 'node:http';
import { create } from 'xmlbuilder2';
import type { XMLBuilderCB } from 'xmlbuilder2/lib/interfaces.js';
import { CALENDARSERVER_NS, CARDDAV_NS, DAV_NS, type DavCondition } from './dav-error.js';

/** What a property (or any element we write) holds: text, or elements. */
export type XmlContent = string | XmlNode[];

export interface XmlNode {
  ns: string;
  name: string;
  attrs?: Record<string, string>;
  content?: XmlContent;
}

export const el = (ns: string, name: string, content?: XmlContent, attrs?: Record<string, string>): XmlNode => ({ ns, name, content, attrs });
export const dav = (name: string, content?: XmlContent, attrs?: Record<string, string>): XmlNode => el(DAV_NS, name, content, attrs);
export const card = (name: string, content?: XmlContent, attrs?: Record<string, string>): XmlNode => el(CARDDAV_NS, name, content, attrs);

/** Our prefixes; a client's own namespaces (properties we do not know) get x0, x1, … */
const PREFIXES: ReadonlyMap<string, string> = new Map([
  [DAV_NS, 'd'],
  [CARDDAV_NS, 'card'],
  [CALENDARSERVER_NS, 'cs'],
]);

/** The namespace declarations on a document's root element. */
export const ROOT_NAMESPACES: Record<string, string> = { 'xmlns:d': DAV_NS, 'xmlns:card': CARDDAV_NS, 'xmlns:cs': CALENDARSERVER_NS };

export const XML_CONTENT_TYPE = 'application/xml; charset=utf-8';

/** `HTTP/1.1 404 Not Found`, as `<d:status>` spells a status. */
export function statusLine(status: number): string {
  return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Unknown'}`;
}

/**
 * Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/FFFF):
 * a contact's text may hold them, and one of them would make the whole answer unreadable.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

/** Writes nodes on a callback builder, naming namespaces with our prefixes (or a fresh one). */
export class NodeWriter {
  private readonly foreign = new Map<string, string>();

  constructor(private readonly xml: XMLBuilderCB) {}

  qualified(ns: string, name: string): string {
    if (ns === '') return name;
    const prefix = PREFIXES.get(ns) ?? this.foreignPrefix(ns);
    return `${prefix}:${name}`;
  }

  open(ns: string, name: string, attrs?: Record<string, string>): void {
    if (ns === '') this.xml.ele(name, attrs ?? {});
    else this.xml.ele(ns, this.qualified(ns, name), attrs ?? {});
  }

  close(): void {
    this.xml.up();
  }

  text(text: string): void {
    if (text !== '') this.xml.txt(xmlSafe(text));
  }

  node(node: XmlNode): void {
    this.open(node.ns, node.name, node.attrs);
    this.content(node.content);
    this.close();
  }

  content(content: XmlContent | undefined): void {
    if (content === undefined) return;
    if (typeof content === 'string') this.text(content);
    else for (const child of content) this.node(child);
  }

  private foreignPrefix(ns: string): string {
    let prefix = this.foreign.get(ns);
    if (prefix === undefined) {
      prefix = `x${this.foreign.size}`;
      this.foreign.set(ns, prefix);
    }
    return prefix;
  }
}

/**
 * A small XML answer in one piece: `<d:error>` with its condition (RFC 4918 §16) and,
 * when there is one, a readable `<d:responsedescription>`.
 */
export function errorDocument(condition: DavCondition | undefined, description: string | undefined): string {
  const root = create({ version: '1.0', encoding: 'utf-8' }).ele(DAV_NS, 'd:error', ROOT_NAMESPACES);
  if (condition) root.ele(condition.ns, `${PREFIXES.get(condition.ns)}:${condition.name}`);
  if (description) root.ele(DAV_NS, 'd:responsedescription').txt(xmlSafe(description));
  return root.end({ prettyPrint: false });
}
