import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DuplicateGroup, MergeResult } from '@contacts/wire-types';
import { CurrentAccess } from '../access/access.decorators.js';
import type { BookAccess } from '../access/book-access.js';
import { EtagInterceptor } from '../common/etag.interceptor.js';
import { IdPipe } from '../common/id.pipe.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { DuplicatesService, type DuplicatesQuery } from './duplicates.service.js';
import { MergeService } from './merge.service.js';
import { ApiDuplicates, ApiMergeRequest } from './merges.openapi.js';

/** Duplicate suggestions and merging, under /api/contacts/ (a static path and one deeper than `:id`). */
@ApiTags('duplicates')
@Controller('api/contacts')
export class DuplicatesController {
  constructor(
    private readonly duplicates: DuplicatesService,
    private readonly merges: MergeService,
  ) {}

  @Get('duplicates')
  @ApiOperation({ operationId: 'listDuplicates', summary: 'Contacts that look like the same person, in groups with their reasons (suggestions only)' })
  @ApiDuplicates()
  @ApiErrors(400, 404)
  list(@Query() query: DuplicatesQuery, @CurrentAccess() access: BookAccess): Promise<DuplicateGroup[]> {
    return this.duplicates.suggestions(query, access);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @ApiOperation({ operationId: 'mergeContacts', summary: 'Merge other contacts of the same book into this one (undoable)' })
  @ApiMergeRequest()
  @ApiErrors(400, 404, 409, 412)
  @UseInterceptors(EtagInterceptor) // the survivor's ETag
  merge(@Param('id', IdPipe) id: number, @Body() body: unknown, @CurrentAccess() access: BookAccess, @Headers('if-match') ifMatch?: string): Promise<MergeResult> {
    return this.merges.merge(id, body, ifMatch, access);
  }
}
