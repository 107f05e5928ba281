//! A real HTTP server on 127.0.0.1 for the tests of downloads: started by the test, answering
//! as the test tells it (a body with validators, a 304, an error status, a redirect, gzip, a
//! body cut off, a slow answer), stopped when dropped. No network beyond loopback.

use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use tiny_http::{Header, Request, Response, Server};

/// How the server answers its next requests.
#[derive(Debug, Clone)]
pub enum Answer {
    /// 200 with this body; 304 when the request's validators match these.
    Body {
        body: Vec<u8>,
        etag: Option<String>,
        last_modified: Option<String>,
    },
    /// This status with a short body.
    Status(u16),
    /// 302 to `to` on the same server, which answers with `body`.
    Redirect { to: String, body: Vec<u8> },
    /// 200, the body gzip-compressed with `Content-Encoding: gzip`.
    Gzip(Vec<u8>),
    /// 200 with this body, after waiting this long.
    Slow(Duration, Vec<u8>),
}

impl Answer {
    /// 200 with `body` and no validators.
    pub fn plain(body: &[u8]) -> Self {
        Self::Body {
            body: body.to_vec(),
            etag: None,
            last_modified: None,
        }
    }
}

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub path: String,
    pub if_none_match: Option<String>,
    pub if_modified_since: Option<String>,
    pub accept_encoding: Option<String>,
}

/// The server; it stops when dropped.
pub struct TestServer {
    server: Arc<Server>,
    answer: Arc<Mutex<Answer>>,
    seen: Arc<Mutex<Vec<Seen>>>,
    thread: Option<JoinHandle<()>>,
    pub base: String,
}

impl TestServer {
    /// A server on a free port of 127.0.0.1 answering `answer` to every request.
    pub fn start(answer: Answer) -> Self {
        let server = Arc::new(Server::http("127.0.0.1:0").expect("a loopback server"));
        let port = server.server_addr().to_ip().expect("an IP address").port();
        let answer = Arc::new(Mutex::new(answer));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let thread = {
            let (server, answer, seen) = (server.clone(), answer.clone(), seen.clone());
            std::thread::spawn(move || {
                for request in server.incoming_requests() {
                    let now = answer.lock().expect("answer").clone();
                    seen.lock().expect("seen").push(seen_of(&request));
                    respond(request, now);
                }
            })
        };
        Self {
            server,
            answer,
            seen,
            thread: Some(thread),
            base: format!("http://127.0.0.1:{port}"),
        }
    }

    /// The URL of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Answers `answer` from now on.
    pub fn set(&self, answer: Answer) {
        *self.answer.lock().expect("answer") = answer;
    }

    /// The requests seen so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().expect("seen").clone()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn header(request: &Request, name: &str) -> Option<String> {
    request
        .headers()
        .iter()
        .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
        .map(|h| h.value.as_str().to_string())
}

fn seen_of(request: &Request) -> Seen {
    Seen {
        path: request.url().to_string(),
        if_none_match: header(request, "If-None-Match"),
        if_modified_since: header(request, "If-Modified-Since"),
        accept_encoding: header(request, "Accept-Encoding"),
    }
}

fn with(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a header")
}

fn respond(request: Request, answer: Answer) {
    let _ = match answer {
        Answer::Body {
            body,
            etag,
            last_modified,
        } => {
            let matches_etag = etag.is_some() && header(&request, "If-None-Match") == etag;
            let matches_date =
                last_modified.is_some() && header(&request, "If-Modified-Since") == last_modified;
            if matches_etag || matches_date {
                request.respond(Response::empty(304))
            } else {
                let mut response = Response::from_data(body);
                if let Some(etag) = etag {
                    response.add_header(with("ETag", &etag));
                }
                if let Some(date) = last_modified {
                    response.add_header(with("Last-Modified", &date));
                }
                request.respond(response)
            }
        }
        Answer::Status(status) => {
            request.respond(Response::from_string("oops").with_status_code(status))
        }
        Answer::Redirect { to, body } if request.url() == to => {
            request.respond(Response::from_data(body))
        }
        Answer::Redirect { to, .. } => {
            request.respond(Response::empty(302).with_header(with("Location", &to)))
        }
        Answer::Gzip(body) => {
            use std::io::Write;
            let mut encoder =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            encoder.write_all(&body).expect("gzip");
            let zipped = encoder.finish().expect("gzip");
            request
                .respond(Response::from_data(zipped).with_header(with("Content-Encoding", "gzip")))
        }
        Answer::Slow(wait, body) => {
            std::thread::sleep(wait);
            request.respond(Response::from_data(body))
        }
    };
}

/// A bare server for what `tiny_http` will not do (close a connection mid-body): it answers
/// each of the connections it takes, in turn, with the next of `answers` (raw HTTP), then
/// closes that connection. Returns its base URL; it stops after the last answer.
pub fn raw_server(answers: Vec<Vec<u8>>) -> (String, JoinHandle<()>) {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a loopback listener");
    let port = listener.local_addr().expect("an address").port();
    let thread = std::thread::spawn(move || {
        for answer in answers {
            let Ok((stream, _)) = listener.accept() else {
                return;
            };
            let mut reader = BufReader::new(stream);
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let mut stream = reader.into_inner();
            let _ = stream.write_all(&answer);
            let _ = stream.shutdown(std::net::Shutdown::Both);
        }
    });
    (format!("http://127.0.0.1:{port}"), thread)
}

/// A raw 200 answer promising `promised` bytes of body and sending `body`.
pub fn raw_answer(body: &[u8], promised: usize) -> Vec<u8> {
    let mut answer = format!("HTTP/1.1 200 OK\r\nContent-Length: {promised}\r\n\r\n").into_bytes();
    answer.extend_from_slice(body);
    answer
}
