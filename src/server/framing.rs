//! Base-protocol framing that survives a hostile client.
//!
//! A message is `Content-Length: N\r\n…\r\n\r\n` and N bytes of JSON. The decoder
//! trusts the length first and the JSON second, and never stays lost:
//!
//! - bytes before a header (a stray byte, the tail of a message whose length was
//!   too short) are skipped up to the next `Content-Length:` or `Content-Type:`;
//! - a body that is not JSON is searched for the next header, so a header sent
//!   without its body does not swallow the message after it;
//! - a body whose length is too long yields the JSON object it starts with and
//!   gives the rest back to be read as the next header; one whose length is too
//!   short, or missing or not a number, is read as far as its JSON goes;
//! - a body over [`MAX_MESSAGE`] is read off and dropped, unless the input stalls
//!   (see [`Decoder::stalled`]), which shows the length was a lie;
//! - header lines are bounded ([`MAX_HEADER`]), and so is what is kept while
//!   searching for a header.
//!
//! The decoder is pure (bytes in, events out) so it can be tested and fuzzed
//! without a process.

use serde_json::Value;

/// Bodies larger than this are dropped rather than buffered.
pub const MAX_MESSAGE: usize = 64 * 1024 * 1024;
/// A header block longer than this is garbage.
pub const MAX_HEADER: usize = 8 * 1024;

/// What the decoder found in the input.
#[derive(Debug, PartialEq)]
pub enum Event {
    /// A JSON object. `repaired` when the body was not valid UTF-8 or held an
    /// escaped unpaired surrogate and was decoded with U+FFFD in their place.
    Message { value: Value, repaired: bool },
    /// Input that was skipped, and why.
    Garbage(String),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum State {
    /// Looking for a header block.
    Headers,
    /// Reading a body of this many bytes.
    Body(usize),
    /// A header block without a usable length: the body is read as JSON.
    Unframed,
    /// Dropping this many more bytes of a body over the limit.
    Skipping(usize),
}

pub struct Decoder {
    buffer: Vec<u8>,
    /// Where unread input starts in `buffer`.
    start: usize,
    state: State,
    /// How much unread input there was at the last attempt to read an unframed
    /// body.
    unframed_tried: usize,
}

impl Default for Decoder {
    fn default() -> Self {
        Decoder {
            buffer: Vec::new(),
            start: 0,
            state: State::Headers,
            unframed_tried: 0,
        }
    }
}

const HEADER_NAMES: [&[u8]; 2] = [b"content-length:", b"content-type:"];

impl Decoder {
    /// Feed input; returns the events it completes.
    pub fn push(&mut self, bytes: &[u8]) -> Vec<Event> {
        let mut bytes = bytes;
        let mut events = Vec::new();
        if let State::Skipping(remaining) = self.state {
            let dropped = remaining.min(bytes.len());
            bytes = &bytes[dropped..];
            self.state = if dropped == remaining {
                State::Headers
            } else {
                State::Skipping(remaining - dropped)
            };
        }
        self.buffer.extend_from_slice(bytes);
        self.run(&mut events);
        self.compact();
        events
    }

    /// No input came for a while although the decoder waits for some. A client
    /// that waits for an answer sends nothing more, so what is buffered is all
    /// there is: a body shorter than its length is taken for what its JSON holds,
    /// and a skip of an over-limit body ends.
    pub fn stalled(&mut self) -> Vec<Event> {
        let mut events = Vec::new();
        // Each round takes one message or resynchronizes once.
        while self.stalled_once(&mut events) {}
        self.compact();
        events
    }

    fn stalled_once(&mut self, events: &mut Vec<Event>) -> bool {
        match self.state {
            State::Body(_) | State::Unframed => {
                let unread = self.unread();
                let Some(first) = unread.iter().position(|b| !b.is_ascii_whitespace()) else {
                    return false;
                };
                if unread[first] == b'{' {
                    if let Some(event) = self.take_json_prefix() {
                        events.push(event);
                        self.run(events);
                        return true;
                    }
                }
                // Not a whole object: what follows the next header is the next
                // message; a body that will never be whole waits for nothing.
                let unread = self.unread();
                let Some(at) = find_header(unread) else {
                    return false;
                };
                if at > 0 {
                    events.push(Event::Garbage(format!(
                        "skipped {at} bytes of an incomplete message"
                    )));
                }
                self.start += at;
                self.state = State::Headers;
                self.run(events);
                true
            }
            State::Skipping(_) => {
                self.state = State::Headers;
                events.push(Event::Garbage(
                    "a body over the size limit ended early".to_owned(),
                ));
                self.run(events);
                true
            }
            State::Headers => false,
        }
    }

