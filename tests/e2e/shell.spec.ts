// The app shell as a tourist meets it (issue: app shell). On a phone the primary
// destinations are a tab bar at the bottom — icons, labels, the trip's and the list's counts,
// 48 px targets — and the top bar keeps only the title, the language and About, so the first
// product is on screen at 360×640. Tablets and kiosks keep the navigation along the top.
import { expect, Page } from '@playwright/test';
import { inLanguage, t, test } from './fixtures';

const trip = { version: 1, stops: [{ spot: 'dao-co-to' }, { spot: 'vinh-ha-long' }] };
const list = {
  version: 2,
  items: [
    { product: 'tra-hoa-vang-ba-che', quantity: 2, note: '', checked: false },
    { product: 'cha-muc-manh-ha', quantity: 1, note: '', checked: false },
    { product: 'ngoc-trai-akoya', quantity: 1, note: '', checked: false },
  ],
};

async function withTripAndList(page: Page) {
  await page.addInitScript(
    ([t, l]) => {
      localStorage.setItem('ocop.trip.v1', t);
      localStorage.setItem('ocop.list.v1', l);
    },
    [JSON.stringify(trip), JSON.stringify(list)],
  );
}

// The one navigation landmark with the destinations (named in the page's language).
const nav = (page: Page) => page.locator('nav.tab-bar');
const destinations = ['nav_catalog', 'nav_map', 'nav_routes', 'nav_trip', 'nav_list'];

// Sizes set here, not by the Playwright project: the spec runs in the phone project only
// (playwright.config.ts), and checks the tablet and kiosk layouts at their own sizes.
test.describe('on a phone', () => {
  test.use({ viewport: { width: 393, height: 851 }, isMobile: true, hasTouch: true });

  test('the primary destinations are a tab bar at the bottom with icons, labels and counts', async ({ page }) => {
    await inLanguage(page, 'en');
    await withTripAndList(page);
    await page.goto('/');
    await expect(page.getByTestId('product-card').first()).toBeVisible();
    const bar = page.getByRole('navigation', { name: t('en', 'nav_main') });
    const viewport = page.viewportSize()!;
    const box = (await bar.boundingBox())!;
    expect(box.y + box.height).toBeCloseTo(viewport.height, 0);
    expect(box.width).toBeCloseTo(viewport.width, 0);

    const tabs = bar.getByRole('link');
    await expect(tabs).toHaveCount(destinations.length);
    for (const [i, key] of destinations.entries()) {
      const tab = tabs.nth(i);
      await expect(tab).toContainText(t('en', key));
      await expect(tab.locator('svg')).toHaveCount(1);
      const target = (await tab.boundingBox())!;
      expect(target.height, key).toBeGreaterThanOrEqual(48);
      expect(target.width, key).toBeGreaterThanOrEqual(48);
      // One row, side by side.
      expect(target.y, key).toBeCloseTo(box.y, 0);
    }
    await expect(bar.getByTestId('trip-count')).toHaveText('2');
    await expect(bar.getByTestId('list-count')).toHaveText('3');
    await expect(tabs.first()).toHaveAttribute('aria-current', 'page');
    // The link reads "My trip 2".
    await expect(bar.getByRole('link', { name: `${t('en', 'nav_trip')} 2` })).toBeVisible();

    // Stays at the bottom while the page scrolls, and goes where it says.
    await page.mouse.wheel(0, 2000);
    expect((await bar.boundingBox())!.y).toBeCloseTo(box.y, 0);
    await bar.getByRole('link', { name: t('en', 'nav_map') }).click();
    await expect(page).toHaveURL(/\/map/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('en', 'map_title'));
    await expect(bar.getByRole('link', { name: t('en', 'nav_map') })).toHaveAttribute('aria-current', 'page');
    await bar.getByRole('link', { name: new RegExp(t('en', 'nav_list')) }).click();
    await expect(page).toHaveURL(/\/list/);
    await expect(page.getByTestId('list-item')).toHaveCount(3);
  });

  test('the top bar keeps the title, the language and About, on one row', async ({ page }) => {
    await inLanguage(page, 'en');
    await page.goto('/');
    const header = page.getByRole('banner');
    await expect(header.getByRole('link', { name: t('en', 'app_name') })).toBeVisible();
    await expect(header.getByRole('combobox', { name: t('en', 'language') })).toBeVisible();
    const about = header.getByRole('link', { name: t('en', 'nav_about') });
    await expect(about).toBeVisible();
    const target = (await about.boundingBox())!;
    expect(target.height).toBeGreaterThanOrEqual(44);
    expect(target.width).toBeGreaterThanOrEqual(44);
    expect((await header.boundingBox())!.height).toBeLessThan(64);
    // The destinations are not repeated up there.
    await expect(header.getByRole('link', { name: t('en', 'nav_map') })).toHaveCount(0);
    await about.click();
    await expect(page).toHaveURL(/\/about/);
  });

  for (const lang of ['vi', 'en', 'zh'] as const) {
    test(`the first product card is above the fold at 360×640 (${lang})`, async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 640 });
      await inLanguage(page, lang);
      await withTripAndList(page);
      await page.goto(`/?lang=${lang}`);
      const card = page.getByTestId('product-card').first();
      await expect(card).toBeVisible();
      const bar = (await nav(page).boundingBox())!;
      const first = (await card.boundingBox())!;
      expect(first.y).toBeGreaterThan(0);
      // The whole card, above the tab bar, with nothing scrolled.
      expect(first.y + first.height).toBeLessThanOrEqual(bar.y);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      // The top bar is one row at this width too.
      expect((await page.getByRole('banner').boundingBox())!.height).toBeLessThan(64);
    });
  }

  test('the end of a page can be scrolled clear of the tab bar', async ({ page }) => {
    await inLanguage(page, 'en');
    await page.goto('/about');
    await expect(page.getByTestId('data-status')).toBeVisible();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const bar = (await nav(page).boundingBox())!;
    const last = (await page.locator('main').boundingBox())!;
    expect(last.y + last.height).toBeLessThanOrEqual(bar.y + 1);
  });
});

