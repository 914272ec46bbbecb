#!/usr/bin/env node
// Structural checks of the container files, for a machine without a Docker engine:
// the Dockerfile rules we care about (hadolint-like), docker-compose.yml's shape
// (parsed with `yaml`), and deploy/nginx.conf's proxying. Prints each problem; exit 1 if any.
//   node scripts/check-containers.mjs [--root DIR]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

const rootArg = process.argv.indexOf('--root');
const ROOT = resolve(rootArg > 0 ? process.argv[rootArg + 1] : join(import.meta.dirname, '..'));
const problems = [];
const fail = (file, message) => problems.push(`${file}: ${message}`);
const SECRETISH = /(PASSWORD|SECRET|TOKEN|API_KEY|PRIVATE_KEY)/i;

// ---------------------------------------------------------------- Dockerfile
/** Instructions with their stage, line continuations joined, comments dropped. */
export function parseDockerfile(text) {
  const lines = text.split('\n');
  const instructions = [];
  let buffer = '';
  let startLine = 0;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!buffer && (line === '' || line.startsWith('#'))) return;
    if (!buffer) startLine = index + 1;
    if (line.startsWith('#')) return;
    buffer += (buffer ? ' ' : '') + line.replace(/\\$/, '').trim();
    if (!line.endsWith('\\')) {
      const [, keyword, rest] = /^(\S+)\s*(.*)$/.exec(buffer) ?? [];
      instructions.push({ keyword: keyword.toUpperCase(), args: rest, line: startLine });
      buffer = '';
    }
  });
  return instructions;
}

