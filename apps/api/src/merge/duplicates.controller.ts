import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DuplicateDismissal, DuplicateGroup, MergeResult } from '@contacts/wire-types';
import { CurrentAccess } from '../access/access.decorators.js';
import type { BookAccess } from '../access/book-access.js';
import { EtagInterceptor } from '../common/etag.interceptor.js';
import { IdPipe } from '../common/id.pipe.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { type DismissalsQuery, DismissalsService } from './dismissals.service.js';
import { DuplicatesService, type DuplicatesQuery } from './duplicates.service.js';
import { MergeService } from './merge.service.js';
import { ApiDismissalList, ApiDismissalParam, ApiDismissRequest, ApiDuplicates, ApiMergeRequest } from './merges.openapi.js';

/** Duplicate suggestions and merging, under /api/contacts/ (a static path and one deeper than `:id`). */
@ApiTags('duplicates')
@Controller('api/contacts')
export class DuplicatesController {
  constructor(
    private readonly duplicates: DuplicatesService,
    private readonly merges: MergeService,
    private readonly dismissals: DismissalsService,
  ) {}

  @Get('duplicates')
  @ApiOperation({ operationId: 'listDuplicates', summary: 'Contacts that look like the same person, in groups with their reasons (suggestions only)' })
  @ApiDuplicates()
  @ApiErrors(400, 404)
  list(@Query() query: DuplicatesQuery, @CurrentAccess() access: BookAccess): Promise<DuplicateGroup[]> {
    return this.duplicates.suggestions(query, access);
  }

  @Get('duplicates/dismissals')
  @ApiOperation({ operationId: 'listDuplicateDismissals', summary: 'Groups dismissed as “not the same person”, newest first' })
  @ApiDismissalList()
  @ApiErrors(400, 404)
  listDismissals(@Query() query: DismissalsQuery, @CurrentAccess() access: BookAccess): Promise<DuplicateDismissal[]> {
    return this.dismissals.list(query, access);
  }

  @Post('duplicates/dismissals')
  @HttpCode(201)
  @ApiOperation({ operationId: 'dismissDuplicates', summary: 'Say these contacts are not the same person: they are no longer suggested together' })
  @ApiDismissRequest()
  @ApiErrors(400)
  dismiss(@Body() body: unknown, @CurrentAccess() access: BookAccess): Promise<DuplicateDismissal> {
    return this.dismissals.dismiss(body, access);
  }

  @Delete('duplicates/dismissals/:id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteDuplicateDismissal', summary: 'Take a dismissal back (its contacts may be suggested together again)' })
  @ApiDismissalParam()
  @ApiErrors(404)
  undismiss(@Param('id', IdPipe) id: number, @CurrentAccess() access: BookAccess): Promise<void> {
    return this.dismissals.remove(id, access);
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
