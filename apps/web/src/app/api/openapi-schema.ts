// Generated from open-api/openapi.json by `npm run openapi:generate` (openapi-typescript). Do not edit.
export interface paths {
    "/api/auth/config/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether there are accounts, and whether sign-up is open (the web app’s first screen) */
        get: operations["getAuthConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/signup/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an account and sign in
         * @description Allowed while no account exists (that first account is the admin) or with SIGNUP=open.
         */
        post: operations["signUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password: a session cookie */
        post: operations["logIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out: end this session on every replica
         * @description On a token there is no session to end (revoke the token with DELETE /api/auth/tokens/{id}/).
         */
        post: operations["logOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in account */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/tokens/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller’s own tokens, oldest first (never their secrets) */
        get: operations["listApiTokens"];
        put?: never;
        /** A new personal API token (its secret is in this answer only) */
        post: operations["createApiToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/tokens/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of the caller’s tokens: it stops working on every replica at once */
        delete: operations["revokeApiToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every account, oldest first (admins only) */
        get: operations["listUsers"];
        put?: never;
        /** Create an account (admins only); it gets an address book of its own */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/address-books/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The books the caller owns or is a member of (AUTH=none: the one shared book) */
        get: operations["listAddressBooks"];
        put?: never;
        /** Create a book the caller owns */
        post: operations["createAddressBook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/address-books/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a book and its contacts (owner only)
         * @description Each contact is deleted the normal way (a `deleted` version and event each); the caller’s last own book cannot be deleted (409).
         */
        delete: operations["deleteAddressBook"];
        options?: never;
        head?: never;
        /** Rename a book (owner only) */
        patch: operations["renameAddressBook"];
        trace?: never;
    };
    "/api/address-books/{id}/members/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who may use a book, the owner included (any member) */
        get: operations["listAddressBookMembers"];
        put?: never;
        /** Share a book with an account, by its email (owner only) */
        post: operations["addAddressBookMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/address-books/{id}/members/{user_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** The owner removes a member, or a member leaves (the owner cannot leave: 409) */
        delete: operations["removeAddressBookMember"];
        options?: never;
        head?: never;
        /** Change a member’s role (owner only; the owner’s own role is fixed: 409) */
        patch: operations["changeAddressBookMember"];
        trace?: never;
    };
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
    "/api/contacts/import/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a vCard or CSV file into a book, as a job */
        post: operations["importContacts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An import’s progress and, once done, its summary (the importing account only) */
        get: operations["getImport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/export/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every contact the caller can read (or of one book, or matching a search) as one vCard or CSV file */
        get: operations["exportContacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}/vcard/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One contact as a vCard 3.0 card */
        get: operations["getContactVCard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/duplicates/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Contacts that look like the same person, in groups with their reasons (suggestions only) */
        get: operations["listDuplicates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/duplicates/dismissals/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Groups dismissed as “not the same person”, newest first */
        get: operations["listDuplicateDismissals"];
        put?: never;
        /** Say these contacts are not the same person: they are no longer suggested together */
        post: operations["dismissDuplicates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/duplicates/dismissals/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take a dismissal back (its contacts may be suggested together again) */
        delete: operations["deleteDuplicateDismissal"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}/merge/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge other contacts of the same book into this one (undoable) */
        post: operations["mergeContacts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merges/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent merges in the books the caller can read (e.g. those a contact took part in) */
        get: operations["listMerges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merges/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One merge */
        get: operations["getMerge"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merges/{id}/undo/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Undo a merge: the survivor gets back its fields, the others come back with their ids */
        post: operations["undoMerge"];
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
         * @description AUTH=accounts: acts as the caller (a user’s token or session: the books that user may edit; the EXTERNAL_API_TOKEN: every book, edited_by null). AUTH=none: open when the server has no EXTERNAL_API_TOKEN; with one, the token is required (Authorization: Bearer … or X-Service-Token).
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
            /** @example Analytical Engines Ltd */
            organization: string;
            /** @example Mathematician */
            job_title: string;
            /** @example Met at the Royal Society. */
            notes: string;
            /**
             * @description A real date: `1815-12-10`, or `--12-10` without the year; null for none
             * @example 1815-12-10
             */
            birthday: string | null;
            /** @description More email addresses (not part of the uniqueness rule) */
            other_emails: components["schemas"]["LabeledValue"][];
            /** @description More phone numbers (the syntax of `phone`) */
            other_phones: components["schemas"]["LabeledValue"][];
            /** @description Postal addresses */
            addresses: components["schemas"]["PostalAddress"][];
            /**
             * @description The address book it lives in (AUTH=none: always the one shared book)
             * @example 1
             */
            address_book: number;
            /**
             * @description The vCard UID: stable for the contact’s life (kept from an imported or synced card, else generated)
             * @example 0b7c7d0e-3f1b-4c8e-9a51-2d1f0c6b9e4a
             */
            readonly uid: string;
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
        /** @description One more email or phone with its label (input: `label` may be left out, = empty). Errors are keyed by entry: `other_phones[2].value`. */
        LabeledValue: {
            /**
             * @description Free text: home, work, mobile, an Apple custom label …
             * @example work
             */
            label: string;
            /**
             * @description An email address (other_emails) or a phone number (other_phones)
             * @example ada@work.example
             */
            value: string;
        };
        /** @description A postal address; on input every part may be left out (= empty; an address with no part is dropped), at most 200 characters each. Errors are keyed `addresses[0].city`. */
        PostalAddress: {
            /**
             * @description Free text: home, work, mobile, an Apple custom label …
             * @example work
             */
            label: string;
            /** @example 12 St James’s Square */
            street: string;
            /** @example London */
            city: string;
            /** @example  */
            region: string;
            /** @example SW1Y 4JH */
            postal_code: string;
            /** @example United Kingdom */
            country: string;
        };
        /** @description POST and PUT: all four fields (and optionally the book); the details are optional: absent on POST = empty, on PUT = unchanged. Unknown fields are ignored. */
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
            /** @example Analytical Engines Ltd */
            organization?: string;
            /** @example Mathematician */
            job_title?: string;
            /** @example Met at the Royal Society. */
            notes?: string;
            /**
             * @description A real date: `1815-12-10`, or `--12-10` without the year; null for none
             * @example 1815-12-10
             */
            birthday?: string | null;
            /** @description More email addresses (not part of the uniqueness rule) */
            other_emails?: components["schemas"]["LabeledValue"][];
            /** @description More phone numbers (the syntax of `phone`) */
            other_phones?: components["schemas"]["LabeledValue"][];
            /** @description Postal addresses */
            addresses?: components["schemas"]["PostalAddress"][];
            /** @description POST: the book to create it in (default: the caller’s first own book). PUT/PATCH: moves the contact (editor of both books); it keeps its id and history */
            address_book?: number;
        };
        /** @description PATCH: any subset of the fields (a list given replaces the whole list), and `address_book` to move it. Unknown fields are ignored. */
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
            /** @example Analytical Engines Ltd */
            organization?: string;
            /** @example Mathematician */
            job_title?: string;
            /** @example Met at the Royal Society. */
            notes?: string;
            /**
             * @description A real date: `1815-12-10`, or `--12-10` without the year; null for none
             * @example 1815-12-10
             */
            birthday?: string | null;
            /** @description More email addresses (not part of the uniqueness rule) */
            other_emails?: components["schemas"]["LabeledValue"][];
            /** @description More phone numbers (the syntax of `phone`) */
            other_phones?: components["schemas"]["LabeledValue"][];
            /** @description Postal addresses */
            addresses?: components["schemas"]["PostalAddress"][];
            /** @description POST: the book to create it in (default: the caller’s first own book). PUT/PATCH: moves the contact (editor of both books); it keeps its id and history */
            address_book?: number;
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
            /** @example Analytical Engines Ltd */
            organization?: string;
            /** @example Mathematician */
            job_title?: string;
            /** @example Met at the Royal Society. */
            notes?: string;
            /**
             * @description A real date: `1815-12-10`, or `--12-10` without the year; null for none
             * @example 1815-12-10
             */
            birthday?: string | null;
            /** @description More email addresses (not part of the uniqueness rule) */
            other_emails?: components["schemas"]["LabeledValue"][];
            /** @description More phone numbers (the syntax of `phone`) */
            other_phones?: components["schemas"]["LabeledValue"][];
            /** @description Postal addresses */
            addresses?: components["schemas"]["PostalAddress"][];
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
            /**
             * @description The book the contact was in after this change
             * @example 1
             */
            address_book: number;
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
            /** @example Analytical Engines Ltd */
            organization: string;
            /** @example Mathematician */
            job_title: string;
            /** @example Met at the Royal Society. */
            notes: string;
            /**
             * @description A real date: `1815-12-10`, or `--12-10` without the year; null for none
             * @example 1815-12-10
             */
            birthday: string | null;
            /** @description More email addresses (not part of the uniqueness rule) */
            other_emails: components["schemas"]["LabeledValue"][];
            /** @description More phone numbers (the syntax of `phone`) */
            other_phones: components["schemas"]["LabeledValue"][];
            /** @description Postal addresses */
            addresses: components["schemas"]["PostalAddress"][];
            /**
             * Format: date-time
             * @example 2026-11-26T10:00:20.000Z
             */
            readonly edited_at: string;
            /**
             * @example created
             * @enum {string}
             */
            edited_reason: "created" | "updated" | "external_update" | "deleted" | "reverted" | "restored" | "merged" | "unmerged";
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
            /**
             * @description The book the contact is in after the change
             * @example 1
             */
            address_book: number;
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
            /**
             * @description The book the contact is in after the change
             * @example 1
             */
            address_book: number;
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
            /**
             * @description The book it was deleted from
             * @example 1
             */
            address_book: number;
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
        User: {
            /**
             * @description The user’s id
             * @example 1
             */
            id: number;
            /** @example ada@example.com */
            email: string;
            /** @example Ada Lovelace */
            name: string;
            /** @description The first account is the admin; admins create accounts */
            is_admin: boolean;
            /**
             * Format: date-time
             * @example 2026-11-26T10:00:00.000Z
             */
            readonly created_at: string;
        };
        /** @description The signed-in user; the session cookie comes with it */
        AuthResponse: {
            user: components["schemas"]["User"];
        };
        /** @description A personal API token, without its secret */
        ApiToken: {
            /**
             * @description The token’s id
             * @example 1
             */
            id: number;
            /** @example laptop script */
            name: string;
            /**
             * Format: date-time
             * @example 2026-11-26T10:00:00.000Z
             */
            readonly created_at: string;
            /** Format: date-time */
            readonly last_used_at: string | null;
        };
        /** @description A new token: `token` is shown in this answer only (the server keeps a hash) */
        CreatedApiToken: {
            /**
             * @description The token’s id
             * @example 1
             */
            id: number;
            /** @example laptop script */
            name: string;
            /**
             * @description Send as Authorization: Bearer <token>
             * @example ctk_…
             */
            token: string;
            /**
             * Format: date-time
             * @example 2026-11-26T10:00:00.000Z
             */
            readonly created_at: string;
            /** Format: date-time */
            readonly last_used_at: string | null;
        };
        AddressBook: {
            /**
             * @description The book’s id
             * @example 3
             */
            id: number;
            /** @example Family */
            name: string;
            /** @description Null only for AUTH=none’s shared book before any account exists */
            owner: {
                /**
                 * @description The user’s id
                 * @example 1
                 */
                id: number;
                /** @example Ada Lovelace */
                name: string;
            } | null;
            /**
             * @description The caller’s role (members list: the member’s)
             * @enum {string}
             */
            role: "owner" | "editor" | "viewer";
            /** @example 12 */
            contact_count: number;
            /**
             * Format: date-time
             * @example 2026-11-26T10:00:00.000Z
             */
            readonly created_at: string;
        };
        AddressBookMember: {
            user: {
                /**
                 * @description The user’s id
                 * @example 1
                 */
                id: number;
                /** @example Grace Hopper */
                name: string;
                /** @example grace@example.com */
                email: string;
            };
            /**
             * @description The caller’s role (members list: the member’s)
             * @enum {string}
             */
            role: "owner" | "editor" | "viewer";
        };
        /** @description Realtime: the caller gained a book (or its name or their role changed) */
        AddressBookSharedEvent: {
            /** @enum {string} */
            type: "address_book.shared";
            address_book: components["schemas"]["AddressBook"];
        };
        /** @description Realtime: the caller lost a book (unshared, left or deleted) */
        AddressBookUnsharedEvent: {
            /** @enum {string} */
            type: "address_book.unshared";
            /**
             * @description The book’s id
             * @example 3
             */
            address_book_id: number;
        };
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
    getAuthConfig: {
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
            /** @description The mode and the sign-up policy */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description `accounts`: people sign in; `none`: no sign-in (AUTH=none)
                         * @enum {string}
                         */
                        auth: "accounts" | "none";
                        /**
                         * @description `first_user`: no account yet, sign-up makes the admin; `open`: anyone may sign up; `closed`: only the admin creates accounts (always with AUTH=none)
                         * @enum {string}
                         */
                        signup: "first_user" | "open" | "closed";
                    };
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
    signUp: {
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
                "application/json": {
                    /**
                     * @description Unique, case-insensitively; trimmed
                     * @example ada@example.com
                     */
                    email: string;
                    /**
                     * @description Taken exactly as typed (not trimmed)
                     * @example correct horse battery
                     */
                    password: string;
                    /**
                     * @description Trimmed; not blank
                     * @example Ada Lovelace
                     */
                    name: string;
                };
            };
        };
        responses: {
            /** @description The new account, signed in */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    /** @description `contacts_session=<secret>; Max-Age=<SESSION_IDLE_DAYS in seconds>; Path=/; HttpOnly; SameSite=Lax` (and `Secure` over https) */
                    "Set-Cookie": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthResponse"];
                };
            };
            /** @description Invalid input, keyed by field (an email already taken: {"email": [...]}), or malformed JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldOrDetailError"];
                };
            };
            /** @description Sign-up is closed (an account exists and SIGNUP is not open), or an unsafe request on the session cookie (or a sign-up/sign-in) whose Origin — or, without one, Referer — is neither the server’s own nor in CORS_ORIGINS ({"detail": "You do not have permission to perform this action."}) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description AUTH=none: there are no accounts */
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
    logIn: {
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
                "application/json": {
                    /**
                     * @description Compared case-insensitively
                     * @example ada@example.com
                     */
                    email: string;
                    /** @example correct horse battery */
                    password: string;
                };
            };
        };
        responses: {
            /** @description Signed in */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    /** @description `contacts_session=<secret>; Max-Age=<SESSION_IDLE_DAYS in seconds>; Path=/; HttpOnly; SameSite=Lax` (and `Secure` over https) */
                    "Set-Cookie": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthResponse"];
                };
            };
            /** @description Wrong email or password (the same answer for both: {"detail": "Unable to log in with provided credentials."}), a missing or non-string field (keyed by field), or malformed JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldOrDetailError"];
                };
            };
            /** @description an unsafe request on the session cookie (or a sign-up/sign-in) whose Origin — or, without one, Referer — is neither the server’s own nor in CORS_ORIGINS ({"detail": "You do not have permission to perform this action."}) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description AUTH=none: there are no accounts */
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
            /** @description More than LOGIN_MAX_FAILURES (10) failed sign-ins for this email or from this client address within LOGIN_WINDOW_MINUTES (15), or the general rate limit */
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
    logOut: {
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
            /** @description Signed out: the session is ended on every replica and the cookie cleared */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    /** @description `contacts_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax`: the browser drops the cookie */
                    "Set-Cookie": string;
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
            /** @description No credentials ("Authentication credentials were not provided.") or a token that does not check out ("Invalid token.") */
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
            /** @description The service token (no account), or an unsafe request on the session cookie (or a sign-up/sign-in) whose Origin — or, without one, Referer — is neither the server’s own nor in CORS_ORIGINS ({"detail": "You do not have permission to perform this action."}) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description AUTH=none: there are no accounts */
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
    getMe: {
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
            /** @description The account of this session or token */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description No credentials ("Authentication credentials were not provided.") or a token that does not check out ("Invalid token.") */
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
            /** @description The service token (no account) ({"detail": "You do not have permission to perform this action."}) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description AUTH=none: there are no accounts */
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
    listApiTokens: {
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
            /** @description The tokens */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiToken"][];
                };
            };
            /** @description No credentials ("Authentication credentials were not provided.") or a token that does not check out ("Invalid token.") */
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
            /** @description The service token (no account) ({"detail": "You do not have permission to perform this action."}) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description AUTH=none: there are no accounts */
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
    createApiToken: {
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
                "application/json": {
                    /**
                     * @description Trimmed; not blank
                     * @example backup script
                     */
                    name: string;
                };
            };
        };
        responses: {
            /** @description The token, with its secret */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiToken"];
                };
            };
            /** @description A missing, blank or too long name ({"name": [...]}), or malformed JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldOrDetailError"];
                };
            };
            /** @description No credentials ("Authentication credentials were not provided.") or a token that does not check out ("Invalid token.") */
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
            /** @description The service token (no account), or an unsafe request on the session cookie (or a sign-up/sign-in) whose Origin — or, without one, Referer — is neither the server’s own nor in CORS_ORIGINS ({"detail": "You do not have permission to perform this action."}) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description AUTH=none: there are no accounts */
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
    revokeApiToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back and written on every log line of this request (one is made when absent or unusable) */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description The token’s id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
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
            /** @description No credentials ("Authentication credentials were not provided.") or a token that does not check out ("Invalid token.") */
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
            /** @description The service token (no account), or an unsafe request on the session cookie (or a sign-up/sign-in) whose Origin — or, without one, Referer — is neither the server’s own nor in CORS_ORIGINS ({"detail": "You do not have permission to perform this action."}) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description AUTH=none: there are no accounts, or no such token of the caller’s (another account’s token is answered the same) */
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
    listUsers: {
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
            /** @description The accounts */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"][];
                };
            };
            /** @description No credentials ("Authentication credentials were not provided.") or a token that does not check out ("Invalid token.") */
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
            /** @description Not an admin ({"detail": "You do not have permission to perform this action."}) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description AUTH=none: there are no accounts */
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
    createUser: {
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
                "application/json": {
                    /**
                     * @description Unique, case-insensitively; trimmed
                     * @example ada@example.com
                     */
                    email: string;
                    /**
                     * @description Taken exactly as typed (not trimmed)
                     * @example correct horse battery
                     */
                    password: string;
                    /**
                     * @description Trimmed; not blank
                     * @example Ada Lovelace
                     */
                    name: string;
                    /** @default false */
                    is_admin?: boolean;
                };
            };
        };
        responses: {
            /** @description The new account */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Invalid input, keyed by field (an email already taken: {"email": [...]}), or malformed JSON */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldOrDetailError"];
                };
            };
            /** @description No credentials ("Authentication credentials were not provided.") or a token that does not check out ("Invalid token.") */
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
            /** @description Not an admin, or an unsafe request on the session cookie (or a sign-up/sign-in) whose Origin — or, without one, Referer — is neither the server’s own nor in CORS_ORIGINS ({"detail": "You do not have permission to perform this action."}) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description AUTH=none: there are no accounts */
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
    listAddressBooks: {
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
            /** @description The caller’s books: own first, then shared, each oldest first */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddressBook"][];
                };
            };
            /** @description AUTH=accounts and no or bad credentials */
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
            /** @description Signed in but not allowed to do this (e.g. a viewer’s write, a non-admin), or an unsafe request on the session cookie from an origin that is not allowed: {"detail": "You do not have permission to perform this action."} */
            403: {
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
    createAddressBook: {
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
                "application/json": {
                    /**
                     * @description Trimmed; not blank
                     * @example Family
                     */
                    name: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddressBook"];
                };
            };
            /** @description Invalid input: messages keyed by field (e.g. {"email": [...]}), or {"detail"} about the body as a whole */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldOrDetailError"];
                };
            };
            /** @description AUTH=accounts and no or bad credentials */
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
            /** @description A member without the role this needs (or a cookie request from a foreign origin, or the service token, which owns no book) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description No such book — or one the caller cannot see; every route but the list while AUTH=none */
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
    deleteAddressBook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back and written on every log line of this request (one is made when absent or unusable) */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description The book’s id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted, with its contacts and members */
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
            /** @description AUTH=accounts and no or bad credentials */
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
            /** @description A member without the role this needs (or a cookie request from a foreign origin, or the service token, which owns no book) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description No such book — or one the caller cannot see; every route but the list while AUTH=none */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Not in this state: see detail */
            409: {
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
    renameAddressBook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back and written on every log line of this request (one is made when absent or unusable) */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description The book’s id */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Trimmed; not blank
                     * @example Family
                     */
                    name: string;
                };
            };
        };
        responses: {
            /** @description The renamed book */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddressBook"];
                };
            };
            /** @description Invalid input: messages keyed by field (e.g. {"email": [...]}), or {"detail"} about the body as a whole */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldOrDetailError"];
                };
            };
            /** @description AUTH=accounts and no or bad credentials */
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
            /** @description A member without the role this needs (or a cookie request from a foreign origin, or the service token, which owns no book) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description No such book — or one the caller cannot see; every route but the list while AUTH=none */
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
    listAddressBookMembers: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back and written on every log line of this request (one is made when absent or unusable) */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description The book’s id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Owner first, then by name */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddressBookMember"][];
                };
            };
            /** @description AUTH=accounts and no or bad credentials */
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
            /** @description Signed in but not allowed to do this (e.g. a viewer’s write, a non-admin), or an unsafe request on the session cookie from an origin that is not allowed: {"detail": "You do not have permission to perform this action."} */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description No such book — or one the caller cannot see; every route but the list while AUTH=none */
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
    addAddressBookMember: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back and written on every log line of this request (one is made when absent or unusable) */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description The book’s id */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description An existing account’s email (case-insensitive)
                     * @example grace@example.com
                     */
                    email: string;
                    /**
                     * @example viewer
                     * @enum {string}
                     */
                    role: "editor" | "viewer";
                };
            };
        };
        responses: {
            /** @description The new member */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddressBookMember"];
                };
            };
            /** @description Invalid input: messages keyed by field (e.g. {"email": [...]}), or {"detail"} about the body as a whole */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldOrDetailError"];
                };
            };
            /** @description AUTH=accounts and no or bad credentials */
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
            /** @description A member without the role this needs (or a cookie request from a foreign origin, or the service token, which owns no book) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description No such book — or one the caller cannot see; every route but the list while AUTH=none */
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
    removeAddressBookMember: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back and written on every log line of this request (one is made when absent or unusable) */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description The book’s id */
                id: number;
                /** @description The member’s user id */
                user_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
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
            /** @description AUTH=accounts and no or bad credentials */
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
            /** @description A member without the role this needs (or a cookie request from a foreign origin, or the service token, which owns no book) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description No such book — or one the caller cannot see; every route but the list while AUTH=none */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Not in this state: see detail */
            409: {
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
    changeAddressBookMember: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back and written on every log line of this request (one is made when absent or unusable) */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description The book’s id */
                id: number;
                /** @description The member’s user id */
                user_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @example viewer
                     * @enum {string}
                     */
                    role: "editor" | "viewer";
                };
            };
        };
        responses: {
            /** @description The member with the new role */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddressBookMember"];
                };
            };
            /** @description Invalid input: messages keyed by field (e.g. {"email": [...]}), or {"detail"} about the body as a whole */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldOrDetailError"];
                };
            };
            /** @description AUTH=accounts and no or bad credentials */
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
            /** @description A member without the role this needs (or a cookie request from a foreign origin, or the service token, which owns no book) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description No such book — or one the caller cannot see; every route but the list while AUTH=none */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Not in this state: see detail */
            409: {
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
    listDeletedContacts: {
        parameters: {
            query?: {
                /** @description Cursor pagination (DRF CursorPagination style), as on the contact list: present, even empty (the first page), it replaces `page`; follow the `next`/`previous` links. A bad token → 404 {"detail": "Invalid cursor"} */
                cursor?: string;
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
            /** @description AUTH=accounts and no valid credentials: {"detail": "Authentication credentials were not provided."} or {"detail": "Invalid token."} */
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
            /** @description Signed in but not allowed to do this (e.g. a viewer’s write, a non-admin), or an unsafe request on the session cookie from an origin that is not allowed: {"detail": "You do not have permission to perform this action."} */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Not found: {"detail": "Not found."} — also for a contact, version or address book the caller may not see (or "Invalid page." for a page past the end) */
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
            /** @description AUTH=accounts and no valid credentials: {"detail": "Authentication credentials were not provided."} or {"detail": "Invalid token."} */
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
            /** @description Signed in but not allowed to do this (e.g. a viewer’s write, a non-admin), or an unsafe request on the session cookie from an origin that is not allowed: {"detail": "You do not have permission to perform this action."} */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Not found: {"detail": "Not found."} — also for a contact, version or address book the caller may not see (or "Invalid page." for a page past the end) */
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
            /** @description AUTH=accounts and no valid credentials: {"detail": "Authentication credentials were not provided."} or {"detail": "Invalid token."} */
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
            /** @description Signed in but not allowed to do this (e.g. a viewer’s write, a non-admin), or an unsafe request on the session cookie from an origin that is not allowed: {"detail": "You do not have permission to perform this action."} */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Not found: {"detail": "Not found."} — also for a contact, version or address book the caller may not see (or "Invalid page." for a page past the end) */
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
                /** @description Cursor pagination (DRF CursorPagination style), cheap at any depth: present, even empty (the first page), it replaces `page`. The token is opaque: follow the `next`/`previous` links, which keep the other parameters. `count` stays exact; `previous` is null on the first page, `next` on the last. A row changed while walking moves to the top and is not met again; no row is met twice. A bad token → 404 {"detail": "Invalid cursor"} */
                cursor?: string;
                /** @description Default 20; larger values are capped at 100 */
                page_size?: number;
                /** @description Default 1; past the end → 404 {"detail": "Invalid page."} */
                page?: number;
                /** @description Only this book (default: every book the caller can read) */
                address_book?: number;
                /** @description Case-insensitive match on first, last and full name, email, phone, organization, the other emails and phones */
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
            /** @description AUTH=accounts and no valid credentials: {"detail": "Authentication credentials were not provided."} or {"detail": "Invalid token."} */
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
            /** @description Signed in but not allowed to do this (e.g. a viewer’s write, a non-admin), or an unsafe request on the session cookie from an origin that is not allowed: {"detail": "You do not have permission to perform this action."} */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Not found: {"detail": "Not found."} — also for a contact, version or address book the caller may not see (or "Invalid page." for a page past the end) */
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
            /** @description AUTH=accounts and no valid credentials: {"detail": "Authentication credentials were not provided."} or {"detail": "Invalid token."} */
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
            /** @description Signed in but not allowed to do this (e.g. a viewer’s write, a non-admin), or an unsafe request on the session cookie from an origin that is not allowed: {"detail": "You do not have permission to perform this action."} */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Not found: {"detail": "Not found."} — also for a contact, version or address book the caller may not see (or "Invalid page." for a page past the end) */
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
            /** @description AUTH=accounts and no valid credentials: {"detail": "Authentication credentials were not provided."} or {"detail": "Invalid token."} */
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
            /** @description Signed in but not allowed to do this (e.g. a viewer’s write, a non-admin), or an unsafe request on the session cookie from an origin that is not allowed: {"detail": "You do not have permission to perform this action."} */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Not found: {"detail": "Not found."} — also for a contact, version or address book the caller may not see (or "Invalid page." for a page past the end) */
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
            /** @description AUTH=accounts and no valid credentials: {"detail": "Authentication credentials were not provided."} or {"detail": "Invalid token."} */
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
            /** @description Signed in but not allowed to do this (e.g. a viewer’s write, a non-admin), or an unsafe request on the session cookie from an origin that is not allowed: {"detail": "You do not have permission to perform this action."} */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Not found: {"detail": "Not found."} — also for a contact, version or address book the caller may not see (or "Invalid page." for a page past the end) */
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
            /** @description AUTH=accounts and no valid credentials: {"detail": "Authentication credentials were not provided."} or {"detail": "Invalid token."} */
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
            /** @description Signed in but not allowed to do this (e.g. a viewer’s write, a non-admin), or an unsafe request on the session cookie from an origin that is not allowed: {"detail": "You do not have permission to perform this action."} */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Not found: {"detail": "Not found."} — also for a contact, version or address book the caller may not see (or "Invalid page." for a page past the end) */
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
            /** @description AUTH=accounts and no valid credentials: {"detail": "Authentication credentials were not provided."} or {"detail": "Invalid token."} */
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
            /** @description Signed in but not allowed to do this (e.g. a viewer’s write, a non-admin), or an unsafe request on the session cookie from an origin that is not allowed: {"detail": "You do not have permission to perform this action."} */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Not found: {"detail": "Not found."} — also for a contact, version or address book the caller may not see (or "Invalid page." for a page past the end) */
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
            /** @description AUTH=accounts and no valid credentials: {"detail": "Authentication credentials were not provided."} or {"detail": "Invalid token."} */
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
            /** @description Signed in but not allowed to do this (e.g. a viewer’s write, a non-admin), or an unsafe request on the session cookie from an origin that is not allowed: {"detail": "You do not have permission to perform this action."} */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Not found: {"detail": "Not found."} — also for a contact, version or address book the caller may not see (or "Invalid page." for a page past the end) */
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
            /** @description AUTH=accounts and no valid credentials: {"detail": "Authentication credentials were not provided."} or {"detail": "Invalid token."} */
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
            /** @description Signed in but not allowed to do this (e.g. a viewer’s write, a non-admin), or an unsafe request on the session cookie from an origin that is not allowed: {"detail": "You do not have permission to perform this action."} */
            403: {
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
    importContacts: {
        parameters: {
            query?: {
                /** @description Where the cards go (default: the caller’s first own book); the caller must be able to edit it */
                address_book?: number;
                /** @description A card whose UID or email is already in the book: left out (skip), or its contact takes the card (update) */
                on_duplicate?: "skip" | "update";
            };
            header?: {
                "content-type"?: string;
                "content-length"?: string;
                /** @description Echoed back and written on every log line of this request (one is made when absent or unusable) */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The file itself, up to 50 MiB: vCard 2.1, 3.0 or 4.0, or CSV (our columns, Google Contacts’ or Outlook’s export) */
        requestBody: {
            content: {
                "text/vcard": string;
                "text/x-vcard": string;
                "text/directory": string;
                "text/csv": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description Accepted: the cards are imported in the background (follow GET /api/imports/{id}/ or the import.progress events) */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        status: "running";
                    };
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
            /** @description AUTH=accounts and no valid credentials: {"detail": "Authentication credentials were not provided."} or {"detail": "Invalid token."} */
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
            /** @description Signed in but not allowed to do this (e.g. a viewer’s write, a non-admin), or an unsafe request on the session cookie from an origin that is not allowed: {"detail": "You do not have permission to perform this action."} */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Not found: {"detail": "Not found."} — also for a contact, version or address book the caller may not see (or "Invalid page." for a page past the end) */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description The file is larger than 50 MiB */
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
    getImport: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back and written on every log line of this request (one is made when absent or unusable) */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description The import’s id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job as it stands */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        status: "running" | "done" | "failed";
                        /** @description Cards in the file (0 until they are counted) */
                        total: number;
                        /** @description Cards done so far: created, updated or skipped */
                        processed: number;
                        created: number;
                        updated: number;
                        /** @description The cards left out, in file order, each with its field errors (nothing of them was written) */
                        skipped: {
                            /** @description Its position in the file, from 0 */
                            index: number;
                            /** @description FN or the names, as the file gives them */
                            name: string;
                            /**
                             * @example {
                             *       "email": [
                             *         "This field may not be blank."
                             *       ]
                             *     }
                             */
                            errors: {
                                [key: string]: string[];
                            };
                        }[];
                    };
                };
            };
            /** @description AUTH=accounts and no valid credentials: {"detail": "Authentication credentials were not provided."} or {"detail": "Invalid token."} */
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
            /** @description Signed in but not allowed to do this (e.g. a viewer’s write, a non-admin), or an unsafe request on the session cookie from an origin that is not allowed: {"detail": "You do not have permission to perform this action."} */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Not found: {"detail": "Not found."} — also for a contact, version or address book the caller may not see (or "Invalid page." for a page past the end) */
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
    exportContacts: {
        parameters: {
            query?: {
                format?: "vcard" | "csv";
                /** @description Only this book (default: every book the caller can read) */
                address_book?: number;
                /** @description As the list’s search */
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
            /** @description Every matching contact, streamed: vCard 3.0 cards one after the other, or CSV with a header row of our field names */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    /** @description attachment; filename="contacts.vcf" (or .csv) */
                    "Content-Disposition": string;
                    [name: string]: unknown;
                };
                content: {
                    "text/vcard": string;
                    "text/csv": string;
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
            /** @description AUTH=accounts and no valid credentials: {"detail": "Authentication credentials were not provided."} or {"detail": "Invalid token."} */
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
            /** @description Signed in but not allowed to do this (e.g. a viewer’s write, a non-admin), or an unsafe request on the session cookie from an origin that is not allowed: {"detail": "You do not have permission to perform this action."} */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Not found: {"detail": "Not found."} — also for a contact, version or address book the caller may not see (or "Invalid page." for a page past the end) */
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
    getContactVCard: {
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
            /** @description The contact as one vCard 3.0 card, with the properties it came with that the model does not hold */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "text/vcard": string;
                };
            };
            /** @description AUTH=accounts and no valid credentials: {"detail": "Authentication credentials were not provided."} or {"detail": "Invalid token."} */
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
            /** @description Signed in but not allowed to do this (e.g. a viewer’s write, a non-admin), or an unsafe request on the session cookie from an origin that is not allowed: {"detail": "You do not have permission to perform this action."} */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Not found: {"detail": "Not found."} — also for a contact, version or address book the caller may not see (or "Invalid page." for a page past the end) */
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
    listDuplicates: {
        parameters: {
            query?: {
                /** @description Only this book (default: every book the caller can read) */
                address_book?: number;
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
            /** @description Suggested groups, each within one book, most reasons first; nothing is merged by itself */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        contacts: components["schemas"]["Contact"][];
                        reasons: ("same email" | "same phone" | "same name" | "similar email")[];
                    }[];
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
            /** @description AUTH=accounts and no valid credentials: {"detail": "Authentication credentials were not provided."} or {"detail": "Invalid token."} */
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
            /** @description Signed in but not allowed to do this (e.g. a viewer’s write, a non-admin), or an unsafe request on the session cookie from an origin that is not allowed: {"detail": "You do not have permission to perform this action."} */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Not found: {"detail": "Not found."} — also for a contact, version or address book the caller may not see (or "Invalid page." for a page past the end) */
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
    listDuplicateDismissals: {
        parameters: {
            query?: {
                /** @description Only this book */
                address_book?: number;
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
            /** @description The newest dismissals first (at most 200) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        address_book: number;
                        contacts: number[];
                        /** Format: date-time */
                        dismissed_at: string;
                        /** @description Who did it (null without an account) */
                        dismissed_by: {
                            id: number;
                            name: string;
                        } | null;
                    }[];
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
            /** @description AUTH=accounts and no valid credentials: {"detail": "Authentication credentials were not provided."} or {"detail": "Invalid token."} */
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
            /** @description Signed in but not allowed to do this (e.g. a viewer’s write, a non-admin), or an unsafe request on the session cookie from an origin that is not allowed: {"detail": "You do not have permission to perform this action."} */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Not found: {"detail": "Not found."} — also for a contact, version or address book the caller may not see (or "Invalid page." for a page past the end) */
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
    dismissDuplicates: {
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
                "application/json": {
                    /** @description Contacts of one book */
                    contacts: number[];
                };
            };
        };
        responses: {
            /** @description Dismissed */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        address_book: number;
                        contacts: number[];
                        /** Format: date-time */
                        dismissed_at: string;
                        /** @description Who did it (null without an account) */
                        dismissed_by: {
                            id: number;
                            name: string;
                        } | null;
                    };
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
            /** @description AUTH=accounts and no valid credentials: {"detail": "Authentication credentials were not provided."} or {"detail": "Invalid token."} */
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
            /** @description Signed in but not allowed to do this (e.g. a viewer’s write, a non-admin), or an unsafe request on the session cookie from an origin that is not allowed: {"detail": "You do not have permission to perform this action."} */
            403: {
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
    deleteDuplicateDismissal: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back and written on every log line of this request (one is made when absent or unusable) */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description The dismissal’s id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Taken back: its contacts may be suggested together again */
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
            /** @description AUTH=accounts and no valid credentials: {"detail": "Authentication credentials were not provided."} or {"detail": "Invalid token."} */
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
            /** @description Signed in but not allowed to do this (e.g. a viewer’s write, a non-admin), or an unsafe request on the session cookie from an origin that is not allowed: {"detail": "You do not have permission to perform this action."} */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Not found: {"detail": "Not found."} — also for a contact, version or address book the caller may not see (or "Invalid page." for a page past the end) */
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
    mergeContacts: {
        parameters: {
            query?: never;
            header?: {
                /** @description The survivor’s ETag as the compare screen saw it; when it no longer matches → 412 with the current contact */
                "If-Match"?: string;
                /** @description Echoed back and written on every log line of this request (one is made when absent or unusable) */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description The contact that survives */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The contacts to merge into this one (same book) */
                    others: number[];
                    /** @description The chosen values (any of first_name, last_name, email, phone, organization, job_title, notes, birthday, other_emails, other_phones, addresses); the rest stays the survivor’s, empty details are filled from the others. The others’ emails and phones join other_emails / other_phones. */
                    values?: components["schemas"]["ContactPatch"];
                };
            };
        };
        responses: {
            /** @description Merged: the survivor, and the merge’s id for an undo */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    /** @description The survivor’s version, for a later If-Match */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        contact: components["schemas"]["Contact"];
                        merge_id: number;
                    };
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
            /** @description AUTH=accounts and no valid credentials: {"detail": "Authentication credentials were not provided."} or {"detail": "Invalid token."} */
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
            /** @description Signed in but not allowed to do this (e.g. a viewer’s write, a non-admin), or an unsafe request on the session cookie from an origin that is not allowed: {"detail": "You do not have permission to perform this action."} */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Not found: {"detail": "Not found."} — also for a contact, version or address book the caller may not see (or "Invalid page." for a page past the end) */
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
    listMerges: {
        parameters: {
            query?: {
                /** @description Only merges this contact took part in (as survivor or merged away) */
                contact?: number;
                /** @description Only this book */
                address_book?: number;
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
            /** @description The newest merges first (at most 100) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        address_book: number;
                        /** @description The survivor */
                        contact: number;
                        /** @description The contacts merged into it (deleted by the merge; back after an undo) */
                        others: number[];
                        /** @description The survivor’s `merged` version */
                        version: number;
                        /** Format: date-time */
                        merged_at: string;
                        /** @description Who did it (null without an account) */
                        merged_by: {
                            id: number;
                            name: string;
                        } | null;
                        /** Format: date-time */
                        undone_at: string | null;
                        /** @description Who did it (null without an account) */
                        undone_by: {
                            id: number;
                            name: string;
                        } | null;
                    }[];
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
            /** @description AUTH=accounts and no valid credentials: {"detail": "Authentication credentials were not provided."} or {"detail": "Invalid token."} */
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
            /** @description Signed in but not allowed to do this (e.g. a viewer’s write, a non-admin), or an unsafe request on the session cookie from an origin that is not allowed: {"detail": "You do not have permission to perform this action."} */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Not found: {"detail": "Not found."} — also for a contact, version or address book the caller may not see (or "Invalid page." for a page past the end) */
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
    getMerge: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back and written on every log line of this request (one is made when absent or unusable) */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description The merge’s id (`merge_id` of the merge’s answer) */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The merge */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        address_book: number;
                        /** @description The survivor */
                        contact: number;
                        /** @description The contacts merged into it (deleted by the merge; back after an undo) */
                        others: number[];
                        /** @description The survivor’s `merged` version */
                        version: number;
                        /** Format: date-time */
                        merged_at: string;
                        /** @description Who did it (null without an account) */
                        merged_by: {
                            id: number;
                            name: string;
                        } | null;
                        /** Format: date-time */
                        undone_at: string | null;
                        /** @description Who did it (null without an account) */
                        undone_by: {
                            id: number;
                            name: string;
                        } | null;
                    };
                };
            };
            /** @description AUTH=accounts and no valid credentials: {"detail": "Authentication credentials were not provided."} or {"detail": "Invalid token."} */
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
            /** @description Signed in but not allowed to do this (e.g. a viewer’s write, a non-admin), or an unsafe request on the session cookie from an origin that is not allowed: {"detail": "You do not have permission to perform this action."} */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Not found: {"detail": "Not found."} — also for a contact, version or address book the caller may not see (or "Invalid page." for a page past the end) */
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
    undoMerge: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back and written on every log line of this request (one is made when absent or unusable) */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description The merge’s id (`merge_id` of the merge’s answer) */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Undone: the survivor with its fields from before the merge, the others back with their ids */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    /** @description The survivor’s version, for a later If-Match */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        contact: components["schemas"]["Contact"];
                        restored: components["schemas"]["Contact"][];
                        /** @description A merge as recorded: the survivor, the contacts merged into it, and whether it was undone */
                        merge: {
                            id: number;
                            address_book: number;
                            /** @description The survivor */
                            contact: number;
                            /** @description The contacts merged into it (deleted by the merge; back after an undo) */
                            others: number[];
                            /** @description The survivor’s `merged` version */
                            version: number;
                            /** Format: date-time */
                            merged_at: string;
                            /** @description Who did it (null without an account) */
                            merged_by: {
                                id: number;
                                name: string;
                            } | null;
                            /** Format: date-time */
                            undone_at: string | null;
                            /** @description Who did it (null without an account) */
                            undone_by: {
                                id: number;
                                name: string;
                            } | null;
                        };
                    };
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
            /** @description AUTH=accounts and no valid credentials: {"detail": "Authentication credentials were not provided."} or {"detail": "Invalid token."} */
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
            /** @description Signed in but not allowed to do this (e.g. a viewer’s write, a non-admin), or an unsafe request on the session cookie from an origin that is not allowed: {"detail": "You do not have permission to perform this action."} */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Not found: {"detail": "Not found."} — also for a contact, version or address book the caller may not see (or "Invalid page." for a page past the end) */
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
    externalUpdate: {
        parameters: {
            query?: never;
            header?: {
                authorization?: string;
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
            /** @description No valid credentials: AUTH=accounts without a session or token, or (AUTH=none) EXTERNAL_API_TOKEN is set and the request has no valid service token (Authorization: Bearer … or X-Service-Token) */
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
            /** @description Signed in but not allowed to do this (e.g. a viewer’s write, a non-admin), or an unsafe request on the session cookie from an origin that is not allowed: {"detail": "You do not have permission to perform this action."} */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Detail"];
                };
            };
            /** @description Not found: {"detail": "Not found."} — also for a contact, version or address book the caller may not see (or "Invalid page." for a page past the end) */
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
