//! The typed shape of one edition. Every field is required and unknown keys are refused,
//! so a typo or a missing translation fails to parse instead of vanishing from a page.

use serde::Deserialize;

use crate::{Check, Day, YearMonth};

/// Everything a reader sees in one language: UI strings, page content and contacts.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Edition {
    pub locale: LocaleInfo,
    pub ui: Ui,
    pub pages: Pages,
    pub contact: ContactInfo,
    /// Key paths (`pages.inquiry.privacy.items[2].detail`) of wording the office must
    /// confirm before it is published, such as promises about retention and replies. The
    /// check refuses a path that names no text; the build lists each one as a warning.
    pub to_confirm: Vec<String>,
}

/// Which language an edition is in.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct LocaleInfo {
    /// BCP 47 tag, also the URL prefix and the file name: `en`, `ja`.
    pub code: String,
    /// The language's name for itself, as the language switch shows it: `English`, `日本語`.
    pub name: String,
    /// Whether every kanji in this edition carries its reading, written
    /// `{漢字|かんじ}` and shown as `<ruby>` (see [`crate::ruby`]): plain Japanese does.
    pub kanji_readings: bool,
}

/// Strings of the site's frame: header, navigation, footer, dates and the not-found page.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Ui {
    pub site_title: String,
    pub site_owner: String,
    /// The document title; `{page}` and `{site}` are filled in.
    pub title_template: String,
    pub skip_link: String,
    /// The accessible name of the primary navigation.
    pub nav_label: String,
    /// The button that opens the navigation on a narrow screen.
    pub menu: String,
    /// The accessible name of the language switch.
    pub language_label: String,
    pub date: DateFormat,
    /// Said after the words of every link to a site other than the prefecture's.
    pub external_link: String,
    pub footer: FooterText,
    pub not_found: NotFoundPage,
}

/// How this locale writes a month: a pattern and the months' names.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct DateFormat {
    /// A month: `{year}`, `{month}` (a name below) and `{month_number}` are filled in.
    pub pattern: String,
    /// A day: as `pattern`, and `{day}`.
    pub day_pattern: String,
    pub months: [String; 12],
}

/// The footer's own words; the contact block comes from [`ContactInfo`].
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct FooterText {
    /// Which office is responsible for the page.
    pub owner: String,
    /// Before the page's address, which only a printed page shows.
    pub address_label: String,
}

/// This locale's part of the bilingual not-found page.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct NotFoundPage {
    pub title: String,
    pub body: String,
    pub home_link: String,
}

/// The pages, one field per route.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Pages {
    pub overview: OverviewPage,
    pub medical_innovation_school: Article,
    pub symposia: SymposiaPage,
    pub hcnf_course: Course,
    pub contact: ContactPage,
    pub inquiry: InquiryPage,
    pub accessibility: AccessibilityPage,
}

/// What every page has: its name in the navigation, its `h1`, and a summary used for the
/// meta description and the overview's links.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct HeadText {
    pub nav_label: String,
    pub title: String,
    pub summary: String,
}

/// A headed run of paragraphs.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct SectionText {
    pub heading: String,
    pub paragraphs: Vec<String>,
}

/// The home page: the HCNF concepts and the plan for a training institution.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct OverviewPage {
    pub head: HeadText,
    pub lead: String,
    pub sections: Vec<SectionText>,
    /// Heading over the links to the other sections.
    pub explore_heading: String,
}

/// A page of prose.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub head: HeadText,
    pub lead: String,
    pub sections: Vec<SectionText>,
}

/// The joint symposia page.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct SymposiaPage {
    pub head: HeadText,
    pub lead: String,
    pub sections: Vec<SectionText>,
    pub events_heading: String,
    pub date_label: String,
    pub hosts_label: String,
    pub events: Vec<Event>,
}

/// One symposium.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub name: String,
    pub date: YearMonth,
    pub hosts: String,
    pub description: String,
}

/// The public HCNF course page.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Course {
    pub head: HeadText,
    pub lead: String,
    pub sections: Vec<SectionText>,
    pub since_label: String,
    pub since: YearMonth,
    pub universities_heading: String,
    pub universities: Vec<University>,
}

/// A partner university, with a note where its name has changed since.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct University {
    pub name: String,
    pub note: Option<String>,
}

