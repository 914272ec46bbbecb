import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import type { Contact } from '@contacts/wire-types';
import { etagOf } from './etag.js';

const isContact = (value: unknown): value is Contact =>
  typeof value === 'object' && value !== null && 'id' in value && 'updated_at' in value && 'email' in value;

/** Every response that is one contact, or is about one as its `contact` (a merge, its undo), carries its ETag, ready for a later If-Match. */
@Injectable()
export class EtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body) => {
        const contact = isContact(body) ? body : typeof body === 'object' && body !== null && 'contact' in body && isContact(body.contact) ? body.contact : null;
        if (contact) context.switchToHttp().getResponse<FastifyReply>().header('ETag', etagOf(contact));
        return body;
      }),
    );
  }
}
