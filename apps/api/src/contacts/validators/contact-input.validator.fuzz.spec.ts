import fc from 'fast-check';
import { CONTACT_DETAIL_NAMES, CONTACT_FIELD_MAX_LENGTH, CONTACT_FIELD_NAMES, type ContactFieldName } from '@contacts/wire-types';
import { ApiError } from '../../common/api-errors.js';
import { ContactInputValidator } from './contact-input.validator.js';

const validator = new ContactInputValidator();
const RUNS = 2000;

/** Characters as the validator (and PostgreSQL's varchar) count them: code points. */
const lengthOf = (s: string) => [...s].length;

/** Names with anything in them: unicode, quotes, SQL, FTS5 syntax, HTML, LIKE wildcards. */
const nasty = fc.constantFrom(`'; DROP TABLE contacts; --`, `"`, `*`, `NEAR(a b)`, `%`, `_`, `\\`, `<script>alert(1)</script>`, `O'Brien`, `a AND b OR NOT c`, `^`, `Ω≈ç√`, `👩‍👩‍👧`, `ß`, `İ`, `\u202E`);
const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ maxLength: 40 }), nasty, fc.array(nasty, { maxLength: 4 }).map((p) => p.join(' ')));
const nonBlank = (max: number) =>
  fc.tuple(fc.string({ unit: fc.constantFrom(' ', '\t', '\n'), maxLength: 3 }), text, fc.string({ unit: fc.constantFrom(' ', '\n'), maxLength: 3 }))
    .map(([a, b, c]) => `${a}x${b}${c}`)
    // U+0000 is refused by design (PostgreSQL cannot store it): not a valid value.
    .filter((s) => lengthOf(s.trim()) <= max && !s.includes('\u0000'));
const email = fc.tuple(fc.stringMatching(/^[^\s@]{1,30}$/), fc.stringMatching(/^[^\s@.]{1,20}$/), fc.stringMatching(/^[a-z]{2,6}$/))
  .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);
const phone = fc.stringMatching(/^[\d+\-(). ]{0,20}\d[\d+\-(). ]{0,8}$/).filter((p) => p.trim().length > 0 && /\d/.test(p.trim()));
const validBody = fc.record({ first_name: nonBlank(100), last_name: nonBlank(100), email, phone });

/** What a call gives back: clean fields, or the 400's body. Anything else is thrown. */
async function outcome(body: unknown, partial: boolean): Promise<{ ok: Record<string, string> } | { errors: Record<string, unknown> }> {
  try {
    return { ok: (await validator.validate(body, { partial } as never)) as Record<string, string> };
  } catch (error) {
    if (error instanceof ApiError && error.getStatus() === 400) return { errors: error.getResponse() as Record<string, unknown> };
    throw error;
  }
}

function isContractErrorShape(errors: Record<string, unknown>): boolean {
  const entries = Object.entries(errors);
  if (entries.length === 0) return false;
  return entries.every(([key, value]) =>
    key === 'detail' ? typeof value === 'string' : (CONTACT_FIELD_NAMES as readonly string[]).includes(key) && Array.isArray(value) && value.every((m) => typeof m === 'string'));
}

describe('ContactInputValidator under generated input', () => {
  it('any JSON value: clean fields or a 400 in the contract shape, never anything else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom(...CONTACT_FIELD_NAMES, 'id', 'extra'), fc.jsonValue())), fc.boolean(), async (body, partial) => {
        const result = await outcome(body, partial);
        if ('errors' in result) expect(isContractErrorShape(result.errors)).toBe(true);
        else for (const key of Object.keys(result.ok)) expect(CONTACT_FIELD_NAMES).toContain(key);
      }),
      { numRuns: RUNS },
    );
  });

  it('valid fields (unicode and injection-looking included) come back trimmed and otherwise verbatim', async () => {
    await fc.assert(
      fc.asyncProperty(validBody, async (body) => {
        const result = await outcome(body, false);
        expect(result).toEqual({ ok: Object.fromEntries(CONTACT_FIELD_NAMES.map((f) => [f, body[f].trim()])) });
      }),
      { numRuns: RUNS },
    );
  });

  it('a non-string value is a 400 keyed by that field', async () => {
    const notString = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.object({ maxDepth: 1 }));
    await fc.assert(
      fc.asyncProperty(validBody, fc.constantFrom(...CONTACT_FIELD_NAMES), notString, fc.boolean(), async (body, field, value, partial) => {
        const result = await outcome({ ...body, [field]: value }, partial);
        expect('errors' in result && Object.keys(result.errors)).toEqual([field]);
      }),
      { numRuns: RUNS },
    );
  });

  it('a value too long after trimming is a 400 keyed by that field', async () => {
    await fc.assert(
      fc.asyncProperty(validBody, fc.constantFrom<ContactFieldName>('first_name', 'last_name', 'phone'), fc.integer({ min: 1, max: 50 }), async (body, field, extra) => {
        const long = field === 'phone' ? '1'.repeat(CONTACT_FIELD_MAX_LENGTH.phone + extra) : 'é'.repeat(CONTACT_FIELD_MAX_LENGTH[field] + extra);
        const result = await outcome({ ...body, [field]: ` ${long} ` }, false);
        expect('errors' in result && Object.keys(result.errors)).toEqual([field]);
      }),
      { numRuns: RUNS / 4 },
    );
  });

  it('partial input returns exactly the valid fields that were sent', async () => {
    await fc.assert(
      fc.asyncProperty(validBody, fc.subarray([...CONTACT_FIELD_NAMES]), async (body, fields) => {
        const sent = Object.fromEntries(fields.map((f) => [f, body[f]]));
        const result = await outcome(sent, true);
        expect(result).toEqual({ ok: Object.fromEntries(fields.map((f) => [f, body[f].trim()])) });
      }),
      { numRuns: RUNS / 4 },
    );
  });

  it('any JSON as the details: clean details or a 400 keyed by a detail (`other_phones[2].value`), never anything else', async () => {
    const entry = fc.dictionary(fc.constantFrom('label', 'value', 'street', 'city', 'country', 'x'), fc.oneof(fc.jsonValue(), email, phone, text));
    const value = fc.oneof(fc.jsonValue(), text, fc.array(fc.oneof(entry, fc.jsonValue()), { maxLength: 12 }));
    const key = new RegExp(`^(${CONTACT_DETAIL_NAMES.join('|')})(\\[\\d+\\](\\.(label|value|street|city|region|postal_code|country))?)?$`);
    await fc.assert(
      fc.asyncProperty(validBody, fc.dictionary(fc.constantFrom(...CONTACT_DETAIL_NAMES), value), async (body, details) => {
        const result = await outcome({ ...body, ...details }, false);
        if ('errors' in result) {
          for (const [field, messages] of Object.entries(result.errors)) {
            expect(field).toMatch(key);
            expect(messages).toEqual([expect.any(String)]);
          }
        } else {
          for (const name of Object.keys(details)) expect(result.ok).toHaveProperty(name);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
