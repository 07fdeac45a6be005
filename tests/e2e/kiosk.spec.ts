// Kiosk mode (/kiosk): attract screen, idle countdown and a reset that leaves nothing behind,
// links shown as QR codes, and recovery from a crash. Time is driven by Playwright's clock,
// so the real 90 s + 20 s timings are tested without waiting for them.
import { expect, Page } from '@playwright/test';
import { bundledDataset, t, tPattern, test } from './fixtures';

const data = bundledDataset();

// A kiosk device as installed: nothing saved by an earlier visitor (the suite's default is a
// phone visitor who chose English, playwright.config.ts).
test.use({ storageState: { cookies: [], origins: [] } });

test.beforeEach(async ({ context }) => {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
});

/** Everything a visitor could leave behind, outside the DOM. */
const leftovers = (page: Page) =>
  page.evaluate(() => ({
    local: Object.keys(localStorage).filter((k) => k !== 'ocop.dataset-cache.v1'),
    session: Object.keys(sessionStorage),
    cookies: document.cookie,
  }));

async function startInEnglish(page: Page) {
  await page.goto('/kiosk');
  const attract = page.getByTestId('kiosk-attract');
  await expect(attract).toBeVisible();
  await expect(page.locator('html')).toHaveClass(/kiosk/);
  await expect(attract.getByTestId('kiosk-slide')).toBeVisible();
  await attract.getByRole('button', { name: 'English' }).click();
  await expect(attract.getByTestId('kiosk-start')).toHaveText(t('en', 'kiosk_touch_to_start'));
  await attract.getByTestId('kiosk-start').click();
  // "Touch to start" opens the kiosk's home (its tiles, by touch: kiosk-home.spec.ts); its
  // "All products" tile, here from the keyboard, the catalog.
  await expect(page.getByTestId('kiosk-home')).toBeVisible();
  await page.getByTestId('kiosk-tile-all').press('Enter');
  await expect(page.getByTestId('product-card').first()).toBeVisible();
}

/** Searches as a kiosk visitor does (no keyboard): the catalog's search button opens the
 * kiosk home, whose letter keys type the text without tones (search ignores them). */
async function kioskSearch(page: Page, text: string) {
  await page.getByTestId('kiosk-search-link').press('Enter');
  const keyboard = page.getByTestId('kiosk-keyboard');
  const letters = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toUpperCase()
    .replace(/[^A-Z ]+/g, ' ')
    .replace(/ +/g, ' ')
    .trim()
    .slice(0, 40)
    .trim();
  for (const key of letters) {
    const name = key === ' ' ? t('en', 'kiosk_key_space') : key;
    await keyboard.getByRole('button', { name, exact: true }).press('Enter');
  }
  await page.getByTestId('kiosk-key-search').press('Enter');
}

test('the attract screen opens on a rating that still holds, and a lapsed one is never a plain badge', async ({ page }) => {
  await page.goto('/kiosk');
  const slide = page.getByTestId('kiosk-attract').getByTestId('kiosk-slide');
  await expect(slide.locator('.badge-national')).toBeVisible();
  await expect(slide.getByTestId('lapsed')).toHaveCount(0);
});

