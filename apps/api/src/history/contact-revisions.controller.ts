import { Body, Controller, Get, HttpCode, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Contact, Page } from '@contacts/wire-types';
import { RouteSchema } from '@nestjs/platform-fastify';
import { CurrentAccess } from '../access/access.decorators.js';
import type { BookAccess } from '../access/book-access.js';
import { EtagInterceptor } from '../common/etag.interceptor.js';
import { CONTACT_PAGE_RESPONSE } from '../common/response-schemas.js';
import { IdPipe } from '../common/id.pipe.js';
import { PageLinks } from '../common/page-links.decorator.js';
import type { PageLinkBase } from '../common/pagination.js';
import { ApiContact, ApiErrors, ApiJson } from '../openapi/api-errors.decorator.js';
import { ref } from '../openapi/schemas.js';
import { ContactRevisionsService } from './contact-revisions.service.js';

const ID = { name: 'id', description: 'The contact’s id', schema: { type: 'integer' as const, minimum: 1 } };

@ApiTags('history')
@Controller('api/contacts')
@UseInterceptors(EtagInterceptor)
export class ContactRevisionsController {
  constructor(private readonly revisions: ContactRevisionsService) {}

  @Get('deleted')
  @RouteSchema(CONTACT_PAGE_RESPONSE)
  @ApiOperation({ operationId: 'listDeletedContacts', summary: 'Recently deleted contacts, as they were when deleted (restorable)' })
  @ApiQuery({ name: 'page', required: false, schema: { type: 'integer', minimum: 1 }, description: 'Default 1; past the end → 404 {"detail": "Invalid page."}' })
  @ApiQuery({ name: 'page_size', required: false, schema: { type: 'integer', minimum: 1 }, description: 'Default 20; larger values are capped at 100' })
  @ApiQuery({
    name: 'cursor',
    required: false,
    type: String,
    description:
      'Cursor pagination (DRF CursorPagination style), as on the contact list: present, even empty (the first page), it replaces `page`; ' +
      'follow the `next`/`previous` links. A bad token → 404 {"detail": "Invalid cursor"}',
  })
  @ApiJson(200, 'A page of deleted contacts', 'ContactPage')
  @ApiErrors(404)
  deleted(@Query() query: Record<string, unknown>, @PageLinks() links: PageLinkBase, @CurrentAccess() access: BookAccess): Promise<Page<Contact>> {
    return this.revisions.deleted(query, links, access);
  }

  @Post(':id/revert')
  @HttpCode(200)
  @ApiOperation({ operationId: 'revertContact', summary: 'Give the contact the fields of one of its versions (writes a `reverted` version)' })
  @ApiParam(ID)
  @ApiBody({ schema: ref('RevertRequest') })
  @ApiContact(200, 'The reverted contact')
  @ApiErrors(400, 404, 409)
  revert(@Param('id', IdPipe) id: number, @Body() body: unknown, @CurrentAccess() access: BookAccess): Promise<Contact> {
    return this.revisions.revert(id, body, access);
  }

  @Post(':id/restore')
  @ApiOperation({ operationId: 'restoreContact', summary: 'Bring a deleted contact back with the same id (writes a `restored` version)' })
  @ApiParam(ID)
  @ApiContact(201, 'The restored contact')
  @ApiErrors(404, 409)
  restore(@Param('id', IdPipe) id: number, @CurrentAccess() access: BookAccess): Promise<Contact> {
    return this.revisions.restore(id, access);
  }
}
