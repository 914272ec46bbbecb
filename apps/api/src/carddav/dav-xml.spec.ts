import { DavError } from './dav-error.js';
import { childElements, clark, parseXml, qnameOf, rootOf } from './dav-xml.js';

function refusal(text: string): DavError {
  try {
    parseXml(text);
  } catch (error) {
    if (error instanceof DavError) return error;
    throw error;
  }
  throw new Error('parsed');
}

describe('reading DAV XML', () => {
  it('reads elements by namespace, whatever the prefixes', () => {
    const document = parseXml('<?xml version="1.0"?><A:propfind xmlns:A="DAV:"><A:prop><getetag xmlns="DAV:"/><x:y xmlns:x="urn:x"/></A:prop></A:propfind>');
    const root = rootOf(document, 'DAV:', 'propfind');
    const [prop] = childElements(root);
    expect(childElements(prop).map((element) => clark(qnameOf(element)))).toEqual(['{DAV:}getetag', '{urn:x}y']);
  });

  it('skips text, comments and processing instructions between elements', () => {
    const root = parseXml('<d:a xmlns:d="DAV:">\n  <!-- c --> text <?pi x?><d:b/>\n</d:a>').documentElement!;
    expect(childElements(root).map((element) => element.localName)).toEqual(['b']);
  });

  it.each([
    ['unclosed elements', '<d:propfind xmlns:d="DAV:"><d:prop>'],
    ['an undeclared prefix', '<d:propfind/>'],
    ['an unknown entity', '<d:propfind xmlns:d="DAV:">&nope;</d:propfind>'],
    ['two roots', '<a/><b/>'],
    ['plain text', 'hello'],
    ['nothing', ''],
  ])('refuses %s with a 400', (_label, text) => {
    const error = refusal(text);
    expect(error.status).toBe(400);
    expect(error.condition).toBeUndefined();
    expect(error.message).not.toBe('');
  });

  it('refuses any document type declaration (no entity expansion, internal or external)', () => {
    const bomb = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><d:a xmlns:d="DAV:">&lol2;</d:a>';
    const external = '<!DOCTYPE a [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><a>&xxe;</a>';
    for (const text of [bomb, external, '<!doctype a><a/>']) expect(refusal(text).status).toBe(400);
  });

  it('wants the root element the method expects', () => {
    const document = parseXml('<d:propertyupdate xmlns:d="DAV:"/>');
    expect(() => rootOf(document, 'DAV:', 'propfind')).toThrow(DavError);
    const other = parseXml('<propfind xmlns="urn:not-dav"/>');
    expect(() => rootOf(other, 'DAV:', 'propfind')).toThrow(DavError);
  });
});
