// The service worker: the app keeps working with no network once it has been opened.
// `BUILD` and `PRECACHE` (this build's files, hashed names included) are prepended at build
// time by `cargo xtask precache`, so every build has a different sw.js and browsers notice
// updates by themselves.
//
// * App shell and assets (precached): cache first. They are versioned by the build, so a
//   cached copy is always the right one for this worker.
// * config.json and the bundled dataset (both forms): network first, the cached copy when offline, so a
//   data update is seen as soon as there is a connection.
// * Page navigations: every page is pre-rendered (src/bin/prerender.rs), but the pages are
//   not precached (~380 of them in three languages). A page is kept once visited: the kept
//   copy answers at once and is refreshed in the background; a page never visited comes from
//   the network, or offline the app shell (`shell.html`), where the app draws the page itself.
// * Anything else (map tiles, remote datasets on other origins): not touched.
//
// A new worker waits until the page asks it to take over (the app's "update available"
// prompt), so a visitor is never switched to new code in the middle of something.

const SHELL_CACHE = `ocop-shell-${BUILD}`;
// Per build: a page names its build's hashed wasm and script files, which only that build's
// shell cache holds.
const PAGE_CACHE = `ocop-pages-${BUILD}`;
const DATA_CACHE = 'ocop-data';
const NETWORK_FIRST = ['/config.json', '/data/ocop-quang-ninh.json', '/data/ocop-quang-ninh.checked.json'];

self.addEventListener('install', (event) => {
  // `cache: 'reload'`: straight from the server, never an HTTP-cached index.html of an older
  // build that would name wasm and JS files this cache does not hold.
  const requests = PRECACHE.map((url) => new Request(url, { cache: 'reload' }));
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          // Old shells, and data copies that predate this build's own (precached) data.
          keys
            .filter(
              (key) =>
                (key.startsWith('ocop-shell-') && key !== SHELL_CACHE) ||
                (key.startsWith('ocop-pages-') && key !== PAGE_CACHE) ||
                key === DATA_CACHE,
            )
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (NETWORK_FIRST.includes(url.pathname)) {
    event.respondWith(networkFirst(request, url.pathname));
  } else if (request.mode === 'navigate') {
    event.respondWith(page(event, url));
  } else {
    event.respondWith(caches.match(url.pathname, { cacheName: SHELL_CACHE }).then((hit) => hit || fetch(request)));
  }
});

// A weak link should not hold the app up: after this long the cached copy answers (the
// app's own fetch timeout is longer).
const NETWORK_TIMEOUT_MS = 4000;

async function networkFirst(request, key) {
  try {
    const response = await fetchWithTimeout(request);
    // Only real JSON is kept: a captive portal's page or an HTML fallback must never
    // replace good data.
    const json = (response.headers.get('content-type') || '').includes('json');
    if (response.ok && !response.redirected && json) {
      const cache = await caches.open(DATA_CACHE);
      await cache.put(key, response.clone());
    }
    return response;
  } catch (offline) {
    const cached = (await caches.match(key, { cacheName: DATA_CACHE })) || (await caches.match(key, { cacheName: SHELL_CACHE }));
    if (cached) return markedOffline(cached);
    throw offline;
  }
}

// The page cannot trust `navigator.onLine` after an offline reload served by this worker
// (Chromium reports "online" then): a copy answered because the network failed says so, and
// the app shows its offline notice (src/browser/fetch.rs).
function markedOffline(cached) {
  const headers = new Headers(cached.headers);
  headers.set('x-ocop-offline', '1');
  return new Response(cached.body, { status: cached.status, statusText: cached.statusText, headers });
}

// `/en/p/x`, `/en/p/x/` and `/en/p/x/index.html` are one page; the query and fragment are the
// app's business (the same HTML serves them all).
function pageKey(url) {
  let path = url.pathname.replace(/index\.html$/, '');
  if (!path.endsWith('/')) path += '/';
  return path;
}

async function page(event, url) {
  const key = pageKey(url);
  const pages = await caches.open(PAGE_CACHE);
  const kept = (await pages.match(key)) || (key === '/' && (await caches.match('/index.html', { cacheName: SHELL_CACHE })));
  const fresh = fetchWithTimeout(event.request).then(async (response) => {
    const html = (response.headers.get('content-type') || '').includes('text/html');
    if (response.ok && !response.redirected && html) await pages.put(key, response.clone());
    return response;
  });
  if (kept) {
    event.waitUntil(fresh.catch(() => {}));
    return kept;
  }
  try {
    return await fresh;
  } catch (offline) {
    const shell = await caches.match('/shell.html', { cacheName: SHELL_CACHE });
    if (shell) return shell;
    throw offline;
  }
}

function fetchWithTimeout(request) {
  return Promise.race([
    fetch(request),
    new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), NETWORK_TIMEOUT_MS)),
  ]);
}
