//! The frame around every page: header, navigation, footer, dates and the not-found page.

use serde::Deserialize;

#[cfg(doc)]
use crate::ContactInfo;
use crate::{Day, Text, YearMonth};

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
