// The JavaScript peer: the same synthetic dataset and the same keystrokes, searched by
// MiniSearch (https://lucaong.github.io/minisearch/), configured to match the app's search
// as closely as MiniSearch allows:
// - the same fields: names (vi/en/zh), producer name, commune, district, subcategory,
//   descriptions (vi/en);
// - the same folding: NFD, combining marks dropped, đ → d, lower case (so "cha muc" finds
//   "Chả mực");
// - every query word must match (AND), as a prefix, with typo tolerance for words of 5+
//   letters (1 edit) and 8+ letters (2 edits), like ocop_core::search;
// - then the same kind of facet work the app does per keystroke: counts per group,
//   subcategory, star rating and district over the hits.
// Timed per keystroke with performance.now(); the app's side is its `catalog-query` User
// Timing entry (search + facets), so both sides exclude rendering.
/* global MiniSearch */
const fold = (text) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();

let index = null;
let products = [];

window.peerIndex = async (datasetUrl) => {
  const dataset = await (await fetch(datasetUrl)).json();
  const t0 = performance.now();
  const producers = new Map(dataset.producers.map((p) => [p.id, p.name]));
  products = dataset.products;
  index = new MiniSearch({
    fields: ['nameVi', 'nameEn', 'nameZh', 'producer', 'commune', 'district', 'subcategory', 'descVi', 'descEn'],
    processTerm: (term) => fold(term),
    // Split like the app: at every character that is not a letter, digit or combining mark.
    tokenize: (text) => text.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean),
    searchOptions: {
      combineWith: 'AND',
      prefix: true,
      fuzzy: (term) => (term.length >= 8 ? 2 : term.length >= 5 ? 1 : false),
    },
  });
  index.addAll(
    products.map((p, id) => ({
      id,
      nameVi: p.name.vi,
      nameEn: p.name.en ?? '',
      nameZh: p.name.zh ?? '',
      producer: producers.get(p.producer) ?? '',
      commune: [p.locality?.commune, p.locality?.commune_2025].filter(Boolean).join(' '),
      district: (p.locality?.district ?? '').replace(/-/g, ' '),
      subcategory: p.subcategory,
      descVi: p.description?.vi ?? '',
      descEn: p.description?.en ?? '',
    })),
  );
  return { products: products.length, index_build_ms: performance.now() - t0 };
};

function facetCounts(hits) {
  const counts = { group: new Map(), subcategory: new Map(), stars: new Map(), district: new Map() };
  const bump = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const hit of hits) {
    const p = products[hit.id];
    bump(counts.group, p.group);
    bump(counts.subcategory, p.subcategory);
    bump(counts.stars, p.rating?.stars ?? 0);
    bump(counts.district, p.locality?.district ?? '');
  }
  return counts;
}

// Types each query one character at a time; returns one timing per keystroke.
window.peerType = (queries) => {
  const out = [];
  for (const q of queries) {
    for (let i = 1; i <= q.length; i++) {
      const text = q.slice(0, i);
      const t0 = performance.now();
      const hits = text.trim() ? index.search(text) : products.map((_, id) => ({ id }));
      facetCounts(hits);
      out.push({ query: text, ms: performance.now() - t0, hits: hits.length });
    }
  }
  return out;
};
