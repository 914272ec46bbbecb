import { Body, Controller, HttpCode, Post, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Contact } from '@contacts/wire-types';
import { EtagInterceptor } from '../common/etag.interceptor.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { ContactSchema, ExternalUpdateSchema } from '../openapi/schemas.js';
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
  @ApiOperation({ summary: 'An update made by another service; announced to every client like any change' })
  @ApiBody({ type: ExternalUpdateSchema })
  @ApiOkResponse({ type: ContactSchema })
  @ApiErrors(400, 401, 404, 409)
  update(@Body() body: unknown): Promise<Contact> {
    return this.external.submit(body);
  }
}
