// Generated from open-api/openapi.json by `npm run openapi:generate` (openapi-typescript). Do not edit.
export interface paths {
    "/api/contacts/deleted/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recently deleted contacts, as they were when deleted (restorable) */
        get: operations["listDeletedContacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}/revert/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give the contact the fields of one of its versions (writes a `reverted` version) */
        post: operations["revertContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}/restore/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bring a deleted contact back with the same id (writes a `restored` version) */
        post: operations["restoreContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List contacts, newest updated first */
        get: operations["listContacts"];
        put?: never;
        /**
         * Create a contact
         * @description Validated at once (400, or 409 for an email a pending create holds); the answer comes after CREATE_DELAY_MS (20 s by default).
         */
        post: operations["createContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One contact, with its ETag */
        get: operations["getContact"];
        /** Replace a contact’s fields (all four required) */
        put: operations["replaceContact"];
        post?: never;
        /** Delete a contact (restorable) */
        delete: operations["deleteContact"];
        options?: never;
        head?: never;
        /** Change some of a contact’s fields */
        patch: operations["updateContact"];
        trace?: never;
    };
    "/api/contacts/{id}/history/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of a contact, latest first (also after it was deleted) */
        get: operations["getContactHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/changes/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Catch-up feed: the realtime events after `since`, in seq order
         * @description What a client that was away missed: the same ContactEvent objects the Socket.IO namespace /contacts and the WebSocket /ws/contacts/ carry. Ask again with since=last_seq until results is empty.
         */
        get: operations["listChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external-update/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An update made by another service; announced to every client like any change
         * @description Open when the server has no EXTERNAL_API_TOKEN; with one, the token is required (Authorization: Bearer … or X-Service-Token).
         */
        post: operations["externalUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the database and Redis answer */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/docs-json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This OpenAPI document */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Swagger UI for this document */
        get: operations["getApiDocsPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Contact: {
            /**
             * @description Read-only; kept through delete and restore
             * @example 1
             */
            readonly id: number;
            /** @example Ada */
            first_name: string;
            /** @example Lovelace */
            last_name: string;
            /**
             * @description Unique, case-insensitively
             * @example ada@example.com
             */
            email: string;
            /**
             * @description Digits with + - ( ) . and spaces
             * @example +1-555-1000
             */
            phone: string;
            /**
             * Format: date-time
             * @example 2026-11-26T10:00:00.000Z
             */
            readonly created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-26T10:00:00.000Z
             */
            readonly updated_at: string;
        };
        /** @description POST and PUT: all four fields. Unknown fields are ignored. */
        ContactInput: {
            /** @example Ada */
            first_name: string;
            /** @example Lovelace */
            last_name: string;
            /**
             * @description Unique, case-insensitively
             * @example ada@example.com
             */
            email: string;
            /**
             * @description Digits with + - ( ) . and spaces
             * @example +1-555-1000
             */
            phone: string;
        };
        /** @description PATCH: any subset of the four fields. Unknown fields are ignored. */
        ContactPatch: {
            /** @example Ada */
            first_name?: string;
            /** @example Lovelace */
            last_name?: string;
            /**
             * @description Unique, case-insensitively
             * @example ada@example.com
             */
            email?: string;
            /**
             * @description Digits with + - ( ) . and spaces
             * @example +1-555-1000
             */
            phone?: string;
        };
        /** @description An update from another service: the contact id and any subset of the fields, validated like PATCH. */
        ExternalUpdate: {
            /**
             * @description The contact to update
             * @example 1
             */
            id: number;
            /** @example Ada */
            first_name?: string;
            /** @example Lovelace */
            last_name?: string;
            /**
             * @description Unique, case-insensitively
             * @example ada@example.com
             */
            email?: string;
            /**
             * @description Digits with + - ( ) . and spaces
             * @example +1-555-1000
             */
            phone?: string;
        };
        RevertRequest: {
            /**
             * @description Id of one of this contact’s versions
             * @example 7
             */
            version: number;
        };
        /** @description Django REST Framework’s page envelope; next/previous are absolute URLs. */
        ContactPage: {
            /** @example 42 */
            count: number;
            /** @example http://localhost:8000/api/contacts/?page=3 */
            next: string | null;
            /** @example http://localhost:8000/api/contacts/ */
            previous: string | null;
            results: components["schemas"]["Contact"][];
        };
        /** @description One immutable snapshot of a contact, written by every mutation in the same transaction. */
        Version: {
            /**
             * @description Also the realtime seq of the mutation that wrote it
             * @example 7
             */
            id: number;
            /**
             * @description The contact’s id
             * @example 1
             */
            contact: number;
            /** @example Ada */
            first_name: string;
            /** @example Lovelace */
            last_name: string;
            /**
             * @description Unique, case-insensitively
             * @example ada@example.com
             */
            email: string;
            /**
             * @description Digits with + - ( ) . and spaces
             * @example +1-555-1000
             */
            phone: string;
            /**
             * Format: date-time
             * @example 2026-11-26T10:00:20.000Z
             */
            readonly edited_at: string;
            /**
             * @example created
             * @enum {string}
             */
            edited_reason: "created" | "updated" | "external_update" | "deleted" | "reverted" | "restored";
            /** @description Who made the change (a snapshot of their name then); null without an account: AUTH=none, a service token, a change made in the database */
            edited_by: {
                /**
                 * @description The user’s id
                 * @example 1
                 */
                id: number;
                /** @example Ada Lovelace */
                name: string;
            } | null;
            /**
             * @description The channel the change came through
             * @example api
             * @enum {string}
             */
            edited_via: "web" | "api" | "external" | "carddav" | "import" | "database";
        };
        /** @description A create, or a restore */
        ContactCreatedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "contact.created";
            contact: components["schemas"]["Contact"];
            /**
             * @description Id of the version the mutation wrote: grows with every mutation
             * @example 42
             */
            seq: number;
            /** @description Who made the change (a snapshot of their name then); null without an account: AUTH=none, a service token, a change made in the database */
            edited_by: {
                /**
                 * @description The user’s id
                 * @example 1
                 */
                id: number;
                /** @example Ada Lovelace */
                name: string;
            } | null;
        };
        /** @description An update, a revert or an external update */
        ContactUpdatedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "contact.updated";
            contact: components["schemas"]["Contact"];
            /**
             * @description Id of the version the mutation wrote: grows with every mutation
             * @example 42
             */
            seq: number;
            /** @description Who made the change (a snapshot of their name then); null without an account: AUTH=none, a service token, a change made in the database */
            edited_by: {
                /**
                 * @description The user’s id
                 * @example 1
                 */
                id: number;
                /** @example Ada Lovelace */
                name: string;
            } | null;
        };
        /** @description A delete */
        ContactDeletedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "contact.deleted";
            /**
             * @description The deleted contact’s id
             * @example 1
             */
            contact_id: number;
            /**
             * @description Id of the version the mutation wrote: grows with every mutation
             * @example 42
             */
            seq: number;
            /** @description Who made the change (a snapshot of their name then); null without an account: AUTH=none, a service token, a change made in the database */
            edited_by: {
                /**
                 * @description The user’s id
                 * @example 1
                 */
                id: number;
                /** @example Ada Lovelace */
                name: string;
            } | null;
        };
        /** @description A realtime event, as sent once per mutation after its commit on Socket.IO (namespace /contacts, event name = type) and the plain WebSocket /ws/contacts/ (one JSON text frame each), and as replayed by GET /api/changes/. */
        ContactEvent: components["schemas"]["ContactCreatedEvent"] | components["schemas"]["ContactUpdatedEvent"] | components["schemas"]["ContactDeletedEvent"];
        /** @description The catch-up feed: events after `since` in seq order, at most `limit` (default 500, at most 1000). */
        ChangesPage: {
            results: components["schemas"]["ContactEvent"][];
            /**
             * @description Seq of the last event returned (the newest seq when none): the next `since`
             * @example 42
             */
            last_seq: number;
        };
        /**
         * @description Messages keyed by field, e.g. {"email": ["Email must be unique."]}
         * @example {
         *       "email": [
         *         "Email must be unique."
         *       ]
         *     }
         */
        FieldErrors: {
            [key: string]: string[];
        };
        /** @description An error not tied to one field */
        Detail: {
            /** @example Not found. */
            detail: string;
        };
        /** @description Field errors, or {"detail"} for an error about the request as a whole (e.g. malformed JSON, a body that is not an object) */
        FieldOrDetailError: components["schemas"]["FieldErrors"] | components["schemas"]["Detail"];
        Health: {
            /** @enum {string} */
            status: "ok";
            /** @enum {string} */
            db: "up" | "down";
            /** @enum {string} */
            redis: "up" | "down" | "disabled";
        };
    };
    responses: never;
    parameters: {
        /** @description Echoed back and written on every log line of this request (one is made when absent or unusable) */
        RequestId: string;
    };
    requestBodies: never;
    headers: {
        /** @description The request’s X-Request-Id, or a new one */
        RequestId: string;
        /** @description Seconds to wait before trying again */
        RetryAfter: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listDeletedContacts: {
        parameters: {
            query?: {
                /** @description Default 20; larger values are capped at 100 */
                page_size?: number;
                /** @description Default 1; past the end → 404 {"detail": "Invalid page."} */
                page?: number;
            };
            header?: {
                /** @description Echoed back and written on every log line of this request (one is made when absent or unusable) */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deleted contacts */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactPage"];
                };
            };
            /** @description Not found: {"detail": "Not found."} (or "Invalid page." for a page past the end) */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Too many requests from this client in the current window (THROTTLE_LIMIT per THROTTLE_TTL_MS) */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description The server is shutting down; try another replica or again shortly */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
        };
    };
    revertContact: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back and written on every log line of this request (one is made when absent or unusable) */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description The contact’s id */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevertRequest"];
            };
        };
        responses: {
            /** @description The reverted contact */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    /** @description The contact’s version, for a later If-Match */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            /** @description Invalid input: messages keyed by field, or {"detail"} about the request as a whole */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldOrDetailError"];
                };
            };
            /** @description Not found: {"detail": "Not found."} (or "Invalid page." for a page past the end) */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Conflict: an email taken at save time or reserved by a pending create (keyed by field), or a state that does not allow this (detail) */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldOrDetailError"];
                };
            };
            /** @description Body over 1 MiB */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description A body whose Content-Type is not JSON (or another type the server reads) */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Too many requests from this client in the current window (THROTTLE_LIMIT per THROTTLE_TTL_MS) */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description The server is shutting down; try another replica or again shortly */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
        };
    };
    restoreContact: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back and written on every log line of this request (one is made when absent or unusable) */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description The contact’s id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The restored contact */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    /** @description The contact’s version, for a later If-Match */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            /** @description Malformed JSON or a body that is not a JSON object */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Not found: {"detail": "Not found."} (or "Invalid page." for a page past the end) */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Conflict: an email taken at save time or reserved by a pending create (keyed by field), or a state that does not allow this (detail) */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldOrDetailError"];
                };
            };
            /** @description Body over 1 MiB */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description A body whose Content-Type is not JSON (or another type the server reads) */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Too many requests from this client in the current window (THROTTLE_LIMIT per THROTTLE_TTL_MS) */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description The server is shutting down; try another replica or again shortly */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
        };
    };
    listContacts: {
        parameters: {
            query?: {
                /** @description Default 20; larger values are capped at 100 */
                page_size?: number;
                /** @description Default 1; past the end → 404 {"detail": "Invalid page."} */
                page?: number;
                /** @description Case-insensitive match on first, last and full name, email, phone */
                search?: string;
            };
            header?: {
                /** @description Echoed back and written on every log line of this request (one is made when absent or unusable) */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of contacts */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactPage"];
                };
            };
            /** @description Not found: {"detail": "Not found."} (or "Invalid page." for a page past the end) */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Too many requests from this client in the current window (THROTTLE_LIMIT per THROTTLE_TTL_MS) */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description The server is shutting down; try another replica or again shortly */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
        };
    };
    createContact: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key gets the first request’s answer (waiting for it if still pending) and never creates twice; the same key with a different body → 422. Keys are kept 24 h. */
                "Idempotency-Key"?: string;
                /** @description Echoed back and written on every log line of this request (one is made when absent or unusable) */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    /** @description The contact’s version, for a later If-Match */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            /** @description Invalid input: messages keyed by field, or {"detail"} about the request as a whole */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldOrDetailError"];
                };
            };
            /** @description Conflict: an email taken at save time or reserved by a pending create (keyed by field), or a state that does not allow this (detail) */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldOrDetailError"];
                };
            };
            /** @description Body over 1 MiB */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description A body whose Content-Type is not JSON (or another type the server reads) */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Idempotency-Key already used with a different request body */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Too many requests from this client in the current window (THROTTLE_LIMIT per THROTTLE_TTL_MS) */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description The server is shutting down; try another replica or again shortly */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
        };
    };
    getContact: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back and written on every log line of this request (one is made when absent or unusable) */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description The contact’s id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contact */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    /** @description The contact’s version, for a later If-Match */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            /** @description Not found: {"detail": "Not found."} (or "Invalid page." for a page past the end) */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Too many requests from this client in the current window (THROTTLE_LIMIT per THROTTLE_TTL_MS) */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description The server is shutting down; try another replica or again shortly */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
        };
    };
    replaceContact: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a read; when it no longer matches → 412 with the current contact. Without it, last write wins. */
                "If-Match"?: string;
                /** @description Echoed back and written on every log line of this request (one is made when absent or unusable) */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description The contact’s id */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactInput"];
            };
        };
        responses: {
            /** @description The updated contact */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    /** @description The contact’s version, for a later If-Match */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            /** @description Invalid input: messages keyed by field, or {"detail"} about the request as a whole */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldOrDetailError"];
                };
            };
            /** @description Not found: {"detail": "Not found."} (or "Invalid page." for a page past the end) */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Conflict: an email taken at save time or reserved by a pending create (keyed by field), or a state that does not allow this (detail) */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldOrDetailError"];
                };
            };
            /** @description If-Match no longer matches: the body is the current contact */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            /** @description Body over 1 MiB */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description A body whose Content-Type is not JSON (or another type the server reads) */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Too many requests from this client in the current window (THROTTLE_LIMIT per THROTTLE_TTL_MS) */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description The server is shutting down; try another replica or again shortly */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
        };
    };
    deleteContact: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back and written on every log line of this request (one is made when absent or unusable) */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description The contact’s id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; a `deleted` version is written and history stays readable */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed JSON or a body that is not a JSON object */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Not found: {"detail": "Not found."} (or "Invalid page." for a page past the end) */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Body over 1 MiB */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description A body whose Content-Type is not JSON (or another type the server reads) */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Too many requests from this client in the current window (THROTTLE_LIMIT per THROTTLE_TTL_MS) */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description The server is shutting down; try another replica or again shortly */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
        };
    };
    updateContact: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a read; when it no longer matches → 412 with the current contact. Without it, last write wins. */
                "If-Match"?: string;
                /** @description Echoed back and written on every log line of this request (one is made when absent or unusable) */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description The contact’s id */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactPatch"];
            };
        };
        responses: {
            /** @description The updated contact */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    /** @description The contact’s version, for a later If-Match */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            /** @description Invalid input: messages keyed by field, or {"detail"} about the request as a whole */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldOrDetailError"];
                };
            };
            /** @description Not found: {"detail": "Not found."} (or "Invalid page." for a page past the end) */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Conflict: an email taken at save time or reserved by a pending create (keyed by field), or a state that does not allow this (detail) */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldOrDetailError"];
                };
            };
            /** @description If-Match no longer matches: the body is the current contact */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            /** @description Body over 1 MiB */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description A body whose Content-Type is not JSON (or another type the server reads) */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Too many requests from this client in the current window (THROTTLE_LIMIT per THROTTLE_TTL_MS) */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description The server is shutting down; try another replica or again shortly */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
        };
    };
    getContactHistory: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back and written on every log line of this request (one is made when absent or unusable) */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description The contact’s id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The versions, latest first */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Version"][];
                };
            };
            /** @description Not found: {"detail": "Not found."} (or "Invalid page." for a page past the end) */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Too many requests from this client in the current window (THROTTLE_LIMIT per THROTTLE_TTL_MS) */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description The server is shutting down; try another replica or again shortly */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
        };
    };
    listChanges: {
        parameters: {
            query?: {
                /** @description Default 500; at least 1 and at most 1000 are returned */
                limit?: number;
                /** @description The last seq the client saw (default 0) */
                since?: number;
            };
            header?: {
                /** @description Echoed back and written on every log line of this request (one is made when absent or unusable) */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The events after since */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangesPage"];
                };
            };
            /** @description Invalid input: messages keyed by field, or {"detail"} about the request as a whole */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldOrDetailError"];
                };
            };
            /** @description Too many requests from this client in the current window (THROTTLE_LIMIT per THROTTLE_TTL_MS) */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description The server is shutting down; try another replica or again shortly */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
        };
    };
    externalUpdate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back and written on every log line of this request (one is made when absent or unusable) */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExternalUpdate"];
            };
        };
        responses: {
            /** @description The updated contact */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    /** @description The contact’s version, for a later If-Match */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            /** @description Invalid input: messages keyed by field, or {"detail"} about the request as a whole */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldOrDetailError"];
                };
            };
            /** @description EXTERNAL_API_TOKEN is set and the request has no valid service token (Authorization: Bearer … or X-Service-Token) */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    /** @description Bearer realm="contacts" */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Not found: {"detail": "Not found."} (or "Invalid page." for a page past the end) */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Conflict: an email taken at save time or reserved by a pending create (keyed by field), or a state that does not allow this (detail) */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldOrDetailError"];
                };
            };
            /** @description Body over 1 MiB */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description A body whose Content-Type is not JSON (or another type the server reads) */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Too many requests from this client in the current window (THROTTLE_LIMIT per THROTTLE_TTL_MS) */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description The server is shutting down; try another replica or again shortly */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back and written on every log line of this request (one is made when absent or unusable) */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The database answers */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Too many requests from this client in the current window (THROTTLE_LIMIT per THROTTLE_TTL_MS) */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description The database does not answer (a Health with "db": "down"), or the server is shutting down ({"detail"}) */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"] | components["schemas"]["Detail"];
                };
            };
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back and written on every log line of this request (one is made when absent or unusable) */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI 3.0 document */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The server is shutting down; try another replica or again shortly */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
        };
    };
    getApiDocsPage: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back and written on every log line of this request (one is made when absent or unusable) */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The interactive page */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The server is shutting down; try another replica or again shortly */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
        };
    };
}
