// At the counter (issue 19, item 6): a visitor who reads English or Chinese adds two
// products, shows one item and then the whole list to a seller (large Vietnamese name,
// quantity, a ready Vietnamese sentence, their own language small below — with the network
// cut), copies the list as text in both languages with shops and links, shares it through
// the system share sheet (or copies when there is none), and opens a shared link to see
// what it holds before choosing.
import AxeBuilder from '@axe-core/playwright';
import { expect, Page } from '@playwright/test';
import { bundledDataset, inLanguage, Lang, t, test } from './fixtures';

const data = bundledDataset();
const product = (id: string) => data.products.find((p: any) => p.id === id);
const nameIn = (id: string, lang: Lang) => product(id).name[lang] ?? product(id).name.vi;
const spotName = (id: string, lang: Lang) => {
  const spot = data.spots.find((s: any) => s.id === id);
  return spot.name[lang] ?? spot.name.vi;
};
const SQUID = 'cha-muc-manh-ha'; // priced per kg; no shop or place in the data
const PEARLS = 'ngoc-trai-akoya'; // no price; grown at the Tùng Sâu pearl farm
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test.beforeEach(async ({ context }) => {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
});

/** Adds the squid cake (twice: 2 kg) and the pearls from their product pages, then opens the list. */
async function addTwo(page: Page, lang: Lang) {
  const prefix = lang === 'vi' ? '' : `/${lang}`;
  for (const [id, taps] of [[SQUID, 2], [PEARLS, 1]] as const) {
    await page.goto(`${prefix}/p/${id}`);
    const add = page.getByRole('button', { name: new RegExp(t(lang, 'add_to_list')) }).first();
    for (let i = 0; i < taps; i++) await add.click();
    await expect(page.getByText(t(lang, 'in_list_count', { count: taps })).first()).toBeVisible();
  }
  await page.goto(`${prefix}/list`);
  await expect(page.getByTestId('list-item')).toHaveCount(2);
}

const axe = (page: Page) => new AxeBuilder({ page }).withTags(AXE_TAGS);

