// Soak test: a kiosk left running, used at random (issue: reliability and security).
//
//   cargo xtask soak [--minutes N] [--seed S]      (builds dist/ first; default 10 minutes)
//   node bench/soak.mjs [--minutes N] [--seed S] [--dist DIR]   (against an existing build)
//   node bench/soak.mjs --minutes 2 --only search,language   (one kind of action: to find
//                                                            which one leaks)
//
// One page on the kiosk profile (1920×1080, touch) is driven, after a warm-up that does
// every kind of action once in each language, for N minutes by a seeded
// random mix of what visitors do: search (typed letter by letter, tones or not), facet
// filters, product pages, adding to and removing from the list, quantities, routes, the map,
// the trip, the language switch, and idle periods long enough for the kiosk to count down
// and start over. Everything happens inside the one page — no reloads — because a kiosk
// runs for days on one page, and a leak shows only there.
//
// Pass: zero console errors, zero uncaught exceptions, zero panics (the panic hook logs
// "panicked at"; the crash screen never appears), and JS heap and wasm memory growth
// under 10% from the end of the first minute to the end. The heap is measured after a
// forced garbage collection; wasm memory never shrinks, so its size is the high-water mark.
// Writes target/soak/report.{json,md}; exits 1 on failure. Not part of `cargo xtask test`:
// it takes ten minutes by design.
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import sirv from 'sirv';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const MINUTES = arg('minutes', 10);
const SEED = arg('seed', 20261130);
const SAMPLE_EVERY_MS = 10_000;
const BASELINE_AT_MS = 60_000;
const MAX_GROWTH = 0.1;

// Seeded PRNG (mulberry32) so a failing run can be replayed with the same --seed.
let state = SEED >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (xs) => xs[Math.floor(random() * xs.length)];

const dataset = JSON.parse(readFileSync(resolve('public/data/ocop-quang-ninh.json'), 'utf8'));
const words = [...new Set(dataset.products.flatMap((p) => Object.values(p.name).join(' ').split(/\s+/)))].filter((w) => w.length > 1);
const unaccented = (w) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

// ---- Serve dist/ and open the kiosk ------------------------------------------------------
const distIndex = process.argv.indexOf('--dist');
const dist = resolve(distIndex > 0 ? process.argv[distIndex + 1] : 'dist');
const serve = sirv(dist, { single: true, dev: false });
const server = createServer((req, res) => serve(req, res));
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic'],
});
const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, hasTouch: true, serviceWorkers: 'block' });
// No internet: map tiles and anything else off this machine are cut off, as on an island.
await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
// The kiosk's shortest idle timings, so a ten-minute run sees several start-overs.
const config = JSON.parse(readFileSync(resolve(dist, 'config.json'), 'utf8'));
await context.route('**/config.json', (route) =>
  route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...config, kiosk: { idle_seconds: 10, countdown_seconds: 20, attract_seconds: 7 } }) }),
);
const page = await context.newPage();
page.setDefaultTimeout(5_000);

const errors = [];
page.on('pageerror', (e) => errors.push({ at: elapsed(), kind: 'uncaught', text: e.message }));
page.on('console', (m) => {
  if (m.type() === 'error' && !/Failed to load resource|net::ERR_/.test(m.text())) errors.push({ at: elapsed(), kind: 'console', text: m.text() });
});
await page.addInitScript(() => addEventListener('ocop:app-started', (e) => (window.__wasmMemory = e.detail.wasm.memory)));
const cdp = await context.newCDPSession(page);

const started = Date.now();
const elapsed = () => Date.now() - started;
await page.goto(`${base}/kiosk`);
await page.getByTestId('kiosk-start').click();
await page.getByTestId('product-card').first().waitFor();

// ---- What a visitor does -----------------------------------------------------------------
const nav = (href) => page.locator(`header a[href="${href}"]`).first().click();
const searchbox = () => page.getByRole('searchbox').first();

