use crate::i18n::*;
use crate::state::language::localized;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="not-found">
            <h1>{t!(i18n, not_found_title)}</h1>
            <p>{t!(i18n, not_found_body)}</p>
            <A href=localized("/") exact=true attr:class="button">{t!(i18n, back_to_catalog)}</A>
        </section>
    }
}
