import type { Contact } from '@contacts/wire-types';
import { testContact } from '../testing/contact-fixtures';
import { ContactVersions } from './contact-versions';

const at = (updated_at: string, id = 1): Contact => ({ ...testContact(id), updated_at });
const T1 = '2026-11-26T10:00:01.000Z';
const T2 = '2026-11-26T10:00:02.000Z';
const T3 = '2026-11-26T10:00:03.000Z';

describe('ContactVersions', () => {
  let versions: ContactVersions;
  beforeEach(() => {
    versions = new ContactVersions();
  });

  it('orders events by seq, not by updated_at (replica clocks may disagree)', () => {
    expect(versions.acceptEvent({ type: 'contact.updated', contact: at(T2), seq: 5, edited_by: null, address_book: 1 })).toBe(true);
    expect(versions.acceptEvent({ type: 'contact.updated', contact: at(T1), seq: 6, edited_by: null, address_book: 1 })).toBe(true);
    expect(versions.acceptEvent({ type: 'contact.updated', contact: at(T3), seq: 6, edited_by: null, address_book: 1 })).toBe(false);
    expect(versions.acceptEvent({ type: 'contact.updated', contact: at(T3), seq: 4, edited_by: null, address_book: 1 })).toBe(false);
  });

  it('accepts the echo of the row it already shows (same updated_at)', () => {
    expect(versions.acceptRow(at(T2))).toEqual(at(T2));
    expect(versions.acceptEvent({ type: 'contact.updated', contact: at(T2), seq: 7, edited_by: null, address_book: 1 })).toBe(true);
    expect(versions.acceptEvent({ type: 'contact.updated', contact: at(T1), seq: 8, edited_by: null, address_book: 1 })).toBe(true);
    // A GET answer with the version seq 8 brought does not outrank seq order afterwards.
    expect(versions.acceptRow(at(T1))).toEqual(at(T1));
    expect(versions.acceptEvent({ type: 'contact.updated', contact: at('2026-11-26T10:00:00.500Z'), seq: 9, edited_by: null, address_book: 1 })).toBe(true);
  });

  it('answers an older HTTP row with the newer version an event brought, or null after a delete', () => {
    versions.acceptEvent({ type: 'contact.updated', contact: at(T2), seq: 7, edited_by: null, address_book: 1 });
    expect(versions.acceptRow(at(T1))).toEqual(at(T2));
    expect(versions.acceptRow(at(T3))).toEqual(at(T3));
    versions.acceptEvent({ type: 'contact.deleted', contact_id: 1, seq: 8, edited_by: null, address_book: 1 });
    expect(versions.acceptRow(at(T3))).toBeNull();
    // Restored: a newer version, by seq and by updated_at.
    expect(versions.acceptEvent({ type: 'contact.created', contact: at(T3), seq: 9, edited_by: null, address_book: 1 })).toBe(true);
    expect(versions.acceptRow(at(T3))).toEqual(at(T3));
  });

  it('after our own DELETE accepts its echo and a later restore, not an older version', () => {
    versions.acceptRow(at(T2));
    versions.recordDelete(at(T2));
    expect(versions.acceptEvent({ type: 'contact.updated', contact: at(T2), seq: 3, edited_by: null, address_book: 1 })).toBe(false);
    expect(versions.acceptRow(at(T2))).toBeNull();
    expect(versions.acceptEvent({ type: 'contact.deleted', contact_id: 1, seq: 4, edited_by: null, address_book: 1 })).toBe(true);
    expect(versions.acceptEvent({ type: 'contact.created', contact: at(T3), seq: 5, edited_by: null, address_book: 1 })).toBe(true);
  });

  it('keeps contacts apart', () => {
    versions.acceptEvent({ type: 'contact.updated', contact: at(T2, 1), seq: 9, edited_by: null, address_book: 1 });
    expect(versions.acceptEvent({ type: 'contact.updated', contact: at(T1, 2), seq: 3, edited_by: null, address_book: 1 })).toBe(true);
  });
});
