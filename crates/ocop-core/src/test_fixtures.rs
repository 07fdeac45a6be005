//! Data shared by the unit tests of several modules.

use crate::validate::parse_and_validate;
use crate::Dataset;

/// The dataset the app ships with (`public/data/ocop-quang-ninh.json`), parsed and validated
/// with the default limits: the rules are checked against the real catalogue, not only
/// against hand-made fixtures.
pub(crate) fn bundled() -> Dataset {
    let text = include_str!("../../../public/data/ocop-quang-ninh.json");
    parse_and_validate(text, &Default::default())
        .expect("bundled dataset loads")
        .dataset
}
