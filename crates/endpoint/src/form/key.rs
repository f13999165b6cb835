//! The plain form's idempotency keys: issued on a check page, taken back on Send.

use hcnf_inquiry::ValidInquiry;
use hcnf_site::i18n::Locale;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::store::hex;
use crate::submit::fingerprint;

/// The day in Japan's time, which a check page's key is issued for.
pub(super) fn jst_day(now_ms: u64) -> u64 {
    const JST_MS: u64 = 9 * 3600 * 1000;
    (now_ms + JST_MS) / 86_400_000
}

/// The idempotency key of `valid` on a check page shown on `day`: a UUID-shaped HMAC, under
/// the endpoint's secret, of the language, the answers and the day. The same answers
/// posted again that day (a reload, Back and Continue, Send twice) carry the same key and
/// are stored once; without the secret, nobody can work out another's key, so a key is
/// no handle on anyone's inquiry or its mail's Message-ID.
pub(super) fn key_for(secret: &[u8], locale: Locale, valid: &ValidInquiry, day: u64) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes a key of any size");
    mac.update(format!("{}\n{day}\n{}", locale.code(), fingerprint(valid)).as_bytes());
    let hex = hex(&mac.finalize().into_bytes());
    format!(
        "{}-{}-4{}-a{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[17..20],
        &hex[20..32]
    )
}

/// The key a Send is stored under: the one its check page carried when this endpoint
/// issued it for these answers, today or yesterday (a check page left open over midnight);
/// otherwise today's, so a forged or stale key cannot reach another inquiry.
pub(super) fn accepted_key(
    secret: &[u8],
    locale: Locale,
    valid: &ValidInquiry,
    posted: &str,
    now: u64,
) -> String {
    let today = jst_day(now);
    let posted = posted.to_ascii_lowercase();
    [today, today.saturating_sub(1)]
        .into_iter()
        .map(|day| key_for(secret, locale, valid, day))
        .find(|k| *k == posted)
        .unwrap_or_else(|| key_for(secret, locale, valid, today))
}

#[cfg(test)]
mod tests {
    use hcnf_inquiry::Category;

    use super::*;

    fn en() -> Locale {
        Locale::from_code("en").unwrap()
    }

    fn ja() -> Locale {
        Locale::from_code("ja").unwrap()
    }

    fn valid(subject: &str) -> ValidInquiry {
        ValidInquiry {
            name: "山田 太郎".into(),
            email: "taro@example.jp".into(),
            phone: None,
            category: Category::parse("hcnf_course").unwrap(),
            subject: subject.into(),
            message: "日程を教えてください。".into(),
        }
    }

    #[test]
    fn a_key_holds_for_its_answers_language_day_and_secret_alone() {
        let (secret, day) = (b"secret".as_slice(), 20_000);
        let key = key_for(secret, en(), &valid("a"), day);
        assert!(crate::submit::is_uuid(&key), "{key}");
        assert_eq!(key, key_for(secret, en(), &valid("a"), day));
        for other in [
            key_for(secret, en(), &valid("b"), day),
            key_for(secret, ja(), &valid("a"), day),
            key_for(secret, en(), &valid("a"), day + 1),
            key_for(b"another", en(), &valid("a"), day),
        ] {
            assert_ne!(key, other);
        }
    }

    #[test]
    fn a_send_keeps_the_key_issued_today_or_yesterday_and_no_other() {
        let secret = b"secret".as_slice();
        let now = 1_800_000_000_000;
        let today = jst_day(now);
        let issued = |day| key_for(secret, ja(), &valid("a"), day);
        let accepted = |posted: &str| accepted_key(secret, ja(), &valid("a"), posted, now);
        assert_eq!(accepted(&issued(today)), issued(today));
        // A check page left open over midnight.
        assert_eq!(accepted(&issued(today - 1)), issued(today - 1));
        assert_eq!(
            accepted(&issued(today - 1).to_uppercase()),
            issued(today - 1)
        );
        // Older, made up, or issued for other answers: today's key for these answers.
        assert_eq!(accepted(&issued(today - 2)), issued(today));
        assert_eq!(
            accepted("00000000-0000-4000-8000-000000000001"),
            issued(today)
        );
        let other = key_for(secret, ja(), &valid("b"), today);
        assert_eq!(accepted(&other), issued(today));
    }
}
