//! The responsible office and how to reach it, and which links lead off the prefecture's
//! site.

use serde::Deserialize;

use crate::{List, Text};

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
