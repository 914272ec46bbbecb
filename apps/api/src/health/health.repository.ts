import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Whether the database answers: a ping on the writer's connection, the one every write needs. */
@Injectable()
export class HealthRepository {
  constructor(private readonly dataSource: DataSource) {}

  databaseAnswers(): Promise<boolean> {
    return this.dataSource.query('SELECT 1').then(() => true, () => false);
  }
}
