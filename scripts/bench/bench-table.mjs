// `make bench`'s closing table, kept apart from the measuring code in run-all.mjs.

/** The human-readable summary of a `make bench` result, one row per figure with its target. */
export function benchTable(r, createDelayMs) {
  const t = (ok) => (ok ? 'ok' : 'MISS');
  const rate = (x) => `${x.req_per_s} req/s = ${x.pct_of_bare_http}% of bare, p50/p99 ${x.latency_ms.p50}/${x.latency_ms.p99} ms${x.non2xx ? `, non-2xx ${x.non2xx}` : ''}`;
  const w = r.list_while_writing.writes;
  const rows = [
    ['floor: bare node:http (16 conn)', `${r.floor_bare_http.req_per_s} req/s`, ''],
    ['floor: raw better-sqlite3 page', `${r.floor_raw_sqlite.page_queries_per_s} q/s (+count: ${r.floor_raw_sqlite.page_plus_count_per_s})`, ''],
    // The list's one figure before: a cache hit on one URL with no writes. Shown with what it is not.
    ['list, cache hit, one URL', rate(r.list), `≥ 20%: ${t(r.list.pct_of_bare_http >= 20)}`],
    ['list, cache hit, one URL, br', rate(r.list_br), ''],
    ['list, cache hit, page 50', rate(r.list_page_50), ''],
    ['list, uncached: distinct pages', rate(r.list_distinct_pages), ''],
    ['list, uncached: distinct searches', rate(r.list_distinct_searches), ''],
    [`list, one URL, while ${w.target_per_s} PATCH/s run`, `${rate(r.list_while_writing)} (writes ${w.achieved_per_s}/s)`, ''],
    ...scopingRows(r.scoping, rate, t),
    [
      'API: PATCH/s 16 conns, SQLite, 10k contacts',
      `${r.patch.req_per_s} req/s = ${r.patch.pct_of_raw_sqlite}% of raw "as the server", p50/p99 ${r.patch.latency_ms.p50}/${r.patch.latency_ms.p99} ms`,
      '',
    ],
    ...triggerCostRows('SQLite', r.trigger_cost_sqlite),
  ];
  rows.push(...loginRows(r.scoping?.login ? r.scoping : undefined));
  const pgPatch = r.direct_sql?.postgres?.patch;
  rows.push([
    'API: PATCH/s 16 conns, PostgreSQL, 1k contacts',
    pgPatch ? `${pgPatch.req_per_s} req/s, p50/p99 ${pgPatch.latency_ms.p50}/${pgPatch.latency_ms.p99} ms${pgPatch.non2xx ? `, non-2xx ${pgPatch.non2xx}` : ''}` : notRun(r.direct_sql?.postgres ?? r.direct_sql),
    '',
  ]);
  rows.push(...triggerCostRows('PostgreSQL', r.trigger_cost_postgres));
  for (const n of [100, 1000]) {
    const c = r[`creates_${n}`];
    // The delay + 1 s target is for 100 creates; 1,000 is shown for scale.
    const target = n === 100 ? `≤ ${createDelayMs + 1000}: ${t(c.wall_ms <= createDelayMs + 1000)}` : '';
    rows.push([`${n} creates wall`, `${c.wall_ms} ms ${JSON.stringify(c.statuses)}`, target]);
    const g = c.get_while_pending_ms;
    rows.push([`  GET while ${n} pending`, `p50 ${g.p50} / p99 ${g.p99} ms (n=${g.n})`, `p99 < 20: ${t(g.p99 !== null && g.p99 < 20)}`]);
  }
  const s = r.search;
  rows.push(['search 100k p50/p99', `${s.p50} / ${s.p99} ms (n=${s.n}, ${s.mean_matches} match)`, `p99 ≤ 10: ${t(s.p99 <= 10)}`]);
  for (const [kind, name] of [['sqlite', 'SQLite'], ['postgres', 'PostgreSQL']]) {
    const d = r.direct_sql?.[kind];
    const e = d?.direct_sql_to_event;
    rows.push(
      e
        ? [
            `direct SQL commit → client event, ${name} (${d.announced_by})`,
            `p50 ${e.p50_ms} / p99 ${e.p99_ms} / max ${e.max_ms} ms, missed ${e.missed}/${e.changes} (by ${d.direct_client.replace(/ \(.*/, '')}; Socket.IO client)`,
            `p99 < 2000: ${t(e.p99_ms !== null && e.p99_ms < 2000)}, missed 0: ${t(e.missed === 0)}`,
          ]
        : [`direct SQL commit → client event, ${name}`, notRun(d ?? r.direct_sql), ''],
    );
  }
  for (const [rt, mode] of [
    [r.realtime, 'AUTH=none'],
    [r.realtime_socket_io_client, 'AUTH=none'],
    [r.realtime_accounts, 'AUTH=accounts'],
    [r.realtime_accounts_socket_io_client, 'AUTH=accounts'],
  ]) {
    if (rt === undefined) continue;
    if (rt?.latency_ms) {
      const accounts = rt.auth === 'accounts';
      const books = accounts ? `, ${rt.setup.books} books` : '';
      rows.push([
        `events ${rt.clients} clients/${rt.replicas} repl, ${mode}${books}`,
        `p50 ${rt.latency_ms.p50} / p99 ${rt.latency_ms.p99} / max ${rt.latency_ms.max} ms (${rt.client_kind}), missed ${rt.missed}/${rt.events_expected}, dup ${rt.duplicates}` +
          (accounts ? `, outside its books ${rt.delivered_outside_books}` : ''),
        `p99 < 50: ${t(rt.latency_ms.p99 < 50)}, missed 0: ${t(rt.missed === 0)}` + (accounts ? `, outside 0: ${t(rt.delivered_outside_books === 0)}` : ''),
      ]);
      if (accounts) {
        const kinds = Object.entries(rt.connections).map(([k, n]) => `${n} ${k}`).join(', ');
        rows.push(['  connections', kinds, `unauthenticated refused: ${t(rt.setup.refused_without_credentials)}`]);
      }
      rows.push(['  replica RSS', `${rt.rss_mb.join(' / ')} MB`, `< 200: ${t(rt.rss_mb.every((mb) => mb < 200))}`]);
    } else {
      rows.push([`realtime, ${mode}`, rt?.skipped ? `skipped: ${rt.skipped}` : `error: ${rt?.error}`, '']);
    }
  }
  rows.push(...importRows(r.imports));
  rows.push(['API RSS idle / list / creates', `${r.api_rss_mb_idle} / ${r.api_rss_mb_after_list} / ${r.api_rss_mb_after_creates} MB`, '']);
  rows.push(['API RSS (100k db, after search)', `${r.api_rss_mb_100k} MB`, '']);
  const parts = Object.entries(r.part_seconds ?? {}).map(([name, seconds]) => `${name.replace(/_/g, ' ')} ${seconds}`);
  rows.push(['total run', `${r.total_seconds} s${parts.length ? ` (of which ${parts.join(', ')} s)` : ''}`, '']);
  // Only rows with a target line their figure up to the target column, so one long figure
  // (the run's parts) does not push every target off the screen.
  const widths = [Math.max(...rows.map((x) => x[0].length)), Math.max(...rows.filter((x) => x[2]).map((x) => x[1].length))];
  return rows.map(([a, b, c]) => (c ? `${a.padEnd(widths[0])}  ${b.padEnd(widths[1])}  ${c}` : `${a.padEnd(widths[0])}  ${b}`)).join('\n');
}

