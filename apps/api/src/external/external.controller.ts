import { Body, Controller, HttpCode, Post, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Contact } from '@contacts/wire-types';
import { EtagInterceptor } from '../common/etag.interceptor.js';
import { ApiContact, ApiErrors } from '../openapi/api-errors.decorator.js';
import { ref } from '../openapi/schemas.js';
import { ServiceTokenGuard } from '../security/service-token.guard.js';
import { ExternalUpdateService } from './external-update.service.js';

@ApiTags('external')
@Controller('api/external-update')
@UseInterceptors(EtagInterceptor)
@UseGuards(ServiceTokenGuard) // only when EXTERNAL_API_TOKEN is set
export class ExternalController {
  constructor(private readonly external: ExternalUpdateService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'externalUpdate',
    summary: 'An update made by another service; announced to every client like any change',
    description: 'Open when the server has no EXTERNAL_API_TOKEN; with one, the token is required (Authorization: Bearer … or X-Service-Token).',
  })
  @ApiSecurity({}) // no token needed without EXTERNAL_API_TOKEN
  @ApiBearerAuth('serviceBearer')
  @ApiSecurity('serviceToken')
  @ApiBody({ schema: ref('ExternalUpdate') })
  @ApiContact(200, 'The updated contact')
  @ApiErrors(400, 401, 404, 409)
  update(@Body() body: unknown): Promise<Contact> {
    return this.external.submit(body);
  }
}
