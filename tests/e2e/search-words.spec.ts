// Search that speaks the visitor's words (issue 19, item 1): category names and synonyms in
// three languages, Chinese without spaces, the rating among equal matches, "did you mean"
// and an empty state that is not a dead end. The rules are tested natively in ocop-core
// (search.rs, search/lexicon.rs, search/suggest.rs, catalog/tests.rs); this checks that the
// catalog page shows them.
import { expect, Page } from '@playwright/test';
import { bundledDataset, inLanguage, Lang, t, test } from './fixtures';

const dataset = bundledDataset();
const products: any[] = dataset.products;
const idsWhere = (f: (p: any) => boolean) => new Set(products.filter(f).map((p) => p.id as string));
const seafood = idsWhere((p) => p.subcategory === 'seafood');
const tea = idsWhere((p) => p.subcategory === 'tea');
const souvenir = idsWhere((p) => p.group === 'souvenir');
// What "gift" names (crates/ocop-core/src/search/lexicon.rs, "Decisions").
const gift = idsWhere(
  (p) => p.group === 'souvenir' || ['tea', 'liquor', 'confectionery', 'honey'].includes(p.subcategory),
);
const nationalGoldenCamellia = idsWhere(
  (p) => p.subcategory === 'tea' && p.rating.stars === 5 && p.rating.level === 'national',
);

const cards = (page: Page) => page.getByTestId('product-card');
const shownIds = async (page: Page) =>
  (await cards(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-product-id')))) as string[];
const searchBox = (page: Page, lang: Lang) => page.getByRole('searchbox', { name: t(lang, 'search_label') });

async function search(page: Page, lang: Lang, text: string) {
  await inLanguage(page, lang);
  await page.goto(lang === 'vi' ? '/' : `/${lang}/`);
  await searchBox(page, lang).fill(text);
}

/** Waits until the cards on screen are all of `allowed`, and at least `min` of them. */
async function expectAllOf(page: Page, allowed: Set<string>, min: number) {
  await expect.poll(async () => (await shownIds(page)).length).toBeGreaterThanOrEqual(min);
  const ids = await shownIds(page);
  for (const id of ids) expect(allowed.has(id), `${id} is not in the expected categories`).toBe(true);
}

test('in English, "seafood" and "gift" find the products of their categories', async ({ page }) => {
  await search(page, 'en', 'seafood');
  await expectAllOf(page, seafood, Math.min(seafood.size, 24));

  await searchBox(page, 'en').fill('gift');
  await expect.poll(async () => (await shownIds(page)).some((id) => souvenir.has(id))).toBe(true);
  await expectAllOf(page, gift, 10);
});

test('in Chinese, 海鲜, 礼物 and 茶 find seafood, gifts and tea', async ({ page }) => {
  await search(page, 'zh', '海鲜');
  await expectAllOf(page, seafood, Math.min(seafood.size, 24));

  await searchBox(page, 'zh').fill('礼物');
  await expect.poll(async () => (await shownIds(page)).some((id) => souvenir.has(id))).toBe(true);
  await expectAllOf(page, gift, 10);

  await searchBox(page, 'zh').fill('茶');
  await expect.poll(async () => (await shownIds(page)).filter((id) => tea.has(id)).length).toBeGreaterThanOrEqual(10);
});

test('"tea" lists a national 5★ golden camellia tea first', async ({ page }) => {
  await search(page, 'en', 'tea');
  await expect.poll(async () => nationalGoldenCamellia.has((await shownIds(page))[0])).toBe(true);
});

test('"seafod" offers "did you mean seafood", and following it finds seafood', async ({ page }) => {
  await search(page, 'en', 'seafod');
  const offer = page.getByTestId('did-you-mean');
  await expect(offer).toContainText(t('en', 'search_did_you_mean'));
  const link = offer.getByRole('link', { name: 'seafood', exact: true });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/[?&]q=seafood(&|$)/);
  await expect(searchBox(page, 'en')).toHaveValue('seafood');
  await expectAllOf(page, seafood, Math.min(seafood.size, 24));
  await expect(page.getByTestId('did-you-mean')).toHaveCount(0);
});

test('a search that finds nothing offers categories and popular searches', async ({ page }) => {
  await inLanguage(page, 'en');
  await page.goto('/en/?q=zzzzqqqq');
  await expect(page.getByTestId('no-results')).toHaveText(t('en', 'no_results'));
  const offers = page.getByTestId('search-elsewhere');
  await expect(offers).toContainText(t('en', 'search_try_categories'));
  await expect(offers).toContainText(t('en', 'search_popular'));
  const categories = page.getByTestId('nearest-categories').getByRole('link');
  const popular = page.getByTestId('popular-searches').getByRole('link');
  await expect(categories.first()).toBeVisible();
  expect(await popular.count()).toBeGreaterThanOrEqual(3);

  // A category link opens the catalog filtered by it, the search text dropped.
  await categories.first().click();
  await expect(page).toHaveURL(/[?&](group|sub)=/);
  await expect(page).not.toHaveURL(/[?&]q=/);
  await expect.poll(async () => (await shownIds(page)).length).toBeGreaterThan(0);

  // A popular search runs it.
  await page.goto('/en/?q=zzzzqqqq');
  const first = page.getByTestId('popular-searches').getByRole('link').first();
  const text = (await first.textContent())!.trim();
  await first.click();
  await expect(searchBox(page, 'en')).toHaveValue(text);
  await expect.poll(async () => (await shownIds(page)).length).toBeGreaterThan(0);
});

test('the empty state speaks Chinese too', async ({ page }) => {
  await inLanguage(page, 'zh');
  await page.goto('/zh/?q=zzzzqqqq');
  await expect(page.getByTestId('search-elsewhere')).toContainText(t('zh', 'search_try_categories'));
  await expect(page.getByTestId('popular-searches').getByRole('link', { name: '海鲜', exact: true })).toBeVisible();
});
