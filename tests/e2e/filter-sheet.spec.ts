// The catalog's filters on a phone (issue 19, item 2): a full-screen sheet (a modal dialog)
// with the most used facets first and the rest behind disclosures, a "Show N results" button
// always on screen, quick chips above the results, the category hierarchy drawn as one, and
// a one-line "What is OCOP?" on the first screen (item 4). Wide screens keep the side panel.
import AxeBuilder from '@axe-core/playwright';
import { expect, Page } from '@playwright/test';
import { bundledDataset, inLanguage, t, test } from './fixtures';

const dataset = bundledDataset();
const products: any[] = dataset.products;
const all = products.length;
const fiveStars = products.filter((p) => p.rating.stars === 5 && p.rating.evidence !== 'unconfirmed').length;
const month = new Date().getMonth() + 1;
const inSeason = products.filter((p) => (p.season_months ?? []).includes(month)).length;

const toggle = (page: Page) => page.locator('.filters-toggle');
const sheet = (page: Page) => page.getByRole('dialog', { name: t('en', 'filters') });
const showButton = (page: Page, count: number) =>
  sheet(page).getByRole('button', { name: t('en', 'show_results', { count }) });

async function openSheet(page: Page) {
  await expect(page.getByTestId('results-count')).toBeVisible();
  await toggle(page).click();
  await expect(sheet(page)).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await inLanguage(page, 'en');
  await page.setViewportSize({ width: 360, height: 640 });
});

test('on a phone the filters open as a full-screen sheet, most used facets first', async ({ page }) => {
  await page.goto('/');
  await openSheet(page);
  const box = (await sheet(page).boundingBox())!;
  expect(box).toEqual({ x: 0, y: 0, width: 360, height: 640 });
  await expect(toggle(page)).toHaveAttribute('aria-expanded', 'true');

  // Category, stars, in season, area: open, in that order; the others are closed disclosures.
  const open = await sheet(page)
    .locator('[data-testid^="facet-"]:visible')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  expect(open).toEqual(['facet-category', 'facet-stars', 'facet-season', 'facet-area']);
  for (const key of ['facet_buy', 'facet_trip', 'facet_price', 'facet_producer_type']) {
    const more = sheet(page).getByRole('button', { name: t('en', key), exact: true });
    await expect(more).toHaveAttribute('aria-expanded', 'false');
  }
  const buy = sheet(page).getByRole('button', { name: t('en', 'facet_buy'), exact: true });
  await buy.click();
  await expect(buy).toHaveAttribute('aria-expanded', 'true');
  await expect(sheet(page).getByTestId('facet-buy')).toBeVisible();

  // "Show N results" is on screen without scrolling, and N follows the choices.
  const show = showButton(page, all);
  await expect(show).toBeInViewport({ ratio: 1 });
  await sheet(page).getByRole('group', { name: t('en', 'facet_stars') })
    .getByRole('checkbox', { name: t('en', 'stars_filter_5') }).check();
  await expect(showButton(page, fiveStars)).toBeInViewport({ ratio: 1 });
  await showButton(page, fiveStars).click();
  await expect(sheet(page)).toHaveCount(0);
  await expect(toggle(page)).toBeFocused();
  await expect(page.getByTestId('results-count')).toHaveText(t('en', 'products_count', { count: fiveStars }));
  await expect(page).toHaveURL(/stars=5/);
});

