import { emptyContactDetails } from '@contacts/wire-types';
import {
  birthdayError,
  birthdayParts,
  birthdayValue,
  changedFields,
  emptyForm,
  formFromFields,
  formIsEmpty,
  formToFields,
  fullFields,
  newLabeledRow,
} from './contact-form';

const ada = { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', phone: '+44 1' };

describe('birthday with and without its year', () => {
  it('makes 1815-12-10 from day, month and year, and --12-10 without the year', () => {
    expect(birthdayValue({ day: '10', month: '12', year: '1815' })).toBe('1815-12-10');
    expect(birthdayValue({ day: '10', month: '12', year: '' })).toBe('--12-10');
    expect(birthdayValue({ day: '3', month: '4', year: ' ' })).toBe('--04-03');
    expect(birthdayValue({ day: '', month: '', year: '' })).toBeNull();
  });

  it('reads both wire forms back into the inputs', () => {
    expect(birthdayParts('1815-12-10')).toEqual({ day: '10', month: '12', year: '1815' });
    expect(birthdayParts('--02-29')).toEqual({ day: '29', month: '2', year: '' });
    expect(birthdayParts(null)).toEqual({ day: '', month: '', year: '' });
  });

  it('refuses dates that do not exist, but 29 February without a year is a real birthday', () => {
    expect(birthdayError({ day: '30', month: '2', year: '2023' })).toBe('Enter a valid date.');
    expect(birthdayError({ day: '29', month: '2', year: '2023' })).toBe('Enter a valid date.');
    expect(birthdayError({ day: '29', month: '2', year: '2024' })).toBeNull();
    expect(birthdayError({ day: '29', month: '2', year: '' })).toBeNull();
    expect(birthdayError({ day: '31', month: '4', year: '' })).toBe('Enter a valid date.');
  });

  it('wants the day and the month, and a four-digit year when there is one', () => {
    expect(birthdayError({ day: '10', month: '', year: '' })).toMatch(/day and the month/);
    expect(birthdayError({ day: '', month: '', year: '1815' })).toMatch(/day and the month/);
    expect(birthdayError({ day: '10', month: '12', year: '815' })).toMatch(/four digits/);
    expect(birthdayError({ day: '', month: '', year: '' })).toBeNull();
  });
});

describe('the form and the wire fields', () => {
  const full = {
    ...ada,
    organization: 'Analytical Engines',
    job_title: 'Analyst',
    notes: 'Met at Babbage’s',
    birthday: '--12-10',
    other_emails: [{ label: 'work', value: 'ada@work.example' }],
    other_phones: [
      { label: 'mobile', value: '+44 2' },
      { label: 'Lab', value: '+44 3' },
    ],
    addresses: [{ label: 'home', street: '12 St James’s Square', city: 'London', region: '', postal_code: 'SW1', country: 'UK' }],
  };

  it('round-trips every field', () => {
    expect(formToFields(formFromFields(full))).toEqual(full);
  });

  it('trims like the server and keeps blank rows in place (so row errors keep their index)', () => {
    const form = { ...formFromFields(ada), organization: '  AE  ', other_phones: [newLabeledRow(' mobile ', ' +44 2 '), newLabeledRow('work', '')] };
    const fields = formToFields(form);
    expect(fields.organization).toBe('AE');
    expect(fields.other_phones).toEqual([
      { label: 'mobile', value: '+44 2' },
      { label: 'work', value: '' },
    ]);
  });

  it('fills details an old version lacks with empty values', () => {
    expect(fullFields(ada)).toEqual({ ...ada, ...emptyContactDetails() });
  });

  it('a PATCH holds only what changed, a list as a whole', () => {
    const base = fullFields(full);
    const next = { ...base, other_phones: [base.other_phones[0], { label: 'Lab', value: '+44 9' }], notes: base.notes };
    expect(changedFields(base, next)).toEqual({ other_phones: next.other_phones });
    expect(changedFields(base, { ...base, birthday: null })).toEqual({ birthday: null });
    expect(changedFields(base, base)).toEqual({});
  });

  it('is empty until something is typed; a new row’s preset label does not count', () => {
    const form = emptyForm();
    expect(formIsEmpty(form)).toBe(true);
    expect(formIsEmpty({ ...form, other_phones: [newLabeledRow('mobile')] })).toBe(true);
    expect(formIsEmpty({ ...form, birthday: { day: '1', month: '', year: '' } })).toBe(false);
    expect(formIsEmpty({ ...form, notes: 'x' })).toBe(false);
  });
});
