import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import {
  CONTACT_DETAIL_LIMITS as LIMITS,
  CONTACT_EVENT_TYPES,
  CONTACT_FIELD_MAX_LENGTH as MAX,
  DEFAULT_CHANGES_LIMIT,
  EDITED_REASONS,
  EDITED_VIA,
  MAX_CHANGES_LIMIT,
} from '@contacts/wire-types';

/*
 * The wire types of docs/CONTRACT.md as OpenAPI 3.0 component schemas. The TypeScript
 * types live in @contacts/wire-types; the web app's client is generated from this
 * document and assigned to those types, so the two cannot drift apart unnoticed.
 * Objects stay open (no additionalProperties: false): the contract lets later versions
 * add fields that old clients ignore.
 */

const text = (example: string, extra: SchemaObject = {}): SchemaObject => ({ type: 'string', example, ...extra });
const timestamp = (example: string): SchemaObject => ({ type: 'string', format: 'date-time', example, readOnly: true });
const id = (description: string, example = 1): SchemaObject => ({ type: 'integer', minimum: 1, example, description });

/** Who made a change, as a snapshot taken then; null when no account made it (AUTH=none, a service token, the database). */
const EDITED_BY: SchemaObject = {
  type: 'object',
  nullable: true,
  description: 'Who made the change (a snapshot of their name then); null without an account: AUTH=none, a service token, a change made in the database',
  properties: { id: id('The user’s id'), name: text('Ada Lovelace') },
  required: ['id', 'name'],
};

const CONTACT_FIELDS: Record<string, SchemaObject> = {
  first_name: text('Ada', { maxLength: MAX.first_name }),
  last_name: text('Lovelace', { maxLength: MAX.last_name }),
  email: text('ada@example.com', { maxLength: MAX.email, description: 'Unique, case-insensitively' }),
  phone: text('+1-555-1000', { maxLength: MAX.phone, description: 'Digits with + - ( ) . and spaces' }),
};
const FIELD_NAMES = Object.keys(CONTACT_FIELDS);

const LABEL = text('work', { maxLength: LIMITS.label, description: 'Free text: home, work, mobile, an Apple custom label …' });
const listOf = (schema: 'LabeledValue' | 'PostalAddress', maxItems: number, description: string): SchemaObject => ({
  type: 'array',
  items: { $ref: `#/components/schemas/${schema}` },
  maxItems,
  description,
});

/** The optional fields (contract Part 2, "Richer contacts"): empty by default. */
const DETAIL_FIELDS: Record<string, SchemaObject> = {
  organization: text('Analytical Engines Ltd', { maxLength: LIMITS.organization }),
  job_title: text('Mathematician', { maxLength: LIMITS.job_title }),
  notes: text('Met at the Royal Society.', { maxLength: LIMITS.notes }),
  birthday: {
    type: 'string',
    nullable: true,
    pattern: '^(\\d{4}|-)-\\d{2}-\\d{2}$',
    example: '1815-12-10',
    description: 'A real date: `1815-12-10`, or `--12-10` without the year; null for none',
  },
  other_emails: listOf('LabeledValue', LIMITS.otherEmails, 'More email addresses (not part of the uniqueness rule)'),
  other_phones: listOf('LabeledValue', LIMITS.otherPhones, 'More phone numbers (the syntax of `phone`)'),
  addresses: listOf('PostalAddress', LIMITS.addresses, 'Postal addresses'),
};
const DETAIL_NAMES = Object.keys(DETAIL_FIELDS);
const UID: SchemaObject = {
  type: 'string',
  readOnly: true,
  maxLength: 255,
  example: '0b7c7d0e-3f1b-4c8e-9a51-2d1f0c6b9e4a',
  description: 'The vCard UID: stable for the contact’s life (kept from an imported or synced card, else generated)',
};