test('the sheet keeps the keyboard inside; Escape and the close button give focus back', async ({ page }) => {
  await page.goto('/');
  await openSheet(page);
  const close = sheet(page).getByRole('button', { name: t('en', 'filters_close') });
  await expect(close).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(showButton(page, all)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(close).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(sheet(page).locator(':focus')).toHaveCount(1);

  await page.keyboard.press('Escape');
  await expect(sheet(page)).toHaveCount(0);
  await expect(toggle(page)).toBeFocused();
  await expect(toggle(page)).toHaveAttribute('aria-expanded', 'false');

  await page.keyboard.press('Enter');
  await expect(close).toBeFocused();
  await close.click();
  await expect(sheet(page)).toHaveCount(0);
  await expect(toggle(page)).toBeFocused();
});

test('the category hierarchy is nested: Seafood under Food, not under the group above it', async ({ page }) => {
  await page.goto('/');
  await openSheet(page);
  const category = sheet(page).getByRole('group', { name: t('en', 'facet_category') });
  const groupItem = (key: string) =>
    category.getByRole('listitem').filter({
      has: page.getByRole('checkbox', { name: new RegExp(`^${t('en', key).replace(/[&]/g, '\\$&')}\\b`) }),
    });
  const seafood = { name: new RegExp(`^${t('en', 'sub_seafood')}\\b`) };
  // The group's item holds a list (level 2) with Seafood in it.
  const food = groupItem('group_food').first();
  await expect(food.getByRole('list').getByRole('checkbox', seafood)).toHaveCount(1);
  await expect(groupItem('group_souvenir').first().getByRole('checkbox', seafood)).toHaveCount(0);
  // Every subcategory checkbox sits in a list inside a group's list item.
  const nesting = await category.locator('.facet-subs input').evaluateAll((els) =>
    els.map((e) => e.closest('ul')!.parentElement!.tagName + '>' + e.closest('ul')!.parentElement!.closest('ul')!.className),
  );
  expect(nesting.length).toBeGreaterThan(0);
  expect(new Set(nesting)).toEqual(new Set(['LI>facet-tree']));

  // Choosing Seafood filters to it.
  const n = products.filter((p) => p.subcategory === 'seafood').length;
  await food.getByRole('checkbox', seafood).check();
  await expect(showButton(page, n)).toBeVisible();
  await expect(page).toHaveURL(/sub=seafood/);
});

test('axe finds nothing with the sheet open and a disclosure expanded', async ({ page }) => {
  await page.goto('/?stars=5');
  await openSheet(page);
  await sheet(page).getByRole('button', { name: t('en', 'facet_price'), exact: true }).click();
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
});

test('quick chips toggle 5★, in season and on my trip, and the URL keeps them', async ({ page }) => {
  const quick = page.getByTestId('quick-filters');
  const chip = (key: string) => quick.getByRole('button', { name: t('en', key), exact: true });
  await page.goto('/');
  await expect(page.getByTestId('results-count')).toBeVisible();
  // No trip yet: no "On my trip" chip, which could only empty the list.
  await expect(chip('on_my_trip_chip')).toHaveCount(0);

  await chip('quick_five_stars').click();
  await expect(chip('quick_five_stars')).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/stars=5/);
  await expect(page.getByTestId('results-count')).toHaveText(t('en', 'products_count', { count: fiveStars }));
  await page.reload();
  await expect(chip('quick_five_stars')).toHaveAttribute('aria-pressed', 'true');
  await chip('quick_five_stars').click();
  await expect(chip('quick_five_stars')).toHaveAttribute('aria-pressed', 'false');
  await expect(page).not.toHaveURL(/stars=/);

  await chip('quick_in_season').click();
  await expect(page).toHaveURL(new RegExp(`month=${month}(&|$)`));
  await expect(chip('quick_in_season')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('results-count')).toHaveText(t('en', 'products_count', { count: inSeason }));
  await page.goBack();
  await expect(chip('quick_in_season')).toHaveAttribute('aria-pressed', 'false');
});

test('the "On my trip" chip shows products at the trip\'s stops', async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('ocop.trip.v1', JSON.stringify({ version: 1, stops: [{ spot: 'dao-co-to' }] }));
  });
  await page.goto('/');
  const chip = page.getByTestId('quick-filters').getByRole('button', { name: t('en', 'on_my_trip_chip'), exact: true });
  await chip.click();
  await expect(page).toHaveURL(/trip=1/);
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  const spot = dataset.spots.find((s: any) => s.id === 'dao-co-to');
  await expect(page.getByTestId('product-card')).toHaveCount(spot.products.length);
});

test('a one-line "What is OCOP?" on the first screen leads to About', async ({ page }) => {
  await page.goto('/');
  const line = page.locator('.ocop-line');
  await expect(line).toBeInViewport({ ratio: 1 });
  // One line: no taller than its line height allows for one row (with the link's padding).
  const height = (await line.boundingBox())!.height;
  expect(height).toBeLessThan(32);
  await line.getByRole('link', { name: t('en', 'ocop_line_link') }).click();
  await expect(page).toHaveURL(/\/about#what-is-ocop$/);
  await expect(page.locator('#what-is-ocop')).toContainText('OCOP');
});

test('wide screens and the kiosk keep the side panel, all facets open', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/');
  await expect(page.getByTestId('results-count')).toBeVisible();
  await expect(toggle(page)).toBeHidden();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  for (const id of ['category', 'stars', 'season', 'area', 'buy', 'price', 'producer-type']) {
    await expect(page.getByTestId(`facet-${id}`)).toBeVisible();
  }
  await expect(page.getByTestId('quick-filters')).toBeVisible();
});
