// Preload for diagnosing memory growth: `node --import ./scripts/memory-log.mjs app.js`
// appends the process's memory split (MB) every MEMORY_LOG_MS (10 s) to MEMORY_LOG_FILE
// (default /tmp/memory-<pid>.jsonl): rss vs V8 heap vs external/array buffers.
import { appendFileSync } from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';

const file = process.env.MEMORY_LOG_FILE ?? `/tmp/memory-${process.pid}.jsonl`;
const mb = (bytes) => Math.round((bytes / 1048576) * 10) / 10;
const started = Date.now();
const timer = setInterval(() => {
  const m = process.memoryUsage();
  const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, mb(s.space_size)]));
  const line = { s: Math.round((Date.now() - started) / 1000), rss: mb(m.rss), heapTotal: mb(m.heapTotal), heapUsed: mb(m.heapUsed), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers), spaces };
  appendFileSync(file, `${JSON.stringify(line)}\n`);
}, Number(process.env.MEMORY_LOG_MS ?? 10_000));
timer.unref();
