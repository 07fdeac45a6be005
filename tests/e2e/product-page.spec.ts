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
  // No source names a shop for it (a homepage is not a listing, docs/data-audit.md): the
  // page says so instead of sending the visitor to one.
  await expect(buy.getByText(t('en', 'no_where_to_buy'))).toBeVisible();
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
