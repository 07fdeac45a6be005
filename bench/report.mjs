// The browser benchmark report (issue 7). A benchmark, not a test: it measures and reports
// against bench/budgets.json and never fails on a figure. Run it with `cargo xtask bench`,
// which builds dist/, writes the synthetic datasets and passes their paths in.
//
// Everything runs on this machine's Chromium, offline, in one go:
//  1. transfer sizes of every file (raw, gzip, brotli) and the catalog's first-load totals;
//  2. first load of three pre-rendered pages with the bundled dataset — the English catalog
//     `/en/`, a product `/en/p/ngoc-trai-akoya/` and the first route `/routes/<id>/` — under
//     Lighthouse's mobile profile (Moto G Power screen, slow 4G, 4× CPU) driven through the
//     Chrome DevTools Protocol: FCP, LCP and which element it was, CLS across the hand-over,
//     total blocking time, bytes transferred, and when the app took over from the pre-rendered
//     page (`#boot` left the document): until then a tap only reaches static HTML, so
//     "LCP → answering a tap" is take-over − LCP;
//  3. Lighthouse 12.2.3 on the same pages as a second opinion (simulated throttling):
//     performance and SEO scores;
//  4. keystroke to updated results at 10k and 50k products at 4× CPU, plus the app's own
//     search + facets timing (User Timing `catalog-query`) at desktop speed;
//  5. JS heap, wasm memory and DOM nodes with 50k products loaded;
//  6. the same datasets and keystrokes searched by MiniSearch (bench/peer/), our search +
//     facets time as a ratio to theirs.
// Every measured figure is the median of RUNS runs (default 5), each in a fresh page.
//
// Output: target/bench/report.json and target/bench/report.md; with BENCH_UPDATE_README=1
// the Markdown summary also replaces the block between `<!-- bench:start -->` and
// `<!-- bench:end -->` in README.md.
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { measureDist, kib, KIB, brotli, gzip } from './sizes.mjs';

const dist = resolve(process.env.BENCH_DIST ?? 'dist');
const outDir = resolve(process.env.BENCH_OUT_DIR ?? 'target/bench');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const chromePath = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';
// `synthetic-10000.json,synthetic-50000.json`: written by `cargo xtask data synth`.
const datasets = (process.env.BENCH_DATASETS ?? '').split(',').filter(Boolean).map((p) => resolve(p));
if (!datasets.length) throw new Error('BENCH_DATASETS (comma-separated synthetic dataset files) is required');
const budgets = JSON.parse(readFileSync(new URL('./budgets.json', import.meta.url), 'utf8'));
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

// Lighthouse's mobile profile. Network: its "slow 4G" preset as DevTools throttling applies
// it (latency ×3.75, throughput ×0.9: Lighthouse's own adjustment for request-level
// throttling, lighthouse/core/config/constants.js); CPU 4× slower; Moto G Power screen.
const MOBILE = {
  network: { offline: false, latency: 150 * 3.75, downloadThroughput: (1638.4 * 0.9 * 1024) / 8, uploadThroughput: (750 * 0.9 * 1024) / 8 },
  cpu: 4,
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  userAgent: 'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Mobile Safari/537.36',
};
// The pages the first-load figures are for (issue: pre-rendered pages). The route is the first
// one in the bundled dataset, as the build renders it.
const firstRoute = JSON.parse(readFileSync(join(dist, 'data/ocop-quang-ninh.json'), 'utf8')).routes[0].id;
const PAGES = [
  { name: 'catalog', path: '/en/' },
  { name: 'product', path: '/en/p/ngoc-trai-akoya/' },
  { name: 'route', path: `/routes/${encodeURIComponent(firstRoute)}/` },
];
const QUERIES = ['tra hoa vang', 'cha muc', 'ngoc trai', 'mien dong', 'nuoc mam cai rong', 'chikcen'];