/// The contact page's own words; the details come from [`ContactInfo`].
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct ContactPage {
    pub head: HeadText,
    pub lead: String,
    pub inquiry_prompt: String,
    pub inquiry_link: String,
}

/// The accessibility statement: the standard, the policy, how the site is tested, and
/// the results of the last run (from [`crate::CheckRun`] records, not from this file).
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct AccessibilityPage {
    pub head: HeadText,
    pub lead: String,
    pub sections: Vec<SectionText>,
    pub results: AuditText,
}

/// The words around the suite's results.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct AuditText {
    pub heading: String,
    pub lead: String,
    /// A browser's table: `{browser}`, `{version}` and `{date}` are filled in.
    pub caption: String,
    pub check_column: String,
    pub scope_column: String,
    pub problems_column: String,
    /// Shown when a build carries no results.
    pub none_recorded: String,
    pub checks: AuditChecks,
}

/// Each check's tool and what it covers.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
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
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct AuditCheckText {
    pub tool: String,
    pub scope: String,
}

/// The inquiry page: the form, checking answers, sending, and what happens after.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct InquiryPage {
    pub head: HeadText,
    pub lead: String,
    pub form: FormText,
    pub privacy: Privacy,
    pub check: CheckText,
    pub sending: Sending,
    pub confirmation: ConfirmationText,
    /// Shown, with the telephone and fax, when no endpoint is configured or it is invalid.
    pub unavailable: Notice,
}

/// Labels, hints and errors of the form's fields.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct FormText {
    pub name: FieldText,
    pub email: FieldText,
    pub phone: FieldText,
    pub category: FieldText,
    pub subject: FieldText,
    pub message: FieldText,
    pub consent: FieldText,
    /// The badge on a required field's label, in words.
    pub required: String,
    /// Appended to an optional field's label.
    pub optional: String,
    /// The select's first, empty option.
    pub category_placeholder: String,
    pub categories: Categories,
    /// `{n}` is filled in.
    pub characters_left: String,
    /// `{n}` is filled in.
    pub characters_over: String,
    pub continue_button: String,
    /// Empties the form and removes the draft the browser keeps.
    pub discard_button: String,
    /// Said once the draft is discarded.
    pub discarded: String,
    pub error_summary_title: String,
    /// Read before each error message by screen readers: "Error:".
    pub error_prefix: String,
    pub errors: InquiryErrors,
}

/// A field's label and, where it helps, a hint.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct FieldText {
    pub label: String,
    pub hint: Option<String>,
}

/// The category options.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Categories {
    pub medical_innovation_school: String,
    pub symposia: String,
    pub hcnf_course: String,
    pub other: String,
}

/// Error messages; `{label}` and `{max}` are filled in where they appear.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct InquiryErrors {
    pub name_required: String,
    pub email_required: String,
    pub category_required: String,
    pub subject_required: String,
    pub message_required: String,
    pub too_long: String,
    pub control_characters: String,
    pub email_invalid: String,
    pub phone_invalid: String,
    pub category_invalid: String,
    pub consent_required: String,
}

/// How the prefecture handles the personal information in an inquiry.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Privacy {
    pub heading: String,
    pub items: Vec<Term>,
}

/// A term and its explanation, for a description list.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub term: String,
    pub detail: String,
}

/// The "check your answers" step.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct CheckText {
    pub heading: String,
    pub lead: String,
    pub change: String,
    /// Shown for an optional answer left empty.
    pub not_given: String,
    pub consent_given: String,
    pub send_button: String,
}

/// Sending, and what to say when it fails.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Sending {
    pub in_progress: String,
    pub failed_heading: String,
    pub timeout: String,
    pub network: String,
    pub server: String,
    /// `{seconds}` is filled in.
    pub rate_limited: String,
    pub malformed: String,
    pub too_large: String,
    pub key_reused: String,
    pub invalid: String,
    pub retry_button: String,
    pub phone_alternative: String,
}

/// After a confirmed success.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct ConfirmationText {
    pub title: String,
    pub reference_label: String,
    pub body: String,
    pub new_inquiry: String,
}

/// A heading and a paragraph.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Notice {
    pub heading: String,
    pub body: String,
}

