//! Kiosk mode rules: when an unattended kiosk warns that it will start over, when it does,
//! and what its attract screen shows.
//!
//! A kiosk stands at a tourist site with a new visitor every few minutes. After
//! [`KioskConfig::idle_seconds`] without a touch it shows a countdown of
//! [`KioskConfig::countdown_seconds`] (never less than [`MIN_COUNTDOWN_SECONDS`], so a
//! visitor reading a product page has time to notice and tap), then starts over: list,
//! trip, filters, language and scroll position are cleared so the next visitor never sees
//! the last one's choices. The page feeds [`idle_phase`] the time since the last touch; the
//! rule is here so it is tested without a browser or a clock.
//!
//! ```
//! use ocop_core::kiosk::{idle_phase, IdlePhase, KioskConfig};
//! let config = KioskConfig::default(); // 90 s idle, then a 20 s countdown
//! assert_eq!(idle_phase(&config, 30_000), IdlePhase::Active);
//! assert_eq!(idle_phase(&config, 95_000), IdlePhase::Countdown { seconds_left: 15 });
//! assert_eq!(idle_phase(&config, 110_000), IdlePhase::Reset);
//! ```

mod home;
mod settings;

pub use home::{
    home_tiles, nearby_places, nearby_routes, take_away_link, take_away_module_px, HomeTiles, Nearby,
    TAKE_AWAY_MAX_MODULE_PX, TAKE_AWAY_MIN_MODULE_PX, TAKE_AWAY_QR_PX,
};
pub use settings::{KioskConfig, Location, MIN_TAKE_AWAY_SECONDS};

use crate::model::{Dataset, Rating};

/// Shorter countdowns are raised to this: WCAG 2.2.1 asks for at least 20 seconds to react
/// to a time limit.
pub const MIN_COUNTDOWN_SECONDS: u32 = 20;
/// Shorter idle periods are raised to this, so a slow reader is not interrupted mid-page.
pub const MIN_IDLE_SECONDS: u32 = 10;

/// Where an unattended kiosk is, given the time since the last touch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdlePhase {
    Active,
    /// The warning is on screen; the kiosk starts over when this reaches zero.
    Countdown {
        seconds_left: u32,
    },
    /// Time to start over.
    Reset,
}

/// The phase after `idle_ms` milliseconds without a touch.
pub fn idle_phase(config: &KioskConfig, idle_ms: u64) -> IdlePhase {
    let warn_at = config.idle_ms();
    let reset_at = warn_at + config.countdown_ms();
    if idle_ms < warn_at {
        IdlePhase::Active
    } else if idle_ms < reset_at {
        // Rounded up: the screen shows "1" until the very end, never "0" while waiting.
        let left_ms = reset_at - idle_ms;
        IdlePhase::Countdown {
            seconds_left: left_ms.div_ceil(1000) as u32,
        }
    } else {
        IdlePhase::Reset
    }
}

/// What the attract screen rotates through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Featured {
    /// Index into `dataset.products`.
    Product(usize),
    /// Index into `dataset.routes`.
    Route(usize),
}

