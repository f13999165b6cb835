use super::*;

#[derive(serde::Serialize)]
struct Page {
    title: String,
    lines: Vec<String>,
    note: Option<String>,
    months: [u8; 2],
}

#[test]
fn a_struct_is_written_as_the_expression_that_builds_it() {
    let page = Page {
        title: "Say \"hi\" \\ 日本".into(),
        lines: vec!["a".into()],
        note: None,
        months: [1, 12],
    };
    assert_eq!(
        to_rust(&page).unwrap(),
        "hcnf_content::Page { title: hcnf_content::Text::Borrowed(\"Say \\\"hi\\\" \\\\ 日本\"), \
         lines: hcnf_content::List::Borrowed(&[hcnf_content::Text::Borrowed(\"a\"), ]), \
         note: None, months: [1, 12, ], }"
    );
}

#[test]
fn a_month_is_written_through_its_checked_constructor() {
    let month = crate::YearMonth::new(2015, 10).unwrap();
    assert_eq!(
        to_rust(&Some(month)).unwrap(),
        "Some(hcnf_content::YearMonth::baked(2015, 10, ))"
    );
}
