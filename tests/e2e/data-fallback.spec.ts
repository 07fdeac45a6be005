// The fallback chain for a remote dataset: remote → last good cached copy → bundled copy,
// with a translated notice saying which data is shown and why. The remote host is
// simulated with request interception; nothing leaves the machine.
import { expect } from '@playwright/test';
import { REMOTE_URL, bundledDataset, corsJson, inLanguage, serveRemote, t, useRemoteConfig, test } from './fixtures';

/** A valid remote dataset, distinguishable from the bundled one by its version and size. */
function remoteDataset() {
  const d = bundledDataset();
  d.meta.dataset_version = 'remote-2027.01';
  d.products = d.products.slice(0, 5);
  return d;
}

const bundledVersion = bundledDataset().meta.dataset_version;
const bundledCount = bundledDataset().products.length;

test.beforeEach(async ({ page }) => {
  await inLanguage(page, 'en');
});

test('valid remote dataset is shown, with no notice', async ({ page }) => {
  await useRemoteConfig(page);
  await serveRemote(page, (route) => route.fulfill(corsJson(JSON.stringify(remoteDataset()))));
  await page.goto('/');
  await expect(page.getByTestId('product-card')).toHaveCount(5);
  await expect(page.getByTestId('data-notice')).toHaveCount(0);
  await page.getByRole('link', { name: t('en', 'nav_about') }).click();
  await expect(page.getByTestId('data-origin')).toHaveText(t('en', 'origin_remote', { url: REMOTE_URL }));
  await expect(page.getByTestId('dataset-version')).toHaveText('remote-2027.01');
});

const failures: { name: string; reason: string; respond: Parameters<typeof serveRemote>[1] }[] = [
  {
    name: 'server error 500',
    reason: t('en', 'reason_http', { status: 500 }),
    respond: (route) => route.fulfill(corsJson('internal error', 500)),
  },
  {
    name: 'timeout',
    reason: t('en', 'reason_timeout'),
    // Never answer: the app gives up after fetch_timeout_ms (1.5 s in these tests).
    respond: () => new Promise<void>(() => {}),
  },
  {
    name: 'garbage',
    reason: t('en', 'reason_damaged'),
    respond: (route) => route.fulfill(corsJson('<html><body>Bad gateway</body></html>')),
  },
  {
    name: 'truncated JSON',
    reason: t('en', 'reason_damaged'),
    respond: (route) => {
      const text = JSON.stringify(remoteDataset());
      return route.fulfill(corsJson(text.slice(0, text.length / 2)));
    },
  },
  {
    name: 'unknown major schema version',
    reason: t('en', 'reason_schema', { version: '2.0' }),
    respond: (route) => route.fulfill(corsJson(JSON.stringify({ ...remoteDataset(), schema_version: '2.0' }))),
  },
  {
    name: 'network failure',
    reason: t('en', 'reason_network'),
    respond: (route) => route.abort('internetdisconnected'),
  },
];

for (const failure of failures) {
  test(`remote ${failure.name}: bundled data is shown and the notice says why`, async ({ page }) => {
    await useRemoteConfig(page);
    await serveRemote(page, failure.respond);
    await page.goto('/');
    const notice = page.getByTestId('data-notice');
    await expect(notice).toHaveText(t('en', 'notice_bundled', { version: bundledVersion, reason: failure.reason }), {
      timeout: 10_000,
    });
    await expect(page.getByTestId('results-count')).toHaveText(t('en', 'products_count', { count: bundledCount }));
  });
}

test('valid but partially bad remote: good records shown, the rest reported', async ({ page }) => {
  const d = remoteDataset();
  d.products[1].rating.stars = 9; // not a rating
  d.products[2] = { id: 'broken', name: 'not localised text' };
  d.products[3].sources = ['javascript:alert(1)'];
  await useRemoteConfig(page);
  await serveRemote(page, (route) => route.fulfill(corsJson(JSON.stringify(d))));
  await page.goto('/');
  await expect(page.getByTestId('product-card')).toHaveCount(2);
  await expect(page.getByTestId('dropped-notice')).toContainText(t('en', 'notice_dropped', { count: 3 }));
  await expect(page.getByTestId('data-notice')).toHaveCount(0);
  await page.getByTestId('dropped-notice').getByRole('link').click();
  const problems = page.getByTestId('data-problems');
  await problems.locator('summary').click();
  await expect(problems).toContainText('$.products[1].rating.stars');
  await expect(problems).toContainText('$.products[2].name');
  await expect(problems).toContainText('$.products[3].sources[0]');
});

