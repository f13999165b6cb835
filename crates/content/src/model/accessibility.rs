//! The accessibility statement, and the words around the suite's recorded results.

use serde::Deserialize;

use super::{HeadText, SectionText};
use crate::{Check, List, Text};

/// The accessibility statement: the standard, the policy, how the site is tested, and
/// the results of the last run (from [`crate::CheckRun`] records, not from this file).
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct AccessibilityPage {
    pub head: HeadText,
    pub lead: Text,
    pub sections: List<SectionText>,
    pub results: AuditText,
}

/// The words around the suite's results.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct AuditText {
    pub heading: Text,
    pub lead: Text,
    /// A browser's table: `{browser}`, `{version}` and `{date}` are filled in.
    pub caption: Text,
    pub check_column: Text,
    pub scope_column: Text,
    pub problems_column: Text,
    /// Shown when a build carries no results.
    pub none_recorded: Text,
    pub checks: AuditChecks,
}

/// Each check's tool and what it covers.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct AuditChecks {
    pub axe_pages: AuditCheckText,
    pub axe_form_states: AuditCheckText,
    pub axe_embedded: AuditCheckText,
    pub nu_html_checker: AuditCheckText,
    pub html_codesniffer: AuditCheckText,
    pub keyboard: AuditCheckText,
    pub phone_reflow: AuditCheckText,
    pub text_spacing: AuditCheckText,
}

impl AuditChecks {
    /// The words for `check`.
    pub fn get(&self, check: Check) -> &AuditCheckText {
        match check {
            Check::AxePages => &self.axe_pages,
            Check::AxeFormStates => &self.axe_form_states,
            Check::AxeEmbedded => &self.axe_embedded,
            Check::NuHtmlChecker => &self.nu_html_checker,
            Check::HtmlCodeSniffer => &self.html_codesniffer,
            Check::Keyboard => &self.keyboard,
            Check::PhoneReflow => &self.phone_reflow,
            Check::TextSpacing => &self.text_spacing,
        }
    }
}

/// One check's row: the tool (`{version}` filled in) and its scope (`{n}` filled in).
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct AuditCheckText {
    pub tool: Text,
    pub scope: Text,
}
