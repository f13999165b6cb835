//! The frame around every page: head metadata, header, navigation, main, footer.

mod contact_details;
mod external_link;
mod footer;
mod head;
mod header;
mod heading;
mod language_switch;
mod nav;
mod phrases;
mod root;
mod shell;
mod updated;
mod words;

pub use contact_details::ContactDetails;
pub use head::ShowsErrors;
pub use heading::PageHeading;
#[cfg(all(test, feature = "ssr"))]
pub(crate) use phrases::phrases as phrases_of;
pub use phrases::Phrased;
pub use root::AppRoot;
pub use shell::{MainRegion, Shell};
pub use words::words;
