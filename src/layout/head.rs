//! What the document's `<head>` and `<html>` say about the page: language, title,
//! description and the same page in every other language.

use hcnf_content::PageId;
use leptos::prelude::*;
use leptos_meta::{Html, Link, Meta, Title};

use crate::browser;
use crate::i18n::Locale;
use crate::routes::{page_href, ROOT};

/// `<html lang>`, `<title>`, the description and `hreflang` alternates for `page`.
#[component]
pub fn PageHead(locale: Locale, page: Memo<PageId>) -> impl IntoView {
    let ed = locale.edition();
    let title = move || ed.ui.document_title(&ed.pages.head(page.get()).title);
    let description = move || ed.pages.head(page.get()).summary.clone();
    let origin = browser::origin();
    let alternates = move || {
        let page = page.get();
        let mut links: Vec<_> = Locale::all()
            .map(|l| {
                let href = format!("{origin}{}", page_href(l, page));
                view! { <Link rel="alternate" hreflang=l.code() href /> }
            })
            .collect();
        let href = format!("{origin}{ROOT}");
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
