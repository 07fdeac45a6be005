// The shopping list: adding from anywhere, editing with undo, grouping and totals, storage that
// never loses an item, and carrying the list (and trip) to a phone by link and QR code.
import { expect, Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { bundledDataset, t, test } from './fixtures';

const LIST_KEY = 'ocop.list.v1';
const TRIP_KEY = 'ocop.trip.v1';
const data = bundledDataset();
const nameOf = (id: string) => {
  const product = data.products.find((p: any) => p.id === id);
  return product.name.en ?? product.name.vi;
};
const item = (product: string, quantity = 1, note = '', checked = false) => ({ product, quantity, note, checked });

/** Replaces the stored list (and trip) and reloads, as if the visitor had made them earlier. */
async function seed(page: Page, items: object[], stops: object[] | null = null) {
  if (!page.url().startsWith('http')) await page.goto('/list');
  await page.evaluate(
    ([listKey, tripKey, list, trip]) => {
      localStorage.setItem(listKey as string, list as string);
      if (trip) localStorage.setItem(tripKey as string, trip as string);
      else localStorage.removeItem(tripKey as string);
    },
    [LIST_KEY, TRIP_KEY, JSON.stringify({ version: 2, items }), stops && JSON.stringify({ version: 1, stops })],
  );
  await page.goto('/list');
}

const ids = (page: Page) =>
  page.getByTestId('list-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-product-id')));
const stored = (page: Page, key = LIST_KEY) => page.evaluate((k) => localStorage.getItem(k), key);

test.beforeEach(async ({ context }) => {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
});

test('adds from a product card, a product page and a spot, and keeps them after a reload', async ({ page }) => {
  await page.goto('/');
  const card = page.getByTestId('product-card').first();
  const fromCard = (await card.getAttribute('data-product-id'))!;
  await card.getByRole('button', { name: new RegExp(t('en', 'add_to_list')) }).click();
  await expect(card.getByText(t('en', 'in_list_count', { count: 1 }))).toBeVisible();

  await page.goto('/p/cha-muc-manh-ha');
  // Named by the product too ("Add to list: Manh Ha …"), so a screen-reader user knows what is added.
  const add = page.getByRole('button', { name: new RegExp(`^${t('en', 'add_to_list')}\\s*: ${nameOf('cha-muc-manh-ha')}$`) });
  await add.click();
  await add.click(); // one more
  await expect(page.getByText(t('en', 'in_list_count', { count: 2 }))).toBeVisible();

  await page.goto('/spot/vuon-oi-son-duong');
  await page
    .locator('[data-testid="product-card"][data-product-id="oi-son-duong"]')
    .getByRole('button', { name: new RegExp(t('en', 'add_to_list')) })
    .click();
  await expect(page.getByTestId('list-count').first()).toHaveText('3');

  await page.reload();
  await expect(page.getByTestId('list-count').first()).toHaveText('3');
  await page.goto('/list?by=category');
  await expect.poll(async () => (await ids(page)).sort()).toEqual([fromCard, 'cha-muc-manh-ha', 'oi-son-duong'].sort());
  const chaMuc = page.locator('[data-testid="list-item"][data-product-id="cha-muc-manh-ha"]');
  await expect(chaMuc.getByRole('spinbutton')).toHaveValue('2');
});

