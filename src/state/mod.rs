//! App state: what every page reads through context — the loaded dataset ([`AppData`]),
//! the visitor's trip, list and visit month ([`Visitor`]), kiosk mode and the language —
//! and how the visitor's documents are kept in localStorage. Below the components, above
//! the browser adapter; it never imports a component or a page (docs/architecture.md).

pub mod app_data;
pub mod hand_over;
pub mod kiosk;
pub mod language;
pub mod notices;
pub mod stored;
pub mod visitor;

pub use app_data::{use_app_data, AppData};
pub use notices::{StorageNotice, Stored};
pub use visitor::{
    provide_visitor, provide_visitor_with, use_visitor, Persistence, Visitor, LIST_KEY, TRIP_KEY,
    VISIT_MONTH_KEY,
};
