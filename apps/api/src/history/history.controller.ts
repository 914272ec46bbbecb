import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { ChangesPage, Version } from '@contacts/wire-types';
import { CurrentAccess } from '../access/access.decorators.js';
import type { BookAccess } from '../access/book-access.js';
import { IdPipe } from '../common/id.pipe.js';
import { ApiErrors, ApiJson } from '../openapi/api-errors.decorator.js';
import { HistoryService } from './history.service.js';

@ApiTags('history')
@Controller('api')
export class HistoryController {
  constructor(private readonly history: HistoryService) {}

  @Get('contacts/:id/history')
  @ApiOperation({ operationId: 'getContactHistory', summary: 'Every version of a contact, latest first (also after it was deleted)' })
  @ApiParam({ name: 'id', description: 'The contact’s id', schema: { type: 'integer', minimum: 1 } })
  @ApiJson(200, 'The versions, latest first', ['Version'])
  @ApiErrors(404)
  forContact(@Param('id', IdPipe) id: number, @CurrentAccess() access: BookAccess): Promise<Version[]> {
    return this.history.forContact(id, access);
  }

  @Get('changes')
  @ApiOperation({
    operationId: 'listChanges',
    summary: 'Catch-up feed: the realtime events after `since`, in seq order',
    description: 'What a client that was away missed: the same ContactEvent objects the Socket.IO namespace /contacts and the WebSocket /ws/contacts/ carry. Ask again with since=last_seq until results is empty.',
  })
  @ApiQuery({ name: 'since', required: false, schema: { type: 'integer', minimum: 0 }, description: 'The last seq the client saw (default 0)' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 0 }, description: 'Default 500; at least 1 and at most 1000 are returned' })
  @ApiJson(200, 'The events after since', 'ChangesPage')
  @ApiErrors(400)
  changes(@Query() query: { since?: unknown; limit?: unknown }, @CurrentAccess() access: BookAccess): Promise<ChangesPage> {
    return this.history.changes(query, access);
  }
}
