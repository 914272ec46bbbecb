import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from './config/app-config.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { seedContacts } from './seed/seed-contacts.js';

/** `node dist/api/apps/api/src/seed.js N`: N realistic contacts with their versions. */
async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 10_000);
  if (!Number.isInteger(count) || count < 1 || count > 10_000_000) {
    throw new ConfigError(`usage: seed N (1 … 10,000,000), got "${process.argv[2]}"`);
  }
  const config = loadConfig();
  const dataSource = await new DataSource(dataSourceOptions(config.database)).initialize();
  const started = Date.now();
  try {
    const events = await seedContacts(dataSource, count);
    console.log(`seeded ${count} contacts in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (config.redisUrl) await announce(config.redisUrl, events);
  } finally {
    await dataSource.destroy();
  }
}

/** With Redis, live clients hear about the new contacts; without it they catch up through /api/changes/. */
async function announce(_redisUrl: string, _events: unknown[]): Promise<void> {
  // Wired to the realtime publisher once it lands.
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
