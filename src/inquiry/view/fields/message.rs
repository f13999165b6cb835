//! The message box, with a live count of the characters left that screen readers hear
//! once the reader pauses.

use hcnf_content::ruby::plain;
use hcnf_inquiry::{char_count, Field};
use leptos::prelude::*;

use super::FieldFrame;
use crate::browser::timers::{self, Timer};
use crate::inquiry::flow::Focus;
use crate::inquiry::messages::characters_left;
use crate::inquiry::view::state::{input_id, FormState};
use crate::layout::words;

/// How long the reader must stop typing before the count is announced.
const PAUSE_MS: u32 = 1_000;

/// A textarea's text as markup: the markup characters as references, and, since an HTML
/// parser drops one line break straight after the start tag, another in front of a text
/// that begins with one.
fn textarea_text(text: &str) -> String {
    let lead = if text.starts_with(['\n', '\r']) {
        "\n"
    } else {
        ""
    };
    let escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!("{lead}{escaped}")
}

/// The message box with a live count of the characters left.
#[component]
pub(in crate::inquiry::view) fn MessageInput(
    /// The form's shared state: its words, the draft and the flow.
    state: FormState,
) -> impl IntoView {
    let form = &state.page.form;
    let field = Field::Message;
    let id = input_id(field);
    let count_id = format!("{id}-count");
    let typed = move || state.draft.with(|d| char_count(&d.message));
    let over = move || field.limit().is_some_and(|max| typed() > max);
    // Screen readers hear the count once the reader pauses, not after every keystroke.
    let announced = RwSignal::new(String::new());
    let pending = StoredValue::new(None::<Timer>);
    let announce_after_pause = move || {
        if let Some(timer) = pending.get_value() {
            timer.cancel();
        }
        let timer = timers::after(PAUSE_MS, move || {
            // The reader may have left the page within the pause.
            if let Some(n) = state.draft.try_with(|d| char_count(&d.message)) {
                announced.try_set(plain(&characters_left(form, n)).into_owned());
            }
        });
        pending.set_value(Some(timer));
    };
    view! {
        <FieldFrame state field>
            <textarea
                class="hcnf-textarea"
                id=id.clone()
                name=field.as_str()
                rows="8"
                autofocus=state.autofocus(Focus::Field(field))
                // The text as the page first shows it: a child node would be hydrated, and
                // the prerendered form has none.
                inner_html=state.initial_text(field).map(|t| textarea_text(&t)).unwrap_or_default()
                aria-invalid=move || state.invalid(field)
                aria-describedby={
                    let count_id = count_id.clone();
                    move || state.described_by(field, true, Some(&count_id))
                }
                prop:value=move || state.text(field)
                on:input=move |ev| {
                    state.typed(field, event_target_value(&ev));
                    announce_after_pause();
                }
                on:blur=move |_| state.left(field)
            ></textarea>
            <p
                class="hcnf-field__count"
                class=("hcnf-field__count--over", over)
                id=count_id.clone()
            >
                {move || words(&characters_left(form, typed()))}
            </p>
            // An empty text would vanish from the prerendered HTML and leave hydration
            // without its node: nothing is rendered until there is something to say.
            <p class="hcnf-visually-hidden" aria-live="polite">
                {move || Some(announced.get()).filter(|s| !s.is_empty())}
            </p>
        </FieldFrame>
    }
}