/**
 * The list with AUTH=accounts beside AUTH=none on the same file (scoping.mjs): the Part 1
 * target (≥ 20% of bare) holds for the cache hit in either mode.
 */
function scopingRows(s, rate, t) {
  if (!s?.none) return [['list ?page=1, AUTH=accounts vs none', notRun(s), '']];
  const rows = [];
  for (const [kind, label] of [['cached', 'cache hit, ?page=1'], ['uncached', 'uncached: distinct pages']]) {
    for (const [key, who] of [['none', 'AUTH=none'], ['one_book', 'accounts, token, 1 book'], ['five_books', 'accounts, token, 5 books']]) {
      const x = s[key][kind];
      rows.push([
        `list, ${label}, ${who}`,
        `${rate(x)}${key === 'none' ? '' : ` = ${x.pct_of_none}% of none`}`,
        kind === 'cached' ? `≥ 20%: ${t(x.pct_of_bare_http >= 20)}` : '',
      ]);
    }
  }
  return rows;
}

/** Sign-in latency (login.mjs) beside its floor, scrypt alone. */
function loginRows(s) {
  if (!s) return [];
  const l = s.login;
  const ms = (x) => `p50 ${x.p50} / p99 ${x.p99} ms (n=${x.n})`;
  const f = l.scrypt_alone_ms;
  return [
    ['floor: scrypt alone (N=2^15, r=8, p=1)', ms(f), ''],
    ['sign-in POST /api/auth/login/, sequential', `${ms(l.sequential)}, ${l.sequential.per_s}/s`, ''],
    [`sign-in, ${l.concurrent.concurrency} concurrent`, `${ms(l.concurrent)}, ${l.concurrent.per_s}/s ${JSON.stringify(l.concurrent.statuses)}`, ''],
    ['sign-in refused: wrong password / unknown email', `p50 ${l.wrong_password.p50} / ${l.unknown_email.p50} ms (n=${l.wrong_password.n}/${l.unknown_email.n})`, ''],
  ];
}

