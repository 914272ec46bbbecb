import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Health } from '@contacts/wire-types';
import { ApiJson } from '../openapi/api-errors.decorator.js';
import { ref } from '../openapi/schemas.js';
import { HealthService } from './health.service.js';
import { Public } from '../access/access.decorators.js';

@ApiTags('health')
@Public()
@Controller('api/health')
export class HealthController {
  constructor(private readonly service: HealthService) {}

  @Get()
  @ApiOperation({ operationId: 'getHealth', summary: 'Whether the database and Redis answer' })
  @ApiJson(200, 'The database answers', 'Health')
  @ApiJson(503, 'The database does not answer (a Health with "db": "down"), or the server is shutting down ({"detail"})', {
    oneOf: [ref('Health'), ref('Detail')],
  })
  async health(@Res({ passthrough: true }) res: FastifyReply): Promise<Health> {
    const health = await this.service.check();
    if (health.db === 'down') res.status(503);
    return health;
  }
}
