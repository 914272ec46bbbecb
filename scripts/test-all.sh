#!/usr/bin/env bash
# `make test`: every suite, each phase in the mode that suits it, then one closing line
# "N passed, N failed" summed over all of them. Exits non-zero if any phase failed.
set -uo pipefail
cd "$(dirname "$0")/.."
results=$(mktemp -d)
status=0
export NODE_OPTIONS=--experimental-vm-modules
# --forceExit: a suite that leaves a socket or timer open must not hang CI after its results are in.

phase() { echo; echo "=== $1"; }

phase "API unit and end-to-end tests (SQLite, Redis)"
npx jest --selectProjects unit e2e --forceExit --json --outputFile="$results/sqlite.json" || status=1

phase "API end-to-end tests against PostgreSQL"
TEST_DATABASE=postgres npx jest --selectProjects e2e --forceExit --testPathIgnorePatterns /test/realtime/ /test/faults/ \
  --json --outputFile="$results/postgres.json" || status=1

phase "Browser tests (Chromium via Playwright)"
npx jest --selectProjects browser --runInBand --forceExit --json --outputFile="$results/browser.json" || status=1

phase "Angular unit tests (Vitest)"
(cd apps/web && NODE_OPTIONS= npx ng test --watch=false) 2>&1 | tee "$results/web.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1

phase "Type checks (API, web app, scripts)"
npm run --silent lint || status=1

phase "Container files and dependency audit"
bash scripts/check-containers.sh || status=1
[ -f scripts/audit.sh ] && { bash scripts/audit.sh || status=1; }

node scripts/test-summary.mjs "$results" || status=1
rm -rf "$results"
exit $status