    /// True when the decoder holds a partial message.
    pub fn is_waiting(&self) -> bool {
        self.state != State::Headers || self.start < self.buffer.len()
    }

    fn unread(&self) -> &[u8] {
        &self.buffer[self.start..]
    }

    fn compact(&mut self) {
        if self.start > 0 && (self.start == self.buffer.len() || self.start > self.buffer.len() / 2)
        {
            self.buffer.drain(..self.start);
            self.start = 0;
        }
    }

    fn run(&mut self, events: &mut Vec<Event>) {
        loop {
            let progressed = match self.state {
                State::Headers => self.read_headers(events),
                State::Body(length) => self.read_body(length, events),
                State::Unframed => self.read_unframed(events),
                State::Skipping(remaining) => {
                    let available = self.buffer.len() - self.start;
                    let dropped = remaining.min(available);
                    self.start += dropped;
                    self.state = if dropped == remaining {
                        State::Headers
                    } else {
                        State::Skipping(remaining - dropped)
                    };
                    dropped == remaining && dropped > 0
                }
            };
            if !progressed {
                return;
            }
        }
    }

    /// Skip to the next header name; parse a complete header block there.
    fn read_headers(&mut self, events: &mut Vec<Event>) -> bool {
        let unread = self.unread();
        let Some(at) = find_header(unread) else {
            // Keep only what could be the start of a header name.
            let keep = longest_header_prefix_suffix(unread);
            let skipped = unread.len() - keep;
            if skipped > 0 {
                if !is_blank(&unread[..skipped]) {
                    events.push(Event::Garbage(format!(
                        "skipped {skipped} bytes that are not a message header"
                    )));
                }
                self.start += skipped;
            }
            return false;
        };
        if at > 0 {
            if !is_blank(&unread[..at]) {
                events.push(Event::Garbage(format!(
                    "skipped {at} bytes before a message header"
                )));
            }
            self.start += at;
            return true;
        }
        let Some((block_len, body_at)) = header_block_end(unread) else {
            if unread.len() > MAX_HEADER {
                events.push(Event::Garbage(format!(
                    "a header block longer than {MAX_HEADER} bytes"
                )));
                self.start += 1;
                return true;
            }
            return false;
        };
        if block_len > MAX_HEADER {
            events.push(Event::Garbage(format!(
                "a header block longer than {MAX_HEADER} bytes"
            )));
            self.start += 1;
            return true;
        }
        // A header glued to the end of a garbage line (`X: yContent-Length: 9`)
        // starts the real block.
        if let Some(glued) = find_header(&unread[1..block_len]).map(|at| at + 1) {
            if unread[glued - 1] != b'\n' {
                events.push(Event::Garbage(format!(
                    "skipped {glued} bytes of a broken header"
                )));
                self.start += glued;
                return true;
            }
        }
        let length = content_length(&unread[..block_len]);
        self.start += body_at;
        self.state = match length {
            Some(Ok(length)) if length > MAX_MESSAGE => {
                events.push(Event::Garbage(format!(
                    "a message of {length} bytes is over the {MAX_MESSAGE}-byte limit"
                )));
                State::Skipping(length)
            }
            Some(Ok(length)) => State::Body(length),
            Some(Err(())) | None => {
                events.push(Event::Garbage(
                    "a header without a valid Content-Length: reading the body as JSON".to_owned(),
                ));
                self.unframed_tried = 0;
                State::Unframed
            }
        };
        true
    }

