//! The typed shape of one edition. Every field is required and unknown keys are refused,
//! so a typo or a missing translation fails to parse instead of vanishing from a page.

use serde::Deserialize;

use crate::{Check, Day, List, MailText, Text, YearMonth};

/// Everything a reader sees in one language: UI strings, page content and contacts.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    pub locale: LocaleInfo,
    pub ui: Ui,
    pub pages: Pages,
    pub contact: ContactInfo,
    /// The endpoint's messages: the office's copy of an inquiry and the sender's receipt.
    pub mail: MailText,
    /// Key paths (`pages.inquiry.privacy.items[2].detail`) of wording the office must
    /// confirm before it is published, such as promises about retention and replies. The
    /// check refuses a path that names no text; the build lists each one as a warning.
    pub to_confirm: List<Text>,
}

/// Which language an edition is in.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct LocaleInfo {
    /// BCP 47 tag, also the URL prefix and the file name: `en`, `ja`.
    pub code: Text,
    /// The language's name for itself, as the language switch shows it: `English`, `日本語`.
    pub name: Text,
    /// Whether every kanji in this edition carries its reading, written
    /// `{漢字|かんじ}` and shown as `<ruby>` (see [`crate::ruby`]): plain Japanese does.
    pub kanji_readings: bool,
}

/// Strings of the site's frame: header, navigation, footer, dates and the not-found page.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct Ui {
    pub site_title: Text,
    pub site_owner: Text,
    /// The document title; `{page}` and `{site}` are filled in.
    pub title_template: Text,
    pub skip_link: Text,
    /// The accessible name of the primary navigation.
    pub nav_label: Text,
    /// The button that opens the navigation on a narrow screen.
    pub menu: Text,
    /// The accessible name of the language switch.
    pub language_label: Text,
    pub date: DateFormat,
    /// At the end of every page: when its words last changed; `{date}` is the day, as
    /// `date.day_pattern` writes it.
    pub updated: Text,
    /// Said after the words of every link to a site other than the prefecture's.
    pub external_link: Text,
    pub footer: FooterText,
    pub not_found: NotFoundPage,
}

/// How this locale writes a month: a pattern and the months' names.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct DateFormat {
    /// A month: `{year}`, `{month}` (a name below) and `{month_number}` are filled in.
    pub pattern: Text,
    /// A day: as `pattern`, and `{day}` (the day's word below).
    pub day_pattern: Text,
    pub months: [Text; 12],
    /// Each day of a month, the 1st to the 31st, as `{day}` writes it: `1` in English,
    /// `1日` in Japanese, and in やさしい日本語 with the reading it is said with
    /// (`{1日|ついたち}`, `{20日|はつか}`), which no rule of the digits gives.
    pub days: [Text; 31],
}

/// The footer's own words; the contact block comes from [`ContactInfo`].
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct FooterText {
    /// Which office is responsible for the page.
    pub owner: Text,
    /// Before the page's address, which only a printed page shows.
    pub address_label: Text,
}

/// This locale's part of the bilingual not-found page.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct NotFoundPage {
    pub title: Text,
    pub body: Text,
    pub home_link: Text,
}

/// The pages, one field per route.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
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

/// What every page has: its name in the navigation, its `h1`, a summary used for the
/// meta description and the overview's links, and the day its words last changed.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct HeadText {
    pub nav_label: Text,
    pub title: Text,
    pub summary: Text,
    /// The day this page's words last changed in this edition, written `YYYY-MM-DD`: the
    /// page shows it (更新日, "Last updated"), so an editor who changes the page changes
    /// it too. Required: a page that does not say how old it is cannot be published.
    #[serde(deserialize_with = "crate::date::day_from_iso")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "crate::date::IsoDay"))]
    pub updated: Day,
}

/// A headed run of paragraphs.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct SectionText {
    pub heading: Text,
    pub paragraphs: List<Text>,
}

/// The home page: the HCNF concepts and the plan for a training institution.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct OverviewPage {
    pub head: HeadText,
    pub lead: Text,
    pub sections: List<SectionText>,
    /// Heading over the links to the other sections.
    pub explore_heading: Text,
}

/// A page of prose.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub head: HeadText,
    pub lead: Text,
    pub sections: List<SectionText>,
}

/// The joint symposia page.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct SymposiaPage {
    pub head: HeadText,
    pub lead: Text,
    pub sections: List<SectionText>,
    pub events_heading: Text,
    pub date_label: Text,
    pub hosts_label: Text,
    pub events: List<Event>,
}

/// One symposium.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub name: Text,
    pub date: YearMonth,
    pub hosts: Text,
    pub description: Text,
}

