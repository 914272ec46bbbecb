import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RateLimitGuard } from './rate-limit.guard.js';

/** The per-client rate limit on every route (see RateLimitGuard). */
@Module({ providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }] })
export class SecurityModule {}
