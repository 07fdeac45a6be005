// Hostile input must never run code (issue: reliability and security).
//
// 1. The Content-Security-Policy that `cargo xtask csp` writes into the built index.html (and
//    into dist/_headers for hosts) lets the app run every main flow with zero violations:
//    a violation here means either the policy is too tight (the app breaks for visitors) or
//    the app started doing something the policy exists to forbid (inline script, eval).
// 2. A dataset made of XSS payloads renders as plain text, and its script URLs are not links.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, Page } from '@playwright/test';
import { bundledDataset, corsJson, inLanguage, serveRemote, t, useRemoteConfig, test } from './fixtures';

/** Records every CSP violation (event and console report) from before the first script runs. */
async function watchPolicy(page: Page): Promise<() => Promise<string[]>> {
  const reported: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) reported.push(m.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = ((window as any).__cspViolations = []);
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return async () => [...reported, ...(await page.evaluate(() => (window as any).__cspViolations as string[]))];
}

// No test may touch the internet (map tiles would be the only candidates).
test.beforeEach(async ({ context, page }) => {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])(?!data\.example\.test)/, (route) => route.abort());
  await inLanguage(page, 'en');
});

test('the built page carries a policy with no inline or eval script allowance', async ({ page }) => {
  await page.goto('/');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain("'unsafe-eval'");
  expect(policy).toContain("object-src 'none'");
  // The deployment headers carry the same policy plus framing protection.
  const headers = readFileSync(join(__dirname, '..', '..', 'dist', '_headers'), 'utf8');
  expect(headers).toContain(`Content-Security-Policy: ${policy}; frame-ancestors 'none'`);
});

test('every main flow runs with zero policy violations', async ({ page }) => {
  const violations = await watchPolicy(page);
  await page.goto('/');
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  // Catalog: search and a filter.
  await page.getByRole('searchbox', { name: t('en', 'search_label') }).fill('tra');
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  await page.getByRole('searchbox', { name: t('en', 'search_label') }).fill('');
  // Product page, add to the list, the list with its QR code.
  await page.goto('/p/cha-muc-manh-ha');
  await page.getByRole('button', { name: new RegExp(t('en', 'add_to_list')) }).click();
  await page.getByRole('link', { name: new RegExp(t('en', 'nav_list')) }).first().click();
  await expect(page.getByTestId('list-item')).toHaveCount(1);
  // Routes, one route with its map, the map page, a place, the trip, about.
  await page.getByRole('link', { name: t('en', 'nav_routes') }).first().click();
  await page.getByTestId('route-card').first().getByRole('link').click();
  await expect(page.locator('.map')).toHaveAttribute('data-outline', 'ready');
  await page.getByRole('link', { name: t('en', 'nav_map') }).first().click();
  await expect(page.locator('.map')).toHaveAttribute('data-status', 'ready');
  await page.goto('/spot/dao-co-to');
  await page.goto('/trip');
  await page.goto('/about');
  // Language switch and the kiosk.
  await page.getByLabel(t('en', 'language')).selectOption('zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh');
  await page.goto('/kiosk');
  await page.getByTestId('kiosk-start').click();
  await expect(page.getByTestId('kiosk-home')).toBeVisible();
  await page.getByTestId('kiosk-tile-all').press('Enter');
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  expect(await violations()).toEqual([]);
});

test('the policy sent as a header (dist/_headers) also runs the app with zero violations', async ({ page }) => {
  const headers = readFileSync(join(__dirname, '..', '..', 'dist', '_headers'), 'utf8');
  const policy = headers.match(/Content-Security-Policy: (.*)/)![1];
  await page.route(
    (url) => url.pathname === '/' || url.pathname === '/map',
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
    },
  );
  const violations = await watchPolicy(page);
  await page.goto('/');
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  await page.goto('/map');
  await expect(page.locator('.map')).toHaveAttribute('data-status', 'ready');
  expect(await violations()).toEqual([]);
});

test('an injected inline script is blocked by the policy', async ({ page }) => {
  // The proof that the policy is live, not just present: a script that slipped into the
  // page (say through a future bug) does not run, and the browser reports it.
  const violations = await watchPolicy(page);
  await page.goto('/');
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.appendChild(s);
  });
  await expect.poll(violations).toContainEqual(expect.stringContaining('script-src'));
  expect(await page.evaluate(() => (window as any).__injected)).toBeUndefined();
});

