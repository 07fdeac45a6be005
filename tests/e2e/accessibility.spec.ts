// axe-core: zero WCAG 2.2 A/AA violations on the catalog and a product page, in all three
// languages, at the phone and kiosk sizes (the Playwright projects).
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { Lang, inLanguage } from './fixtures';

const pages = [
  ['catalog', '/'],
  ['catalog with filters', '/?stars=5,4&group=beverage'],
  ['product page', '/p/tra-hoa-vang-ba-che'],
  ['about', '/about'],
];

for (const lang of ['vi', 'en', 'zh'] as Lang[]) {
  for (const [name, path] of pages) {
    test(`${name} in ${lang} has no WCAG 2.2 AA violations`, async ({ page }) => {
      await inLanguage(page, lang);
      await page.goto(path + (path.includes('?') ? '&' : '?') + `lang=${lang}`);
      await expect(page.locator('main h1')).toBeVisible();
      const toggle = page.locator('.filters-toggle');
      if (await toggle.isVisible()) await toggle.click(); // audit the open filter panel too
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(summary).toEqual([]);
    });
  }
}
