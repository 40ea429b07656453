//! A guard between stdin and the protocol framework.
//!
//! tower-lsp-server stops reading after one undecodable message (tokio-util's
//! framed reader ends its stream on the first decode error), which would end the
//! session on a single garbled message. This guard re-frames stdin itself: valid
//! JSON bodies pass through untouched; anything else becomes an
//! `unres/invalidMessage` notification that the server logs, and reading goes on.

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream};

/// Bodies larger than this are refused (and skipped) rather than buffered.
const MAX_MESSAGE: usize = 64 * 1024 * 1024;

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

fn invalid(reason: &str) -> Vec<u8> {
    let message = json!({
        "jsonrpc": "2.0",
        "method": "unres/invalidMessage",
        "params": { "reason": reason },
    });
    frame(message.to_string().as_bytes())
}

/// Copy framed messages from `input` to `output`, replacing invalid ones.
pub async fn guard(input: impl AsyncRead + Unpin, mut output: DuplexStream) {
    let mut reader = BufReader::new(input);
    loop {
        let mut length: Option<usize> = None;
        let mut saw_header = false;
        loop {
            let mut line = String::new();
            match reader.read_line(&mut line).await {
                Ok(0) => return,
                Ok(_) => {}
                Err(_) => {
                    // Not UTF-8 in the headers: drop the line and resynchronize.
                    let _ = output.write_all(&invalid("headers are not UTF-8")).await;
                    continue;
                }
            }
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() {
                if saw_header {
                    break;
                }
                continue;
            }
            saw_header = true;
            if let Some((name, value)) = line.split_once(':') {
                if name.trim().eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().ok();
                }
            }
        }
        let Some(length) = length.filter(|&n| n <= MAX_MESSAGE) else {
            if output
                .write_all(&invalid("missing, invalid or too large Content-Length"))
                .await
                .is_err()
            {
                return;
            }
            continue;
        };
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).await.is_err() {
            return;
        }
        let valid = serde_json::from_slice::<Value>(&body).is_ok_and(|v| v.is_object());
        let out = if valid {
            frame(&body)
        } else {
            invalid(&format!("a message of {length} bytes is not a JSON object"))
        };
        if output.write_all(&out).await.is_err() {
            return;
        }
    }
}
