//! The connection to the relay: its TLS and credentials, and what the relay made of each
//! message sent through it.

use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls as LettreTls, TlsParameters};
use lettre::transport::smtp::PoolConfig;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::BATCH;
use crate::mail::compose::compose;
use crate::mail::config::{MailConfig, Tls};
use crate::mail::outbox::Due;
use crate::mail::words::Words;

/// What the relay made of one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Accepted, with the reply's code.
    Sent(String),
    /// Try again later: the reply (or what went wrong) and its code, if any.
    Temporary { code: Option<String>, error: String },
    /// Refused for good.
    Permanent { code: Option<String>, error: String },
}

/// A connection to the relay, and what the messages are made of.
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    config: MailConfig,
    words: Words,
}

/// Why the transport to the relay cannot be built.
#[derive(Debug, thiserror::Error)]
#[error("the relay's TLS settings cannot be used: {0}")]
pub struct TransportError(#[from] lettre::transport::smtp::Error);

impl Mailer {
    pub fn new(config: MailConfig, words: Words) -> Result<Mailer, TransportError> {
        let relay = &config.relay;
        let parameters = || -> Result<TlsParameters, lettre::transport::smtp::Error> {
            let mut builder = TlsParameters::builder(relay.host.clone());
            if let Some(pem) = &config.ca {
                builder = builder.add_root_certificate(Certificate::from_pem(pem)?);
            }
            builder.build()
        };
        let tls = match relay.tls {
            Tls::None => LettreTls::None,
            Tls::StartTls => LettreTls::Required(parameters()?),
            Tls::Implicit => LettreTls::Wrapper(parameters()?),
        };
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&relay.host)
            .port(relay.port)
            .tls(tls)
            .timeout(Some(config.timeout))
            .pool_config(PoolConfig::new().max_size(BATCH));
        if let Some(secret) = &config.credentials {
            builder = builder.credentials(Credentials::new(
                secret.user.clone(),
                secret.password.clone(),
            ));
        }
        Ok(Mailer {
            transport: builder.build(),
            config,
            words,
        })
    }

    pub fn config(&self) -> &MailConfig {
        &self.config
    }

    /// Sends `message` and says what the relay answered.
    pub async fn send(&self, message: Message) -> Outcome {
        match self.transport.send(message).await {
            Ok(reply) => Outcome::Sent(reply.code().to_string()),
            Err(e) => {
                let code = e.status().map(|c| c.to_string());
                let error = e.to_string();
                if e.is_permanent() {
                    Outcome::Permanent { code, error }
                } else {
                    Outcome::Temporary { code, error }
                }
            }
        }
    }

    pub(super) async fn deliver(&self, due: &Due) -> Outcome {
        match compose(&self.words, &self.config, due) {
            Ok(message) => self.send(message).await,
            Err(e) => Outcome::Permanent {
                code: None,
                error: e.to_string(),
            },
        }
    }
}
