//! Text from an edition as a reader sees it: any reading over a kanji word
//! (`{漢字|かんじ}`, see [`hcnf_content::ruby`]) shown as `<ruby>`. Places that cannot hold
//! markup (the title, attributes, `<option>`) use [`hcnf_content::ruby::plain`] instead.

use hcnf_content::ruby::{segments, Segment};
use leptos::either::Either;
use leptos::prelude::*;

/// `text` with its readings as ruby. Text without readings is one text node, as before.
pub fn words(text: &str) -> impl IntoView + use<> {
    segments(text)
        .into_iter()
        .map(|segment| match segment {
            Segment::Text(t) => Either::Left(t.to_owned()),
            Segment::Ruby { base, reading } => {
                let (base, reading) = (base.to_owned(), reading.to_owned());
                Either::Right(view! { <ruby>{base} <rt>{reading}</rt></ruby> })
            }
        })
        .collect_view()
}
