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
    ['PATCH/s 16 conns', `${r.patch.req_per_s} req/s = ${r.patch.pct_of_raw_sqlite}% of floor, p50/p99 ${r.patch.latency_ms.p50}/${r.patch.latency_ms.p99} ms`, ''],
    ['floor: raw better-sqlite3 same transaction (UPDATE contact + INSERT version)', `${r.floor_raw_sqlite_write.transactions_per_s} tx/s`, ''],
  ];
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
  for (const rt of [r.realtime, r.realtime_socket_io_client]) {
    if (rt === undefined) continue;
    if (rt?.latency_ms) {
      rows.push([
        `events ${rt.clients} clients/${rt.replicas} repl`,
        `p50 ${rt.latency_ms.p50} / p99 ${rt.latency_ms.p99} / max ${rt.latency_ms.max} ms (${rt.client_kind}), missed ${rt.missed}, dup ${rt.duplicates}`,
        `p99 < 50: ${t(rt.latency_ms.p99 < 50)}, missed 0: ${t(rt.missed === 0)}`,
      ]);
      rows.push(['  replica RSS', `${rt.rss_mb.join(' / ')} MB`, `< 200: ${t(rt.rss_mb.every((mb) => mb < 200))}`]);
    } else {
      rows.push(['realtime', rt?.skipped ? `skipped: ${rt.skipped}` : `error: ${rt?.error}`, '']);
    }
  }
  rows.push(['API RSS idle / list / creates', `${r.api_rss_mb_idle} / ${r.api_rss_mb_after_list} / ${r.api_rss_mb_after_creates} MB`, '']);
  rows.push(['API RSS (100k db, after search)', `${r.api_rss_mb_100k} MB`, '']);
  rows.push(['total run', `${r.total_seconds} s`, '']);
  const widths = [Math.max(...rows.map((x) => x[0].length)), Math.max(...rows.map((x) => x[1].length))];
  return rows.map(([a, b, c]) => `${a.padEnd(widths[0])}  ${b.padEnd(widths[1])}  ${c}`).join('\n');
}
