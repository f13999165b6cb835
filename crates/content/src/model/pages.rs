//! The pages: which there are, what every page has, and the words of the pages of prose;
//! the accessibility statement and the inquiry page have modules of their own.

use serde::Deserialize;

use super::{AccessibilityPage, InquiryPage};
#[cfg(doc)]
use crate::ContactInfo;
use crate::{Day, List, Text, YearMonth};

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
