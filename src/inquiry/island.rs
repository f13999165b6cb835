//! The inquiry form as the one part of a prerendered page that runs in the wasm. The rest
//! of every page is the prerendered HTML, and `src/prerender/nav/` moves between pages:
//! a content page loads no wasm at all, and the inquiry page only the form and its words.
//!
//! The page marks the form's place with `data-hcnf-form` (`pages/inquiry.rs`); the form's
//! locale is the `lang` of the nearest element that has one, which the prerenderer wrote.

/// The attribute of the element that holds the prerendered form.
pub const FORM_ATTRIBUTE: &str = "data-hcnf-form";

#[cfg(target_arch = "wasm32")]
mod browser_side {
    use std::cell::RefCell;

    use leptos::mount::hydrate_from;
    use leptos::prelude::*;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    use super::FORM_ATTRIBUTE;
    use crate::host::{HostOptions, MOUNT_ATTRIBUTE, STARTED_ATTRIBUTE};
    use crate::i18n::{seam, CurrentLocale, Locale};
    use crate::inquiry::saved::keep_typed_before_start;
    use crate::inquiry::InquiryForm;
    use crate::layout::ShowsErrors;

    thread_local! {
        // The form on the page now: dropping its handle removes its reactive owner, its
        // effects and listeners, when the reader leaves the page.
        static MOUNTED: RefCell<Option<leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>>> =
            const { RefCell::new(None) };
    }

    /// Takes over the prerendered form on the page, if there is one. Called when the wasm
    /// starts, and by the navigation script after it brings in an inquiry page.
    #[wasm_bindgen(js_name = hcnfStartForm)]
    pub fn start_form() {
        leave_form();
        let element = document()
            .query_selector(&format!("[{FORM_ATTRIBUTE}]"))
            .ok()
            .flatten()
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok());
        let Some(element) = element else { return };
        // The language the form was written in: its page's, which on a host page is not
        // the host document's.
        let lang = element
            .closest("[lang]")
            .ok()
            .flatten()
            .and_then(|e| e.get_attribute("lang"))
            .unwrap_or_default();
        let locale = Locale::from_code(&lang).unwrap_or_else(Locale::fallback);
        // On a host page, its element's attributes may pick the endpoint and say where
        // config.json is; the navigation script reports the attributes it reads itself.
        let app = document()
            .query_selector(&format!("[{MOUNT_ATTRIBUTE}]"))
            .ok()
            .flatten();
        let (options, errors) = app.as_ref().map_or_else(
            || (HostOptions::default(), Vec::new()),
            |app| HostOptions::from_attributes(|name| app.get_attribute(name)),
        );
        for error in errors {
            crate::browser::page::warn(&format!("HCNF: {error}"));
        }
        keep_typed_before_start(&element);
        let handle = hydrate_from(element, move || form(locale, options));
        MOUNTED.with(|m| *m.borrow_mut() = Some(handle));
        // The whole page runs now, the form too; the navigation script marks a page without
        // the form, and marks the links as handled on every page.
        if let Some(app) = app {
            let _ = app.set_attribute(STARTED_ATTRIBUTE, "");
        }
    }

    /// The form in `locale`, configured by `options`, with what it needs from the page
    /// around it: the words' language, and whether problems show (which the title then
    /// says first, if the page lets the app set it). The browser tests mount this too.
    pub fn form(locale: Locale, options: HostOptions) -> AnyView {
        let manage_document = options.manage_document;
        provide_context(options);
        provide_context(CurrentLocale(locale));
        let shown = RwSignal::new(false);
        provide_context(ShowsErrors(shown));
        if manage_document {
            title_says_errors(locale, shown);
        }
        view! { <InquiryForm /> }.into_any()
    }

    /// Lets go of the form, before the navigation script takes its page away.
    #[wasm_bindgen(js_name = hcnfLeaveForm)]
    pub fn leave_form() {
        MOUNTED.with(|m| drop(m.borrow_mut().take()));
    }

    /// While the form shows problems, the document's title says so first, as the full app's
    /// head does ("Error: …", 「エラー：…」).
    fn title_says_errors(locale: Locale, shown: RwSignal<bool>) {
        let title = document().title();
        Effect::new(move |_| {
            let prefix = locale.inquiry().form.error_prefix.as_ref();
            let text = if shown.get() {
                let plain = hcnf_content::ruby::plain(prefix);
                format!("{plain}{}{title}", seam(prefix, &title))
            } else {
                title.clone()
            };
            document().set_title(&text);
        });
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser_side::{form, start_form};

/// Natively there is no page to take over.
#[cfg(not(target_arch = "wasm32"))]
pub fn start_form() {}
