import fc from 'fast-check';

/** Strings that look like attacks or trip parsers: SQL, FTS5 syntax, LIKE wildcards, HTML, unicode oddities. */
export const NASTY = [
  `'; DROP TABLE contacts; --`, `" OR 1=1 --`, `"`, `*`, `NEAR(a b)`, `a* OR b*`, `%`, `_`, `%_%`, `\\`, `^x`, `col:val`,
  `<script>alert(1)</script>`, `<img src=x onerror=alert(1)>`, `O'Brien`, `Ω≈ç√∫`, `👩‍👩‍👧 family`, `ﬁ ß İ ı`, `\u202Eevil`, `日本語テキスト`,
  `e\u0301`, `{{constructor}}`, `$(rm -rf /)`, `../../etc/passwd`,
];

const nasty = fc.constantFrom(...NASTY);
export const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ maxLength: 30 }), nasty);

/** A field value that must be accepted: non-blank, short enough even with the tag appended. */
export const okName = fc.tuple(nasty, fc.string({ unit: 'grapheme', maxLength: 20 })).map(([a, b]) => `${a}${b}`.trim()).filter((s) => [...s].length >= 1 && [...s].length <= 70);
export const okEmailLocal = fc.stringMatching(/^[^\s@"\\]{1,20}$/);
export const okPhone = fc.stringMatching(/^\+?[\d\-(). ]{0,15}\d$/).map((p) => p.trim());

/** The details as a client might send them: lists of entries (well-formed or not), dates, anything. */
const entry = fc.record(
  { label: fc.oneof(text, fc.jsonValue()), value: fc.oneof(text, okPhone, okEmailLocal.map((l) => `${l}@fz.example`), fc.jsonValue()), city: text },
  { requiredKeys: [] },
);
const detail = fc.oneof(text, fc.jsonValue(), fc.array(fc.oneof(entry, fc.jsonValue()), { maxLength: 12 }), fc.constantFrom('1815-12-10', '--02-29', '2023-02-30', null));

/** Anything a client could send as a JSON body. */
export const anyBody = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(fc.constantFrom('first_name', 'last_name', 'email', 'phone', 'id', 'created_at', 'x'), fc.oneof(text, fc.jsonValue())),
  fc.record({ first_name: text, last_name: text, email: fc.oneof(text, okEmailLocal.map((l) => `${l}@fz.example`)), phone: fc.oneof(text, okPhone) }, { requiredKeys: [] }),
  fc.dictionary(fc.constantFrom('organization', 'notes', 'birthday', 'other_emails', 'other_phones', 'addresses', 'uid', 'phone'), detail),
);

/** Header values fetch accepts (ByteString, no CR/LF). */
export const headerValue = fc.oneof(fc.stringMatching(/^[\x20-\x7e]{0,80}$/), fc.constantFrom('', '*', 'W/"x"', '"abc"', 'null', '\t', 'Bearer x'));

/** Raw query-string pieces, percent-encoded or not (invalid escapes included). */
export const queryValue = fc.oneof(
  text.map(encodeURIComponent),
  fc.stringMatching(/^[\x21-\x7e]{0,20}$/).map((s) => s.replace(/[#&]/g, '')),
  fc.constantFrom('%', '%zz', '%E0%A4%A', '-1', '0', '1e3', '99999999999999999999', '1.5', '[]', 'page', '%00'),
);
