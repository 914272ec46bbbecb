#!/usr/bin/env node
// After `ng build` (npm run build:web): a brotli (.br) and a gzip (.gz) copy beside every
// text file of the built app, made once at the strongest settings, so the API
// (@fastify/static `preCompressed`) and nginx (`gzip_static`) send them as they are instead
// of compressing per request. A copy that would not be smaller is not written.
//   node scripts/precompress-web.mjs [dir]   (default dist/web/browser)
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const dir = resolve(ROOT, process.argv[2] ?? 'dist/web/browser');
const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt', '.xml', '.webmanifest', '.ico']);

/** Every file under `folder`, depth first. */
function* files(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

const encoders = {
  '.br': (data) =>
    brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  '.gz': (data) => gzipSync(data, { level: constants.Z_BEST_COMPRESSION }),
};

let plain = 0;
const written = { '.br': 0, '.gz': 0 };
for (const file of [...files(dir)]) {
  if (!TEXT.has(extname(file))) continue;
  const data = readFileSync(file);
  plain += data.length;
  for (const [suffix, encode] of Object.entries(encoders)) {
    const copy = encode(data);
    if (copy.length < data.length) {
      writeFileSync(file + suffix, copy);
      written[suffix] += copy.length;
    } else {
      rmSync(file + suffix, { force: true }); // an older build's copy would be stale
    }
  }
}
const kib = (n) => `${Math.round(n / 1024)} KiB`;
console.log(
  `precompressed ${relative(ROOT, dir) || '.'}: ${kib(plain)} of text → ${kib(written['.br'])} brotli, ${kib(written['.gz'])} gzip`,
);
