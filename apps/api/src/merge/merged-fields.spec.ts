import { type Contact, type LabeledValue, emptyContactDetails } from '@contacts/wire-types';
import { ApiError } from '../common/api-errors.js';
import { mergedFields, tooManyAfterMergeMessage } from './merged-fields.js';

function stored(id: number, fields: Partial<Contact> = {}): Contact {
  return {
    id,
    first_name: `First${id}`,
    last_name: `Last${id}`,
    email: `person${id}@example.com`,
    phone: `+1 212 555 ${1000 + id}`,
    address_book: 1,
    uid: `uid-${id}`,
    created_at: '2024-01-01T00:00:00.000Z',
    updated_at: '2024-01-02T00:00:00.000Z',
    ...emptyContactDetails(),
    ...fields,
  };
}

const entries = (label: string, values: string[]): LabeledValue[] => values.map((value) => ({ label, value }));

/** The value, or the error's status and body. */
function outcome<T>(run: () => T): T | { status: number; body: unknown } {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { status: error.getStatus(), body: error.getResponse() };
  }
}

const ADDRESS = { label: 'home', street: '12 St James’s Square', city: 'London', region: '', postal_code: 'SW1Y 4JH', country: 'UK' };

describe('mergedFields', () => {
  it("keeps the survivor's fields where nothing is chosen, and only the fields a contact is written with", () => {
    const survivor = stored(1, { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000', organization: 'Analytical Engines', notes: 'Countess' });
    expect(mergedFields(survivor, [], {})).toEqual({
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'ada@example.com',
      phone: '+44 20 7946 0000',
      organization: 'Analytical Engines',
      job_title: '',
      notes: 'Countess',
      birthday: null,
      other_emails: [],
      other_phones: [],
      addresses: [],
    });
  });

  it('every value given overrides, also an empty one', () => {
    const survivor = stored(1, { organization: 'Old Org', job_title: 'Engineer', notes: 'old notes', birthday: '1815-12-10' });
    const other = stored(2, { organization: 'Other Org', job_title: 'Writer', notes: 'from the other', addresses: [ADDRESS] });
    const merged = mergedFields(survivor, [other], {
      first_name: 'Ada',
      last_name: 'King',
      email: 'person2@example.com',
      phone: '+1 212 555 1002',
      organization: 'Chosen Org',
      job_title: '',
      notes: 'chosen notes',
      birthday: null,
      addresses: [],
    });
    expect(merged).toMatchObject({
      first_name: 'Ada',
      last_name: 'King',
      email: 'person2@example.com',
      phone: '+1 212 555 1002',
      organization: 'Chosen Org',
      job_title: '',
      notes: 'chosen notes',
      birthday: null,
      addresses: [],
    });
  });

  it("fills the survivor's empty details from the first other that has them, in request order", () => {
    const survivor = stored(1, { job_title: 'Mathematician', notes: '   ' });
    const second = stored(2, { organization: '', notes: 'second notes', birthday: '--12-10' });
    const third = stored(3, { organization: 'Third Org', job_title: 'Writer', notes: 'third notes', birthday: '1815-12-10', addresses: [ADDRESS] });
    expect(mergedFields(survivor, [second, third], {})).toMatchObject({
      organization: 'Third Org',
      job_title: 'Mathematician',
      notes: 'second notes',
      birthday: '--12-10',
      addresses: [ADDRESS],
    });
    // The first other in the request wins, whatever its id.
    expect(mergedFields(survivor, [third, second], {})).toMatchObject({ notes: 'third notes', birthday: '1815-12-10' });
  });

  it('keeps every email of the others, after the chosen list, without repeating one in another case', () => {
    const survivor = stored(1, { email: 'ada@example.com', other_emails: entries('work', ['ada@work.example']) });
    const second = stored(2, { email: 'ADA@WORK.example', other_emails: [{ label: 'home', value: 'lovelace@home.example' }, { label: 'old', value: ' Ada@Example.com ' }] });
    const third = stored(3, { email: 'countess@example.org', other_emails: entries('home', ['Lovelace@Home.example']) });
    expect(mergedFields(survivor, [second, third], {}).other_emails).toEqual([
      { label: 'work', value: 'ada@work.example' },
      { label: 'home', value: 'lovelace@home.example' },
      { label: '', value: 'countess@example.org' },
    ]);
  });

  it("keeps the survivor's primary email, label \"\", when another one is chosen", () => {
    const survivor = stored(1, { email: 'ada@example.com', other_emails: entries('work', ['ada@work.example']) });
    const other = stored(2, { email: 'countess@example.org' });
    const merged = mergedFields(survivor, [other], { email: 'countess@example.org' });
    expect(merged.email).toBe('countess@example.org');
    expect(merged.other_emails).toEqual([
      { label: 'work', value: 'ada@work.example' },
      { label: '', value: 'ada@example.com' },
    ]);
  });

  it('a chosen list comes first, then what it would otherwise lose', () => {
    const survivor = stored(1, { email: 'ada@example.com', other_emails: entries('work', ['ada@work.example', 'old@example.com']) });
    const other = stored(2, { email: 'countess@example.org' });
    const merged = mergedFields(survivor, [other], { other_emails: entries('chosen', ['countess@example.org', 'new@example.com']) });
    expect(merged.other_emails).toEqual([
      { label: 'chosen', value: 'countess@example.org' },
      { label: 'chosen', value: 'new@example.com' },
      { label: 'work', value: 'ada@work.example' },
      { label: 'work', value: 'old@example.com' },
    ]);
  });

  it('keeps every phone of the others, skipping the same number written another way', () => {
    const survivor = stored(1, { phone: '+44 20 7946 0000', other_phones: entries('mobile', ['+1 (415) 555-0100']) });
    const second = stored(2, { phone: '020 7946 0000', other_phones: [{ label: 'work', value: '415.555.0100' }, { label: 'fax', value: '+1 212 555 0100' }] });
    const third = stored(3, { phone: '0044 (20) 7946-0001', other_phones: entries('old', ['(212) 555-0100']) });
    expect(mergedFields(survivor, [second, third], {}).other_phones).toEqual([
      { label: 'mobile', value: '+1 (415) 555-0100' },
      { label: 'fax', value: '+1 212 555 0100' },
      { label: '', value: '0044 (20) 7946-0001' },
    ]);
  });

  it("keeps the survivor's primary phone, label \"\", when another one is chosen", () => {
    const survivor = stored(1, { phone: '+44 20 7946 0000' });
    const other = stored(2, { phone: '+1 415 555 0100' });
    const merged = mergedFields(survivor, [other], { phone: '415-555-0100' });
    expect(merged.phone).toBe('415-555-0100');
    expect(merged.other_phones).toEqual([{ label: '', value: '+44 20 7946 0000' }]);
  });

  it('shares no list or entry with its inputs', () => {
    const survivor = stored(1, { other_emails: entries('work', ['ada@work.example']), addresses: [] });
    const other = stored(2, { addresses: [ADDRESS] });
    const merged = mergedFields(survivor, [other], {});
    merged.other_emails[0].value = 'changed@example.com';
    merged.addresses[0].city = 'Paris';
    expect(survivor.other_emails[0].value).toBe('ada@work.example');
    expect(other.addresses[0].city).toBe('London');
  });

  it('exactly 10 other emails and phones fit', () => {
    const survivor = stored(1, { other_emails: entries('', Array.from({ length: 9 }, (_, index) => `kept${index}@example.com`)) });
    const merged = mergedFields(survivor, [stored(2)], {});
    expect(merged.other_emails).toHaveLength(10);
    expect(merged.other_phones).toHaveLength(1);
  });

  it('more than 10 other emails → 400 {"other_emails": [...]}', () => {
    const survivor = stored(1, { other_emails: entries('', Array.from({ length: 6 }, (_, index) => `a${index}@example.com`)) });
    const other = stored(2, { other_emails: entries('', Array.from({ length: 4 }, (_, index) => `b${index}@example.com`)) });
    // 6 + 4 + the other's primary email = 11.
    expect(outcome(() => mergedFields(survivor, [other], {}))).toEqual({
      status: 400,
      body: { other_emails: [tooManyAfterMergeMessage(11, 10, 'email addresses')] },
    });
  });

  it('more than 10 other phones → 400 {"other_phones": [...]}, with the emails too when both overflow', () => {
    const phones = (first: number) => entries('', Array.from({ length: 5 }, (_, index) => `+1 415 555 ${first + index}`));
    const survivor = stored(1, { other_phones: phones(1000) });
    const others = [stored(2, { other_phones: phones(2000) }), stored(3)];
    expect(outcome(() => mergedFields(survivor, others, {}))).toEqual({
      status: 400,
      body: { other_phones: [tooManyAfterMergeMessage(12, 10, 'phone numbers')] },
    });
    const manyEmails = entries('', Array.from({ length: 10 }, (_, index) => `c${index}@example.com`));
    expect(outcome(() => mergedFields({ ...survivor, other_emails: manyEmails }, others, {}))).toEqual({
      status: 400,
      body: {
        other_emails: [tooManyAfterMergeMessage(12, 10, 'email addresses')],
        other_phones: [tooManyAfterMergeMessage(12, 10, 'phone numbers')],
      },
    });
  });

  it('a value chosen as the primary one leaves the lists it was in, and the replaced primary takes its place there', () => {
    const survivor = stored(1, {
      email: 'ada@home.example',
      phone: '+1 303 555 0100',
      other_emails: [{ label: 'old', value: 'ada@work.example' }, { label: 'work', value: 'ada@lab.example' }],
      other_phones: [{ label: 'old', value: '303-555-0177' }],
    });
    const other = stored(2, { email: 'ada@work.example', phone: '+1 303 555 0177' });
    const fields = mergedFields(survivor, [other], { email: 'ada@work.example', phone: '+1 303 555 0177' });
    expect(fields.other_emails).toEqual([{ label: 'work', value: 'ada@lab.example' }, { label: '', value: 'ada@home.example' }]);
    expect(fields.other_phones).toEqual([{ label: '', value: '+1 303 555 0100' }]);
  });

});
