import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactVersionEntity } from './contact-version.entity.js';
import { HistoryController } from './history.controller.js';
import { HistoryService } from './history.service.js';
import { VersionLog } from './version-log.js';
import { VersionsRepository } from './versions.repository.js';

/** Versions and the change feed. Other features read the history through VersionLog and HistoryService (CardDAV sync), never the repository. */
@Module({
  imports: [TypeOrmModule.forFeature([ContactVersionEntity])],
  controllers: [HistoryController],
  providers: [HistoryService, VersionsRepository, VersionLog],
  exports: [VersionLog, HistoryService],
})
export class HistoryModule {}
