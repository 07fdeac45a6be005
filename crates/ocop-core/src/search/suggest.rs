//! What to offer when a search finds nothing or very little: "did you mean" (the query with
//! its mistyped words replaced by the closest known words) and the categories nearest to it.
//!
//! Known words are the index's own vocabulary (every folded word of every indexed text) and
//! the words of the category names and synonyms ([`super::lexicon`]). Distances are the
//! search's (insertions, deletions, substitutions, swaps of neighbours, on folded words):
//! one edit for words of 3–5 letters, two from 6. A correction is only offered if the
//! corrected query finds something. Chinese runs are kept as typed: they have no spelling
//! to correct, and a wrong character is another word.

use super::{
    fill_chars, is_cjk, letter_signature, query_tokens, within_distance, Category, QueryToken, SearchIndex,
    MAX_TYPO_WORD,
};

/// Words shorter than this are never corrected: at two letters nearly everything is one
/// edit from something.
const MIN_CORRECTED_CHARS: usize = 3;
/// Candidates tried per word, and corrected queries run in all.
const CANDIDATES_PER_WORD: usize = 5;
const MAX_TRIALS: usize = 12;

/// A known word near a query word.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Candidate {
    word: String,
    distance: usize,
    /// How common it is: postings in the index, products of its categories.
    weight: usize,
}

impl SearchIndex {
    /// "Did you mean": `query` with its mistyped words replaced by the nearest known words
    /// ("seafod" → "seafood", "tra hao vang" → "tra hoa vang"), when that finds something.
    /// `None` when no word needs correcting and the query finds something, or when no
    /// correction helps.
    ///
    /// A word is mistyped when no known word starts with it; when every word is known but
    /// the query finds nothing together ("hao" is a word, only not with "tra … vang"), the
    /// nearest words are tried one at a time, the closest and most common first.
    pub fn did_you_mean(&self, query: &str) -> Option<String> {
        let (tokens, _) = query_tokens(query);
        let words: Vec<Option<&str>> = tokens
            .iter()
            .map(|t| match t {
                QueryToken::Word { folded, .. } => Some(folded.as_str()),
                QueryToken::Cjk(_) => None,
            })
            .collect();
        let correctable = |w: &str| {
            w.chars().count() >= MIN_CORRECTED_CHARS
                && w.chars().count() <= MAX_TYPO_WORD
                && !w.chars().any(|c| c.is_numeric() || is_cjk(c))
        };
        let candidates: Vec<Vec<Candidate>> = words
            .iter()
            .map(|w| match w {
                Some(w) if correctable(w) => self.nearest_words(w),
                _ => Vec::new(),
            })
            .collect();
        let unknown: Vec<usize> = (0..words.len())
            .filter(|&i| words[i].is_some_and(|w| correctable(w) && !self.is_known(w)))
            .collect();
        let spell = |replace: &[(usize, &str)]| -> String {
            let mut out: Vec<&str> = Vec::with_capacity(tokens.len());
            for (i, token) in tokens.iter().enumerate() {
                match replace.iter().find(|(j, _)| *j == i) {
                    Some((_, w)) => out.push(w),
                    None => out.push(match token {
                        QueryToken::Word { toned, .. } => toned,
                        QueryToken::Cjk(run) => run,
                    }),
                }
            }
            out.join(" ")
        };
        let finds = |text: &str| self.search(text).is_some_and(|hits| !hits.is_empty());
        // How well a corrected query matches: its best hit's strength (a name beats a
        // description), 0 if it finds nothing.
        let quality = |text: &str| {
            self.search(text)
                .and_then(|hits| hits.first().map(|h| super::strength(h.score)))
                .unwrap_or(0)
        };
        // Of the corrections tried, the one that matches best; the first of equals.
        let mut best: Option<(u32, String)> = None;
        let consider = |text: String, best: &mut Option<(u32, String)>| {
            let q = quality(&text);
            if q > 0 && best.as_ref().is_none_or(|(b, _)| q > *b) {
                *best = Some((q, text));
            }
        };

        let mut trials = 0;
        if unknown.is_empty() {
            if finds(query) {
                return None;
            }
            // Every word is known, but not together: one word at a time.
            let mut tries: Vec<(usize, &Candidate)> = candidates
                .iter()
                .enumerate()
                .flat_map(|(i, c)| c.iter().take(CANDIDATES_PER_WORD).map(move |c| (i, c)))
                .collect();
            tries.sort_by(|a, b| a.1.distance.cmp(&b.1.distance).then(b.1.weight.cmp(&a.1.weight)));
            for (i, candidate) in tries.into_iter().take(MAX_TRIALS) {
                consider(spell(&[(i, &candidate.word)]), &mut best);
            }
            return best.map(|(_, text)| text);
        }
        // Unknown words: each replaced by its nearest, then by the next nearest, the first
        // word's fastest; the correction that matches best wins.
        if unknown.iter().any(|&i| candidates[i].is_empty()) {
            return None;
        }
        let mut choice: Vec<usize> = vec![0; unknown.len()];
        loop {
            let replace: Vec<(usize, &str)> = unknown
                .iter()
                .zip(&choice)
                .map(|(&i, &c)| (i, candidates[i][c].word.as_str()))
                .collect();
            consider(spell(&replace), &mut best);
            trials += 1;
            // The next combination, the first word's candidates varying fastest.
            let mut k = 0;
            loop {
                if k == unknown.len() || trials >= MAX_TRIALS {
                    return best.map(|(_, text)| text);
                }
                choice[k] += 1;
                if choice[k] < candidates[unknown[k]].len().min(CANDIDATES_PER_WORD) {
                    break;
                }
                choice[k] = 0;
                k += 1;
            }
        }
    }

