// Shared helpers: the tests read the same locale files and dataset as the app, so a copy
// change or a new product never needs a test edit, and a missing key fails loudly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, Page, Route } from '@playwright/test';

/**
 * `test`, with a page whose `goto` and `reload` return once the app has taken over from the
 * pre-rendered page (`#boot` gone). Until then both are in the document, the app hidden
 * behind the page (style/main.css), and a test id or CSS locator would find each thing
 * twice. `gotoBeforeTakeover` opens a page without waiting, for tests of that moment;
 * prerender.spec.ts uses `@playwright/test` directly.
 */
export const test = base.extend({
  page: async ({ page }, use) => {
    const takenOver = () => page.locator('#boot').waitFor({ state: 'detached', timeout: 15_000 });
    const goto = page.goto.bind(page);
    const reload = page.reload.bind(page);
    (page as any).gotoBeforeTakeover = goto;
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      await takenOver();
      return response;
    };
    page.reload = async (options) => {
      const response = await reload(options);
      await takenOver();
      return response;
    };
    await use(page);
  },
});

/** Opens `url` and returns while the pre-rendered page may still be on screen. */
export function gotoBeforeTakeover(page: Page, url: string) {
  return (page as any).gotoBeforeTakeover(url);
}

const root = join(__dirname, '..', '..');
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));

export type Lang = 'vi' | 'en' | 'zh';
/** A message, or a message with a count in its plural forms (`{ "one": …, "other": … }`). */
type Message = string | Record<string, string>;
const locales: Record<Lang, Record<string, Message>> = {
  vi: readJson('locales/vi.json'),
  en: readJson('locales/en.json'),
  zh: readJson('locales/zh.json'),
};

/** A translated string with `{{ name }}` placeholders filled in. A message with a count
 * takes the form the browser's CLDR plural rules give for `count` in that language (the
 * app picks it with `ocop_core::text::Lang::plural`: this cross-checks the two). */
export function t(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  const message = locales[lang][key];
  if (message === undefined) throw new Error(`no key ${key} in locales/${lang}.json`);
  let template: string;
  if (typeof message === 'string') {
    template = message;
  } else {
    if (vars.count === undefined) throw new Error(`${key} needs a count`);
    const form = new Intl.PluralRules(lang).select(Number(vars.count));
    template = message[form] ?? message.other;
  }
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => String(vars[name]));
}

/** A translated template as a RegExp, with any value accepted for each placeholder (any of
 * the plural forms of a message with a count). */
export function tPattern(lang: Lang, key: string): RegExp {
  const message = locales[lang][key];
  const templates = typeof message === 'string' ? [message] : Object.values(message);
  const patterns = templates.map((template) => {
    const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return escaped.replace(/\\\{\\\{\s*\w+\s*\\\}\\\}/g, '.+');
  });
  return new RegExp(patterns.map((p) => `(?:${p})`).join('|'));
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

/**
 * A visitor who reads `lang`: the browser prefers it, and the visitor chose it on an earlier
 * visit (saved once per test, so a later choice in the test is kept), so an unprefixed link
 * such as `/` or `/p/x` moves to that language's path (`/en/`, `/en/p/x`) as it would for them.
 */
export async function inLanguage(page: Page, lang: Lang) {
  await prefersLanguage(page, lang);
  await page.addInitScript((l) => {
    if (!sessionStorage.getItem('e2e-language-saved')) {
      sessionStorage.setItem('e2e-language-saved', '1');
      localStorage.setItem('ocop.lang.v1', l);
    }
  }, lang);
}

/** Only the browser's preference, as on a first visit: the app offers that language. */
export async function prefersLanguage(page: Page, lang: Lang) {
  await page.addInitScript((l) => {
    Object.defineProperty(navigator, 'languages', { get: () => [l] });
    Object.defineProperty(navigator, 'language', { get: () => l });
  }, lang);
}
