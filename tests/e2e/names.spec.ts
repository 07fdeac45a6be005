// Names and counts as a tourist needs them (issue: app shell). Shops and signs use the
// Vietnamese name, so in English and Chinese every product card (and the product page, and
// the shopping list) shows it too, marked lang="vi". Counts follow each language's plural
// rule: "1 product", "2 products"; Vietnamese and Chinese have one form.
import { expect, Page } from '@playwright/test';
import { bundledDataset, inLanguage, t, Lang, test } from './fixtures';

const dataset = bundledDataset();
type Product = { id: string; name: { vi: string; en?: string; zh?: string }; group: string; locality?: { district?: string } };
const products: Product[] = dataset.products;

const cards = (page: Page) => page.getByTestId('product-card');

/** Filters (group + area) that leave exactly `count` products, read from the dataset. */
function filterWith(count: number): string {
  const tally = new Map<string, number>();
  for (const p of products) {
    const area = p.locality?.district;
    if (!area) continue;
    const key = `group=${p.group}&area=${area}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  const found = [...tally].find(([, n]) => n === count);
  if (!found) throw new Error(`no group + area with ${count} products`);
  return found[0];
}

for (const lang of ['en', 'zh'] as Lang[]) {
  test(`in ${lang}, every card also shows the Vietnamese name, marked lang="vi"`, async ({ page }) => {
    await inLanguage(page, lang);
    await page.goto(`/?lang=${lang}`);
    await expect(cards(page)).toHaveCount(24);
    for (const card of await cards(page).all()) {
      const id = (await card.getAttribute('data-product-id'))!;
      const name = products.find((p) => p.id === id)!.name;
      const translated = name[lang];
      if (translated && translated !== name.vi) {
        await expect(card.locator('.product-name')).toHaveText(translated);
        const vi = card.getByTestId('vi-name').locator('[lang="vi"]');
        await expect(vi, id).toHaveText(name.vi);
      } else {
        // No translation: the title is the Vietnamese name (marked so), not repeated.
        await expect(card.locator('.product-name'), id).toHaveText(name.vi);
        await expect(card.locator('.product-name'), id).toHaveAttribute('lang', 'vi');
        await expect(card.getByTestId('vi-name'), id).toHaveCount(0);
      }
    }
  });
}

test('in Vietnamese, a card shows one name', async ({ page }) => {
  await inLanguage(page, 'vi');
  await page.goto('/?lang=vi');
  await expect(cards(page)).toHaveCount(24);
  await expect(page.getByTestId('vi-name')).toHaveCount(0);
});

test('the product page and the shopping list show the Vietnamese name too', async ({ page }) => {
  const product = products.find((p) => p.id === 'tra-hoa-vang-ba-che')!;
  expect(product.name.en).toBeTruthy();
  await inLanguage(page, 'en');
  await page.goto(`/p/${product.id}?lang=en`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(product.name.en!);
  await expect(page.getByTestId('product-page').locator('header [lang="vi"]').first()).toHaveText(product.name.vi);
  await page.getByTestId('add-to-list').first().click();
  await page.goto('/list?lang=en');
  const item = page.getByTestId('list-item');
  await expect(item.locator('.list-item-name')).toHaveText(product.name.en!);
  await expect(item.getByTestId('vi-name').locator('[lang="vi"]')).toHaveText(product.name.vi);
});

test('"1 product" and "2 products" in English; one form in Vietnamese and Chinese', async ({ page }) => {
  const one = filterWith(1);
  const two = filterWith(2);
  await inLanguage(page, 'en');
  await page.goto(`/?${one}&lang=en`);
  await expect(page.getByTestId('results-count')).toHaveText('1 product');
  await expect(cards(page)).toHaveCount(1);
  await page.goto(`/?${two}&lang=en`);
  await expect(page.getByTestId('results-count')).toHaveText('2 products');
  await expect(cards(page)).toHaveCount(2);
  // The locale files and the browser's own plural rules agree with what is shown.
  expect(t('en', 'products_count', { count: 1 })).toBe('1 product');
  expect(t('en', 'products_count', { count: 2 })).toBe('2 products');
  for (const lang of ['vi', 'zh'] as Lang[]) {
    await page.goto(`/?${one}&lang=${lang}`);
    await expect(page.getByTestId('results-count')).toHaveText(t(lang, 'products_count', { count: 1 }));
    await page.goto(`/?${two}&lang=${lang}`);
    await expect(page.getByTestId('results-count')).toHaveText(t(lang, 'products_count', { count: 2 }));
    expect(t(lang, 'products_count', { count: 1 }).replace('1', '2')).toBe(t(lang, 'products_count', { count: 2 }));
  }
});

test('every count meets its noun in the right form: a route of one stop, a list of one product', async ({ page }) => {
  await inLanguage(page, 'en');
  await page.addInitScript(() => {
    localStorage.setItem(
      'ocop.list.v1',
      JSON.stringify({ version: 2, items: [{ product: 'cha-muc-manh-ha', quantity: 1, note: '', checked: false }] }),
    );
  });
  await page.goto('/list?lang=en');
  await expect(page.getByTestId('list-estimate')).toContainText(t('en', 'list_counts', { count: 1, ticked: 0 }));
  await expect(page.getByTestId('list-estimate')).toContainText('1 product ·');
  // Removing it says "1 item", not "item(s)".
  await page.getByTestId('remove-item').click();
  await expect(page.getByTestId('undo-bar')).toContainText('Removed 1 item from the list.');
});
