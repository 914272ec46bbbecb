// Sums the jest JSON reports and the Vitest log of one `make test` run into a closing line.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
const rows = [];
for (const file of readdirSync(dir)) {
  const path = join(dir, file);
  if (file.endsWith('.json')) {
    const report = JSON.parse(readFileSync(path, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
    rows.push(`${file.replace('.json', '')}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
  } else if (file === 'web.log' && existsSync(path)) {
    // Vitest: "Tests  34 passed (34)" or "Tests  1 failed | 33 passed (34)"
    // eslint-disable-next-line no-control-regex -- strips the ANSI colour codes (ESC) from Vitest's log
    const log = readFileSync(path, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
    const line = log.split('\n').find((l) => /^\s*Tests\s+/.test(l)) ?? '';
    const p = Number(/(\d+) passed/.exec(line)?.[1] ?? 0);
    const f = Number(/(\d+) failed/.exec(line)?.[1] ?? 0);
    passed += p;
    failed += f + (line ? 0 : 1);
    rows.push(`web: ${p} passed, ${f} failed${line ? '' : ' (no summary found)'}`);
  }
}
console.log('\n=== Summary');
for (const row of rows) console.log(`  ${row}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
