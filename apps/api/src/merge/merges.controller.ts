import { Controller, Get, HttpCode, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Merge, UnmergeResult } from '@contacts/wire-types';
import { CurrentAccess } from '../access/access.decorators.js';
import type { BookAccess } from '../access/book-access.js';
import { EtagInterceptor } from '../common/etag.interceptor.js';
import { IdPipe } from '../common/id.pipe.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { MergeService, type MergesQuery } from './merge.service.js';
import { ApiMergeAnswer, ApiMergeList, ApiMergeParam, ApiUnmergeAnswer } from './merges.openapi.js';

@ApiTags('duplicates')
@Controller('api/merges')
export class MergesController {
  constructor(private readonly merges: MergeService) {}

  @Get()
  @ApiOperation({ operationId: 'listMerges', summary: 'Recent merges in the books the caller can read (e.g. those a contact took part in)' })
  @ApiMergeList()
  @ApiErrors(400, 404)
  list(@Query() query: MergesQuery, @CurrentAccess() access: BookAccess): Promise<Merge[]> {
    return this.merges.list(query, access);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getMerge', summary: 'One merge' })
  @ApiMergeParam()
  @ApiMergeAnswer()
  @ApiErrors(404)
  get(@Param('id', IdPipe) id: number, @CurrentAccess() access: BookAccess): Promise<Merge> {
    return this.merges.get(id, access);
  }

  @Post(':id/undo')
  @HttpCode(200)
  @ApiOperation({ operationId: 'undoMerge', summary: 'Undo a merge: the survivor gets back its fields, the others come back with their ids' })
  @ApiMergeParam()
  @ApiUnmergeAnswer()
  @ApiErrors(404, 409)
  @UseInterceptors(EtagInterceptor) // the survivor's ETag
  undo(@Param('id', IdPipe) id: number, @CurrentAccess() access: BookAccess): Promise<UnmergeResult> {
    return this.merges.undo(id, access);
  }
}
