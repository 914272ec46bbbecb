import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject, OperationObject, ParameterObject, PathItemObject, ReferenceObject, ResponseObject } from '@nestjs/swagger';
import { PLAIN_WS_PATH, SOCKET_IO_NAMESPACE } from '@contacts/wire-types';
import { NOT_AUTHENTICATED_MESSAGE, PERMISSION_DENIED_MESSAGE, SESSION_COOKIE } from '@contacts/wire-types';
import { OPENAPI_ACCOUNTS_ONLY, OPENAPI_PUBLIC } from './route-extensions.js';
import { COMPONENT_SCHEMAS, ref } from './schemas.js';

/** Where the contract lives, relative to the committed document (open-api/openapi.json) and to the repository root. */
export const CONTRACT_LINK = '../docs/CONTRACT.md';

/** The few paths the contract writes without a trailing slash; every other path ends in one, as DRF clients send it. */
const WITHOUT_SLASH = new Set(['/api/health', '/api/docs', '/api/docs-json']);

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
type Method = (typeof METHODS)[number];

const DESCRIPTION = `Contacts with an immutable edit history and realtime events.

**The wire contract is [docs/CONTRACT.md](${CONTRACT_LINK}) in this repository**; this document describes the same API for tools.
Every path is written as the contract writes it (with its trailing slash); the server also answers each one without the slash, directly (no redirect).

Every answer carries \`X-Request-Id\` (the one sent, or a new one). Any route may answer 429 (rate limit, with \`Retry-After\`) and 503 (the server is shutting down, with \`Retry-After\`);
routes that read a body may answer 400 for malformed JSON, 413 for a body over 1 MiB and 415 for a body that is not JSON. Errors are \`{"field": ["message", …]}\` or \`{"detail": "…"}\`.

## Realtime

Every mutation (REST, external update, queue job) is announced once, after its transaction commits, to every connected client of every replica,
as a \`ContactEvent\` (see the component schemas): \`{"type": "contact.created" | "contact.updated", "contact": Contact, "seq": N}\` or
\`{"type": "contact.deleted", "contact_id": 1, "seq": N}\`. A restore is announced as \`contact.created\`; a revert or an external update as \`contact.updated\`.

- **Socket.IO**: namespace \`${SOCKET_IO_NAMESPACE}\` on the default path \`/socket.io/\`; each event is emitted under its \`type\` as the event name, with the whole object as its payload.
- **Plain WebSocket**: \`ws://<host>:8000${PLAIN_WS_PATH}\`; one JSON text frame per event.

\`seq\` is the id of the version the mutation wrote and grows with every mutation: a client that saw \`seq\` N and reconnects asks
\`GET /api/changes/?since=N\` (a \`ChangesPage\`) for everything it missed, in order, and then goes on with the live events.`;

/**
 * The OpenAPI document served at /api/docs-json and committed as open-api/openapi.json:
 * Nest's scan of the controllers, then put into the contract's terms (trailing-slash
 * paths, case-insensitive headers, the answers every route can give).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Contacts API')
    .setDescription(DESCRIPTION)
    .setVersion('1.0')
    .setExternalDoc('The wire contract: docs/CONTRACT.md in this repository', CONTRACT_LINK)
    .addTag('contacts', 'Contacts: list, search, create (slow by design), read, replace, update, delete')
    .addTag('history', 'Versions, revert, restore, recently deleted, and the change feed')
    .addTag('external', 'Updates made by other services')
    .addTag('health', 'Whether the database and Redis answer')
    .addTag('docs', 'This document and its interactive page')
    .addTag('realtime', `Socket.IO namespace ${SOCKET_IO_NAMESPACE} and plain WebSocket ${PLAIN_WS_PATH}: ContactEvent objects (see the description above)`)
    .addTag('auth', 'Sign-up, sign-in, sign-out, the signed-in user and personal API tokens (AUTH=accounts)')
    .addTag('users', 'Accounts, created by the admin')
    .addTag('address-books', 'Address books, their members and roles')
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The web app’s session (sign in with POST /api/auth/login/). Unsafe requests on it must come from an allowed Origin.' }, 'session')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A personal API token (POST /api/auth/tokens/), as `Bearer <token>` or DRF’s `Token <token>`; or the EXTERNAL_API_TOKEN' }, 'token')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'EXTERNAL_API_TOKEN, when the server has one' }, 'serviceBearer')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Service-Token', description: 'EXTERNAL_API_TOKEN, when the server has one' }, 'serviceToken')
    .build();
  return normalise(SwaggerModule.createDocument(app, config));
}

function normalise(scanned: OpenAPIObject): OpenAPIObject {
  const paths: Record<string, PathItemObject> = {};
  for (const [path, item] of Object.entries(scanned.paths)) {
    const contractPath = WITHOUT_SLASH.has(path) || path.endsWith('/') ? path : `${path}/`;
    for (const method of METHODS) if (item[method]) normaliseOperation(method, item[method], { throttled: true });
    paths[contractPath] = item;
  }
  for (const [path, item] of Object.entries(docsPaths())) {
    normaliseOperation('get', item.get!, { throttled: false });
    paths[path] = item;
  }
  return {
    ...scanned,
    paths,
    components: {
      ...scanned.components,
      schemas: { ...scanned.components?.schemas, ...COMPONENT_SCHEMAS },
      parameters: { RequestId: REQUEST_ID_PARAMETER },
      headers: {
        RequestId: { description: 'The request’s X-Request-Id, or a new one', required: true, schema: { type: 'string' } },
        RetryAfter: { description: 'Seconds to wait before trying again', required: true, schema: { type: 'integer', minimum: 1 } },
      },
    },
  };
}

const REQUEST_ID_PARAMETER: ParameterObject = {
  name: 'X-Request-Id',
  in: 'header',
  required: false,
  description: 'Echoed back and written on every log line of this request (one is made when absent or unusable)',
  schema: { type: 'string' },
};

/** `throttled`: a route behind Nest's guards (the rate limit); SwaggerModule's own routes are not. */
function normaliseOperation(method: Method, operation: OperationObject, { throttled }: { throttled: boolean }): void {
  operation.parameters = [...headerParametersOnce(operation.parameters ?? []), { $ref: '#/components/parameters/RequestId' }];
  const responses = operation.responses as Record<string, ResponseObject>;
  if (throttled) describeAccess(operation, responses);
  if (method !== 'get') {
    responses['400'] ??= { description: 'Malformed JSON or a body that is not a JSON object', content: json(ref('Detail')) };
    responses['413'] ??= { description: 'Body over 1 MiB', content: json(ref('Detail')) };
    responses['415'] = { description: 'A body whose Content-Type is not JSON (or another type the server reads)', content: json(ref('Detail')) };
  }
  if (throttled) responses['429'] ??= {
    description: 'Too many requests from this client in the current window (THROTTLE_LIMIT per THROTTLE_TTL_MS)',
    content: json(ref('Detail')),
    headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } },
  };
  responses['503'] ??= {
    description: 'The server is shutting down; try another replica or again shortly',
    content: json(ref('Detail')),
    headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } },
  };
  for (const response of Object.values(responses)) {
    response.headers = { 'X-Request-Id': { $ref: '#/components/headers/RequestId' }, ...response.headers };
  }
}

