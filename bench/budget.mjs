// The size gate of `cargo xtask test`: fails when the catalog's first load grows past the
// enforced budget in bench/budgets.json, and says how far each size is from its target.
// Usage: node bench/budget.mjs [DIST]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureDist, kib, KIB } from './sizes.mjs';

const dist = process.argv[2] ?? 'dist';
const budgets = JSON.parse(readFileSync(new URL('./budgets.json', import.meta.url), 'utf8'));
let sizes;
try {
  sizes = measureDist(dist);
} catch (e) {
  // No wasm or no loader found in index.html: there is nothing meaningful to measure.
  console.error(`Size budget failed:\n- ${e.message}`);
  process.exit(1);
}
const failures = [];

if (sizes.missing_first_load_files.length) {
  failures.push(`index.html references files that are not in ${dist}: ${sizes.missing_first_load_files.join(', ')}`);
}
for (const key of ['first_load_wasm_js', 'first_load_html_css']) {
  const budget = budgets[key];
  const brotli = sizes[key].brotli;
  const line = `${budget.what}: ${kib(brotli)} KiB brotli (${kib(sizes[key].gzip)} KiB gzip)`;
  if (brotli > budget.enforced_kib * KIB) {
    failures.push(`${line} is over the enforced budget of ${budget.enforced_kib} KiB`);
  } else if (brotli > budget.target_kib * KIB) {
    console.log(`✗ ${line}: within the enforced ${budget.enforced_kib} KiB, target ${budget.target_kib} KiB not met by ${kib(brotli - budget.target_kib * KIB)} KiB`);
  } else {
    console.log(`✓ ${line}: target ${budget.target_kib} KiB met`);
  }
}
// The bundled dataset must start downloading with the page, not after the wasm starts.
const html = readFileSync(join(dist, 'index.html'), 'utf8');
// The path the app reads first (the bundled dataset as checked by the build), read from its
// source so the two cannot drift apart.
const bundled = readFileSync(new URL('../crates/ocop-core/src/config.rs', import.meta.url), 'utf8').match(
  /BUNDLED_CHECKED_PATH: &str = "([^"]+)"/,
)[1];
const preloaded = [...html.matchAll(/<link\b[^>]*>/g)].some(
  ([tag]) => /\brel=("?)preload\1/.test(tag) && tag.includes(bundled) && /\bas=("?)fetch\1/.test(tag),
);
if (preloaded) console.log(`✓ the bundled dataset (${bundled}) is preloaded by index.html`);
else failures.push(`index.html does not preload the bundled dataset ${bundled} (<link rel=preload as=fetch>)`);

console.log('\nFirst-load files:');
for (const f of sizes.files.filter((f) => f.first_load)) {
  console.log(`  ${f.file.padEnd(48)} ${kib(f.raw).padStart(8)} KiB raw ${kib(f.gzip).padStart(7)} gzip ${kib(f.brotli).padStart(7)} brotli`);
}
if (sizes.parts.length) {
  console.log('\nParts loaded on demand (what a first visit to each downloads, brotli):');
  for (const p of sizes.parts) {
    console.log(`  ${p.part.padEnd(24)} ${kib(p.brotli).padStart(7)} KiB brotli in ${p.files} file(s)`);
  }
}
if (failures.length) {
  console.error(`\nSize budget failed:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
