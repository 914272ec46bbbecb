import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from './config/app-config.js';
import { dataSourceOptions } from './database/data-source-options.js';

/** Applies pending migrations and lists them. The server also does this at every start. */
async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = await new DataSource({ ...dataSourceOptions(config.database), migrationsRun: false }).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'all' });
    console.log(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}` : 'database is up to date');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
