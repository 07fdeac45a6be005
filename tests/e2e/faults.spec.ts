// Faults a visitor's phone or a kiosk meets in the field (issue: reliability and security):
// a slow or changing remote dataset, storage that is disabled or full of garbage, and the
// connection dropping mid-use. Each test also fails on any uncaught error in the page.
//
// Faults tested elsewhere, listed here so the whole set is in one place (docs/reliability.md):
// remote 500 / timeout / garbage / truncated / unknown schema / network failure / oversized /
// origin not allowed / bundled copy failing (data-fallback.spec.ts); a full storage and a
// corrupt saved list (list.spec.ts); offline at start after one visit (pwa.spec.ts); a map
// after the connection drops (map.spec.ts); a panic on a phone and on a kiosk (kiosk.spec.ts).
import { expect, Page } from '@playwright/test';
import { bundledDataset, corsJson, gotoBeforeTakeover, inLanguage, serveRemote, t, useRemoteConfig, test } from './fixtures';

/** Uncaught exceptions and console errors, minus the browser's own "failed to load" lines
 * for requests a test cut off on purpose. */
function watchErrors(page: Page): () => string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource|net::ERR_/.test(m.text())) errors.push(m.text());
  });
  return () => errors;
}

function remoteVersion(version: string, keep: (index: number) => boolean) {
  const d = bundledDataset();
  d.meta.dataset_version = version;
  d.products = d.products.filter((_: unknown, i: number) => keep(i));
  return d;
}

test.beforeEach(async ({ context, page }) => {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])(?!data\.example\.test)/, (route) => route.abort());
  await inLanguage(page, 'en');
});

test('a slow remote dataset: the pre-rendered catalog stays until it arrives, then it is shown with no notice', async ({ page }) => {
  const errors = watchErrors(page);
  const v1 = remoteVersion('slow-1', (i) => i < 6);
  await useRemoteConfig(page, { fetch_timeout_ms: 8000 });
  await serveRemote(page, async (route) => {
    await new Promise((r) => setTimeout(r, 3000));
    await route.fulfill(corsJson(JSON.stringify(v1)));
  });
  await gotoBeforeTakeover(page, '/');
  // The catalog pre-rendered from the bundled data is readable meanwhile…
  await expect(page.locator('#boot [data-testid="product-card"]').first()).toBeVisible();
  await page.waitForTimeout(1500);
  await expect(page.locator('#boot')).toHaveCount(1);
  // …and the remote dataset replaces it once it has arrived.
  await expect(page.locator('#boot')).toHaveCount(0, { timeout: 10_000 });
  await expect(page.getByTestId('product-card')).toHaveCount(6);
  await expect(page.getByTestId('data-notice')).toHaveCount(0);
  expect(errors()).toEqual([]);
});

test('the remote dataset changing while in use: the open page keeps one dataset; on reload, a listed product that left is kept and marked', async ({ page }) => {
  const errors = watchErrors(page);
  const before = remoteVersion('change-1', (i) => i < 6);
  const gone = before.products[2];
  const after = remoteVersion('change-2', (i) => i < 6 && i !== 2);
  after.products[0].name.en = 'Renamed in version 2';
  let current = before;
  await useRemoteConfig(page);
  await serveRemote(page, (route) => route.fulfill(corsJson(JSON.stringify(current))));

  await page.goto(`/p/${gone.id}`);
  await page.getByRole('button', { name: new RegExp(t('en', 'add_to_list')) }).click();
  current = after; // the publisher replaces the file while the visitor is browsing
  await page.getByRole('link', { name: new RegExp(t('en', 'nav_list')) }).first().click();
  await expect(page.getByTestId('list-item')).toHaveAttribute('data-available', 'true');
  await page.getByRole('link', { name: t('en', 'nav_catalog') }).first().click();
  await expect(page.getByTestId('product-card')).toHaveCount(6);

  await page.reload();
  await expect(page.getByTestId('product-card')).toHaveCount(5);
  await expect(page.getByTestId('product-card').filter({ hasText: 'Renamed in version 2' })).toHaveCount(1);
  await page.goto('/list');
  const item = page.getByTestId('list-item');
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute('data-product-id', gone.id);
  await expect(item).toHaveAttribute('data-available', 'false');
  await expect(item.getByTestId('unavailable')).toHaveText(t('en', 'product_unavailable'));
  expect(errors()).toEqual([]);
});

