// Shared helpers: the tests read the same locale files and dataset as the app, so a copy
// change or a new product never needs a test edit, and a missing key fails loudly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Page, Route } from '@playwright/test';

const root = join(__dirname, '..', '..');
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));

export type Lang = 'vi' | 'en' | 'zh';
const locales: Record<Lang, Record<string, string>> = {
  vi: readJson('locales/vi.json'),
  en: readJson('locales/en.json'),
  zh: readJson('locales/zh.json'),
};

/** A translated string with `{{ name }}` placeholders filled in. */
export function t(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  const template = locales[lang][key];
  if (template === undefined) throw new Error(`no key ${key} in locales/${lang}.json`);
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => String(vars[name]));
}

/** A translated template as a RegExp, with any value accepted for each placeholder. */
export function tPattern(lang: Lang, key: string): RegExp {
  const template = locales[lang][key];
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/\\\{\\\{\s*\w+\s*\\\}\\\}/g, '.+'));
}

export const bundledDataset = () => readJson('public/data/ocop-quang-ninh.json');

export const REMOTE_ORIGIN = 'https://data.example.test';
export const REMOTE_URL = `${REMOTE_ORIGIN}/ocop.json`;

/** Points the deployed config.json at the (simulated) remote dataset. */
export async function useRemoteConfig(page: Page, overrides: Record<string, unknown> = {}) {
  await page.route('**/config.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        dataset_url: REMOTE_URL,
        allowed_origins: [REMOTE_ORIGIN],
        fetch_timeout_ms: 1500,
        ...overrides,
      }),
    }),
  );
}

/** Answers requests for the remote dataset (CORS headers included, as a real host must). */
export async function serveRemote(page: Page, handler: (route: Route) => Promise<void> | void) {
  await page.route(REMOTE_URL, handler);
}

export const corsJson = (body: string, status = 200) => ({
  status,
  contentType: 'application/json',
  headers: { 'access-control-allow-origin': '*' },
  body,
});

/** Sets the browser language before the app boots (the app follows it on first visit). */
export async function inLanguage(page: Page, lang: Lang) {
  await page.addInitScript((l) => {
    Object.defineProperty(navigator, 'languages', { get: () => [l] });
    Object.defineProperty(navigator, 'language', { get: () => l });
  }, lang);
}
