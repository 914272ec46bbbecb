import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module.js';
import { ContactCreateService } from './contact-create.service.js';
import { ContactMutations } from './contact-mutations.js';
import { ContactPageCache } from './contact-page-cache.js';
import { ContactRevisionsController } from './contact-revisions.controller.js';
import { ContactRevisionsService } from './contact-revisions.service.js';
import { ContactsController } from './contacts.controller.js';
import { ContactsRepository } from './contacts.repository.js';
import { ContactsService } from './contacts.service.js';
import { EmailReservations } from './email-reservations.js';
import { IdempotencyStore } from './idempotency-store.js';
import { MutationContextRepository } from './mutation-context.repository.js';
import { PendingCreates } from './pending-creates.js';
import { ContactInputValidator } from './validators/contact-input.validator.js';

@Module({
  imports: [HistoryModule],
  // Revisions first: its literal `deleted` path must win over `:id`.
  controllers: [ContactRevisionsController, ContactsController],
  providers: [
    ContactsService,
    ContactPageCache,
    ContactCreateService,
    ContactRevisionsService,
    ContactMutations,
    ContactsRepository,
    MutationContextRepository,
    ContactInputValidator,
    EmailReservations,
    IdempotencyStore,
    PendingCreates,
  ],
  exports: [ContactsService, ContactsRepository, PendingCreates],
})
export class ContactsModule {}
