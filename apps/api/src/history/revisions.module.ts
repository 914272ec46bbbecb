import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { ContactRevisionsController } from './contact-revisions.controller.js';
import { ContactRevisionsService } from './contact-revisions.service.js';
import { HistoryModule } from './history.module.js';
import { VersionsRepository } from './versions.repository.js';

/**
 * Revert, restore and "recently deleted": history's routes, whose writes go through a
 * ContactRevisionWriter that `writer` provides (the contacts module). The composition
 * root names that module, so history imports no feature and the dependency keeps one
 * direction: contacts → history.
 */
@Module({})
export class RevisionsModule {
  static register(writer: Type | DynamicModule): DynamicModule {
    return {
      module: RevisionsModule,
      imports: [writer, HistoryModule],
      controllers: [ContactRevisionsController],
      providers: [ContactRevisionsService, VersionsRepository],
    };
  }
}