    fn read_body(&mut self, length: usize, events: &mut Vec<Event>) -> bool {
        let unread = self.unread();
        // A message body is a JSON object: one that starts otherwise is not a
        // body, and a header in it (one sent without its body) is read at once.
        let first = unread.iter().position(|b| !b.is_ascii_whitespace());
        if first.is_some_and(|first| unread[first] != b'{') {
            if let Some(at) = find_header(unread) {
                events.push(Event::Garbage("a header without its body".to_owned()));
                self.start += at;
                self.state = State::Headers;
                return true;
            }
        }
        if unread.len() < length {
            return false;
        }
        let body = &unread[..length];
        match decode(body) {
            Ok((value, repaired)) => {
                self.start += length;
                self.state = State::Headers;
                events.push(message_or_garbage(value, repaired));
                true
            }
            Err(_) => {
                // Too long: a JSON object followed by the start of the next header.
                if let Some(event) = self.take_json_prefix() {
                    events.push(event);
                    return true;
                }
                // Too short: the JSON goes on past the length.
                let body = &self.unread()[..length];
                if json_is_truncated(body) {
                    self.state = State::Unframed;
                    self.unframed_tried = 0;
                    return true;
                }
                // Not JSON: resynchronize on a header inside the body, if any.
                events.push(Event::Garbage(format!(
                    "a message of {length} bytes is not JSON"
                )));
                // A header that starts inside the body (one sent without its
                // body) is read again from there.
                // The body's last bytes may be the start of a header cut by
                // the read: keep them.
                let unread = self.unread();
                let skip = find_header(unread)
                    .filter(|&at| at < length)
                    .unwrap_or_else(|| length - longest_header_prefix_suffix(&unread[..length]));
                self.start += skip;
                self.state = State::Headers;
                true
            }
        }
    }

    fn read_unframed(&mut self, events: &mut Vec<Event>) -> bool {
        let available = self.buffer.len() - self.start;
        let tried = self.unframed_tried;
        // Re-parse only when the input has grown enough since the last try, so
        // a body arriving in many pieces is not parsed once per piece.
        if available <= tried || (tried > 0 && available < tried * 2 && available - tried < 1 << 16)
        {
            return false;
        }
        self.unframed_tried = available;
        if let Some(event) = self.take_json_prefix() {
            events.push(event);
            return true;
        }
        let unread = self.unread();
        let Some(first) = unread.iter().position(|b| !b.is_ascii_whitespace()) else {
            return false;
        };
        // The start of a header, cut by the read: wait for the rest.
        if longest_header_prefix_suffix(&unread[first..]) == unread.len() - first {
            return false;
        }
        let incomplete = unread[first] == b'{' && json_is_truncated(&unread[first..]);
        if incomplete && unread.len() <= MAX_MESSAGE {
            return false;
        }
        events.push(Event::Garbage(
            "a body without a usable length is not JSON".to_owned(),
        ));
        // Past the bad byte, unless a header starts there; the header search
        // skips the rest.
        let at_header = find_header(&unread[first..]) == Some(0);
        self.start += first + usize::from(!at_header);
        self.state = State::Headers;
        true
    }

    /// A JSON object at the start of the unread input, taken with its length;
    /// the bytes after it stay unread.
    fn take_json_prefix(&mut self) -> Option<Event> {
        let unread = self.unread();
        let first = unread.iter().position(|b| !b.is_ascii_whitespace())?;
        if unread[first] != b'{' {
            return None;
        }
        let (value, used, repaired) = json_prefix(&unread[first..])?;
        self.start += first + used;
        self.state = State::Headers;
        Some(message_or_garbage(value, repaired))
    }
}

fn message_or_garbage(value: Value, repaired: bool) -> Event {
    if value.is_object() {
        Event::Message { value, repaired }
    } else {
        Event::Garbage("a message that is not a JSON object".to_owned())
    }
}

fn is_blank(bytes: &[u8]) -> bool {
    bytes.iter().all(u8::is_ascii_whitespace)
}

/// Where the next header name starts (case-insensitive), if anywhere.
fn find_header(bytes: &[u8]) -> Option<usize> {
    let mut at = 0;
    while at < bytes.len() {
        let next = bytes[at..].iter().position(|b| matches!(b, b'c' | b'C'))?;
        at += next;
        if HEADER_NAMES
            .iter()
            .any(|name| starts_with_ignore_case(&bytes[at..], name))
        {
            return Some(at);
        }
        at += 1;
    }
    None
}

fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// How many bytes at the end of `bytes` could begin a header name.
fn longest_header_prefix_suffix(bytes: &[u8]) -> usize {
    let longest = HEADER_NAMES.iter().map(|n| n.len()).max().unwrap_or(0);
    (1..longest.min(bytes.len() + 1))
        .rev()
        .find(|&n| {
            let tail = &bytes[bytes.len() - n..];
            HEADER_NAMES
                .iter()
                .any(|name| name.len() > n && name[..n].eq_ignore_ascii_case(tail))
        })
        .unwrap_or(0)
}

/// The header block's length (without the blank line) and where the body starts.
/// Lines end with `\r\n` or a bare `\n`.
fn header_block_end(bytes: &[u8]) -> Option<(usize, usize)> {
    let limit = bytes.len().min(MAX_HEADER + 4);
    let mut line_start = 0;
    let mut i = 0;
    while i < limit {
        if bytes[i] == b'\n' {
            let line = &bytes[line_start..i];
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            if line.is_empty() && line_start > 0 {
                return Some((line_start, i + 1));
            }
            line_start = i + 1;
        }
        i += 1;
    }
    None
}

/// The Content-Length of a header block: `None` when absent, `Err` when not a
/// number.
fn content_length(block: &[u8]) -> Option<Result<usize, ()>> {
    let text = String::from_utf8_lossy(block);
    let mut found = None;
    for line in text.lines() {
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                found = Some(value.trim().parse::<usize>().map_err(|_| ()));
            }
        }
    }
    found
}

