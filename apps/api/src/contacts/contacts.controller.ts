import { Body, Controller, Delete, Get, Header, Headers, HttpCode, Param, Patch, Post, Put, Query, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Contact } from '@contacts/wire-types';
import { CurrentAccess } from '../access/access.decorators.js';
import type { BookAccess } from '../access/book-access.js';
import { EtagInterceptor } from '../common/etag.interceptor.js';
import { IdPipe } from '../common/id.pipe.js';
import { PageLinks } from '../common/page-links.decorator.js';
import type { PageLinkBase } from '../common/pagination.js';
import { ApiContact, ApiErrors, ApiIdempotencyKey, ApiIfMatch, ApiJson } from '../openapi/api-errors.decorator.js';
import { ref } from '../openapi/schemas.js';
import { ContactCreateService } from './contact-create.service.js';
import type { PageBody } from './contact-page-cache.js';
import { PageBodyInterceptor } from './contact-page-cache.interceptor.js';
import { ContactsService, type ListQuery } from './contacts.service.js';

/** Any path id that is not a positive integer is answered 404, like an unknown one. */
const ID = { name: 'id', description: 'The contact’s id', schema: { type: 'integer' as const, minimum: 1 } };

@ApiTags('contacts')
@Controller('api/contacts')
export class ContactsController {
  constructor(
    private readonly contacts: ContactsService,
    private readonly creator: ContactCreateService,
  ) {}

  @Get()
  @Header('Content-Type', 'application/json; charset=utf-8') // the answer comes ready-serialised
  @ApiOperation({ operationId: 'listContacts', summary: 'List contacts, newest updated first' })
  @ApiQuery({ name: 'search', required: false, type: String, description: 'Case-insensitive match on first, last and full name, email, phone, organization, the other emails and phones' })
  @ApiQuery({ name: 'address_book', required: false, schema: { type: 'integer', minimum: 1 }, description: 'Only this book (default: every book the caller can read)' })
  @ApiQuery({ name: 'page', required: false, schema: { type: 'integer', minimum: 1 }, description: 'Default 1; past the end → 404 {"detail": "Invalid page."}' })
  @ApiQuery({ name: 'page_size', required: false, schema: { type: 'integer', minimum: 1 }, description: 'Default 20; larger values are capped at 100' })
  @ApiQuery({
    name: 'cursor',
    required: false,
    type: String,
    description:
      'Cursor pagination (DRF CursorPagination style), cheap at any depth: present, even empty (the first page), it replaces `page`. ' +
      'The token is opaque: follow the `next`/`previous` links, which keep the other parameters. `count` stays exact; `previous` is null ' +
      'on the first page, `next` on the last. A row changed while walking moves to the top and is not met again; no row is met twice. ' +
      'A bad token → 404 {"detail": "Invalid cursor"}',
  })
  @ApiJson(200, 'A page of contacts', 'ContactPage')
  @ApiErrors(400, 404)
  @UseInterceptors(PageBodyInterceptor) // the page's cached compressed copy for clients that accept one
  list(@Query() query: ListQuery, @PageLinks() links: PageLinkBase, @CurrentAccess() access: BookAccess): Promise<PageBody> {
    return this.contacts.list(query, links, access);
  }

  @Post()
  @ApiOperation({
    operationId: 'createContact',
    summary: 'Create a contact',
    description: 'Validated at once (400, or 409 for an email a pending create holds); the answer comes after CREATE_DELAY_MS (20 s by default).',
  })
  @ApiIdempotencyKey()
  @ApiBody({ schema: ref('ContactInput') })
  @ApiContact(201, 'Created')
  @ApiErrors(400, 404, 409, 422)
  @UseInterceptors(EtagInterceptor) // single-contact answers carry their ETag
  create(@Body() body: unknown, @CurrentAccess() access: BookAccess, @Headers('idempotency-key') key?: string): Promise<Contact> {
    return this.creator.create(body, access, key);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getContact', summary: 'One contact, with its ETag' })
  @ApiParam(ID)
  @ApiContact(200, 'The contact')
  @ApiErrors(404)
  @UseInterceptors(EtagInterceptor) // single-contact answers carry their ETag
  get(@Param('id', IdPipe) id: number, @CurrentAccess() access: BookAccess): Promise<Contact> {
    return this.contacts.get(id, access);
  }

  @Put(':id')
  @ApiOperation({ operationId: 'replaceContact', summary: 'Replace a contact’s fields (all four required)' })
  @ApiParam(ID)
  @ApiIfMatch()
  @ApiBody({ schema: ref('ContactInput') })
  @ApiContact(200, 'The updated contact')
  @ApiErrors(400, 404, 409, 412)
  @UseInterceptors(EtagInterceptor) // single-contact answers carry their ETag
  replace(@Param('id', IdPipe) id: number, @Body() body: unknown, @CurrentAccess() access: BookAccess, @Headers('if-match') ifMatch?: string): Promise<Contact> {
    return this.contacts.update(id, body, { partial: false, ifMatch }, access);
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'updateContact', summary: 'Change some of a contact’s fields' })
  @ApiParam(ID)
  @ApiIfMatch()
  @ApiBody({ schema: ref('ContactPatch') })
  @ApiContact(200, 'The updated contact')
  @ApiErrors(400, 404, 409, 412)
  @UseInterceptors(EtagInterceptor) // single-contact answers carry their ETag
  update(@Param('id', IdPipe) id: number, @Body() body: unknown, @CurrentAccess() access: BookAccess, @Headers('if-match') ifMatch?: string): Promise<Contact> {
    return this.contacts.update(id, body, { partial: true, ifMatch }, access);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteContact', summary: 'Delete a contact (restorable)' })
  @ApiParam(ID)
  @ApiNoContentResponse({ description: 'Deleted; a `deleted` version is written and history stays readable' })
  @ApiErrors(404)
  remove(@Param('id', IdPipe) id: number, @CurrentAccess() access: BookAccess): Promise<void> {
    return this.contacts.remove(id, access);
  }
}
