import { TestBed } from '@angular/core/testing';
import { emptyContactDetails, type Contact } from '@contacts/wire-types';
import { LocalEchoService } from './local-echo.service';

const contact: Contact = {
  id: 7,
  first_name: 'Ada',
  last_name: 'Lovelace',
  email: 'Ada@Example.com',
  phone: '1',
  address_book: 1,
  ...emptyContactDetails(),
  uid: 'uid-1',
  created_at: '2026-11-26T10:00:00.000Z',
  updated_at: '2026-11-26T10:00:00.000Z',
};

describe('LocalEchoService', () => {
  let echo: LocalEchoService;
  beforeEach(() => {
    echo = TestBed.inject(LocalEchoService);
  });

  it('recognises the echo of our own update by id and updated_at only', () => {
    echo.recordResult(contact);
    expect(echo.isLocal({ type: 'contact.updated', contact, seq: 1, edited_by: null, address_book: 1 })).toBe(true);
    const later = { ...contact, updated_at: '2026-11-26T10:00:05.000Z' };
    expect(echo.isLocal({ type: 'contact.updated', contact: later, seq: 2, edited_by: null, address_book: 1 })).toBe(false);
  });

  it('treats events for a contact with a mutation in flight as local until it settles', () => {
    const done = echo.begin(7);
    expect(echo.isLocal({ type: 'contact.deleted', contact_id: 7, seq: 3, edited_by: null, address_book: 1 })).toBe(true);
    done();
    expect(echo.isLocal({ type: 'contact.deleted', contact_id: 7, seq: 3, edited_by: null, address_book: 1 })).toBe(false);
  });

  it('matches a pending create by email, case-insensitively', () => {
    echo.beginCreate('ada@example.com ');
    expect(echo.isLocal({ type: 'contact.created', contact, seq: 4, edited_by: null, address_book: 1 })).toBe(true);
    expect(
      echo.isLocal({ type: 'contact.created', contact: { ...contact, id: 8, email: 'bob@example.com' }, seq: 5, edited_by: null, address_book: 1 }),
    ).toBe(false);
  });
});
