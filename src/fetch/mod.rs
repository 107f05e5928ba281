//! Downloading a programme over HTTP(S): one blocking request with the validators of the copy
//! kept, gzip accepted, redirects followed only to http(s) and only a few, a connect and a
//! total timeout, a cap on the size, TLS always verified (rustls with the Mozilla roots, so no
//! system OpenSSL is needed). Nothing here knows about the library or the terminal: progress
//! goes to a callback, and a failure is a [`FetchError`] the caller reports.

pub mod url;

use std::io::Read;
use std::time::Duration;

use thiserror::Error;

use crate::tr;

/// The bounds on one download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// How long connecting (name look-up, TCP and TLS) may take.
    pub connect: Duration,
    /// How long the whole download may take, body included.
    pub total: Duration,
    /// The most bytes a body may hold; a larger one is refused, not cut.
    pub cap: u64,
    /// How many redirects are followed.
    pub redirects: u32,
}

impl Default for Limits {
    /// Generous for a slow venue network, and a cap far above any real programme (the same
    /// as for a programme file).
    fn default() -> Self {
        Self {
            connect: Duration::from_secs(15),
            total: Duration::from_secs(120),
            cap: crate::formats::PROGRAMME_SIZE_CAP,
            redirects: 5,
        }
    }
}

/// What the server said the copy it sent can be checked against next time.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Validators {
    /// The `ETag` header, sent back as `If-None-Match`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// The `Last-Modified` header, sent back as `If-Modified-Since`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

impl Validators {
    /// Whether there is anything to send back: a server that gives none cannot answer a
    /// conditional request.
    pub fn any(&self) -> bool {
        self.etag.is_some() || self.last_modified.is_some()
    }
}

/// What a download brought.
#[derive(Debug)]
pub enum Fetched {
    /// 304: the copy kept is the current one.
    NotModified,
    /// A body, whole, with the validators that came with it.
    Body {
        /// The bytes, decompressed.
        bytes: Vec<u8>,
        /// The validators to send next time.
        validators: Validators,
    },
}

/// How far a download has come, for a progress line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Bytes received so far.
    pub received: u64,
    /// Bytes in all, when the server says.
    pub total: Option<u64>,
}

/// Why a download brought no programme. Each says why in a few words, never the address (the
/// caller names it, through [`url::shown`]).
#[derive(Debug, Error)]
pub enum FetchError {
    /// The server answered with an error status.
    #[error("{}", tr!("fetch.status", status = .0))]
    Status(u16),
    /// The server did not answer, or not in time.
    #[error("{}", tr!("fetch.timeout", seconds = .0.as_secs_f32()))]
    Timeout(Duration),
    /// No connection could be made (no network, no such host, refused).
    #[error("{}", tr!("fetch.unreachable", error = .0))]
    Unreachable(String),
    /// The body stopped before its end.
    #[error("{}", tr!("fetch.cut", error = .0))]
    Cut(String),
    /// The body is larger than the cap.
    #[error("{}", tr!("fetch.too_large", cap = .0 >> 20))]
    TooLarge(u64),
    /// Too many redirects, or one to something other than http(s).
    #[error("{}", tr!("fetch.redirect"))]
    Redirect,
    /// The address cannot be requested.
    #[error("{}", tr!("fetch.bad_url"))]
    BadUrl,
    /// The TLS connection could not be made safely (a certificate that does not verify).
    #[error("{}", tr!("fetch.tls", error = .0))]
    Tls(String),
    /// Anything else the client reports.
    #[error("{}", tr!("fetch.other", error = .0))]
    Other(String),
}

