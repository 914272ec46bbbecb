#!/usr/bin/env bash
# `make test`: every suite, each phase in the mode that suits it, then one closing line
# "N passed, N failed" summed over all of them. Exits non-zero if any phase failed.
set -uo pipefail
cd "$(dirname "$0")/.."
results=$(mktemp -d)
status=0
export NODE_OPTIONS=--experimental-vm-modules
# No --forceExit: every run exits by itself; a hang means a suite or the app left a handle
# open (fix it there). `bounded` still stops a hung run (after BOUND_MINUTES, 10 unless a phase
# says more) and counts it as failed.
bounded() {
  local rc=0 minutes=${BOUND_MINUTES:-10}
  timeout --kill-after=10 $((minutes * 60)) "$@" || rc=$?
  if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then echo "!!! $* did not finish within $minutes min (an open handle?)"; fi
  return "$rc"
}

phase() { echo; echo "=== $1"; }

phase "API unit and end-to-end tests (SQLite, Redis)"
# The longest phase: every suite one after the other on a 2-core machine (jest's one worker).
BOUND_MINUTES=16 bounded npx jest --selectProjects unit e2e --json --outputFile="$results/sqlite.json" || status=1

phase "API end-to-end tests against PostgreSQL"
# Suites that start their own SQLite-backed processes (the seed command's too) add nothing here, nor do those of the
# HTTP layer alone (headers, CORS, compression, the OpenAPI document's drift), nor vdirsyncer
# (the DAV layer over the same services the other CardDAV suites run here); the scoped
# realtime suites run in-process, so on PostgreSQL too.
TEST_DATABASE=postgres bounded npx jest --selectProjects e2e \
  --testPathIgnorePatterns '/test/realtime/(?!scoped(-redis-outage)?\.e2e-spec)' /test/faults/ '/accounts-replicas\.' \
  /test/hardening/ '/openapi-drift\.' '/test/carddav/vdirsyncer\.' /test/seed/ \
  --json --outputFile="$results/postgres.json" || status=1

phase "Browser tests (Chromium via Playwright)"
bounded npx jest --selectProjects browser --runInBand --json --outputFile="$results/browser.json" || status=1

phase "Angular unit tests (Vitest)"
(cd apps/web && NODE_OPTIONS= npx ng test --watch=false) 2>&1 | tee "$results/web.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1

phase "Lint and type checks (ESLint; API, web app, scripts)"
npm run --silent lint || status=1

phase "Container files and dependency audit"
bash scripts/check-containers.sh || status=1
[ -f scripts/audit.sh ] && { bash scripts/audit.sh || status=1; }

node scripts/test-summary.mjs "$results" || status=1
rm -rf "$results"
exit $status
