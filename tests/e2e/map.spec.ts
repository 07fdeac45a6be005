import AxeBuilder from '@axe-core/playwright';
import { expect, Locator, Page } from '@playwright/test';
import { bundledDataset, inLanguage, Lang, t, test } from './fixtures';

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
  // Markers drawn and the first view settled: a tap during the opening fit can be lost.
  await expect(page.locator('.map')).toHaveAttribute('data-status', 'ready');
  // The biggest group: its members are spread out, so zooming in can separate them (a
  // group of places at one spot lists them instead: not this test's).
  const biggest = await page
    .locator('.pin-cluster:not(.pin-spot)')
    .evaluateAll((els) => els.reduce((a, b) => (Number(b.getAttribute('data-count')) > Number(a.getAttribute('data-count')) ? b : a)).getAttribute('data-keys'));
  const cluster = page.locator(`.pin-cluster[data-keys="${biggest}"]`);
  await expect(cluster).toHaveAttribute('aria-label', /\d+/);
  expect(await markerTotal(page)).toBe(placeCount);
  // Tapping a group zooms in: its members separate into more, smaller groups or single places.
  const keys = (await cluster.getAttribute('data-keys'))!.split(',');
  const icons = () => page.locator('.leaflet-marker-icon').count();
  const before = await icons();
  await cluster.click();
  await expect.poll(icons, { timeout: 10_000 }).toBeGreaterThan(before);
  const first = page.locator(`.leaflet-marker-icon[data-key="${keys[0]}"], .pin-cluster[data-keys^="${keys[0]}"]`);
  await expect(first).toHaveCount(1);
  expect(await markerTotal(page)).toBe(placeCount);
});

