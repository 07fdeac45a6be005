// What the data can and cannot say, on screen: how many of the province's rated products
// the app lists (with the source of the total), certificates that have lapsed, stars that
// are only claimed, and photos with their attribution that never move the page.
import { expect } from '@playwright/test';
import { Lang, bundledDataset, corsJson, inLanguage, serveRemote, t, useRemoteConfig, test } from './fixtures';

const data = bundledDataset();
const coverage = data.meta.coverage;
const rated = data.products.filter((p: any) => p.rating.stars != null).length;

/** `2025-06-30` as the app writes it (`ocop_core::format::format_date`). */
function formatDate(iso: string, lang: Lang) {
  const [year, month, day] = iso.split('-').map(Number);
  if (lang === 'vi') return `${day}/${month}/${year}`;
  if (lang === 'zh') return `${year}年${month}月${day}日`;
  return `${day} ${new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' })} ${year}`;
}

for (const lang of ['vi', 'en', 'zh'] as Lang[]) {
  test(`the catalog and About say how much of the province's list the app holds (${lang})`, async ({ page }) => {
    await inLanguage(page, lang);
    const sentence = t(lang, 'coverage_sentence', {
      total: coverage.rated_total,
      date: formatDate(coverage.as_of, lang),
      listed: data.products.length,
      rated,
      others: data.products.length - rated,
    });
    const prefix = lang === 'vi' ? '' : `/${lang}`;
    for (const path of [`${prefix}/`, `${prefix}/about`]) {
      await page.goto(path);
      const note = page.getByTestId('coverage');
      await expect(note).toContainText(sentence);
      await expect(note.getByRole('link', { name: t(lang, 'coverage_source') })).toHaveAttribute('href', coverage.source);
    }
    if (lang !== 'vi') await expect(page.getByTestId('translations-note')).toHaveText(t(lang, 'translations_note'));
  });
}

test('a card says when its certificate has lapsed, by date or by the age of its rating round', async ({ page }) => {
  await inLanguage(page, 'en');
  await page.goto('/en/?q=akoya');
  const pearl = page.locator('[data-product-id="ngoc-trai-akoya"]');
  await expect(pearl.getByTestId('lapsed')).toHaveText(t('en', 'lapsed_on', { date: '2024-06' }));
  // Its national 5★ is history, not a badge.
  await expect(pearl.locator('.badge-national')).toHaveCount(0);
  await expect(pearl.getByText(t('en', 'national_in', { year: 2020 }))).toBeVisible();
  // Rated 3★ in 2018 with no decision date: lapsed by the end of 2022 at the latest.
  await page.goto('/en/?q=ca%20thu%20mot%20nang');
  const mackerel = page.locator('[data-product-id="ca-thu-mot-nang-co-to"]');
  await expect(mackerel.getByTestId('lapsed')).toHaveText(t('en', 'lapsed_round', { year: 2018 }));
  // A rating from 2023 has not lapsed.
  await page.goto('/en/?q=trung%20vit%20bien');
  await expect(page.locator('[data-product-id="trung-vit-bien-dong-rui"] [data-testid="lapsed"]')).toHaveCount(0);
});

test('stars a district only proposed are shown as proposed, with their source, never as a rating', async ({ page }) => {
  await inLanguage(page, 'en');
  await page.goto('/en/p/thanh-long-ruot-do-ba-che');
  const article = page.getByTestId('product-page');
  await expect(article.getByTestId('claimed')).toHaveText(t('en', 'claimed_proposed', { stars: '3' }));
  await expect(article.locator('.stars')).toHaveCount(0);
  const detail = article.getByTestId('claim-detail');
  await expect(detail).toContainText(t('en', 'claimed_proposed_detail', { stars: '3' }));
  await expect(detail.getByRole('link')).toHaveAttribute('href', /ocop\.com\.vn/);
  await page.goto('/en/p/que-binh-lieu');
  await expect(page.getByTestId('product-page').getByTestId('claimed')).toHaveText(t('en', 'claimed_group', { stars: '3–4' }));
});

const IMAGE_URL = 'https://images.example.test/akoya.svg';
// 3:2, like the width and height the dataset states: the box is sized before it loads.
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><rect width="1200" height="800" fill="#2f6f5e"/></svg>';

test('a photo from the data shows with its attribution and moves nothing when it arrives', async ({ page }) => {
  await inLanguage(page, 'en');
  const remote = bundledDataset();
  const akoya = remote.products.find((p: any) => p.id === 'ngoc-trai-akoya');
  akoya.images = [
    {
      url: IMAGE_URL,
      width: 1200,
      height: 800,
      alt: { vi: 'Ngọc trai trên khay', en: 'Pearls on a tray' },
      author: 'Test Photographer',
      licence: 'CC BY 4.0',
      source: 'https://images.example.test/akoya',
    },
  ];
  await useRemoteConfig(page);
  await serveRemote(page, (route) => route.fulfill(corsJson(JSON.stringify(remote))));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(IMAGE_URL, async (route) => {
    await released;
    await route.fulfill({ contentType: 'image/svg+xml', body: SVG });
  });

  await page.goto('/en/?q=akoya');
  const card = page.locator('[data-product-id="ngoc-trai-akoya"]');
  const photo = card.getByTestId('photo');
  await expect(photo.getByRole('img', { name: 'Pearls on a tray' })).toBeVisible();
  await expect(photo).toContainText(t('en', 'photo_credit', { author: 'Test Photographer', licence: 'CC BY 4.0' }));
  const img = photo.locator('img');
  const before = await card.boundingBox();
  const imgBefore = await img.boundingBox();
  expect(imgBefore!.height).toBeGreaterThan(0);
  expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(false);

  release();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  const after = await card.boundingBox();
  expect(after).toEqual(before);
  expect(await img.boundingBox()).toEqual(imgBefore);

  // The product page links the source the licence names.
  await card.getByRole('link', { name: /Akoya/ }).click();
  const page_photo = page.getByTestId('product-page').getByTestId('photo');
  await expect(page_photo.getByRole('link', { name: t('en', 'photo_source') })).toHaveAttribute('href', 'https://images.example.test/akoya');
});