const actions = {
  async search() {
    await nav('/');
    const word = pick(words);
    const text = random() < 0.5 ? unaccented(word) : word;
    await searchbox().fill('');
    await searchbox().pressSequentially(text.slice(0, 2 + Math.floor(random() * 6)), { delay: 60 });
  },
  async clearSearch() {
    await nav('/');
    await searchbox().fill('');
  },
  async facet() {
    await nav('/');
    const boxes = page.locator('.facet input[type=checkbox]');
    const n = await boxes.count();
    if (n) await boxes.nth(Math.floor(random() * n)).click();
  },
  async product() {
    await nav('/');
    const cards = page.getByTestId('product-card');
    const n = Math.min(await cards.count(), 12);
    if (!n) return 'skipped';
    await cards.nth(Math.floor(random() * n)).locator('a').first().click();
    await page.getByTestId('product-page').waitFor();
    if (random() < 0.7) await page.getByTestId('product-page').getByRole('button').first().click();
  },
  async list() {
    await nav('/list');
    const items = page.getByTestId('list-item');
    const n = await items.count();
    if (!n) return 'skipped';
    const item = items.nth(Math.floor(random() * n));
    if (random() < 0.5) await item.getByTestId('remove-item').click();
    else await item.locator('.stepper button').nth(random() < 0.6 ? 1 : 0).click();
  },
  async route() {
    await nav('/routes');
    const cards = page.getByTestId('route-card');
    const n = await cards.count();
    if (!n) return 'skipped';
    await cards.nth(Math.floor(random() * n)).getByRole('link').first().click();
    await page.locator('.map').waitFor();
  },
  async map() {
    await nav('/map');
    await page.locator('.map[data-status=ready]').waitFor();
  },
  async trip() {
    await nav('/trip');
  },
  async language() {
    await page.locator('header select').first().selectOption(pick(['vi', 'en', 'zh']));
  },
  async idleReset() {
    // Hands off: the countdown appears after 10 s and the kiosk starts over 20 s later.
    await page.getByTestId('kiosk-attract').waitFor({ timeout: 45_000 });
    await page.getByTestId('kiosk-start').click();
  },
};
const weights = { search: 6, clearSearch: 2, facet: 4, product: 5, list: 3, route: 2, map: 1, trip: 1, language: 2 };
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex > 0 ? process.argv[onlyIndex + 1].split(',') : null;
const bag = Object.entries(weights)
  .filter(([name]) => !only || only.includes(name))
  .flatMap(([name, w]) => Array(w).fill(name));

// ---- Run ---------------------------------------------------------------------------------
const samples = [];
// Every sample is taken in the same state — the catalog, no search, no filter — so that
// what is measured is what the app keeps, not what the current screen happens to show.
async function sample() {
  try {
    if (await page.getByTestId('kiosk-attract').count()) await page.getByTestId('kiosk-start').click();
    await nav('/');
    await searchbox().fill('');
    const chips = page.locator('.chip-clear');
    if (await chips.count()) await chips.first().click();
    await page.waitForTimeout(300);
  } catch {
    // A sample is still worth taking from wherever the page is.
  }
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const m = await page.evaluate(() => ({ wasm: window.__wasmMemory?.buffer.byteLength ?? null, dom: document.getElementsByTagName('*').length }));
  samples.push({ at_ms: elapsed(), js_heap_bytes: heap.usedSize, wasm_memory_bytes: m.wasm, dom_nodes: m.dom });
}

const counts = {};
const skipped = {};

// Warm-up: every kind of action once in each language before the random mix, so that the
// baseline taken after the first minute comes after the browser has compiled the code
// behind every screen — growth after it is then what the app keeps, not first-use costs.
await sample();
for (const lang of ['en', 'zh', 'vi']) {
  await page.locator('header select').first().selectOption(lang).catch(() => {});
  for (const name of ['search', 'facet', 'clearSearch', 'product', 'list', 'route', 'map', 'trip']) {
    await actions[name]().catch(() => {});
  }
}
let nextSample = 0;
let nextIdle = 120_000;
const end = MINUTES * 60_000;
while (elapsed() < end) {
  if (elapsed() >= nextSample) {
    await sample();
    nextSample += SAMPLE_EVERY_MS;
  }
  const name = elapsed() >= nextIdle && (!only || only.includes('idleReset')) ? 'idleReset' : pick(bag);
  if (name === 'idleReset') nextIdle += 150_000;
  try {
    const result = await actions[name]();
    if (result === 'skipped') skipped[name] = (skipped[name] ?? 0) + 1;
    else counts[name] = (counts[name] ?? 0) + 1;
  } catch (e) {
    // A step that could not be done (an element that is not on this screen) is not an app
    // error; it is counted, and the page's own errors are what decide the run.
    skipped[name] = (skipped[name] ?? 0) + 1;
  }
  if (await page.getByTestId('crash-screen').count()) errors.push({ at: elapsed(), kind: 'crash screen', text: 'crash screen shown' });
  await page.waitForTimeout(100 + random() * 400);
}
await sample();
await browser.close();
server.close();

