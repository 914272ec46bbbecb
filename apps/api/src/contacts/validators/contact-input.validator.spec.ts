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

  describe('the details', () => {
    it('come back trimmed and rebuilt with only their known keys; absent ones stay absent', async () => {
      const clean = await validator.validate(
        {
          ...valid,
          organization: ' Engines ',
          notes: ' a\nb ',
          other_emails: [{ label: ' work ', value: ' ada@work.example ', extra: 1 }, { value: 'ada@home.example' }],
          addresses: [{ city: ' London ', label: 'home' }],
        },
        { partial: false },
      );
      expect(clean).toEqual({
        ...valid,
        organization: 'Engines',
        notes: 'a\nb',
        other_emails: [{ label: 'work', value: 'ada@work.example' }, { label: '', value: 'ada@home.example' }],
        addresses: [{ label: 'home', street: '', city: 'London', region: '', postal_code: '', country: '' }],
      });
      expect(await validator.validate({ notes: 'x' }, { partial: true })).toEqual({ notes: 'x' });
    });

    it('keys list errors by entry and part, with the four fields\' errors beside them', async () => {
      const errors = await errorsOf(
        validator.validate(
          {
            ...valid,
            email: 'nope',
            other_phones: [{ value: '1' }, { value: '2' }, { label: 'mobile', value: 'abc' }],
            other_emails: [{ value: 'ok@example.com' }, 'str', { label: 'x'.repeat(51), value: '' }, { label: 'home' }],
            addresses: [{ city: 'c'.repeat(201) }],
          },
          { partial: false },
        ),
      );
      expect(errors).toEqual({
        email: ['Enter a valid email address.'],
        'other_phones[2].value': ['Enter a valid phone number.'],
        'other_emails[1]': ['Invalid data. Expected a dictionary, but got str.'],
        'other_emails[2].label': ['Ensure this field has no more than 50 characters.'],
        'other_emails[2].value': ['This field may not be blank.'],
        'other_emails[3].value': ['This field is required.'],
        'addresses[0].city': ['Ensure this field has no more than 200 characters.'],
      });
    });

    it('refuses a list of the wrong type or too long, with DRF\'s messages', async () => {
      const eleven = Array.from({ length: 11 }, (_, i) => ({ value: `a${i}@example.com` }));
      expect(
        await errorsOf(validator.validate({ other_emails: eleven, other_phones: 'x', addresses: null, organization: 5, notes: 'n'.repeat(10_001) }, { partial: true })),
      ).toEqual({
        other_emails: ['Ensure this field has no more than 10 elements.'],
        other_phones: ['Expected a list of items but got type "str".'],
        addresses: ['This field may not be null.'],
        organization: ['Not a valid string.'],
        notes: ['Ensure this field has no more than 10000 characters.'],
      });
      expect(await errorsOf(validator.validate({ addresses: [{}, {}, {}, {}, {}, {}] }, { partial: true }))).toEqual({
        addresses: ['Ensure this field has no more than 5 elements.'],
      });
    });

    it('a birthday is a real date, with or without its year; null or empty means none', async () => {
      for (const ok of ['1815-12-10', '--12-10', '2024-02-29', '--02-29']) {
        expect(await validator.validate({ birthday: ok }, { partial: true })).toEqual({ birthday: ok });
      }
      expect(await validator.validate({ birthday: null }, { partial: true })).toEqual({ birthday: null });
      expect(await validator.validate({ birthday: ' ' }, { partial: true })).toEqual({ birthday: null });
      for (const impossible of ['2023-02-30', '2023-02-29', '--02-30', '2023-13-01', '0000-01-01', '2023-04-31']) {
        expect(await errorsOf(validator.validate({ birthday: impossible }, { partial: true }))).toEqual({ birthday: ['Enter a valid date.'] });
      }
      for (const malformed of ['10/12/1815', '1815-12-1', 18151210, '--1210']) {
        expect(await errorsOf(validator.validate({ birthday: malformed }, { partial: true }))).toEqual({
          birthday: ['Date has wrong format. Use one of these formats instead: YYYY-MM-DD, --MM-DD.'],
        });
      }
    });

    it('an address with no part at all is dropped (an empty form row)', async () => {
      expect(await validator.validate({ addresses: [{ label: 'home' }, { city: 'Paris' }] }, { partial: true })).toEqual({
        addresses: [{ label: '', street: '', city: 'Paris', region: '', postal_code: '', country: '' }],
      });
    });
  });
});