test('after a good visit, a failing remote falls back to the saved copy', async ({ page }) => {
  await useRemoteConfig(page);
  let fail = false;
  await serveRemote(page, (route) =>
    fail ? route.fulfill(corsJson('down', 503)) : route.fulfill(corsJson(JSON.stringify(remoteDataset()))),
  );
  await page.goto('/');
  await expect(page.getByTestId('product-card')).toHaveCount(5);

  fail = true;
  await page.reload();
  const notice = page.getByTestId('data-notice');
  await expect(notice).toContainText(t('en', 'reason_http', { status: 503 }));
  await expect(notice).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  await expect(page.getByTestId('product-card')).toHaveCount(5);
  await page.goto('/about');
  await expect(page.getByTestId('data-origin')).toContainText(REMOTE_URL);
  await expect(page.getByTestId('dataset-version')).toHaveText('remote-2027.01');
});

test('a corrupt saved copy is ignored: bundled data is shown', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('ocop.dataset-cache.v1', '{"url": oops'));
  await useRemoteConfig(page);
  await serveRemote(page, (route) => route.fulfill(corsJson('down', 500)));
  await page.goto('/');
  await expect(page.getByTestId('data-notice')).toContainText(t('en', 'reason_http', { status: 500 }));
  await expect(page.getByTestId('results-count')).toHaveText(t('en', 'products_count', { count: bundledCount }));
});

test('a remote origin missing from the allowlist is never fetched', async ({ page }) => {
  await useRemoteConfig(page, { allowed_origins: ['https://other.example.test'] });
  let fetched = false;
  await serveRemote(page, (route) => {
    fetched = true;
    return route.fulfill(corsJson(JSON.stringify(remoteDataset())));
  });
  await page.goto('/');
  await expect(page.getByTestId('data-notice')).toContainText(t('en', 'reason_origin_not_allowed'));
  await expect(page.getByTestId('results-count')).toHaveText(t('en', 'products_count', { count: bundledCount }));
  expect(fetched).toBe(false);
});

test('an oversized remote file is refused', async ({ page }) => {
  await useRemoteConfig(page, { max_dataset_bytes: 10_000 });
  await serveRemote(page, (route) => route.fulfill(corsJson(JSON.stringify(bundledDataset()))));
  await page.goto('/');
  await expect(page.getByTestId('data-notice')).toContainText(t('en', 'reason_too_large'));
});

test('when even the bundled data fails, a clear error with a reload button', async ({ page }) => {
  // Both forms of it: the one the build checked, and the file itself.
  await page.route(/\/data\/ocop-quang-ninh(\.checked)?\.json$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto('/');
  const failure = page.getByTestId('load-failure');
  await expect(failure.getByRole('heading')).toHaveText(t('en', 'error_title'));
  await expect(failure).toContainText(t('en', 'reason_http', { status: 404 }));
  await expect(failure.getByRole('button', { name: t('en', 'reload') })).toBeVisible();
});

/**
 * A remote dataset large enough that checking it and indexing it take many slices: the app
 * keeps the page answering between slices and shows how far it has got, then the catalog.
 */
function largeDataset(count: number) {
  const d = bundledDataset();
  const template = d.products.find((p: { rating: { evidence: string } }) => p.rating.evidence === 'ocop_stated');
  d.meta.dataset_version = 'remote-large';
  d.products = Array.from({ length: count }, (_, i) => ({
    id: `large-${i}`,
    name: { vi: `Sản phẩm thử ${i}`, en: `Test product ${i}` },
    group: template.group,
    subcategory: template.subcategory,
    rating: template.rating,
    sources: ['https://example.test/large'],
  }));
  d.producers = [];
  d.spots = [];
  d.sales_points = [];
  d.routes = [];
  return d;
}

test('a large remote dataset shows its progress while it is checked and indexed, then the catalog', async ({
  page,
}) => {
  await inLanguage(page, 'en');
  await useRemoteConfig(page, { fetch_timeout_ms: 30_000 });
  const body = JSON.stringify(largeDataset(15_000));
  await serveRemote(page, (route) => route.fulfill(corsJson(body)));
  // The line comes and goes within a second or two: every appearance is recorded as it
  // happens rather than polled for.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const line = document.querySelector('[data-testid="load-progress"]');
      const text = line?.querySelector('[role="status"]')?.textContent;
      if (text && line.checkVisibility() && seen[seen.length - 1] !== text) seen.push(text);
    }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  });
  // A phone's speed, so that the work takes many slices.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto('/');
  await expect(page.getByTestId('results-count')).toHaveText(/15[,.\s]?000/, { timeout: 60_000 });
  await expect(page.getByTestId('load-progress')).toHaveCount(0);
  // Drawn between slices of the work: the page was given back while it ran, both stages.
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  expect(seen).toEqual([t('en', 'load_checking'), t('en', 'load_indexing')]);
});
