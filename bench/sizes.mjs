// Transfer sizes of a built app (dist/): every file raw, gzip and brotli at maximum level
// (what a CDN or a static server behind a compressing proxy sends), and which files the
// catalog's first load fetches. Shared by the size gate (`budget.mjs`, part of
// `cargo xtask test`) and the benchmark report (`report.mjs`), so both count the same way.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

export const KIB = 1024;

/// How a CDN compresses: the maximum levels. The report's server sends exactly these bytes.
export const brotli = (bytes) =>
  brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });
export const gzip = (bytes) => gzipSync(bytes, { level: 9 });

export function compressed(bytes) {
  return { raw: bytes.length, gzip: gzip(bytes).length, brotli: brotli(bytes).length };
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/// What index.html makes the browser fetch before the app runs: scripts, module preloads,
/// the wasm (the build preloads it `as=fetch` and its start script imports the JS glue),
/// stylesheets, and preloaded data. Read from the HTML, not guessed: a new `<script>` or a
/// `<link rel=preload>` in index.html is counted the moment it is added.
///
/// Throws when the set holds no `.wasm` or no JavaScript module to load it: a change in how
/// the build writes its start script would otherwise leave the app out of the count, and the size gate
/// would pass on index.html, CSS and pwa.js alone.
export function firstLoadFiles(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = new Set(['index.html']);
  // JavaScript modules: the wasm's glue, which a classic `<script src>` (pwa.js) is not.
  const modules = new Set();
  const attr = (tag, name) => tag.match(new RegExp(`\\b${name}=("([^"]*)"|'([^']*)'|([^\\s>]+))`))?.slice(2).find((v) => v !== undefined);
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const rel = attr(tag, 'rel') ?? '';
    const href = attr(tag, 'src') ?? attr(tag, 'href');
    if (!href || /^(https?:)?\/\//.test(href)) continue;
    const wanted = tag.startsWith('<script') || ['stylesheet', 'modulepreload', 'preload'].includes(rel);
    if (!wanted) continue;
    const file = href.replace(/^\//, '');
    files.add(file);
    if (rel === 'modulepreload' || attr(tag, 'type') === 'module') modules.add(file);
  }
  // The inline start script (xtask/src/bundle.rs): `import init from '/pkg/ID/app.js'`.
  for (const m of html.matchAll(/from\s+['"]\/?([^'"]+\.js)['"]/g)) {
    files.add(m[1]);
    modules.add(m[1]);
  }
  for (const m of html.matchAll(/module_or_path:\s*['"]\/?([^'"]+\.wasm)['"]/g)) files.add(m[1]);
  const all = [...files].sort();
  const problems = [];
  if (!all.some((f) => kindOf(f) === 'wasm')) problems.push('no .wasm');
  if (![...modules].some((f) => kindOf(f) === 'js')) problems.push('no JavaScript module loading the wasm (modulepreload, <script type=module> or an inline `import … from`)');
  if (problems.length) {
    throw new Error(
      `${join(dist, 'index.html')}: ${problems.join(' and ')} among the first-load files (${all.join(', ')}). ` +
        "The app's loader must have changed, and the size gate would pass without counting the app: " +
        'teach firstLoadFiles in bench/sizes.mjs to read the new loader.',
    );
  }
  return all;
}

export function kindOf(file) {
  const ext = extname(file);
  if (ext === '.wasm') return 'wasm';
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (ext === '.css') return 'css';
  if (ext === '.html') return 'html';
  if (ext === '.json' || ext === '.webmanifest') return 'data';
  return 'other';
}

/// Every file in dist with its sizes, whether the first load fetches it, and the totals
/// the budgets are about.
export function measureDist(dist = 'dist') {
  const first = new Set(firstLoadFiles(dist));
  const files = walk(dist)
    .map((path) => {
      const file = relative(dist, path).split('\\').join('/');
      return { file, kind: kindOf(file), first_load: first.has(file), ...compressed(readFileSync(path)) };
    })
    .sort((a, b) => b.brotli - a.brotli);
  const missing = [...first].filter((f) => !files.some((x) => x.file === f));
  const sum = (pred) =>
    files.filter(pred).reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return {
    files,
    parts: partSizes(dist, files),
    missing_first_load_files: missing,
    first_load_wasm_js: sum((f) => f.first_load && (f.kind === 'wasm' || f.kind === 'js')),
    first_load_html_css: sum((f) => f.first_load && (f.kind === 'html' || f.kind === 'css')),
    first_load_data: sum((f) => f.first_load && f.kind === 'data'),
    first_load_all: sum((f) => f.first_load),
  };
}

export const kib = (bytes) => (bytes / KIB).toFixed(1);

/// Each part of the app that loads on demand (src/app/parts.rs) with what visiting it first
/// downloads: its own file and the chunks it shares with other parts, from the manifest the
/// build writes (`pkg/<id>/parts.json`, xtask/src/bundle.rs). Sorted by size.
function partSizes(dist, files) {
  const manifest = files.find((f) => /^pkg\/[^/]+\/parts\.json$/.test(f.file));
  if (!manifest) return [];
  const dir = manifest.file.replace(/parts\.json$/, '');
  const parts = JSON.parse(readFileSync(join(dist, manifest.file), 'utf8'));
  return Object.entries(parts)
    .map(([name, wasm]) => {
      const mine = wasm.map((w) => files.find((f) => f.file === dir + w)).filter(Boolean);
      const total = (k) => mine.reduce((t, f) => t + f[k], 0);
      return { part: name, files: mine.length, raw: total('raw'), gzip: total('gzip'), brotli: total('brotli') };
    })
    .sort((a, b) => b.brotli - a.brotli);
}
