import { CONTACT_FIELD_MAX_LENGTH } from '@contacts/wire-types';
import { hasErrors, trimFields, validateContact } from './contact-validation';

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