/**
 * Every route but the public ones needs credentials in AUTH=accounts (AccessGuard): the
 * session cookie or a token. They answer 401 without them and 403 for what the caller
 * may not do (and for an unsafe cookie request from a foreign origin).
 */
function describeAccess(operation: OperationObject, responses: Record<string, ResponseObject>): void {
  const marks = operation as OperationObject & Record<string, unknown>;
  const open = marks[OPENAPI_PUBLIC] === true;
  const accountsOnly = marks[OPENAPI_ACCOUNTS_ONLY] === true;
  delete marks[OPENAPI_PUBLIC];
  delete marks[OPENAPI_ACCOUNTS_ONLY];
  if (accountsOnly) {
    responses['404'] ??= { description: 'AUTH=none: this route does not exist there', content: json(ref('Detail')) };
  }
  if (open) {
    operation.security = [{}];
    return;
  }
  operation.security ??= [{ session: [] }, { token: [] }];
  responses['401'] ??= {
    description: `AUTH=accounts and no valid credentials: {"detail": "${NOT_AUTHENTICATED_MESSAGE}"} or {"detail": "Invalid token."}`,
    content: json(ref('Detail')),
    headers: { 'WWW-Authenticate': { description: 'Bearer realm="contacts"', required: true, schema: { type: 'string' } } },
  };
  responses['403'] ??= {
    description: `Signed in but not allowed to do this (e.g. a viewer’s write, a non-admin), or an unsafe request on the session cookie from an origin that is not allowed: {"detail": "${PERMISSION_DENIED_MESSAGE}"}`,
    content: json(ref('Detail')),
  };
}

/**
 * HTTP header names are case-insensitive: Nest documents each `@Headers('if-match')`
 * argument as a required parameter of its own next to the `@ApiHeader` one. Keep one per
 * name, the described one, and none of them required (every header here is optional).
 */
function headerParametersOnce(parameters: (ParameterObject | ReferenceObject)[]): (ParameterObject | ReferenceObject)[] {
  const headers = new Map<string, ParameterObject>();
  const others: (ParameterObject | ReferenceObject)[] = [];
  for (const parameter of parameters) {
    if (!('in' in parameter) || parameter.in !== 'header') {
      others.push(parameter);
      continue;
    }
    const key = parameter.name.toLowerCase();
    const kept = headers.get(key);
    if (!kept || (!kept.description && parameter.description)) headers.set(key, { ...parameter, required: false, schema: parameter.schema ?? { type: 'string' } });
  }
  return [...others, ...headers.values()];
}

const json = (schema: ReferenceObject | Record<string, unknown>) => ({ 'application/json': { schema } });

/** Swagger UI and this document are served by SwaggerModule, outside Nest's router, so they are described here. */
const docsPaths = (): Record<string, PathItemObject> => ({
  '/api/docs-json': {
    get: {
      tags: ['docs'],
      operationId: 'getOpenApiDocument',
      summary: 'This OpenAPI document',
      parameters: [],
      responses: { '200': { description: 'The OpenAPI 3.0 document', content: json({ type: 'object', additionalProperties: true }) } },
    },
  },
  '/api/docs': {
    get: {
      tags: ['docs'],
      operationId: 'getApiDocsPage',
      summary: 'Swagger UI for this document',
      parameters: [],
      responses: { '200': { description: 'The interactive page', content: { 'text/html': { schema: { type: 'string' } } } } },
    },
  },
});
