// The app downloads a page's code when the page is first visited (src/app/parts.rs): the
// first visit to the catalog fetches the main wasm only; each other page fetches its part;
// a part that cannot be fetched shows a translated message with a Retry button in place of
// the page, the rest of the app keeps working, and Retry works once the part is reachable.
// (The service worker, blocked here as in most specs, precaches every part after the first
// load: pwa.spec.ts checks the pages offline.)
import { expect, Page, Request } from '@playwright/test';
import { gotoBeforeTakeover, t, test } from './fixtures';

// No test may touch the internet: online map tiles are cut off.
test.beforeEach(async ({ context }) => {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
});

/** The wasm files the page requests, by name (`app_bg.wasm`, `split_map_part.wasm`, `chunk_3.wasm`). */
function wasmRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r: Request) => {
    const m = r.url().match(/\/pkg\/[0-9a-f]+\/([^/?]+\.wasm)/);
    if (m) seen.push(m[1]);
  });
  return seen;
}

const nav = (page: Page) => page.getByRole('navigation', { name: t('en', 'nav_main') });

test('a first visit to the catalog downloads the main wasm only, no page part', async ({ page }) => {
  const wasm = wasmRequests(page);
  await page.goto('/en/');
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  // Give anything started late (idle work, a prefetch) the time to show itself.
  await page.waitForTimeout(1_000);
  expect(wasm).toEqual(['app_bg.wasm']);
});

const pages = [
  { tab: 'nav_map', part: 'split_map_part.wasm', heading: 'map_title' },
  { tab: 'nav_routes', part: 'split_routes_part.wasm', heading: 'routes_title' },
  { tab: 'nav_trip', part: 'split_trip_part.wasm', heading: 'trip_title' },
  { tab: 'nav_list', part: 'split_list_part.wasm', heading: 'list_title' },
];

for (const { tab, part, heading } of pages) {
  test(`the ${t('en', tab)} page downloads its own part when first visited, and works`, async ({ page }) => {
    const wasm = wasmRequests(page);
    await page.goto('/en/');
    expect(wasm).not.toContain(part);
    await nav(page).getByRole('link', { name: new RegExp(t('en', tab)) }).click();
    await expect(page.getByRole('heading', { level: 1, name: t('en', heading) })).toBeVisible();
    expect(wasm).toContain(part);
    // Back to the catalog and in again: the part is there, nothing is downloaded twice.
    await page.goBack();
    await expect(page.getByTestId('product-card').first()).toBeVisible();
    await page.goForward();
    await expect(page.getByRole('heading', { level: 1, name: t('en', heading) })).toBeVisible();
    expect(wasm.filter((f) => f === part)).toHaveLength(1);
  });
}

test('a product card opens the product page from its own part, downloaded once', async ({ page }) => {
  const wasm = wasmRequests(page);
  await page.goto('/en/');
  const card = page.getByTestId('product-card').first();
  const id = await card.getAttribute('data-product-id');
  expect(wasm).not.toContain('split_product_part.wasm');
  await card.getByRole('link').first().click();
  await expect(page.getByTestId('product-page')).toHaveAttribute('data-product-id', id!);
  expect(wasm).toContain('split_product_part.wasm');
  await page.goBack();
  await page.getByTestId('product-card').nth(1).getByRole('link').first().click();
  await expect(page.getByTestId('product-page')).toBeVisible();
  expect(wasm.filter((f) => f === 'split_product_part.wasm')).toHaveLength(1);
});

test('the kiosk and About pages load their parts too', async ({ page }) => {
  const wasm = wasmRequests(page);
  await page.goto('/en/about');
  await expect(page.getByRole('heading', { level: 1, name: t('en', 'about_title') })).toBeVisible();
  expect(wasm).toContain('split_about_part.wasm');
  expect(wasm).not.toContain('split_kiosk_part.wasm');
});

