import { Body, Controller, Get, HttpCode, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Contact, Page } from '@contacts/wire-types';
import { RouteSchema } from '@nestjs/platform-fastify';
import { EtagInterceptor } from '../common/etag.interceptor.js';
import { CONTACT_PAGE_RESPONSE } from '../common/response-schemas.js';
import { IdPipe } from '../common/id.pipe.js';
import { PageLinks } from '../common/page-links.decorator.js';
import type { PageLinkBase } from '../common/pagination.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { ContactPageSchema, ContactSchema, RevertRequestSchema } from '../openapi/schemas.js';
import { ContactRevisionsService } from './contact-revisions.service.js';

@ApiTags('history')
@Controller('api/contacts')
@UseInterceptors(EtagInterceptor)
export class ContactRevisionsController {
  constructor(private readonly revisions: ContactRevisionsService) {}

  @Get('deleted')
  @RouteSchema(CONTACT_PAGE_RESPONSE)
  @ApiOperation({ summary: 'Recently deleted contacts, as they were when deleted (restorable)' })
  @ApiQuery({ name: 'page', required: false, type: Number })
  @ApiQuery({ name: 'page_size', required: false, type: Number })
  @ApiOkResponse({ type: ContactPageSchema })
  @ApiErrors(404)
  deleted(@Query() query: Record<string, unknown>, @PageLinks() links: PageLinkBase): Promise<Page<Contact>> {
    return this.revisions.deleted(query, links);
  }

  @Post(':id/revert')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give the contact the fields of one of its versions (writes a `reverted` version)' })
  @ApiBody({ type: RevertRequestSchema })
  @ApiOkResponse({ type: ContactSchema })
  @ApiErrors(400, 404, 409)
  revert(@Param('id', IdPipe) id: number, @Body() body: unknown): Promise<Contact> {
    return this.revisions.revert(id, body);
  }

  @Post(':id/restore')
  @ApiOperation({ summary: 'Bring a deleted contact back with the same id (writes a `restored` version)' })
  @ApiCreatedResponse({ type: ContactSchema })
  @ApiErrors(404, 409)
  restore(@Param('id', IdPipe) id: number): Promise<Contact> {
    return this.revisions.restore(id);
  }
}