test('storage disabled entirely: the visitor is told, and the list works for the visit', async ({ page }) => {
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  // No storage, so no saved language either: the English page by its path.
  await page.goto('/en/p/cha-muc-manh-ha');
  await page.getByRole('button', { name: new RegExp(t('en', 'add_to_list')) }).click();
  await expect(page.getByTestId('storage-notice')).toContainText(t('en', 'storage_unavailable'));
  // In-app navigation only: a reload would end the visit, and with it the unsaved list.
  await page.getByRole('link', { name: new RegExp(t('en', 'nav_list')) }).first().click();
  await expect(page.getByTestId('list-item')).toHaveCount(1);
  await page.getByLabel(t('en', 'language')).selectOption('zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh');
  expect(errors()).toEqual([]);
});

test('every saved value corrupt at once: the app starts, says what it recovered, and keeps the originals', async ({ page }) => {
  const errors = watchErrors(page);
  const garbage: Record<string, string> = {
    'ocop.list.v1': '{"items": [ {"product": 12',
    'ocop.trip.v1': '[[[',
    'ocop.lang.v1': 'klingon',
    'ocop.dataset-cache.v1': '\u0000\u0001 not json',
  };
  await page.addInitScript((values) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    for (const [k, v] of Object.entries(values)) localStorage.setItem(k, v);
  }, garbage);
  await page.goto('/en/');
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  // The page's own language: a corrupt saved choice moves nothing.
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('storage-notice')).toContainText(t('en', 'storage_recovered_list'));
  await expect(page.getByTestId('storage-notice')).toContainText(t('en', 'storage_recovered_trip'));
  const backups = await page.evaluate(() => [
    localStorage.getItem('ocop.list.v1.backup'),
    localStorage.getItem('ocop.trip.v1.backup'),
  ]);
  expect(backups).toEqual([garbage['ocop.list.v1'], garbage['ocop.trip.v1']]);
  // And a new list works.
  await page.goto('/en/p/cha-muc-manh-ha');
  await page.getByRole('button', { name: new RegExp(t('en', 'add_to_list')) }).click();
  await page.goto('/en/list');
  await expect(page.getByTestId('list-item')).toHaveCount(1);
  expect(errors()).toEqual([]);
});

test.describe('offline mid-use', () => {
  // As deployed: the service worker has kept the app for offline use on the first visit,
  // Leaflet and the province outline included (they ship with the app).
  test.use({ serviceWorkers: 'allow' });

  test('offline mid-use: what is loaded keeps working, the map included, and nothing errors', async ({ page, context }) => {
    const errors = watchErrors(page);
    await page.goto('/');
    await expect(page.getByTestId('product-card').first()).toBeVisible();
    // Offline use starts once the service worker controls the page (it claims it on activation).
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      }
    });
    await context.setOffline(true);
    await page.getByRole('searchbox', { name: t('en', 'search_label') }).fill('cha muc');
    await page.getByTestId('product-card').first().getByRole('link').first().click();
    await expect(page.getByTestId('product-page')).toBeVisible();
    await page.getByRole('button', { name: new RegExp(t('en', 'add_to_list')) }).click();
    await page.getByRole('link', { name: t('en', 'nav_routes') }).first().click();
    await page.getByTestId('route-card').first().getByRole('link').click();
    // The route's map works with no connection: outline, and a marker for every stop.
    const route = bundledDataset().routes.find((r: any) => page.url().endsWith(`/routes/${r.id}`));
    expect(route, page.url()).toBeTruthy();
    const map = page.locator('.map');
    await expect(map).toHaveAttribute('data-status', 'ready');
    await expect(map).toHaveAttribute('data-outline', 'ready');
    await expect(map.locator('path.outline-province')).not.toHaveCount(0);
    await expect
      .poll(() =>
        map.evaluate((m) =>
          [...m.querySelectorAll('.leaflet-marker-icon')].reduce((n, e) => n + Number(e.getAttribute('data-count') ?? 1), 0),
        ),
      )
      .toBe(route.stops.length);
    await expect(page.getByText(t('en', 'map_failed'))).toHaveCount(0);
    await page.getByRole('link', { name: new RegExp(t('en', 'nav_list')) }).first().click();
    await expect(page.getByTestId('list-item')).toHaveCount(1);
    await context.setOffline(false);
    await page.getByRole('link', { name: t('en', 'nav_catalog') }).first().click();
    await expect(page.getByTestId('product-card').first()).toBeVisible();
    expect(errors()).toEqual([]);
  });
});