test('a part that cannot be downloaded shows Retry in place of the page; the rest keeps working; Retry works', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let reachable = false;
  await page.route(/split_list_part\.wasm$/, (route) => (reachable ? route.continue() : route.abort('internetdisconnected')));
  await page.goto('/en/');
  await nav(page).getByRole('link', { name: new RegExp(t('en', 'nav_list')) }).click();

  const failed = page.getByTestId('part-unavailable');
  await expect(failed).toBeVisible();
  await expect(failed.getByRole('heading', { name: t('en', 'part_failed') })).toBeVisible();
  await expect(failed).toContainText(t('en', 'part_failed_hint'));

  // The app is alive: another page still opens, and so does the catalog.
  await nav(page).getByRole('link', { name: new RegExp(t('en', 'nav_trip')) }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('en', 'trip_title') })).toBeVisible();
  await nav(page).getByRole('link', { name: new RegExp(t('en', 'nav_list')) }).click();
  await expect(failed).toBeVisible();

  reachable = true;
  await failed.getByRole('button', { name: t('en', 'part_retry') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('en', 'list_title') })).toBeVisible();
  await expect(failed).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a part gone after a deploy (404) shows the Retry message, translated, not a blank page', async ({ page }) => {
  await page.route(/split_routes_part\.wasm$/, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('/zh/');
  await page.getByRole('navigation', { name: t('zh', 'nav_main') }).getByRole('link', { name: new RegExp(t('zh', 'nav_routes')) }).click();
  const failed = page.getByTestId('part-unavailable');
  await expect(failed.getByRole('heading', { name: t('zh', 'part_failed') })).toBeVisible();
  await expect(failed.getByRole('button', { name: t('zh', 'part_retry') })).toBeVisible();
  await expect(page.getByRole('banner')).toBeVisible();
});

test('arriving on a page whose part fails keeps the app working and offers Retry', async ({ page }) => {
  let reachable = false;
  await page.route(/split_map_part\.wasm$/, (route) => (reachable ? route.continue() : route.abort('internetdisconnected')));
  await page.goto('/en/map');
  await expect(page.getByTestId('part-unavailable')).toBeVisible();
  reachable = true;
  await page.getByRole('button', { name: t('en', 'part_retry') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('en', 'map_title') })).toBeVisible();
});

test('arriving on a page whose part is slow keeps the pre-rendered page until the part is there', async ({ page }) => {
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route(/split_routes_part\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  const loadingSeen: string[] = [];
  await page.exposeFunction('__partLoadingSeen', (where: string) => loadingSeen.push(where));
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (document.querySelector('[data-testid=part-loading]') && !document.getElementById('boot')) {
        (window as any).__partLoadingSeen('after the take-over');
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await gotoBeforeTakeover(page, '/en/routes');
  // The data is there and the app has drawn what it can; the part is still on its way.
  await page.waitForTimeout(1_500);
  await expect(page.locator('#boot')).toHaveCount(1);
  await expect(page.locator('#boot').getByRole('heading', { level: 1, name: t('en', 'routes_title') })).toBeVisible();
  release();
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: t('en', 'routes_title') })).toBeVisible();
  expect(loadingSeen).toEqual([]);
});

test('a pre-rendered page preloads its own part: it downloads beside the main wasm, once', async ({ page }) => {
  const wasm = wasmRequests(page);
  await page.addInitScript(() => {
    addEventListener('ocop:app-started', () => performance.mark('app-started'));
  });
  await page.goto('/en/routes');
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: t('en', 'routes_title') })).toBeVisible();
  const { partStarted, appStarted } = await page.evaluate(() => ({
    partStarted: performance
      .getEntriesByType('resource')
      .find((e) => e.name.endsWith('/split_routes_part.wasm'))?.startTime,
    appStarted: performance.getEntriesByName('app-started')[0]?.startTime,
  }));
  expect(partStarted).toBeDefined();
  expect(appStarted).toBeDefined();
  // Asked for by the HTML, not by the app once it had started.
  expect(partStarted!).toBeLessThan(appStarted!);
  // The preload is the download the app uses: nothing is fetched twice.
  expect(wasm.filter((f) => f === 'split_routes_part.wasm')).toHaveLength(1);
  expect(new Set(wasm).size).toBe(wasm.length);
});
