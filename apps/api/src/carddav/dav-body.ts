import type { FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { CARDDAV_NS, DavError } from './dav-error.js';

/** The largest XML body a DAV request may send (a multiget of thousands of hrefs fits). */
export const MAX_XML_BYTES = 1024 * 1024;

function tooLarge(limit: number): DavError {
  const mib = limit / (1024 * 1024);
  return new DavError(413, { ns: CARDDAV_NS, name: 'max-resource-size' }, `The request body is larger than ${mib} MiB.`);
}

/**
 * A DAV request's body as bytes, at most `limit` of them (413 beyond). DAV bodies reach the
 * handler as the raw request stream (imports/import-body.ts); a media type Fastify parses
 * itself (text/plain, JSON) arrives as its text. Empty without a body.
 */
export async function readBody(request: FastifyRequest, limit: number): Promise<Buffer> {
  const body: unknown = request.body;
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    if (bytes.length > limit) throw tooLarge(limit);
    return bytes;
  }
  if (!(body instanceof Readable)) throw new DavError(415, undefined, 'This media type is not accepted here.');
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    body.resume(); // let the rest go by: the answer is already known
    throw tooLarge(limit);
  }
  return collect(body, limit);
}

/** The stream's bytes; past `limit` the rest is let go by unread (destroying the request would lose the 413). */
function collect(stream: Readable, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      size += buffer.length;
      if (size > limit) {
        stream.off('data', onData);
        stream.resume();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(buffer);
    };
    stream.on('data', onData);
    stream.once('end', () => resolve(Buffer.concat(chunks, size)));
    stream.once('error', (error) => reject(new DavError(400, undefined, `The request body could not be read: ${error.message}`)));
  });
}

/** An XML body as text (DAV clients send UTF-8; a byte order mark is dropped). */
export async function readXmlBody(request: FastifyRequest): Promise<string> {
  return (await readBody(request, MAX_XML_BYTES)).toString('utf8').replace(/^\uFEFF/, '');
}
