//! Dates as the content uses them, formatted per locale: a month of a year, as the seed's
//! events are dated ("October 2015"), and a calendar day, as a page's last change and a
//! test run are dated.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize};

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

/// A calendar day (UTC), as a record is dated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
pub struct Day {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Day {
    /// The day `days` after 1970-01-01 in the proleptic Gregorian calendar (Howard
    /// Hinnant's civil-from-days algorithm), so a test can date its record without a
    /// date crate.
    pub fn from_unix_days(days: i64) -> Day {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Day {
            year: u16::try_from(year).unwrap_or(0),
            month: u8::try_from(month).unwrap_or(0),
            day: u8::try_from(day).unwrap_or(0),
        }
    }

    /// Whether this is a real day: month 1 to 12, day within the month.
    pub fn is_valid(self) -> bool {
        let y = self.year;
        let leap = y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400));
        let days = match self.month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return false,
        };
        (1..=days).contains(&self.day)
    }

    /// Fills a locale's pattern as [`YearMonth::format`] does, and `{day}` with the day's
    /// word from `day_words` (the 1st to the 31st).
    pub fn format(
        self,
        pattern: &str,
        month_names: &[crate::Text; 12],
        day_words: &[crate::Text; 31],
    ) -> String {
        let month = YearMonth::baked(self.year, self.month.clamp(1, 12));
        let word = &day_words[usize::from(self.day.clamp(1, 31) - 1)];
        month.format(pattern, month_names).replace("{day}", word)
    }
}

impl fmt::Display for Day {
    /// The machine-readable form for `<time datetime>`: `2026-11-26`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Why a `YYYY-MM-DD` string was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DayError {
    #[error("expected the day written YYYY-MM-DD, such as 2026-12-07, found {0:?}")]
    Shape(String),
    #[error("{0} is no calendar day")]
    NoSuchDay(Day),
}

impl FromStr for Day {
    type Err = DayError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let shape = || DayError::Shape(s.to_owned());
        let mut parts = s.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(shape());
        };
        let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
        if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
            return Err(shape());
        }
        let day = Day {
            year: y.parse().map_err(|_| shape())?,
            month: m.parse().map_err(|_| shape())?,
            day: d.parse().map_err(|_| shape())?,
        };
        if day.is_valid() {
            Ok(day)
        } else {
            Err(DayError::NoSuchDay(day))
        }
    }
}

/// For a content field written `YYYY-MM-DD` (`#[serde(deserialize_with)]`); the audit
/// records keep `Day`'s own form, an object of year, month and day.
pub(crate) fn day_from_iso<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Day, D::Error> {
    let s = String::deserialize(deserializer)?;
    s.parse().map_err(serde::de::Error::custom)
}

/// The schema of a day as the content files write it: `YYYY-MM-DD`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) struct IsoDay;

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for IsoDay {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Day".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
            "description": "A calendar day, written YYYY-MM-DD, such as 2026-12-07."
        })
    }
}

#[cfg(test)]
mod tests;
