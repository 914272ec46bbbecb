import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import type { Contact } from '@contacts/wire-types';
import { etagOf } from './etag.js';

const isContact = (value: unknown): value is Contact =>
  typeof value === 'object' && value !== null && 'id' in value && 'updated_at' in value && 'email' in value;

/** Every response that is one contact carries its ETag, ready for a later If-Match. */
@Injectable()
export class EtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body) => {
        if (isContact(body)) context.switchToHttp().getResponse<FastifyReply>().header('ETag', etagOf(body));
        return body;
      }),
    );
  }
}
