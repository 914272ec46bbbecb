import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BookContactsEraser } from '../address-books/book-contacts-eraser.js';
import { ContactRevisionWriter } from '../history/contact-revision-writer.js';
import { BookContactsEraserService } from './book-contacts-eraser.service.js';
import { HistoryModule } from '../history/history.module.js';
import { ContactCreateService } from './contact-create.service.js';
import { ContactMutations } from './contact-mutations.js';
import { ContactPageCache } from './contact-page-cache.js';
import { ContactEntity } from './contact.entity.js';
import { ContactsController } from './contacts.controller.js';
import { ContactSearchRepository } from './contact-search.repository.js';
import { ContactPagesRepository } from './contact-pages.repository.js';
import { ContactsRepository } from './contacts.repository.js';
import { ContactsService } from './contacts.service.js';
import { EmailReservations } from './email-reservations.js';
import { EmailReservationsRepository } from './email-reservations.repository.js';
import { IdempotencyKeysRepository } from './idempotency-keys.repository.js';
import { IdempotencyStore } from './idempotency-store.js';
import { MutationContextRepository } from './mutation-context.repository.js';
import { PendingCreates } from './pending-creates.js';
import { ContactInputValidator } from './validators/contact-input.validator.js';

@Module({
  imports: [TypeOrmModule.forFeature([ContactEntity]), HistoryModule],
  controllers: [ContactsController],
  providers: [
    ContactsService,
    ContactPageCache,
    ContactCreateService,
    ContactMutations,
    // History's revert and restore write through the one write path.
    { provide: ContactRevisionWriter, useExisting: ContactMutations },
    // Deleting a book deletes its contacts through the same path.
    BookContactsEraserService,
    { provide: BookContactsEraser, useExisting: BookContactsEraserService },
    ContactsRepository,
    ContactPagesRepository,
    ContactSearchRepository,
    MutationContextRepository,
    ContactInputValidator,
    EmailReservations,
    EmailReservationsRepository,
    IdempotencyKeysRepository,
    IdempotencyStore,
    PendingCreates,
  ],
  // Imports (and CardDAV later) write cards through ContactMutations.writeCard, validated as any other input.
  exports: [ContactsService, ContactMutations, ContactInputValidator, ContactRevisionWriter, BookContactsEraser],
})
export class ContactsModule {}
