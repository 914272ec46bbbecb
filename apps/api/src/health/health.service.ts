import { Injectable } from '@nestjs/common';
import type { Health } from '@contacts/wire-types';
import { RedisState } from '../redis/redis-state.js';
import { HealthRepository } from './health.repository.js';

@Injectable()
export class HealthService {
  constructor(
    private readonly database: HealthRepository,
    private readonly redis: RedisState,
  ) {}

  async check(): Promise<Health> {
    const db = (await this.database.databaseAnswers()) ? 'up' : 'down';
    return { status: 'ok', db, redis: this.redis.current() };
  }
}
