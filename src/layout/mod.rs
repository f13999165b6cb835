//! The frame around every page: head metadata, header, navigation, main, footer.

mod contact_details;
mod external_link;
mod focus;
mod footer;
mod head;
mod header;
mod language_switch;
mod nav;
mod root;
mod shell;

pub use contact_details::ContactDetails;
pub use focus::{FocusOnNavigate, Navigated, PageHeading};
pub use head::ShowsErrors;
pub use root::{AppRoot, ROOT_ID};
pub use shell::{MainRegion, Shell};