// ---------------------------------------------------------------------------------------
// A dataset of XSS payloads

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '"><svg onload="window.__xss=3">',
  "'; window.__xss=4; '",
  '{{7*7}} ${7*7} <b>bold</b>',
];

function hostileDataset() {
  const d = bundledDataset();
  d.meta.dataset_version = 'hostile-1';
  d.meta.title = { vi: PAYLOADS[1], en: PAYLOADS[3] };
  const [p0, p1, p2, p3] = d.products;
  p0.name = { vi: PAYLOADS[0], en: PAYLOADS[0], zh: PAYLOADS[1] };
  p0.description = { vi: PAYLOADS[2], en: PAYLOADS[2] };
  p0.summary = { vi: PAYLOADS[4], en: PAYLOADS[1] };
  // A photo whose texts are payloads (its address is served by the test).
  p0.images = [
    {
      url: 'https://images.example.test/p0.svg',
      width: 300,
      height: 200,
      alt: { vi: PAYLOADS[0], en: PAYLOADS[2] },
      author: PAYLOADS[1],
      licence: PAYLOADS[4],
      source: 'https://images.example.test/p0',
    },
  ];
  p1.name = { vi: PAYLOADS[3], en: PAYLOADS[4] };
  // Script and odd-scheme URLs where links are drawn: left out, never links.
  p2.where_to_buy = {
    sales_points: p2.where_to_buy?.sales_points ?? [],
    online: [
      { channel: 'producer_site', url: 'javascript:window.__xss=5' },
      { channel: 'producer_site', url: 'JaVaScRiPt:window.__xss=6' },
      { channel: 'producer_site', url: 'java\tscript:window.__xss=7' },
      { channel: 'producer_site', url: 'data:text/html,<script>window.__xss=8</script>' },
      { channel: 'producer_site', url: 'vbscript:msgbox(1)' },
      { channel: 'producer_site', url: '//evil.example/x' },
    ],
  };
  // A script URL as a source drops the whole record, and About lists why (as text).
  p3.sources = ['javascript:window.__xss=9', ...p3.sources];
  d.spots[0].name = { vi: PAYLOADS[0], en: PAYLOADS[2] };
  // A producer's name is one string (Vietnamese); p0's producer makes p1 and p2 too.
  const producer = d.producers.find((p: any) => p.id === p0.producer);
  producer.name = PAYLOADS[1];
  return { d, p0: p0.id, p1: p1.id, p2: p2.id, spot: d.spots[0].id };
}

/** Everything a payload would leave in the page had it been parsed as markup or run: the flag
 * its script sets, inline event handlers, scripts that name the flag, and its own tags. The
 * app itself has none of these (its policy forbids inline handlers and scripts). */
function traces(page: Page) {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      flag: (window as any).__xss ?? null,
      handlers: all.filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).map((e) => e.tagName.toLowerCase()),
      scripts: [...document.querySelectorAll('script')].filter((s) => /__xss/.test(s.textContent ?? '')).length,
      tags: document.querySelectorAll('img[src="x"], svg[onload]').length,
      bold: [...document.querySelectorAll('b')].filter((b) => b.textContent === 'bold').length,
    };
  });
}

