// Screenshots of the phone journeys of issue 19, for docs/ux/README.md.
//
//   node docs/ux/shoot.mjs DIST OUT_DIR SUFFIX     e.g. node docs/ux/shoot.mjs dist docs/ux after
//
// Serves DIST (a `cargo xtask build` output) on a free local port, opens each journey in
// Debian's Chromium at 360×640 (the phone the e2e suite uses) and saves OUT_DIR/<name>-SUFFIX.png.
// Journeys that need a control an older build lacks are saved as far as they get. Nothing
// leaves the machine: requests to other origins are refused.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';

const [dist, out, suffix] = process.argv.slice(2);
if (!dist || !out || !suffix) {
  console.error('usage: node docs/ux/shoot.mjs DIST OUT_DIR SUFFIX');
  process.exit(2);
}

const port = await new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});
const server = spawn('npx', ['sirv', dist, '--single', 'shell.html', '--host', '127.0.0.1', '--port', String(port), '--quiet'], {
  stdio: 'inherit',
});
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(base)).ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 100));
}

const list = { version: 1, items: [{ product: 'cha-muc-manh-ha', quantity: 2 }, { product: 'ngoc-trai-akoya', quantity: 1 }, { product: 'tra-hoa-vang-ba-che', quantity: 1 }] };
const en = JSON.parse(readFileSync(new URL('../../locales/en.json', import.meta.url), 'utf8'));
const shots = [
  ['search-gift-en', '/en/?q=gift'],
  ['search-seafood-zh', '/zh/?q=%E6%B5%B7%E9%B2%9C'],
  ['search-typo-en', '/en/?q=seafod'],
  ['filters-en', '/en/', async (p) => p.locator('.filters-toggle').click()],
  ['product-pearls-en', '/en/p/ngoc-trai-akoya'],
  ['list-en', '/en/list'],
  ['counter-en', '/en/list', async (p) => p.getByRole('button', { name: en.show_list_to_seller }).click()],
  ['map-pin-en', '/en/map?place=s.dao-co-to'],
  ['map-search-en', '/en/map', async (p) => p.getByRole('searchbox', { name: en.map_search }).fill('co to')],
  // A shared list opened on a phone that has no list: `shareLink` is read from the list page first.
  ['shared-list-en', 'SHARED', null, { noList: true }],
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const phone = async (withList) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (r) => r.abort());
  await context.addInitScript(
    ([l, withList]) => {
      localStorage.setItem('ocop.lang.v1', 'en');
      if (withList) localStorage.setItem('ocop.list.v1', l);
    },
    [JSON.stringify(list), withList],
  );
  return context;
};
let shareLink = null;
{
  const context = await phone(true);
  const page = await context.newPage();
  await page.goto(base + '/en/list');
  try {
    shareLink = await page.getByTestId('list-share-link').inputValue({ timeout: 10_000 });
  } catch {
    console.warn('no share link on this build');
  }
  await context.close();
}
for (const [name, path, act, options] of shots) {
  if (path === 'SHARED' && !shareLink) continue;
  const context = await phone(!options?.noList);
  const page = await context.newPage();
  await page.goto(path === 'SHARED' ? shareLink.replace(/^https?:\/\/[^/]+/, base) : base + path);
  await page.locator('main h1').first().waitFor();
  await page.waitForTimeout(800);
  if (act) {
    try {
      await act(page);
      await page.waitForTimeout(600);
    } catch (e) {
      console.warn(`${name}: ${String(e).split('\n')[0]}`);
    }
  }
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.screenshot({ path: `${out}/${name}-${suffix}.png` });
  console.log(`${name}-${suffix}.png  page height ${height}px`);
  await context.close();
}
await browser.close();
server.kill();