/// The responsible office and how to reach it.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct ContactInfo {
    pub heading: String,
    pub office: String,
    pub address_label: String,
    /// The postal address, one line per entry, in this locale's order.
    pub address: Vec<String>,
    pub tel: Phone,
    /// Text, not a link: tapping a `tel:` link to a fax machine would dial it.
    pub fax: Fax,
    pub map: Link,
}

/// A telephone or fax number: a label, the number as written for this locale, and a `tel:` link.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Phone {
    pub label: String,
    pub display: String,
    pub href: String,
}

/// A fax number: a label and the number as written for this locale.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Fax {
    pub label: String,
    pub display: String,
}

/// A link out of the site.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub label: String,
    pub href: String,
}

/// The host of the prefecture's own web site, and of its subdomains.
pub const PREFECTURE_HOST: &str = "pref.kanagawa.jp";

impl Link {
    /// Whether the link leads to a site other than the prefecture's, which readers are
    /// told (`Ui::external_link`).
    pub fn is_external(&self) -> bool {
        is_external(&self.href)
    }
}

/// Whether `href` is a web address on a host other than the prefecture's.
pub fn is_external(href: &str) -> bool {
    let Some(rest) = href
        .strip_prefix("https://")
        .or_else(|| href.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?', '#', ':']).next().unwrap_or_default();
    !(host == PREFECTURE_HOST || host.ends_with(&format!(".{PREFECTURE_HOST}")))
}

/// A page of the site; its slug is the route under the language prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PageId {
    Overview,
    MedicalInnovationSchool,
    Symposia,
    HcnfCourse,
    Contact,
    Inquiry,
    Accessibility,
}

impl PageId {
    /// Every page: those in the navigation, then those the footer links.
    pub const ALL: [PageId; 7] = [
        PageId::Overview,
        PageId::MedicalInnovationSchool,
        PageId::Symposia,
        PageId::HcnfCourse,
        PageId::Contact,
        PageId::Inquiry,
        PageId::Accessibility,
    ];

    /// The pages the navigation lists, in its order.
    pub const NAVIGATION: [PageId; 6] = [
        PageId::Overview,
        PageId::MedicalInnovationSchool,
        PageId::Symposia,
        PageId::HcnfCourse,
        PageId::Contact,
        PageId::Inquiry,
    ];

    /// The initiatives the overview introduces: every section but the overview itself and
    /// the ways to get in touch.
    pub const INITIATIVES: [PageId; 3] = [
        PageId::MedicalInnovationSchool,
        PageId::Symposia,
        PageId::HcnfCourse,
    ];

    /// The path segment after `/{lang}/`; empty for the overview.
    pub fn slug(self) -> &'static str {
        match self {
            PageId::Overview => "",
            PageId::MedicalInnovationSchool => "medical-innovation-school",
            PageId::Symposia => "symposia",
            PageId::HcnfCourse => "hcnf-course",
            PageId::Contact => "contact",
            PageId::Inquiry => "inquiry",
            PageId::Accessibility => "accessibility",
        }
    }

    /// The page whose slug this is.
    pub fn from_slug(slug: &str) -> Option<PageId> {
        PageId::ALL.into_iter().find(|p| p.slug() == slug)
    }
}

impl Pages {
    /// The head of one page.
    pub fn head(&self, page: PageId) -> &HeadText {
        match page {
            PageId::Overview => &self.overview.head,
            PageId::MedicalInnovationSchool => &self.medical_innovation_school.head,
            PageId::Symposia => &self.symposia.head,
            PageId::HcnfCourse => &self.hcnf_course.head,
            PageId::Contact => &self.contact.head,
            PageId::Inquiry => &self.inquiry.head,
            PageId::Accessibility => &self.accessibility.head,
        }
    }
}

impl Ui {
    /// The document title for a page titled `page`, as plain text: a title holds no ruby.
    pub fn document_title(&self, page: &str) -> String {
        let title = self
            .title_template
            .replace("{page}", page)
            .replace("{site}", &self.site_title);
        crate::ruby::plain(&title).into_owned()
    }

    /// A month written as this locale writes it.
    pub fn format_month(&self, date: YearMonth) -> String {
        date.format(&self.date.pattern, &self.date.months)
    }

    /// A day written as this locale writes it.
    pub fn format_day(&self, day: Day) -> String {
        day.format(&self.date.day_pattern, &self.date.months)
    }
}
