// Keystroke-to-results latency in headless Chromium with the CPU slowed 4× (Lighthouse's
// mobile profile), on a synthetic catalog. A benchmark, not a test: it reports figures and
// never fails on them. Run through `cargo xtask bench keystroke [--count N]`, which builds
// dist/, writes the synthetic dataset and passes their paths in.
//
// Method: for each query, type it one character at a time into the search box. For each
// keystroke, time from dispatching the `input` event to the first animation frame after
// the app's work has run (a zero-delay task lets the router's navigation and the reactive
// update finish first), i.e. until the updated results are ready to paint.
import { chromium } from '@playwright/test';
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

const dist = process.env.BENCH_DIST ?? 'dist';
const datasetPath = process.env.BENCH_DATASET;
const out = process.env.BENCH_OUT ?? 'target/bench/keystroke.json';
const throttle = Number(process.env.BENCH_CPU_THROTTLE ?? 4);
if (!datasetPath) throw new Error('BENCH_DATASET (a synthetic dataset file) is required');

const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let file = join(dist, path);
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(dist, 'index.html');
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const dataset = readFileSync(datasetPath);
const products = JSON.parse(dataset).products.length;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
await page.route('**/config.json', (route) =>
  route.fulfill({ contentType: 'application/json', body: JSON.stringify({ dataset_url: 'bench/synthetic.json', max_dataset_bytes: 512 * 1024 * 1024, fetch_timeout_ms: 120000 }) }),
);
await page.route('**/bench/synthetic.json', (route) => route.fulfill({ contentType: 'application/json', body: dataset }));
const cdp = await page.context().newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });

const loadStart = Date.now();
await page.goto(`${base}/?lang=en`);
await page.locator('#catalog-search').waitFor({ timeout: 300000 });
const loadMs = Date.now() - loadStart;

const queries = ['tra hoa vang', 'cha muc', 'ngoc trai', 'mien dong', 'nuoc mam cai rong', 'chikcen'];
const typeAll = (queries) => page.evaluate(async (queries) => {
  const input = document.querySelector('#catalog-search');
  const settle = () => new Promise((r) => setTimeout(() => requestAnimationFrame(() => r(performance.now())), 0));
  const type = async (text) => {
    const t0 = performance.now();
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return (await settle()) - t0;
  };
  const out = [];
  for (const q of queries) {
    await type('');
    for (let i = 1; i <= q.length; i++) out.push({ query: q.slice(0, i), ms: await type(q.slice(0, i)) });
  }
  return out;
}, queries);

// Search + facets alone, as the app's User Timing entries record it (see catalog.rs), at
// desktop speed (no throttling), then every keystroke at the throttled speed.
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
await page.evaluate(() => performance.clearMeasures('catalog-query'));
await typeAll(queries);
const compute = await page.evaluate(() => performance.getEntriesByName('catalog-query').map((e) => e.duration));
await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
const times = await typeAll(queries);
const dom = await page.evaluate(() => document.getElementsByTagName('*').length);
const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
await browser.close();
server.close();

const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
const percentile = (values, p) => values[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const pct = (p) => percentile(sorted, p);
const computeSorted = compute.sort((a, b) => a - b);
const report = {
  products,
  cpu_throttle: throttle,
  keystrokes: sorted.length,
  p50_ms: +pct(50).toFixed(1),
  p95_ms: +pct(95).toFixed(1),
  max_ms: +sorted[sorted.length - 1].toFixed(1),
  search_and_facets_desktop_p50_ms: +percentile(computeSorted, 50).toFixed(2),
  search_and_facets_desktop_p95_ms: +percentile(computeSorted, 95).toFixed(2),
  first_load_to_search_box_ms: loadMs,
  dom_nodes: dom,
  js_heap_bytes: heap,
  slowest: times.sort((a, b) => b.ms - a.ms).slice(0, 5),
};
mkdirSync(join(out, '..'), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 2));
console.log(JSON.stringify(report, null, 2));
