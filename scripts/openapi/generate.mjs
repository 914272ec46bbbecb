// `npm run openapi:generate`: builds the API's OpenAPI document exactly as the server serves
// it at /api/docs-json (the real app on a throwaway SQLite file, not listening), then writes
// open-api/openapi.json and the web app's client types generated from it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLIENT_TYPES_FILE, DOCUMENT_FILE, renderClientTypes, renderDocument, ROOT } from './openapi-files.mjs';

const dist = join(ROOT, 'dist/api/apps/api/src');
const { createApp } = await import(join(dist, 'app-factory.js'));
const { loadConfig } = await import(join(dist, 'config/app-config.js'));
const { buildOpenApiDocument } = await import(join(dist, 'openapi/openapi-document.js'));

const dir = mkdtempSync(join(tmpdir(), 'contacts-openapi-'));
try {
  const app = await createApp(loadConfig({ SQLITE_PATH: join(dir, 'contacts.sqlite3'), LOG_LEVEL: 'error' }));
  const document = buildOpenApiDocument(app);
  await app.close();
  writeFileSync(join(ROOT, DOCUMENT_FILE), renderDocument(document));
  writeFileSync(join(ROOT, CLIENT_TYPES_FILE), await renderClientTypes(document));
  console.log(`wrote ${DOCUMENT_FILE} and ${CLIENT_TYPES_FILE}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
