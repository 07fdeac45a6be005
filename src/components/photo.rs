//! A dataset photo: loaded lazily, in a box that already has the picture's aspect ratio
//! (from its `width` and `height`), so nothing on the page moves when it arrives, with the
//! attribution its licence asks for. The browser picks the copy that fits from `srcset`.

use crate::components::external_link::ExternalLink;
use crate::components::lang_of;
use crate::i18n::*;
use leptos::prelude::*;
use ocop_core::model::Image;

/// `a-480.jpg 480w, a.jpg 1200w`: every copy with its width, the original included.
fn srcset(image: &Image) -> String {
    image
        .variants
        .iter()
        .map(|v| (v.url.as_str(), v.width))
        .chain(std::iter::once((image.url.as_str(), image.width)))
        .map(|(url, width)| format!("{url} {width}w"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One photo. `sizes` tells the browser how wide it will be drawn (CSS `sizes` syntax).
/// `linked_source`: a card is one big link, so there the source is named, not linked.
#[component]
pub fn Photo(image: Image, sizes: &'static str, #[prop(optional)] linked_source: bool) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || lang_of(i18n.get_locale());
    let Image {
        url,
        width,
        height,
        alt,
        author,
        licence,
        source,
        ..
    } = image.clone();
    let alt_lang = {
        let alt = alt.clone();
        move || if alt.has(lang()) { lang().code() } else { "vi" }
    };
    let credit = move || {
        t_string!(
            i18n,
            photo_credit,
            author = author.clone(),
            licence = licence.clone()
        )
        .to_string()
    };
    let source_view = linked_source.then(|| {
        view! { " · " <ExternalLink href=source.clone()>{t!(i18n, photo_source)}</ExternalLink> }
    });
    view! {
        <figure class="photo" data-testid="photo">
            <img
                src=url
                srcset=srcset(&image)
                sizes=sizes
                width=width
                height=height
                alt=move || alt.get(lang()).to_string()
                lang=alt_lang
                loading="lazy"
                decoding="async"
            />
            <figcaption>{credit} {source_view}</figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ocop_core::model::ImageVariant;
    use ocop_core::LocalText;

    #[test]
    fn srcset_lists_every_copy_with_its_width_the_original_last() {
        let mut image = Image {
            url: "https://x/a.jpg".into(),
            width: 1200,
            height: 800,
            alt: LocalText::vi("ảnh"),
            author: "A".into(),
            licence: "CC BY 4.0".into(),
            source: "https://x/".into(),
            variants: vec![ImageVariant {
                url: "https://x/a-480.jpg".into(),
                width: 480,
            }],
        };
        assert_eq!(srcset(&image), "https://x/a-480.jpg 480w, https://x/a.jpg 1200w");
        image.variants.clear();
        assert_eq!(srcset(&image), "https://x/a.jpg 1200w");
    }
}
