import { expect, Page } from '@playwright/test';
import { bundledDataset, inLanguage, t, test } from './fixtures';

// No test may touch the internet: online tiles are cut off, as on an island with no signal.
test.beforeEach(async ({ page, context }) => {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  await inLanguage(page, 'en');
});

const data = bundledDataset();
const placeCount = data.spots.length + data.sales_points.length;

/** Places drawn on the map: single markers plus the counts on clusters. */
async function markerTotal(page: Page): Promise<number> {
  return page.locator('.map').evaluate((map) => {
    const single = map.querySelectorAll('.leaflet-marker-icon:not(.pin-cluster)').length;
    const clustered = [...map.querySelectorAll('.pin-cluster')].reduce((n, c) => n + Number(c.getAttribute('data-count')), 0);
    return single + clustered;
  });
}

/** Share of the map's screenshot painted in the province's fill colour (#cfe8df). */
async function provinceShare(page: Page): Promise<number> {
  const png = await page.locator('.map').screenshot();
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    let hits = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
      if (Math.abs(r - 0xcf) < 12 && Math.abs(g - 0xe8) < 12 && Math.abs(b - 0xdf) < 12) hits++;
    }
    return hits / (data.length / 4);
  }, png.toString('base64'));
}

test('the map draws the province outline and every place with no internet', async ({ page }) => {
  await page.goto('/map');
  const map = page.getByRole('region', { name: t('en', 'map_label') });
  await expect(map).toHaveAttribute('data-status', 'ready');
  await expect(map).toHaveAttribute('data-outline', 'ready');
  await expect.poll(() => markerTotal(page)).toBe(placeCount);
  await expect(page.getByTestId('place-row')).toHaveCount(placeCount);
  expect(await provinceShare(page)).toBeGreaterThan(0.03);
  // Markers are big enough to hit with a finger.
  const box = await map.locator('.leaflet-marker-icon').first().boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(44);
  expect(box!.height).toBeGreaterThanOrEqual(44);
});

test('the catalog does not load the map code; the map page does', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto('/');
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  expect(requested.filter((p) => /leaflet|ocop-map|outline/.test(p))).toEqual([]);
  await page.getByRole('link', { name: t('en', 'nav_map') }).first().click();
  await expect(page.getByRole('region', { name: t('en', 'map_label') })).toHaveAttribute('data-status', 'ready');
  expect(requested.some((p) => p.endsWith('/vendor/leaflet/leaflet.js'))).toBe(true);
});

test('after the connection drops, later maps still draw outline and markers', async ({ page, context }) => {
  // The routes page's code is a part of its own (src/app/parts.rs); the service worker, blocked
  // here, would have precached it: fetch it while online, as the worker would have.
  await page.goto('/routes');
  await expect(page.getByTestId('route-card').first()).toBeVisible();
  await page.getByRole('link', { name: t('en', 'nav_map') }).first().click();
  await expect(page.getByRole('region', { name: t('en', 'map_label') })).toHaveAttribute('data-outline', 'ready');
  await context.setOffline(true);
  await page.getByRole('link', { name: t('en', 'nav_routes') }).first().click();
  await page.getByTestId('route-card').first().getByRole('link').click();
  const map = page.locator('.map');
  await expect(map).toHaveAttribute('data-outline', 'ready');
  await expect(map.locator('.leaflet-marker-icon').first()).toBeVisible();
  expect(await provinceShare(page)).toBeGreaterThan(0.02);
});

test('a cluster of nearby places zooms in when tapped', async ({ page }) => {
  await page.goto('/map');
  await expect(page.locator('.map')).toHaveAttribute('data-outline', 'ready');
  // The biggest group: its members are spread out, so zooming in can separate them.
  const biggest = await page
    .locator('.pin-cluster')
    .evaluateAll((els) => els.reduce((a, b) => (Number(b.getAttribute('data-count')) > Number(a.getAttribute('data-count')) ? b : a)).getAttribute('data-keys'));
  const cluster = page.locator(`.pin-cluster[data-keys="${biggest}"]`);
  await expect(cluster).toHaveAttribute('aria-label', /\d+/);
  expect(await markerTotal(page)).toBe(placeCount);
  // Tapping a group zooms in: its members separate into more, smaller groups or single places.
  const keys = (await cluster.getAttribute('data-keys'))!.split(',');
  const icons = () => page.locator('.leaflet-marker-icon').count();
  const before = await icons();
  await cluster.click();
  await expect.poll(icons).toBeGreaterThan(before);
  const first = page.locator(`.leaflet-marker-icon[data-key="${keys[0]}"], .pin-cluster[data-keys^="${keys[0]}"]`);
  await expect(first).toHaveCount(1);
  expect(await markerTotal(page)).toBe(placeCount);
});

