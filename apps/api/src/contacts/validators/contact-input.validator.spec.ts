import { ContactInputValidator } from './contact-input.validator.js';
import { ApiError } from '../../common/api-errors.js';

const valid = { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', phone: '+1-555-1000' };

async function errorsOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error.getResponse();
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('ContactInputValidator', () => {
  const validator = new ContactInputValidator();

  it('trims and keeps only the four fields', async () => {
    const clean = await validator.validate({ ...valid, first_name: '  Ada ', id: 9, extra: 'x' }, { partial: false });
    expect(clean).toEqual(valid);
  });

  it('reports each missing field with DRF wording', async () => {
    expect(await errorsOf(validator.validate({}, { partial: false }))).toEqual({
      first_name: ['This field is required.'],
      last_name: ['This field is required.'],
      email: ['This field is required.'],
      phone: ['This field is required.'],
    });
  });

  it('rejects blanks, non-strings, nulls, bad email and bad phone, one message per field', async () => {
    const errors = await errorsOf(
      validator.validate({ first_name: '   ', last_name: 42, email: 'nope', phone: 'abc' }, { partial: false }),
    );
    expect(errors).toEqual({
      first_name: ['This field may not be blank.'],
      last_name: ['Not a valid string.'],
      email: ['Enter a valid email address.'],
      phone: ['Enter a valid phone number.'],
    });
    expect(await errorsOf(validator.validate({ email: null }, { partial: true }))).toEqual({
      email: ['This field may not be null.'],
    });
  });

  it('enforces the length limits', async () => {
    const errors = await errorsOf(validator.validate({ ...valid, first_name: 'x'.repeat(101) }, { partial: false }));
    expect(errors).toEqual({ first_name: ['Ensure this field has no more than 100 characters.'] });
  });

  it('counts characters as the database does: code points, variation selectors included', async () => {
    const emoji = '\u{1F600}'.repeat(100); // 100 characters, 200 UTF-16 units
    expect(await validator.validate({ ...valid, first_name: emoji }, { partial: false })).toMatchObject({ first_name: emoji });
    const withSelector = `${'a'.repeat(100)}\uFE0F`; // 101 characters for PostgreSQL's varchar(100)
    expect(await errorsOf(validator.validate({ ...valid, first_name: withSelector }, { partial: false }))).toEqual({
      first_name: ['Ensure this field has no more than 100 characters.'],
    });
  });

  it('refuses NUL characters, which PostgreSQL cannot store', async () => {
    expect(await errorsOf(validator.validate({ ...valid, last_name: 'Love\u0000lace' }, { partial: false }))).toEqual({
      last_name: ['Null characters are not allowed.'],
    });
  });

  it('checks only present fields when partial', async () => {
    expect(await validator.validate({ phone: '555 1234' }, { partial: true })).toEqual({ phone: '555 1234' });
  });

  it('asks the uniqueness check only for a well-formed email', async () => {
    const asked: string[] = [];
    const emailTaken = async (email: string) => {
      asked.push(email);
      return email === 'taken@example.com';
    };
    expect(await errorsOf(validator.validate({ ...valid, email: 'taken@example.com' }, { partial: false, emailTaken }))).toEqual({
      email: ['Email must be unique.'],
    });
    await errorsOf(validator.validate({ ...valid, email: 'bad' }, { partial: false, emailTaken }));
    expect(asked).toEqual(['taken@example.com']);
  });

  it('rejects a body that is not an object', async () => {
    expect(await errorsOf(validator.validate([1], { partial: false }))).toEqual({
      detail: 'Invalid data. Expected a dictionary, but got list.',
    });
  });
});
