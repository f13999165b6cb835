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

#[test]
fn reads_a_day_written_as_the_content_writes_it() {
    let d: Day = "2026-12-07".parse().unwrap();
    assert_eq!((d.year, d.month, d.day), (2026, 12, 7));
    assert_eq!(d.to_string(), "2026-12-07");
    assert_eq!(
        "2026-02-30".parse::<Day>().unwrap_err().to_string(),
        "2026-02-30 is no calendar day"
    );
    assert!("2024-02-29".parse::<Day>().is_ok());
    for bad in [
        "2026-12",
        "2026-12-7",
        "26-12-07",
        "2026/12/07",
        "2026-12-07-01",
        "",
    ] {
        assert!(
            matches!(bad.parse::<Day>(), Err(DayError::Shape(_))),
            "{bad}"
        );
    }
}
