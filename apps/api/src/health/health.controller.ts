import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import type { Health } from '@contacts/wire-types';
import { HealthSchema } from '../openapi/schemas.js';
import { RedisState } from './redis-state.js';

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisState,
  ) {}

  @Get()
  @ApiOkResponse({ type: HealthSchema, description: '503 when the database does not answer' })
  async health(@Res({ passthrough: true }) res: FastifyReply): Promise<Health> {
    const db = await this.dataSource.query('SELECT 1').then(() => 'up' as const, () => 'down' as const);
    if (db === 'down') res.status(503);
    return { status: 'ok', db, redis: this.redis.current() };
  }
}
