import { All, Controller, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../access/access.decorators.js';
import { DAV_ROOT } from './dav-paths.js';

/** RFC 6764 §5: a client given only the server's name finds the CardDAV root here, whatever method it asks with. */
@ApiExcludeController()
@Controller()
export class WellKnownController {
  @All('.well-known/carddav')
  @Public()
  redirect(@Res() reply: FastifyReply): void {
    reply.status(301).header('Location', DAV_ROOT).header('Content-Length', '0').send();
  }
}