/// The public HCNF course page.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct Course {
    pub head: HeadText,
    pub lead: Text,
    pub sections: List<SectionText>,
    pub since_label: Text,
    pub since: YearMonth,
    pub universities_heading: Text,
    pub universities: List<University>,
}

/// A partner university, with a note where its name has changed since.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct University {
    pub name: Text,
    pub note: Option<Text>,
}

/// The contact page's own words; the details come from [`ContactInfo`].
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct ContactPage {
    pub head: HeadText,
    pub lead: Text,
    pub inquiry_prompt: Text,
    pub inquiry_link: Text,
}

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

/// The inquiry page: the form, checking answers, sending, and what happens after.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct InquiryPage {
    pub head: HeadText,
    pub lead: Text,
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
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
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
    pub required: Text,
    /// Appended to an optional field's label.
    pub optional: Text,
    /// The select's first, empty option.
    pub category_placeholder: Text,
    pub categories: Categories,
    /// `{n}` is filled in.
    pub characters_left: Text,
    /// `{n}` is filled in.
    pub characters_over: Text,
    pub continue_button: Text,
    /// Empties the form and removes the draft the browser keeps.
    pub discard_button: Text,
    /// Said once the draft is discarded.
    pub discarded: Text,
    pub error_summary_title: Text,
    /// Read before each error message by screen readers: "Error:".
    pub error_prefix: Text,
    pub errors: InquiryErrors,
}

/// A field's label and, where it helps, a hint.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct FieldText {
    pub label: Text,
    pub hint: Option<Text>,
}

/// The category options.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct Categories {
    pub medical_innovation_school: Text,
    pub symposia: Text,
    pub hcnf_course: Text,
    pub other: Text,
}

/// Error messages; `{label}` and `{max}` are filled in where they appear.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct InquiryErrors {
    pub name_required: Text,
    pub email_required: Text,
    pub category_required: Text,
    pub subject_required: Text,
    pub message_required: Text,
    pub too_long: Text,
    pub control_characters: Text,
    pub email_invalid: Text,
    pub phone_invalid: Text,
    pub category_invalid: Text,
    pub consent_required: Text,
}

/// How the prefecture handles the personal information in an inquiry.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct Privacy {
    pub heading: Text,
    pub items: List<Term>,
}

/// A term and its explanation, for a description list.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub term: Text,
    pub detail: Text,
}

/// The "check your answers" step.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct CheckText {
    pub heading: Text,
    pub lead: Text,
    pub change: Text,
    /// Shown for an optional answer left empty.
    pub not_given: Text,
    pub consent_given: Text,
    pub send_button: Text,
}

/// Sending, and what to say when it fails.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct Sending {
    pub in_progress: Text,
    pub failed_heading: Text,
    pub timeout: Text,
    pub network: Text,
    pub server: Text,
    /// `{seconds}` is filled in.
    pub rate_limited: Text,
    pub malformed: Text,
    pub too_large: Text,
    pub key_reused: Text,
    pub invalid: Text,
    /// A plain post of the form from a page of another site, refused.
    pub refused_origin: Text,
    /// An answer page's form is empty because the post could not be read: go back.
    pub not_read: Text,
    pub retry_button: Text,
    pub phone_alternative: Text,
}

/// After a confirmed success.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct ConfirmationText {
    pub title: Text,
    pub reference_label: Text,
    pub body: Text,
    pub new_inquiry: Text,
}

/// A heading and a paragraph.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    pub heading: Text,
    pub body: Text,
}

/// The responsible office and how to reach it.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct ContactInfo {
    pub heading: Text,
    pub office: Text,
    pub address_label: Text,
    /// The postal address, one line per entry, in this locale's order.
    pub address: List<Text>,
    pub tel: Phone,
    /// Text, not a link: tapping a `tel:` link to a fax machine would dial it.
    pub fax: Fax,
    /// The prefecture's own page showing where the office is (its building map), once the
    /// office gives its address; until then the postal address alone says where. Only a
    /// page of the prefecture's site: a third-party map of a guessed point could send a
    /// reader to the wrong building.
    pub map: Option<Link>,
}

/// A telephone or fax number: a label, the number as written for this locale, and a `tel:` link.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct Phone {
    pub label: Text,
    pub display: Text,
    pub href: Text,
}

/// A fax number: a label and the number as written for this locale.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct Fax {
    pub label: Text,
    pub display: Text,
}

/// A link out of the site.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, schemars::JsonSchema)
)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub label: Text,
    pub href: Text,
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
        day.format(&self.date.day_pattern, &self.date.months, &self.date.days)
    }
}
