//! A small blocking JSON-RPC client over HTTP/1.1, enough for the node's standard methods. A
//! node serves HTTP and WebSocket on the same port, so `ws://` addresses work too. No TLS: the
//! tool talks to an agency's own node or to a gateway on the local network; put a TLS proxy
//! in front for anything else.

use serde_json::{json, Value};
use std::{
	io::{Read, Write},
	net::TcpStream,
	time::Duration,
};

/// A node's RPC endpoint.
pub struct Rpc {
	host: String,
	port: u16,
	path: String,
}

impl Rpc {
	/// The endpoint at `url`: `http://host:port/path` or `ws://…` (same port).
	pub fn new(url: &str) -> Result<Self, String> {
		let rest = url
			.strip_prefix("http://")
			.or_else(|| url.strip_prefix("ws://"))
			.ok_or_else(|| format!("`{url}`: use an http:// or ws:// address (no TLS)"))?;
		let (authority, path) = match rest.find('/') {
			Some(at) => (&rest[..at], &rest[at..]),
			None => (rest, "/"),
		};
		let (host, port) = match authority.rsplit_once(':') {
			Some((host, port)) => {
				(host, port.parse().map_err(|_| format!("`{url}`: bad port `{port}`"))?)
			},
			None => (authority, 80),
		};
		Ok(Rpc { host: host.into(), port, path: path.into() })
	}

	/// Calls `method` with `params`; a JSON-RPC error becomes `Err` with its message.
	pub fn call(&self, method: &str, params: Value) -> Result<Value, String> {
		let body =
			json!({"jsonrpc": "2.0", "id": 1, "method": method, "params": params}).to_string();
		let mut stream = TcpStream::connect((self.host.as_str(), self.port))
			.map_err(|e| format!("cannot reach the node at {}:{}: {e}", self.host, self.port))?;
		stream.set_read_timeout(Some(Duration::from_secs(60))).ok();
		let request = format!(
			"POST {} HTTP/1.1\r\nHost: {}:{}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}",
			self.path,
			self.host,
			self.port,
			body.len(),
			body
		);
		stream.write_all(request.as_bytes()).map_err(|e| format!("{method}: {e}"))?;
		let mut response = Vec::new();
		stream.read_to_end(&mut response).map_err(|e| format!("{method}: {e}"))?;
		let split =
			find(&response, b"\r\n\r\n").ok_or(format!("{method}: malformed HTTP reply"))?;
		let head = String::from_utf8_lossy(&response[..split]).to_ascii_lowercase();
		let mut payload = response[split + 4..].to_vec();
		if head.contains("transfer-encoding: chunked") {
			payload = dechunk(&payload).ok_or(format!("{method}: malformed chunked reply"))?;
		}
		let status = head.split_whitespace().nth(1).unwrap_or("");
		let reply: Value = serde_json::from_slice(&payload).map_err(|_| {
			format!("{method}: HTTP {status}: {}", String::from_utf8_lossy(&payload))
		})?;
		if let Some(error) = reply.get("error") {
			return Err(format!("{method}: {}", error["message"].as_str().unwrap_or("error")));
		}
		Ok(reply["result"].clone())
	}

	/// Calls a method whose result is hex-encoded bytes (`None` for `null`).
	pub fn bytes(&self, method: &str, params: Value) -> Result<Option<Vec<u8>>, String> {
		match self.call(method, params)? {
			Value::Null => Ok(None),
			Value::String(text) => from_hex(&text).map(Some),
			other => Err(format!("{method}: expected hex, got {other}")),
		}
	}
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
	haystack.windows(needle.len()).position(|window| window == needle)
}

fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
	let mut out = Vec::new();
	loop {
		let line_end = find(body, b"\r\n")?;
		let size_text = std::str::from_utf8(&body[..line_end]).ok()?;
		let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
		body = &body[line_end + 2..];
		if size == 0 {
			return Some(out);
		}
		out.extend_from_slice(body.get(..size)?);
		body = body.get(size + 2..)?;
	}
}

/// `0x`-prefixed hex of `bytes`.
pub fn to_hex(bytes: &[u8]) -> String {
	format!("0x{}", hex::encode(bytes))
}

/// The bytes of `0x`-prefixed (or bare) hex.
pub fn from_hex(text: &str) -> Result<Vec<u8>, String> {
	hex::decode(text.strip_prefix("0x").unwrap_or(text)).map_err(|e| format!("bad hex: {e}"))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn addresses_parse_and_others_are_refused() {
		let rpc = Rpc::new("ws://127.0.0.1:9944").unwrap();
		assert_eq!((rpc.host.as_str(), rpc.port, rpc.path.as_str()), ("127.0.0.1", 9944, "/"));
		let rpc = Rpc::new("http://node.agency:8080/rpc").unwrap();
		assert_eq!((rpc.host.as_str(), rpc.port, rpc.path.as_str()), ("node.agency", 8080, "/rpc"));
		assert!(Rpc::new("https://x").err().unwrap().contains("no TLS"));
		assert!(Rpc::new("http://x:port").err().unwrap().contains("bad port"));
	}

	#[test]
	fn chunked_bodies_are_joined() {
		assert_eq!(dechunk(b"3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n").unwrap(), b"abcde");
		assert_eq!(dechunk(b"5\r\nab"), None);
	}
}
