import { CONTACT_DETAIL_LIMITS, CONTACT_FIELD_MAX_LENGTH } from '@contacts/wire-types';
import { emptyForm, newAddressRow, newLabeledRow } from './contact-form';
import { formErrorPaths, hasErrors, trimFields, validateContact, withoutRowErrors } from './contact-validation';

const valid = { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', phone: '+1 (555) 100-0.1' };

describe('validateContact', () => {
  it('accepts a valid contact', () => {
    expect(validateContact(valid)).toEqual({});
  });

  it('requires every field and treats white space as empty', () => {
    const errors = validateContact({ first_name: '  ', last_name: '', email: '', phone: '\t' });
    expect(Object.keys(errors).sort()).toEqual(['email', 'first_name', 'last_name', 'phone']);
    expect(errors.first_name).toBe('First name is required.');
  });

  it('enforces the server max lengths after trimming', () => {
    const max = CONTACT_FIELD_MAX_LENGTH.first_name;
    expect(validateContact({ ...valid, first_name: ` ${'a'.repeat(max)} ` }).first_name).toBeUndefined();
    expect(validateContact({ ...valid, first_name: 'a'.repeat(max + 1) }).first_name).toContain(`${max}`);
    expect(validateContact({ ...valid, phone: '1'.repeat(CONTACT_FIELD_MAX_LENGTH.phone + 1) }).phone).toMatch(/at most/);
  });

  it('counts length in code points like the server, so astral characters count once', () => {
    const max = CONTACT_FIELD_MAX_LENGTH.first_name;
    expect('😀'.repeat(max).length).toBe(2 * max); // UTF-16 units: the old count
    expect(validateContact({ ...valid, first_name: '😀'.repeat(max) }).first_name).toBeUndefined();
    expect(validateContact({ ...valid, first_name: '😀'.repeat(max + 1) }).first_name).toContain(`${max}`);
    expect(validateContact({ ...valid, last_name: '𝒜'.repeat(CONTACT_FIELD_MAX_LENGTH.last_name) }).last_name).toBeUndefined();
    const local = '😀'.repeat(CONTACT_FIELD_MAX_LENGTH.email - '@example.com'.length);
    expect(validateContact({ ...valid, email: `${local}@example.com` }).email).toBeUndefined();
    expect(validateContact({ ...valid, email: `😀${local}@example.com` }).email).toMatch(/at most/);
  });

  it('rejects malformed email and phone like the server', () => {
    expect(validateContact({ ...valid, email: 'ada@example' }).email).toBe('Enter a valid email address.');
    expect(validateContact({ ...valid, email: 'a da@example.com' }).email).toBeDefined();
    expect(validateContact({ ...valid, phone: 'abc' }).phone).toBeDefined();
    expect(validateContact({ ...valid, phone: '+-()' }).phone).toBeDefined();
  });

  it('trims surrounding white space', () => {
    expect(trimFields({ ...valid, email: '  ada@example.com ' }).email).toBe('ada@example.com');
    expect(hasErrors(validateContact({ ...valid, email: '  ada@example.com ' }))).toBe(false);
  });
});

describe('validateContact, the details', () => {
  const form = () => ({ ...emptyForm(), ...valid });

  it('accepts a complete valid form', () => {
    expect(
      validateContact({
        ...form(),
        organization: 'AE',
        birthday: { day: '10', month: '12', year: '' },
        other_emails: [newLabeledRow('work', 'ada@work.example')],
        other_phones: [newLabeledRow('mobile', '+44 20 7946 0000')],
        addresses: [{ ...newAddressRow('home'), city: 'London' }],
      }),
    ).toEqual({});
  });

  it('keys row messages by the server’s paths', () => {
    const errors = validateContact({
      ...form(),
      other_emails: [newLabeledRow('work', 'ada@work.example'), newLabeledRow('home', 'not-an-email')],
      other_phones: [newLabeledRow('mobile', '+1'), newLabeledRow('x'.repeat(CONTACT_DETAIL_LIMITS.label + 1), '+2'), newLabeledRow('work', 'abc')],
      addresses: [newAddressRow('home')],
    });
    expect(errors).toEqual({
      'other_emails[1].value': 'Enter a valid email address.',
      'other_phones[1].label': 'Label must be at most 50 characters.',
      'other_phones[2].value': 'Use digits and + - ( ) . or spaces.',
      'addresses[0].street': 'Fill in the address, or remove it.',
    });
  });

  it('refuses a blank row instead of dropping it (its neighbours keep their index)', () => {
    expect(validateContact({ ...form(), other_phones: [newLabeledRow('mobile', '  ')] })).toEqual({
      'other_phones[0].value': 'Enter a phone number, or remove this row.',
    });
  });

  it('checks lengths and list sizes like the server', () => {
    const tooMany = Array.from({ length: CONTACT_DETAIL_LIMITS.otherPhones + 1 }, (_, i) => newLabeledRow('mobile', `+${i}`));
    const errors = validateContact({
      ...form(),
      organization: 'o'.repeat(CONTACT_DETAIL_LIMITS.organization + 1),
      notes: '😀'.repeat(CONTACT_DETAIL_LIMITS.notes),
      other_phones: tooMany,
      birthday: { day: '30', month: '2', year: '' },
    });
    expect(errors).toEqual({
      organization: 'Organization must be at most 200 characters.',
      other_phones: 'At most 10 other phones.',
      birthday: 'Enter a valid date.',
    });
    expect(validateContact({ ...form(), notes: 'n'.repeat(CONTACT_DETAIL_LIMITS.notes + 1) }).notes).toBe('Notes must be at most 10,000 characters.');
  });
});

describe('withoutRowErrors', () => {
  it('drops the removed row’s messages and moves the later rows’ up by one', () => {
    const errors = {
      email: 'Email must be unique.',
      'other_phones[0].value': 'first',
      'other_phones[1].value': 'second',
      'other_phones[2].label': 'third',
      'other_emails[2].value': 'other list',
      other_phones: 'At most 10 other phones.',
    };
    expect(withoutRowErrors(errors, 'other_phones', 1)).toEqual({
      email: 'Email must be unique.',
      'other_phones[0].value': 'first',
      'other_phones[1].label': 'third',
      'other_emails[2].value': 'other list',
    });
  });

  it('knows which paths the form has inputs for', () => {
    const paths = formErrorPaths({ ...emptyForm(), other_phones: [newLabeledRow('mobile')] });
    expect(paths.has('other_phones[0].value')).toBe(true);
    expect(paths.has('other_phones[1].value')).toBe(false);
    expect(paths.has('birthday')).toBe(true);
  });
});