/// Downloads `url`, asking only for a newer copy than the one `validators` describe, and
/// telling `progress` as the body comes in.
pub fn get(
    url: &str,
    validators: &Validators,
    limits: &Limits,
    progress: &mut dyn FnMut(Progress),
) -> Result<Fetched, FetchError> {
    let mut request = agent(limits).get(url);
    if let Some(etag) = &validators.etag {
        request = request.header("If-None-Match", etag);
    }
    if let Some(date) = &validators.last_modified {
        request = request.header("If-Modified-Since", date);
    }
    let mut response = request.call().map_err(|e| from_client(e, url, limits))?;
    let status = response.status().as_u16();
    if status == 304 {
        return Ok(Fetched::NotModified);
    }
    if !(200..300).contains(&status) {
        return Err(FetchError::Status(status));
    }
    let validators = Validators {
        etag: header(&response, "etag"),
        last_modified: header(&response, "last-modified"),
    };
    let bytes = read_body(response.body_mut(), url, limits, progress)?;
    Ok(Fetched::Body { bytes, validators })
}

/// The client for one download: redirects followed by the client itself (it refuses any
/// scheme but http and https), errors as statuses (so a 304 is an answer, not a failure).
fn agent(limits: &Limits) -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(limits.redirects)
        .max_redirects_will_error(true)
        .timeout_connect(Some(limits.connect))
        .timeout_global(Some(limits.total))
        .user_agent(concat!("dagsorden/", env!("CARGO_PKG_VERSION")))
        .build()
        .into()
}

/// A response header as text, if it is text.
fn header(response: &ureq::http::Response<ureq::Body>, name: &str) -> Option<String> {
    let value = response.headers().get(name)?.to_str().ok()?;
    Some(value.to_string())
}

/// The whole body, decompressed, stopping one byte past the cap.
fn read_body(
    body: &mut ureq::Body,
    url: &str,
    limits: &Limits,
    progress: &mut dyn FnMut(Progress),
) -> Result<Vec<u8>, FetchError> {
    let total = body.content_length();
    if total.is_some_and(|len| len > limits.cap) {
        return Err(FetchError::TooLarge(limits.cap));
    }
    let mut reader = body.with_config().limit(u64::MAX).reader();
    let mut bytes = Vec::new();
    let mut chunk = vec![0; 64 << 10];
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(body_error(e, url, limits)),
        };
        bytes.extend_from_slice(&chunk[..n]);
        if bytes.len() as u64 > limits.cap {
            return Err(FetchError::TooLarge(limits.cap));
        }
        progress(Progress {
            received: bytes.len() as u64,
            total,
        });
    }
    Ok(bytes)
}

/// A failure while the body came in: out of time, or cut off.
fn body_error(error: std::io::Error, url: &str, limits: &Limits) -> FetchError {
    match ureq::Error::from(error) {
        ureq::Error::Timeout(_) => FetchError::Timeout(limits.total),
        ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::TimedOut => {
            FetchError::Timeout(limits.total)
        }
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge(limits.cap),
        other => FetchError::Cut(url::redacted(&other.to_string(), url)),
    }
}

/// The client's error in our words, any address in it without its credentials.
fn from_client(error: ureq::Error, url: &str, limits: &Limits) -> FetchError {
    use ureq::Error as E;
    let detail = |e: &dyn std::fmt::Display| url::redacted(&e.to_string(), url);
    match error {
        E::StatusCode(status) => FetchError::Status(status),
        E::Timeout(_) => FetchError::Timeout(limits.total),
        E::HostNotFound | E::ConnectionFailed => FetchError::Unreachable(detail(&error)),
        E::Io(e) if e.kind() == std::io::ErrorKind::TimedOut => FetchError::Timeout(limits.total),
        E::Io(e) => FetchError::Unreachable(detail(&e)),
        E::TooManyRedirects | E::RedirectFailed => FetchError::Redirect,
        E::BadUri(_) | E::Http(_) => FetchError::BadUrl,
        E::BodyExceedsLimit(_) => FetchError::TooLarge(limits.cap),
        E::Tls(_) | E::Rustls(_) | E::TlsRequired => FetchError::Tls(detail(&error)),
        other => FetchError::Other(detail(&other)),
    }
}
