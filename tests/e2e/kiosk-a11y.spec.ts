// axe-core: zero WCAG 2.2 A/AA violations on the kiosk's own views (issue 21) — its home with
// tiles and keyboard, the nearby list, the full-screen take-away QR and the "Start over?"
// question — in all three languages, at the kiosk size.
import AxeBuilder from '@axe-core/playwright';
import { expect, Page } from '@playwright/test';
import { Lang, t, test } from './fixtures';

// A kiosk's screen whichever project runs the file (playwright.config.ts's kiosk project
// matches `kiosk.spec.ts` only, so these run once, in the phone project, at this size).
test.use({
  storageState: { cookies: [], origins: [] },
  viewport: { width: 1920, height: 1080 },
  deviceScaleFactor: 1,
  isMobile: false,
  hasTouch: true,
});

const LANGUAGE_BUTTON: Record<Lang, string> = { vi: 'Tiếng Việt', en: 'English', zh: '中文' };

async function audit(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const lang of ['vi', 'en', 'zh'] as Lang[]) {
  test(`the kiosk home, nearby list, take-away QR and "Start over?" in ${lang} have no WCAG 2.2 AA violations`, async ({ page, context }) => {
    await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
    await page.route('**/config.json', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ kiosk: { name: 'Yên Tử', location: { lat: 21.155, lon: 106.72 } } }),
      }),
    );
    // Something to take away: one product and one stop.
    await page.goto('/kiosk');
    await page.getByTestId('kiosk-attract').getByRole('button', { name: LANGUAGE_BUTTON[lang] }).click();
    await page.getByTestId('kiosk-start').click();
    await expect(page.getByTestId('kiosk-home')).toBeVisible();
    expect(await audit(page), 'home').toEqual([]);

    await page.getByTestId('kiosk-tile-nearby').click();
    await expect(page.getByTestId('kiosk-near-place').first()).toBeVisible();
    expect(await audit(page), 'nearby').toEqual([]);

    await page.goBack();
    await expect(page.getByTestId('kiosk-home')).toBeVisible();
    await page.getByTestId('kiosk-take-with-you').click();
    await expect(page.getByTestId('take-away-empty')).toBeVisible();
    expect(await audit(page), 'take-away (empty)').toEqual([]);
    await page.getByTestId('take-away-close').click();

    await page.getByTestId('kiosk-tile-all').click();
    await page.getByTestId('product-card').first().getByRole('button', { name: new RegExp(t(lang, 'add_to_list')) }).click();
    await expect(page.getByTestId('list-count').first()).toHaveText('1');
    await page.getByTestId('kiosk-take-with-you').click();
    await expect(page.getByTestId('kiosk-take-away').getByRole('img')).toBeVisible();
    expect(await audit(page), 'take-away').toEqual([]);
    await page.getByTestId('take-away-close').click();

    await page.getByTestId('kiosk-start-over').click();
    await expect(page.getByTestId('kiosk-confirm')).toBeVisible();
    expect(await audit(page), 'start over?').toEqual([]);
  });
}
