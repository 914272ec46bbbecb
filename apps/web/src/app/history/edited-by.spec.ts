import type { Version } from '@contacts/wire-types';
import { editedByLabel } from './edited-by';

type Attribution = Pick<Version, 'edited_reason' | 'edited_by' | 'edited_via'>;
const ada = { id: 7, name: 'Ada Lovelace' };

describe('editedByLabel', () => {
  it('names the editor and the channel when an account made the change', () => {
    expect(editedByLabel({ edited_reason: 'updated', edited_by: ada, edited_via: 'web' })).toBe('Ada Lovelace edited in the web app');
    expect(editedByLabel({ edited_reason: 'created', edited_by: ada, edited_via: 'carddav' })).toBe('Ada Lovelace created via CardDAV');
    expect(editedByLabel({ edited_reason: 'external_update', edited_by: ada, edited_via: 'external' })).toBe(
      'Ada Lovelace updated via an external update',
    );
    expect(editedByLabel({ edited_reason: 'restored', edited_by: ada, edited_via: 'api' })).toBe('Ada Lovelace restored via the API');
    expect(editedByLabel({ edited_reason: 'merged', edited_by: ada, edited_via: 'web' })).toBe('Ada Lovelace merged in the web app');
    expect(editedByLabel({ edited_reason: 'unmerged', edited_by: null, edited_via: 'api' })).toBe('Unmerged via the API');
  });

  it('says only how when no account made the change', () => {
    const cases: [Attribution, string][] = [
      [{ edited_reason: 'updated', edited_by: null, edited_via: 'database' }, 'Edited via the database'],
      [{ edited_reason: 'created', edited_by: null, edited_via: 'database' }, 'Created via the database'],
      [{ edited_reason: 'deleted', edited_by: null, edited_via: 'database' }, 'Deleted via the database'],
      [{ edited_reason: 'updated', edited_by: null, edited_via: 'api' }, 'Edited via the API'],
      [{ edited_reason: 'reverted', edited_by: null, edited_via: 'api' }, 'Reverted via the API'],
      [{ edited_reason: 'external_update', edited_by: null, edited_via: 'external' }, 'External update'],
      [{ edited_reason: 'created', edited_by: null, edited_via: 'import' }, 'Created by an import'],
    ];
    for (const [version, label] of cases) expect(editedByLabel(version)).toBe(label);
  });

  it('treats a blank editor name as no editor, and leaves out a channel it does not know', () => {
    expect(editedByLabel({ edited_reason: 'updated', edited_by: { id: 3, name: '  ' }, edited_via: 'api' })).toBe('Edited via the API');
    const unknown = { edited_reason: 'updated', edited_by: ada, edited_via: 'fax' } as unknown as Attribution;
    expect(editedByLabel(unknown)).toBe('Ada Lovelace edited');
  });
});
