#!/usr/bin/env bash
# Validates the container files without a Docker engine (`make check-containers`, part of `make test`).
#   1. docker-compose.yml: `docker compose config -q` (CLI plugin) or Debian's `docker-compose config -q`
#   2. Dockerfile: hadolint when installed; always our own rules (scripts/check-containers.mjs),
#      which also check the compose file's structure and deploy/nginx.conf
#   3. deploy/nginx.conf: `nginx -t` with the `api` upstream mapped to 127.0.0.1 (temporary config),
#      then run for real with a stand-in API: CardDAV's methods, headers, bodies and big answers
#      pass through (scripts/check-nginx-dav.mjs)
#   4. yamllint (relaxed) when installed
# Missing optional tools are reported and skipped; real errors fail (exit 1).
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
ok() { echo "  ok    $*"; }
skip() { echo "  skip  $*"; }
bad() { echo "  FAIL  $*"; status=1; }

echo "container checks"

# 1. compose, interpolated both ways (SQLite default and the postgres profile)
compose=""
if docker compose version >/dev/null 2>&1; then compose="docker compose";
elif command -v docker-compose >/dev/null 2>&1; then compose="docker-compose"; fi
if [ -n "$compose" ]; then
  if out=$($compose -f docker-compose.yml config -q 2>&1) \
     && out2=$(COMPOSE_PROFILES=postgres DATABASE_URL=postgres://contacts@postgres:5432/contacts \
               $compose -f docker-compose.yml --profile postgres config -q 2>&1); then
    ok "$compose config (default and postgres profile)"
  else
    bad "$compose config: ${out}${out2:-}"
  fi
else
  skip "compose config: neither 'docker compose' nor 'docker-compose' (apt-get install docker-compose); YAML checked in node below"
fi

# 2. Dockerfile lint
if command -v hadolint >/dev/null 2>&1; then
  if out=$(hadolint Dockerfile 2>&1); then ok "hadolint Dockerfile"; else bad "hadolint: $out"; fi
else
  skip "hadolint not installed (not in Debian): using scripts/check-containers.mjs rules"
fi
if out=$(node scripts/check-containers.mjs 2>&1); then ok "$out"; else bad "$out"; fi

# 3. nginx -t on a temporary copy: Docker's DNS name `api` is mapped to 127.0.0.1, and on
#    nginx < 1.27.3 (Debian 12 has 1.22) the upstream `resolve` parameter, which it lacks, is dropped.
if command -v nginx >/dev/null 2>&1; then
  tmp=$(mktemp -d)
  version=$(nginx -v 2>&1 | sed -n 's|.*nginx/\([0-9.]*\).*|\1|p')
  conf=$(sed -e 's/server api:8000/server 127.0.0.1:8000/' deploy/nginx.conf)
  if [ "$(printf '%s\n' "$version" 1.27.3 | sort -V | head -1)" != "1.27.3" ]; then
    conf=$(printf '%s\n' "$conf" | sed -e 's/\(server 127.0.0.1:8000\) resolve;/\1;/')
    note=" (nginx $version: upstream 'resolve' dropped for the test)"
  fi
  printf '%s\n' "$conf" > "$tmp/default.conf"
  mime=/etc/nginx/mime.types
  cat > "$tmp/nginx.conf" <<CONF
pid $tmp/nginx.pid;
error_log $tmp/error.log;
events {}
http {
  $( [ -f "$mime" ] && echo "include $mime;" )
  access_log off;
  client_body_temp_path $tmp; proxy_temp_path $tmp; fastcgi_temp_path $tmp; uwsgi_temp_path $tmp; scgi_temp_path $tmp;
  include $tmp/default.conf;
}
CONF
  if out=$(nginx -t -q -p "$tmp" -c "$tmp/nginx.conf" 2>&1); then ok "nginx -t deploy/nginx.conf${note:-}"; else bad "nginx -t: $out"; fi
  rm -rf "$tmp"
  # 3b. CardDAV tried through it: DAV methods, Basic auth, 10 MiB bodies, big 207 answers unbuffered.
  if out=$(node scripts/check-nginx-dav.mjs 2>&1); then ok "$out"; else bad "$out"; fi
else
  skip "nginx not installed (apt-get install nginx-light): nginx -t and the CardDAV proxying not run"
fi

# 4. yamllint
if command -v yamllint >/dev/null 2>&1; then
  if out=$(yamllint -d '{extends: relaxed, rules: {line-length: {max: 160}}}' docker-compose.yml 2>&1); then
    ok "yamllint docker-compose.yml"
  else
    bad "yamllint: $out"
  fi
else
  skip "yamllint not installed"
fi

[ $status -eq 0 ] && echo "container checks: passed" || echo "container checks: FAILED"
exit $status