/** Import and export at two sizes (imports.mjs), each beside the floors of the same run. */
function importRows(x) {
  if (!x?.floors) return [['import / export of generated cards', notRun(x), '']];
  const f = x.floors;
  const rows = [
    ['floor: the codec alone, split + parse', `${f.parse.cards_per_s} cards/s (${f.parse.cards} cards)`, ''],
    ['floor: raw better-sqlite3, one transaction per card', `${f.raw_sqlite.cards_per_s} cards/s (${f.raw_sqlite.cards} cards)`, ''],
  ];
  for (const [size, i] of Object.entries(x.import)) {
    rows.push([
      `import ${Number(size).toLocaleString('en')} cards (${i.file_mb} MB vCard)`,
      `${i.cards_per_s} cards/s = ${i.pct_of_raw_sqlite}% of raw, ${i.seconds} s, server RSS peak ${i.rss_mb_peak} MB (idle ${i.rss_mb_idle})${i.skipped ? `, skipped ${i.skipped}` : ''}`,
      '',
    ]);
  }
  rows.push(
    ['floor: the codec alone writing vCard / CSV', `${f.render.vcard.mb_per_s} / ${f.render.csv.mb_per_s} MB/s (${f.render.vcard.contacts} contacts)`, ''],
    ['floor: bare node:http streaming a file', `${f.bare_stream.mb_per_s} MB/s`, ''],
  );
  for (const [size, e] of Object.entries(x.export)) {
    for (const format of ['vcard', 'csv']) {
      const o = e[format];
      rows.push([
        `export ${Number(size).toLocaleString('en')} contacts, ${format === 'vcard' ? 'vCard' : 'CSV'}`,
        `${o.mb_per_s} MB/s = ${o.pct_of_codec}% of the codec, ${o.mb} MB, server RSS peak ${o.rss_mb_peak} MB (idle ${e.rss_mb_idle})`,
        '',
      ]);
    }
  }
  const capped = Object.values(x.export).find((e) => e.vcard_heap_capped)?.vcard_heap_capped;
  if (capped) {
    rows.push([
      `  the largest export again, heap capped at ${capped.heap_cap_mb} MB`,
      capped.status === 200 ? `${capped.mb} MB at ${capped.mb_per_s} MB/s, server RSS peak ${capped.rss_mb_peak} MB` : `failed: ${capped.status}`,
      `completes: ${capped.status === 200 && capped.mb > 0 ? 'ok' : 'MISS'}`,
    ]);
  }
  return rows;
}

/** Why a part printed no figure: skipped (a service is down) or failed. */
const notRun = (x) => (x?.skipped ? `skipped: ${x.skipped}` : `error: ${x?.error ?? 'not run'}`);

/** The raw-database floors of the PATCH transaction without and with the version triggers (trigger-cost.mjs). */
function triggerCostRows(name, c) {
  if (c?.durable) return [...formRows(`${name}, commit flushed`, c.durable), ...formRows(`${name}, synchronous_commit off`, c.no_flush)];
  if (c?.before_tx_per_s) return formRows(name, c);
  return [[`raw ${name}: PATCH transaction, triggers' cost`, notRun(c), '']];
}

function formRows(name, c) {
  const rows = [[`raw ${name}: before: UPDATE + INSERT version, no triggers`, `${c.before_tx_per_s} tx/s`, '']];
  if (c.trigger_tx_per_s) rows.push([`raw ${name}: UPDATE alone, trigger writes version`, `${c.trigger_tx_per_s} tx/s = ${c.trigger_pct_of_before}% of before`, '']);
  rows.push([`raw ${name}: as the server now (+ context, read back)`, `${c.server_tx_per_s} tx/s = ${c.server_pct_of_before}% of before`, '']);
  return rows;
}