test('quantities, notes and ticks are kept; removing and clearing can be undone', async ({ page }) => {
  await seed(page, [item('cha-muc-manh-ha'), item('muc-ong-co-to-kho'), item('oi-son-duong')]);
  // Chả mực 350,000–400,000 ₫/kg, dried squid 1,800,000–1,900,000 ₫/kg, guavas unpriced.
  await expect(page.getByTestId('list-total')).toHaveText(
    t('en', 'list_estimate', { amount: '₫2,150,000–2,300,000', count: 2 }),
  );
  await expect(page.getByTestId('list-unpriced')).toHaveText(t('en', 'list_unpriced', { count: 1 }));

  const row = (id: string) => page.locator(`[data-testid="list-item"][data-product-id="${id}"]`);
  await row('cha-muc-manh-ha').getByRole('button', { name: t('en', 'quantity_more') }).click();
  await expect(page.getByTestId('list-total')).toHaveText(
    t('en', 'list_estimate', { amount: '₫2,500,000–2,700,000', count: 2 }),
  );
  const note = row('cha-muc-manh-ha').getByRole('textbox', { name: t('en', 'note_for', { name: nameOf('cha-muc-manh-ha') }) });
  await note.fill('the 500 g box');
  await note.press('Tab');
  await row('oi-son-duong').getByRole('checkbox', { name: nameOf('oi-son-duong') }).check();
  // Ticking keeps focus where it was (the row is updated in place, not redrawn).
  await expect(row('oi-son-duong').getByRole('checkbox')).toBeFocused();

  await page.reload();
  await expect(row('cha-muc-manh-ha').getByRole('spinbutton')).toHaveValue('2');
  await expect(note).toHaveValue('the 500 g box');
  await expect(row('oi-son-duong').getByRole('checkbox')).toBeChecked();

  // Clear ticked, then undo: the item is back in its place, still ticked.
  const before = await ids(page);
  await page.getByTestId('clear-ticked').click();
  await expect(page.getByTestId('list-item')).toHaveCount(2);
  await expect(page.getByTestId('undo-bar')).toContainText(t('en', 'list_removed', { count: 1 }));
  await page.getByTestId('undo-bar').getByRole('button', { name: t('en', 'undo') }).click();
  await expect.poll(() => ids(page)).toEqual(before);
  await expect(row('oi-son-duong').getByRole('checkbox')).toBeChecked();

  // Remove one, undo: back with its quantity and note.
  await row('cha-muc-manh-ha')
    .getByRole('button', { name: t('en', 'remove_item', { name: nameOf('cha-muc-manh-ha') }) })
    .click();
  await expect(row('cha-muc-manh-ha')).toHaveCount(0);
  await page.getByTestId('undo-bar').getByRole('button', { name: t('en', 'undo') }).click();
  await expect(row('cha-muc-manh-ha').getByRole('spinbutton')).toHaveValue('2');
  await expect(note).toHaveValue('the 500 g box');
  // Stored in the order they were added (the page groups them by where to buy).
  await expect
    .poll(async () => JSON.parse((await stored(page))!).items.map((i: any) => i.product))
    .toEqual(['cha-muc-manh-ha', 'muc-ong-co-to-kho', 'oi-son-duong']);
});

test('groups by where to buy in trip order, or by category', async ({ page }) => {
  await seed(
    page,
    [item('oi-son-duong'), item('cha-muc-manh-ha'), item('muc-ong-co-to-kho'), item('gone-product')],
    [{ spot: 'dao-co-to' }, { spot: 'vuon-oi-son-duong' }],
  );
  const groups = page.getByTestId('list-group');
  await expect(groups).toHaveCount(4);
  // Cô Tô first (the trip's first stop sells the dried squid), then Sơn Dương's guava farm
  // (the trip's second stop), then the squid cakes, which no source ties to a shop, then
  // what the data no longer has.
  await expect.poll(() => ids(page)).toEqual(['muc-ong-co-to-kho', 'oi-son-duong', 'cha-muc-manh-ha', 'gone-product']);
  await expect(groups.nth(0).getByText(t('en', 'on_my_trip_chip'))).toBeVisible();
  await expect(groups.nth(1).getByText(t('en', 'on_my_trip_chip'))).toBeVisible();
  await expect(groups.nth(2).getByText(t('en', 'on_my_trip_chip'))).toHaveCount(0);
  await expect(groups.nth(2).getByRole('heading')).toHaveText(t('en', 'list_group_anywhere'));
  await expect(groups.nth(3).getByRole('heading')).toHaveText(t('en', 'list_group_unavailable'));
  await expect(groups.nth(3).getByTestId('unavailable')).toBeVisible();

  await page.getByRole('radio', { name: t('en', 'list_by_category') }).check();
  await expect(page).toHaveURL(/\?by=category$/);
  await expect(groups).toHaveCount(2);
  await expect(groups.nth(0).getByRole('heading')).toHaveText(t('en', 'group_food'));
});

test('a corrupt saved list is backed up, the visitor is told, and a new list works', async ({ page }) => {
  const corrupt = '{"version":2,"items":[{"product":';
  await page.addInitScript(
    ([key, value]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, value);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [LIST_KEY, corrupt],
  );
  await page.goto('/list');
  await expect(page.getByTestId('storage-notice')).toContainText(t('en', 'storage_recovered_list'));
  expect(await stored(page, `${LIST_KEY}.backup`)).toBe(corrupt);
  await expect(page.getByTestId('list-empty')).toBeVisible();

  await page.goto('/p/cha-muc-manh-ha');
  await page.getByRole('button', { name: new RegExp(t('en', 'add_to_list')) }).click();
  await page.reload();
  await expect(page.getByTestId('storage-notice')).toHaveCount(0);
  expect(JSON.parse((await stored(page))!).items).toEqual([item('cha-muc-manh-ha')]);
  expect(await stored(page, `${LIST_KEY}.backup`)).toBe(corrupt);
});