const BOOK = id('The address book it lives in (AUTH=none: always the one shared book)');
const BOOK_INPUT: SchemaObject = {
  type: 'integer',
  minimum: 1,
  description: 'POST: the book to create it in (default: the caller’s first own book). PUT/PATCH: moves the contact (editor of both books); it keeps its id and history',
};
const ROLE: SchemaObject = { type: 'string', enum: ['owner', 'editor', 'viewer'], description: 'The caller’s role (members list: the member’s)' };
const USER_REF: SchemaObject = { type: 'object', properties: { id: id('The user’s id'), name: text('Ada Lovelace') }, required: ['id', 'name'] };

/** What a client may send: strings, trimmed; non-blank (the server answers 400 keyed by field otherwise). */
const INPUT_FIELDS = Object.fromEntries(
  Object.entries(CONTACT_FIELDS).map(([name, schema]) => [name, { ...schema, minLength: 1 }]),
) as Record<string, SchemaObject>;

const EVENT_SCHEMA: Record<(typeof CONTACT_EVENT_TYPES)[number], string> = {
  'contact.created': 'ContactCreatedEvent',
  'contact.updated': 'ContactUpdatedEvent',
  'contact.deleted': 'ContactDeletedEvent',
};

export const COMPONENT_SCHEMAS = {
  Contact: {
    type: 'object',
    properties: {
      id: { ...id('Read-only; kept through delete and restore'), readOnly: true },
      ...CONTACT_FIELDS,
      ...DETAIL_FIELDS,
      address_book: BOOK,
      uid: UID,
      created_at: timestamp('2026-11-26T10:00:00.000Z'),
      updated_at: timestamp('2026-11-26T10:00:00.000Z'),
    },
    required: ['id', ...FIELD_NAMES, ...DETAIL_NAMES, 'address_book', 'uid', 'created_at', 'updated_at'],
  },
  LabeledValue: {
    type: 'object',
    description: 'One more email or phone with its label (input: `label` may be left out, = empty). Errors are keyed by entry: `other_phones[2].value`.',
    properties: { label: LABEL, value: text('ada@work.example', { description: 'An email address (other_emails) or a phone number (other_phones)' }) },
    required: ['label', 'value'],
  },
  PostalAddress: {
    type: 'object',
    description: `A postal address; on input every part may be left out (= empty; an address with no part is dropped), at most ${LIMITS.addressPart} characters each. Errors are keyed \`addresses[0].city\`.`,
    properties: {
      label: LABEL,
      street: text('12 St James’s Square', { maxLength: LIMITS.addressPart }),
      city: text('London', { maxLength: LIMITS.addressPart }),
      region: text('', { maxLength: LIMITS.addressPart }),
      postal_code: text('SW1Y 4JH', { maxLength: LIMITS.addressPart }),
      country: text('United Kingdom', { maxLength: LIMITS.addressPart }),
    },
    required: ['label', 'street', 'city', 'region', 'postal_code', 'country'],
  },
  ContactInput: {
    type: 'object',
    description:
      'POST and PUT: all four fields (and optionally the book); the details are optional: absent on POST = empty, on PUT = unchanged. Unknown fields are ignored.',
    properties: { ...INPUT_FIELDS, ...DETAIL_FIELDS, address_book: BOOK_INPUT },
    required: FIELD_NAMES,
  },
  ContactPatch: {
    type: 'object',
    description: 'PATCH: any subset of the fields (a list given replaces the whole list), and `address_book` to move it. Unknown fields are ignored.',
    properties: { ...INPUT_FIELDS, ...DETAIL_FIELDS, address_book: BOOK_INPUT },
  },
  ExternalUpdate: {
    type: 'object',
    description: 'An update from another service: the contact id and any subset of the fields, validated like PATCH.',
    properties: { id: id('The contact to update'), ...INPUT_FIELDS, ...DETAIL_FIELDS },
    required: ['id'],
  },
  RevertRequest: {
    type: 'object',
    properties: { version: id('Id of one of this contact’s versions', 7) },
    required: ['version'],
  },
  ContactPage: {
    type: 'object',
    description: 'Django REST Framework’s page envelope; next/previous are absolute URLs.',
    properties: {
      count: { type: 'integer', minimum: 0, example: 42 },
      next: { type: 'string', nullable: true, example: 'http://localhost:8000/api/contacts/?page=3' },
      previous: { type: 'string', nullable: true, example: 'http://localhost:8000/api/contacts/' },
      results: { type: 'array', items: { $ref: '#/components/schemas/Contact' } },
    },
    required: ['count', 'next', 'previous', 'results'],
  },
  Version: {
    type: 'object',
    description: 'One immutable snapshot of a contact, written by every mutation in the same transaction.',
    properties: {
      id: id('Also the realtime seq of the mutation that wrote it', 7),
      contact: id('The contact’s id'),
      address_book: id('The book the contact was in after this change'),
      ...CONTACT_FIELDS,
      ...DETAIL_FIELDS,
      edited_at: timestamp('2026-11-26T10:00:20.000Z'),
      edited_reason: { type: 'string', enum: [...EDITED_REASONS], example: 'created' },
      edited_by: EDITED_BY,
      edited_via: { type: 'string', enum: [...EDITED_VIA], example: 'api', description: 'The channel the change came through' },
    },
    required: ['id', 'contact', 'address_book', ...FIELD_NAMES, ...DETAIL_NAMES, 'edited_at', 'edited_reason', 'edited_by', 'edited_via'],
  },
  ContactCreatedEvent: contactEvent('contact.created', 'A create, or a restore'),
  ContactUpdatedEvent: contactEvent('contact.updated', 'An update, a revert or an external update'),
  ContactDeletedEvent: {
    type: 'object',
    description: 'A delete',
    properties: {
      type: { type: 'string', enum: ['contact.deleted'] },
      contact_id: id('The deleted contact’s id'),
      seq: seq(),
      edited_by: EDITED_BY,
      address_book: id('The book it was deleted from'),
    },
    required: ['type', 'contact_id', 'seq', 'edited_by', 'address_book'],
  },
  ContactEvent: {
    description:
      'A realtime event, as sent once per mutation after its commit on Socket.IO (namespace /contacts, event name = type) ' +
      'and the plain WebSocket /ws/contacts/ (one JSON text frame each), and as replayed by GET /api/changes/.',
    oneOf: CONTACT_EVENT_TYPES.map((type) => ({ $ref: `#/components/schemas/${EVENT_SCHEMA[type]}` })),
    discriminator: {
      propertyName: 'type',
      mapping: Object.fromEntries(CONTACT_EVENT_TYPES.map((type) => [type, `#/components/schemas/${EVENT_SCHEMA[type]}`])),
    },
  },
  ChangesPage: {
    type: 'object',
    description: `The catch-up feed: events after \`since\` in seq order, at most \`limit\` (default ${DEFAULT_CHANGES_LIMIT}, at most ${MAX_CHANGES_LIMIT}).`,
    properties: {
      results: { type: 'array', items: { $ref: '#/components/schemas/ContactEvent' } },
      last_seq: { type: 'integer', minimum: 0, example: 42, description: 'Seq of the last event returned (the newest seq when none): the next `since`' },
    },
    required: ['results', 'last_seq'],
  },
  FieldErrors: {
    type: 'object',
    description: 'Messages keyed by field, e.g. {"email": ["Email must be unique."]}',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    minProperties: 1,
    example: { email: ['Email must be unique.'] },
  },
  Detail: {
    type: 'object',
    description: 'An error not tied to one field',
    properties: { detail: { type: 'string', example: 'Not found.' } },
    required: ['detail'],
  },
  FieldOrDetailError: {
    description: 'Field errors, or {"detail"} for an error about the request as a whole (e.g. malformed JSON, a body that is not an object)',
    oneOf: [{ $ref: '#/components/schemas/FieldErrors' }, { $ref: '#/components/schemas/Detail' }],
  },
  User: {
    type: 'object',
    properties: {
      id: id('The user’s id'),
      email: text('ada@example.com'),
      name: text('Ada Lovelace'),
      is_admin: { type: 'boolean', description: 'The first account is the admin; admins create accounts' },
      created_at: timestamp('2026-11-26T10:00:00.000Z'),
    },
    required: ['id', 'email', 'name', 'is_admin', 'created_at'],
  },
  AuthResponse: {
    type: 'object',
    description: 'The signed-in user; the session cookie comes with it',
    properties: { user: { $ref: '#/components/schemas/User' } },
    required: ['user'],
  },
  ApiToken: {
    type: 'object',
    description: 'A personal API token, without its secret',
    properties: {
      id: id('The token’s id'),
      name: text('laptop script'),
      created_at: timestamp('2026-11-26T10:00:00.000Z'),
      last_used_at: { type: 'string', format: 'date-time', nullable: true, readOnly: true },
    },
    required: ['id', 'name', 'created_at', 'last_used_at'],
  },
  CreatedApiToken: {
    type: 'object',
    description: 'A new token: `token` is shown in this answer only (the server keeps a hash)',
    properties: {
      id: id('The token’s id'),
      name: text('laptop script'),
      token: text('ctk_…', { description: 'Send as Authorization: Bearer <token>' }),
      created_at: timestamp('2026-11-26T10:00:00.000Z'),
      last_used_at: { type: 'string', format: 'date-time', nullable: true, readOnly: true },
    },
    required: ['id', 'name', 'token', 'created_at', 'last_used_at'],
  },
  AddressBook: {
    type: 'object',
    properties: {
      id: id('The book’s id', 3),
      name: text('Family', { maxLength: 100 }),
      owner: { ...USER_REF, nullable: true, description: 'Null only for AUTH=none’s shared book before any account exists' },
      role: ROLE,
      contact_count: { type: 'integer', minimum: 0, example: 12 },
      created_at: timestamp('2026-11-26T10:00:00.000Z'),
    },
    required: ['id', 'name', 'owner', 'role', 'contact_count', 'created_at'],
  },
  AddressBookMember: {
    type: 'object',
    properties: {
      user: {
        type: 'object',
        properties: { id: id('The user’s id'), name: text('Grace Hopper'), email: text('grace@example.com') },
        required: ['id', 'name', 'email'],
      },
      role: ROLE,
    },
    required: ['user', 'role'],
  },
  AddressBookSharedEvent: {
    type: 'object',
    description: 'Realtime: the caller gained a book (or its name or their role changed)',
    properties: { type: { type: 'string', enum: ['address_book.shared'] }, address_book: { $ref: '#/components/schemas/AddressBook' } },
    required: ['type', 'address_book'],
  },
  AddressBookUnsharedEvent: {
    type: 'object',
    description: 'Realtime: the caller lost a book (unshared, left or deleted)',
    properties: { type: { type: 'string', enum: ['address_book.unshared'] }, address_book_id: id('The book’s id', 3) },
    required: ['type', 'address_book_id'],
  },
  Health: {
    type: 'object',
    properties: {
      status: { type: 'string', enum: ['ok'] },
      db: { type: 'string', enum: ['up', 'down'] },
      redis: { type: 'string', enum: ['up', 'down', 'disabled'] },
    },
    required: ['status', 'db', 'redis'],
  },
} satisfies Record<string, SchemaObject>;

export type SchemaName = keyof typeof COMPONENT_SCHEMAS;

/** `{$ref}` to one of the schemas above (the name is checked at compile time). */
export const ref = (name: SchemaName): ReferenceObject => ({ $ref: `#/components/schemas/${name}` });

function seq(): SchemaObject {
  return { type: 'integer', minimum: 1, example: 42, description: 'Id of the version the mutation wrote: grows with every mutation' };
}

function contactEvent(type: string, description: string): SchemaObject {
  return {
    type: 'object',
    description,
    properties: {
      type: { type: 'string', enum: [type] },
      contact: { $ref: '#/components/schemas/Contact' },
      seq: seq(),
      edited_by: EDITED_BY,
      address_book: id('The book the contact is in after the change'),
    },
    required: ['type', 'contact', 'seq', 'edited_by', 'address_book'],
  };
}
