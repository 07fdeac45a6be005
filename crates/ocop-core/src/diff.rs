//! What changed between two datasets' products, for a publisher to review before
//! uploading (`cargo xtask data diff OLD NEW`): products added, removed, re-rated (stars,
//! level or evidence changed), renamed, and any other field changed — by id, in Vietnamese
//! and English.

use crate::model::{Dataset, Evidence, Level, Product, Rating};
use std::fmt::Write as _;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DatasetDiff {
    /// Ids and Vietnamese names of products only in the new dataset, in its order.
    pub added: Vec<(String, String)>,
    /// Ids and Vietnamese names of products only in the old dataset, in its order.
    pub removed: Vec<(String, String)>,
    pub rerated: Vec<Rerated>,
    pub renamed: Vec<Renamed>,
    /// Products in both whose other fields changed: id and the field names.
    pub changed: Vec<(String, Vec<&'static str>)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Rerated {
    pub id: String,
    pub old: Rating,
    pub new: Rating,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Renamed {
    pub id: String,
    pub old: String,
    pub new: String,
}

impl DatasetDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.rerated.is_empty()
            && self.renamed.is_empty()
            && self.changed.is_empty()
    }
}

/// Compares the products of `old` and `new` by id.
pub fn diff(old: &Dataset, new: &Dataset) -> DatasetDiff {
    let mut d = DatasetDiff::default();
    for p in &new.products {
        match old.product(&p.id) {
            None => d.added.push((p.id.clone(), p.name.vi.clone())),
            Some(o) => compare(o, p, &mut d),
        }
    }
    for o in &old.products {
        if new.product(&o.id).is_none() {
            d.removed.push((o.id.clone(), o.name.vi.clone()));
        }
    }
    d
}

fn compare(o: &Product, p: &Product, d: &mut DatasetDiff) {
    let (a, b) = (&o.rating, &p.rating);
    if a.stars != b.stars || a.level != b.level || a.evidence != b.evidence {
        d.rerated.push(Rerated {
            id: p.id.clone(),
            old: a.clone(),
            new: b.clone(),
        });
    }
    if o.name != p.name {
        d.renamed.push(Renamed {
            id: p.id.clone(),
            old: o.name.vi.clone(),
            new: p.name.vi.clone(),
        });
    }
    let mut fields = Vec::new();
    let mut check = |name: &'static str, differs: bool| {
        if differs {
            fields.push(name);
        }
    };
    check("group", o.group != p.group);
    check("subcategory", o.subcategory != p.subcategory);
    check("rating.year_rated", a.year_rated != b.year_rated);
    check("rating.valid_until", a.valid_until != b.valid_until);
    check("rating.decision", a.decision != b.decision);
    check("rating.claimed", a.claimed != b.claimed);
    check("producer", o.producer != p.producer);
    check("locality", o.locality != p.locality);
    check("summary", o.summary != p.summary);
    check("description", o.description != p.description);
    check("where_to_buy", o.where_to_buy != p.where_to_buy);
    check("price", o.price != p.price);
    check("season_months", o.season_months != p.season_months);
    check("traceability", o.traceability != p.traceability);
    check("sources", o.sources != p.sources);
    check("images", o.images != p.images);
    if !fields.is_empty() {
        d.changed.push((p.id.clone(), fields));
    }
}

/// A rating as the app's lists show it: `5★ quốc gia` / `5★ national`, `OCOP`, `chưa xác
/// nhận` / `unconfirmed`.
fn rating_label(r: &Rating, vietnamese: bool) -> String {
    let level = match (r.level, vietnamese) {
        (Some(Level::National), true) => " quốc gia",
        (Some(Level::National), false) => " national",
        (Some(Level::Provincial), true) => " tỉnh",
        (Some(Level::Provincial), false) => " provincial",
        (None, _) => "",
    };
    match (r.evidence, r.stars) {
        (Evidence::StarStated, Some(s)) => format!("{s}★{level}"),
        (Evidence::StarStated, None) | (Evidence::OcopStated, _) => format!("OCOP{level}"),
        (Evidence::Unconfirmed, _) if vietnamese => "chưa xác nhận".into(),
        (Evidence::Unconfirmed, _) => "unconfirmed".into(),
    }
}

