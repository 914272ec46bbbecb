import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthConfig, AuthResponse, User } from '@contacts/wire-types';
import { AccountsOnly, CurrentAccess, Public } from '../access/access.decorators.js';
import type { BookAccess } from '../access/book-access.js';
import {
  ApiAccountsOnly,
  ApiFieldErrors,
  ApiForbidden,
  ApiLoginFailed,
  ApiNotSignedIn,
  ApiSessionClosed,
  ApiSessionOpened,
  ApiThrottledLogin,
  AUTH_CONFIG_SCHEMA,
  CSRF,
  LOGIN_REQUEST_SCHEMA,
  SIGNUP_REQUEST_SCHEMA,
  USER_SCHEMA,
} from './accounts-openapi.js';
import { type AuthClient, CurrentClient } from './auth-client.js';
import { AuthService } from './auth.service.js';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Get('config')
  @Public()
  @ApiOperation({
    operationId: 'getAuthConfig',
    summary: 'Whether there are accounts, and whether sign-up is open (the web app’s first screen)',
  })
  @ApiResponse({ status: 200, description: 'The mode and the sign-up policy', schema: AUTH_CONFIG_SCHEMA })
  config(): Promise<AuthConfig> {
    return this.auth.authConfig();
  }

  @Post('signup')
  @Public()
  @AccountsOnly()
  @ApiOperation({
    operationId: 'signUp',
    summary: 'Create an account and sign in',
    description: 'Allowed while no account exists (that first account is the admin) or with SIGNUP=open.',
  })
  @ApiBody({ schema: SIGNUP_REQUEST_SCHEMA })
  @ApiSessionOpened(201, 'The new account, signed in')
  @ApiFieldErrors('Invalid input, keyed by field (an email already taken: {"email": [...]}), or malformed JSON')
  @ApiForbidden(`Sign-up is closed (an account exists and SIGNUP is not open), or ${CSRF}`)
  @ApiAccountsOnly()
  signup(@Body() body: unknown, @CurrentClient() client: AuthClient): Promise<AuthResponse> {
    return this.auth.signup(body, client);
  }

  @Post('login')
  @HttpCode(200)
  @Public()
  @AccountsOnly()
  @ApiOperation({ operationId: 'logIn', summary: 'Sign in with email and password: a session cookie' })
  @ApiBody({ schema: LOGIN_REQUEST_SCHEMA })
  @ApiSessionOpened(200, 'Signed in')
  @ApiLoginFailed()
  @ApiForbidden(CSRF)
  @ApiAccountsOnly()
  @ApiThrottledLogin()
  login(@Body() body: unknown, @CurrentClient() client: AuthClient): Promise<AuthResponse> {
    return this.auth.login(body, client);
  }

  @Post('logout')
  @HttpCode(204)
  @AccountsOnly()
  @ApiOperation({
    operationId: 'logOut',
    summary: 'Sign out: end this session on every replica',
    description: 'On a token there is no session to end (revoke the token with DELETE /api/auth/tokens/{id}/).',
  })
  @ApiSessionClosed()
  @ApiNotSignedIn()
  @ApiForbidden(`The service token (no account), or ${CSRF}`)
  @ApiAccountsOnly()
  logout(@CurrentAccess() access: BookAccess, @CurrentClient() client: AuthClient): Promise<void> {
    return this.auth.logout(access, client);
  }

  @Get('me')
  @AccountsOnly()
  @ApiOperation({ operationId: 'getMe', summary: 'The signed-in account' })
  @ApiResponse({ status: 200, description: 'The account of this session or token', schema: USER_SCHEMA })
  @ApiNotSignedIn()
  @ApiForbidden('The service token (no account)')
  @ApiAccountsOnly()
  me(@CurrentAccess() access: BookAccess): Promise<User> {
    return this.auth.me(access);
  }
}
