#!/usr/bin/env bash
# Starts the machine's Redis (6379) and PostgreSQL (5432) when they are down.
# Tests that stop Redis run their own redis-server on another port instead.
set -u
redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }
pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }

if command -v redis-server >/dev/null && ! redis_up; then
  echo "starting redis-server on 6379"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
  for _ in $(seq 50); do redis_up && break; sleep 0.1; done
fi
if command -v pg_ctlcluster >/dev/null && ! pg_up; then
  echo "starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  for _ in $(seq 100); do pg_up && break; sleep 0.1; done
fi
redis_up && echo "redis: up" || echo "redis: DOWN"
pg_up && echo "postgres: up" || echo "postgres: DOWN"
exit 0