/// Decode a whole body; a body with invalid UTF-8 or escaped unpaired
/// surrogates is decoded again with U+FFFD in their place.
fn decode(body: &[u8]) -> Result<(Value, bool), serde_json::Error> {
    match serde_json::from_slice::<Value>(body) {
        Ok(value) => Ok((value, false)),
        Err(error) => {
            let repaired = repair(body).ok_or(error)?;
            serde_json::from_slice::<Value>(&repaired).map(|v| (v, true))
        }
    }
}

/// The first JSON value of `bytes`, how many bytes it took and whether it had
/// to be repaired.
fn json_prefix(bytes: &[u8]) -> Option<(Value, usize, bool)> {
    let mut stream = serde_json::Deserializer::from_slice(bytes).into_iter::<Value>();
    match stream.next() {
        Some(Ok(value)) => Some((value, stream.byte_offset(), false)),
        Some(Err(_)) => {
            // Repairing keeps byte offsets only where it changed nothing; find
            // the end on the repaired copy and map back through the same lengths.
            let end = json_object_end(bytes)?;
            let (value, repaired) = decode(&bytes[..end]).ok()?;
            Some((value, end, repaired))
        }
        None => None,
    }
}

/// The end of the JSON object `bytes` starts with, by brackets and strings only.
fn json_object_end(bytes: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// Is `bytes` the beginning of a JSON value that goes on past its end?
fn json_is_truncated(bytes: &[u8]) -> bool {
    match serde_json::from_slice::<Value>(bytes) {
        Err(error) => {
            error.is_eof()
                || repair(bytes)
                    .is_some_and(|r| serde_json::from_slice::<Value>(&r).is_err_and(|e| e.is_eof()))
        }
        Ok(_) => false,
    }
}

/// A copy of `body` with invalid UTF-8 and escaped unpaired surrogates replaced
/// by U+FFFD; `None` when there was nothing to repair.
fn repair(body: &[u8]) -> Option<Vec<u8>> {
    let text = String::from_utf8_lossy(body);
    let mut changed = matches!(text, std::borrow::Cow::Owned(_));
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' && i + 1 < bytes.len() {
            if bytes[i + 1] == b'u' {
                if let Some(unit) = hex4(bytes, i + 2) {
                    let paired_low = hex4(bytes, i + 8)
                        .filter(|_| {
                            bytes.get(i + 6) == Some(&b'\\') && bytes.get(i + 7) == Some(&b'u')
                        })
                        .is_some_and(|low| (0xDC00..0xE000).contains(&low));
                    if (0xD800..0xDC00).contains(&unit) && paired_low {
                        out.extend_from_slice(&bytes[i..i + 12]);
                        i += 12;
                        continue;
                    }
                    if (0xD800..0xE000).contains(&unit) {
                        out.extend_from_slice(b"\\uFFFD");
                        changed = true;
                        i += 6;
                        continue;
                    }
                }
            }
            out.extend_from_slice(&bytes[i..i + 2]);
            i += 2;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    changed.then_some(out)
}

fn hex4(bytes: &[u8], at: usize) -> Option<u32> {
    let digits = bytes.get(at..at + 4)?;
    let text = std::str::from_utf8(digits).ok()?;
    u32::from_str_radix(text, 16).ok()
}

/// One message framed for the wire.
pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn messages(events: &[Event]) -> Vec<Value> {
        events
            .iter()
            .filter_map(|e| match e {
                Event::Message { value, .. } => Some(value.clone()),
                Event::Garbage(_) => None,
            })
            .collect()
    }

    fn request(id: i64) -> Vec<u8> {
        frame(
            json!({"jsonrpc": "2.0", "id": id, "method": "initialize"})
                .to_string()
                .as_bytes(),
        )
    }

    fn ids(events: &[Event]) -> Vec<i64> {
        messages(events)
            .iter()
            .filter_map(|m| m["id"].as_i64())
            .collect()
    }

    fn decode_all(input: &[u8]) -> Vec<Event> {
        let mut decoder = Decoder::default();
        let mut events = decoder.push(input);
        events.extend(decoder.stalled());
        events
    }

    fn with_tail(head: &[u8]) -> Vec<u8> {
        let mut input = head.to_vec();
        for id in 1..=3 {
            input.extend(request(id));
        }
        input
    }

    #[test]
    fn one_byte_at_a_time() {
        let input = with_tail(b"");
        let mut decoder = Decoder::default();
        let mut events = Vec::new();
        for byte in &input {
            events.extend(decoder.push(std::slice::from_ref(byte)));
        }
        assert_eq!(ids(&events), [1, 2, 3]);
        assert!(!decoder.is_waiting());
    }

    #[test]
    fn stray_byte_before_a_header() {
        let events = decode_all(&with_tail(
            b"xContent-Length: 31\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"x\"}",
        ));
        assert_eq!(ids(&events), [1, 2, 3]);
        assert_eq!(messages(&events)[0]["method"], "x");
    }

    #[test]
    fn lengths_too_short_and_too_long() {
        let body = br#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{}}"#;
        for delta in [-10i64, -1, 1, 5] {
            let length = (body.len() as i64 + delta) as usize;
            let mut head = format!("Content-Length: {length}\r\n\r\n").into_bytes();
            head.extend_from_slice(body);
            let events = decode_all(&with_tail(&head));
            assert_eq!(ids(&events), [0, 1, 2, 3], "delta {delta}: {events:?}");
        }
    }

    #[test]
    fn missing_or_non_numeric_length() {
        for header in [
            "Content-Type: application/json\r\n\r\n",
            "Content-Length: abc\r\n\r\n",
        ] {
            let mut head = header.as_bytes().to_vec();
            head.extend_from_slice(br#"{"jsonrpc":"2.0","id":0,"method":"m"}"#);
            let events = decode_all(&with_tail(&head));
            assert_eq!(ids(&events), [0, 1, 2, 3], "{header:?}: {events:?}");
        }
    }

    #[test]
    fn header_without_body() {
        for length in [5, 30, 200] {
            let head = format!("Content-Length: {length}\r\n\r\n");
            let events = decode_all(&with_tail(head.as_bytes()));
            assert_eq!(ids(&events), [1, 2, 3], "{length}: {events:?}");
        }
    }

    #[test]
    fn header_line_glued_to_the_next_header() {
        let events = decode_all(&with_tail(b"Content-Length: 40\r\nX: y"));
        assert_eq!(ids(&events), [1, 2, 3], "{events:?}");
    }

    /// Found by the fuzz driver: garbage, a pause, then frames fed one byte at
    /// a time must all come through.
    #[test]
    fn garbage_a_pause_then_frames_byte_by_byte() {
        let truncated = request(0);
        for garbage in [
            b"Content-Length: 99999999999999999999\r\n\r\n".to_vec(),
            b"Content-Length: 191\r\n\r\nContent-Length: 288\r\n\r\nContent-Length: 280\r\n\r\n"
                .to_vec(),
            truncated[..truncated.len() - 8].to_vec(),
        ] {
            let mut decoder = Decoder::default();
            let mut events = decoder.push(&garbage);
            events.extend(decoder.stalled());
            for id in 1..=3 {
                for byte in request(id) {
                    events.extend(decoder.push(&[byte]));
                }
            }
            events.extend(decoder.stalled());
            assert!(ids(&events).ends_with(&[1, 2, 3]), "{events:?}");
            assert!(!decoder.is_waiting());
        }
    }

    #[test]
    fn header_without_body_then_a_pause() {
        let mut decoder = Decoder::default();
        let mut events = decoder.push(b"Content-Length: 100\r\n\r\n");
        events.extend(decoder.stalled());
        events.extend(decoder.push(&request(7)));
        events.extend(decoder.stalled());
        assert_eq!(ids(&events), [7], "{events:?}");
    }

    #[test]
    fn too_long_then_a_pause() {
        let body = br#"{"jsonrpc":"2.0","id":4,"method":"m"}"#;
        let mut input = format!("Content-Length: {}\r\n\r\n", body.len() + 20).into_bytes();
        input.extend_from_slice(body);
        let mut decoder = Decoder::default();
        let mut events = decoder.push(&input);
        assert!(events.is_empty());
        events.extend(decoder.stalled());
        assert_eq!(ids(&events), [4]);
    }

    #[test]
    fn over_limit_body_is_skipped() {
        let mut decoder = Decoder::default();
        let length = MAX_MESSAGE + 10;
        let mut events = decoder.push(format!("Content-Length: {length}\r\n\r\n").as_bytes());
        let chunk = vec![b'a'; 1 << 20];
        let mut sent = 0;
        while sent + chunk.len() <= length {
            events.extend(decoder.push(&chunk));
            sent += chunk.len();
        }
        let mut last = vec![b'a'; length - sent];
        last.extend(request(9));
        events.extend(decoder.push(&last));
        assert_eq!(ids(&events), [9]);
        assert!(
            decoder.buffer.len() < 4096,
            "nothing of the skipped body kept"
        );
    }

    #[test]
    fn lying_over_limit_length_ends_on_a_stall() {
        let mut decoder = Decoder::default();
        let mut events = decoder.push(b"Content-Length: 999999999999\r\n\r\n");
        events.extend(decoder.stalled());
        events.extend(decoder.push(&request(5)));
        assert_eq!(ids(&events), [5]);
    }

    #[test]
    fn endless_garbage_is_not_kept() {
        let mut decoder = Decoder::default();
        for _ in 0..100 {
            decoder.push(&[b'x'; 100_000]);
        }
        assert!(decoder.buffer.len() < 100, "{}", decoder.buffer.len());
        let events = decoder.push(&request(1));
        assert_eq!(ids(&events), [1]);
    }

    #[test]
    fn endless_header_line_is_bounded() {
        let mut decoder = Decoder::default();
        decoder.push(b"Content-Length: 1");
        for _ in 0..100 {
            decoder.push(&[b'0'; 10_000]);
        }
        assert!(
            decoder.buffer.len() < 2 * MAX_HEADER,
            "{}",
            decoder.buffer.len()
        );
        let events = decoder.push(&request(1));
        assert_eq!(ids(&events), [1]);
    }

    #[test]
    fn not_json_and_not_objects() {
        let mut input = frame(b"{this is not json");
        input.extend(frame(b"[1, 2]"));
        input.extend(frame(b"42"));
        let events = decode_all(&with_tail(&input));
        assert_eq!(ids(&events), [1, 2, 3]);
        let garbage = events
            .iter()
            .filter(|e| matches!(e, Event::Garbage(_)))
            .count();
        assert_eq!(garbage, 3, "{events:?}");
    }

    #[test]
    fn lone_surrogates_and_bad_utf8_are_repaired() {
        let mut input = frame(
            br#"{"jsonrpc":"2.0","method":"m","params":{"text":"a\ud800b\udc00c\ud83d\ude00"}}"#,
        );
        input.extend(frame(
            b"{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"text\":\"a\xffb\"}}",
        ));
        let events = decode_all(&input);
        let texts: Vec<(String, bool)> = events
            .iter()
            .filter_map(|e| match e {
                Event::Message { value, repaired } => {
                    Some((value["params"]["text"].as_str()?.to_owned(), *repaired))
                }
                Event::Garbage(_) => None,
            })
            .collect();
        assert_eq!(
            texts,
            [
                ("a\u{fffd}b\u{fffd}c😀".to_owned(), true),
                ("a\u{fffd}b".to_owned(), true)
            ]
        );
    }

    #[test]
    fn escaped_backslash_before_u_is_not_an_escape() {
        let events = decode_all(&frame(
            br#"{"jsonrpc":"2.0","method":"m","params":{"text":"\\ud800"}}"#,
        ));
        assert_eq!(messages(&events)[0]["params"]["text"], "\\ud800");
    }
}
