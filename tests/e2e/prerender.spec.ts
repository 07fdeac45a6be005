// Every page pre-rendered (issue: pre-rendering): what a link preview robot, a crawler and a
// phone with JavaScript off get, and the hand-over to the live app. The build renders pages
// for http://127.0.0.1:8080 (no --site-url); the tests map that origin to their own server.
import { expect, test, Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { readFileSync, readdirSync } from 'node:fs';
import { HtmlValidate } from 'html-validate';

const dataset = JSON.parse(readFileSync('dist/data/ocop-quang-ninh.json', 'utf8'));
const BUILT_FOR = 'http://127.0.0.1:8080';
const local = (url: string) => url.replace(BUILT_FOR, '');

const product = dataset.products.find((p: any) => p.id === 'ngoc-trai-akoya');
const route = dataset.routes[0];
const spot = dataset.spots[0];

/** `<meta property|name=key content=…>` values, in document order. */
function metas(html: string, key: string): string[] {
  const out: string[] = [];
  const re = /<meta\s+([^>]*)>/g;
  for (let m; (m = re.exec(html)); ) {
    const attrs = m[1];
    const name = /(?:property|name)="([^"]*)"/.exec(attrs)?.[1];
    const content = /content="([^"]*)"/.exec(attrs)?.[1];
    if (name === key && content !== undefined) out.push(decode(content));
  }
  return out;
}

function decode(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function links(html: string, rel: string): { hreflang?: string; href: string }[] {
  const out: { hreflang?: string; href: string }[] = [];
  const re = /<link\s+([^>]*)>/g;
  for (let m; (m = re.exec(html)); ) {
    const attrs = m[1];
    if (/rel="([^"]*)"/.exec(attrs)?.[1] !== rel) continue;
    out.push({ hreflang: /hreflang="([^"]*)"/.exec(attrs)?.[1], href: decode(/href="([^"]*)"/.exec(attrs)![1]) });
  }
  return out;
}

function jsonLd(html: string): any[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
}