impl DatasetDiff {
    /// The diff as plain text: each line in Vietnamese, then in English.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        if self.is_empty() {
            out.push_str("Không có thay đổi nào về sản phẩm / No product changes\n");
            return out;
        }
        let _ = writeln!(
            out,
            "Thêm {} · bỏ {} · đổi hạng {} · đổi tên {} · sửa khác {}\nAdded {} · removed {} · re-rated {} · renamed {} · other changes {}",
            self.added.len(),
            self.removed.len(),
            self.rerated.len(),
            self.renamed.len(),
            self.changed.len(),
            self.added.len(),
            self.removed.len(),
            self.rerated.len(),
            self.renamed.len(),
            self.changed.len(),
        );
        if !self.added.is_empty() {
            let _ = writeln!(out, "\nSản phẩm mới / Added:");
            for (id, name) in &self.added {
                let _ = writeln!(out, "  + {id}  {name}");
            }
        }
        if !self.removed.is_empty() {
            let _ = writeln!(out, "\nSản phẩm bị bỏ / Removed:");
            for (id, name) in &self.removed {
                let _ = writeln!(out, "  - {id}  {name}");
            }
        }
        if !self.rerated.is_empty() {
            let _ = writeln!(out, "\nĐổi hạng / Re-rated:");
            for r in &self.rerated {
                let _ = writeln!(
                    out,
                    "  * {}: {} → {}  ({} → {})",
                    r.id,
                    rating_label(&r.old, true),
                    rating_label(&r.new, true),
                    rating_label(&r.old, false),
                    rating_label(&r.new, false)
                );
            }
        }
        if !self.renamed.is_empty() {
            let _ = writeln!(out, "\nĐổi tên / Renamed:");
            for r in &self.renamed {
                let _ = writeln!(out, "  * {}: {:?} → {:?}", r.id, r.old, r.new);
            }
        }
        if !self.changed.is_empty() {
            let _ = writeln!(out, "\nSửa thông tin khác / Other fields changed:");
            for (id, fields) in &self.changed {
                let _ = writeln!(out, "  * {id}: {}", fields.join(", "));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SCHEMA_VERSION;

    /// Made through serde so fields the format gains later take their defaults.
    fn product(id: &str, name: &str, stars: Option<u8>) -> Product {
        let level = stars.map(|s| if s == 5 { "national" } else { "provincial" });
        let evidence = if stars.is_some() {
            "star_stated"
        } else {
            "ocop_stated"
        };
        serde_json::from_value(serde_json::json!({
            "id": id,
            "name": {"vi": name},
            "group": "food",
            "subcategory": "seafood",
            "rating": {"evidence": evidence, "stars": stars, "level": level},
            "sources": ["https://example.org/a"],
        }))
        .unwrap()
    }

    fn dataset(products: Vec<Product>) -> Dataset {
        Dataset {
            schema_version: SCHEMA_VERSION.into(),
            products,
            ..Dataset::default()
        }
    }

    #[test]
    fn lists_added_removed_rerated_and_renamed_by_id() {
        let old = dataset(vec![
            product("a", "Chả mực", Some(4)),
            product("b", "Miến dong", None),
            product("c", "Trà", Some(3)),
        ]);
        let mut c = product("c", "Trà hoa vàng", Some(3));
        c.season_months = vec![11, 12];
        let new = dataset(vec![
            product("a", "Chả mực", Some(5)),
            c,
            product("d", "Ngọc trai", Some(5)),
        ]);
        let d = diff(&old, &new);
        assert_eq!(d.added, vec![("d".to_string(), "Ngọc trai".to_string())]);
        assert_eq!(d.removed, vec![("b".to_string(), "Miến dong".to_string())]);
        assert_eq!(d.rerated.len(), 1);
        assert_eq!(d.rerated[0].id, "a");
        assert_eq!(d.renamed.len(), 1);
        assert_eq!(d.renamed[0].new, "Trà hoa vàng");
        assert_eq!(d.changed, vec![("c".to_string(), vec!["season_months"])]);
        let text = d.to_text();
        assert!(text.contains("+ d  Ngọc trai"), "{text}");
        assert!(text.contains("- b  Miến dong"), "{text}");
        assert!(
            text.contains("a: 4★ tỉnh → 5★ quốc gia  (4★ provincial → 5★ national)"),
            "{text}"
        );
        assert!(text.contains("Đổi tên / Renamed"), "{text}");
    }

    #[test]
    fn the_same_dataset_has_no_changes() {
        let old = dataset(vec![product("a", "Chả mực", Some(4))]);
        let d = diff(&old, &old.clone());
        assert!(d.is_empty());
        assert!(d.to_text().contains("No product changes"));
    }
}
