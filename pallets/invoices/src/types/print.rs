//! The printable invoice: what a PDF or paper invoice shows of an invoice on chain, and its QR
//! code, which anyone checks against the chain (`InvoicesApi::verify_printed`).
//!
//! The QR payload is ASCII, ten fields separated by commas, as the fully digitalized invoice's
//! code carries its number, amount, date and check code (校验码):
//!
//! `RC1,<chain>,<seller>,<number>,<S|O>,<B|R>,<net>,<tax>,<YYYYMMDD>,<content hash>`
//!
//! - `RC1`: the payload's version;
//! - `chain`: the genesis hash of the chain holding the invoice (`0x` and 64 hex digits), so
//!   that an invoice of a test network never verifies on the production one;
//! - `seller`: the issuer's 18-character unified social credit code;
//! - `number`: the invoice's number in the issuer's sequence;
//! - `S` special or `O` ordinary; `B` blue or `R` red;
//! - `net`, `tax`: in fen; `YYYYMMDD`: the date of issue in China Standard Time;
//! - `content hash`: the invoice's content hash (`0x` and 64 hex digits), its check code.

use super::InvoiceType;
use alloc::{format, vec::Vec};
use codec::{Decode, Encode};
use regchain_primitives::{time::Moment, CreditCode, Fen, InvoiceRef};
use scale_info::TypeInfo;
use sp_core::H256;

/// The payload's version tag.
pub const QR_VERSION: &str = "RC1";

/// What an invoice's QR code says.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct QrPayload {
	/// The chain's genesis hash.
	pub chain: H256,
	/// The issuer's credit code.
	pub seller: CreditCode,
	/// The number in the issuer's sequence.
	pub seq: u32,
	/// Special or ordinary.
	pub invoice_type: InvoiceType,
	/// Whether a red invoice.
	pub red: bool,
	/// Net amount, in fen.
	pub net: Fen,
	/// Tax, in fen.
	pub tax: Fen,
	/// The date of issue, `YYYYMMDD` in China Standard Time.
	pub date: u32,
	/// The content hash.
	pub content_hash: H256,
}

/// `YYYYMMDD` of a moment, in China Standard Time.
pub fn date_of(moment: Moment) -> u32 {
	let (year, month, day) = regchain_primitives::time::cst_date(moment);
	u32::try_from(year * 10_000 + month * 100 + day).unwrap_or(u32::MAX)
}

fn hex(hash: &H256) -> alloc::string::String {
	format!("0x{}", sp_core::hexdisplay::HexDisplay::from(&hash.0))
}

fn parse_hash(text: &str) -> Option<H256> {
	let digits = text.strip_prefix("0x")?.as_bytes();
	if digits.len() != 64 {
		return None;
	}
	let nibble = |c: u8| match c {
		b'0'..=b'9' => Some(c - b'0'),
		b'a'..=b'f' => Some(c - b'a' + 10),
		b'A'..=b'F' => Some(c - b'A' + 10),
		_ => None,
	};
	let mut out = [0u8; 32];
	for (i, pair) in digits.chunks(2).enumerate() {
		out[i] = nibble(pair[0])? << 4 | nibble(pair[1])?;
	}
	Some(H256(out))
}

/// A decimal number with no sign, no leading `+` and at most 20 digits.
fn parse_number<N: core::str::FromStr>(text: &str) -> Option<N> {
	if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
		return None;
	}
	text.parse().ok()
}

/// A credit code as printed: its 18 ASCII characters.
pub fn code_text(code: &CreditCode) -> alloc::string::String {
	alloc::string::String::from_utf8_lossy(code.as_bytes()).into_owned()
}

impl QrPayload {
	/// The payload as printed in the QR code.
	pub fn to_text(&self) -> Vec<u8> {
		let code = code_text(&self.seller);
		let invoice_type = match self.invoice_type {
			InvoiceType::Special => "S",
			InvoiceType::Ordinary => "O",
		};
		let kind = if self.red { "R" } else { "B" };
		format!(
			"{QR_VERSION},{},{code},{},{invoice_type},{kind},{},{},{},{}",
			hex(&self.chain),
			self.seq,
			self.net,
			self.tax,
			self.date,
			hex(&self.content_hash),
		)
		.into_bytes()
	}

