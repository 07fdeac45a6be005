// Catalog search, facets, chips, sorting and shareable URL state (issue: catalog).
import { expect, Page } from '@playwright/test';
import { bundledDataset, inLanguage, t, test } from './fixtures';

const dataset = bundledDataset();
const all = dataset.products.length;
const countStars = (n: number) => dataset.products.filter((p: any) => p.rating.stars === n).length;
const cards = (page: Page) => page.getByTestId('product-card');
const cardIds = async (page: Page) =>
  (await cards(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-product-id')))).slice(0, 2);
/** The two squid-cake products, the rated one first (stars break ties between equal matches). */
const chaMucOrder = ['cha-muc-co-to-thanh-mang', 'cha-muc-manh-ha'];

/** Closes the phone's filter sheet (a modal dialog over the results), if it is open. */
async function closeFilters(page: Page) {
  if (await page.getByRole('dialog').isVisible()) await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

/** Opens the filter panel on phones: a full-screen sheet (on wide screens it is always shown). */
async function openFilters(page: Page) {
  // The panel exists once the data has loaded.
  await expect(page.getByTestId('results-count')).toBeVisible();
  const toggle = page.locator('.filters-toggle');
  if (await toggle.isVisible()) {
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  }
}

test.beforeEach(async ({ page }) => {
  await inLanguage(page, 'en');
});

test('search without tones finds the Vietnamese name', async ({ page }) => {
  await page.goto('/');
  await expect(cards(page)).toHaveCount(24); // first page
  await page.getByRole('searchbox', { name: t('en', 'search_label') }).fill('cha muc');
  // Both squid-cake makers match; the rated one (Cô Tô, 3★) ranks first among equal matches.
  await expect.poll(() => cardIds(page)).toEqual(chaMucOrder);
  await expect(page).toHaveURL(/[?&]q=cha(\+|%20)muc/);
});

test('search with tones finds the same product', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: t('en', 'search_label') }).fill('chả mực');
  await expect.poll(() => cardIds(page)).toEqual(chaMucOrder);
});

test('search by English name', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: t('en', 'search_label') }).fill('pearl');
  await expect(page.getByRole('link', { name: 'Akoya pearls' })).toBeVisible();
  const n = await cards(page).count();
  expect(n).toBeGreaterThanOrEqual(3);
  expect(n).toBeLessThan(10);
});

test('facets show counts; multi-select is OR within a facet; chips remove filters', async ({ page }) => {
  await page.goto('/');
  await openFilters(page);
  const stars = page.getByRole('group', { name: t('en', 'facet_stars') });
  const five = stars.getByRole('checkbox', { name: t('en', 'stars_filter_5') });
  const four = stars.getByRole('checkbox', { name: t('en', 'stars_filter_4') });
  await expect(stars.locator('label', { hasText: t('en', 'stars_filter_5') })).toContainText(String(countStars(5)));

  await five.check();
  await expect(page.getByTestId('results-count')).toHaveText(t('en', 'products_count', { count: countStars(5) }));
  await expect(page).toHaveURL(/stars=5/);
  await four.check();
  const both = countStars(5) + countStars(4);
  await expect(page.getByTestId('results-count')).toHaveText(t('en', 'products_count', { count: both }));

  // Counts under the other filters: the Category facet now only counts 4★/5★ products.
  const category = page.getByRole('group', { name: t('en', 'facet_category') });
  const drinks = dataset.products.filter(
    (p: any) => p.group === 'beverage' && (p.rating.stars === 5 || p.rating.stars === 4),
  ).length;
  await expect(category.locator('label', { hasText: t('en', 'group_beverage') })).toContainText(String(drinks));

  // AND across facets.
  await category.getByRole('checkbox', { name: t('en', 'group_beverage') }).check();
  await expect(page.getByTestId('results-count')).toHaveText(t('en', 'products_count', { count: drinks }));

  await closeFilters(page);
  const chips = page.getByTestId('chips');
  await chips.getByRole('button', { name: t('en', 'remove_filter', { label: t('en', 'group_beverage') }) }).click();
  await expect(page.getByTestId('results-count')).toHaveText(t('en', 'products_count', { count: both }));
  await chips.getByRole('button', { name: t('en', 'clear_all') }).click();
  await expect(page.getByTestId('results-count')).toHaveText(t('en', 'products_count', { count: all }));
  await expect(page.getByTestId('chips')).toHaveCount(0);
});

test('URL state round-trips, including back and forward', async ({ page }) => {
  await page.goto('/?stars=5&sort=name');
  await expect(page.getByTestId('results-count')).toHaveText(t('en', 'products_count', { count: countStars(5) }));
  await expect(page.getByTestId('sort')).toHaveValue('name');
  const names = await page.locator('.product-name').allTextContents();
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));

  await openFilters(page);
  await page.getByRole('group', { name: t('en', 'facet_stars') }).getByRole('checkbox', { name: t('en', 'stars_filter_4') }).check();
  await expect(page).toHaveURL(/stars=5%2C4|stars=4%2C5|stars=5,4|stars=4,5/);
  await page.goBack();
  await expect(page.getByTestId('results-count')).toHaveText(t('en', 'products_count', { count: countStars(5) }));
  await page.goForward();
  await expect(page.getByTestId('results-count')).toHaveText(
    t('en', 'products_count', { count: countStars(5) + countStars(4) }),
  );
});

test('unknown or malformed parameters are ignored', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/?stars=9&month=13&page=abc&foo=bar&sort=sideways&area=atlantis');
  await expect(page.getByTestId('results-count')).toHaveText(t('en', 'products_count', { count: all }));
  expect(errors).toEqual([]);
});

test('pagination keeps the DOM small and moves through pages', async ({ page }) => {
  await page.goto('/');
  await expect(cards(page)).toHaveCount(24);
  const pages = Math.ceil(all / 24);
  await expect(page.getByTestId('page-of')).toHaveText(t('en', 'page_of', { page: 1, pages }));
  await page.getByRole('button', { name: t('en', 'next_page') }).click();
  await expect(page.getByTestId('page-of')).toHaveText(t('en', 'page_of', { page: 2, pages }));
  await expect(page).toHaveURL(/page=2/);
});

test('no results says so', async ({ page }) => {
  await page.goto('/?q=zzzzqqqq');
  await expect(page.getByTestId('no-results')).toHaveText(t('en', 'no_results'));
});

test('an old lang parameter moves to the language path, and the switcher moves between paths', async ({ page }) => {
  await page.goto('/?lang=zh');
  await expect(page).toHaveURL(/\/zh\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('zh', 'catalog_title'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh');
  await page.getByLabel(t('zh', 'language')).selectOption('vi');
  await expect(page).toHaveURL(/:\d+\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('vi', 'catalog_title'));
  // The choice persists: an unprefixed link stays Vietnamese (the saved English is replaced).
  await page.goto('/routes');
  await expect(page).toHaveURL(/:\d+\/routes\/?$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
});

test('prices are formatted for the language', async ({ page }) => {
  await page.goto('/p/cha-muc-manh-ha?lang=vi');
  await expect(page.getByTestId('product-price')).toContainText('350.000–400.000\u00a0₫');
  await page.goto('/p/cha-muc-manh-ha?lang=en');
  await expect(page.getByTestId('product-price')).toContainText('₫350,000–400,000');
});
