//! The quickest visiting order for a trip, with the first stop locked.
//!
//! "My trip" offers an *Optimise order* button. The visitor starts from the first stop (their
//! hotel, the place they are standing) and ends wherever the day ends, so this is an **open
//! path** problem: the first stop is fixed, the last is free, and the trip does not return.
//! Costs are estimated minutes from [`crate::network::Network::time_matrix`]; the matrix may be
//! asymmetric in principle, so nothing here assumes `cost[a][b] == cost[b][a]`.
//!
//! # Exact when small, heuristic when large
//!
//! Real trips have a handful of stops. Up to [`EXACT_LIMIT`] stops the order is found exactly
//! by Held–Karp dynamic programming: the best path from the first stop through each subset of
//! the other stops, ending at each of them. With 11 free stops that is 2¹¹ × 11 states and
//! about 250 000 steps, instant even in WebAssembly, whereas trying all 11! = 40 million orders
//! would not be. Beyond that (a long shopping list imported as a trip), [`optimise_heuristic`]
//! builds a nearest-neighbour path from the first stop and polishes it with 2-opt (reverse a
//! stretch) and Or-opt (move one to three consecutive stops elsewhere) until no move helps,
//! within a fixed work budget so even hundreds of stops take milliseconds. The same polish is
//! also applied to the visitor's own order, and the better result wins.
//!
//! # Never worse, and stable
//!
//! The result is never worse than the order the visitor had: if the input is cheaper or equal
//! (within a rounding tolerance of 10⁻¹² of the largest cost), the input comes back unchanged.
//! So pressing the button twice does nothing the second time, and equal-cost alternatives
//! never shuffle the visitor's list for no gain.
//!
//! # Bad input
//!
//! * A cost that is NaN or −∞, or missing (a ragged row), means "unreachable" and counts as
//!   +∞ in [`path_cost`]. While searching, every unreachable edge is replaced by one finite
//!   penalty larger than any path of reachable edges, so the search still prefers fewer
//!   unreachable edges and its arithmetic never produces NaN.
//! * If `order` is not a permutation of `0..n`, or the matrix is not `n × n` with
//!   `n = order.len()`, the input order is returned unchanged with `exact: false`.
//! * Zero, one or two stops have only one open path with the first stop fixed: the input is
//!   returned with `exact: true`.

/// Up to this many stops (first included), the order is found exactly by Held–Karp.
pub const EXACT_LIMIT: usize = 12;

/// Relative rounding tolerance: an order must beat another by more than this times the
/// largest finite cost to count as better.
const RELATIVE_TOLERANCE: f64 = 1e-12;
/// At most this many full rounds of 2-opt and Or-opt per starting path.
const MAX_ROUNDS: usize = 100;
/// At most this many candidate moves evaluated per starting path (bounds the time for any n:
/// a few milliseconds natively).
const MOVE_BUDGET: usize = 4_000_000;

/// A visiting order and its cost.
#[derive(Clone, Debug, PartialEq)]
pub struct Optimised {
    /// Indices into the cost matrix; `order[0]` is the input's first stop.
    pub order: Vec<usize>,
    /// [`path_cost`] of `order` (+∞ if it uses an unreachable edge).
    pub cost: f64,
    /// Whether `order` is proven optimal (Held–Karp, or too few stops to choose from).
    pub exact: bool,
}

/// The cost of visiting `order` in turn (no return to the start); 0 for fewer than two stops.
/// An edge that is NaN, −∞ or outside the matrix counts as +∞, so the result is never NaN.
pub fn path_cost(cost: &[Vec<f64>], order: &[usize]) -> f64 {
    order
        .windows(2)
        .map(|pair| edge_cost(cost, pair[0], pair[1]))
        .sum()
}

fn edge_cost(cost: &[Vec<f64>], from: usize, to: usize) -> f64 {
    match cost.get(from).and_then(|row| row.get(to)) {
        Some(&c) if !c.is_nan() && c != f64::NEG_INFINITY => c,
        _ => f64::INFINITY,
    }
}