	/// Reads a printed payload; `None` unless it is exactly what [`to_text`](Self::to_text)
	/// writes for some invoice.
	pub fn parse(text: &[u8]) -> Option<Self> {
		let text = core::str::from_utf8(text).ok()?;
		let fields: Vec<&str> = text.split(',').collect();
		let [version, chain, seller, seq, invoice_type, kind, net, tax, date, hash] = fields[..]
		else {
			return None;
		};
		if version != QR_VERSION {
			return None;
		}
		let payload = QrPayload {
			chain: parse_hash(chain)?,
			seller: CreditCode::parse(seller.as_bytes()).ok()?,
			seq: parse_number(seq)?,
			invoice_type: match invoice_type {
				"S" => InvoiceType::Special,
				"O" => InvoiceType::Ordinary,
				_ => return None,
			},
			red: match kind {
				"B" => false,
				"R" => true,
				_ => return None,
			},
			net: parse_number(net)?,
			tax: parse_number(tax)?,
			date: parse_number(date)?,
			content_hash: parse_hash(hash)?,
		};
		// One way to write each payload: a number with leading zeros is another text.
		(payload.to_text() == text.as_bytes()).then_some(payload)
	}
}

/// An invoice as printed (the canonical export): every field the printed invoice shows, with
/// the parties' credit codes, its chain and its QR payload. What a front-end renders as PDF.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct PrintedInvoice<Invoice> {
	/// The chain's genesis hash.
	pub chain: H256,
	/// Its number.
	pub id: InvoiceRef,
	/// The issuer's credit code (销售方统一社会信用代码), as printed.
	pub seller: alloc::string::String,
	/// The buyer's credit code, if it is a taxpayer; none for a person (printed "个人").
	pub buyer: Option<alloc::string::String>,
	/// The date of issue, `YYYYMMDD` in China Standard Time.
	pub date: u32,
	/// The invoice as stored: lines, amounts, type, clerk, hashes.
	pub invoice: Invoice,
	/// The QR code's payload (see the module docs).
	pub qr: Vec<u8>,
}

#[cfg(test)]
mod tests {
	use super::*;

	fn payload() -> QrPayload {
		QrPayload {
			chain: H256::repeat_byte(0xab),
			seller: CreditCode::parse(b"91350100M000100Y43").unwrap(),
			seq: 7,
			invoice_type: InvoiceType::Special,
			red: false,
			net: 40_000,
			tax: 4_500,
			date: 20_261_110,
			content_hash: H256::repeat_byte(0x01),
		}
	}

	#[test]
	fn a_payload_reads_back_and_nothing_else_does() {
		let text = payload().to_text();
		assert_eq!(
			core::str::from_utf8(&text).unwrap(),
			format!(
				"RC1,0x{},91350100M000100Y43,7,S,B,40000,4500,20261110,0x{}",
				"ab".repeat(32),
				"01".repeat(32)
			)
		);
		assert_eq!(QrPayload::parse(&text), Some(payload()));
		let text = core::str::from_utf8(&text).unwrap();
		for bad in [
			text.replace("RC1", "RC2"),
			text.replace(",7,", ",07,"),
			text.replace(",7,", ",-7,"),
			text.replace(",S,", ",X,"),
			text.replace(",B,", ",b,"),
			text.replace("40000", "4e4"),
			text.replace("Y43", "Y44"),
			format!("{text},"),
			text.replacen("0x", "", 1),
			text[..text.len() - 2].into(),
		] {
			assert_eq!(QrPayload::parse(bad.as_bytes()), None, "{bad}");
		}
		assert_eq!(QrPayload::parse(&[0xff, 0xfe]), None);
	}

	#[test]
	fn dates_are_china_standard_time() {
		// 2026-11-10T16:00:00Z is 2026-11-11 00:00 in Beijing.
		assert_eq!(date_of(1_794_326_400_000), 20_261_111);
		assert_eq!(date_of(1_794_326_399_999), 20_261_110);
	}
}
