#!/usr/bin/env bash
# Fails on any high or critical advisory in the production dependencies.
# An unreachable registry is reported and tolerated (offline builds); anything else fails.
set -uo pipefail
cd "$(dirname "$0")/.."

out=$(npm audit --omit=dev --audit-level=high --json 2>&1)
status=$?
if [ $status -eq 0 ]; then
  echo "npm audit: no high or critical advisory in production dependencies"
  exit 0
fi
# A real report has a "vulnerabilities" section: then the advisories decide, never the network.
if ! echo "$out" | grep -q '"vulnerabilities"' && echo "$out" | grep -qiE 'ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|ECONNRESET|getaddrinfo|audit endpoint returned an error|405 Method Not Allowed'; then
  echo "npm audit: registry unreachable, audit SKIPPED (run scripts/audit.sh again when online)" >&2
  exit 0
fi
npm audit --omit=dev --audit-level=high || true
echo "npm audit: high or critical advisories found (see above)" >&2
exit 1
