import { expect } from '@playwright/test';
import { bundledDataset, inLanguage, t, test } from './fixtures';

test.beforeEach(async ({ page }) => {
  await inLanguage(page, 'en');
});

test('a card opens the product page with everything needed to go and buy', async ({ page }) => {
  await page.goto('/?q=ba+che+golden');
  await page.getByRole('link', { name: 'Ba Che golden camellia tea', exact: true }).click();
  await expect(page).toHaveURL(/\/p\/tra-hoa-vang-ba-che/);
  const article = page.getByTestId('product-page');
  await expect(article.getByRole('heading', { level: 1 })).toHaveText('Ba Che golden camellia tea');
  await expect(article.getByText(t('en', 'national'))).toBeVisible();
  await expect(article.getByText(t('en', 'valid_until', { date: '2028-01' }))).toBeVisible();
  const buy = page.getByRole('region', { name: t('en', 'where_to_buy') });
  await expect(buy.getByRole('heading', { name: t('en', 'where_to_buy') })).toBeVisible();
  // No source names a shop for it (a homepage is not a listing, docs/data-audit.md); where
  // to buy is the places that make or sell it, the first the same as the list would file it
  // under, and each says how it has the product.
  const firstBuy = buy.getByTestId('buy-place').first();
  await expect(firstBuy).toContainText(/·/);
  await expect(page.getByTestId('no-shop-known')).toHaveCount(0);
  // The price the cited source states, with that source.
  await expect(page.getByTestId('product-price')).toContainText('₫12,000,000–13,000,000');
  await expect(page.getByTestId('product-price').getByRole('link')).toHaveAttribute('href', /nongnghiep\.vn/);
  await expect(page.getByRole('region', { name: t('en', 'places_to_visit') })).toBeVisible();
  await expect(page.getByRole('region', { name: t('en', 'sources') }).getByRole('link').first()).toBeVisible();
});

test('an unknown product id shows a helpful not-found page', async ({ page }) => {
  await page.goto('/p/no-such-product');
  await expect(page.getByRole('heading', { name: t('en', 'product_not_found_title') })).toBeVisible();
  await expect(page.getByTestId('product-not-found')).toContainText('no-such-product');
  await page.getByRole('link', { name: t('en', 'back_to_catalog') }).click();
  await expect(page.getByTestId('product-card').first()).toBeVisible();
});

test('every bundled product has a page', async ({ page }) => {
  // Every product in the bundled file, however many there are: one cold start of the app
  // each, so the time allowed grows with the count (a busy CI machine needs ~1.5 s each).
  const products = bundledDataset().products;
  expect(products.length).toBeGreaterThan(0);
  test.setTimeout(30_000 + products.length * 1_500);
  for (const p of products) {
    await page.goto(`/p/${p.id}`);
    const article = page.getByTestId('product-page');
    await expect(article, p.id).toHaveAttribute('data-product-id', p.id);
    await expect(article.getByRole('heading', { level: 1 }), p.id).toHaveText(p.name.en ?? p.name.vi);
  }
});

// Issue 19: a buyer reads what it is, where to buy it and for how much, and when — the data's
// caveats and provenance come after, under "About this information".
test('the product page reads in a buyer’s order, caveats under "About this information"', async ({ page }) => {
  const pearls = bundledDataset().products.find((p: any) => p.id === 'ngoc-trai-akoya');
  await page.goto('/en/p/ngoc-trai-akoya');
  const article = page.getByTestId('product-page');
  const header = article.locator('header');
  await expect(header.getByRole('heading', { level: 1 })).toHaveText(pearls.name.en);
  // The Vietnamese name, large, to show a seller; the rating with its state beside the name.
  await expect(header.locator('.vi-name-large [lang="vi"]')).toHaveText(pearls.name.vi);
  await expect(header.getByTestId('lapsed')).toHaveText(t('en', 'lapsed_on', { date: '2024-06' }));
  await expect(header.locator('.badge-national')).toHaveCount(0);
  await expect(article.locator('.lead')).toHaveText(pearls.summary.en);
  const about = page.getByRole('region', { name: t('en', 'about_this_information') });
  // The caveat ("lapsed … unless renewed") is in the full account, which is under About.
  await expect(about.getByText(pearls.description.en)).toBeVisible();
  await expect(article.getByText(pearls.description.en)).toHaveCount(1);
  for (const name of ['product_rating', 'producer', 'traceability', 'sources']) {
    await expect(about.getByRole('heading', { name: t('en', name), exact: true })).toBeVisible();
  }
  // Order on the page: name, summary, where to buy, season, places; then About.
  const top = async (selector: string) => (await article.locator(selector).first().boundingBox())!.y;
  const order = [
    await top('h1'),
    await top('.lead'),
    await top('[data-testid="where-to-buy"]'),
    await top('section[aria-labelledby="season-title"]'),
    await top('[data-testid="about-this-information"]'),
  ];
  expect([...order].sort((a, b) => a - b)).toEqual(order);
});

test('in Chinese the product page leads with the Chinese name, the Vietnamese one large below', async ({ page }) => {
  await inLanguage(page, 'zh');
  const tea = bundledDataset().products.find((p: any) => p.id === 'tra-hoa-vang-ba-che');
  await page.goto('/zh/p/tra-hoa-vang-ba-che');
  const header = page.getByTestId('product-page').locator('header');
  await expect(header.getByRole('heading', { level: 1 })).toHaveText(tea.name.zh);
  await expect(header.locator('.vi-name-large [lang="vi"]')).toHaveText(tea.name.vi);
  await expect(page.getByRole('region', { name: t('zh', 'about_this_information') })).toBeVisible();
});

test('place and route pages put "About this information" last', async ({ page }) => {
  await page.goto('/en/spot/dao-co-to');
  const place = page.getByTestId('place-page');
  const about = place.getByTestId('about-this-information');
  await expect(about).toBeVisible();
  await expect(about.getByRole('heading', { name: t('en', 'sources'), exact: true })).toBeVisible();
  const y = async (l: any) => (await l.boundingBox())!.y;
  expect(await y(place.getByRole('region', { name: t('en', 'place_products') }))).toBeLessThan(await y(about));
  await page.goto('/en/routes/van-don-co-to-dao');
  const routeAbout = page.getByTestId('about-this-information');
  await expect(routeAbout.getByText(t('en', 'estimates_note'))).toBeVisible();
  expect(await y(page.locator('.itinerary'))).toBeLessThan(await y(routeAbout));
});