test('an idle kiosk counts down, then starts over leaving no list, trip, filter or language', async ({ page }) => {
  await page.clock.install();
  await startInEnglish(page);

  // A visitor searches, adds to the list and the trip.
  await kioskSearch(page, 'squid');
  await expect(page).toHaveURL(/q=squid/);
  const card = page.getByTestId('product-card').first();
  const name = (await card.locator('.product-name').textContent())!.trim();
  await card.getByRole('button', { name: new RegExp(t('en', 'add_to_list')) }).click();
  await card.locator('.card-link').click();
  await page.getByRole('region', { name: t('en', 'places_to_visit') }).getByRole('button', { name: t('en', 'add_places_to_trip') }).click();
  await expect(page.getByTestId('list-count').first()).toHaveText('1');
  await expect(page.getByTestId('trip-count').first()).not.toHaveText('0');
  // Kiosk state lives in memory only.
  expect(await leftovers(page)).toEqual({ local: [], session: [], cookies: '' });

  // 90 s untouched: the countdown, with at least 20 s to react.
  await page.clock.fastForward(90_500);
  const countdown = page.getByTestId('kiosk-countdown');
  await expect(countdown).toBeVisible();
  await expect(countdown).toContainText(tPattern('en', 'kiosk_starting_over_in'));
  // The clock keeps running in real time between steps, so allow for a few seconds here.
  const left = Number((await countdown.textContent())!.match(/(\d+) s/)![1]);
  expect(left).toBeGreaterThanOrEqual(15);
  expect(left).toBeLessThanOrEqual(20);
  await page.clock.fastForward(20_500);

  // Back on the attract screen, in Vietnamese, with nothing of the last visitor anywhere.
  await expect(page.getByTestId('kiosk-attract')).toBeVisible();
  await expect(page).toHaveURL(/\/kiosk$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByTestId('list-count').first()).toHaveText('0');
  await expect(page.getByTestId('trip-count').first()).toHaveText('0');
  expect(await leftovers(page)).toEqual({ local: [], session: [], cookies: '' });
  await page.getByTestId('kiosk-start').click();
  await expect(page).toHaveURL(/\/kiosk\/home$/);
  await page.getByTestId('kiosk-tile-all').press('Enter');
  await expect(page.getByTestId('kiosk-search-link')).toHaveText(t('vi', 'search_label'));
  await expect(page).toHaveURL(/\/$/);
  await page.getByRole('link', { name: new RegExp(t('vi', 'nav_list')) }).first().click();
  await expect(page.getByTestId('list-empty')).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
});

test('any touch cancels the countdown', async ({ page }) => {
  await page.clock.install();
  await startInEnglish(page);
  await page.getByTestId('product-card').first().getByRole('button', { name: new RegExp(t('en', 'add_to_list')) }).click();
  await page.clock.fastForward(91_000);
  const countdown = page.getByTestId('kiosk-countdown');
  await expect(countdown).toBeVisible();
  await page.mouse.click(10, 10);
  await expect(countdown).toBeHidden();
  await page.clock.fastForward(30_000);
  await expect(page.getByTestId('kiosk-attract')).toBeHidden();
  await expect(page.getByTestId('list-count').first()).toHaveText('1');
});

/** Every way off the app in the page, whatever its target: links and image-map areas to
 * another origin or to another scheme (mailto:, tel:, sms:, geo:, intent:…), links and forms
 * opening another window, forms sending elsewhere, frames, and `window.open` calls so far. */
const waysOut = (page: Page) =>
  page.evaluate(() => {
    const away = (url: string) => new URL(url, location.href).origin !== location.origin;
    const newWindow = (target: string | null) => !!target && !['_self', '_top', '_parent'].includes(target.toLowerCase());
    const found: string[] = [];
    for (const a of document.querySelectorAll<HTMLAnchorElement | HTMLAreaElement>('a[href], area[href]')) {
      if (away(a.href) || newWindow(a.getAttribute('target'))) found.push(`<${a.localName} href="${a.getAttribute('href')}" target="${a.getAttribute('target') ?? ''}">`);
    }
    for (const f of document.querySelectorAll<HTMLFormElement>('form')) {
      if (away(f.action) || newWindow(f.getAttribute('target'))) found.push(`<form action="${f.action}">`);
    }
    for (const e of document.querySelectorAll('[formaction], [formtarget]')) {
      found.push(`<${e.localName} formaction="${e.getAttribute('formaction') ?? ''}" formtarget="${e.getAttribute('formtarget') ?? ''}">`);
    }
    for (const e of document.querySelectorAll<HTMLElement>('iframe[src], embed[src], object[data], frame[src]')) {
      const url = e.getAttribute('src') ?? e.getAttribute('data')!;
      if (away(url)) found.push(`<${e.localName} src="${url}">`);
    }
    return [...found, ...((window as any).__opened as string[]).map((url) => `window.open(${url})`)];
  });

