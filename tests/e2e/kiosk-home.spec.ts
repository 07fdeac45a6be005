// The kiosk as a kiosk (issue 21), at 1920×1080 with touch: "Touch to start" opens tiles, not
// the phone catalog; search by suggestions and a letter keyboard; "Take it with you" is a
// full-screen QR with its own timeout; nothing private (copy, print, notes) on the screen;
// "Start over" asks first; "Near here" lists what is nearest the configured location.
import { expect, Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { bundledDataset, t, tPattern, test } from './fixtures';

const data = bundledDataset();
// Yên Tử's relic site, as an operator there would configure it.
const YEN_TU = { lat: 21.155, lon: 106.72 };
const KIOSK = { name: 'Yên Tử', location: YEN_TU, nearby_radius_km: 15, take_away_seconds: 20 };

// A kiosk as installed: nothing saved, a kiosk-sized touch screen.
// A kiosk's screen whichever project runs the file (playwright.config.ts's kiosk project
// matches `kiosk.spec.ts` only, so these run once, in the phone project, at this size).
test.use({
  storageState: { cookies: [], origins: [] },
  viewport: { width: 1920, height: 1080 },
  deviceScaleFactor: 1,
  isMobile: false,
  hasTouch: true,
});

test.beforeEach(async ({ page, context }) => {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  await page.route('**/config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ kiosk: KIOSK }) }),
  );
});

async function startInEnglish(page: Page) {
  await page.goto('/kiosk');
  const attract = page.getByTestId('kiosk-attract');
  await attract.getByRole('button', { name: 'English' }).tap();
  await attract.getByTestId('kiosk-start').tap();
  await expect(page.getByTestId('kiosk-home')).toBeVisible();
  await expect(page).toHaveURL(/\/en\/kiosk\/home$/);
}

/** Adds the first food product to the list and its places to the trip, by touch. */
async function addAProductAndItsPlaces(page: Page) {
  await page.locator('[data-testid="kiosk-tile-group"][data-group="food"]').tap();
  await expect(page).toHaveURL(/group=food/);
  const card = page.getByTestId('product-card').first();
  await card.getByRole('button', { name: new RegExp(t('en', 'add_to_list')) }).tap();
  await card.locator('.card-link').tap();
  await expect(page.getByTestId('product-page')).toBeVisible();
  await page.getByRole('region', { name: t('en', 'places_to_visit') }).getByRole('button', { name: t('en', 'add_places_to_trip') }).tap();
  await expect(page.getByTestId('list-count').first()).toHaveText('1');
}

test('start, a tile, a product, add, then a take-away QR that fits the screen, scans, and times out', async ({ page }) => {
  await page.clock.install();
  await startInEnglish(page);
  await expect(page.getByTestId('kiosk-name')).toHaveText('Yên Tử');
  // No free-text box on the kiosk's home: tiles, chips and the letter keyboard.
  await expect(page.getByTestId('kiosk-home').getByRole('searchbox')).toHaveCount(0);
  await addAProductAndItsPlaces(page);
  const stops = Number(await page.getByTestId('trip-count').first().textContent());
  expect(stops).toBeGreaterThan(0);

  await page.getByTestId('kiosk-take-with-you').tap();
  const view = page.getByTestId('kiosk-take-away');
  await expect(view).toBeVisible();
  await expect(view.getByTestId('take-away-count')).toContainText(t('en', 'kiosk_take_away_products', { count: 1 }));
  await expect(view.getByTestId('take-away-count')).toContainText(t('en', 'kiosk_take_away_stops', { count: stops }));
  for (const lang of ['vi', 'en', 'zh'] as const) {
    await expect(view.locator(`[lang="${lang}"]`)).toHaveText(t(lang, 'kiosk_scan_with_camera'));
  }
  // Fully on screen, every module a whole number of CSS pixels, at least the stated minimum.
  const qr = view.getByRole('img', { name: t('en', 'list_qr_label') });
  const box = (await qr.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(1920);
  expect(box.y + box.height).toBeLessThanOrEqual(1080);
  const modules = Number((await qr.getAttribute('viewBox'))!.split(' ')[2]);
  const modulePx = box.width / modules;
  expect(modulePx).toBe(Number(await view.getAttribute('data-module-px')));
  expect(Number.isInteger(modulePx)).toBe(true);
  // A few products and stops: 10 px or more a module (ocop_core::kiosk::take_away_module_px).
  expect(modulePx).toBeGreaterThanOrEqual(10);
  const png = PNG.sync.read(await qr.screenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(decoded?.data).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/en\/list#1/);
  // The other controls stay reachable without scrolling.
  const back = view.getByTestId('take-away-close');
  const backBox = (await back.boundingBox())!;
  expect(backBox.y + backBox.height).toBeLessThanOrEqual(1080);
  await expect(back).toBeFocused();

  // Its own timeout (take_away_seconds, 20 here) back to browsing; the list is kept.
  await expect(view.getByTestId('take-away-timer')).toContainText(tPattern('en', 'kiosk_take_away_back_in'));
  await page.clock.fastForward(21_000);
  await expect(view).toBeHidden();
  await expect(page.getByTestId('product-page')).toBeVisible();
  await expect(page.getByTestId('list-count').first()).toHaveText('1');
});

test('a kiosk session never offers copy, print, share, notes or the seller view', async ({ page }) => {
  await startInEnglish(page);
  await addAProductAndItsPlaces(page);
  await page.getByRole('link', { name: new RegExp(t('en', 'nav_list')) }).first().tap();
  await expect(page.getByTestId('list-item')).toHaveCount(1);
  const main = page.locator('main');
  for (const id of ['copy-text', 'share-list-text', 'print-list', 'list-share-link', 'share-link-button']) {
    await expect(main.getByTestId(id), id).toHaveCount(0);
  }
  await expect(main.getByRole('button', { name: new RegExp(t('en', 'list_copy_text')) })).toHaveCount(0);
  await expect(main.getByRole('button', { name: new RegExp(t('en', 'list_print')) })).toHaveCount(0);
  await expect(main.getByRole('button', { name: new RegExp(t('en', 'show_list_to_seller')) })).toHaveCount(0);
  await expect(main.locator('.note-field, input[type="text"], textarea')).toHaveCount(0);
  // The list's own "Take it with you" is the full-screen QR.
  await main.getByTestId('list-take-away').tap();
  await expect(page.getByTestId('kiosk-take-away')).toBeVisible();
  await page.getByTestId('take-away-close').tap();
  await expect(page.getByTestId('kiosk-take-away')).toHaveCount(0);
  // The trip page: its places, legs and days, but no GPX download, share field or copy
  // button; its Google Maps directions show as QR codes.
  await page.getByRole('link', { name: new RegExp(t('en', 'nav_trip')) }).first().tap();
  await expect(page.getByTestId('trip-stop').first()).toBeVisible();
  await expect(main.getByRole('button', { name: t('en', 'download_gpx') })).toHaveCount(0);
  await expect(main.getByRole('button', { name: t('en', 'copy_link') })).toHaveCount(0);
  await expect(main.getByTestId('share-link')).toHaveCount(0);
  await expect(main.locator('input[type="text"], textarea')).toHaveCount(0);
  await expect(main.getByTestId('external-qr-button').filter({ hasText: /Google Maps/ }).first()).toBeVisible();
});

test('"Start over" asks first, says what it clears, and keeps everything unless confirmed', async ({ page }) => {
  await startInEnglish(page);
  await addAProductAndItsPlaces(page);
  const stops = Number(await page.getByTestId('trip-count').first().textContent());

  await page.getByTestId('kiosk-start-over').tap();
  const dialog = page.getByRole('alertdialog', { name: t('en', 'kiosk_confirm_title') });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('confirm-list')).toHaveText(t('en', 'kiosk_confirm_list', { count: 1 }));
  await expect(dialog.getByTestId('confirm-trip')).toHaveText(t('en', 'kiosk_confirm_trip', { count: stops }));
  // A real modal: focus on the safe answer, Tab and Shift+Tab stay inside, Escape cancels.
  const keep = dialog.getByTestId('kiosk-confirm-cancel');
  const clear = dialog.getByTestId('kiosk-confirm-start-over');
  await expect(keep).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(clear).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(keep).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(clear).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('list-count').first()).toHaveText('1');

  await page.getByTestId('kiosk-start-over').tap();
  await dialog.getByTestId('kiosk-confirm-cancel').tap();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('list-count').first()).toHaveText('1');

  await page.getByTestId('kiosk-start-over').tap();
  await dialog.getByTestId('kiosk-confirm-start-over').tap();
  await expect(page.getByTestId('kiosk-attract')).toBeVisible();
  await expect(page).toHaveURL(/\/kiosk$/);
  await expect(page.getByTestId('list-count').first()).toHaveText('0');
  await expect(page.getByTestId('trip-count').first()).toHaveText('0');
});

