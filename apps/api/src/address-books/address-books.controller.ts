import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AddressBook, AddressBookMember } from '@contacts/wire-types';
import { AccountsOnly, CurrentAccess } from '../access/access.decorators.js';
import { BookAccess } from '../access/book-access.js';
import { IdPipe } from '../common/id.pipe.js';
import {
  ApiAddMemberBody,
  ApiBook,
  ApiBookErrors,
  ApiBookId,
  ApiBookList,
  ApiBookNameBody,
  ApiChangeMemberBody,
  ApiMember,
  ApiMemberId,
  ApiMemberList,
} from './address-books.openapi.js';
import { AddressBooksService } from './address-books.service.js';

@ApiTags('address-books')
@Controller('api/address-books')
export class AddressBooksController {
  constructor(private readonly books: AddressBooksService) {}

  @Get()
  @ApiOperation({ operationId: 'listAddressBooks', summary: 'The books the caller owns or is a member of (AUTH=none: the one shared book)' })
  @ApiBookList()
  @ApiBookErrors(401)
  list(@CurrentAccess() access: BookAccess): Promise<AddressBook[]> {
    return this.books.list(access);
  }

  @Post()
  @AccountsOnly()
  @ApiOperation({ operationId: 'createAddressBook', summary: 'Create a book the caller owns' })
  @ApiBookNameBody()
  @ApiBook(201, 'Created')
  @ApiBookErrors(400, 401, 403, 404)
  create(@CurrentAccess() access: BookAccess, @Body() body: unknown): Promise<AddressBook> {
    return this.books.create(access, body);
  }

  @Patch(':id')
  @AccountsOnly()
  @ApiOperation({ operationId: 'renameAddressBook', summary: 'Rename a book (owner only)' })
  @ApiBookId()
  @ApiBookNameBody()
  @ApiBook(200, 'The renamed book')
  @ApiBookErrors(400, 401, 403, 404)
  rename(@CurrentAccess() access: BookAccess, @Param('id', IdPipe) id: number, @Body() body: unknown): Promise<AddressBook> {
    return this.books.rename(access, id, body);
  }

  @Delete(':id')
  @AccountsOnly()
  @HttpCode(204)
  @ApiOperation({
    operationId: 'deleteAddressBook',
    summary: 'Delete a book and its contacts (owner only)',
    description: 'Each contact is deleted the normal way (a `deleted` version and event each); the caller’s last own book cannot be deleted (409).',
  })
  @ApiBookId()
  @ApiNoContentResponse({ description: 'Deleted, with its contacts and members' })
  @ApiBookErrors(401, 403, 404, 409)
  remove(@CurrentAccess() access: BookAccess, @Param('id', IdPipe) id: number): Promise<void> {
    return this.books.remove(access, id);
  }

  @Get(':id/members')
  @AccountsOnly()
  @ApiOperation({ operationId: 'listAddressBookMembers', summary: 'Who may use a book, the owner included (any member)' })
  @ApiBookId()
  @ApiMemberList()
  @ApiBookErrors(401, 404)
  members(@CurrentAccess() access: BookAccess, @Param('id', IdPipe) id: number): Promise<AddressBookMember[]> {
    return this.books.members(access, id);
  }

  @Post(':id/members')
  @AccountsOnly()
  @ApiOperation({ operationId: 'addAddressBookMember', summary: 'Share a book with an account, by its email (owner only)' })
  @ApiBookId()
  @ApiAddMemberBody()
  @ApiMember(201, 'The new member')
  @ApiBookErrors(400, 401, 403, 404)
  addMember(@CurrentAccess() access: BookAccess, @Param('id', IdPipe) id: number, @Body() body: unknown): Promise<AddressBookMember> {
    return this.books.addMember(access, id, body);
  }

  @Patch(':id/members/:user_id')
  @AccountsOnly()
  @ApiOperation({ operationId: 'changeAddressBookMember', summary: 'Change a member’s role (owner only; the owner’s own role is fixed: 409)' })
  @ApiBookId()
  @ApiMemberId()
  @ApiChangeMemberBody()
  @ApiMember(200, 'The member with the new role')
  @ApiBookErrors(400, 401, 403, 404, 409)
  changeMember(
    @CurrentAccess() access: BookAccess,
    @Param('id', IdPipe) id: number,
    @Param('user_id', IdPipe) userId: number,
    @Body() body: unknown,
  ): Promise<AddressBookMember> {
    return this.books.changeMember(access, id, userId, body);
  }

  @Delete(':id/members/:user_id')
  @AccountsOnly()
  @HttpCode(204)
  @ApiOperation({ operationId: 'removeAddressBookMember', summary: 'The owner removes a member, or a member leaves (the owner cannot leave: 409)' })
  @ApiBookId()
  @ApiMemberId()
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiBookErrors(401, 403, 404, 409)
  removeMember(@CurrentAccess() access: BookAccess, @Param('id', IdPipe) id: number, @Param('user_id', IdPipe) userId: number): Promise<void> {
    return this.books.removeMember(access, id, userId);
  }
}
