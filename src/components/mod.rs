pub mod external_link;
pub mod header;
pub mod icons;
pub mod kiosk;
pub mod labels;
pub mod language_offer;
pub mod list_parts;
pub mod map;
pub mod names;
pub mod notice;
pub mod part_status;
pub mod product_card;
pub mod pwa;
pub mod qr_code;
pub mod tab_bar;
pub mod trip_parts;

pub use crate::state::language::lang_of;