/** The marker of a place, or the group that holds it. */
function markerOf(page: Page, key: string): Locator {
  return page.locator(`.leaflet-marker-icon[data-key="${key}"], .pin-cluster[data-keys*="${key}"]`);
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('tapping a pin opens a sheet over the map with the place, its products and actions; closing returns focus', async ({ page }) => {
  await page.goto('/map?product=oi-son-duong');
  await expect(page.locator('.map')).toHaveAttribute('data-status', 'ready');
  const guava = data.spots.find((s: any) => s.id === 'vuon-oi-son-duong');
  const marker = page.locator('.leaflet-marker-icon[data-key="s.vuon-oi-son-duong"]');
  await marker.click();
  await expect(page).toHaveURL(/place=s\.vuon-oi-son-duong/);
  const sheet = page.getByRole('dialog', { name: guava.name.en });
  await expect(sheet).toBeInViewport({ ratio: 1 });
  await expect(sheet.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(sheet.getByText(t('en', 'kind_farm'))).toBeVisible();
  // Each product with its stars line, as on cards.
  const product = data.products.find((p: any) => p.id === guava.products[0]);
  const row = sheet.getByRole('listitem').filter({ has: page.getByRole('link', { name: product.name.en }) });
  await expect(row).toBeVisible();
  await expect(row.locator('.map-sheet-rating')).not.toBeEmpty();
  await expect(sheet.getByRole('link', { name: t('en', 'map_sheet_open_place') })).toHaveAttribute('href', /\/spot\/vuon-oi-son-duong$/);
  await expect(sheet.getByRole('button', { name: new RegExp(t('en', 'add_to_trip')) })).toBeVisible();
  // Over the map, which stays in view above (phone) or beside it (wide).
  const mapBox = (await page.locator('.map').boundingBox())!;
  const sheetBox = (await sheet.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(sheetBox.y + sheetBox.height).toBeLessThanOrEqual(viewport.height);
  const mapTopVisible = Math.max(mapBox.y, 0);
  expect(sheetBox.y > mapTopVisible + 100 || sheetBox.x > mapBox.x + 100).toBe(true);
  await expectNoAxeViolations(page);

  await sheet.getByRole('button', { name: t('en', 'map_sheet_close') }).click();
  await expect(page.getByTestId('map-sheet')).toHaveCount(0);
  await expect(page).not.toHaveURL(/place=/);
  await expect(markerOf(page, 's.vuon-oi-son-duong')).toBeFocused();

  // Escape closes it too, and focus goes back to the pin.
  await markerOf(page, 's.vuon-oi-son-duong').click();
  await expect(page.getByTestId('map-sheet')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('map-sheet')).toHaveCount(0);
  await expect(markerOf(page, 's.vuon-oi-son-duong')).toBeFocused();
});

test('a shared link with a place opens its sheet', async ({ page }) => {
  await page.goto('/map?place=s.dao-co-to');
  const spot = data.spots.find((s: any) => s.id === 'dao-co-to');
  const sheet = page.getByTestId('map-sheet');
  await expect(sheet.getByRole('heading', { level: 2 })).toHaveText(spot.name.en);
  await expect(sheet).toBeInViewport();
  await expect(sheet.getByTestId('selected-place').getByRole('link')).toHaveCount(spot.products.length + 1);
});

test('places at the very same spot are both reachable from their group', async ({ page }) => {
  // Mũi Sa Vĩ is both a landmark and a display point, at the same coordinates.
  await page.goto('/map?kind=eco_tourism,sales_point');
  await expect(page.locator('.map')).toHaveAttribute('data-status', 'ready');
  const group = page.locator('.pin-cluster[data-keys*="s.mui-sa-vi"]');
  // Groups of places apart zoom in; once only the two are left, the group is marked as one
  // spot and a tap lists them instead of zooming for ever.
  for (let i = 0; i < 12 && !(await page.locator('.pin-spot[data-keys*="s.mui-sa-vi"]').count()); i++) {
    await group.click();
    await page.waitForTimeout(350);
  }
  const spot = page.locator('.pin-spot[data-keys*="s.mui-sa-vi"]');
  await expect(spot).toHaveAttribute('data-keys', /p\.mui-sa-vi/);
  await expect(spot).toHaveAttribute('aria-label', new RegExp(t('en', 'map_cluster_spot', { count: 2 }).split(':')[0]));
  await spot.click();
  const sheet = page.getByTestId('map-sheet');
  await expect(sheet.getByRole('heading', { level: 2 })).toHaveText(t('en', 'map_sheet_same_spot', { count: 2 }));
  await expect(sheet.getByTestId('selected-place')).toHaveCount(2);
  await expect(sheet.locator('[data-testid="selected-place"][data-key="s.mui-sa-vi"]').getByRole('link', { name: t('en', 'map_sheet_open_place') })).toHaveAttribute('href', /\/spot\/mui-sa-vi$/);
  await expect(sheet.locator('[data-testid="selected-place"][data-key="p.mui-sa-vi"]').getByRole('link', { name: t('en', 'map_sheet_open_place') })).toHaveAttribute('href', /\/sales-point\/mui-sa-vi$/);
  await expect(page).toHaveURL(/place=s\.mui-sa-vi%2Cp\.mui-sa-vi|place=s\.mui-sa-vi,p\.mui-sa-vi/);
});

for (const [lang, prefix] of [['en', '/en'], ['zh', '/zh']] as [Lang, string][]) {
  test(`the place search finds names typed without tones in ${lang} and opens the sheet`, async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${prefix}/map`);
    await expect(page.locator('.map')).toHaveAttribute('data-status', 'ready');
    const search = page.getByRole('searchbox', { name: t(lang, 'map_search') });
    for (const [typed, id] of [['co to', 'dao-co-to'], ['yen tu', 'khu-di-tich-yen-tu']]) {
      const spot = data.spots.find((s: any) => s.id === id);
      await search.fill(typed);
      const result = page.locator(`.map-search-result[data-key="s.${id}"]`);
      await expect(result).toContainText(spot.name[lang]);
      await expect(page.locator('.map-search-result').first()).toHaveAttribute('data-key', `s.${id}`);
      await expectNoAxeViolations(page);
      await result.click();
      const sheet = page.getByTestId('map-sheet');
      await expect(sheet.getByRole('heading', { level: 2 })).toHaveText(spot.name[lang]);
      await expect(sheet).toBeInViewport();
      await expect(page).toHaveURL(new RegExp(`place=s\\.${id}`));
      // The map flew there: the place's marker (or its group) is inside the map's view.
      const mapBox = (await page.locator('.map').boundingBox())!;
      const pin = (await markerOf(page, `s.${id}`).boundingBox())!;
      expect(pin.x).toBeGreaterThanOrEqual(mapBox.x);
      expect(pin.x + pin.width).toBeLessThanOrEqual(mapBox.x + mapBox.width);
      expect(pin.y).toBeGreaterThanOrEqual(mapBox.y);
      expect(pin.y + pin.height).toBeLessThanOrEqual(mapBox.y + mapBox.height);
      await expectNoAxeViolations(page);
    }
    await search.fill('zzqx');
    await expect(page.getByText(t(lang, 'map_search_none', { query: 'zzqx' }))).toBeVisible();
  });
}

test('the list of places is folded, so the page stays short on a 360×640 phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto('/map');
  await expect(page.locator('.map')).toHaveAttribute('data-outline', 'ready');
  const height = () => page.evaluate(() => document.documentElement.scrollHeight);
  const folded = await height();
  console.log(`map page height at 360×640: ${folded} px folded`);
  expect(folded).toBeLessThan(2600);
  const summary = page.getByText(t('en', 'map_all_places', { count: placeCount }));
  await summary.click();
  await expect(page.getByTestId('place-row').first()).toBeVisible();
  console.log(`map page height at 360×640: ${await height()} px with the list open`);
  await expectNoAxeViolations(page);
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
  await page.getByText(t('en', 'map_all_places', { count: placeCount })).click();
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
