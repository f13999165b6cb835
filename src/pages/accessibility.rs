//! `/{lang}/accessibility`: the standard the site aims for, the policy, how it is tested,
//! and what the suite found the last time it ran (from its own records, see `crate::audit`).

use hcnf_content::{AuditText, Browser, CheckRun};
use leptos::either::Either;
use leptos::prelude::*;

use super::prose::{PageIntro, Sections};
use crate::audit;
use crate::i18n::use_edition;
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
                    <Phrased text=results.heading.as_str() />
                </h2>
                <p>{results.lead.as_str()}</p>
                {if runs.is_empty() {
                    Either::Left(view! { <p>{results.none_recorded.as_str()}</p> })
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
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{text.check_column.as_str()}</th>
                    <th scope="col">{text.scope_column.as_str()}</th>
                    <th scope="col">{text.problems_column.as_str()}</th>
                </tr>
            </thead>
            <tbody>
                {runs
                    .iter()
                    .map(|run| {
                        let words = text.checks.get(run.check);
                        let tool = words
                            .tool
                            .replace("{version}", run.tool_version.as_deref().unwrap_or(""))
                            .trim_end()
                            .to_owned();
                        let scope = words.scope.replace("{n}", &run.covered.to_string());
                        view! {
                            <tr>
                                <th scope="row">{tool}</th>
                                <td>{scope}</td>
                                <td class="hcnf-table__number">{run.problems}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