test('"Near here" lists the places nearest the configured location first', async ({ page }) => {
  await startInEnglish(page);
  await page.getByTestId('kiosk-tile-nearby').tap();
  const nearby = page.getByTestId('kiosk-nearby');
  await expect(nearby).toBeVisible();
  const first = nearby.getByTestId('kiosk-near-place').first();
  await expect(first.getByRole('link')).toHaveAttribute('href', '/en/spot/khu-di-tich-yen-tu');
  // Nearest first, by the data's own coordinates.
  const hrefs = await nearby.getByTestId('kiosk-near-place').getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  const km = (href: string) => {
    const [, kind, id] = href.match(/\/(spot|sales-point)\/(.+)$/)!;
    const place = (kind === 'spot' ? data.spots : data.sales_points).find((p: any) => p.id === id);
    const rad = (d: number) => (d * Math.PI) / 180;
    const h = Math.sin(rad(place.coordinates.lat - YEN_TU.lat) / 2) ** 2 + Math.cos(rad(YEN_TU.lat)) * Math.cos(rad(place.coordinates.lat)) * Math.sin(rad(place.coordinates.lon - YEN_TU.lon) / 2) ** 2;
    return 2 * 6371 * Math.asin(Math.sqrt(h));
  };
  const distances = hrefs.map(km);
  expect(distances.length).toBeGreaterThanOrEqual(4);
  expect([...distances].sort((a, b) => a - b)).toEqual(distances);
  // No place left out that is nearer than the last one listed.
  const all = [...data.spots.map((s: any) => `/en/spot/${s.id}`), ...data.sales_points.map((s: any) => `/en/sales-point/${s.id}`)];
  const nearer = all.filter((h) => km(h) < distances[distances.length - 1]);
  expect(nearer.every((h) => hrefs.includes(h))).toBe(true);
  await expect(nearby.getByTestId('kiosk-near-route').first()).toBeVisible();
  await first.getByRole('link').tap();
  await expect(page).toHaveURL(/\/en\/spot\/khu-di-tich-yen-tu$/);
});

