/**
 * Marks the access decorators put on an operation of the scanned document (@Public,
 * @AccountsOnly), read and removed when the document's security requirements and
 * 401/403/404 answers are written.
 */
export const OPENAPI_PUBLIC = 'x-contacts-public';
export const OPENAPI_ACCOUNTS_ONLY = 'x-contacts-accounts-only';