/// Featured items for the attract screen: products with the best stated ratings (national
/// 5★ first, then 5★, then 4★; at most `max_products`, dataset order within a rating),
/// interleaved with every curated route so both kinds keep coming round. A certificate that
/// has lapsed by `this_month` (`YYYY-MM`, [`Rating::lapse`]) puts its product after every
/// valid one: the first slide a passer-by sees is never a rating that no longer holds.
pub fn featured(dataset: &Dataset, max_products: usize, this_month: &str) -> Vec<Featured> {
    let rank = |rating: &Rating| {
        let rank = match rating.stars {
            Some(5) if rating.is_national() => 0,
            Some(5) => 1,
            Some(4) => 2,
            _ => return None,
        };
        Some(if rating.lapse(this_month).is_some() {
            rank + 3
        } else {
            rank
        })
    };
    let mut products: Vec<(u8, usize)> = dataset
        .products
        .iter()
        .enumerate()
        .filter_map(|(i, p)| rank(&p.rating).map(|r| (r, i)))
        .collect();
    products.sort();
    products.truncate(max_products);
    let mut routes = (0..dataset.routes.len()).map(Featured::Route);
    let mut out = Vec::new();
    for (n, (_, product)) in products.into_iter().enumerate() {
        out.push(Featured::Product(product));
        // A route after every second product.
        if n % 2 == 1 {
            out.extend(routes.next());
        }
    }
    out.extend(routes);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::bundled;

    #[test]
    fn the_countdown_starts_after_the_idle_period_and_counts_whole_seconds_down() {
        let config = KioskConfig {
            idle_seconds: 90,
            countdown_seconds: 20,
            attract_seconds: 7,
            ..KioskConfig::default()
        };
        assert_eq!(idle_phase(&config, 0), IdlePhase::Active);
        assert_eq!(idle_phase(&config, 89_999), IdlePhase::Active);
        assert_eq!(
            idle_phase(&config, 90_000),
            IdlePhase::Countdown { seconds_left: 20 }
        );
        assert_eq!(
            idle_phase(&config, 90_001),
            IdlePhase::Countdown { seconds_left: 20 }
        );
        assert_eq!(
            idle_phase(&config, 109_999),
            IdlePhase::Countdown { seconds_left: 1 }
        );
        assert_eq!(idle_phase(&config, 110_000), IdlePhase::Reset);
        assert_eq!(idle_phase(&config, u64::MAX), IdlePhase::Reset);
    }

    #[test]
    fn too_short_settings_are_raised_to_the_minimums() {
        let config = KioskConfig {
            idle_seconds: 1,
            countdown_seconds: 0,
            attract_seconds: 0,
            take_away_seconds: 0,
            ..KioskConfig::default()
        };
        assert_eq!(config.idle_ms(), 10_000);
        assert_eq!(config.countdown_ms(), 20_000);
        assert_eq!(config.attract_ms(), 3_000);
        assert_eq!(config.take_away_ms(), 20_000);
        assert_eq!(idle_phase(&config, 9_999), IdlePhase::Active);
        assert_eq!(
            idle_phase(&config, 10_000),
            IdlePhase::Countdown { seconds_left: 20 }
        );
    }

    #[test]
    fn config_fields_are_optional() {
        let config: KioskConfig = serde_json::from_str(r#"{"idle_seconds": 120}"#).unwrap();
        let config = config.resolved();
        assert_eq!(config.idle_seconds, 120);
        assert_eq!(config.countdown_seconds, 20);
    }

    #[test]
    fn featured_puts_national_products_first_and_interleaves_routes() {
        let data = bundled();
        let items = featured(&data, 8, "2026-12");
        let products: Vec<usize> = items
            .iter()
            .filter_map(|f| match f {
                Featured::Product(p) => Some(*p),
                Featured::Route(_) => None,
            })
            .collect();
        assert!(!products.is_empty() && products.len() <= 8);
        assert!(
            data.products[products[0]].rating.is_national()
                || !data.products.iter().any(|p| p.rating.is_national())
        );
        // Valid certificates first, each group by stars.
        let lapsed = |p: usize| data.products[p].rating.lapse("2026-12").is_some();
        for pair in products.windows(2) {
            let stars = |p: usize| data.products[p].rating.stars.unwrap();
            assert!(
                lapsed(pair[1]) || !lapsed(pair[0]),
                "a lapsed rating before a valid one"
            );
            assert!(lapsed(pair[1]) != lapsed(pair[0]) || stars(pair[0]) >= stars(pair[1]));
        }
        assert!(!lapsed(products[0]));
        // Every route comes round, and never two routes in a row while products remain.
        let routes = items.iter().filter(|f| matches!(f, Featured::Route(_))).count();
        assert_eq!(routes, data.routes.len());
        assert!(matches!(items[0], Featured::Product(_)));
        assert!(matches!(items[2], Featured::Route(_)));
    }
}
