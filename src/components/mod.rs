pub mod external_link;
pub mod facets;
pub mod header;
pub mod icons;
pub mod labels;
pub mod list_parts;
pub mod map;
pub mod notice;
pub mod product_card;
pub mod pwa;
pub mod qr_code;
pub mod trip_parts;

use crate::i18n::Locale;
use ocop_core::Lang;

/// The content language that goes with an interface locale.
pub fn lang_of(locale: Locale) -> Lang {
    match locale {
        Locale::vi => Lang::Vi,
        Locale::en => Lang::En,
        Locale::zh => Lang::Zh,
    }
}