for (const lang of ['en', 'zh'] as const) {
  test(`${lang}: shows one item and the whole list to a seller, offline, and closes back to the button`, async ({ page, context }) => {
    await inLanguage(page, lang);
    await addTwo(page, lang);
    await context.setOffline(true);

    const row = page.locator(`[data-testid="list-item"][data-product-id="${SQUID}"]`);
    const open = row.getByRole('button', { name: t(lang, 'show_to_seller') });
    await open.click();
    const view = page.getByRole('dialog', { name: t(lang, 'counter_title') });
    await expect(view).toBeVisible();
    const item = view.getByTestId('counter-item');
    await expect(item).toHaveCount(1);
    const vi = item.locator('.counter-name');
    await expect(vi).toHaveText(nameIn(SQUID, 'vi'));
    await expect(vi).toHaveAttribute('lang', 'vi');
    // Large: at least twice the body text.
    const size = await vi.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(size).toBeGreaterThanOrEqual(32);
    await expect(item.locator('.counter-amount')).toHaveText('2 kg');
    await expect(item.getByTestId('counter-phrase')).toHaveText(`Cho tôi mua 2 kg ${nameIn(SQUID, 'vi')}.`);
    await expect(item.getByTestId('counter-meaning')).toHaveText(
      t(lang, 'counter_meaning', { name: nameIn(SQUID, lang), amount: '2 kg' }),
    );
    // The whole screen, over the tab bar.
    const box = (await view.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.width).toBeGreaterThanOrEqual(viewport.width - 1);
    expect(box.height).toBeGreaterThanOrEqual(viewport.height - 1);
    expect((await axe(page).include('[data-testid="counter-view"]').analyze()).violations).toEqual([]);
    // Modal: Tab and Shift+Tab stay on the view's Close button, never the list behind it.
    const close = view.getByRole('button', { name: t(lang, 'counter_close') });
    await expect(close).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(close).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(close).toBeFocused();

    await page.keyboard.press('Escape');
    await expect(view).toHaveCount(0);
    await expect(open).toBeFocused();

    const whole = page.getByRole('button', { name: t(lang, 'show_list_to_seller') });
    await whole.click();
    await expect(view.getByTestId('counter-item')).toHaveCount(2);
    // Without a unit the count follows the name.
    await expect(view.getByTestId('counter-phrase').nth(1)).toHaveText(`Cho tôi mua ${nameIn(PEARLS, 'vi')}.`);
    await view.getByRole('button', { name: t(lang, 'counter_close') }).click();
    await expect(view).toHaveCount(0);
    await expect(whole).toBeFocused();
  });

  test(`${lang}: copies the list as text in ${lang} and Vietnamese, with where to buy and links`, async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await inLanguage(page, lang);
    await addTwo(page, lang);
    await page.getByTestId('copy-text').click();
    await expect(page.getByTestId('list-action-status')).toHaveText(t(lang, 'copied'));
    const text = await page.evaluate(() => navigator.clipboard.readText());
    const origin = new URL(page.url()).origin;
    const [mine, vietnamese] = text.split(`\n${t('vi', 'list_title')}\n`);
    expect(mine.startsWith(`${t(lang, 'list_title')}\n`)).toBe(true);
    // In the visitor's language: the pearl farm, then "ask at an OCOP shop" for the squid cake.
    expect(mine).toContain(`\n${spotName('trai-ngoc-trai-tung-sau', lang)}\n[ ] 1 × ${nameIn(PEARLS, lang)} (${nameIn(PEARLS, 'vi')})\n    ${origin}/${lang}/p/${PEARLS}\n`);
    expect(mine).toContain(`\n${t(lang, 'list_group_anywhere')}\n[ ] 2 × ${nameIn(SQUID, lang)} (${nameIn(SQUID, 'vi')})\n    ${origin}/${lang}/p/${SQUID}\n`);
    // And again for the seller, in Vietnamese.
    expect(vietnamese).toContain(`\n${spotName('trai-ngoc-trai-tung-sau', 'vi')}\n[ ] 1 × ${nameIn(PEARLS, 'vi')}\n    ${origin}/p/${PEARLS}\n`);
    expect(vietnamese).toContain(`\n${t('vi', 'list_group_anywhere')}\n[ ] 2 × ${nameIn(SQUID, 'vi')}\n    ${origin}/p/${SQUID}\n`);
  });

  test(`${lang}: shares through the share sheet, and copies when there is none`, async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await inLanguage(page, lang);
    await page.addInitScript(() => {
      (navigator as any).share = (data: unknown) => {
        (window as any).__shared = data;
        return Promise.resolve();
      };
    });
    await addTwo(page, lang);
    await page.getByTestId('share-list-text').click();
    await expect.poll(() => page.evaluate(() => (window as any).__shared ?? null)).not.toBeNull();
    const shared = await page.evaluate(() => (window as any).__shared);
    expect(shared.title).toBe(t(lang, 'list_title'));
    expect(shared.text).toContain(nameIn(PEARLS, 'vi'));
    expect(shared.text).toContain(`${t('vi', 'list_title')}\n`);
    expect(shared.url).toMatch(new RegExp(`/${lang}/list#\\d`));
    await expect(page.getByTestId('list-action-status')).toHaveText('');

    // The share link's own button shares the link.
    await page.evaluate(() => ((window as any).__shared = null));
    await page.getByTestId('share-link-button').click();
    await expect.poll(() => page.evaluate(() => (window as any).__shared?.url ?? null)).toBe(
      await page.getByTestId('list-share-link').inputValue(),
    );
  });

  test(`${lang}: without a share sheet, Share copies the text and the link`, async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await inLanguage(page, lang);
    await page.addInitScript(() => {
      delete (Navigator.prototype as any).share;
      delete (navigator as any).share;
    });
    await addTwo(page, lang);
    await page.getByTestId('share-list-text').click();
    await expect(page.getByTestId('list-action-status')).toHaveText(t(lang, 'copied'));
    const text = await page.evaluate(() => navigator.clipboard.readText());
    const link = await page.getByTestId('list-share-link').inputValue();
    expect(text.startsWith(`${t(lang, 'list_title')}\n`)).toBe(true);
    expect(text.trimEnd().endsWith(link)).toBe(true);
  });

  test(`${lang}: a shared link shows what it holds before Add or Replace`, async ({ page }) => {
    await inLanguage(page, lang);
    await addTwo(page, lang);
    // A trip stop and a product this dataset does not know travel in the link too.
    await page.evaluate(() => {
      localStorage.setItem('ocop.trip.v1', JSON.stringify({ version: 1, stops: [{ spot: 'dao-co-to' }] }));
      const list = JSON.parse(localStorage.getItem('ocop.list.v1')!);
      list.items.push({ product: 'no-such-product', quantity: 3, note: '', checked: false });
      localStorage.setItem('ocop.list.v1', JSON.stringify(list));
    });
    await page.reload();
    const link = await page.getByTestId('list-share-link').inputValue();
    // Someone else's phone: an empty list.
    await page.evaluate(() => localStorage.clear());
    await page.goto('about:blank');
    await page.goto(link);
    const offer = page.getByTestId('shared-list');
    const preview = offer.getByTestId('shared-preview');
    await expect(preview.getByTestId('shared-item')).toHaveText([
      new RegExp(`^2 × ${nameIn(SQUID, lang)}\\s*\\(${nameIn(SQUID, 'vi')}\\)$`),
      new RegExp(`^1 × ${nameIn(PEARLS, lang)}\\s*\\(${nameIn(PEARLS, 'vi')}\\)$`),
      new RegExp(`^3 × no-such-product\\s*${t(lang, 'shared_item_unknown')}$`),
    ]);
    await expect(preview.getByTestId('shared-stop')).toHaveText([spotName('dao-co-to', lang)]);
    // Nothing is added before the visitor chooses.
    await expect(page.getByTestId('list-item')).toHaveCount(0);
    expect((await axe(page).include('[data-testid="shared-list"]').analyze()).violations).toEqual([]);
    await offer.getByRole('button', { name: t(lang, 'shared_list_merge') }).click();
    await expect(page.getByTestId('list-item')).toHaveCount(3);
  });
}
