import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { COMPRESS_THRESHOLD_BYTES, negotiateEncoding, varyOnAcceptEncoding } from '../common/http-setup.js';
import type { PageBody } from './contact-page-cache.js';

/**
 * Sends a list page in the encoding the client accepts, from the page's own compressed copy
 * (made once per cached page), so @fastify/compress, seeing Content-Encoding set, leaves it as is.
 */
@Injectable()
export class PageBodyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler<PageBody>): Observable<string | Buffer> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    return next.handle().pipe(
      map((page) => {
        varyOnAcceptEncoding(reply);
        const encoding = page.json.length >= COMPRESS_THRESHOLD_BYTES ? negotiateEncoding(request.headers['accept-encoding']) : null;
        if (encoding === null) return page.json;
        reply.header('Content-Encoding', encoding);
        return page.encoded(encoding);
      }),
    );
  }
}
