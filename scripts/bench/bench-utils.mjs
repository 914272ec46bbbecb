// Small pieces both benchmark scripts use.
import { createServer } from 'node:net';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The p-th percentile of an ascending array (nearest rank), or null when empty. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort() {
  return new Promise((res, rej) => {
    const s = createServer().on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => res(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