    /// Up to `max` categories to offer for a query that found little: those its words (or
    /// words near them) name, then those of the products the "did you mean" finds, then the
    /// largest. Only categories with products.
    pub fn nearest_categories(&self, query: &str, max: usize) -> Vec<Category> {
        let mut out: Vec<Category> = Vec::new();
        // A mask's categories, the largest first.
        let add = |mask: u32, out: &mut Vec<Category>| {
            let mut categories: Vec<Category> = Category::of_mask(mask).collect();
            categories.sort_by_key(|c| std::cmp::Reverse(self.category_count(*c)));
            for c in categories {
                if out.len() < max && !out.contains(&c) && self.category_count(c) > 0 {
                    out.push(c);
                }
            }
        };
        // Named by the query's words, exactly or nearly.
        let parsed = super::Query::parse(query, &self.lexicon);
        for term in &parsed.terms {
            add(term.categories() & !GROUPS, &mut out);
        }
        for term in parsed.terms.iter().filter(|t| !t.cjk) {
            let w = term.folded.as_str();
            if w.chars().count() < MIN_CORRECTED_CHARS {
                continue;
            }
            let max_distance = max_distance(w);
            let chars: Vec<char> = w.chars().collect();
            for (word, mask) in self.lexicon.words() {
                let other: Vec<char> = word.chars().collect();
                if within_distance(&chars, &other, max_distance) {
                    add(mask & !GROUPS, &mut out);
                }
            }
        }
        // Those of what "did you mean" finds, most frequent first.
        if let Some(hits) = self.did_you_mean(query).and_then(|text| self.search(&text)) {
            let mut counts = [0usize; 32];
            for hit in &hits {
                let mask = self.product_categories[hit.index] & !GROUPS;
                for (bit, count) in counts.iter_mut().enumerate() {
                    *count += (mask >> bit & 1) as usize;
                }
            }
            let mut bits: Vec<usize> = (0..32).filter(|&b| counts[b] > 0).collect();
            bits.sort_by_key(|&b| std::cmp::Reverse(counts[b]));
            for b in bits {
                add(1 << b, &mut out);
            }
        }
        // The largest subcategories.
        let mut bits: Vec<usize> = (0..32).filter(|&b| GROUPS >> b & 1 == 0).collect();
        bits.sort_by_key(|&b| std::cmp::Reverse(self.category_counts[b]));
        for b in bits {
            add(1 << b, &mut out);
        }
        out
    }

    /// How many products the index holds in a category.
    pub fn category_count(&self, category: Category) -> usize {
        category.bit().map_or(0, |bit| {
            self.category_counts[bit.trailing_zeros() as usize] as usize
        })
    }

    /// Whether some known word starts with `word` (a folded word).
    fn is_known(&self, word: &str) -> bool {
        let count = self.terms.len();
        let start = super::partition_point(0..count, |i| self.terms.get(i) < word);
        (start < count && self.terms.get(start).starts_with(word))
            || self.lexicon.words().any(|(w, _)| w.starts_with(word))
    }

    /// Known words within reach of `word`, nearest and most common first.
    fn nearest_words(&self, word: &str) -> Vec<Candidate> {
        let max = max_distance(word);
        let mut query_chars = ['\0'; MAX_TYPO_WORD];
        let mut word_chars = ['\0'; MAX_TYPO_WORD + 2];
        let Some(query_len) = fill_chars(word, &mut query_chars) else {
            return Vec::new();
        };
        let query = &query_chars[..query_len];
        let signature = letter_signature(word);
        let mut found: Vec<Candidate> = Vec::new();
        let mut consider = |other: &str, weight: usize, found: &mut Vec<Candidate>| {
            if other == word
                || other.chars().count() < MIN_CORRECTED_CHARS
                || other.chars().any(|c| c.is_numeric() || is_cjk(c))
            {
                return;
            }
            let Some(len) = fill_chars(other, &mut word_chars) else {
                return;
            };
            let distance = (0..=max).find(|&d| within_distance(query, &word_chars[..len], d));
            if let Some(distance) = distance {
                match found.iter_mut().find(|c| c.word == other) {
                    Some(c) => c.weight += weight,
                    None => found.push(Candidate {
                        word: other.to_string(),
                        distance,
                        weight,
                    }),
                }
            }
        };
        for length in query_len.saturating_sub(max)..=query_len + max {
            let Some(bucket) = self
                .length_start
                .get(length + 1)
                .map(|&end| self.length_start[length] as usize..end as usize)
            else {
                continue;
            };
            for &t in &self.by_length[bucket] {
                let t = t as usize;
                let other = self.term_signature[t];
                if (signature & !other).count_ones() as usize > max
                    || (other & !signature).count_ones() as usize > max
                {
                    continue;
                }
                let weight = (self.posting_start[t + 1] - self.posting_start[t]) as usize;
                consider(self.terms.get(t), weight, &mut found);
            }
        }
        for (other, mask) in self.lexicon.words() {
            let weight = Category::of_mask(mask).map(|c| self.category_count(c)).sum();
            consider(other, weight, &mut found);
        }
        found.sort_by(|a, b| {
            a.distance
                .cmp(&b.distance)
                .then(b.weight.cmp(&a.weight))
                .then(a.word.cmp(&b.word))
        });
        found
    }
}

/// The groups' bits: a group is broad, so suggestions name subcategories.
const GROUPS: u32 = (1 << crate::model::ProductGroup::ALL.len()) - 1;

/// Edits allowed when looking for a word near `word`: one up to 5 letters, two from 6.
fn max_distance(word: &str) -> usize {
    if word.chars().count() >= 6 {
        2
    } else {
        1
    }
}
