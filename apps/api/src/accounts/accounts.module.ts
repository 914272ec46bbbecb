import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RedisConnections } from '../redis/redis-connections.js';
import { AccountCreator } from './account-creator.js';
import { ApiTokenEntity } from './api-token.entity.js';
import { ApiTokensController } from './api-tokens.controller.js';
import { ApiTokensService } from './api-tokens.service.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { Authenticator } from './authenticator.js';
import { CredentialsRepository } from './credentials.repository.js';
import { LoginThrottle, loginThrottleFor } from './login-throttle.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionCookie } from './session-cookie.js';
import { SessionEntity } from './session.entity.js';
import { Sessions } from './sessions.js';
import { SignInCheck } from './sign-in-check.js';
import { UserEntity } from './user.entity.js';
import { UsersController } from './users.controller.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

/**
 * Accounts, sessions, API tokens, sign-in and sign-out. A new account's address book comes
 * from NewAccountBooks, which the app provides (address-books implements it; accounts
 * cannot import that feature).
 */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity, ApiTokenEntity])],
  controllers: [AuthController, ApiTokensController, UsersController],
  providers: [
    Authenticator,
    CredentialsRepository,
    UsersRepository,
    { provide: PasswordHasher, useFactory: () => new PasswordHasher() },
    {
      provide: LoginThrottle,
      inject: [APP_CONFIG, RedisConnections],
      useFactory: (config: AppConfig, redis: RedisConnections) => loginThrottleFor(config, redis.pub),
    },
    SignInCheck,
    SessionCookie,
    Sessions,
    AccountCreator,
    AuthService,
    UsersService,
    ApiTokensService,
  ],
  exports: [Authenticator, SignInCheck],
})
export class AccountsModule {}