// ---- Report ------------------------------------------------------------------------------
const baseline = samples.find((s) => s.at_ms >= BASELINE_AT_MS) ?? samples[0];
const last = samples[samples.length - 1];
const growth = (key, from = baseline) => (from[key] ? (last[key] - from[key]) / from[key] : null);
// The second half alone: a leak grows as fast there as in the first; warm-up does not.
const midway = samples.find((s) => s.at_ms >= last.at_ms / 2) ?? baseline;
const maxOf = (key) => Math.max(...samples.map((s) => s[key] ?? 0));
const panics = errors.filter((e) => /panicked at/.test(e.text));
const result = {
  date: new Date().toISOString(),
  minutes: MINUTES,
  seed: SEED,
  actions: counts,
  skipped,
  errors,
  panics: panics.length,
  baseline,
  last,
  js_heap_growth: growth('js_heap_bytes'),
  wasm_memory_growth: growth('wasm_memory_bytes'),
  midway,
  js_heap_growth_second_half: growth('js_heap_bytes', midway),
  wasm_memory_growth_second_half: growth('wasm_memory_bytes', midway),
  js_heap_max_bytes: maxOf('js_heap_bytes'),
  dom_nodes_max: maxOf('dom_nodes'),
  samples,
};
const pass = errors.length === 0 && result.js_heap_growth < MAX_GROWTH && result.wasm_memory_growth < MAX_GROWTH;
result.pass = pass;

const mib = (b) => (b / 1024 / 1024).toFixed(1);
const pct = (x) => `${(x * 100).toFixed(1)}%`;
const md = [
  `Soak run ${result.date}: ${MINUTES} min on the kiosk profile, seed ${SEED}${only ? `, only ${only.join(', ')}` : ''} — **${pass ? 'pass' : 'FAIL'}**`,
  '',
  `| measure | after 1 min | at the end | growth | limit |`,
  `|---|---|---|---|---|`,
  `| JS heap (after GC) | ${mib(baseline.js_heap_bytes)} MiB | ${mib(last.js_heap_bytes)} MiB | ${pct(result.js_heap_growth)} | < 10% |`,
  `| wasm memory | ${mib(baseline.wasm_memory_bytes)} MiB | ${mib(last.wasm_memory_bytes)} MiB | ${pct(result.wasm_memory_growth)} | < 10% |`,
  `| DOM nodes | ${baseline.dom_nodes} | ${last.dom_nodes} | (max ${result.dom_nodes_max}) | — |`,
  '',
  `Second half alone (${(midway.at_ms / 60000).toFixed(1)} min → end): JS heap ${pct(result.js_heap_growth_second_half)}, wasm memory ${pct(result.wasm_memory_growth_second_half)}. Samples are taken on the catalog with no search or filter, after a forced GC.`,
  '',
  `Console errors and uncaught exceptions: ${errors.length}; panics: ${panics.length}.`,
  `Actions done: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}; steps not possible on the screen of the moment: ${Object.values(skipped).reduce((a, b) => a + b, 0)}.`,
  ...errors.slice(0, 20).map((e) => `- ${(e.at / 1000).toFixed(0)} s ${e.kind}: ${e.text}`),
].join('\n');
mkdirSync('target/soak', { recursive: true });
writeFileSync('target/soak/report.json', JSON.stringify(result, null, 2));
writeFileSync('target/soak/report.md', md + '\n');
console.log(md);
process.exit(pass ? 0 : 1);
