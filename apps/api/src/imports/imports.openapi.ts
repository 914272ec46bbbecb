import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiParam, ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import { IMPORT_FORMATS, ON_DUPLICATE } from '@contacts/wire-types';
import { IMPORT_MEDIA_TYPES } from './import-body.js';

/*
 * The import and export routes' OpenAPI: the job's shape inline (ImportJob of the wire
 * types), the file bodies and answers as their media types.
 */

const COUNT: SchemaObject = { type: 'integer', minimum: 0 };

export const IMPORT_JOB_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'An import job, as GET /api/imports/{id}/ answers it and the `import` of an `import.progress` realtime event',
  properties: {
    id: { type: 'string', format: 'uuid' },
    status: { type: 'string', enum: ['running', 'done', 'failed'] },
    total: { ...COUNT, description: 'Cards in the file (0 until they are counted)' },
    processed: { ...COUNT, description: 'Cards done so far: created, updated or skipped' },
    created: COUNT,
    updated: COUNT,
    skipped: {
      type: 'array',
      description: 'The cards left out, in file order, each with its field errors (nothing of them was written)',
      items: {
        type: 'object',
        properties: {
          index: { ...COUNT, description: 'Its position in the file, from 0' },
          name: { type: 'string', description: 'FN or the names, as the file gives them' },
          errors: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } }, example: { email: ['This field may not be blank.'] } },
        },
        required: ['index', 'name', 'errors'],
      },
    },
  },
  required: ['id', 'status', 'total', 'processed', 'created', 'updated', 'skipped'],
};

const STARTED_SCHEMA: SchemaObject = {
  type: 'object',
  properties: { id: { type: 'string', format: 'uuid' }, status: { type: 'string', enum: ['running'] } },
  required: ['id', 'status'],
};

const FILE_BODY = { schema: { type: 'string', format: 'binary' } as SchemaObject };

export const ApiImportUpload = (): MethodDecorator =>
  applyDecorators(
    ApiConsumes(...IMPORT_MEDIA_TYPES),
    ApiBody({ description: 'The file itself, up to 50 MiB: vCard 2.1, 3.0 or 4.0, or CSV (our columns, Google Contacts’ or Outlook’s export)', ...FILE_BODY }),
    ApiQuery({ name: 'address_book', required: false, schema: { type: 'integer', minimum: 1 }, description: 'Where the cards go (default: the caller’s first own book); the caller must be able to edit it' }),
    ApiQuery({ name: 'on_duplicate', required: false, schema: { type: 'string', enum: [...ON_DUPLICATE], default: 'skip' }, description: 'A card whose UID or email is already in the book: left out (skip), or its contact takes the card (update)' }),
    ApiResponse({ status: 202, description: 'Accepted: the cards are imported in the background (follow GET /api/imports/{id}/ or the import.progress events)', schema: STARTED_SCHEMA }),
    ApiResponse({ status: 413, description: 'The file is larger than 50 MiB', schema: { $ref: '#/components/schemas/Detail' } }),
  );

export const ApiImportJob = (): MethodDecorator =>
  applyDecorators(
    ApiParam({ name: 'id', description: 'The import’s id', schema: { type: 'string' } }),
    ApiResponse({ status: 200, description: 'The job as it stands', schema: IMPORT_JOB_SCHEMA }),
  );

const DISPOSITION = { 'Content-Disposition': { description: 'attachment; filename="contacts.vcf" (or .csv)', required: true, schema: { type: 'string' } } };

export const ApiExport = (): MethodDecorator =>
  applyDecorators(
    ApiQuery({ name: 'format', required: false, schema: { type: 'string', enum: [...IMPORT_FORMATS], default: 'vcard' } }),
    ApiQuery({ name: 'address_book', required: false, schema: { type: 'integer', minimum: 1 }, description: 'Only this book (default: every book the caller can read)' }),
    ApiQuery({ name: 'search', required: false, type: String, description: 'As the list’s search' }),
    ApiResponse({
      status: 200,
      description: 'Every matching contact, streamed: vCard 3.0 cards one after the other, or CSV with a header row of our field names',
      headers: DISPOSITION,
      content: { 'text/vcard': { schema: { type: 'string' } }, 'text/csv': { schema: { type: 'string' } } },
    }),
  );

export const ApiCard = (): MethodDecorator =>
  applyDecorators(
    ApiParam({ name: 'id', description: 'The contact’s id', schema: { type: 'integer', minimum: 1 } }),
    ApiResponse({ status: 200, description: 'The contact as one vCard 3.0 card, with the properties it came with that the model does not hold', content: { 'text/vcard': { schema: { type: 'string' } } } }),
  );
