//! `/{lang}/accessibility`: the standard the site aims for, the policy, how it is tested,
//! and what the suite found the last time it ran (from its own records, see `crate::audit`).

use hcnf_content::{AuditText, Browser, CheckRun};
use leptos::either::Either;
use leptos::prelude::*;

use super::prose::{PageIntro, Sections};
use crate::audit;
use crate::i18n::use_edition;
use crate::layout::words;
use crate::layout::Phrased;

/// The accessibility statement.
#[component]
pub fn Accessibility() -> impl IntoView {
    let p = &use_edition().pages.accessibility;
    let results = &p.results;
    let runs = audit::by_browser();
    view! {
        <article class="hcnf-page">
            <PageIntro title=&p.head.title lead=&p.lead />
            <Sections sections=&p.sections />
            <section class="hcnf-section">
                <h2 class="hcnf-section__heading">
                    <Phrased text=results.heading.as_ref() />
                </h2>
                <p>{words(&results.lead)}</p>
                {if runs.is_empty() {
                    Either::Left(view! { <p>{words(&results.none_recorded)}</p> })
                } else {
                    Either::Right(
                        runs
                            .into_iter()
                            .map(|(browser, runs)| view! { <RunTable browser runs text=results /> })
                            .collect_view(),
                    )
                }}
            </section>
        </article>
    }
}

/// One browser's results: a row per check, with the tool, what it covered and what it found.
#[component]
fn RunTable(
    /// The browser the checks ran in.
    browser: Browser,
    /// Its records, in the page's order of checks.
    runs: &'static [CheckRun],
    /// The words around the figures.
    text: &'static AuditText,
) -> impl IntoView {
    let ui = &use_edition().ui;
    // The latest day any of its checks ran; one run of the suite dates them all alike.
    let day = runs.iter().map(|r| r.day).max();
    let caption = text
        .caption
        .replace("{browser}", browser.name())
        .replace("{version}", &runs[0].browser_version)
        .replace("{date}", &day.map(|d| ui.format_day(d)).unwrap_or_default());
    view! {
        <table class="hcnf-table">
            <caption>{words(&caption)}</caption>
            <thead>
                <tr>
                    <th scope="col">{words(&text.check_column)}</th>
                    <th scope="col">{words(&text.scope_column)}</th>
                    <th scope="col">{words(&text.problems_column)}</th>
                </tr>
            </thead>
            <tbody>
                {runs
                    .iter()
                    .map(|run| {
                        let row = text.checks.get(run.check);
                        let tool = row
                            .tool
                            .replace("{version}", run.tool_version.as_deref().unwrap_or(""))
                            .trim_end()
                            .to_owned();
                        let scope = row.scope.replace("{n}", &run.covered.to_string());
                        view! {
                            <tr>
                                <th scope="row">{words(&tool)}</th>
                                <td>{words(&scope)}</td>
                                <td class="hcnf-table__number">{run.problems}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
