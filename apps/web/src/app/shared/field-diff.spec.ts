import { emptyContactDetails } from '@contacts/wire-types';
import { describeChangedFields, diffFields, formatAddress, formatBirthday } from './field-diff';

const a = { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', phone: '1' };

describe('diffFields', () => {
  it('lists only changed fields, in form order, with before and after', () => {
    const changes = diffFields(a, { ...a, phone: '2', first_name: 'Augusta' });
    expect(changes).toEqual([
      { field: 'first_name', label: 'First name', before: 'Ada', after: 'Augusta' },
      { field: 'phone', label: 'Phone', before: '1', after: '2' },
    ]);
  });

  it('returns nothing for identical values', () => {
    expect(diffFields(a, { ...a })).toEqual([]);
  });

  it('treats a missing previous version as every field being set', () => {
    expect(diffFields(null, a).map((c) => c.field)).toEqual(['first_name', 'last_name', 'email', 'phone']);
  });

  it('describes changed fields in words', () => {
    expect(describeChangedFields(diffFields(a, { ...a, email: 'x@y.z' }))).toBe('Email');
    expect(describeChangedFields(diffFields(a, { ...a, email: 'x@y.z', phone: '9', last_name: 'B' }))).toBe(
      'Last name, Email and Phone',
    );
  });
});

describe('diffFields, every field', () => {
  const base = { ...a, ...emptyContactDetails() };
  const home = { label: 'home', street: '12 St James’s Square', city: 'London', region: '', postal_code: 'SW1Y 4JH', country: 'UK' };

  it('shows which entry of a list changed: one phone edited among several', () => {
    const before = { ...base, other_phones: [{ label: 'mobile', value: '+44 1' }, { label: 'work', value: '+44 2' }, { label: 'Lab', value: '+44 3' }] };
    const after = { ...before, other_phones: [before.other_phones[0], { label: 'work', value: '+44 9' }, before.other_phones[2]] };
    const [change] = diffFields(before, after);
    expect(change.field).toBe('other_phones');
    expect(change.label).toBe('Other phones');
    // In place: the old number right before the new one, between the ones that stayed.
    expect(change.items).toEqual([
      { text: 'mobile: +44 1', change: 'kept' },
      { text: 'work: +44 2', change: 'removed' },
      { text: 'work: +44 9', change: 'added' },
      { text: 'Lab: +44 3', change: 'kept' },
    ]);
    expect(change.after).toBe('mobile: +44 1; work: +44 9; Lab: +44 3');
  });

  it('covers the text details, the birthday, the emails and the addresses, in form order', () => {
    const after = {
      ...base,
      organization: 'AE',
      notes: 'Poet’s daughter',
      birthday: '1815-12-10',
      other_emails: [{ label: '', value: 'ada@work.example' }],
      addresses: [home],
    };
    const changes = diffFields(base, after);
    expect(changes.map((c) => c.field)).toEqual(['organization', 'birthday', 'other_emails', 'addresses', 'notes']);
    expect(changes[1].after).toBe(formatBirthday('1815-12-10'));
    expect(changes[2].items).toEqual([{ text: 'ada@work.example', change: 'added' }]);
    expect(changes[3].items).toEqual([{ text: 'home: 12 St James’s Square, London, SW1Y 4JH, UK', change: 'added' }]);
    // Cleared again: the diff says what went.
    const cleared = diffFields(after, base);
    expect(cleared.find((c) => c.field === 'birthday')).toMatchObject({ before: formatBirthday('1815-12-10'), after: '' });
    expect(cleared.find((c) => c.field === 'addresses')?.items).toEqual([{ text: 'home: 12 St James’s Square, London, SW1Y 4JH, UK', change: 'removed' }]);
  });

  it('a first version lists only the details it set; a version from before the details had them counts as empty', () => {
    expect(diffFields(null, { ...base, job_title: 'Analyst' }).map((c) => c.field)).toEqual(['first_name', 'last_name', 'email', 'phone', 'job_title']);
    expect(diffFields(a, base)).toEqual([]);
  });

  it('formats birthdays with and without the year, and addresses by their parts', () => {
    expect(formatBirthday('1815-12-10', 'en-GB')).toBe('10 December 1815');
    expect(formatBirthday('--12-10', 'en-GB')).toBe('10 December');
    expect(formatBirthday('--02-29', 'en-GB')).toBe('29 February');
    expect(formatAddress({ ...home, street: '', country: '' })).toBe('London, SW1Y 4JH');
  });

  it('lines up removed, added and kept entries like a line diff', () => {
    const change = (before: string[], after: string[]) =>
      diffFields({ ...base, other_emails: before.map((value) => ({ label: '', value })) }, { ...base, other_emails: after.map((value) => ({ label: '', value })) })[0]
        .items!.map((i) => `${i.change === 'kept' ? ' ' : i.change === 'added' ? '+' : '-'}${i.text}`);
    expect(change(['a', 'b', 'c'], ['a', 'c'])).toEqual([' a', '-b', ' c']);
    expect(change(['a', 'c'], ['a', 'b', 'c'])).toEqual([' a', '+b', ' c']);
    expect(change(['a', 'b'], ['b', 'a'])).toEqual(['-a', ' b', '+a']);
    expect(change([], ['x', 'x'])).toEqual(['+x', '+x']);
    expect(change(['x', 'y'], [])).toEqual(['-x', '-y']);
  });
});
