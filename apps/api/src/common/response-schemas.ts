/**
 * JSON schemas for Fastify's compiled serializer (fast-json-stringify) on the hottest
 * responses: several times faster than JSON.stringify for a page of contacts. They
 * describe exactly the wire types in @contacts/wire-types.
 */
const string = { type: 'string' } as const;

const CONTACT_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    first_name: string,
    last_name: string,
    email: string,
    phone: string,
    address_book: { type: 'integer' },
    created_at: string,
    updated_at: string,
  },
  required: ['id', 'first_name', 'last_name', 'email', 'phone', 'address_book', 'created_at', 'updated_at'],
} as const;

export const CONTACT_PAGE_RESPONSE = {
  response: {
    200: {
      type: 'object',
      properties: {
        count: { type: 'integer' },
        next: { type: ['string', 'null'] },
        previous: { type: ['string', 'null'] },
        results: { type: 'array', items: CONTACT_SCHEMA },
      },
      required: ['count', 'next', 'previous', 'results'],
    },
  },
};