test('a dataset of XSS payloads renders as text and runs nothing, on every page that shows one', async ({ page }) => {
  test.setTimeout(60_000);
  const { d, p0, p1, p2, spot } = hostileDataset();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // An injected inline handler or script would also be reported as a policy violation.
  const violations = await watchPolicy(page);
  await useRemoteConfig(page);
  await serveRemote(page, (route) => route.fulfill(corsJson(JSON.stringify(d))));
  await page.route('https://images.example.test/**', (route) =>
    route.fulfill({ contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"/>' }),
  );
  /** Checked on each page before leaving it: a navigation resets `window` and the DOM. */
  const nothingRan = async (where: string) => {
    expect(await traces(page), where).toEqual({ flag: null, handlers: [], scripts: 0, tags: 0, bold: 0 });
    expect(dialogs, where).toEqual([]);
    expect(await violations(), where).toEqual([]);
    // No link from the data with a script, data or protocol-relative URL.
    await expect(page.locator('a[href*="script:" i], a[href^="data:" i], a[href^="//"], a[href*="evil.example"]'), where).toHaveCount(0);
  };

  await page.goto('/');
  const name = (id: string) => page.locator(`[data-product-id="${id}"] .product-name`);
  await expect(name(p0)).toHaveText(PAYLOADS[0]);
  await expect(name(p1)).toHaveText(PAYLOADS[4]);
  const photo = page.locator(`[data-product-id="${p0}"]`).getByTestId('photo');
  await expect(photo.locator('img')).toHaveAttribute('alt', PAYLOADS[2]);
  await expect(photo.locator('figcaption')).toHaveText(t('en', 'photo_credit', { author: PAYLOADS[1], licence: PAYLOADS[4] }));
  await nothingRan('catalog');
  // Search for the payload text itself.
  await page.getByRole('searchbox', { name: t('en', 'search_label') }).fill('onerror');
  await expect(page.getByTestId('product-card')).toHaveCount(1);
  await expect(name(p0)).toHaveText(PAYLOADS[0]);
  await nothingRan('catalog search');

  // Product pages: name, names in other languages, description, producer.
  const otherNames = page.getByRole('list', { name: t('en', 'other_names') }).getByRole('listitem');
  // The producer's name comes first in its section, before the area.
  const producer = page.locator('section[aria-labelledby="producer-title"] [lang="vi"]').first();
  const shown = (id: string) => expect(page.getByTestId('product-page')).toHaveAttribute('data-product-id', id);
  await page.goto(`/p/${p0}`);
  await shown(p0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(PAYLOADS[0]);
  await expect(otherNames).toHaveText([PAYLOADS[1]]);
  await expect(page.getByTestId('product-page').locator('.lead')).toHaveText(PAYLOADS[1]);
  await expect(page.getByTestId('product-page').locator('.description')).toHaveText(PAYLOADS[2]);
  await expect(producer).toHaveText(PAYLOADS[1]);
  await page.getByRole('button', { name: new RegExp(t('en', 'add_to_list')) }).click();
  await nothingRan(`/p/${p0}`);

  await page.goto(`/p/${p1}`);
  await shown(p1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(PAYLOADS[4]);
  // The Vietnamese name is the large line under the heading (to show a seller), as text.
  await expect(page.getByTestId('product-page').locator('.vi-name-large [lang="vi"]')).toHaveText(PAYLOADS[3]);
  await expect(otherNames).toHaveCount(0);
  await expect(producer).toHaveText(PAYLOADS[1]);
  await nothingRan(`/p/${p1}`);

  await page.goto(`/p/${p2}`);
  await shown(p2);
  await expect(producer).toHaveText(PAYLOADS[1]);
  // The safe links of the page are still drawn; none of the hostile ones is.
  await expect(page.getByRole('region', { name: t('en', 'sources') }).getByRole('link').first()).toHaveAttribute('href', /^https?:\/\//);
  await nothingRan(`/p/${p2}`);

  // The list shows the product's name.
  await page.goto('/list');
  await expect(page.getByTestId('list-item')).toContainText(PAYLOADS[0]);
  await nothingRan('list');

  // A place: its page, then the trip and the map, which name it in lists and markers.
  await page.goto(`/spot/${spot}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(PAYLOADS[2]);
  await page.getByRole('button', { name: new RegExp(t('en', 'add_to_trip')) }).first().click();
  await nothingRan(`/spot/${spot}`);

  await page.goto('/trip');
  await expect(page.getByTestId('trip-stop')).toContainText(PAYLOADS[2]);
  await expect(page.locator('.map')).toHaveAttribute('data-status', 'ready');
  await expect(page.locator(`.map .leaflet-marker-icon[data-key="s.${spot}"]`)).toHaveAttribute('title', PAYLOADS[2]);
  await nothingRan('trip');

  await page.goto('/map');
  await expect(page.locator('.map')).toHaveAttribute('data-status', 'ready');
  await expect(page.locator(`[data-testid="place-row"][data-key="s.${spot}"]`)).toContainText(PAYLOADS[2]);
  await nothingRan('map');

  // About: the dataset's title, and the problems found in it (the rejected URLs, as text).
  await page.goto('/about');
  await expect(page.getByTestId('dataset-version')).toHaveText('hostile-1');
  await expect(page.getByTestId('data-status')).toContainText(PAYLOADS[3]);
  await expect(page.getByTestId('data-problems')).toContainText('"javascript:window.__xss=9"');
  await nothingRan('about');
});
