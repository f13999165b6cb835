//! What the document's `<head>` and `<html>` say about the page: language, title,
//! description and the same page in every other language.

use hcnf_content::ruby::plain;
use hcnf_content::PageId;
use leptos::prelude::*;
use leptos_meta::{Html, Link, Meta, Title};

use crate::i18n::{seam, Locale};
use crate::routes::{page_href, root_href, SiteOrigin};

/// Whether the page shows problems the reader must fix, which its title then says first
/// ("Error: …", 「エラー：…」), as the first thing a screen reader announces.
#[derive(Clone, Copy)]
pub struct ShowsErrors(pub RwSignal<bool>);

/// `<html lang>`, `<title>`, the description and `hreflang` alternates for `page`.
#[component]
pub fn PageHead(
    /// The language every word is in.
    locale: Locale,
    /// The section whose title, description and alternates the head carries.
    page: Memo<PageId>,
) -> impl IntoView {
    let ed = locale.edition();
    // leptos_meta may read these once the route that owns `page` has gone (the prerenderer
    // reads the title after the page is rendered); then they fall back to the page this
    // head was made for, until the next page sets its own.
    let first = page.get_untracked();
    let errors = use_context::<ShowsErrors>();
    // As with `page`: once the signal has gone, what it held when the head was made.
    let errors_at_first = errors.is_some_and(|e| e.0.get_untracked());
    let title = move || {
        let p = page.try_get().unwrap_or(first);
        let title = ed.ui.document_title(&ed.pages.head(p).title);
        if errors
            .and_then(|e| e.0.try_get())
            .unwrap_or(errors_at_first)
        {
            let prefix = ed.pages.inquiry.form.error_prefix.as_ref();
            plain(&format!("{prefix}{}{title}", seam(prefix, &title))).into_owned()
        } else {
            title
        }
    };
    let description = move || {
        let summary = &ed.pages.head(page.try_get().unwrap_or(first)).summary;
        plain(summary).into_owned()
    };
    let origin = SiteOrigin::current();
    let alternates = move || {
        let page = page.try_get().unwrap_or(PageId::Overview);
        let mut links: Vec<_> = Locale::all()
            .map(|l| {
                let href = format!("{origin}{}", page_href(l, page));
                view! { <Link rel="alternate" hreflang=l.code() href /> }
            })
            .collect();
        let href = format!("{origin}{}", root_href());
        links.push(view! { <Link rel="alternate" hreflang="x-default" href /> });
        links
    };
    view! {
        <Html {..} lang=locale.code() />
        <Title text=title />
        <Meta name="description" content=description />
        {alternates}
    }
}