export function lintDockerfile(file, text, { requiredTargets = [] } = {}) {
  const out = [];
  const say = (line, message) => out.push(`${file}:${line}: ${message}`);
  const instructions = parseDockerfile(text);
  const globalArgs = {};
  const stages = [];
  let stage = null;
  for (const ins of instructions) {
    if (ins.keyword === 'ARG' && !stage) {
      const [name, value] = ins.args.split('=');
      globalArgs[name.trim()] = value?.trim().replace(/^"|"$/g, '');
      continue;
    }
    if (ins.keyword === 'FROM') {
      const [imageRaw, , alias] = ins.args.replace(/--platform=\S+\s+/, '').split(/\s+/);
      const image = imageRaw.replace(/\$\{?(\w+)\}?/g, (_, name) => globalArgs[name] ?? `$${name}`);
      stage = { name: alias ?? `#${stages.length}`, image, from: ins, instructions: [], parent: null };
      const parent = stages.find((s) => s.name === image);
      if (parent) stage.parent = parent;
      else if (image.includes('$')) say(ins.line, `FROM ${imageRaw}: the ARG has no default, the base image is not pinned`);
      else if (image !== 'scratch') {
        const [name, digest] = image.split('@');
        const tag = name.includes(':') ? name.slice(name.lastIndexOf(':') + 1) : '';
        if (!digest && (!tag || tag === 'latest')) say(ins.line, `FROM ${image}: pin a version tag (or a digest), never latest`);
        else if (!digest && !/\d/.test(tag)) say(ins.line, `FROM ${image}: the tag has no version number`);
      }
      stages.push(stage);
      continue;
    }
    if (!stage) {
      say(ins.line, `${ins.keyword} before the first FROM`);
      continue;
    }
    stage.instructions.push(ins);
    const args = ins.args;
    if (ins.keyword === 'ADD' && /https?:\/\//.test(args)) say(ins.line, 'ADD of a URL: use curl in a RUN with a checksum');
    if (ins.keyword === 'ADD' && !/\.(tar|tgz|gz|xz)\b/.test(args)) say(ins.line, 'use COPY instead of ADD for files');
    if (ins.keyword === 'MAINTAINER') say(ins.line, 'MAINTAINER is deprecated');
    if (ins.keyword === 'RUN') {
      if (/\bsudo\b/.test(args)) say(ins.line, 'no sudo in RUN');
      if (/apt-get install/.test(args)) {
        if (!/-y\b|--yes|-qq/.test(args)) say(ins.line, 'apt-get install without -y');
        if (!/--no-install-recommends/.test(args)) say(ins.line, 'apt-get install without --no-install-recommends');
        if (!/rm -rf \/var\/lib\/apt\/lists/.test(args)) say(ins.line, 'apt lists not removed in the same RUN');
      }
      if (/apt-get upgrade|apt-get dist-upgrade/.test(args)) say(ins.line, 'no apt-get upgrade in images');
      if (/\bnpm (install|i)\b(?!.*-g)/.test(args)) say(ins.line, 'npm install in an image: use npm ci (lockfile)');
      if (/curl[^|]*\|\s*(ba)?sh/.test(args)) say(ins.line, 'curl piped to a shell');
      if (/\bcd\s/.test(args) && !/&&/.test(args)) say(ins.line, 'use WORKDIR rather than cd');
    }
    if ((ins.keyword === 'ENV' || ins.keyword === 'ARG') && SECRETISH.test(args) && /=\s*\S/.test(args)) {
      say(ins.line, `${ins.keyword} with a secret-looking name and a value: pass secrets at run time`);
    }
    if ((ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT') && !args.startsWith('[')) {
      say(ins.line, `${ins.keyword} in shell form: signals would not reach the process (use JSON form)`);
    }
  }
  if (stages.length === 0) say(1, 'no FROM');
  const inherited = (s, keyword) => {
    for (let cur = s; cur; cur = cur.parent) {
      const found = [...cur.instructions].reverse().find((i) => i.keyword === keyword);
      if (found) return found;
    }
    return undefined;
  };
  const targets = requiredTargets.length ? requiredTargets : [stages.at(-1)?.name];
  for (const target of targets) {
    const s = stages.find((x) => x.name === target);
    if (!s) {
      say(1, `no stage named "${target}" (docker-compose.yml builds it)`);
      continue;
    }
    const user = inherited(s, 'USER');
    if (!user) say(s.from.line, `stage ${target}: no USER, the container would run as root`);
    else if (/^(root|0)(:|$)/.test(user.args.trim())) say(user.line, `stage ${target}: USER is root`);
    const health = inherited(s, 'HEALTHCHECK');
    if (!health || /^NONE/i.test(health.args)) say(s.from.line, `stage ${target}: no HEALTHCHECK`);
    if (!inherited(s, 'EXPOSE')) say(s.from.line, `stage ${target}: no EXPOSE`);
  }
  return { problems: out, stages: stages.map((s) => s.name) };
}

// ---------------------------------------------------------------- docker-compose.yml
export function checkCompose(file, doc, dockerfileStages) {
  const out = [];
  const say = (message) => out.push(`${file}: ${message}`);
  const services = doc?.services ?? {};
  const api = services.api;
  const web = services.web;
  if (!services.redis) say('no redis service');
  if (!api) return [...out, `${file}: no api service`];
  if (api.ports?.length) say('api publishes a host port: `--scale api=N` would collide (use expose, nginx proxies)');
  if (api.container_name) say('api has a container_name: it cannot be scaled');
  if (!(api.deploy?.replicas >= 2)) say('api: deploy.replicas should be at least 2');
  const env = normaliseEnv(api.environment);
  if (!env.REDIS_URL?.startsWith('redis://')) say('api: REDIS_URL is not set to the redis service');
  if (!env.SQLITE_PATH) say('api: SQLITE_PATH is not set');
  if (!('DATABASE_URL' in env)) say('api: no DATABASE_URL (the postgres profile needs it)');
  const volumes = (api.volumes ?? []).map((v) => (typeof v === 'string' ? { source: v.split(':')[0], target: v.split(':')[1] } : v));
  const dataDir = env.SQLITE_PATH?.replace(/\/[^/]+$/, '');
  const dataVolume = volumes.find((v) => v.target === dataDir);
  if (!dataVolume) say(`api: the SQLite directory ${dataDir} is not on a volume`);
  else if (!doc.volumes || !(dataVolume.source in doc.volumes)) say(`api: ${dataDir} should be a named volume declared under volumes:`);
  if (!web) say('no web service');
  else if (!(web.ports ?? []).some((p) => String(typeof p === 'object' ? p.published : p).startsWith('5173')))
    say('web: port 5173 is not published');
  const pg = services.postgres;
  if (!pg) say('no postgres service');
  else if (!pg.profiles?.includes('postgres')) say('postgres: should only run in the `postgres` profile');
  for (const [name, service] of Object.entries(services)) {
    if (service.image && (/:latest$/.test(service.image) || (!service.build && !service.image.includes(':')))) {
      say(`${name}: image ${service.image} is not pinned`);
    }
    const target = service.build?.target;
    if (target && dockerfileStages && !dockerfileStages.includes(target)) say(`${name}: build target ${target} is not a Dockerfile stage`);
    for (const [key, value] of Object.entries(normaliseEnv(service.environment))) {
      if (SECRETISH.test(key) && value && !/^\$\{/.test(value))
        say(`${name}: ${key} has a literal value: secrets come from the environment`);
    }
    if (service.privileged) say(`${name}: privileged`);
  }
  return out;
}

function normaliseEnv(environment) {
  if (!environment) return {};
  if (Array.isArray(environment)) {
    return Object.fromEntries(environment.map((e) => [e.split('=')[0], e.split('=').slice(1).join('=')]));
  }
  return Object.fromEntries(Object.entries(environment).map(([k, v]) => [k, v == null ? '' : String(v)]));
}

// ---------------------------------------------------------------- nginx
export function checkNginx(file, text) {
  const out = [];
  const say = (message) => out.push(`${file}: ${message}`);
  const code = text.replace(/#.*$/gm, '');
  if (!/resolver\s+127\.0\.0\.11\b/.test(code)) say('no `resolver 127.0.0.11` (Docker DNS): replicas added by --scale would be missed');
  if (!/listen\s+5173\b/.test(code)) say('does not listen on 5173');
  const location = (path) => {
    const at = code.search(new RegExp(`location\\s+${path.replace(/[/.]/g, '\\$&')}\\s*\\{`));
    if (at < 0) return null;
    return code.slice(at, code.indexOf('}', at));
  };
  for (const path of ['/api/', '/ws/', '/socket.io/']) {
    const block = location(path);
    if (!block) {
      say(`no location ${path}`);
      continue;
    }
    if (!/proxy_pass\s+http:\/\//.test(block)) say(`location ${path}: no proxy_pass`);
    if (
      !/proxy_set_header\s+X-Forwarded-For\s/.test(block) &&
      !/proxy_set_header\s+X-Forwarded-For\s/.test(code.replace(/location[^{]*\{[^}]*\}/g, ''))
    )
      say(`location ${path}: no X-Forwarded-For (the API would see every client as nginx)`);
    else if (/proxy_set_header/.test(block) && !/proxy_set_header\s+X-Forwarded-For\s/.test(block))
      say(`location ${path}: sets its own headers, which drops the server level's X-Forwarded-For`);
    if (path !== '/api/' && !(/Upgrade\s+\$http_upgrade/.test(block) && /Connection\s+\$connection_upgrade/.test(block))) {
      say(`location ${path}: no WebSocket upgrade headers`);
    }
  }
  if (!/proxy_http_version\s+1\.1/.test(code)) say('proxy_http_version 1.1 is needed for WebSocket and keep-alive');
  if (!/server\s+api:8000/.test(code)) say('the upstream is not the api service on :8000');
  const sticky = location('/socket.io/');
  const stickyUpstream = /proxy_pass\s+http:\/\/(\w+)/.exec(sticky ?? '')?.[1];
  const upstreamBlock = stickyUpstream && new RegExp(`upstream\\s+${stickyUpstream}\\s*\\{[^}]*\\}`).exec(code)?.[0];
  if (!upstreamBlock || !/\b(ip_hash|hash\s+\S+)/.test(upstreamBlock))
    say('/socket.io/ is not sticky (ip_hash or hash): long-polling sessions would break');
  out.push(...checkCarddavLocations(file, code));
  if (/\{/g.test(code) && (code.match(/\{/g) ?? []).length !== (code.match(/\}/g) ?? []).length) say('unbalanced braces');
  return out;
}

/** A location's block by its path (any modifier: `=`, `^~` or none), comments already stripped. */
function locationBlock(code, path) {
  const at = code.search(new RegExp(`location\\s+(?:=\\s*|\\^~\\s*)?${path.replace(/[/.]/g, '\\$&')}\\s*\\{`));
  return at < 0 ? null : code.slice(at, code.indexOf('}', at));
}

/** nginx's size syntax (`10m`, `512k`, `1g`, bytes) → bytes. */
function sizeBytes(value) {
  const m = /^(\d+)([kmg]?)$/i.exec(value ?? '');
  if (!m) return null;
  return Number(m[1]) * { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase()];
}

/**
 * CardDAV through nginx: /dav/ and /.well-known/carddav reach the replicas with every method
 * (PROPFIND, REPORT …), the client's Authorization, request bodies of 10 MiB, the big 207
 * answers unbuffered, and the client's address (the Basic-password throttle keys on it).
 */
export function checkCarddavLocations(file, code) {
  const out = [];
  const say = (message) => out.push(`${file}: ${message}`);
  const serverBody = /client_max_body_size\s+(\S+);/.exec(code.replace(/location[^{]*\{[^}]*\}/g, ''))?.[1];
  for (const path of ['/dav/', '/.well-known/carddav']) {
    const block = locationBlock(code, path);
    if (!block) {
      say(`no location ${path} (CardDAV clients would get the web app)`);
      continue;
    }
    if (!/proxy_pass\s+http:\/\/api\b/.test(block)) say(`location ${path}: no proxy_pass http://api (the replicas)`);
    if (/limit_except/.test(block)) say(`location ${path}: limit_except would refuse DAV methods (PROPFIND, REPORT)`);
    if (/proxy_method/.test(block)) say(`location ${path}: proxy_method would rewrite DAV methods`);
    const authorization = /proxy_set_header\s+Authorization\s+([^;]*);/.exec(block)?.[1].trim();
    if (authorization !== undefined && authorization !== '$http_authorization')
      say(`location ${path}: Authorization is replaced, HTTP Basic would not reach the API`);
    if (/proxy_pass_request_headers\s+off/.test(block)) say(`location ${path}: request headers (Authorization, Depth) are not passed`);
    // Any proxy_set_header in a block drops every inherited one.
    if (/proxy_set_header/.test(block) && !/proxy_set_header\s+X-Forwarded-For\s/.test(block))
      say(`location ${path}: sets its own headers without X-Forwarded-For (the API would see every client as nginx)`);
  }
  if (/location\s+=\s*\/\.well-known\/carddav\s*\{/.test(code))
    say('location = /.well-known/carddav is exact: /.well-known/carddav/ (vdirsyncer asks for it) would get the web app');
  const dav = locationBlock(code, '/dav/');
  if (dav) {
    const body = sizeBytes(/client_max_body_size\s+(\S+);/.exec(dav)?.[1] ?? serverBody ?? '1m');
    if (body !== 0 && (body === null || body < 10 * 1024 ** 2))
      say('location /dav/: client_max_body_size under 10m (cards and multiget requests up to 10 MiB)');
    if (!/proxy_buffering\s+off/.test(dav)) say('location /dav/: proxy_buffering is not off (big 207 answers would wait in temp files)');
    if (/proxy_pass_request_body\s+off/.test(dav)) say('location /dav/: request bodies are not passed');
  }
  return out;
}

// ---------------------------------------------------------------- main
function main() {
  const read = (rel) => readFileSync(join(ROOT, rel), 'utf8');
  let compose;
  try {
    compose = parseYaml(read('docker-compose.yml'), { merge: true });
  } catch (error) {
    fail('docker-compose.yml', `not valid YAML: ${error.message}`);
  }
  const targets = [
    ...new Set(
      Object.values(compose?.services ?? {})
        .map((s) => s.build?.target)
        .filter(Boolean),
    ),
  ];
  const dockerfile = lintDockerfile('Dockerfile', read('Dockerfile'), { requiredTargets: targets });
  problems.push(...dockerfile.problems);
  if (compose) problems.push(...checkCompose('docker-compose.yml', compose, dockerfile.stages));
  problems.push(...checkNginx('deploy/nginx.conf', read('deploy/nginx.conf')));
  if (
    !read('.dockerignore')
      .split('\n')
      .some((l) => /^(\*\*\/)?node_modules\/?$/.test(l.trim()))
  ) {
    fail('.dockerignore', 'node_modules is not ignored');
  }
  for (const p of problems) console.error(`  ✗ ${p}`);
  (problems.length ? console.error : console.log)(
    problems.length
      ? `container checks: ${problems.length} problem(s)`
      : `container checks: ok (Dockerfile targets ${targets.join(', ')}; compose; nginx)`,
  );
  process.exit(problems.length ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
