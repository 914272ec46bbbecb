import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';
import { DavError } from './dav-error.js';

/** An XML name with its namespace (`''` for none): how DAV names properties and reports. */
export interface QName {
  ns: string;
  name: string;
}

/** `{ns}name`, the Clark notation: a key for maps and sets of names. */
export const clark = (q: QName): string => `{${q.ns}}${q.name}`;

export const qnameOf = (element: Element): QName => ({ ns: element.namespaceURI ?? '', name: element.localName ?? element.nodeName });

export function is(element: Element | null | undefined, ns: string, name: string): boolean {
  return !!element && element.namespaceURI === ns && element.localName === name;
}

const ELEMENT_NODE = 1;

/** The element children of `parent`, in order (text, comments and processing instructions skipped). */
export function childElements(parent: Element | Document): Element[] {
  const children: Element[] = [];
  for (let node: Node | null = parent.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType === ELEMENT_NODE) children.push(node as Element);
  }
  return children;
}

/** The first child element with this name, or null. */
export function child(parent: Element, ns: string, name: string): Element | null {
  return childElements(parent).find((element) => is(element, ns, name)) ?? null;
}

/**
 * A request body's XML, read strictly and with namespaces. A document type declaration is
 * refused outright: DAV has no use for one, and it is how entity expansion attacks
 * (billion laughs, external entities) come in. Anything malformed is a 400.
 */
export function parseXml(text: string): Document {
  if (/<!DOCTYPE/i.test(text)) throw new DavError(400, undefined, 'Document type declarations are not accepted.');
  let problem: string | null = null;
  let document: Document;
  try {
    document = new DOMParser({
      onError: (level, message) => {
        if (level === 'warning') return;
        problem ??= message;
        throw new Error(message);
      },
    }).parseFromString(text, 'application/xml');
  } catch (error) {
    throw new DavError(400, undefined, `The request body is not well-formed XML: ${firstLine(problem ?? (error instanceof Error ? error.message : String(error)))}`);
  }
  if (problem !== null) throw new DavError(400, undefined, `The request body is not well-formed XML: ${firstLine(problem)}`);
  if (document.doctype) throw new DavError(400, undefined, 'Document type declarations are not accepted.');
  if (!document.documentElement) throw new DavError(400, undefined, 'The request body has no root element.');
  return document;
}

function firstLine(message: string): string {
  const line = message.split('\n')[0].trim();
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

/** The root element of a body that must be `ns:name` (400 otherwise). */
export function rootOf(document: Document, ns: string, name: string): Element {
  const root = document.documentElement!;
  if (!is(root, ns, name)) {
    throw new DavError(400, undefined, `Expected a ${name} element in ${ns}, not ${root.localName} in ${root.namespaceURI ?? 'no namespace'}.`);
  }
  return root;
}

/** The element text of `element` without the surrounding white space (indentation). */
export const textOf = (element: Element): string => (element.textContent ?? '').trim();