/// The best order with `order[0]` kept first: exact up to [`EXACT_LIMIT`] stops, heuristic
/// beyond. Never worse than `order`; see the module docs.
pub fn optimise(cost: &[Vec<f64>], order: &[usize]) -> Optimised {
    if !is_valid(cost, order) {
        return unchanged(cost, order, false);
    }
    if order.len() <= 2 {
        return unchanged(cost, order, true);
    }
    if order.len() > EXACT_LIMIT {
        return optimise_heuristic(cost, order);
    }
    let costs = Costs::new(cost);
    let candidate = held_karp(&costs, order);
    finish(cost, &costs, order, candidate, true)
}

/// Nearest neighbour from the first stop, then 2-opt and Or-opt, also applied to `order`
/// itself; the best result, never worse than `order`. `exact` is false unless there are at
/// most two stops. Used by [`optimise`] above [`EXACT_LIMIT`] stops; public for tests.
pub fn optimise_heuristic(cost: &[Vec<f64>], order: &[usize]) -> Optimised {
    if !is_valid(cost, order) {
        return unchanged(cost, order, false);
    }
    if order.len() <= 2 {
        return unchanged(cost, order, true);
    }
    let costs = Costs::new(cost);
    let mut from_nearest = nearest_neighbour(&costs, order);
    improve(&costs, &mut from_nearest);
    let mut from_input = order.to_vec();
    improve(&costs, &mut from_input);
    let candidate = if costs.is_better(&from_nearest, &from_input) {
        from_nearest
    } else {
        from_input
    };
    finish(cost, &costs, order, candidate, false)
}

fn unchanged(cost: &[Vec<f64>], order: &[usize], exact: bool) -> Optimised {
    Optimised {
        order: order.to_vec(),
        cost: path_cost(cost, order),
        exact,
    }
}

/// Returns `candidate` only if it beats `input`, otherwise `input` unchanged.
fn finish(
    cost: &[Vec<f64>],
    costs: &Costs,
    input: &[usize],
    candidate: Vec<usize>,
    exact: bool,
) -> Optimised {
    let order = if costs.is_better(&candidate, input) {
        candidate
    } else {
        input.to_vec()
    };
    Optimised {
        cost: path_cost(cost, &order),
        order,
        exact,
    }
}

/// `order` is a permutation of `0..n` and `cost` is `n × n`.
fn is_valid(cost: &[Vec<f64>], order: &[usize]) -> bool {
    let n = order.len();
    if cost.len() != n || cost.iter().any(|row| row.len() != n) {
        return false;
    }
    let mut seen = vec![false; n];
    order
        .iter()
        .all(|&stop| stop < n && !std::mem::replace(&mut seen[stop], true))
}

/// A dense copy of a valid matrix in which unreachable edges cost a finite penalty.
struct Costs {
    n: usize,
    values: Vec<f64>,
    /// Improvements smaller than this are rounding noise.
    tolerance: f64,
}

impl Costs {
    fn new(cost: &[Vec<f64>]) -> Self {
        let n = cost.len();
        let largest = cost
            .iter()
            .flatten()
            .filter(|c| c.is_finite())
            .fold(0.0_f64, |m, c| m.max(c.abs()));
        // Any path has n - 1 edges, so its reachable part lies within ±(n - 1) × largest;
        // a penalty above twice that makes one more unreachable edge always worse. Capped so
        // sums of n penalties stay finite.
        let penalty = (2.0 * n as f64 * largest + 1.0).min(f64::MAX / (2.0 * (n as f64 + 1.0)));
        let values = (0..n)
            .flat_map(|from| (0..n).map(move |to| (from, to)))
            .map(|(from, to)| {
                let c = edge_cost(cost, from, to);
                if c.is_finite() {
                    c
                } else {
                    penalty
                }
            })
            .collect();
        Costs {
            n,
            values,
            tolerance: RELATIVE_TOLERANCE * largest,
        }
    }

    fn at(&self, from: usize, to: usize) -> f64 {
        self.values[from * self.n + to]
    }

    /// Like `at`, for an optional next stop (none at the open end of the path).
    fn to_next(&self, from: usize, next: Option<usize>) -> f64 {
        next.map_or(0.0, |to| self.at(from, to))
    }

