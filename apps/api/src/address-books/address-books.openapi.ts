import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiParam, ApiResponse } from '@nestjs/swagger';
import type { HeaderObject, SchemaObject } from '@nestjs/swagger';
import { ADDRESS_BOOK_NAME_MAX_LENGTH, MEMBER_ROLES } from '@contacts/wire-types';
import { ref } from '../openapi/schemas.js';

/*
 * The address-book routes' OpenAPI: answers are the AddressBook and AddressBookMember
 * components (openapi/schemas.ts), request bodies inline; every status these routes answer.
 */

const NAME_INPUT: SchemaObject = {
  type: 'object',
  properties: { name: { type: 'string', minLength: 1, maxLength: ADDRESS_BOOK_NAME_MAX_LENGTH, example: 'Family', description: 'Trimmed; not blank' } },
  required: ['name'],
};

const ROLE_INPUT: SchemaObject = { type: 'string', enum: [...MEMBER_ROLES], example: 'viewer' };

const ADD_MEMBER_INPUT: SchemaObject = {
  type: 'object',
  properties: { email: { type: 'string', example: 'grace@example.com', description: 'An existing account’s email (case-insensitive)' }, role: ROLE_INPUT },
  required: ['email', 'role'],
};

const CHANGE_MEMBER_INPUT: SchemaObject = { type: 'object', properties: { role: ROLE_INPUT }, required: ['role'] };

const WWW_AUTHENTICATE: HeaderObject = { description: 'Bearer realm="contacts"', required: true, schema: { type: 'string' } };

type Status = 400 | 401 | 403 | 404 | 409;

const ERRORS: Record<Status, Parameters<typeof ApiResponse>[0]> = {
  400: { status: 400, description: 'Invalid input: messages keyed by field (e.g. {"email": [...]}), or {"detail"} about the body as a whole', schema: ref('FieldOrDetailError') },
  401: {
    status: 401,
    description: 'AUTH=accounts and no or bad credentials',
    schema: ref('Detail'),
    headers: { 'WWW-Authenticate': WWW_AUTHENTICATE },
  },
  403: {
    status: 403,
    description: 'A member without the role this needs (or a cookie request from a foreign origin, or the service token, which owns no book)',
    schema: ref('Detail'),
  },
  404: {
    status: 404,
    description: 'No such book — or one the caller cannot see; every route but the list while AUTH=none',
    schema: ref('Detail'),
  },
  409: { status: 409, description: 'Not in this state: see detail', schema: ref('Detail') },
};

export const ApiBookErrors = (...statuses: Status[]): MethodDecorator => applyDecorators(...statuses.map((status) => ApiResponse(ERRORS[status])));

export const ApiBook = (status: 200 | 201, description: string): MethodDecorator => ApiResponse({ status, description, schema: ref('AddressBook') });

export const ApiBookList = (): MethodDecorator =>
  ApiResponse({ status: 200, description: 'The caller’s books: own first, then shared, each oldest first', schema: { type: 'array', items: ref('AddressBook') } });

export const ApiMember = (status: 200 | 201, description: string): MethodDecorator => ApiResponse({ status, description, schema: ref('AddressBookMember') });

export const ApiMemberList = (): MethodDecorator =>
  ApiResponse({ status: 200, description: 'Owner first, then by name', schema: { type: 'array', items: ref('AddressBookMember') } });

export const ApiBookNameBody = (): MethodDecorator => ApiBody({ schema: NAME_INPUT });
export const ApiAddMemberBody = (): MethodDecorator => ApiBody({ schema: ADD_MEMBER_INPUT });
export const ApiChangeMemberBody = (): MethodDecorator => ApiBody({ schema: CHANGE_MEMBER_INPUT });

/** Path ids that are not positive integers are answered 404, like unknown ones. */
export const ApiBookId = (): MethodDecorator => ApiParam({ name: 'id', description: 'The book’s id', schema: { type: 'integer', minimum: 1 } });
export const ApiMemberId = (): MethodDecorator => ApiParam({ name: 'user_id', description: 'The member’s user id', schema: { type: 'integer', minimum: 1 } });
