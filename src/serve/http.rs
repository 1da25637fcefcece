//! The HTTP/1.1 wire format, as little of it as a preview server needs.
//!
//! Input: a connection's bytes. Output: the request line ([`Head`]) or why it was refused, and
//! responses written back. Every response closes the connection, so there is no keep-alive,
//! chunking or pipelining to get wrong; a request head is capped in size and in time.

use std::fs::File;
use std::io::{self, Read, Write};
use std::time::{Duration, Instant};

/// The largest request head accepted (request line and headers).
pub const MAX_HEAD: usize = 8 * 1024;
/// The longest a client may take to send its request head.
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);

/// A request's method, target and the one header the server reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    /// `GET`, `HEAD`, …
    pub method: String,
    /// The request target as sent: `/digest/tags/?page=2`.
    pub target: String,
    /// The `Host` header, if any.
    pub host: Option<String>,
}

/// Why a request head was not read.
#[derive(Debug)]
pub enum HeadError {
    /// Larger than [`MAX_HEAD`]: answer 431.
    TooLarge,
    /// Not sent within [`HEAD_TIMEOUT`]: answer 408.
    TimedOut,
    /// Not HTTP/1.x: answer 400.
    Malformed,
    /// The connection closed or failed: answer nothing.
    Closed,
}

/// Reads a request head. The stream should have a short read timeout set: each time a read
/// times out, `patience` is asked how long this client may keep the server waiting, so silent
/// clients can be cut short when the server fills up. No client waits longer than
/// [`HEAD_TIMEOUT`], however it trickles its bytes.
pub fn read_head(
    stream: &mut impl Read,
    patience: &dyn Fn() -> Duration,
) -> Result<Head, HeadError> {
    let started = Instant::now();
    let mut head = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    loop {
        if let Some(end) = find_end(&head) {
            head.truncate(end);
            return parse_head(&head);
        }
        if head.len() > MAX_HEAD {
            return Err(HeadError::TooLarge);
        }
        if started.elapsed() > HEAD_TIMEOUT {
            return Err(HeadError::TimedOut);
        }
        match stream.read(&mut chunk) {
            Ok(0) => return Err(HeadError::Closed),
            Ok(n) => head.extend_from_slice(&chunk[..n]),
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                if started.elapsed() >= patience() {
                    return Err(HeadError::TimedOut);
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return Err(HeadError::Closed),
        }
    }
}

/// Where the head ends (the start of the blank line), if it has arrived.
fn find_end(bytes: &[u8]) -> Option<usize> {
    bytes.windows(4).position(|w| w == b"\r\n\r\n")
}

fn parse_head(bytes: &[u8]) -> Result<Head, HeadError> {
    let text = std::str::from_utf8(bytes).map_err(|_| HeadError::Malformed)?;
    let mut lines = text.split("\r\n");
    let request_line = lines.next().ok_or(HeadError::Malformed)?;
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(HeadError::Malformed);
    };
    let visible = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_graphic());
    if !version.starts_with("HTTP/1.") || !visible(method) || !visible(target) {
        return Err(HeadError::Malformed);
    }
    let host = lines
        .filter_map(|line| line.split_once(':'))
        .find(|(name, _)| name.eq_ignore_ascii_case("host"))
        .map(|(_, value)| value.trim().to_string());
    Ok(Head {
        method: method.to_string(),
        target: target.to_string(),
        host,
    })
}

/// What a response carries.
#[derive(Debug)]
pub enum Body {
    /// Bytes in memory (pages, messages).
    Bytes(Vec<u8>),
    /// A file streamed from disk, with its length.
    File(File, u64),
}

/// A complete response.
#[derive(Debug)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// Headers other than `Content-Length` and `Connection`, which are always sent.
    pub headers: Vec<(&'static str, String)>,
    /// The body (not sent for `HEAD`).
    pub body: Body,
}

impl Response {
    /// A short plain-text response, for errors.
    pub fn text(status: u16, text: &str) -> Response {
        Response {
            status,
            headers: vec![("Content-Type", "text/plain; charset=utf-8".into())],
            body: Body::Bytes(format!("{text}\n").into_bytes()),
        }
    }

    /// A redirect to `location` (already a valid URL path).
    pub fn redirect(status: u16, location: &str) -> Response {
        let mut response = Response::text(status, &format!("moved to {location}"));
        response.headers.push(("Location", location.to_string()));
        response
    }

    /// Writes the response and flushes it; `head_only` leaves the body out (for `HEAD`).
    pub fn send(self, out: &mut impl Write, head_only: bool) -> io::Result<()> {
        let length = match &self.body {
            Body::Bytes(bytes) => bytes.len() as u64,
            Body::File(_, length) => *length,
        };
        let mut head = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!(
            "Content-Length: {length}\r\nConnection: close\r\n\r\n"
        ));
        let mut out = io::BufWriter::new(out);
        out.write_all(head.as_bytes())?;
        if !head_only {
            match self.body {
                Body::Bytes(bytes) => out.write_all(&bytes)?,
                Body::File(file, length) => {
                    io::copy(&mut file.take(length), &mut out)?;
                }
            }
        }
        out.flush()
    }
}

/// The reason phrase of each status the server sends.
pub fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_request_line_and_host() {
        let mut input: &[u8] =
            b"GET /digest/?a=1 HTTP/1.1\r\nhost: 127.0.0.1:1111\r\nAccept: */*\r\n\r\n";
        let head = read_head(&mut input, &|| HEAD_TIMEOUT).unwrap();
        assert_eq!(head.method, "GET");
        assert_eq!(head.target, "/digest/?a=1");
        assert_eq!(head.host.as_deref(), Some("127.0.0.1:1111"));
    }

    #[test]
    fn refuses_oversized_and_malformed_heads() {
        let mut big = b"GET / HTTP/1.1\r\nX: ".to_vec();
        big.extend(std::iter::repeat_n(b'a', MAX_HEAD + 10));
        assert!(matches!(
            read_head(&mut big.as_slice(), &|| HEAD_TIMEOUT),
            Err(HeadError::TooLarge)
        ));
        for bad in [
            &b"GET /\r\n\r\n"[..],
            b"GET / HTTP/2\r\n\r\n",
            b"GET /a b HTTP/1.1\r\n\r\n",
            b"\r\n\r\n",
        ] {
            assert!(
                matches!(
                    read_head(&mut &bad[..], &|| HEAD_TIMEOUT),
                    Err(HeadError::Malformed)
                ),
                "{bad:?}"
            );
        }
        assert!(matches!(
            read_head(&mut &b"GET / HTTP/1.1\r\n"[..], &|| HEAD_TIMEOUT),
            Err(HeadError::Closed)
        ));
    }

    #[test]
    fn a_silent_client_times_out() {
        struct Silent;
        impl Read for Silent {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                Err(io::Error::from(io::ErrorKind::WouldBlock))
            }
        }
        assert!(matches!(
            read_head(&mut Silent, &|| Duration::ZERO),
            Err(HeadError::TimedOut)
        ));
    }

    #[test]
    fn head_responses_have_no_body() {
        let mut out = Vec::new();
        Response::text(404, "nope").send(&mut out, true).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("HTTP/1.1 404 Not Found\r\n"), "{text}");
        assert!(text.contains("Content-Length: 5\r\n"), "{text}");
        assert!(text.ends_with("\r\n\r\n"), "{text}");
    }
}
