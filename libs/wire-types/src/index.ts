export * from './contact.js';
export * from './version.js';
export * from './page.js';
export * from './errors.js';
export * from './events.js';
export * from './accounts.js';
export * from './address-books.js';
export * from './imports.js';
