//! Product names as tourists need them: shops, markets and signs use the Vietnamese name, so
//! wherever a name is shown in English or Chinese the Vietnamese one is shown with it, to be
//! read out or shown to a seller.

use crate::components::lang_of;
use crate::i18n::*;
use leptos::prelude::*;
use ocop_core::{Lang, LocalText};

/// The Vietnamese name under a name shown in another language (marked `lang="vi"`);
/// nothing when the name shown already is the Vietnamese one. `large` on the product page,
/// where it is the line a visitor shows a seller.
#[component]
pub fn VietnameseName(name: LocalText, #[prop(optional)] large: bool) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let lang = lang_of(i18n.get_locale());
        (lang != Lang::Vi && name.get(lang) != name.vi).then(|| {
            view! {
                <p class=if large { "vi-name vi-name-large" } else { "vi-name" } data-testid="vi-name">
                    <span class="visually-hidden">{t!(i18n, name_in_vietnamese)} ": "</span>
                    <span lang="vi">{name.vi.clone()}</span>
                </p>
            }
        })
    }
}
