import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module.js';
import { DismissalsRepository } from './dismissals.repository.js';
import { DismissalsService } from './dismissals.service.js';
import { DuplicatesController } from './duplicates.controller.js';
import { DuplicatesService } from './duplicates.service.js';
import { MatchIndex } from './match-index.service.js';
import { MatchKeysRepository } from './match-keys.repository.js';
import { MergeService } from './merge.service.js';
import { MergesController } from './merges.controller.js';
import { MergesRepository } from './merges.repository.js';

/**
 * Duplicates and merging: suggestions from an index the database keeps marked and this
 * module keeps computed, and merges (with their undo) written through the contacts write path.
 */
@Module({
  imports: [ContactsModule],
  controllers: [DuplicatesController, MergesController],
  providers: [DuplicatesService, MergeService, MergesRepository, MatchIndex, MatchKeysRepository, DismissalsService, DismissalsRepository],
})
export class MergeModule {}
