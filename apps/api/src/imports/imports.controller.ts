import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, type StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ImportJob, ImportStarted } from '@contacts/wire-types';
import { CurrentAccess } from '../access/access.decorators.js';
import type { BookAccess } from '../access/book-access.js';
import { IdPipe } from '../common/id.pipe.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { ExportService, type ExportQuery } from './export.service.js';
import { ApiCard, ApiExport, ApiImportJob, ApiImportUpload } from './imports.openapi.js';
import { type ImportQuery, ImportsService } from './imports.service.js';

/**
 * Import and export. The paths under /api/contacts/ are static or deeper than
 * `/api/contacts/:id`, so the router never takes them for a contact id.
 */
@ApiTags('contacts')
@Controller('api')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly exports: ExportService,
  ) {}

  @Post('contacts/import')
  @HttpCode(202)
  @ApiOperation({ operationId: 'importContacts', summary: 'Import a vCard or CSV file into a book, as a job' })
  @ApiImportUpload()
  @ApiErrors(400, 404)
  start(
    @Body() body: unknown,
    @Query() query: ImportQuery,
    @CurrentAccess() access: BookAccess,
    @Headers('content-type') contentType?: string,
    @Headers('content-length') contentLength?: string,
  ): Promise<ImportStarted> {
    return this.imports.start(query, { body, contentType, contentLength }, access);
  }

  @Get('imports/:id')
  @ApiOperation({ operationId: 'getImport', summary: 'An import’s progress and, once done, its summary (the importing account only)' })
  @ApiImportJob()
  @ApiErrors(404)
  get(@Param('id') id: string, @CurrentAccess() access: BookAccess): Promise<ImportJob> {
    return this.imports.get(id, access);
  }

  @Get('contacts/export')
  @ApiOperation({ operationId: 'exportContacts', summary: 'Every contact the caller can read (or of one book, or matching a search) as one vCard or CSV file' })
  @ApiExport()
  @ApiErrors(400, 404)
  export(@Query() query: ExportQuery, @CurrentAccess() access: BookAccess): Promise<StreamableFile> {
    return this.exports.export(query, access);
  }

  @Get('contacts/:id/vcard')
  @ApiOperation({ operationId: 'getContactVCard', summary: 'One contact as a vCard 3.0 card' })
  @ApiCard()
  @ApiErrors(404)
  card(@Param('id', IdPipe) id: number, @CurrentAccess() access: BookAccess): Promise<StreamableFile> {
    return this.exports.card(id, access);
  }
}
