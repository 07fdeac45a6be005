// Hostile input must never run code (issue: reliability and security).
//
// 1. The Content-Security-Policy that `cargo xtask csp` writes into the built index.html (and
//    into dist/_headers for hosts) lets the app run every main flow with zero violations:
//    a violation here means either the policy is too tight (the app breaks for visitors) or
//    the app started doing something the policy exists to forbid (inline script, eval).
// 2. A dataset made of XSS payloads renders as plain text, and its script URLs are not links.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, Page, test } from '@playwright/test';
import { REMOTE_URL, bundledDataset, corsJson, inLanguage, serveRemote, t, useRemoteConfig } from './fixtures';

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
  const [p0, p1, p2] = d.products;
  p0.name = { vi: PAYLOADS[0], en: PAYLOADS[0], zh: PAYLOADS[1] };
  p0.description = { vi: PAYLOADS[2], en: PAYLOADS[2] };
  p1.name = { vi: PAYLOADS[3], en: PAYLOADS[4] };
  // Script and odd-scheme URLs where links are drawn: dropped or shown as text, never links.
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
  p2.sources = ['javascript:window.__xss=9', ...p2.sources];
  d.spots[0].name = { vi: PAYLOADS[0], en: PAYLOADS[2] };
  d.producers[0].name = { vi: PAYLOADS[1] };
  return { d, ids: [p0.id, p1.id, p2.id], spot: d.spots[0].id };
}

test('a dataset of XSS payloads renders as text and runs nothing', async ({ page }) => {
  const { d, ids, spot } = hostileDataset();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await useRemoteConfig(page);
  await serveRemote(page, (route) => route.fulfill(corsJson(JSON.stringify(d))));
  await page.goto('/');
  const cards = page.getByTestId('product-card');
  await expect(cards.filter({ hasText: PAYLOADS[0] })).toHaveCount(1);
  await expect(cards.filter({ hasText: PAYLOADS[4] })).toHaveCount(1);
  // Search for the payload text itself.
  await page.getByRole('searchbox', { name: t('en', 'search_label') }).fill('onerror');
  await expect(cards.filter({ hasText: PAYLOADS[0] })).toHaveCount(1);
  for (const id of ids) {
    await page.goto(`/p/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await expect(page.locator('a[href*="script:" i], a[href^="data:" i], a[href^="//"]')).toHaveCount(0);
  await page.goto(`/p/${ids[0]}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(PAYLOADS[0]);
  await page.goto(`/spot/${spot}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(PAYLOADS[2]);
  await page.goto('/map');
  await expect(page.locator('.map')).toHaveAttribute('data-status', 'ready');
  await page.goto('/about');
  await expect(page.getByTestId('dataset-version')).toHaveText('hostile-1');
  // Nothing ran, nothing was parsed as markup.
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await expect(page.locator('img[src="x"], svg[onload], b:text("bold")')).toHaveCount(0);
  expect(REMOTE_URL).toContain('data.example.test');
});