test('search without a keyboard: a suggestion, or plain letters on the screen', async ({ page }) => {
  await startInEnglish(page);
  await page.getByTestId('kiosk-suggestion').filter({ hasText: 'squid cake' }).tap();
  await expect(page).toHaveURL(/q=squid(\+|%20)cake/);
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  await page.goBack();
  const keyboard = page.getByTestId('kiosk-keyboard');
  for (const letter of 'TRA') await keyboard.getByRole('button', { name: letter, exact: true }).tap();
  await keyboard.getByRole('button', { name: t('en', 'kiosk_key_space') }).tap();
  for (const letter of 'HOA') await keyboard.getByRole('button', { name: letter, exact: true }).tap();
  await expect(page.getByTestId('kiosk-typed')).toHaveText('tra hoa');
  await keyboard.getByTestId('kiosk-key-search').tap();
  await expect(page).toHaveURL(/q=tra(\+|%20)hoa/);
  // Toneless letters find the toned names.
  await expect(page.getByTestId('product-card').first()).toContainText(/trà hoa|tea/i);
  // The catalog offers no text box a kiosk cannot type into: its search button shows the
  // current search and leads back to the letters.
  await expect(page.getByRole('searchbox')).toHaveCount(0);
  const search = page.getByTestId('kiosk-search-link');
  await expect(search).toHaveText(`${t('en', 'search_label')}: tra hoa`);
  await search.tap();
  await expect(page.getByTestId('kiosk-keyboard')).toBeVisible();
});

