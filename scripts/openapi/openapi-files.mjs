// The two committed artefacts of the OpenAPI document, rendered the same way by
// `npm run openapi:generate` (which writes them) and by test/api/openapi-drift.e2e-spec.ts
// (which compares them with what the server serves).
import openapiTS, { astToString } from 'openapi-typescript';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** The served /api/docs-json, as committed. */
export const DOCUMENT_FILE = 'open-api/openapi.json';
/** The web app's client types, generated from that document. */
export const CLIENT_TYPES_FILE = 'apps/web/src/app/api/openapi-schema.ts';
export const GENERATE_COMMAND = 'npm run openapi:generate';

/** The document as committed: two-space JSON with a final newline. */
export function renderDocument(document) {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The TypeScript types openapi-typescript makes from the document (paths, components, operations). */
export async function renderClientTypes(document) {
  // A deep copy: openapi-typescript annotates the object it is given.
  const ast = await openapiTS(structuredClone(document), { silent: true });
  return `// Generated from ${DOCUMENT_FILE} by \`${GENERATE_COMMAND}\` (openapi-typescript). Do not edit.\n${astToString(ast)}`;
}