test.describe('the raw HTML of a product page (no script run)', () => {
  for (const [lang, prefix] of [
    ['vi', ''],
    ['en', '/en'],
    ['zh', '/zh'],
  ] as const) {
    test(`${lang}: title, description, canonical, hreflang, Open Graph and JSON-LD match the dataset`, async ({ request }) => {
      const response = await request.get(`${prefix}/p/${product.id}/`);
      expect(response.status()).toBe(200);
      const html = await response.text();
      expect(html).toContain(`<html lang="${lang}"`);
      const name = product.name[lang] ?? product.name.vi;
      expect(html).toContain(`<title>${name} – `);
      const [description] = metas(html, 'description');
      expect(description).toContain(name);
      expect(description.length).toBeLessThanOrEqual(155);
      // Stars are stated by a source for this product: the description may say them.
      expect(product.rating.evidence).toBe('star_stated');

      const canonical = links(html, 'canonical');
      expect(canonical).toEqual([{ hreflang: undefined, href: `${BUILT_FOR}${prefix}/p/${product.id}/` }]);
      const alternates = Object.fromEntries(links(html, 'alternate').map((l) => [l.hreflang, l.href]));
      expect(alternates).toEqual({
        vi: `${BUILT_FOR}/p/${product.id}/`,
        en: `${BUILT_FOR}/en/p/${product.id}/`,
        zh: `${BUILT_FOR}/zh/p/${product.id}/`,
        'x-default': `${BUILT_FOR}/p/${product.id}/`,
      });

      expect(metas(html, 'og:title')[0]).toContain(name);
      expect(metas(html, 'og:url')).toEqual([`${BUILT_FOR}${prefix}/p/${product.id}/`]);
      expect(metas(html, 'og:type')).toEqual(['website']);
      expect(metas(html, 'og:locale')).toEqual([{ vi: 'vi_VN', en: 'en_US', zh: 'zh_CN' }[lang]]);
      expect(metas(html, 'og:locale:alternate')).toHaveLength(2);
      expect(metas(html, 'twitter:card')).toEqual(['summary_large_image']);
      const [image] = metas(html, 'og:image');
      expect(image).toBe(`${BUILT_FOR}/og/product/${product.id}.png`);
      expect(metas(html, 'og:image:width')).toEqual(['1200']);
      expect(metas(html, 'og:image:height')).toEqual(['630']);

      const blocks = jsonLd(html);
      const item = blocks.find((b) => b['@type'] === 'Product');
      expect(item.name).toBe(name);
      expect(item.url).toBe(`${BUILT_FOR}${prefix}/p/${product.id}/`);
      // The OCOP rating is an award with its year, never a review rating.
      expect(item.award).toContain(String(product.rating.year_rated));
      expect(item.aggregateRating).toBeUndefined();
      expect(item.review).toBeUndefined();
      // No sourced price for this product: no offer.
      expect(product.price).toBeFalsy();
      expect(item.offers).toBeUndefined();
      expect(blocks.some((b) => b['@type'] === 'BreadcrumbList')).toBe(true);
    });
  }

  test('a sourced price becomes an offer in VND, and nothing else does', async ({ request }) => {
    const priced = dataset.products.filter((p: any) => p.price);
    expect(priced.length).toBeGreaterThan(0);
    for (const p of priced) {
      const html = await (await request.get(`/en/p/${p.id}/`)).text();
      const item = jsonLd(html).find((b) => b['@type'] === 'Product');
      expect(item.offers.priceCurrency).toBe('VND');
      expect(Number(item.offers.lowPrice)).toBe(p.price.min_vnd);
    }
  });

  test('every og:image is a PNG of the stated size', async ({ request }) => {
    const pages = [
      `/p/${product.id}/`,
      `/en/routes/${route.id}/`,
      `/zh/spot/${spot.id}/`,
      `/sales-point/${dataset.sales_points[0].id}/`,
      '/',
      '/en/about/',
    ];
    for (const path of pages) {
      const html = await (await request.get(path)).text();
      const [image] = metas(html, 'og:image');
      const response = await request.get(local(image));
      expect(response.status(), image).toBe(200);
      expect(response.headers()['content-type']).toContain('image/png');
      const png = PNG.sync.read(await response.body());
      expect([png.width, png.height], image).toEqual([1200, 630]);
    }
  });
});

test('every URL in sitemap.xml is served with 200, with its language alternates', async ({ request }) => {
  const sitemap = await (await request.get('/sitemap.xml')).text();
  const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  // Every product, route, spot and sales point, in three languages, and the section pages.
  const details = dataset.products.length + dataset.routes.length + dataset.spots.length + dataset.sales_points.length;
  expect(urls.length).toBeGreaterThanOrEqual(3 * details);
  expect(sitemap).toContain('hreflang="x-default"');
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain(`Sitemap: ${BUILT_FOR}/sitemap.xml`);
  for (const url of urls) {
    const path = local(url);
    expect(existsInDist(path), `${path} is a file in dist/`).toBe(true);
    const response = await request.get(path);
    expect(response.status(), url).toBe(200);
  }
});

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

function existsInDist(path: string): boolean {
  try {
    readFileSync(`dist${path}${path.endsWith('/') ? 'index.html' : ''}`);
    return true;
  } catch {
    return false;
  }
}

