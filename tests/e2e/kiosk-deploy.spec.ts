// The kiosk deployment recipe (deploy/kiosk/, docs/kiosk-and-offline.md), run for real: the
// install step warms the offline copy in a fresh Chromium profile from the built site, the
// site then goes away (a kiosk whose network is down), and the launcher starts Debian's
// Chromium with the recipe's flags (headless added for the test) — the app must start in
// kiosk mode from the precache, and the running browser must carry every flag.
import { chromium, expect } from '@playwright/test';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from './fixtures';

const root = join(__dirname, '..', '..');
const recipe = join(root, 'deploy', 'kiosk');
const CHROMIUM = '/usr/bin/chromium';


const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function untilUp(url: string, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    if (Date.now() > until) throw new Error(`${url} did not come up`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const flags = readFileSync(join(recipe, 'chromium-flags'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
// The container runs as root, where Chromium needs --no-sandbox; a kiosk user does not.
const asRoot = process.getuid?.() === 0 ? '--no-sandbox' : '';

test('the recipe warms the precache, then starts Chromium in kiosk mode with its flags, offline', async () => {
  test.setTimeout(120_000);
  const profile = mkdtempSync(join(tmpdir(), 'ocop-kiosk-profile-'));
  const sitePort = await freePort();
  const url = `http://127.0.0.1:${sitePort}/kiosk`;
  const env = {
    ...process.env,
    CHROMIUM,
    OCOP_KIOSK_URL: url,
    OCOP_KIOSK_PROFILE: profile,
    OCOP_KIOSK_WARM_SECONDS: '20',
    OCOP_KIOSK_EXTRA_FLAGS: asRoot,
  };
  let site: ChildProcess | undefined;
  let kiosk: ChildProcess | undefined;
  try {
    // The built site on its own server, as the kiosk's web server would serve it.
    site = spawn(join(root, 'node_modules', '.bin', 'sirv'), ['dist', '--single', 'shell.html', '--host', '127.0.0.1', '--port', String(sitePort), '--quiet'], { cwd: root, stdio: 'ignore' });
    await untilUp(`http://127.0.0.1:${sitePort}/`, 15_000);
    const warm = execFileSync('sh', [join(recipe, 'warm-precache.sh')], { env, encoding: 'utf8', timeout: 60_000 });
    expect(warm).toContain('warm-precache: done');
    // The network is gone from here on.
    site.kill();
    await new Promise((r) => site!.once('exit', r));
    await expect(fetch(`http://127.0.0.1:${sitePort}/`)).rejects.toThrow();

    const cdpPort = await freePort();
    kiosk = spawn('sh', [join(recipe, 'ocop-kiosk.sh')], {
      env: { ...env, OCOP_KIOSK_EXTRA_FLAGS: `${asRoot} --headless=new --remote-debugging-port=${cdpPort}` },
      stdio: 'ignore',
    });
    await untilUp(`http://127.0.0.1:${cdpPort}/json/version`, 20_000);
    // The launcher execs Chromium (Debian's wrapper execs the binary): its command line.
    const cmdline = readFileSync(`/proc/${kiosk.pid}/cmdline`, 'utf8').split('\0');
    for (const flag of flags) expect(cmdline, flag).toContain(flag);
    expect(cmdline).toContain(`--user-data-dir=${profile}`);

    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${cdpPort}`);
    const [context] = browser.contexts();
    await expect.poll(() => context.pages().length).toBeGreaterThan(0);
    const page = context.pages()[0];
    await expect(page).toHaveURL(url);
    // The app itself, from the precache: kiosk mode, the attract screen, then the home tiles.
    await expect(page.locator('html')).toHaveClass(/kiosk/, { timeout: 20_000 });
    await expect(page.locator('#boot')).toHaveCount(0, { timeout: 20_000 });
    await expect(page.getByTestId('kiosk-attract')).toBeVisible();
    await page.getByTestId('kiosk-start').click();
    await expect(page.getByTestId('kiosk-home')).toBeVisible();
    // Every file of the build's precache list is in the cache.
    const precache: string[] = JSON.parse(readFileSync(join(root, 'dist', 'sw.js'), 'utf8').match(/PRECACHE = (\[[^\]]*\])/)![1]);
    expect(precache.length).toBeGreaterThan(10);
    const cached: string[] = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
    const missing = precache.map((u) => new URL(u, url).pathname).filter((p) => !cached.includes(p));
    expect(missing).toEqual([]);
    await browser.close().catch(() => {});
  } finally {
    site?.kill();
    kiosk?.kill();
    if (kiosk && kiosk.exitCode === null) await new Promise((r) => kiosk!.once('exit', r));
    rmSync(profile, { recursive: true, force: true });
  }
});
