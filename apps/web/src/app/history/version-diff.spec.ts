import { EDITED_REASONS, emptyContactDetails, type Version } from '@contacts/wire-types';
import { REASON_LABELS, buildVersionEntries } from './version-diff';

function v(id: number, reason: Version['edited_reason'], fields: Partial<Version> = {}): Version {
  return {
    id,
    contact: 1,
    address_book: 1,
    first_name: 'Ada',
    last_name: 'Lovelace',
    email: 'ada@example.com',
    phone: '1',
    ...emptyContactDetails(),
    edited_at: `2026-11-26T10:00:0${id}.000Z`,
    edited_reason: reason,
    edited_by: null,
    edited_via: 'api',
    ...fields,
  };
}

describe('buildVersionEntries', () => {
  it('diffs each version against the next older one (API order is latest first)', () => {
    const entries = buildVersionEntries([v(3, 'reverted'), v(2, 'updated', { email: 'new@example.com' }), v(1, 'created')]);
    expect(entries.map((e) => e.isCurrent)).toEqual([true, false, false]);
    expect(entries[1].changes).toEqual([{ field: 'email', label: 'Email', before: 'ada@example.com', after: 'new@example.com' }]);
    // The revert put the old email back.
    expect(entries[0].changes).toEqual([{ field: 'email', label: 'Email', before: 'new@example.com', after: 'ada@example.com' }]);
    expect(entries[2].changes).toHaveLength(4);
  });

  it('says who made each version and how', () => {
    const entries = buildVersionEntries([
      v(2, 'updated', { edited_via: 'database' }),
      v(1, 'created', { edited_by: { id: 1, name: 'Ada Lovelace' }, edited_via: 'web' }),
    ]);
    expect(entries.map((e) => e.editedBy)).toEqual(['Edited via the database', 'Ada Lovelace created in the web app']);
  });

  it('labels every reason, merges and their undo included', () => {
    expect(EDITED_REASONS.map((r) => REASON_LABELS[r])).toEqual(['Created', 'Edited', 'Updated externally', 'Deleted', 'Reverted', 'Restored', 'Merged', 'Unmerged']);
    const entries = buildVersionEntries([v(3, 'unmerged'), v(2, 'merged', { edited_by: { id: 1, name: 'Ada Lovelace' }, edited_via: 'web' }), v(1, 'created')]);
    expect(entries.map((e) => e.editedBy)).toEqual(['Unmerged via the API', 'Ada Lovelace merged in the web app', 'Created via the API']);
  });

  it('shows no field changes for a delete', () => {
    const entries = buildVersionEntries([v(2, 'deleted'), v(1, 'created')]);
    expect(entries[0].changes).toEqual([]);
  });

  it('diffs every field a version carries, the lists included', () => {
    const entries = buildVersionEntries([
      v(3, 'updated', { other_phones: [{ label: 'mobile', value: '+44 2' }], organization: 'AE' }),
      v(2, 'updated', { other_phones: [{ label: 'mobile', value: '+44 1' }], organization: 'AE' }),
      v(1, 'created'),
    ]);
    expect(entries[0].changes.map((c) => [c.field, c.items])).toEqual([
      [
        'other_phones',
        [
          { text: 'mobile: +44 1', change: 'removed' },
          { text: 'mobile: +44 2', change: 'added' },
        ],
      ],
    ]);
    expect(entries[1].changes.map((c) => c.field)).toEqual(['organization', 'other_phones']);
  });
});
