//! "Previous / Page 2 of 3 / Next" under the results.

use super::nav::{use_catalog_nav, PER_PAGE};
use crate::browser::page;
use crate::i18n::*;
use leptos::prelude::*;
use ocop_core::catalog::CatalogResults;
use std::sync::Arc;

#[component]
pub fn Pagination(results: Memo<Arc<CatalogResults>>) -> impl IntoView {
    let i18n = use_i18n();
    let nav = use_catalog_nav();
    let pages = move || results.with(|r| r.page_count(PER_PAGE));
    let page = move || nav.query().with(|q| q.page).min(pages().saturating_sub(1));
    let go = move |delta: isize| {
        let mut q = nav.query().get_untracked();
        q.page = (page() as isize + delta).max(0) as usize;
        nav.go(q, false);
        page::scroll_to("catalog-title");
    };
    move || {
        (pages() > 1).then(|| {
            let at_start = page() == 0;
            let at_end = page() + 1 >= pages();
            view! {
                <nav class="pagination" aria-label=move || t_string!(i18n, pagination).to_string()>
                    <button class="button" aria-disabled=at_start.to_string() disabled=at_start on:click=move |_| go(-1)>
                        {t!(i18n, previous_page)}
                    </button>
                    <span data-testid="page-of">{t_string!(i18n, page_of, page = page() + 1, pages = pages()).to_string()}</span>
                    <button class="button" aria-disabled=at_end.to_string() disabled=at_end on:click=move |_| go(1)>
                        {t!(i18n, next_page)}
                    </button>
                </nav>
            }
        })
    }
}
