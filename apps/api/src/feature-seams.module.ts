import { Global, Module } from '@nestjs/common';
import { NewAccountBooks } from './accounts/new-account-books.js';
import { AddressBookProvisioner } from './address-books/address-book-provisioner.js';
import { AddressBooksModule } from './address-books/address-books.module.js';
import { ContactsModule } from './contacts/contacts.module.js';

/**
 * The composition root's seams between features that may not import each other: a new
 * account's first book comes from address-books (NewAccountBooks), and deleting a book
 * deletes its contacts through the contacts write path (BookContactsEraser, exported by
 * ContactsModule). Features depend on the abstract classes only.
 */
@Global()
@Module({
  imports: [AddressBooksModule, ContactsModule],
  providers: [{ provide: NewAccountBooks, useExisting: AddressBookProvisioner }],
  exports: [NewAccountBooks, ContactsModule],
})
export class FeatureSeamsModule {}
