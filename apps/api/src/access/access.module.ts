import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AddressBooksModule } from '../address-books/address-books.module.js';
import { AccessGuard } from './access.guard.js';
import { AccessResolver } from './access-resolver.js';

/**
 * Who is calling and what they may do: AccessGuard on every route; AccessResolver for the
 * realtime handshakes (and DAV).
 */
@Global()
@Module({
  imports: [AccountsModule, AddressBooksModule],
  providers: [AccessResolver, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AccessResolver],
})
export class AccessModule {}
