import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_TYPES_FILE, DOCUMENT_FILE, GENERATE_COMMAND, renderClientTypes, renderDocument, ROOT } from '../../scripts/openapi/openapi-files.mjs';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** '' when the committed file is what the served document renders to, else what to do and where they part. */
function drift(file: string, expected: string): string {
  let committed: string;
  try {
    committed = readFileSync(join(ROOT, file), 'utf8');
  } catch {
    return `${file} is missing: run \`${GENERATE_COMMAND}\` and commit it`;
  }
  if (committed === expected) return '';
  const [have, want] = [committed.split('\n'), expected.split('\n')];
  const line = want.findIndex((text, i) => text !== have[i]);
  const at = line === -1 ? have.length : line;
  return (
    `${file} differs from what the served /api/docs-json gives: run \`${GENERATE_COMMAND}\` and commit the result.\n` +
    `first difference at line ${at + 1}:\n  committed: ${have[at] ?? '(end of file)'}\n  served:    ${want[at] ?? '(end of file)'}`
  );
}

describe('the committed OpenAPI document and the web app client generated from it', () => {
  let app: TestApp;
  let served: unknown;
  beforeAll(async () => {
    app = await startTestApp();
    served = JSON.parse((await app.http().get('/api/docs-json')).text);
  });
  afterAll(() => app.close());

  it(`${DOCUMENT_FILE} is the document the server serves`, () => {
    expect(drift(DOCUMENT_FILE, renderDocument(served))).toBe('');
  });

  it(`${CLIENT_TYPES_FILE} is what openapi-typescript generates from it`, async () => {
    expect(drift(CLIENT_TYPES_FILE, await renderClientTypes(served))).toBe('');
  });
});
