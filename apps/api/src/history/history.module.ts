import { Module } from '@nestjs/common';
import { HistoryController } from './history.controller.js';
import { HistoryService } from './history.service.js';
import { VersionsRepository } from './versions.repository.js';

@Module({
  controllers: [HistoryController],
  providers: [HistoryService, VersionsRepository],
  exports: [VersionsRepository, HistoryService],
})
export class HistoryModule {}
