import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { ApiToken, CreatedApiToken } from '@contacts/wire-types';
import { AccountsOnly, CurrentAccess } from '../access/access.decorators.js';
import type { BookAccess } from '../access/book-access.js';
import { IdPipe } from '../common/id.pipe.js';
import {
  API_TOKEN_SCHEMA,
  ApiAccountsOnly,
  ApiFieldErrors,
  ApiForbidden,
  ApiNotSignedIn,
  CREATE_TOKEN_REQUEST_SCHEMA,
  CREATED_API_TOKEN_SCHEMA,
  CSRF,
} from './accounts-openapi.js';
import { ApiTokensService } from './api-tokens.service.js';

@ApiTags('auth')
@Controller('api/auth/tokens')
@AccountsOnly()
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Post()
  @ApiOperation({ operationId: 'createApiToken', summary: 'A new personal API token (its secret is in this answer only)' })
  @ApiBody({ schema: CREATE_TOKEN_REQUEST_SCHEMA })
  @ApiResponse({ status: 201, description: 'The token, with its secret', schema: CREATED_API_TOKEN_SCHEMA })
  @ApiFieldErrors('A missing, blank or too long name ({"name": [...]}), or malformed JSON')
  @ApiNotSignedIn()
  @ApiForbidden(`The service token (no account), or ${CSRF}`)
  @ApiAccountsOnly()
  create(@CurrentAccess() access: BookAccess, @Body() body: unknown): Promise<CreatedApiToken> {
    return this.tokens.create(access, body);
  }

  @Get()
  @ApiOperation({ operationId: 'listApiTokens', summary: 'The caller’s own tokens, oldest first (never their secrets)' })
  @ApiResponse({ status: 200, description: 'The tokens', schema: { type: 'array', items: API_TOKEN_SCHEMA } })
  @ApiNotSignedIn()
  @ApiForbidden('The service token (no account)')
  @ApiAccountsOnly()
  list(@CurrentAccess() access: BookAccess): Promise<ApiToken[]> {
    return this.tokens.list(access);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'revokeApiToken', summary: 'Revoke one of the caller’s tokens: it stops working on every replica at once' })
  @ApiParam({ name: 'id', description: 'The token’s id', schema: { type: 'integer', minimum: 1 } })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiNotSignedIn()
  @ApiForbidden(`The service token (no account), or ${CSRF}`)
  @ApiAccountsOnly(', or no such token of the caller’s (another account’s token is answered the same)')
  revoke(@CurrentAccess() access: BookAccess, @Param('id', IdPipe) id: number): Promise<void> {
    return this.tokens.revoke(access, id);
  }
}
