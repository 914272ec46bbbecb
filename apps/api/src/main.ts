import { bootLogger, createApp } from './app-factory.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { GracefulShutdown } from './lifecycle/graceful-shutdown.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  new GracefulShutdown(app, config).install();
  await app.listen(config.port, config.host);
  bootLogger.log(`Contacts listening on http://localhost:${config.port} (database: ${config.database.kind}, redis: ${config.redisUrl ? 'on' : 'off'})`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