test.describe('on a tablet and a kiosk', () => {
  test.use({ viewport: { width: 1920, height: 1080 }, isMobile: false, hasTouch: true });

  for (const width of [820, 1920]) {
    test(`the destinations run along the top, under the title (${width} px wide)`, async ({ page }) => {
      await page.setViewportSize({ width, height: 1080 });
      await inLanguage(page, 'en');
      await page.goto('/');
      await expect(page.getByTestId('product-card').first()).toBeVisible();
      const bar = (await nav(page).boundingBox())!;
      const header = (await page.getByRole('banner').boundingBox())!;
      expect(bar.y).toBeCloseTo(header.y + header.height, 0);
      const tabs = nav(page).getByRole('link');
      await expect(tabs).toHaveCount(destinations.length);
      for (const [i, key] of destinations.entries()) {
        await expect(tabs.nth(i)).toContainText(t('en', key));
        const target = (await tabs.nth(i).boundingBox())!;
        expect(target.height, key).toBeGreaterThanOrEqual(44);
        expect(target.y + target.height, key).toBeLessThanOrEqual(bar.y + bar.height + 1);
      }
      // About keeps its label on wide screens.
      await expect(page.getByRole('banner').getByRole('link', { name: t('en', 'nav_about') })).toContainText(
        t('en', 'nav_about'),
      );
    });
  }

  test('in kiosk mode too, with the kiosk tools in the top bar', async ({ page }) => {
    await page.goto('/kiosk');
    await page.getByTestId('kiosk-start').click();
    // "Touch to start" opens the kiosk's tiles; "All products" the catalog.
    await page.getByTestId('kiosk-tile-all').press('Enter');
    await expect(page.getByTestId('product-card').first()).toBeVisible();
    const bar = (await nav(page).boundingBox())!;
    const header = (await page.getByRole('banner').boundingBox())!;
    expect(bar.y).toBeCloseTo(header.y + header.height, 0);
    await expect(page.getByRole('banner').getByTestId('kiosk-start-over')).toBeVisible();
    for (const link of await nav(page).getByRole('link').all()) {
      expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(48);
    }
  });
});

test('a count of 0 is not drawn on the tab', async ({ page }) => {
  await inLanguage(page, 'en');
  await page.goto('/');
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  await expect(page.getByTestId('list-count')).toHaveText('0');
  await expect(page.getByTestId('list-count')).toBeHidden();
  await page.getByTestId('add-to-list').first().click();
  await expect(page.getByTestId('list-count')).toHaveText('1');
  await expect(page.getByTestId('list-count')).toBeVisible();
});

// The app's own pages say nothing in the console: no error, no warning (the browser's
// "failed to load" lines for the map tiles this test cuts off are not the app's). `cargo xtask
// serve` builds the same page with live reload off, so this holds there too. The service
// worker is allowed here (the config blocks it elsewhere), as on a visitor's phone.
test.describe('the console', () => {
  test.use({ serviceWorkers: 'allow' });
  for (const lang of ['vi', 'en', 'zh'] as const) {
    test(`the pages log no error and no warning (${lang})`, async ({ context, page }) => {
      await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
      const said: string[] = [];
      page.on('pageerror', (e) => said.push(`uncaught: ${e.message}`));
      page.on('console', (m) => {
        if (['error', 'warning'].includes(m.type()) && !/Failed to load resource|net::ERR_/.test(m.text())) {
          said.push(`${m.type()}: ${m.text()}`);
        }
      });
      await inLanguage(page, lang);
      await withTripAndList(page);
      const pages = [
        '/',
        '/p/tra-hoa-vang-ba-che',
        '/map',
        '/routes',
        '/routes/vinh-ha-long-ngoc-trai',
        '/spot/vinh-ha-long',
        '/sales-point/trung-tam-ocop-ha-long',
        '/trip',
        '/list',
        '/about',
      ];
      for (const path of pages) {
        await page.goto(path);
        await expect(page.locator('main h1').first()).toBeVisible();
        await page.waitForLoadState('networkidle');
      }
      expect(said).toEqual([]);
    });
  }
});
