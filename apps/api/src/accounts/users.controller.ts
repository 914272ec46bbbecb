import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { User } from '@contacts/wire-types';
import { AccountsOnly, CurrentAccess } from '../access/access.decorators.js';
import type { BookAccess } from '../access/book-access.js';
import {
  ApiAccountsOnly,
  ApiFieldErrors,
  ApiForbidden,
  ApiNotSignedIn,
  CREATE_USER_REQUEST_SCHEMA,
  CSRF,
  USER_SCHEMA,
} from './accounts-openapi.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller('api/users')
@AccountsOnly()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ operationId: 'listUsers', summary: 'Every account, oldest first (admins only)' })
  @ApiResponse({ status: 200, description: 'The accounts', schema: { type: 'array', items: USER_SCHEMA } })
  @ApiNotSignedIn()
  @ApiForbidden('Not an admin')
  @ApiAccountsOnly()
  list(@CurrentAccess() access: BookAccess): Promise<User[]> {
    return this.users.list(access);
  }

  @Post()
  @ApiOperation({ operationId: 'createUser', summary: 'Create an account (admins only); it gets an address book of its own' })
  @ApiBody({ schema: CREATE_USER_REQUEST_SCHEMA })
  @ApiResponse({ status: 201, description: 'The new account', schema: USER_SCHEMA })
  @ApiFieldErrors('Invalid input, keyed by field (an email already taken: {"email": [...]}), or malformed JSON')
  @ApiNotSignedIn()
  @ApiForbidden(`Not an admin, or ${CSRF}`)
  @ApiAccountsOnly()
  create(@CurrentAccess() access: BookAccess, @Body() body: unknown): Promise<User> {
    return this.users.create(access, body);
  }
}
