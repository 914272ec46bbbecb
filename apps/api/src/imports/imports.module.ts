import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactsModule } from '../contacts/contacts.module.js';
import { ExportService } from './export.service.js';
import { ImportBodyParser } from './import-body.js';
import { ImportJobEntity, ImportSkipEntity } from './import-job.entity.js';
import { ImportRunner } from './import-runner.js';
import { ImportSpool } from './import-spool.js';
import { ImportsController } from './imports.controller.js';
import { ImportsRepository } from './imports.repository.js';
import { ImportsService } from './imports.service.js';

/**
 * vCard and CSV in and out: import jobs (run in the process that took the upload, resumed
 * by the next one if it dies) writing through the contacts write path, and streamed export.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ImportJobEntity, ImportSkipEntity]), ContactsModule],
  controllers: [ImportsController],
  providers: [ImportBodyParser, ImportSpool, ImportsRepository, ImportRunner, ImportsService, ExportService],
})
export class ImportsModule {}
