import { DOMParser, type Element } from '@xmldom/xmldom';
import { card, dav, el, errorDocument } from './dav-xml-writer.js';
import { ClientGone, MultistatusStream } from './multistatus.js';

async function textOf(out: MultistatusStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of out.stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const parse = (text: string) => new DOMParser().parseFromString(text, 'application/xml').documentElement!;
const children = (element: Element) => Array.from(element.childNodes).filter((node): node is Element => node.nodeType === 1);

describe('the streamed 207 body', () => {
  it('is a multistatus document of the responses in order, with our prefixes and a client’s own namespaces', async () => {
    const out = new MultistatusStream();
    const text = textOf(out);
    await out.response('/dav/books/1/', [
      { status: 200, props: [dav('displayname', 'Family & <Friends>'), dav('resourcetype', [dav('collection'), card('addressbook')])] },
      { status: 404, props: [el('urn:example:x', 'color'), el('', 'bare')] },
    ]);
    await out.status('/dav/books/1/gone.vcf', 404);
    out.syncToken('http://contacts.invalid/ns/sync/3');
    await out.end();
    const root = parse(await text);
    expect([root.namespaceURI, root.localName]).toEqual(['DAV:', 'multistatus']);
    const [first, second, token] = children(root);
    expect(first.getElementsByTagNameNS('DAV:', 'displayname')[0].textContent).toBe('Family & <Friends>');
    expect(first.getElementsByTagNameNS('urn:ietf:params:xml:ns:carddav', 'addressbook')).toHaveLength(1);
    expect(first.getElementsByTagNameNS('urn:example:x', 'color')).toHaveLength(1);
    const statuses = Array.from(first.getElementsByTagNameNS('DAV:', 'status')).map((s) => s.textContent);
    expect(statuses).toEqual(['HTTP/1.1 200 OK', 'HTTP/1.1 404 Not Found']);
    expect(second.getElementsByTagNameNS('DAV:', 'status')[0].textContent).toBe('HTTP/1.1 404 Not Found');
    expect([token.localName, token.textContent]).toEqual(['sync-token', 'http://contacts.invalid/ns/sync/3']);
  });

  it('leaves out characters XML cannot carry, so the document stays readable', async () => {
    const out = new MultistatusStream();
    const text = textOf(out);
    await out.response('/dav/books/1/a.vcf', [{ status: 200, props: [card('address-data', 'NOTE:bell\u0007 and \uFFFE and \uD800 end')] }]);
    await out.end();
    const data = parse(await text).getElementsByTagNameNS('urn:ietf:params:xml:ns:carddav', 'address-data')[0];
    expect(data.textContent).toBe('NOTE:bell and  and  end');
  });

  it('waits for a slow reader instead of filling memory', async () => {
    const out = new MultistatusStream();
    const big = 'x'.repeat(64 * 1024);
    let written = 0;
    const producer = (async () => {
      for (let i = 0; i < 50; i++) {
        await out.response(`/dav/books/1/${i}.vcf`, [{ status: 200, props: [card('address-data', big)] }]);
        written += 1;
      }
      await out.end();
    })();
    await new Promise((resolve) => setImmediate(resolve));
    // Nobody has read: the producer is parked well before the end.
    expect(written).toBeLessThan(5);
    const text = await textOf(out);
    await producer;
    expect(written).toBe(50);
    expect(parse(text).getElementsByTagNameNS('DAV:', 'response')).toHaveLength(50);
  });

  it('stops the producer when the client goes away', async () => {
    const out = new MultistatusStream();
    const big = 'x'.repeat(64 * 1024);
    const producer = (async () => {
      // Bounded, so that a writer which never waits ends (and fails the test) instead of spinning.
      for (let i = 0; i < 200; i++) await out.response('/dav/books/1/a.vcf', [{ status: 200, props: [card('address-data', big)] }]);
      return 'wrote everything';
    })();
    await new Promise((resolve) => setImmediate(resolve));
    out.stream.destroy();
    await expect(producer).rejects.toBeInstanceOf(ClientGone);
  });

  it('writes an error body with its condition and description', () => {
    const root = parse(errorDocument({ ns: 'urn:ietf:params:xml:ns:carddav', name: 'valid-address-data' }, 'email: This field is required.'));
    expect([root.namespaceURI, root.localName]).toEqual(['DAV:', 'error']);
    expect(children(root).map((e) => `{${e.namespaceURI}}${e.localName}`)).toEqual([
      '{urn:ietf:params:xml:ns:carddav}valid-address-data',
      '{DAV:}responsedescription',
    ]);
    expect(root.getElementsByTagNameNS('DAV:', 'responsedescription')[0].textContent).toBe('email: This field is required.');
  });
});
