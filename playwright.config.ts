import { defineConfig, devices } from '@playwright/test';

// End-to-end tests run against the release build in dist/ (`cargo xtask test` builds it),
// served as static files exactly as a deployment would serve them. They use Debian's
// Chromium: no browser is downloaded, and no test touches the internet (remote datasets
// are simulated with request interception).
const chromium = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

// `cargo xtask test` picks a free port and passes it in, so a stray server on 4173 (an
// earlier `npx playwright test`, a preview) can never answer for this build.
export const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  // Always: a committed `test.only` would run one test and pass (locally too, so it never lands).
  forbidOnly: true,
  retries: 0,
  // The JSON report gives `cargo xtask test` each spec file's time for its summary.
  reporter: [['list'], ['json', { outputFile: 'target/e2e/results.json' }]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: chromium,
    trace: 'retain-on-failure',
    // The service worker would answer requests that tests intercept with page.route;
    // the offline and update tests (pwa.spec.ts) turn it back on.
    serviceWorkers: 'block',
    // The language is in the path (`/`, `/en/`, `/zh/`); a browser's language is only offered.
    // Most specs check English text at unprefixed links such as `/list`, so every test starts
    // as a visitor who chose English on an earlier visit: the app moves `/list` to `/en/list`.
    // `inLanguage` (fixtures.ts) picks another; prerender.spec.ts checks first visits.
    storageState: {
      cookies: [],
      origins: [{ origin: `http://127.0.0.1:${PORT}`, localStorage: [{ name: 'ocop.lang.v1', value: 'en' }] }],
    },
  },
  webServer: {
    command: `npx sirv dist --single shell.html --host 127.0.0.1 --port ${PORT} --quiet`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
  // Every spec runs on the phone, the first user. At the kiosk size (touch, 1920×1080) only
  // the specs whose behaviour depends on the screen: accessibility (contrast, reflow, target
  // sizes), the kiosk itself, the map (markers, clusters, taps), the catalog's filter panel
  // (a side panel here, a toggled sheet on the phone) and the list with its QR code (the
  // kiosk-to-phone hand-over). The rest (data fallback, faults, security policy, PWA, routes,
  // trip, product pages) is the same code path at any size; running it twice cost CI
  // time for no extra check: 238 runs became 189 (docs/testing.md).
  projects: [
    { name: 'phone', use: { ...devices['Pixel 5'], launchOptions: chromium } },
    {
      name: 'kiosk',
      use: { viewport: { width: 1920, height: 1080 }, hasTouch: true },
      testMatch: /(accessibility|kiosk|map|catalog-search|list)\.spec\.ts$/,
    },
  ],
});
