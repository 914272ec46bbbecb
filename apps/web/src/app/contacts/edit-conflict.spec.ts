import { emptyContactDetails, type Contact } from '@contacts/wire-types';
import type { FullContactFields } from '../shared/contact-form';
import { buildConflict } from './edit-conflict.component';

const original: FullContactFields = { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', phone: '1', ...emptyContactDetails() };
const theirs: Contact = {
  id: 1,
  ...original,
  email: 'ada.lovelace@example.com',
  address_book: 1,
  uid: 'u1',
  created_at: '2026-11-26T10:00:00.000Z',
  updated_at: '2026-11-26T10:00:09.000Z',
};

describe('buildConflict', () => {
  it('keeps my edits and their other changes in the merged version', () => {
    const mine = { ...original, first_name: 'Augusta' };
    const c = buildConflict(original, mine, theirs, '"v2"');
    expect(c.merged).toEqual({ ...original, first_name: 'Augusta', email: 'ada.lovelace@example.com' });
    expect(c.rows).toEqual([
      { field: 'first_name', label: 'First name', yours: 'Augusta', theirs: 'Ada' },
      { field: 'email', label: 'Email', yours: null, theirs: 'ada.lovelace@example.com' },
    ]);
    expect(c.etag).toBe('"v2"');
  });

  it('lets my edit win on a field we both changed', () => {
    const mine = { ...original, email: 'mine@example.com' };
    const c = buildConflict(original, mine, theirs, null);
    expect(c.merged.email).toBe('mine@example.com');
    expect(c.rows).toEqual([{ field: 'email', label: 'Email', yours: 'mine@example.com', theirs: 'ada.lovelace@example.com' }]);
  });

  it('merges the lists too: my phones kept, their new organization kept', () => {
    const server = { ...theirs, email: original.email, organization: 'Analytical Engines' };
    const mine = { ...original, other_phones: [{ label: 'work', value: '+44 1' }] };
    const c = buildConflict(original, mine, server, null);
    expect(c.merged.other_phones).toEqual([{ label: 'work', value: '+44 1' }]);
    expect(c.merged.organization).toBe('Analytical Engines');
    expect(c.rows).toEqual([
      { field: 'organization', label: 'Organization', yours: null, theirs: 'Analytical Engines' },
      { field: 'other_phones', label: 'Other phones', yours: 'work: +44 1', theirs: '' },
    ]);
  });
});
