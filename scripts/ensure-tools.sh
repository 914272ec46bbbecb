#!/usr/bin/env bash
# Installs the Debian packages the tests use when the machine lacks them: the browser for the
# browser tests, vdirsyncer for the CardDAV sync tests, and the tools that check the container
# files; with --bench also Radicale (the reference CardDAV server the benchmark runs beside ours).
# Needs root for apt; without it, says what is missing and leaves it to the tests to report.
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
command -v nginx >/dev/null 2>&1 || need+=(nginx-light)
command -v yamllint >/dev/null 2>&1 || need+=(yamllint)
command -v vdirsyncer >/dev/null 2>&1 || need+=(vdirsyncer)
if [ "${1:-}" = "--bench" ]; then command -v radicale >/dev/null 2>&1 || need+=(radicale); fi
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "missing Debian packages (install them as root): ${need[*]}" >&2
  exit 0
fi
echo "installing: ${need[*]}"
apt-get update -qq
# Install only: no service (nginx, radicale) is started while we do it.
own_policy=0
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && own_policy=1
fi
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
if [ "$own_policy" -eq 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