const median = (xs) => {
  const s = [...xs].filter((x) => x != null).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const round = (x, digits = 1) => (x == null ? null : +x.toFixed(digits));

// ---- A static server for dist/ that compresses like a CDN (brotli, else gzip) ----------
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png' };
const encodedCache = new Map();
function encoded(file, encoding) {
  const key = `${file}:${encoding}`;
  if (!encodedCache.has(key)) {
    const body = readFileSync(file);
    encodedCache.set(key, encoding === 'br' ? brotli(body) : encoding === 'gzip' ? gzip(body) : body);
  }
  return encodedCache.get(key);
}
const extraFiles = {
  '/bench-peer/': resolve('bench/peer/index.html'),
  '/bench-peer/peer.js': resolve('bench/peer/peer.js'),
  '/bench-peer/minisearch.js': resolve('node_modules/minisearch/dist/umd/index.js'),
};
for (const d of datasets) extraFiles[`/bench-data/${d.split('/').pop()}`] = d;
// Like a static host (README, "Deploying"; nginx `try_files $uri $uri/ /shell.html`): the
// file, else the directory's pre-rendered index.html, else the single-page fallback.
const fallback = existsSync(join(dist, 'shell.html')) ? join(dist, 'shell.html') : join(dist, 'index.html');
const fileFor = (path) => {
  if (extraFiles[path]) return extraFiles[path];
  const file = join(dist, path);
  if (!file.startsWith(dist)) return fallback;
  if (existsSync(file) && statSync(file).isFile()) return file;
  if (existsSync(join(file, 'index.html'))) return join(file, 'index.html');
  return fallback;
};
const server = createServer((req, res) => {
  const file = fileFor(decodeURIComponent(new URL(req.url, 'http://x').pathname));
  const accept = String(req.headers['accept-encoding'] ?? '');
  const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : 'identity';
  const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
  if (encoding !== 'identity') headers['content-encoding'] = encoding;
  res.writeHead(200, headers);
  res.end(encoded(file, encoding));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const log = (...a) => console.log(...a);

// ---- 1. Sizes ---------------------------------------------------------------------------
const sizes = measureDist(dist);
log(`first load: wasm+JS ${kib(sizes.first_load_wasm_js.brotli)} KiB brotli, HTML+CSS ${kib(sizes.first_load_html_css.brotli)} KiB brotli`);

// ---- 2. First load under the mobile profile (CDP) ---------------------------------------
// Observers installed before any page script: paint, LCP, layout shifts, long tasks, and the
// app's take-over. The LCP element is described when its entry arrives: the pre-rendered one
// is gone after the take-over.
const observeVitals = () => {
  const v = (window.__vitals = { fcp: null, lcp: null, lcpElement: null, lcpCandidates: [], takeover: null, shifts: [], longTasks: [] });
  // `h1`, `p.lead`, `img#photo`, `div[data-testid=x]`, with "(pre-rendered)" inside #boot.
  const describe = (e) => {
    const el = e.element;
    if (!el) return e.url ? `img ${e.url}` : '(removed)';
    const classes = (el.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean);
    const testId = el.getAttribute('data-testid');
    const what = el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + classes.map((c) => `.${c}`).join('') + (testId ? `[data-testid=${testId}]` : '');
    return el.closest('#boot') ? `${what} (pre-rendered)` : what;
  };
  new PerformanceObserver((l) => l.getEntries().forEach((e) => e.name === 'first-contentful-paint' && (v.fcp = e.startTime))).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((l) =>
    l.getEntries().forEach((e) => {
      v.lcp = e.startTime;
      v.lcpElement = describe(e);
      v.lcpCandidates.push({ t: Math.round(e.startTime), size: e.size, element: v.lcpElement });
    }),
  ).observe({ type: 'largest-contentful-paint', buffered: true });
  // The take-over: the app removes #boot in one frame. Watch the whole document until #boot
  // is parsed, then only its parent's children, so the app's own rendering is not observed.
  let parent = null;
  const watch = new MutationObserver(() => {
    const boot = document.getElementById('boot');
    if (boot && !parent) {
      parent = boot.parentNode;
      watch.disconnect();
      watch.observe(parent, { childList: true });
    } else if (!boot && parent) {
      v.takeover = performance.now();
      watch.disconnect();
    }
  });
  watch.observe(document, { childList: true, subtree: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => !e.hadRecentInput && v.shifts.push({ t: e.startTime, value: e.value }))).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => v.longTasks.push({ t: e.startTime, d: e.duration }))).observe({ type: 'longtask', buffered: true });
};
// CLS as Chrome defines it: the largest session window (shifts < 1 s apart, window ≤ 5 s).
const cls = (shifts) => {
  let best = 0, current = 0, start = 0, last = -Infinity;
  for (const s of shifts) {
    if (s.t - last > 1000 || s.t - start > 5000) { current = 0; start = s.t; }
    current += s.value; last = s.t; best = Math.max(best, current);
  }
  return best;
};

async function firstLoad(browser, path) {
  const context = await browser.newContext({ viewport: MOBILE.viewport, deviceScaleFactor: MOBILE.deviceScaleFactor, userAgent: MOBILE.userAgent, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(observeVitals);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', MOBILE.network);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: MOBILE.cpu });
  let transferred = 0;
  cdp.on('Network.loadingFinished', (e) => (transferred += e.encodedDataLength));
  await page.goto(`${base}${path}`, { waitUntil: 'load', timeout: 120000 });
  let error = null;
  await page.waitForFunction(() => window.__vitals.takeover != null, null, { timeout: 120000, polling: 100 }).catch((e) => (error = `no take-over: ${e.message.split('\n')[0]}`));
  // Quiet for 3 s: no long task may still be pending for TBT, no shift for CLS.
  await page.waitForTimeout(3000);
  const v = await page.evaluate(() => window.__vitals);
  await context.close();
  // TBT: the part of every long task beyond 50 ms, from FCP on (Lighthouse stops at TTI;
  // after the app has taken over and is quiet nothing runs, so the two agree).
  const tbt = v.longTasks.filter((t) => t.t >= (v.fcp ?? 0)).reduce((sum, t) => sum + Math.max(0, t.d - 50), 0);
  return {
    fcp_ms: v.fcp,
    lcp_ms: v.lcp,
    lcp_element: v.lcpElement,
    cls: cls(v.shifts),
    takeover_ms: v.takeover,
    lcp_to_tap_ms: v.takeover != null && v.lcp != null ? v.takeover - v.lcp : null,
    tbt_ms: tbt,
    transferred_bytes: transferred,
    lcp_candidates: v.lcpCandidates,
    ...(error ? { error } : {}),
  };
}

// ---- 3. Lighthouse as a second opinion ---------------------------------------------------
async function lighthouseRun(path) {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', ...chromiumArgs] });
  try {
    const result = await lighthouse(`${base}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'seo'] });
    const a = result.lhr.audits;
    const { performance, seo } = result.lhr.categories;
    // The LCP element as Lighthouse saw it: the last step of its CSS selector. Lighthouse
    // 12.2.3's TraceElements gatherer fails on recent Chromium traces (RootCauses:
    // `frame_sequence`), and then there is none: the CDP run's element is the one reported.
    const lcpAudit = a['largest-contentful-paint-element'];
    const lcpNode = lcpAudit?.details?.items?.[0]?.items?.[0]?.node;
    return {
      performance_score: performance.score == null ? null : Math.round(performance.score * 100),
      seo_score: seo.score == null ? null : Math.round(seo.score * 100),
      // SEO audits that count and did not pass.
      seo_failed: seo.auditRefs.filter((r) => r.weight > 0 && a[r.id]?.score != null && a[r.id].score < 1).map((r) => r.id),
      lcp_element: lcpNode?.selector?.split(/\s*>\s*/).at(-1) ?? null,
      ...(lcpAudit?.errorMessage ? { lcp_element_error: lcpAudit.errorMessage } : {}),
      fcp_ms: a['first-contentful-paint'].numericValue,
      lcp_ms: a['largest-contentful-paint'].numericValue,
      cls: a['cumulative-layout-shift'].numericValue,
      tbt_ms: a['total-blocking-time'].numericValue,
      speed_index_ms: a['speed-index'].numericValue,
      tti_ms: a['interactive']?.numericValue ?? null,
      lighthouse_version: result.lhr.lighthouseVersion,
      warnings: result.lhr.runWarnings,
    };
  } finally {
    await chrome.kill();
  }
}

// ---- 4–6. Keystrokes, memory, and the JavaScript peer --------------------------------------
// Types every query one character at a time into the search box. Each keystroke is timed
// from dispatching `input` to the first animation frame after the app's work has run (a
// zero-delay task lets the reactive update and any navigation finish first), and paired
// with the app's own `catalog-query` measure (search + facets, no rendering) if one ran.
const typeAll = (page, queries) =>
  page.evaluate(async (queries) => {
    const input = document.querySelector('#catalog-search');
    const settle = () => new Promise((r) => setTimeout(() => requestAnimationFrame(() => r(performance.now())), 0));
    const type = async (text) => {
      // The app keeps only its latest measure: a new one has a new start time.
      const latest = () => performance.getEntriesByName('catalog-query').at(-1);
      const before = latest()?.startTime;
      const t0 = performance.now();
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const ms = (await settle()) - t0;
      const after = latest();
      return { query: text, ms, compute_ms: after && after.startTime !== before ? after.duration : null };
    };
    const out = [];
    for (const q of queries) {
      await type('');
      for (let i = 1; i <= q.length; i++) out.push(await type(q.slice(0, i)));
    }
    return out;
  }, queries);

async function keystrokes(browser, dataset) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  // The wasm instance's memory, handed out by the start script (xtask/src/bundle.rs) when the app starts.
  await page.addInitScript(() => addEventListener('ocop:app-started', (e) => (window.__wasmMemory = e.detail.wasm.memory)));
  const url = `/bench-data/${dataset.split('/').pop()}`;
  await page.route('**/config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ dataset_url: url, max_dataset_bytes: 512 * 1024 * 1024, fetch_timeout_ms: 300000 }) }),
  );
  const cdp = await context.newCDPSession(page);
  const t0 = Date.now();
  await page.goto(`${base}/en/`);
  // The pre-rendered catalog has a search box and cards too: wait for the app's.
  await page.waitForFunction(() => !document.getElementById('boot'), null, { timeout: 300000, polling: 100 });
  await page.locator('#catalog-search').waitFor({ timeout: 300000 });
  await page.locator('.product-card').first().waitFor({ timeout: 300000 });
  const loadMs = Date.now() - t0;
  // Search + facets alone, at desktop speed.
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const desktop = await typeAll(page, QUERIES);
  // Every keystroke with the CPU 4× slower.
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: MOBILE.cpu });
  const slow = await typeAll(page, QUERIES);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const memory = await page.evaluate(() => ({ wasm: window.__wasmMemory?.buffer.byteLength ?? null, dom: document.getElementsByTagName('*').length }));
  await context.close();
  const compute = desktop.map((k) => k.compute_ms).filter((x) => x != null);
  const slowMs = slow.map((k) => k.ms);
  return {
    keystrokes: slow.length,
    keystroke_p50_ms: percentile(slowMs, 50),
    keystroke_p95_ms: percentile(slowMs, 95),
    search_and_facets_p50_ms: percentile(compute, 50),
    search_and_facets_p95_ms: percentile(compute, 95),
    load_to_results_ms: loadMs,
    js_heap_bytes: heap.usedSize,
    wasm_memory_bytes: memory.wasm,
    dom_nodes: memory.dom,
    slowest: [...slow].sort((a, b) => b.ms - a.ms).slice(0, 3),
  };
}

async function peer(browser, dataset) {
  const page = await browser.newPage();
  await page.goto(`${base}/bench-peer/`);
  const built = await page.evaluate((url) => window.peerIndex(url), `/bench-data/${dataset.split('/').pop()}`);
  const typed = await page.evaluate((q) => window.peerType(q), QUERIES);
  await page.close();
  const ms = typed.map((k) => k.ms);
  return { index_build_ms: built.index_build_ms, search_and_facets_p50_ms: percentile(ms, 50), search_and_facets_p95_ms: percentile(ms, 95) };
}

const browser = await chromium.launch({ executablePath: chromePath, args: chromiumArgs });
// Runs interleaved across the pages, so a slow spell on the machine hits all of them alike.
const firstLoads = Object.fromEntries(PAGES.map((p) => [p.name, []]));
const lighthouses = Object.fromEntries(PAGES.map((p) => [p.name, []]));
for (let i = 0; i < runs; i++) {
  for (const { name, path } of PAGES) {
    const r = await firstLoad(browser, path);
    firstLoads[name].push(r);
    const { lcp_candidates, ...shown } = r;
    log(`first load ${name} ${i + 1}/${runs}:`, JSON.stringify(shown));
  }
}
for (let i = 0; i < runs; i++) {
  for (const { name, path } of PAGES) {
    try {
      const r = await lighthouseRun(path);
      lighthouses[name].push(r);
      log(`lighthouse ${name} ${i + 1}/${runs}: performance ${r.performance_score}, SEO ${r.seo_score}${r.seo_failed.length ? ` (failed: ${r.seo_failed.join(', ')})` : ''}, LCP ${round(r.lcp_ms, 0)} ms (${r.lcp_element ?? 'element n/a'}), TBT ${round(r.tbt_ms, 0)} ms`);
    } catch (e) {
      log(`lighthouse ${name} ${i + 1}/${runs} failed: ${e.message}`);
    }
  }
}
const bySize = {};
for (const dataset of datasets) {
  const products = JSON.parse(readFileSync(dataset)).products.length;
  const ours = [];
  const theirs = [];
  for (let i = 0; i < runs; i++) {
    ours.push(await keystrokes(browser, dataset));
    theirs.push(await peer(browser, dataset));
    log(`${products} products ${i + 1}/${runs}: keystroke p95 ${round(ours.at(-1).keystroke_p95_ms)} ms, search+facets p50 ours ${round(ours.at(-1).search_and_facets_p50_ms, 2)} ms vs MiniSearch ${round(theirs.at(-1).search_and_facets_p50_ms, 2)} ms`);
  }
  bySize[products] = { ours, theirs };
}
await browser.close();
server.close();

// ---- Report ------------------------------------------------------------------------------
const med = (rows, key) => median(rows.map((r) => r[key]));
// The most frequent value, `x (3/5)` when the runs disagree.
const mode = (xs) => {
  const counts = new Map();
  for (const x of xs) if (x != null) counts.set(x, (counts.get(x) ?? 0) + 1);
  const [best, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
  return best == null || n === xs.length ? best : `${best} (${n}/${xs.length})`;
};
const pages = Object.fromEntries(
  PAGES.map(({ name, path }) => {
    const f = firstLoads[name];
    const l = lighthouses[name];
    const first = {
      ...Object.fromEntries(['fcp_ms', 'lcp_ms', 'cls', 'takeover_ms', 'lcp_to_tap_ms', 'tbt_ms', 'transferred_bytes'].map((k) => [k, med(f, k)])),
      lcp_element: mode(f.map((r) => r.lcp_element)),
      runs_without_takeover: f.filter((r) => r.takeover_ms == null).length,
    };
    const lh = l.length
      ? {
          ...Object.fromEntries(['performance_score', 'seo_score', 'fcp_ms', 'lcp_ms', 'cls', 'tbt_ms', 'speed_index_ms', 'tti_ms'].map((k) => [k, med(l, k)])),
          lcp_element: mode(l.map((r) => r.lcp_element)),
          seo_failed: [...new Set(l.flatMap((r) => r.seo_failed))],
        }
      : null;
    return [name, { path, first_load_mobile: first, lighthouse: lh }];
  }),
);
const report = {
  date: new Date().toISOString(),
  runs,
  machine: { cpus: (await import('node:os')).cpus().length, chromium: chromePath },
  sizes: {
    first_load_wasm_js: sizes.first_load_wasm_js,
    first_load_html_css: sizes.first_load_html_css,
    first_load_data: sizes.first_load_data,
    parts: sizes.parts,
    files: sizes.files,
  },
  // Per page: the CDP first load on the mobile profile and Lighthouse, medians over the runs.
  pages,
  lighthouse_version: Object.values(lighthouses).flat()[0]?.lighthouse_version ?? null,
  search: Object.fromEntries(
    Object.entries(bySize).map(([n, { ours, theirs }]) => {
      const o = Object.fromEntries(['keystroke_p50_ms', 'keystroke_p95_ms', 'search_and_facets_p50_ms', 'search_and_facets_p95_ms', 'load_to_results_ms', 'js_heap_bytes', 'wasm_memory_bytes', 'dom_nodes'].map((k) => [k, med(ours, k)]));
      const t = Object.fromEntries(['index_build_ms', 'search_and_facets_p50_ms', 'search_and_facets_p95_ms'].map((k) => [k, med(theirs, k)]));
      return [n, { ours: o, minisearch: t, ratio_p50: o.search_and_facets_p50_ms / t.search_and_facets_p50_ms, ratio_p95: o.search_and_facets_p95_ms / t.search_and_facets_p95_ms }];
    }),
  ),
  raw: { firstLoads, lighthouses, bySize },
};

const mark = (ok) => (ok == null ? '—' : ok ? '**met**' : '**not met**');
const largest = Object.keys(report.search).map(Number).sort((a, b) => b - a)[0];
const big = report.search[largest];
const ms = (x) => (x == null ? '—' : `${Math.round(x).toLocaleString('en')} ms`);
// The budgets hold for every page: the worst page's median, by CDP and by Lighthouse.
const worst = (source, key) => {
  const xs = Object.values(pages).map((p) => p[source]?.[key]).filter((x) => x != null);
  return xs.length ? Math.max(...xs) : null;
};
const fl = { lcp_ms: worst('first_load_mobile', 'lcp_ms'), tbt_ms: worst('first_load_mobile', 'tbt_ms'), cls: worst('first_load_mobile', 'cls') };
const lh = Object.values(lighthouses).some((l) => l.length) ? { lcp_ms: worst('lighthouse', 'lcp_ms'), tbt_ms: worst('lighthouse', 'tbt_ms'), cls: worst('lighthouse', 'cls') } : null;
const label = (name) => `${name} \`${pages[name].path}\``;
const perPage = (f) => PAGES.map(({ name }) => `${name} ${f(pages[name])}`).join(', ');
const seoFailed = PAGES.filter(({ name }) => pages[name].lighthouse?.seo_failed.length).map(({ name }) => `${name}: ${pages[name].lighthouse.seo_failed.join(', ')}`);
const lines = [
  `Measured ${report.date.slice(0, 10)} by \`cargo xtask bench\` (median of ${runs} runs, headless Chromium, ${report.machine.cpus} CPU cores; Lighthouse ${report.lighthouse_version ?? 'did not run'}).`,
  '',
  '| budget | measured | target | |',
  '|---|---|---|---|',
  `| first-load wasm + JS (catalog), brotli | ${kib(sizes.first_load_wasm_js.brotli)} KiB | ≤ ${budgets.first_load_wasm_js.target_kib} KiB | ${mark(sizes.first_load_wasm_js.brotli <= budgets.first_load_wasm_js.target_kib * KIB)} |`,
  `| first-load index.html + CSS, brotli | ${kib(sizes.first_load_html_css.brotli)} KiB | ≤ ${budgets.first_load_html_css.target_kib} KiB | ${mark(sizes.first_load_html_css.brotli <= budgets.first_load_html_css.target_kib * KIB)} |`,
  `| LCP, mobile profile, slowest of ${PAGES.length} pages (CDP / Lighthouse) | ${ms(fl.lcp_ms)} / ${ms(lh?.lcp_ms)} | ≤ ${ms(budgets.lcp_ms.target)} | ${mark(Math.max(fl.lcp_ms ?? 0, lh?.lcp_ms ?? 0) <= budgets.lcp_ms.target)} |`,
  `| TBT, mobile profile, worst of ${PAGES.length} pages (CDP / Lighthouse) | ${ms(fl.tbt_ms)} / ${ms(lh?.tbt_ms)} | ≤ ${ms(budgets.tbt_ms.target)} | ${mark(Math.max(fl.tbt_ms ?? 0, lh?.tbt_ms ?? 0) <= budgets.tbt_ms.target)} |`,
  `| CLS, worst of ${PAGES.length} pages (CDP / Lighthouse) | ${round(fl.cls, 3)} / ${lh ? round(lh.cls, 3) : '—'} | ≤ ${budgets.cls.target} | ${mark(Math.max(fl.cls ?? 0, lh?.cls ?? 0) <= budgets.cls.target)} |`,
  `| search + facets per keystroke, ${largest.toLocaleString('en')} products, desktop, median | ${round(big.ours.search_and_facets_p50_ms, 2)} ms | ≤ ${budgets.search_and_facets_ms_50k.target} ms | ${mark(big.ours.search_and_facets_p50_ms <= budgets.search_and_facets_ms_50k.target)} |`,
  `| keystroke to results, ${largest.toLocaleString('en')} products, 4× CPU, p95 | ${ms(big.ours.keystroke_p95_ms)} | ≤ ${budgets.keystroke_p95_ms.target} ms | ${mark(big.ours.keystroke_p95_ms <= budgets.keystroke_p95_ms.target)} |`,
  `| wasm memory, ${largest.toLocaleString('en')} products | ${big.ours.wasm_memory_bytes == null ? '—' : (big.ours.wasm_memory_bytes / KIB / KIB).toFixed(0) + ' MiB'} | ≤ ${budgets.wasm_memory_mib_50k.target} MiB | ${mark(big.ours.wasm_memory_bytes == null ? null : big.ours.wasm_memory_bytes <= budgets.wasm_memory_mib_50k.target * KIB * KIB)} |`,
  `| DOM nodes, ${largest.toLocaleString('en')} products | ${big.ours.dom_nodes} | ≤ ${budgets.dom_nodes_50k.target.toLocaleString('en')} | ${mark(big.ours.dom_nodes <= budgets.dom_nodes_50k.target)} |`,
  '',
  '**First load of the pre-rendered pages** on the mobile profile (CDP, bundled dataset; Lighthouse in brackets). The app takes over when it removes the pre-rendered page; until then a tap reaches only static HTML:',
  '',
  '| page | LCP | LCP element | CLS | app takes over | LCP → answering a tap | TBT | Lighthouse performance | SEO |',
  '|---|---|---|---|---|---|---|---|---|',
  ...PAGES.map(({ name }) => {
    const f = pages[name].first_load_mobile;
    const l = pages[name].lighthouse;
    return `| ${label(name)} | ${ms(f.lcp_ms)} (${ms(l?.lcp_ms)}) | \`${f.lcp_element ?? '—'}\` | ${round(f.cls, 3) ?? '—'} (${l ? round(l.cls, 3) : '—'}) | ${ms(f.takeover_ms)} | ${ms(f.lcp_to_tap_ms)} | ${ms(f.tbt_ms)} (${ms(l?.tbt_ms)}) | ${l?.performance_score ?? '—'} | ${l?.seo_score ?? '—'} |`;
  }),
  '',
  `**Parts loaded on demand** (brotli, what a first visit to each downloads): ${sizes.parts.map((p) => `${p.part.replace(/_part$/, '')} ${kib(p.brotli)} KiB`).join(', ') || '—'}.`,
  '',
  `FCP: ${perPage((p) => ms(p.first_load_mobile.fcp_ms))} (Lighthouse: ${perPage((p) => ms(p.lighthouse?.fcp_ms))}). Transferred: ${perPage((p) => `${kib(p.first_load_mobile.transferred_bytes)} KiB`)}. Lighthouse Speed Index: ${perPage((p) => ms(p.lighthouse?.speed_index_ms))}; TTI: ${perPage((p) => ms(p.lighthouse?.tti_ms))}.${seoFailed.length ? ` SEO audits not passed: ${seoFailed.join('; ')}.` : ''}`,
  '',
  '**Side by side with MiniSearch 7.2** (same synthetic dataset, same 61 keystrokes, same browser run, desktop speed; search + facet counts, no rendering):',
  '',
  '| products | ours p50 | MiniSearch p50 | ratio p50 | ours p95 | MiniSearch p95 | ratio p95 | keystroke p95 at 4× CPU (ours, with rendering) | JS heap | wasm memory |',
  '|---|---|---|---|---|---|---|---|---|---|',
  ...Object.entries(report.search).map(
    ([n, s]) =>
      `| ${Number(n).toLocaleString('en')} | ${round(s.ours.search_and_facets_p50_ms, 2)} ms | ${round(s.minisearch.search_and_facets_p50_ms, 2)} ms | **${round(s.ratio_p50, 2)}×** | ${round(s.ours.search_and_facets_p95_ms, 2)} ms | ${round(s.minisearch.search_and_facets_p95_ms, 2)} ms | ${round(s.ratio_p95, 2)}× | ${ms(s.ours.keystroke_p95_ms)} | ${(s.ours.js_heap_bytes / KIB / KIB).toFixed(0)} MiB | ${s.ours.wasm_memory_bytes == null ? '—' : (s.ours.wasm_memory_bytes / KIB / KIB).toFixed(0) + ' MiB'} |`,
  ),
  '',
  'A ratio below 1 means our search is faster than MiniSearch on the same work.',
];
const markdown = lines.join('\n');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'report.json'), JSON.stringify(report, null, 2));
writeFileSync(join(outDir, 'report.md'), `# Benchmark report\n\n${markdown}\n`);
log(`\n${markdown}\n\nwrote ${join(outDir, 'report.json')} and report.md`);
if (process.env.BENCH_UPDATE_README === '1') {
  const readme = readFileSync('README.md', 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  if (!readme.includes(start) || !readme.includes(end)) throw new Error(`README.md has no ${start} … ${end} block`);
  writeFileSync('README.md', readme.replace(new RegExp(`${start}[\\s\\S]*${end}`), `${start}\n${markdown}\n${end}`));
  log('updated the figures in README.md');
}
