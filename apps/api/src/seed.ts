import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from './config/app-config.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { announceThroughRedis } from './redis/redis-event-publisher.js';
import { SEED_ENTITIES, seedContacts, seededEvents } from './seed/seed-contacts.js';

/** `node dist/api/apps/api/src/seed.js N`: N realistic contacts with their versions. */
async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 10_000);
  if (!Number.isInteger(count) || count < 1 || count > 10_000_000) {
    throw new ConfigError(`usage: seed N (1 … 10,000,000), got "${process.argv[2]}"`);
  }
  const config = loadConfig();
  const dataSource = await new DataSource(dataSourceOptions(config.database, SEED_ENTITIES)).initialize();
  const started = Date.now();
  try {
    const range = await seedContacts(dataSource, count);
    console.log(`seeded ${count} contacts in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (config.redisUrl) {
      // Live clients hear about the new contacts now; without Redis they catch up through /api/changes/.
      const sent = await announceThroughRedis(config.redisUrl, seededEvents(dataSource, range), { redisPrefix: config.redisPrefix });
      console.log(`announced ${sent} of ${range.last - range.after} events through Redis`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
