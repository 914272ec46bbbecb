import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { ChangesPage, Version } from '@contacts/wire-types';
import { IdPipe } from '../common/id.pipe.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { ChangesPageSchema, VersionSchema } from '../openapi/schemas.js';
import { HistoryService } from './history.service.js';

@ApiTags('history')
@Controller('api')
export class HistoryController {
  constructor(private readonly history: HistoryService) {}

  @Get('contacts/:id/history')
  @ApiOperation({ summary: 'Every version of a contact, latest first (also after it was deleted)' })
  @ApiOkResponse({ type: [VersionSchema] })
  @ApiErrors(404)
  forContact(@Param('id', IdPipe) id: number): Promise<Version[]> {
    return this.history.forContact(id);
  }

  @Get('changes')
  @ApiOperation({ summary: 'Catch-up feed: the realtime events after `since`, in seq order' })
  @ApiQuery({ name: 'since', required: false, type: Number, description: 'Last seq the client saw (default 0)' })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: 'Default 500, at most 1000' })
  @ApiOkResponse({ type: ChangesPageSchema })
  @ApiErrors(400)
  changes(@Query() query: { since?: unknown; limit?: unknown }): Promise<ChangesPage> {
    return this.history.changes(query);
  }
}
