//! File digests: SHA-256, BLAKE2b-256 and SM3 (GB/T 32905-2016, the national standard that
//! government deployments require), streamed so that a file of any size hashes in constant
//! memory.

use pallet_notarization::HashAlgorithm;
use sp_core::H256;
use std::{fs::File, io::Read, path::Path};

/// The names the command line accepts, as `--algorithm`.
pub const NAMES: &str = "sha256, blake2b-256, sm3";

/// The algorithm called `name`.
pub fn parse_algorithm(name: &str) -> Result<HashAlgorithm, String> {
	match name.to_ascii_lowercase().as_str() {
		"sha256" | "sha-256" => Ok(HashAlgorithm::Sha256),
		"blake2b-256" | "blake2b256" | "blake2b" => Ok(HashAlgorithm::Blake2b256),
		"sm3" => Ok(HashAlgorithm::Sm3),
		other => Err(format!("unknown hash algorithm `{other}`: use one of {NAMES}")),
	}
}

/// The command-line name of `algorithm`.
pub fn name(algorithm: HashAlgorithm) -> &'static str {
	match algorithm {
		HashAlgorithm::Sha256 => "sha256",
		HashAlgorithm::Blake2b256 => "blake2b-256",
		HashAlgorithm::Sm3 => "sm3",
	}
}

fn stream<D: sha2::Digest>(mut reader: impl Read) -> std::io::Result<H256> {
	let mut hasher = D::new();
	let mut buffer = vec![0u8; 1 << 16];
	loop {
		let read = reader.read(&mut buffer)?;
		if read == 0 {
			break;
		}
		hasher.update(&buffer[..read]);
	}
	Ok(H256::from_slice(&hasher.finalize()))
}

/// The digest of everything `reader` yields.
pub fn digest_of(algorithm: HashAlgorithm, reader: impl Read) -> std::io::Result<H256> {
	match algorithm {
		HashAlgorithm::Sha256 => stream::<sha2::Sha256>(reader),
		HashAlgorithm::Blake2b256 => stream::<blake2::Blake2b<blake2::digest::consts::U32>>(reader),
		HashAlgorithm::Sm3 => stream::<sm3::Sm3>(reader),
	}
}

/// The digest of the file at `path`.
pub fn digest_file(algorithm: HashAlgorithm, path: &Path) -> Result<H256, String> {
	let file = File::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
	digest_of(algorithm, std::io::BufReader::new(file))
		.map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// A 32-byte hash written as 64 hex digits, with or without `0x`.
pub fn parse_h256(text: &str) -> Result<H256, String> {
	let hex_digits = text.strip_prefix("0x").unwrap_or(text);
	let bytes = hex::decode(hex_digits).map_err(|e| format!("`{text}` is not hex: {e}"))?;
	if bytes.len() != 32 {
		return Err(format!("`{text}` has {} bytes, a digest has 32", bytes.len()));
	}
	Ok(H256::from_slice(&bytes))
}

#[cfg(test)]
mod tests {
	use super::*;

	fn hex_of(algorithm: HashAlgorithm, input: &[u8]) -> String {
		hex::encode(digest_of(algorithm, input).unwrap())
	}

	#[test]
	fn sm3_matches_the_examples_of_gb_t_32905() {
		// GB/T 32905-2016, appendix A: example 1 ("abc") and example 2 ("abcd" × 16).
		assert_eq!(
			hex_of(HashAlgorithm::Sm3, b"abc"),
			"66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
		);
		assert_eq!(
			hex_of(HashAlgorithm::Sm3, &b"abcd".repeat(16)),
			"debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"
		);
	}

	#[test]
	fn sha256_and_blake2b_match_their_standard_vectors() {
		// FIPS 180-2 "abc"; RFC 7693's BLAKE2b with a 32-byte output of "abc".
		assert_eq!(
			hex_of(HashAlgorithm::Sha256, b"abc"),
			"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
		);
		assert_eq!(
			hex_of(HashAlgorithm::Blake2b256, b"abc"),
			hex::encode(<sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash(
				b"abc"
			))
		);
		assert_eq!(
			hex_of(HashAlgorithm::Blake2b256, b""),
			"0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8"
		);
	}

	#[test]
	fn streaming_gives_the_digest_of_the_whole_input() {
		// Longer than the 64 KiB buffer, not a multiple of it.
		let input: Vec<u8> = (0..200_003u32).map(|i| (i % 251) as u8).collect();
		let chunked = digest_of(HashAlgorithm::Sm3, &input[..]).unwrap();
		use sha2::Digest;
		let whole = H256::from_slice(&sm3::Sm3::digest(&input));
		assert_eq!(chunked, whole);
	}

	#[test]
	fn names_parse_and_unknown_ones_are_refused() {
		assert_eq!(parse_algorithm("SM3"), Ok(HashAlgorithm::Sm3));
		assert_eq!(parse_algorithm("sha256"), Ok(HashAlgorithm::Sha256));
		assert_eq!(parse_algorithm("blake2b-256"), Ok(HashAlgorithm::Blake2b256));
		assert!(parse_algorithm("md5").unwrap_err().contains("unknown hash algorithm `md5`"));
		assert!(parse_h256("0x12").unwrap_err().contains("has 1 bytes"));
		assert!(parse_h256("zz").unwrap_err().contains("not hex"));
	}
}
