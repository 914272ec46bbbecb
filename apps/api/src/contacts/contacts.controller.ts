import { Body, Controller, Delete, Get, Header, Headers, HttpCode, Param, Patch, Post, Put, Query, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Contact } from '@contacts/wire-types';
import { EtagInterceptor } from '../common/etag.interceptor.js';
import { IdPipe } from '../common/id.pipe.js';
import { PageLinks } from '../common/page-links.decorator.js';
import type { PageLinkBase } from '../common/pagination.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { ContactPageSchema, ContactSchema } from '../openapi/schemas.js';
import { ContactCreateService } from './contact-create.service.js';
import { ContactsService, type ListQuery } from './contacts.service.js';
import { ContactInputDto, ContactPatchDto } from './dto/contact-input.dto.js';

const IF_MATCH = { name: 'If-Match', required: false, description: 'ETag from a read; a stale one → 412 with the current contact' };

@ApiTags('contacts')
@Controller('api/contacts')
export class ContactsController {
  constructor(
    private readonly contacts: ContactsService,
    private readonly creator: ContactCreateService,
  ) {}

  @Get()
  @Header('Content-Type', 'application/json; charset=utf-8') // the answer comes ready-serialised
  @ApiOperation({ summary: 'List contacts, newest updated first' })
  @ApiQuery({ name: 'search', required: false, description: 'Case-insensitive match on first, last and full name, email, phone' })
  @ApiQuery({ name: 'page', required: false, type: Number })
  @ApiQuery({ name: 'page_size', required: false, type: Number, description: 'Default 20, at most 100' })
  @ApiOkResponse({ type: ContactPageSchema })
  @ApiErrors(404)
  list(@Query() query: ListQuery, @PageLinks() links: PageLinkBase): Promise<string> {
    return this.contacts.list(query, links);
  }

  @Post()
  @ApiOperation({ summary: 'Create a contact (answers after CREATE_DELAY_MS, 20 s by default)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retries with the same key get the first answer' })
  @ApiBody({ type: ContactInputDto })
  @ApiCreatedResponse({ type: ContactSchema })
  @ApiErrors(400, 409, 413, 422)
  @UseInterceptors(EtagInterceptor) // single-contact answers carry their ETag
  create(@Body() body: unknown, @Headers('idempotency-key') key?: string): Promise<Contact> {
    return this.creator.create(body, key);
  }

  @Get(':id')
  @ApiOkResponse({ type: ContactSchema, headers: { ETag: { description: 'For If-Match' } } })
  @ApiErrors(404)
  @UseInterceptors(EtagInterceptor) // single-contact answers carry their ETag
  get(@Param('id', IdPipe) id: number): Promise<Contact> {
    return this.contacts.get(id);
  }

  @Put(':id')
  @ApiHeader(IF_MATCH)
  @ApiBody({ type: ContactInputDto })
  @ApiOkResponse({ type: ContactSchema })
  @ApiErrors(400, 404, 409, 412)
  @UseInterceptors(EtagInterceptor) // single-contact answers carry their ETag
  replace(@Param('id', IdPipe) id: number, @Body() body: unknown, @Headers('if-match') ifMatch?: string): Promise<Contact> {
    return this.contacts.update(id, body, { partial: false, ifMatch });
  }

  @Patch(':id')
  @ApiHeader(IF_MATCH)
  @ApiBody({ type: ContactPatchDto })
  @ApiOkResponse({ type: ContactSchema })
  @ApiErrors(400, 404, 409, 412)
  @UseInterceptors(EtagInterceptor) // single-contact answers carry their ETag
  update(@Param('id', IdPipe) id: number, @Body() body: unknown, @Headers('if-match') ifMatch?: string): Promise<Contact> {
    return this.contacts.update(id, body, { partial: true, ifMatch });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted; a `deleted` version is written and history stays readable' })
  @ApiErrors(404)
  remove(@Param('id', IdPipe) id: number): Promise<void> {
    return this.contacts.remove(id);
  }
}
