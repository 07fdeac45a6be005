import { expect } from '@playwright/test';
import { bundledDataset, inLanguage, t, test } from './fixtures';

test.describe('bundled catalog', () => {
  test('lists every real product from the bundled dataset', async ({ page }) => {
    const dataset = bundledDataset();
    await inLanguage(page, 'vi');
    await page.goto('/');
    // Paginated: the first page holds 24; the count covers them all.
    await expect(page.getByTestId('product-card')).toHaveCount(Math.min(24, dataset.products.length));
    await expect(page.getByTestId('results-count')).toHaveText(
      t('vi', 'products_count', { count: dataset.products.length }),
    );
    // A national 5★ product shows its badge; no fallback notice on a healthy load.
    const tea = page.locator('[data-product-id="tra-hoa-vang-ba-che"]');
    await expect(tea.getByRole('heading', { name: 'Trà hoa vàng Ba Chẽ' })).toBeVisible();
    await expect(tea.getByText(t('vi', 'national'))).toBeVisible();
    await expect(page.getByTestId('data-notice')).toHaveCount(0);
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  });

  test('unconfirmed specialties are never shown as OCOP', async ({ page }) => {
    const dataset = bundledDataset();
    const unconfirmed = dataset.products.filter((p: any) => p.rating.evidence === 'unconfirmed');
    expect(unconfirmed.length).toBeGreaterThan(0);
    await inLanguage(page, 'en');
    for (const p of unconfirmed) {
      await page.goto(`/p/${p.id}`);
      const article = page.getByTestId('product-page');
      await expect(article.getByText(t('en', 'unconfirmed'))).toBeVisible();
      await expect(article.locator('.stars')).toHaveCount(0);
    }
  });

  test('interface follows the language switcher', async ({ page }) => {
    await inLanguage(page, 'vi');
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('vi', 'catalog_title'));
    await page.getByLabel(t('vi', 'language')).selectOption('en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('en', 'catalog_title'));
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByLabel(t('en', 'language')).selectOption('zh');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('zh', 'catalog_title'));
  });

  test('the chosen language is remembered for the next visit, and a link naming one wins', async ({ page }) => {
    await inLanguage(page, 'vi');
    await page.goto('/');
    await page.getByLabel(t('vi', 'language')).selectOption('en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('en', 'catalog_title'));
    // A later visit without `?lang=` in the address (the browser itself still prefers Vietnamese).
    await page.goto('/about');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.goto('/?lang=zh');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('zh', 'catalog_title'));
    // No cookie: the choice lives in localStorage only.
    expect(await page.evaluate(() => document.cookie)).toBe('');
  });

  test('about page reports the data status', async ({ page }) => {
    const dataset = bundledDataset();
    await inLanguage(page, 'en');
    await page.goto('/about');
    const status = page.getByTestId('data-status');
    await expect(status.getByTestId('dataset-version')).toHaveText(dataset.meta.dataset_version);
    await expect(status.getByTestId('data-origin')).toHaveText(t('en', 'origin_bundled'));
    await expect(status.getByTestId('data-counts')).toContainText(String(dataset.products.length));
    await expect(status).toContainText('Natural Earth');
    await expect(status).toContainText(t('en', 'status_no_problems'));
  });

  test('unknown paths show a not-found page with a way back', async ({ page }) => {
    await inLanguage(page, 'en');
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { name: t('en', 'not_found_title') })).toBeVisible();
    await page.getByRole('link', { name: t('en', 'back_to_catalog') }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId('product-card').first()).toBeVisible();
  });
});
