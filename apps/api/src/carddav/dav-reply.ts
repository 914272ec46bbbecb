import { Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DavError } from './dav-error.js';
import { errorDocument, XML_CONTENT_TYPE } from './dav-xml-writer.js';
import { ClientGone, MultistatusStream } from './multistatus.js';

const logger = new Logger('CardDAV');

/** The methods the DAV namespace answers, in the order OPTIONS lists them. */
export const DAV_ALLOW = 'OPTIONS, GET, HEAD, PUT, DELETE, PROPFIND, PROPPATCH, REPORT';
/** Class 1 and 3 (RFC 4918 §18) and CardDAV (RFC 6352 §6.1). No locking: class 2 is not claimed. */
export const DAV_COMPLIANCE = '1, 3, addressbook';

/** The headers of an OPTIONS answer (any DAV path, no credentials needed). */
export function optionsHeaders(): Record<string, string> {
  return { DAV: DAV_COMPLIANCE, Allow: DAV_ALLOW, 'Content-Length': '0' };
}

/**
 * Starts a 207 answer and returns the stream to write it with. Once this has been called
 * the status is out: a failure after it cuts the connection (MultistatusStream.fail).
 */
export function startMultistatus(reply: FastifyReply): MultistatusStream {
  const multistatus = new MultistatusStream();
  reply.status(207).header('Content-Type', XML_CONTENT_TYPE).send(multistatus.stream);
  return multistatus;
}

/** Writes `produce`'s responses into a 207; an error once started cuts the answer (it cannot become a 4xx any more). */
export async function multistatus(reply: FastifyReply, produce: (out: MultistatusStream) => Promise<void>): Promise<void> {
  const out = startMultistatus(reply);
  try {
    await produce(out);
    await out.end();
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    if (!(failure instanceof ClientGone)) logger.error(`a 207 answer failed after it had started: ${failure.stack ?? failure.message}`);
    out.fail(failure);
  }
}

/** A DAV error as it goes out: its status, the `<d:error>` body when it has something to say, else nothing. */
export function sendDavError(reply: FastifyReply, error: DavError): void {
  reply.status(error.status);
  if (error.condition || error.description) {
    reply.header('Content-Type', XML_CONTENT_TYPE).send(errorDocument(error.condition, error.description));
  } else {
    reply.header('Content-Length', '0').send();
  }
}

export function methodNotAllowed(reply: FastifyReply): void {
  reply.status(405).header('Allow', DAV_ALLOW).header('Content-Length', '0').send();
}
