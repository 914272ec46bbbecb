import { describeChangedFields, diffFields } from './field-diff';

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
