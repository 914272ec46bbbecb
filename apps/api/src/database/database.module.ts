import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { bindIntegerParameters } from './bind-integer-parameters.js';
import { DatabaseReader } from './database-reader.js';
import { dataSourceOptions } from './data-source-options.js';
import { DataVersion } from './data-version.js';
import { WriteTransactions } from './write-transactions.js';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      // Each feature module registers its own entities (TypeOrmModule.forFeature): this module knows none.
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config.database), autoLoadEntities: true }),
      dataSourceFactory: async (options) => bindIntegerParameters(new DataSource(options!)).initialize(),
    }),
  ],
  providers: [
    WriteTransactions,
    // Injecting the writer's DataSource means it is initialised (migrated) before the reader opens.
    { provide: DatabaseReader, inject: [DataSource], useFactory: (writer: DataSource) => DatabaseReader.open(writer) },
    DataVersion,
  ],
  exports: [WriteTransactions, DatabaseReader, DataVersion],
})
export class DatabaseModule {}