test('nothing on a kiosk leads off the app: links to other sites are QR codes', async ({ page, context, baseURL }) => {
  const popups: string[] = [];
  context.on('page', (p) => popups.push(p.url()));
  await page.addInitScript(() => {
    const opened: string[] = ((window as any).__opened = []);
    window.open = (url?: string | URL) => {
      opened.push(String(url));
      return null;
    };
  });
  /** Checked on each page of the kiosk once it has rendered, and after tapping every QR button. */
  const noWayOut = async (where: string) => {
    for (const button of await page.getByTestId('external-qr-button').all()) await button.click();
    expect(await waysOut(page), where).toEqual([]);
    expect(popups, where).toEqual([]);
    expect(new URL(page.url()).origin, where).toBe(new URL(baseURL!).origin);
  };
  await startInEnglish(page);
  await noWayOut('catalog');

  // A product whose first source is a web page: on a kiosk, a QR code with its address.
  const product = data.products.find((p: any) => p.sources[0].startsWith('http'));
  await kioskSearch(page, product.name.vi);
  await page.locator(`[data-product-id="${product.id}"] .card-link`).click();
  await expect(page.getByTestId('product-page')).toBeVisible();
  const sources = page.getByRole('region', { name: t('en', 'sources') });
  await sources.getByTestId('external-qr-button').first().click();
  const qr = sources.getByRole('img', { name: t('en', 'kiosk_link_qr_label') });
  await expect(qr).toBeVisible();
  await expect(sources.getByTestId('external-qr').first()).toContainText(product.sources[0]);
  await sources.getByTestId('external-qr-button').first().click();
  await noWayOut('product page');
  await page.getByRole('region', { name: t('en', 'places_to_visit') }).getByRole('button', { name: t('en', 'add_places_to_trip') }).click();

  // The trip's Google Maps directions, the map, a route, the data sources on About.
  await page.getByRole('link', { name: new RegExp(t('en', 'nav_trip')) }).first().click();
  await expect(page.getByTestId('trip-stop').first()).toBeVisible();
  await expect(page.getByTestId('external-qr-button').filter({ hasText: /Google Maps/ }).first()).toBeVisible();
  await noWayOut('trip');
  await page.getByRole('link', { name: t('en', 'nav_map') }).first().click();
  await expect(page.locator('.map')).toHaveAttribute('data-outline', 'ready');
  await noWayOut('map');
  await page.getByRole('link', { name: t('en', 'nav_routes') }).first().click();
  await page.getByTestId('route-card').first().getByRole('link').click();
  await expect(page.locator('.map')).toHaveAttribute('data-outline', 'ready');
  await noWayOut('route');
  await page.getByRole('link', { name: t('en', 'nav_about') }).first().click();
  await expect(page.getByTestId('dataset-version')).toBeVisible();
  await expect(page.getByTestId('external-qr-button').first()).toBeVisible();
  await noWayOut('about');

  // "Take it with you": the full-screen QR code of list and trip (kiosk-home.spec.ts), then
  // the list page itself.
  await page.getByTestId('kiosk-take-with-you').click();
  await expect(page.getByTestId('kiosk-take-away')).toBeVisible();
  // Over the page, which was checked above: nothing to tap behind it.
  expect(await waysOut(page), 'take-away').toEqual([]);
  await page.getByTestId('take-away-close').click();
  await page.getByRole('link', { name: new RegExp(t('en', 'nav_list')) }).first().click();
  await expect(page).toHaveURL(/\/list$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await noWayOut('list');
  // Still the kiosk, in this one window.
  await expect(page.locator('html')).toHaveClass(/kiosk/);
  expect(context.pages()).toEqual([page]);
});

test('a crash sends the kiosk back to its attract screen within 10 s', async ({ page }) => {
  await page.route('**/config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ test_hooks: true }) }),
  );
  await startInEnglish(page);
  const started = Date.now();
  await page.evaluate(() => setTimeout(() => window.dispatchEvent(new Event('ocop-test-panic')), 0));
  // The reloaded page shows its pre-rendered attract screen first, the app's behind it.
  await expect(page.getByTestId('kiosk-attract').first()).toBeVisible({ timeout: 10_000 });
  expect(Date.now() - started).toBeLessThan(10_000);
  await expect(page).toHaveURL(/\/kiosk$/);
  // The reloaded kiosk works once the app has taken over.
  await expect(page.locator('#boot')).toHaveCount(0, { timeout: 10_000 });
  await page.getByTestId('kiosk-start').click();
  await expect(page.getByTestId('kiosk-home')).toBeVisible();
});

test('on a phone a crash shows a reload button instead', async ({ page }) => {
  await page.route('**/config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ test_hooks: true }) }),
  );
  await page.goto('/');
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  await page.evaluate(() => setTimeout(() => window.dispatchEvent(new Event('ocop-test-panic')), 0));
  const crash = page.getByTestId('crash-screen');
  await expect(crash).toBeVisible();
  await crash.getByRole('button').click();
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  await expect(crash).toHaveCount(0);
});
