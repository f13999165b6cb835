//! A month of a year, as the seed's events are dated ("October 2015"), formatted per locale.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer};

/// A calendar month, written `YYYY-MM` in the content files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct YearMonth {
    year: u16,
    month: u8,
}

/// For [`crate::bake`]: written into the build as `YearMonth::baked(year, month)`.
#[cfg(not(target_arch = "wasm32"))]
impl serde::Serialize for YearMonth {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeTupleStruct;
        let mut call = serializer.serialize_tuple_struct("YearMonth::baked", 2)?;
        call.serialize_field(&self.year)?;
        call.serialize_field(&self.month)?;
        call.end()
    }
}

/// Why a `YYYY-MM` string was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum YearMonthError {
    #[error("expected a date written YYYY-MM, found {0:?}")]
    Shape(String),
    #[error("month must be 01 to 12, found {0}")]
    Month(u8),
}

impl YearMonth {
    /// A month already known to be 1 to 12: the build checked it, or the caller clamped it.
    #[doc(hidden)]
    pub const fn baked(year: u16, month: u8) -> Self {
        YearMonth { year, month }
    }

    /// A month; `None` unless `month` is 1 to 12.
    pub fn new(year: u16, month: u8) -> Option<Self> {
        (1..=12).contains(&month).then_some(Self { year, month })
    }

    /// The year, e.g. 2015.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The machine-readable form for `<time datetime>`: `2015-10`.
    pub fn iso(self) -> String {
        self.to_string()
    }

    /// Fills a locale's pattern: `{year}`, `{month}` (the month's name from `month_names`)
    /// and `{month_number}`.
    pub fn format(self, pattern: &str, month_names: &[crate::Text; 12]) -> String {
        pattern
            .replace("{year}", &self.year.to_string())
            .replace("{month_number}", &self.month.to_string())
            .replace("{month}", &month_names[usize::from(self.month - 1)])
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for YearMonth {
    type Err = YearMonthError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let shape = || YearMonthError::Shape(s.to_owned());
        let (y, m) = s.split_once('-').ok_or_else(shape)?;
        if y.len() != 4 || m.len() != 2 || !(y.bytes().chain(m.bytes())).all(|b| b.is_ascii_digit())
        {
            return Err(shape());
        }
        let year = y.parse().map_err(|_| shape())?;
        let month = m.parse().map_err(|_| shape())?;
        Self::new(year, month).ok_or(YearMonthError::Month(month))
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// As the content files write it: `YYYY-MM`.
#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for YearMonth {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "YearMonth".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$",
            "description": "A month, written YYYY-MM, such as 2015-10."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(prefix: &str) -> [crate::Text; 12] {
        std::array::from_fn(|i| format!("{prefix}{}", i + 1).into())
    }

    #[test]
    fn parses_and_prints_the_iso_form() {
        let d: YearMonth = "2015-10".parse().unwrap();
        assert_eq!((d.year(), d.month()), (2015, 10));
        assert_eq!(d.iso(), "2015-10");
    }

    #[test]
    fn refuses_other_shapes_and_months() {
        assert_eq!(
            "2015-13".parse::<YearMonth>(),
            Err(YearMonthError::Month(13))
        );
        assert_eq!(
            "2015-00".parse::<YearMonth>(),
            Err(YearMonthError::Month(0))
        );
        for bad in [
            "2015",
            "2015-1",
            "15-10",
            "2015/10",
            "２０１５-10",
            "",
            "2015-10-01",
        ] {
            assert!(
                matches!(bad.parse::<YearMonth>(), Err(YearMonthError::Shape(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn formats_with_a_locale_pattern() {
        let d = YearMonth::new(2015, 10).unwrap();
        assert_eq!(d.format("{month} {year}", &names("M")), "M10 2015");
        assert_eq!(
            d.format("{year}年{month_number}月", &names("M")),
            "2015年10月"
        );
    }
}
