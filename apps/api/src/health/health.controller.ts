import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import type { Health } from '@contacts/wire-types';
import { ApiJson } from '../openapi/api-errors.decorator.js';
import { ref } from '../openapi/schemas.js';
import { RedisState } from './redis-state.js';

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisState,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'getHealth', summary: 'Whether the database and Redis answer' })
  @ApiJson(200, 'The database answers', 'Health')
  @ApiJson(503, 'The database does not answer (a Health with "db": "down"), or the server is shutting down ({"detail"})', {
    oneOf: [ref('Health'), ref('Detail')],
  })
  async health(@Res({ passthrough: true }) res: FastifyReply): Promise<Health> {
    const db = await this.dataSource.query('SELECT 1').then(() => 'up' as const, () => 'down' as const);
    if (db === 'down') res.status(503);
    return { status: 'ok', db, redis: this.redis.current() };
  }
}
