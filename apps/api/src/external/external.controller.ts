import { Body, Controller, Headers, HttpCode, Post, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Contact } from '@contacts/wire-types';
import { CurrentAccess } from '../access/access.decorators.js';
import { tokenFromAuthorization } from '../access/access-resolver.js';
import type { BookAccess } from '../access/book-access.js';
import { EtagInterceptor } from '../common/etag.interceptor.js';
import { ApiContact, ApiErrors } from '../openapi/api-errors.decorator.js';
import { ref } from '../openapi/schemas.js';
import { ServiceTokenGuard } from '../security/service-token.guard.js';
import { ExternalUpdateService } from './external-update.service.js';

@ApiTags('external')
@Controller('api/external-update')
@UseInterceptors(EtagInterceptor)
@UseGuards(ServiceTokenGuard) // AUTH=none with EXTERNAL_API_TOKEN set; with accounts, AccessGuard decides
export class ExternalController {
  constructor(private readonly external: ExternalUpdateService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'externalUpdate',
    summary: 'An update made by another service; announced to every client like any change',
    description:
      'AUTH=accounts: acts as the caller (a user’s token or session: the books that user may edit; the EXTERNAL_API_TOKEN: every book, edited_by null). ' +
      'AUTH=none: open when the server has no EXTERNAL_API_TOKEN; with one, the token is required (Authorization: Bearer … or X-Service-Token).',
  })
  @ApiSecurity({}) // AUTH=none without EXTERNAL_API_TOKEN: no credentials
  @ApiSecurity('session')
  @ApiBearerAuth('token')
  @ApiBearerAuth('serviceBearer')
  @ApiSecurity('serviceToken')
  @ApiBody({ schema: ref('ExternalUpdate') })
  @ApiContact(200, 'The updated contact')
  @ApiErrors(400, 401, 404, 409)
  update(@Body() body: unknown, @CurrentAccess() access: BookAccess, @Headers('authorization') authorization?: string): Promise<Contact> {
    return this.external.submit(body, access, tokenFromAuthorization({ authorization }));
  }
}