    fn path(&self, order: &[usize]) -> f64 {
        order.windows(2).map(|pair| self.at(pair[0], pair[1])).sum()
    }

    fn is_better(&self, candidate: &[usize], incumbent: &[usize]) -> bool {
        self.path(candidate) < self.path(incumbent) - self.tolerance
    }
}

/// Held–Karp for an open path from `order[0]` through all other stops (valid input, 3 ≤ n ≤
/// [`EXACT_LIMIT`]). `best[subset][last]` is the cheapest path from the first stop through
/// exactly the free stops in `subset`, ending at `last`.
fn held_karp(costs: &Costs, order: &[usize]) -> Vec<usize> {
    let first = order[0];
    let free = &order[1..];
    let k = free.len();
    let subsets = 1usize << k;
    let state = |subset: usize, last: usize| subset * k + last;
    let mut best = vec![f64::INFINITY; subsets * k];
    let mut came_from = vec![usize::MAX; subsets * k];
    for (last, &stop) in free.iter().enumerate() {
        best[state(1 << last, last)] = costs.at(first, stop);
    }
    // Every subset is smaller than its supersets, so increasing order visits it first.
    for subset in 1..subsets {
        for last in (0..k).filter(|&last| subset & (1 << last) != 0) {
            let so_far = best[state(subset, last)];
            if so_far == f64::INFINITY {
                continue;
            }
            for next in (0..k).filter(|&next| subset & (1 << next) == 0) {
                let extended = state(subset | (1 << next), next);
                let cost = so_far + costs.at(free[last], free[next]);
                if cost < best[extended] {
                    best[extended] = cost;
                    came_from[extended] = last;
                }
            }
        }
    }
    let everything = subsets - 1;
    let mut last = (0..k).fold(0, |a, b| {
        if best[state(everything, b)] < best[state(everything, a)] {
            b
        } else {
            a
        }
    });
    let mut subset = everything;
    let mut reversed = Vec::with_capacity(k + 1);
    while last != usize::MAX {
        reversed.push(free[last]);
        let previous = came_from[state(subset, last)];
        subset &= !(1 << last);
        last = previous;
    }
    reversed.push(first);
    reversed.reverse();
    reversed
}

/// From the first stop, always go to the nearest stop not yet visited (ties: the one earlier
/// in `order`).
fn nearest_neighbour(costs: &Costs, order: &[usize]) -> Vec<usize> {
    let mut path = Vec::with_capacity(order.len());
    path.push(order[0]);
    let mut remaining = order[1..].to_vec();
    let mut here = order[0];
    while !remaining.is_empty() {
        let nearest = (1..remaining.len()).fold(0, |best, i| {
            if costs.at(here, remaining[i]) < costs.at(here, remaining[best]) {
                i
            } else {
                best
            }
        });
        here = remaining.remove(nearest);
        path.push(here);
    }
    path
}

/// 2-opt and Or-opt rounds until neither improves, or the round or move budget runs out.
fn improve(costs: &Costs, path: &mut Vec<usize>) {
    let mut moves_left = MOVE_BUDGET;
    for _ in 0..MAX_ROUNDS {
        let reversed = two_opt_pass(costs, path, &mut moves_left);
        let moved = or_opt_pass(costs, path, &mut moves_left);
        if !(reversed || moved) || moves_left == 0 {
            break;
        }
    }
}

/// One sweep of 2-opt for an open path: reverse `path[i..=k]` for 1 ≤ i < k (position 0 is
/// locked; k may be the last stop, which simply turns the tail around). In an asymmetric
/// matrix the reversed stretch changes cost too, so the sums of its edges in both directions
/// are kept as `k` grows, making each candidate O(1). Returns whether anything improved.
fn two_opt_pass(costs: &Costs, path: &mut [usize], moves_left: &mut usize) -> bool {
    let n = path.len();
    let mut improved = false;
    for i in 1..n.saturating_sub(1) {
        let mut forward = 0.0;
        let mut backward = 0.0;
        for k in i + 1..n {
            if *moves_left == 0 {
                return improved;
            }
            *moves_left -= 1;
            forward += costs.at(path[k - 1], path[k]);
            backward += costs.at(path[k], path[k - 1]);
            let before_entry = path[i - 1];
            let after_exit = path.get(k + 1).copied();
            let old = costs.at(before_entry, path[i]) + forward + costs.to_next(path[k], after_exit);
            let new = costs.at(before_entry, path[k]) + backward + costs.to_next(path[i], after_exit);
            if new < old - costs.tolerance {
                path[i..=k].reverse();
                std::mem::swap(&mut forward, &mut backward);
                improved = true;
            }
        }
    }
    improved
}