test('a list saved by the first version is migrated, keeping every item', async ({ page }) => {
  await page.goto('/list');
  await page.evaluate(
    (key) => localStorage.setItem(key, '{"version":1,"items":[{"product":"cha-muc-manh-ha","quantity":3},{"product":"gone-product","quantity":1}]}'),
    LIST_KEY,
  );
  await page.reload();
  await expect(page.getByTestId('list-item')).toHaveCount(2);
  await expect(page.locator('[data-product-id="gone-product"] [data-testid="unavailable"]')).toBeVisible();
  await expect(page.locator('[data-product-id="cha-muc-manh-ha"]').getByRole('spinbutton')).toHaveValue('3');
});

test('the share link is shown, and its QR code scans back to the exact link', async ({ page }) => {
  await seed(page, [item('cha-muc-manh-ha', 2), item('no-such-product')], [{ spot: 'dao-co-to' }]);
  const link = await page.getByTestId('list-share-link').inputValue();
  // In the page's language, like the page: the phone opens the list in English.
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/en\/list#1[0-9A-Z]{3}CHA-MUC-MANH-HA\*2\.NO-SUCH-PRODUCT\/DAO-CO-TO$/);
  await expect(page.getByTestId('share-list')).toContainText(t('en', 'list_share_includes_trip', { count: 1 }));

  const qr = page.getByRole('img', { name: t('en', 'list_qr_label') });
  await expect(qr).toBeVisible();
  expect(t('en', 'list_qr_label')).toContain('QR');
  const png = PNG.sync.read(await qr.screenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(decoded?.data).toBe(link);
});

/** A link made on a "kiosk": a list with an unknown product and a one-stop trip. */
async function sharedLink(page: Page) {
  await seed(page, [item('cha-muc-manh-ha', 2), item('no-such-product')], [{ spot: 'dao-co-to' }]);
  const link = await page.getByTestId('list-share-link').inputValue();
  // The visitor's own phone: a different list, no trip.
  await seed(page, [item('tra-hoa-vang-ba-che', 1, 'mine', true)]);
  const mine = await stored(page);
  await page.goto('about:blank');
  return { link, mine };
}

test('a shared link merged into my list keeps my items and notes, flags the unknown one, and can be undone', async ({ page }) => {
  const { link } = await sharedLink(page);
  await page.goto(link);
  const offer = page.getByTestId('shared-list');
  await expect(offer).toContainText(t('en', 'shared_list_title', { count: 2 }));
  await expect(offer).toContainText(t('en', 'shared_list_stops', { count: 1 }));
  await expect(page.getByTestId('shared-list-unknown')).toContainText('no-such-product');
  // Nothing changes before the visitor chooses.
  await expect(page.getByTestId('list-item')).toHaveCount(1);

  await offer.getByRole('button', { name: t('en', 'shared_list_merge') }).click();
  await expect(offer).toHaveCount(0);
  await expect(page).toHaveURL(/\/list$/);
  await expect(page.getByTestId('list-item')).toHaveCount(3);
  await expect(page.locator('[data-product-id="no-such-product"] [data-testid="unavailable"]')).toBeVisible();
  await expect(page.locator('[data-product-id="tra-hoa-vang-ba-che"]').getByRole('textbox')).toHaveValue('mine');
  await expect(page.getByTestId('trip-count').first()).toHaveText('1');

  // Undo puts my list and trip back as they were.
  await page.getByTestId('undo-bar').getByRole('button', { name: t('en', 'undo') }).click();
  await expect.poll(() => ids(page)).toEqual(['tra-hoa-vang-ba-che']);
  await expect(page.getByTestId('trip-count').first()).toHaveText('0');

  // Merged again, it survives a reload and the offer is not shown twice.
  await page.goto('about:blank');
  await page.goto(link);
  await page.getByTestId('shared-list').getByRole('button', { name: t('en', 'shared_list_merge') }).click();
  await page.reload();
  await expect(page.getByTestId('shared-list')).toHaveCount(0);
  await expect(page.getByTestId('list-item')).toHaveCount(3);
  await expect(page.locator('[data-product-id="cha-muc-manh-ha"]').getByRole('spinbutton')).toHaveValue('2');
});

test('a shared link can replace my list and trip, and undo brings mine back', async ({ page }) => {
  const { link } = await sharedLink(page);
  await page.goto(link);
  await page.getByTestId('shared-list').getByRole('button', { name: t('en', 'shared_list_replace') }).click();
  await expect.poll(async () => (await ids(page)).sort()).toEqual(['cha-muc-manh-ha', 'no-such-product']);
  await expect(page.locator('[data-product-id="cha-muc-manh-ha"]').getByRole('spinbutton')).toHaveValue('2');
  await expect.poll(async () => JSON.parse((await stored(page, TRIP_KEY))!).stops).toEqual([{ spot: 'dao-co-to' }]);

  await page.getByTestId('undo-bar').getByRole('button', { name: t('en', 'undo') }).click();
  await expect.poll(() => ids(page)).toEqual(['tra-hoa-vang-ba-che']);
  await expect(page.getByTestId('trip-count').first()).toHaveText('0');
});

test('a damaged link says so and changes nothing', async ({ page }) => {
  const { link, mine } = await sharedLink(page);
  // Cut short, as a chat app might do.
  await page.goto(link.slice(0, -4));
  await expect(page.getByTestId('shared-list-error')).toContainText(t('en', 'shared_list_damaged'));
  await expect(page.getByTestId('shared-list')).toHaveCount(0);
  await expect.poll(() => ids(page)).toEqual(['tra-hoa-vang-ba-che']);
  expect(await stored(page)).toBe(mine);
  // An in-page anchor is not a share code.
  await page.goto('about:blank');
  await page.goto('/list#main');
  await expect(page.getByTestId('shared-list-error')).toHaveCount(0);
});

test('two open tabs stay in step', async ({ page, context }) => {
  await seed(page, [item('cha-muc-manh-ha')]);
  const other = await context.newPage();
  await other.goto('/list');
  await expect(other.getByTestId('list-item')).toHaveCount(1);
  await page.goto('/p/oi-son-duong');
  await page.getByRole('button', { name: new RegExp(t('en', 'add_to_list')) }).click();
  await expect(other.getByTestId('list-item')).toHaveCount(2);
  await expect(other.getByTestId('list-count').first()).toHaveText('2');
});

test('the list copies as plain text and prints without the controls', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await seed(page, [item('cha-muc-manh-ha', 2, 'for Mum'), item('gone-product', 1, '', true)]);
  await page.getByTestId('copy-text').click();
  await expect(page.getByText(t('en', 'copied'))).toBeVisible();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  const origin = new URL(page.url()).origin;
  // Grouped as on the page, with the Vietnamese name and the product's link; then in
  // Vietnamese for the seller (counter.spec.ts checks that part).
  expect(text.startsWith(
    `${t('en', 'list_title')}\n\n${t('en', 'list_group_anywhere')}\n` +
      `[ ] 2 × ${nameOf('cha-muc-manh-ha')} (Chả mực Mạnh Hà) — for Mum\n    ${origin}/en/p/cha-muc-manh-ha\n\n` +
      `${t('en', 'list_group_unavailable')}\n[x] 1 × gone-product (${t('en', 'product_unavailable')})\n\n${t('vi', 'list_title')}\n`,
  )).toBe(true);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('share-list')).toBeHidden();
  await expect(page.getByTestId('clear-ticked')).toBeHidden();
  await expect(page.getByTestId('list-item').first()).toBeVisible();
});

test('a full storage is reported, and the list still works until the page is closed', async ({ page }) => {
  await page.addInitScript((key) => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k: string, v: string) {
      if (k === key) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, k, v);
    };
  }, LIST_KEY);
  await page.goto('/p/cha-muc-manh-ha');
  await page.getByRole('button', { name: new RegExp(t('en', 'add_to_list')) }).click();
  await expect(page.getByTestId('storage-notice')).toContainText(t('en', 'storage_full'));
  await page.getByRole('link', { name: new RegExp(t('en', 'nav_list')) }).first().click();
  await expect(page.getByTestId('list-item')).toHaveCount(1);
});
