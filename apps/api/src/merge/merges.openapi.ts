import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiParam, ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import { DUPLICATE_REASONS, MAX_DISMISSED_CONTACTS, MAX_MERGE_OTHERS, MERGE_FIELD_NAMES } from '@contacts/wire-types';
import { ref } from '../openapi/schemas.js';

/*
 * The duplicate and merge routes' OpenAPI, their shapes inline (DuplicateGroup, MergeRequest,
 * MergeResult, Merge, UnmergeResult of the wire types).
 */

const ID: SchemaObject = { type: 'integer', minimum: 1 };
const EDITOR: SchemaObject = {
  type: 'object',
  nullable: true,
  description: 'Who did it (null without an account)',
  properties: { id: ID, name: { type: 'string' } },
  required: ['id', 'name'],
};

const MERGE_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'A merge as recorded: the survivor, the contacts merged into it, and whether it was undone',
  properties: {
    id: ID,
    address_book: ID,
    contact: { ...ID, description: 'The survivor' },
    others: { type: 'array', items: ID, description: 'The contacts merged into it (deleted by the merge; back after an undo)' },
    version: { ...ID, description: 'The survivor’s `merged` version' },
    merged_at: { type: 'string', format: 'date-time' },
    merged_by: EDITOR,
    undone_at: { type: 'string', format: 'date-time', nullable: true },
    undone_by: EDITOR,
  },
  required: ['id', 'address_book', 'contact', 'others', 'version', 'merged_at', 'merged_by', 'undone_at', 'undone_by'],
};

const CONTACT_ID = { name: 'id', description: 'The contact that survives', schema: ID };
const MERGE_ID = { name: 'id', description: 'The merge’s id (`merge_id` of the merge’s answer)', schema: ID };
const ETAG = { ETag: { description: 'The survivor’s version, for a later If-Match', required: true, schema: { type: 'string' as const } } };

export const ApiDuplicates = (): MethodDecorator =>
  applyDecorators(
    ApiQuery({ name: 'address_book', required: false, schema: ID, description: 'Only this book (default: every book the caller can read)' }),
    ApiResponse({
      status: 200,
      description: 'Suggested groups, each within one book, most reasons first; nothing is merged by itself',
      schema: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            contacts: { type: 'array', items: ref('Contact'), minItems: 2 },
            reasons: { type: 'array', items: { type: 'string', enum: [...DUPLICATE_REASONS] }, minItems: 1 },
          },
          required: ['contacts', 'reasons'],
        },
      },
    }),
  );

export const ApiMergeRequest = (): MethodDecorator =>
  applyDecorators(
    ApiParam(CONTACT_ID),
    ApiHeader({ name: 'If-Match', required: false, description: 'The survivor’s ETag as the compare screen saw it; when it no longer matches → 412 with the current contact' }),
    ApiBody({
      schema: {
        type: 'object',
        properties: {
          others: { type: 'array', items: ID, minItems: 1, maxItems: MAX_MERGE_OTHERS, description: 'The contacts to merge into this one (same book)' },
          values: {
            allOf: [ref('ContactPatch')],
            description: `The chosen values (any of ${MERGE_FIELD_NAMES.join(', ')}); the rest stays the survivor’s, empty details are filled from the others. The others’ emails and phones join other_emails / other_phones.`,
          },
        },
        required: ['others'],
      },
    }),
    ApiResponse({
      status: 200,
      description: 'Merged: the survivor, and the merge’s id for an undo',
      headers: ETAG,
      schema: { type: 'object', properties: { contact: ref('Contact'), merge_id: ID }, required: ['contact', 'merge_id'] },
    }),
  );

export const ApiMergeParam = (): MethodDecorator => ApiParam(MERGE_ID);

export const ApiMergeList = (): MethodDecorator =>
  applyDecorators(
    ApiQuery({ name: 'contact', required: false, schema: ID, description: 'Only merges this contact took part in (as survivor or merged away)' }),
    ApiQuery({ name: 'address_book', required: false, schema: ID, description: 'Only this book' }),
    ApiResponse({ status: 200, description: 'The newest merges first (at most 100)', schema: { type: 'array', items: MERGE_SCHEMA } }),
  );

export const ApiMergeAnswer = (): MethodDecorator => ApiResponse({ status: 200, description: 'The merge', schema: MERGE_SCHEMA });

export const ApiUnmergeAnswer = (): MethodDecorator =>
  ApiResponse({
    status: 200,
    description: 'Undone: the survivor with its fields from before the merge, the others back with their ids',
    headers: ETAG,
    schema: {
      type: 'object',
      properties: { contact: ref('Contact'), restored: { type: 'array', items: ref('Contact') }, merge: MERGE_SCHEMA },
      required: ['contact', 'restored', 'merge'],
    },
  });

const DISMISSAL_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'Contacts the user said are not the same person: no two of them are suggested together again until it is deleted',
  properties: {
    id: ID,
    address_book: ID,
    contacts: { type: 'array', items: ID, minItems: 2 },
    dismissed_at: { type: 'string', format: 'date-time' },
    dismissed_by: EDITOR,
  },
  required: ['id', 'address_book', 'contacts', 'dismissed_at', 'dismissed_by'],
};

export const ApiDismissRequest = (): MethodDecorator =>
  applyDecorators(
    ApiBody({
      schema: {
        type: 'object',
        properties: { contacts: { type: 'array', items: ID, minItems: 2, maxItems: MAX_DISMISSED_CONTACTS, description: 'Contacts of one book' } },
        required: ['contacts'],
      },
    }),
    ApiResponse({ status: 201, description: 'Dismissed', schema: DISMISSAL_SCHEMA }),
  );

export const ApiDismissalList = (): MethodDecorator =>
  applyDecorators(
    ApiQuery({ name: 'address_book', required: false, schema: ID, description: 'Only this book' }),
    ApiResponse({ status: 200, description: 'The newest dismissals first (at most 200)', schema: { type: 'array', items: DISMISSAL_SCHEMA } }),
  );

export const ApiDismissalParam = (): MethodDecorator =>
  applyDecorators(
    ApiParam({ name: 'id', description: 'The dismissal’s id', schema: ID }),
    ApiResponse({ status: 204, description: 'Taken back: its contacts may be suggested together again' }),
  );