test('the generated HTML has no errors in html-validate', async () => {
  const validator = new HtmlValidate({
    extends: ['html-validate:standard'],
    rules: {
      // Leptos writes boolean attributes and void elements its own way; neither is an error.
      'void-style': 'off',
      'no-trailing-whitespace': 'off',
    },
  });
  const files = htmlFiles('dist').filter((f) => !f.endsWith('shell.html'));
  expect(files.length).toBeGreaterThan(300);
  const problems: string[] = [];
  for (const file of files) {
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
  }
  expect(problems.slice(0, 20), `${problems.length} problems`).toEqual([]);
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the catalog, a product in each language, a route and a place show their content, and links work', async ({ page }) => {
    await page.goto('/');
    const cards = page.locator('#boot [data-testid="product-card"]');
    expect(await cards.count()).toBeGreaterThan(5);
    // Interactive parts say they need the app, in the page's language.
    await expect(page.locator('#boot .needs-app')).toContainText('JavaScript');

    for (const [lang, prefix] of [
      ['vi', ''],
      ['en', '/en'],
      ['zh', '/zh'],
    ] as const) {
      await page.goto(`${prefix}/p/${product.id}/`);
      await expect(page.locator('h1')).toHaveText(product.name[lang] ?? product.name.vi);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
    }

    // Product → a place → a route, by links.
    await page.goto(`/en/p/${product.id}/`);
    await page.locator('#boot a[href^="/en/spot/"]').first().click();
    await expect(page).toHaveURL(/\/en\/spot\/[^/]+\/?$/);
    await expect(page.locator('h1')).not.toBeEmpty();

    await page.goto(`/en/routes/${route.id}/`);
    await expect(page.locator('h1')).toHaveText(route.name.en ?? route.name.vi);
    await page.locator('#boot a[href^="/en/p/"]').first().click();
    await expect(page).toHaveURL(/\/en\/p\/[^/]+\/?$/);
    await expect(page.locator('[data-testid="product-page"]')).toBeVisible();

    // The other languages are links (the switcher needs the app).
    await page.locator('#boot .needs-app a[lang="zh"]').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh');
  });
});

test.describe('the hand-over to the live app', () => {
  /** Holds the wasm back until `release()`, as a slow phone would. */
  async function holdWasm(page: Page) {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    await page.route('**/*.wasm', async (route) => {
      await released;
      await route.continue();
    });
    return release;
  }

  async function watchLayoutShifts(page: Page) {
    await page.addInitScript(() => {
      (window as any).__cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as any[]) {
          if (!entry.hadRecentInput) (window as any).__cls += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
  }

  test('text typed before the app starts is kept and searched, without a layout shift', async ({ page }) => {
    await watchLayoutShifts(page);
    const release = await holdWasm(page);
    await page.goto('/en/');
    const box = page.locator('#boot #catalog-search');
    await box.fill('pearl');
    release();
    // The app has taken over: the pre-rendered page is gone, the app's box has the text.
    await expect(page.locator('#boot')).toHaveCount(0);
    const live = page.locator('#catalog-search');
    await expect(live).toHaveValue('pearl');
    await expect(page).toHaveURL(/[?&]q=pearl/);
    await expect(page.locator('[data-testid="product-card"]').first()).toContainText(/pearl/i);
    const cls = await page.evaluate(() => (window as any).__cls);
    expect(cls).toBeLessThanOrEqual(0.05);
  });

  test('a product page keeps its scroll position', async ({ page }) => {
    await page.setViewportSize({ width: 393, height: 500 });
    const release = await holdWasm(page);
    await page.goto(`/en/p/${product.id}/`);
    await page.evaluate(() => window.scrollTo(0, 300));
    release();
    await expect(page.locator('#boot')).toHaveCount(0);
    await expect(page.locator('[data-testid="product-page"]')).toBeVisible();
    expect(await page.evaluate(() => window.scrollY)).toBe(300);
  });
});

test.describe('languages in the path', () => {
  test('an old ?lang= link moves to the path form without a new history entry', async ({ page }) => {
    await page.goto(`/p/${product.id}?lang=en`);
    const entries = await page.evaluate(() => history.length);
    await expect(page).toHaveURL(new RegExp(`/en/p/${product.id}/?$`));
    await expect(page.locator('h1')).toHaveText(product.name.en);
    expect(await page.evaluate(() => history.length)).toBe(entries);
  });

  test('the switcher shows the same page in the other language', async ({ page }) => {
    await page.goto(`/en/routes/${route.id}/`);
    await expect(page.locator('#boot')).toHaveCount(0);
    await page.locator('.language select').selectOption('zh');
    await expect(page).toHaveURL(new RegExp(`/zh/routes/${route.id}/?$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh');
    await expect(page.locator('h1')).toHaveText(route.name.zh ?? route.name.vi);
  });
});
