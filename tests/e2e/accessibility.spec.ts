// axe-core: zero WCAG 2.2 A/AA violations on every page (map, routes and trip included), in all three
// languages, at the phone and kiosk sizes (the Playwright projects).
import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import { Lang, inLanguage, t, test } from './fixtures';

const pages = [
  ['catalog', '/'],
  ['catalog with filters', '/?stars=5,4&group=beverage'],
  ['product page', '/p/tra-hoa-vang-ba-che'],
  ['about', '/about'],
  ['map', '/map?place=s.vuon-oi-son-duong'],
  ['routes', '/routes'],
  ['route page', '/routes/van-don-co-to-dao'],
  ['trip', '/trip'],
  ['place page', '/spot/dao-co-to'],
  ['shopping list', '/list'],
  ['kiosk attract screen', '/kiosk'],
  // Issue 19's new views, each opened as a visitor would.
  ['shopping list shown to a seller', '/list', 'counter'],
  ['map sheet of two places at one spot', '/map?place=s.mui-sa-vi,p.mui-sa-vi'],
  ['map place search', '/map', 'place-search'],
];

// The trip and list pages are audited with content in them.
const trip = { version: 1, stops: [{ spot: 'dao-co-to' }, { sales_point: 'trung-tam-ocop-ha-long' }, { spot: 'vinh-ha-long' }] };
const list = { version: 1, items: [{ product: 'tra-hoa-vang-ba-che', quantity: 2 }, { product: 'no-longer-sold', quantity: 1 }] };

for (const lang of ['vi', 'en', 'zh'] as Lang[]) {
  for (const [name, path, action] of pages) {
    test(`${name} in ${lang} has no WCAG 2.2 AA violations`, async ({ page }) => {
      await inLanguage(page, lang);
      await page.context().route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
      await page.addInitScript(
        ([t, l]) => {
          localStorage.setItem('ocop.trip.v1', t);
          localStorage.setItem('ocop.list.v1', l);
        },
        [JSON.stringify(trip), JSON.stringify(list)],
      );
      await page.goto(path + (path.includes('?') ? '&' : '?') + `lang=${lang}`);
      await expect(page.locator('main h1')).toBeVisible();
      const map = page.locator('.map');
      if ((await map.count()) > 0) await expect(map).toHaveAttribute('data-outline', 'ready');
      if (action === 'counter') {
        await page.getByRole('button', { name: t(lang, 'show_list_to_seller') }).click();
        await expect(page.getByTestId('counter-view')).toBeVisible();
      }
      if (action === 'place-search') {
        await page.getByRole('searchbox', { name: t(lang, 'map_search') }).fill('co to');
        await expect(page.locator('.map-search-result').first()).toBeVisible();
      }
      const toggle = page.locator('.filters-toggle');
      if (await toggle.isVisible()) await toggle.click(); // audit the open filter panel too
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(summary).toEqual([]);
    });
  }
}
