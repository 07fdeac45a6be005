//! The progress line of a large dataset: checking its records, then building its search
//! index, take seconds on a phone at tens of thousands of products. Drawn at the foot of the
//! screen, over the pre-rendered page too (which stays until the app is ready), and only
//! when there is something to tell: the bundled dataset and small files never report any.

use crate::i18n::*;
use crate::state::app_data::LoadProgress;
use leptos::prelude::*;

#[component]
pub fn LoadProgressLine(progress: ReadSignal<Option<LoadProgress>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        progress.get().map(|step| {
            let stage = match step {
                LoadProgress::Checking { .. } => t_string!(i18n, load_checking),
                LoadProgress::Indexing { .. } => t_string!(i18n, load_indexing),
            };
            let percent = step.percent();
            // Without a value the bar shows work going on, not how far: the size of a
            // compressed download is not known before its end.
            view! {
                <div class="load-progress" data-testid="load-progress">
                    // The stage is announced (it changes twice); the bar's value is not.
                    <span role="status">{stage}</span>
                    <progress max="100" value=percent aria-label=stage>
                        {percent.map(|p| format!("{p} %"))}
                    </progress>
                </div>
            }
        })
    }
}
