import { Readable } from 'node:stream';
import { createCB } from 'xmlbuilder2';
import { DAV_NS } from './dav-error.js';
import { NodeWriter, ROOT_NAMESPACES, statusLine, type XmlNode } from './dav-xml-writer.js';

/** One `<d:propstat>`: properties (with their values, or empty for a name) and their status. */
export interface PropStat {
  status: number;
  props: XmlNode[];
}

/** The client went away: whatever was producing the answer stops. */
export class ClientGone extends Error {
  constructor() {
    super('the client closed the connection');
  }
}

/** Text is handed to the socket in pieces of about this size (the builder's own are a few bytes). */
const FLUSH_BYTES = 32 * 1024;

/**
 * A 207 Multi-Status body written as it is produced: the caller adds responses one by one
 * (awaiting each, so a slow client slows the producer down instead of memory filling
 * up), and `stream` is what the reply sends. xmlbuilder2's callback builder writes the
 * XML; nothing here concatenates markup.
 */
export class MultistatusStream {
  readonly stream: Readable;
  private readonly writer: NodeWriter;
  private readonly xml;
  private pending = '';
  private resume: (() => void) | null = null;
  private gone = false;

  constructor() {
    this.stream = new Readable({
      read: () => this.wake(),
      destroy: (error, callback) => {
        this.gone = true;
        this.wake();
        callback(error);
      },
    });
    this.xml = createCB({
      data: (chunk: string) => {
        this.pending += chunk;
      },
      end: () => undefined,
      prettyPrint: false,
    });
    this.writer = new NodeWriter(this.xml);
    this.xml.dec({ version: '1.0', encoding: 'utf-8' });
    this.xml.ele(DAV_NS, 'd:multistatus', ROOT_NAMESPACES);
  }

  /** `<d:response>` for `href` with its propstats. */
  async response(href: string, propstats: PropStat[]): Promise<void> {
    const w = this.writer;
    w.open(DAV_NS, 'response');
    w.node({ ns: DAV_NS, name: 'href', content: href });
    for (const propstat of propstats) {
      w.open(DAV_NS, 'propstat');
      w.open(DAV_NS, 'prop');
      for (const prop of propstat.props) w.node(prop);
      w.close();
      w.node({ ns: DAV_NS, name: 'status', content: statusLine(propstat.status) });
      w.close();
    }
    w.close();
    await this.flush(false);
  }

  /** `<d:response>` for `href` with a status only (a card gone, a missing href, a 507 for a cut answer). */
  async status(href: string, status: number): Promise<void> {
    const w = this.writer;
    w.open(DAV_NS, 'response');
    w.node({ ns: DAV_NS, name: 'href', content: href });
    w.node({ ns: DAV_NS, name: 'status', content: statusLine(status) });
    w.close();
    await this.flush(false);
  }

  /** `<d:sync-token>` (sync-collection), after the responses. */
  syncToken(token: string): void {
    this.writer.node({ ns: DAV_NS, name: 'sync-token', content: token });
  }

  /** Closes the document and the stream. */
  async end(): Promise<void> {
    this.xml.up();
    this.xml.end();
    await this.flush(true);
    this.stream.push(null);
  }

  /** Something failed after the answer had started: the client sees a cut connection, never a half document that looks whole. */
  fail(error: Error): void {
    this.stream.destroy(error);
  }

  private async flush(all: boolean): Promise<void> {
    if (this.gone) throw new ClientGone();
    if (this.pending.length === 0 || (!all && this.pending.length < FLUSH_BYTES)) return;
    const text = this.pending;
    this.pending = '';
    if (!this.stream.push(text)) {
      await new Promise<void>((resolve) => (this.resume = resolve));
      if (this.gone) throw new ClientGone();
    }
  }

  private wake(): void {
    const resume = this.resume;
    this.resume = null;
    resume?.();
  }
}