/// One sweep of Or-opt: move each run of 1–3 consecutive stops (never the locked first) to
/// the best place elsewhere in the path, in the same direction. Returns whether anything
/// improved.
fn or_opt_pass(costs: &Costs, path: &mut Vec<usize>, moves_left: &mut usize) -> bool {
    let n = path.len();
    let mut improved = false;
    for run in 1..=3 {
        let mut start = 1;
        while start + run <= n {
            let (head, tail) = (path[start], path[start + run - 1]);
            let before = path[start - 1];
            let after = path.get(start + run).copied();
            let saved = costs.at(before, head) + costs.to_next(tail, after) - costs.to_next(before, after);
            // Insert after `path[gap]`, for every gap not touching the run.
            let mut best: Option<(usize, f64)> = None;
            for gap in (0..n).filter(|&gap| gap + 1 < start || gap >= start + run) {
                if *moves_left == 0 {
                    return improved;
                }
                *moves_left -= 1;
                let (left, right) = (path[gap], path.get(gap + 1).copied());
                let added = costs.at(left, head) + costs.to_next(tail, right) - costs.to_next(left, right);
                let change = added - saved;
                if change < -costs.tolerance && best.is_none_or(|(_, best_change)| change < best_change) {
                    best = Some((gap, change));
                }
            }
            if let Some((gap, _)) = best {
                let moved: Vec<usize> = path.drain(start..start + run).collect();
                let insert_at = if gap < start { gap + 1 } else { gap + 1 - run };
                path.splice(insert_at..insert_at, moved);
                improved = true;
            }
            start += 1;
        }
    }
    improved
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny deterministic generator (xorshift64) so the random tests are reproducible.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        /// Uniform in [0, 1).
        fn unit(&mut self) -> f64 {
            (self.next() >> 11) as f64 / (1u64 << 53) as f64
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }

        fn shuffled(&mut self, n: usize) -> Vec<usize> {
            let mut order: Vec<usize> = (0..n).collect();
            for i in (1..n).rev() {
                order.swap(i, self.below(i + 1));
            }
            order
        }
    }

    fn euclidean(points: &[(f64, f64)]) -> Vec<Vec<f64>> {
        points
            .iter()
            .map(|a| points.iter().map(|b| (a.0 - b.0).hypot(a.1 - b.1)).collect())
            .collect()
    }

    fn random_euclidean(rng: &mut XorShift, n: usize) -> Vec<Vec<f64>> {
        let points: Vec<_> = (0..n).map(|_| (rng.unit() * 100.0, rng.unit() * 100.0)).collect();
        euclidean(&points)
    }

    fn random_asymmetric(rng: &mut XorShift, n: usize) -> Vec<Vec<f64>> {
        (0..n)
            .map(|i| {
                (0..n)
                    .map(|j| if i == j { 0.0 } else { rng.unit() * 100.0 })
                    .collect()
            })
            .collect()
    }

    /// The optimum over all orders of the free stops, by trying every permutation.
    fn brute_force(cost: &[Vec<f64>], order: &[usize]) -> f64 {
        fn permute(cost: &[Vec<f64>], prefix: &mut Vec<usize>, rest: &mut Vec<usize>, best: &mut f64) {
            if rest.is_empty() {
                *best = best.min(path_cost(cost, prefix));
                return;
            }
            for i in 0..rest.len() {
                let stop = rest.remove(i);
                prefix.push(stop);
                permute(cost, prefix, rest, best);
                prefix.pop();
                rest.insert(i, stop);
            }
        }
        let mut best = f64::INFINITY;
        permute(cost, &mut vec![order[0]], &mut order[1..].to_vec(), &mut best);
        best
    }

    fn assert_permutation_with_first_kept(result: &[usize], input: &[usize]) {
        assert_eq!(result.first(), input.first());
        let mut sorted = result.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..input.len()).collect::<Vec<_>>());
    }

    #[test]
    fn exact_matches_brute_force_on_small_random_instances() {
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        for n in 1..=8 {
            for instance in 0..40 {
                let cost = if instance % 2 == 0 {
                    random_euclidean(&mut rng, n)
                } else {
                    random_asymmetric(&mut rng, n)
                };
                let order = rng.shuffled(n);
                let result = optimise(&cost, &order);
                assert!(result.exact);
                assert_permutation_with_first_kept(&result.order, &order);
                let optimum = brute_force(&cost, &order);
                assert!(
                    (result.cost - optimum).abs() <= 1e-9,
                    "n={n}: {} vs {optimum}",
                    result.cost
                );
                assert_eq!(result.cost, path_cost(&cost, &result.order));
            }
        }
    }

    #[test]
    fn exact_handles_the_largest_exact_size() {
        let mut rng = XorShift(42);
        let cost = random_asymmetric(&mut rng, EXACT_LIMIT);
        let order = rng.shuffled(EXACT_LIMIT);
        let result = optimise(&cost, &order);
        assert!(result.exact);
        assert_permutation_with_first_kept(&result.order, &order);
        assert!(result.cost <= path_cost(&cost, &order));
        let heuristic = optimise_heuristic(&cost, &order);
        assert!(result.cost <= heuristic.cost + 1e-9);
    }

    #[test]
    fn above_the_exact_limit_the_heuristic_is_used() {
        let mut rng = XorShift(7);
        let cost = random_euclidean(&mut rng, EXACT_LIMIT + 1);
        let order: Vec<usize> = (0..=EXACT_LIMIT).collect();
        assert!(!optimise(&cost, &order).exact);
    }

    #[test]
    fn heuristic_is_never_worse_than_the_input() {
        let mut rng = XorShift(0xDEAD_BEEF);
        for n in 13..=40 {
            for instance in 0..4 {
                let cost = if instance % 2 == 0 {
                    random_euclidean(&mut rng, n)
                } else {
                    random_asymmetric(&mut rng, n)
                };
                let order = rng.shuffled(n);
                let result = optimise_heuristic(&cost, &order);
                assert!(!result.exact);
                assert_permutation_with_first_kept(&result.order, &order);
                assert!(result.cost <= path_cost(&cost, &order), "n={n}");
                // Polishing an already polished order changes nothing.
                assert_eq!(optimise_heuristic(&cost, &result.order).order, result.order);
            }
        }
    }

    #[test]
    fn heuristic_finds_the_optimum_on_a_line() {
        let mut rng = XorShift(123);
        for n in [13, 20, 31, 40] {
            let xs: Vec<f64> = (0..n).map(|_| rng.unit() * 50.0).collect();
            let points: Vec<_> = xs.iter().map(|&x| (x, 0.0)).collect();
            let cost = euclidean(&points);
            let (lo, hi) = xs
                .iter()
                .fold((f64::MAX, f64::MIN), |(lo, hi), &x| (lo.min(x), hi.max(x)));
            for order in [rng.shuffled(n), (0..n).rev().collect()] {
                let start = xs[order[0]];
                // Go to the nearer end first, then sweep to the other.
                let optimum = (start - lo).min(hi - start) + (hi - lo);
                let result = optimise_heuristic(&cost, &order);
                assert!(
                    (result.cost - optimum).abs() <= 1e-9,
                    "n={n}: {} vs {optimum}",
                    result.cost
                );
            }
        }
    }

    #[test]
    fn ties_keep_the_input_order() {
        for n in [3, 5, EXACT_LIMIT, 15, 30] {
            let flat = vec![vec![1.0; n]; n];
            let order: Vec<usize> = (0..n).rev().collect();
            assert_eq!(optimise(&flat, &order).order, order);
            assert_eq!(optimise_heuristic(&flat, &order).order, order);
        }
        // Starting in the middle of a symmetric line: left-then-right equals right-then-left.
        let cost = euclidean(&[(-1.0, 0.0), (0.0, 0.0), (1.0, 0.0)]);
        for order in [vec![1, 0, 2], vec![1, 2, 0]] {
            let result = optimise(&cost, &order);
            assert_eq!(result.order, order);
            assert_eq!(result.cost, 3.0);
        }
    }

    #[test]
    fn two_hundred_stops_finish() {
        let mut rng = XorShift(2024);
        let cost = random_euclidean(&mut rng, 200);
        let order = rng.shuffled(200);
        let result = optimise(&cost, &order);
        assert_permutation_with_first_kept(&result.order, &order);
        assert!(result.cost < path_cost(&cost, &order));
    }

    #[test]
    fn trivial_sizes_return_the_input() {
        assert_eq!(
            optimise(&[], &[]),
            Optimised {
                order: vec![],
                cost: 0.0,
                exact: true
            }
        );
        assert_eq!(
            optimise(&[vec![0.0]], &[0]),
            Optimised {
                order: vec![0],
                cost: 0.0,
                exact: true
            }
        );
        let two = vec![vec![0.0, 5.0], vec![1.0, 0.0]];
        assert_eq!(
            optimise(&two, &[1, 0]),
            Optimised {
                order: vec![1, 0],
                cost: 1.0,
                exact: true
            }
        );
        assert_eq!(optimise_heuristic(&two, &[0, 1]).order, vec![0, 1]);
    }

    #[test]
    fn invalid_input_is_returned_unchanged() {
        let cost = vec![vec![0.0; 3]; 3];
        for order in [vec![0, 1, 1], vec![0, 1, 3], vec![0, 1], vec![2, 1, 0, 3]] {
            let result = optimise(&cost, &order);
            assert_eq!(result.order, order);
            assert!(!result.exact);
            assert_eq!(optimise_heuristic(&cost, &order).order, order);
        }
        let ragged = vec![vec![0.0, 1.0, 2.0], vec![0.0], vec![0.0, 1.0, 2.0]];
        let result = optimise(&ragged, &[0, 1, 2]);
        assert_eq!(result.order, vec![0, 1, 2]);
        assert_eq!(result.cost, f64::INFINITY);
    }

    #[test]
    fn unreachable_edges_count_as_infinite_and_are_avoided() {
        assert_eq!(
            path_cost(&[vec![0.0, f64::NAN], vec![1.0, 0.0]], &[0, 1]),
            f64::INFINITY
        );
        assert_eq!(
            path_cost(&[vec![0.0, f64::NEG_INFINITY], vec![1.0, 0.0]], &[0, 1]),
            f64::INFINITY
        );
        assert_eq!(path_cost(&[vec![0.0]], &[0, 7]), f64::INFINITY);
        assert_eq!(path_cost(&[], &[]), 0.0);

        let mut rng = XorShift(99);
        for n in [4, 8, 20] {
            let mut cost = random_euclidean(&mut rng, n);
            // Going straight from 0 to 1 is impossible, but every other edge is fine.
            cost[0][1] = f64::NAN;
            cost[1][0] = f64::INFINITY;
            let order: Vec<usize> = (0..n).collect();
            let result = optimise(&cost, &order);
            assert!(result.cost.is_finite(), "n={n}");
            assert_permutation_with_first_kept(&result.order, &order);
        }
        let all_nan = vec![vec![f64::NAN; 5]; 5];
        let result = optimise(&all_nan, &[4, 3, 2, 1, 0]);
        assert_eq!(result.order, vec![4, 3, 2, 1, 0]);
        assert_eq!(result.cost, f64::INFINITY);
    }

    #[test]
    fn asymmetric_costs_are_respected() {
        // Cheap one way round, dear the other.
        let mut cost = vec![vec![10.0; 4]; 4];
        for (from, to) in [(0, 1), (1, 2), (2, 3)] {
            cost[from][to] = 1.0;
        }
        let result = optimise(&cost, &[0, 3, 2, 1]);
        assert_eq!(result.order, vec![0, 1, 2, 3]);
        assert_eq!(result.cost, 3.0);
    }
}
