import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AddressBookEntity } from './address-book.entity.js';
import { AddressBookProvisioner } from './address-book-provisioner.js';
import { AddressBooksController } from './address-books.controller.js';
import { AddressBooksRepository } from './address-books.repository.js';
import { AddressBooksService } from './address-books.service.js';
import { BookMemberEntity } from './book-member.entity.js';
import { BookRoles } from './book-roles.js';
import { BookRolesRepository } from './book-roles.repository.js';

/**
 * Address books, members and roles. Needs a BookContactsEraser from the app (contacts
 * provides it: deleting a book deletes its contacts through the contacts write path);
 * exports AddressBookProvisioner, the app's NewAccountBooks.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AddressBookEntity, BookMemberEntity])],
  controllers: [AddressBooksController],
  providers: [BookRolesRepository, BookRoles, AddressBooksRepository, AddressBooksService, AddressBookProvisioner],
  exports: [BookRoles, AddressBookProvisioner, AddressBooksService],
})
export class AddressBooksModule {}
