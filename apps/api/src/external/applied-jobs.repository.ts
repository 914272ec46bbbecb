import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { nowIso } from '../common/clock.js';

/** `applied_jobs`: one row per queue job whose mutation committed. */
@Injectable()
export class AppliedJobsRepository {
  /**
   * Inside the mutation's write transaction (serialised across processes): true if this
   * job had not been applied and is now recorded, false if it already was.
   */
  async claim(manager: EntityManager, jobKey: string): Promise<boolean> {
    const [p1, p2] = manager.connection.options.type === 'postgres' ? ['$1', '$2'] : ['?', '?'];
    const found: unknown[] = await manager.query(`SELECT 1 FROM applied_jobs WHERE job_key = ${p1}`, [jobKey]);
    if (found.length > 0) return false;
    await manager.query(`INSERT INTO applied_jobs (job_key, applied_at) VALUES (${p1}, ${p2})`, [jobKey, nowIso()]);
    return true;
  }
}