test('tapping a marker lists what is made or sold there', async ({ page }) => {
  await page.goto('/map?product=oi-son-duong');
  const guava = data.spots.find((s: any) => s.id === 'vuon-oi-son-duong');
  const marker = page.locator('.leaflet-marker-icon[data-key="s.vuon-oi-son-duong"]');
  await marker.click();
  await expect(page).toHaveURL(/place=s\.vuon-oi-son-duong/);
  const panel = page.getByTestId('selected-place');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(guava.name.en);
  const product = data.products.find((p: any) => p.id === guava.products[0]);
  await expect(panel.getByRole('link', { name: product.name.en })).toBeVisible();
  await expect(page.getByTestId('place-row')).toHaveCount(1);
});

test('places at the same spot are listed together when their group is tapped', async ({ page }) => {
  // Mũi Sa Vĩ is both a landmark and a display point, at the same coordinates.
  await page.goto('/map?kind=eco_tourism,sales_point');
  const group = page.locator('.pin-cluster[data-keys*="s.mui-sa-vi"]');
  // Zoom in until the group cannot be split any more, then it lists its places.
  for (let i = 0; i < 12 && !(await page.getByTestId('selected-place').count()); i++) {
    await group.click();
    await page.waitForTimeout(350);
  }
  await expect(page.getByTestId('selected-place')).toHaveCount(2);
  await expect(page).toHaveURL(/place=s\.mui-sa-vi%2Cp\.mui-sa-vi|place=s\.mui-sa-vi,p\.mui-sa-vi/);
});

test('filtering by product keeps only the places linked to it', async ({ page }) => {
  const product = 'tra-hoa-vang-ba-che';
  await page.goto(`/map?product=${product}`);
  const expected =
    data.spots.filter((s: any) => s.products.includes(product)).length +
    data.products.find((p: any) => p.id === product).where_to_buy.sales_points.length;
  await expect(page.getByTestId('place-row')).toHaveCount(expected);
});

test('out-of-season places are flagged for the chosen month', async ({ page }) => {
  await page.goto('/map');
  await page.locator('.month-picker select').selectOption('3');
  const row = page.locator('[data-testid="place-row"][data-key="s.vinh-ha-long"]');
  await expect(row.getByText(t('en', 'out_of_season', { month: t('en', 'month_3') }))).toBeVisible();
  // Filtering by season hides exactly the places known to be out of season in March.
  await page.getByLabel(t('en', 'map_hide_out_of_season')).check();
  await expect(page).toHaveURL(/season=1/);
  const outOfSeason = data.spots.filter((s: any) => s.season_months.length > 0 && !s.season_months.includes(3)).length;
  await expect(page.getByTestId('place-row')).toHaveCount(placeCount - outOfSeason);
  await expect(row).toHaveCount(0);
});

test('locate me says so when permission is denied', async ({ page }) => {
  await page.goto('/map');
  await expect(page.locator('.map')).toHaveAttribute('data-status', 'ready');
  await page.getByRole('button', { name: t('en', 'map_locate_me') }).click();
  await expect(page.getByText(t('en', 'map_locate_denied'))).toBeVisible();
});

test('a place page lists its products and routes, and adds it to the trip', async ({ page }) => {
  await page.goto('/spot/dao-co-to');
  const spot = data.spots.find((s: any) => s.id === 'dao-co-to');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(spot.name.en);
  await expect(page.getByTestId('product-card')).toHaveCount(spot.products.length);
  await expect(page.getByRole('region', { name: t('en', 'routes_through_here') }).getByRole('link')).toHaveCount(1);
  await page.getByRole('button', { name: new RegExp(t('en', 'add_to_trip')) }).click();
  await expect(page.getByTestId('trip-count').first()).toHaveText('1');
});
