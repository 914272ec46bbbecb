import { All, Controller, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BasicAuthRealm, CurrentAccess } from '../access/access.decorators.js';
import type { BookAccess } from '../access/book-access.js';
import { CarddavService } from './carddav.service.js';
import { DavExceptionFilter } from './dav-exception.filter.js';

/**
 * Everything under /dav/, every method (PROPFIND, REPORT … are registered with Fastify by
 * dav-http.ts; Nest has no decorator for REPORT, so one route takes them all and the
 * service dispatches on the method). Not part of the REST API's OpenAPI document.
 */
@ApiExcludeController()
@BasicAuthRealm()
@UseFilters(DavExceptionFilter)
@Controller()
export class CarddavController {
  constructor(private readonly dav: CarddavService) {}

  @All(['dav', 'dav/*'])
  handle(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentAccess() access: BookAccess): Promise<void> {
    return this.dav.handle(request, reply, access);
  }
}