test('Chinese visitors browse by tiles and suggestions in Chinese', async ({ page }) => {
  await page.goto('/kiosk');
  await page.getByTestId('kiosk-attract').getByRole('button', { name: '中文' }).tap();
  await page.getByTestId('kiosk-start').tap();
  await expect(page.getByTestId('kiosk-home')).toBeVisible();
  await expect(page).toHaveURL(/\/zh\/kiosk\/home$/);
  await expect(page.getByTestId('kiosk-keyboard')).toHaveCount(0);
  await expect(page.getByTestId('kiosk-suggestion').first()).toHaveText('金花茶');
  await expect(page.getByTestId('kiosk-tile-all')).toContainText(t('zh', 'kiosk_tile_all'));
});

test('tiles are at least 160 px and every control on the kiosk views at least 48 px', async ({ page }) => {
  await startInEnglish(page);
  const tooSmall = (selector: string, min: number) =>
    page.locator(selector).evaluateAll(
      (els, min) =>
        els
          .filter((e) => (e as HTMLElement).offsetParent !== null)
          .map((e) => [e.textContent?.trim().slice(0, 30), e.getBoundingClientRect()] as const)
          .filter(([, r]) => r.width < min || r.height < min)
          .map(([text, r]) => `${text}: ${Math.round(r.width)}×${Math.round(r.height)}`),
      min,
    );
  expect(await page.getByTestId('kiosk-tiles').locator('.kiosk-tile').count()).toBeGreaterThanOrEqual(8);
  expect(await tooSmall('.kiosk-tile', 160)).toEqual([]);
  expect(await tooSmall('main a, main button, .kiosk-tools button', 48)).toEqual([]);
  await addAProductAndItsPlaces(page);
  await page.getByTestId('kiosk-take-with-you').tap();
  expect(await tooSmall('[data-testid="kiosk-take-away"] button', 48)).toEqual([]);
  await page.getByTestId('take-away-close').tap();
  await page.getByTestId('kiosk-start-over').tap();
  expect(await tooSmall('[data-testid="kiosk-confirm"] button', 48)).toEqual([]);
});

test('a mistyped kiosk setting falls back to its default with a console warning', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await page.route('**/config.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ kiosk: { idle_seconds: 'ninety', location: 'here', languages: ['zh', 'fr'] } }),
    }),
  );
  await page.goto('/kiosk');
  // The operator's language order holds where it was valid; the rest still offered.
  const languages = page.getByTestId('kiosk-attract').locator('.kiosk-languages button');
  await expect(languages).toHaveText(['中文', 'Tiếng Việt', 'English']);
  await page.getByTestId('kiosk-start').tap();
  await expect(page.getByTestId('kiosk-home')).toBeVisible();
  // No location: no "Near here" tile.
  await expect(page.getByTestId('kiosk-tile-nearby')).toHaveCount(0);
  await expect.poll(() => warnings.join('\n')).toContain('kiosk.idle_seconds');
  expect(warnings.join('\n')).toContain('kiosk.location');
  expect(warnings.join('\n')).toContain('kiosk.languages');
});
