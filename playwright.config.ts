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
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: chromium,
    trace: 'retain-on-failure',
    // The service worker would answer requests that tests intercept with page.route;
    // the offline and update tests (pwa.spec.ts) turn it back on.
    serviceWorkers: 'block',
  },
  webServer: {
    command: `npx sirv dist --single --host 127.0.0.1 --port ${PORT} --quiet`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
  projects: [
    { name: 'phone', use: { ...devices['Pixel 5'], launchOptions: chromium } },
    { name: 'kiosk', use: { viewport: { width: 1920, height: 1080 }, hasTouch: true } },
  ],
});
