import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module.js';
import { HistoryModule } from '../history/history.module.js';
import { BookDirectory } from './book-directory.js';
import { CarddavController } from './carddav.controller.js';
import { CarddavService } from './carddav.service.js';
import { DavBooks } from './dav-books.js';
import { DavCards } from './dav-cards.js';
import { DavPropfind } from './dav-propfind.js';
import { DavReports } from './dav-reports.js';
import { WellKnownController } from './well-known.controller.js';

/** Where the books' names come from: a module and the provider of it that has `list(access)`. */
export interface BookSource {
  module: Type | DynamicModule;
  directory: Type<BookDirectory>;
}

/**
 * CardDAV (RFC 6352, sync from RFC 6578, discovery from RFC 6764) under /dav/: the books a
 * caller can read as address book collections, their contacts as vCard 3.0 cards, every
 * write through the contacts' mutations. The composition root names where the books come
 * from (address-books/, which carddav may not import). Fastify's side (methods, no
 * compression, OPTIONS) is dav-http.ts, called by the app factory before routes exist.
 */
@Module({})
export class CarddavModule {
  static register(books: BookSource): DynamicModule {
    return {
      module: CarddavModule,
      imports: [ContactsModule, HistoryModule, books.module],
      controllers: [WellKnownController, CarddavController],
      providers: [CarddavService, DavBooks, DavPropfind, DavReports, DavCards, { provide: BookDirectory, useExisting: books.directory }],
    };
  }
}
