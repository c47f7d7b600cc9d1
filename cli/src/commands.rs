//! The domain commands: the main extrinsics of every pallet with typed options (built with the
//! types generated from the runtime's metadata), any call of any pallet by name (`tx`), the
//! node's domain queries (`query`) and an enterprise's dossier (`dossier`).

use crate::client::{runtime, Client, Failure, Key, Wait};
use clap::{Args, Subcommand, ValueEnum};
use codec::Encode;
use runtime::runtime_types::{
	pallet_invoices::types::{
		records::{Buyer, InputUse, InvoiceType},
		red::{RedLineInput, RedReason},
		tax::LineInput,
	},
	pallet_ip_rights::types::WorkType,
	regchain_primitives::{InvoiceRef, OrgKind, Role},
};
use serde_json::{json, Value};
use std::{path::PathBuf, time::Duration};
use subxt::{
	ext::scale_value::{self, stringify},
	utils::{AccountId32, H256},
};

/// Who signs: the one way every command that signs takes its key.
#[derive(Args)]
pub struct Signing {
	/// The signing account's secret URI. Prefer `--suri-file`, `--keystore-file` or the
	/// REGCHAIN_SURI environment variable: a command line is visible to other local users.
	#[arg(long)]
	pub suri: Option<String>,
	/// A file holding the secret URI (first line).
	#[arg(long)]
	pub suri_file: Option<PathBuf>,
	/// A Substrate keystore file (`<keystore>/<key type><public key>`, a JSON string).
	#[arg(long)]
	pub keystore_file: Option<PathBuf>,
	/// The key's scheme.
	#[arg(long, default_value = "sr25519")]
	pub scheme: String,
}

impl Signing {
	/// The signing key, from exactly one of the sources.
	pub fn key(&self) -> Result<Key, Failure> {
		self.key_if_given()?.ok_or_else(|| {
			Failure::Input(
				"no signing key: give --suri-file, --keystore-file, --suri or REGCHAIN_SURI".into(),
			)
		})
	}

	/// The signing key if a source is given (none: `None`), from exactly one source.
	pub fn key_if_given(&self) -> Result<Option<Key>, Failure> {
		// The environment variable only when no other source is named.
		let from_env = std::env::var("REGCHAIN_SURI").ok().filter(|s| !s.is_empty());
		let suri = match (&self.suri, &self.suri_file, &self.keystore_file) {
			(None, None, None) => from_env.as_ref(),
			_ => self.suri.as_ref(),
		};
		match (suri, &self.suri_file, &self.keystore_file) {
			(Some(suri), None, None) => Key::from_suri(suri, &self.scheme).map(Some),
			(None, Some(file), None) => {
				let text = std::fs::read_to_string(file)
					.map_err(|e| Failure::Input(format!("cannot read {}: {e}", file.display())))?;
				Key::from_suri(text.lines().next().unwrap_or_default(), &self.scheme).map(Some)
			},
			(None, None, Some(file)) => Key::from_keystore_file(file, &self.scheme).map(Some),
			(None, None, None) => Ok(None),
			_ => Err(Failure::Input("give one signing key source, not several".into())),
		}
	}
}

/// Where to send, who signs, how long to follow: the options every extrinsic takes.
#[derive(Args)]
pub struct Send {
	/// The node's RPC address (http:// or ws://).
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	pub url: String,
	#[command(flatten)]
	pub signing: Signing,
	/// How long to follow the extrinsic.
	#[arg(long, value_enum, default_value = "finalized")]
	pub wait: Wait,
	/// Give up waiting after this many seconds (exit 6).
	#[arg(long, default_value_t = 120)]
	pub timeout: u64,
}

impl Send {
	/// The signing key, from exactly one of the sources.
	pub fn key(&self) -> Result<Key, Failure> {
		self.signing.key()
	}

	fn submit<Call: subxt::tx::Payload>(&self, call: Call) -> Result<Value, Failure> {
		let key = self.key()?;
		let client = Client::connect(&self.url)?;
		client.submit(&call, &key, self.wait, Duration::from_secs(self.timeout))
	}
}

/// Organizations, accounts and roles (the consortium pallet).
#[derive(Subcommand)]
pub enum Org {
	/// As an organization's first account: sign the consent the registrar submits with
	/// `org register` (valid for an hour of chain time), for one kind of member and one
	/// registering agency. Prints account, valid-until, signature.
	Consent {
		/// The organization's Unified Social Credit Code.
		#[arg(long)]
		credit_code: String,
		/// The kind of member it is registered as.
		#[arg(long, value_enum, default_value = "enterprise")]
		kind: Kind,
		/// The organization id of the agency that registers it (market regulation for an
		/// enterprise, the credit regulator for a bank): no other agency can use the consent.
		#[arg(long)]
		registrar: u32,
		#[command(flatten)]
		send: Send,
	},
	/// Register an enterprise or a financial institution (market regulation or the credit
	/// regulator signs).
	Register {
		#[arg(long, value_enum)]
		kind: Kind,
		/// The registered name.
		#[arg(long)]
		name: String,
		#[arg(long)]
		credit_code: String,
		/// The first account (SS58), which signed the consent.
		#[arg(long)]
		account: String,
		/// The consent's `valid_until` and `signature`, as `org consent` printed them.
		#[arg(long)]
		consent_valid_until: u64,
		/// The consent's signature (hex, 64 bytes).
		#[arg(long)]
		consent_signature: String,
		/// The membership's term, in days of chain time.
		#[arg(long, default_value_t = 365)]
		term_days: u64,
		#[command(flatten)]
		send: Send,
	},
	/// Grant a role to an organization (an agency whose remit covers the role signs).
	GrantRole(RoleChange),
	/// Revoke a role.
	RevokeRole(RoleChange),
}

/// An organization and a role.
#[derive(Args)]
pub struct RoleChange {
	/// The organization's id.
	#[arg(long)]
	org: u32,
	/// The role.
	#[arg(long, value_enum)]
	role: RoleName,
	#[command(flatten)]
	send: Send,
}

/// Organization kinds a registrar registers (agencies join through governance).
#[derive(Clone, Copy, ValueEnum)]
pub enum Kind {
	Enterprise,
	FinancialInstitution,
}

/// The runtime's kind of a registered member.
fn org_kind(kind: Kind) -> OrgKind {
	match kind {
		Kind::Enterprise => OrgKind::Enterprise,
		Kind::FinancialInstitution => OrgKind::FinancialInstitution,
	}
}

/// The consortium's roles.
#[derive(Clone, Copy, ValueEnum)]
pub enum RoleName {
	InvoiceIssuer,
	FundManager,
	Auditor,
	Attester,
	Notary,
	IpExaminer,
	ProvenanceRecorder,
	Inspector,
	Manufacturer,
	Logistics,
	Retailer,
}

impl RoleName {
	fn role(self) -> Role {
		match self {
			RoleName::InvoiceIssuer => Role::InvoiceIssuer,
			RoleName::FundManager => Role::FundManager,
			RoleName::Auditor => Role::Auditor,
			RoleName::Attester => Role::Attester,
			RoleName::Notary => Role::Notary,
			RoleName::IpExaminer => Role::IpExaminer,
			RoleName::ProvenanceRecorder => Role::ProvenanceRecorder,
			RoleName::Inspector => Role::Inspector,
			RoleName::Manufacturer => Role::Manufacturer,
			RoleName::Logistics => Role::Logistics,
			RoleName::Retailer => Role::Retailer,
		}
	}
}

/// Special funds (专项资金).
#[derive(Subcommand)]
pub enum Funds {
	/// Open a program with its guide's terms (a fund manager of the finance bureau or a
	/// commission signs); its budget is the finance bureau's to appropriate (`set-budget`).
	CreateProgram {
		/// Hash of the policy document.
		#[arg(long)]
		policy: String,
		/// Expense categories allowed, a bit set (bit n = category n).
		#[arg(long, default_value_t = 1)]
		categories: u32,
		/// Applications open (a CST date `YYYY-MM-DD` or ms since 1970).
		#[arg(long)]
		apply_from: String,
		/// Applications close.
		#[arg(long)]
		apply_until: String,
		/// The program ends.
		#[arg(long)]
		ends_at: String,
		/// A division applicants must be registered in (six digits, e.g. 310115 for Pudong),
		/// repeatable, at most 8; none: anywhere.
		#[arg(long = "region")]
		regions: Vec<u32>,
		/// A kind of organization that may apply, repeatable (default: enterprises).
		#[arg(long = "kind", value_enum)]
		kinds: Vec<ApplicantKind>,
		/// A role every applicant must hold, repeatable.
		#[arg(long = "role", value_enum)]
		roles: Vec<RoleName>,
		/// The most one applicant may be granted in the program, in fen.
		#[arg(long)]
		max_per_applicant: Option<u64>,
		/// Days each award is published before it is paid (at least and by default 7, at
		/// most 30).
		#[arg(long)]
		publicity_days: Option<u16>,
		/// How awards are paid.
		#[arg(long, value_enum, default_value_t = Payment::Advance)]
		payment: Payment,
		/// The least share, in percent, of the project's funding the enterprise puts in itself
		/// (50: one-to-one matching; at most 90).
		#[arg(long, default_value_t = 0)]
		co_funding: u8,
		/// A cap `CATEGORY:PERCENT` on one category's spending per award (e.g. `1:10`),
		/// repeatable, at most 8.
		#[arg(long = "cap")]
		caps: Vec<String>,
		/// Bank supervision: the recipients' banks confirm every tranche, own money and
		/// repayment, and expenses of at least this many fen.
		#[arg(long)]
		bank_confirms_from: Option<u64>,
		#[command(flatten)]
		send: Send,
	},
	/// Appropriate a program's budget or change it (the finance bureau signs).
	SetBudget {
		#[arg(long)]
		program: u32,
		/// The budget in fen (0.01 yuan); never below what was approved.
		#[arg(long)]
		budget: u64,
		#[command(flatten)]
		send: Send,
	},
	/// Apply to a program (the enterprise signs).
	Apply {
		/// The program's id.
		#[arg(long)]
		program: u32,
		/// Requested amount in fen.
		#[arg(long)]
		amount: u64,
		#[arg(long)]
		document: String,
		/// The project key: blake2_256 of the consortium's salt and the project's filing code,
		/// the same in every program (one project, one grant).
		#[arg(long)]
		project: String,
		#[command(flatten)]
		send: Send,
	},
	/// Approve an application, for `amount` fen at most what was requested.
	Approve {
		/// The application's id.
		#[arg(long)]
		application: u32,
		#[arg(long)]
		amount: u64,
		#[command(flatten)]
		send: Send,
	},
	/// Record a disbursement of an approved allocation (hash of the bank transfer).
	Disburse {
		/// The allocation's id (that of its application).
		#[arg(long)]
		allocation: u32,
		#[arg(long)]
		amount: u64,
		#[arg(long)]
		transfer: String,
		#[command(flatten)]
		send: Send,
	},
	/// Object to an award during its publicity (any member but its recipient and manager).
	Object {
		#[arg(long)]
		allocation: u32,
		/// Hash of the reason.
		#[arg(long)]
		reason: String,
		/// Hash of the evidence, kept off chain.
		#[arg(long)]
		evidence: String,
		#[command(flatten)]
		send: Send,
	},
	/// Disallow (part of) a recorded expense (the finance bureau or an auditor signs): the
	/// enterprise owes it back by `--due`.
	Disallow {
		#[arg(long)]
		allocation: u32,
		/// The expense's ledger entry (`fundsApi.allocationHistory`).
		#[arg(long)]
		entry: u32,
		/// In fen.
		#[arg(long)]
		amount: u64,
		/// Hash of the audit finding.
		#[arg(long)]
		reason: String,
		/// Repayment due (a CST date `YYYY-MM-DD` or ms since 1970).
		#[arg(long)]
		due: String,
		#[command(flatten)]
		send: Send,
	},
	/// Record a repayment of disallowed money (the program's fund manager signs).
	RecordRepayment {
		#[arg(long)]
		allocation: u32,
		/// In fen.
		#[arg(long)]
		amount: u64,
		/// Hash of the bank transfer.
		#[arg(long)]
		transfer: String,
		#[command(flatten)]
		send: Send,
	},
	/// Record an award's agreement (the program's fund manager signs): milestones
	/// `AMOUNT_FEN:DUE` and performance targets `INDICATOR_HASH:VALUE`, each repeatable, at
	/// most 8.
	RecordAgreement {
		#[arg(long)]
		allocation: u32,
		/// Hash of the signed agreement.
		#[arg(long)]
		document: String,
		#[arg(long = "milestone")]
		milestones: Vec<String>,
		#[arg(long = "target")]
		targets: Vec<String>,
		#[command(flatten)]
		send: Send,
	},
	/// Accept the award's next milestone, or verify spending after the fact, releasing
	/// `--amount` fen for payment (the program's fund manager signs).
	Accept {
		#[arg(long)]
		allocation: u32,
		#[arg(long)]
		amount: u64,
		/// Hash of the acceptance report.
		#[arg(long)]
		report: String,
		#[command(flatten)]
		send: Send,
	},
	/// Record the enterprise's own money put into the project (the enterprise signs).
	Contribute {
		#[arg(long)]
		allocation: u32,
		#[arg(long)]
		amount: u64,
		/// Hash of the bank voucher.
		#[arg(long)]
		proof: String,
		#[command(flatten)]
		send: Send,
	},
	/// Evaluate an award's performance, 0–100 (the recipient, the manager or a regulator
	/// signs).
	Evaluate {
		#[arg(long)]
		allocation: u32,
		#[arg(long)]
		score: u8,
		/// Hash of the evaluation report.
		#[arg(long)]
		report: String,
		#[command(flatten)]
		send: Send,
	},
	/// Name the bank holding the enterprise's special account (the enterprise signs).
	DesignateBank {
		/// The bank's organization id.
		#[arg(long)]
		bank: u32,
		#[command(flatten)]
		send: Send,
	},
	/// Confirm a movement of a special account the bank holds (the bank signs).
	ConfirmMovement {
		#[arg(long)]
		allocation: u32,
		/// The movement's ledger entry (`fundsApi.bankWorklist`).
		#[arg(long)]
		entry: u32,
		#[command(flatten)]
		send: Send,
	},
	/// Answer an objection (the program's fund manager signs); `--upheld` withdraws the award.
	AnswerObjection {
		#[arg(long)]
		allocation: u32,
		/// The objecting organization's id.
		#[arg(long)]
		objector: u32,
		/// Hash of the answer.
		#[arg(long)]
		answer: String,
		#[arg(long)]
		upheld: bool,
		#[command(flatten)]
		send: Send,
	},
}

/// How a fund program pays its awards.
#[derive(Clone, Copy, ValueEnum)]
pub enum Payment {
	/// Tranches once the publicity is over.
	Advance,
	/// The advance, then each milestone's tranche on its acceptance.
	Milestones,
	/// Against spending the enterprise recorded and the manager verified (事后补助).
	AfterTheFact,
}

/// Who may apply to a fund program.
#[derive(Clone, Copy, ValueEnum)]
pub enum ApplicantKind {
	Enterprise,
	/// A financial institution (loan risk compensation is paid to banks).
	Bank,
}

/// Invoices (区块链发票).
#[derive(Subcommand)]
pub enum Invoice {
	/// Issue an invoice (an invoice issuer signs): lines
	/// `DESCRIPTION_HASH:CLASSIFICATION:QUANTITY_THOUSANDTHS:UNIT_PRICE_YUAN:RATE_CODE[:DISCOUNT_FEN]`,
	/// the classification the 19-digit tax code, the price with up to 8 decimals (`0.617`).
	Issue {
		/// Special (增值税专用发票, the buyer may deduct its tax) or ordinary (普通发票).
		#[arg(long = "type", value_enum, default_value = "special")]
		invoice_type: TypeArg,
		/// The buyer, a member organization's id…
		#[arg(long, conflicts_with_all = ["buyer_code", "person"])]
		buyer_org: Option<u32>,
		/// …or an outside buyer's credit code…
		#[arg(long, conflicts_with = "person")]
		buyer_code: Option<String>,
		/// …or a natural person (ordinary invoices only), with the hash of a salt and the
		/// buyer's identity number if it gave one (`--person` alone: none).
		#[arg(long, num_args = 0..=1, default_missing_value = "")]
		person: Option<String>,
		#[arg(long = "line", required = true)]
		lines: Vec<String>,
		/// The prices and discounts include VAT (含税): the chain computes the tax back.
		#[arg(long)]
		tax_included: bool,
		/// Hash of the invoice document.
		#[arg(long)]
		document: String,
		#[command(flatten)]
		send: Send,
	},
	/// Confirm receipt of an invoice (the buyer signs).
	Confirm {
		/// The issuing organization's id.
		#[arg(long)]
		issuer: u32,
		/// The invoice's number in the issuer's sequence.
		#[arg(long)]
		seq: u32,
		#[command(flatten)]
		send: Send,
	},
	/// Confirm the use of a special invoice received (用途确认; the buyer signs), counted in the
	/// current tax period.
	ConfirmUse {
		/// The issuing organization's id.
		#[arg(long)]
		issuer: u32,
		/// The invoice's number in the issuer's sequence.
		#[arg(long)]
		seq: u32,
		/// Deduct its tax, not deduct it, or use it for an export refund.
		#[arg(long = "use", value_enum)]
		input_use: UseArg,
		#[command(flatten)]
		send: Send,
	},
	/// Reduce one of the issuer's invoices with a red invoice, in full or in part (the issuer
	/// signs): issued at once, or a red-letter request the buyer (or, for an outside buyer, the
	/// tax bureau) confirms within 72 hours.
	Reverse {
		#[command(flatten)]
		red: RedArgs,
	},
	/// Ask the seller to reduce an invoice received (the buyer signs): a red-letter request the
	/// seller confirms within 72 hours.
	RequestReversal {
		#[command(flatten)]
		red: RedArgs,
	},
}

/// An invoice's type, as `--type` takes it.
#[derive(Clone, Copy, ValueEnum)]
pub enum TypeArg {
	/// 增值税专用发票.
	Special,
	/// 普通发票.
	Ordinary,
}

/// A special invoice's use, as `--use` takes it.
#[derive(Clone, Copy, ValueEnum)]
pub enum UseArg {
	/// 抵扣.
	Deduct,
	/// 不抵扣.
	NotDeduct,
	/// 退税.
	Refund,
}

/// SME credit attestations (征信).
#[derive(Subcommand)]
pub enum Credit {
	/// Attest a claim about an enterprise (an authorized attester signs).
	Attest {
		/// The enterprise attested about.
		#[arg(long)]
		subject: u32,
		/// The claim type's id.
		#[arg(long)]
		claim_type: u32,
		/// Hash of the attested data (kept off chain).
		#[arg(long)]
		data: String,
		/// The rating's index in the claim type's scale, if it has one.
		#[arg(long)]
		rating: Option<u8>,
		/// From when the claim holds (a CST date `YYYY-MM-DD` or ms since 1970).
		#[arg(long)]
		valid_from: String,
		/// Until when the claim holds.
		#[arg(long)]
		valid_until: String,
		#[command(flatten)]
		send: Send,
	},
}

/// Provenance (防伪溯源).
#[derive(Subcommand)]
pub enum Product {
	/// Register a product class (a manufacturer signs).
	RegisterClass {
		/// The manufacturer's stock-keeping unit code.
		#[arg(long)]
		sku: String,
		/// GTIN-8/12/13/14, checked on chain.
		#[arg(long)]
		gtin: Option<u64>,
		/// Hash of the description kept off chain.
		#[arg(long)]
		metadata: String,
		#[command(flatten)]
		send: Send,
	},
	/// Register a production batch of a class.
	RegisterBatch {
		/// The product class's id.
		#[arg(long)]
		class: u32,
		/// Hash of the lot number.
		#[arg(long)]
		lot: String,
		/// Production date (a CST date `YYYY-MM-DD` or ms since 1970).
		#[arg(long)]
		produced_on: String,
		#[command(flatten)]
		send: Send,
	},
	/// Register units of a batch by their codes (hashes of the printed codes); the chain keeps
	/// each under the id `item-id --class` prints.
	RegisterItems {
		/// The batch's id.
		#[arg(long)]
		batch: u32,
		/// A unit's code (its printed code's hash); repeat for more.
		#[arg(long = "item", required = true)]
		items: Vec<String>,
		/// The place (GLN).
		#[arg(long)]
		location: u64,
		#[command(flatten)]
		send: Send,
	},
	/// Print the id the chain keeps an item under, from its code and the code's scope: a unit's
	/// product class or a container's labeller (offline: no node is asked).
	ItemId {
		/// The code (its printed code's hash).
		#[arg(long)]
		code: String,
		/// The unit's product class.
		#[arg(long, conflicts_with = "packer", required_unless_present = "packer")]
		class: Option<u32>,
		/// The organization that registered the container.
		#[arg(long)]
		packer: Option<u32>,
	},
}

/// IP fingerprints (知识产权).
#[derive(Subcommand)]
pub enum Ip {
	/// Register a work for the signer's organization, the signer its sole author (its
	/// declaration signed with the same key).
	RegisterWork {
		/// The work's content fingerprint (hash).
		#[arg(long)]
		fingerprint: String,
		#[arg(long, value_enum, default_value = "article")]
		work_type: WorkKind,
		/// Hash of the description kept off chain.
		#[arg(long)]
		metadata: String,
		#[command(flatten)]
		send: Send,
	},
}

/// Work types.
#[derive(Clone, Copy, ValueEnum)]
pub enum WorkKind {
	Article,
	Image,
	Video,
	Audio,
	Software,
	DataSet,
	InventionDisclosure,
	Report,
	KnowledgeGraph,
	Design,
	Other,
}

impl WorkKind {
	fn work_type(self) -> WorkType {
		match self {
			WorkKind::Article => WorkType::Article,
			WorkKind::Image => WorkType::Image,
			WorkKind::Video => WorkType::Video,
			WorkKind::Audio => WorkType::Audio,
			WorkKind::Software => WorkType::Software,
			WorkKind::DataSet => WorkType::DataSet,
			WorkKind::InventionDisclosure => WorkType::InventionDisclosure,
			WorkKind::Report => WorkType::Report,
			WorkKind::KnowledgeGraph => WorkType::KnowledgeGraph,
			WorkKind::Design => WorkType::Design,
			WorkKind::Other => WorkType::Other,
		}
	}
}

fn h256(text: &str, what: &str) -> Result<H256, Failure> {
	crate::hash::parse_h256(text)
		.map(|h| H256::from(h.0))
		.map_err(|e| Failure::Input(format!("--{what}: {e}")))
}

/// A moment of chain time: milliseconds since 1970, or a date `YYYY-MM-DD` at midnight China
/// Standard Time.
pub fn moment(text: &str, what: &str) -> Result<u64, Failure> {
	if let Ok(ms) = text.parse::<u64>() {
		return Ok(ms);
	}
	let bad =
		|| Failure::Input(format!("--{what}: `{text}` is neither YYYY-MM-DD nor milliseconds"));
	let parts: Vec<u64> =
		text.split('-').map(|p| p.parse::<u64>()).collect::<Result<_, _>>().map_err(|_| bad())?;
	let [year, month, day] = parts[..] else { return Err(bad()) };
	if !(1970..=9999).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
		return Err(bad());
	}
	// Days from civil (Howard Hinnant's algorithm), the inverse of `cst_date`.
	let (y, m) = if month <= 2 { (year - 1, month + 9) } else { (year, month - 3) };
	let era = y / 400;
	let yoe = y - era * 400;
	let doy = (153 * m + 2) / 5 + day - 1;
	let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	let days = era * 146_097 + doe - 719_468;
	// 1970-01-01 00:00 CST is before the epoch: refused, never an underflow.
	let ms = (days * regchain_primitives::time::DAY)
		.checked_sub(regchain_primitives::time::CST_OFFSET)
		.ok_or_else(bad)?;
	if regchain_primitives::time::cst_date(ms) != (year, month, day) {
		return Err(bad());
	}
	Ok(ms)
}

fn account(text: &str) -> Result<AccountId32, Failure> {
	use sp_core::crypto::Ss58Codec;
	sp_core::crypto::AccountId32::from_ss58check(text)
		.map(|a| AccountId32(a.into()))
		.map_err(|_| Failure::Input(format!("`{text}` is not an SS58 address")))
}

fn signature(text: &str) -> Result<[u8; 64], Failure> {
	crate::rpc::from_hex(text)
		.ok()
		.and_then(|b| b.try_into().ok())
		.ok_or(Failure::Input("the consent signature is 64 bytes in hex".into()))
}

/// The chain's time: the `Timestamp.Now` of the best block.
fn chain_now(client: &Client) -> Result<u64, Failure> {
	let key = frame_support::storage::storage_prefix(b"Timestamp", b"Now");
	let bytes = client
		.rpc()
		.bytes("state_getStorage", json!([crate::rpc::to_hex(&key)]))
		.map_err(Failure::Node)?
		.unwrap_or_default();
	<u64 as codec::Decode>::decode(&mut &bytes[..])
		.map_err(|_| Failure::Node("no chain time".into()))
}

pub fn org(command: Org) -> Result<Value, Failure> {
	let tx = runtime::tx().consortium();
	match command {
		Org::Consent { credit_code, kind, registrar, send } => {
			let key = send.key()?;
			let client = Client::connect(&send.url)?;
			let valid_until = chain_now(&client)? + regchain_primitives::time::HOUR;
			// As `Consortium::register_message`: (b"regchain/register", genesis, kind,
			// registrar, code, until).
			let kind = match kind {
				Kind::Enterprise => regchain_primitives::OrgKind::Enterprise,
				Kind::FinancialInstitution => regchain_primitives::OrgKind::FinancialInstitution,
			};
			let message = (
				b"regchain/register",
				client.genesis().0,
				kind,
				registrar,
				credit_code.as_bytes(),
				valid_until,
			)
				.encode();
			let signature = match key.sign_multi(&message) {
				subxt::utils::MultiSignature::Sr25519(s) => s,
				_ => return Err(Failure::Input("consents are signed with sr25519 keys".into())),
			};
			Ok(json!({
				"account": key.address(),
				"credit_code": credit_code,
				"registrar": registrar,
				"valid_until": valid_until,
				"signature": crate::rpc::to_hex(&signature),
			}))
		},
		Org::Register {
			kind,
			name,
			credit_code,
			account: who,
			consent_valid_until,
			consent_signature,
			term_days,
			send,
		} => {
			let kind = org_kind(kind);
			let client = Client::connect(&send.url)?;
			let expires_at = chain_now(&client)? + term_days * regchain_primitives::time::DAY;
			let call = tx.register_organization(
				kind,
				name.into_bytes(),
				credit_code.into_bytes(),
				account(&who)?,
				expires_at,
				consent_valid_until,
				runtime::runtime_types::sp_runtime::MultiSignature::Sr25519(signature(
					&consent_signature,
				)?),
			);
			let key = send.key()?;
			client.submit(&call, &key, send.wait, Duration::from_secs(send.timeout))
		},
		Org::GrantRole(RoleChange { org, role, send }) => {
			send.submit(tx.grant_role(org, role.role()))
		},
		Org::RevokeRole(RoleChange { org, role, send }) => {
			send.submit(tx.revoke_role(org, role.role()))
		},
	}
}

pub fn funds(command: Funds) -> Result<Value, Failure> {
	let tx = runtime::tx().funds();
	match command {
		Funds::CreateProgram {
			policy,
			categories,
			apply_from,
			apply_until,
			ends_at,
			regions,
			kinds,
			roles,
			max_per_applicant,
			publicity_days,
			payment,
			co_funding,
			caps,
			bank_confirms_from,
			send,
		} => {
			use runtime::runtime_types::{
				bounded_collections::bounded_vec::BoundedVec,
				pallet_funds::types::{
					Categories, CategoryCap, Eligibility, PaymentForm, PaymentRules,
				},
				regchain_primitives::{division::Division, OrgKinds, Roles},
			};
			if regions.len() > 8 {
				return Err(Failure::Input("--region: at most 8 divisions".into()));
			}
			if caps.len() > 8 {
				return Err(Failure::Input("--cap: at most 8 categories".into()));
			}
			let caps = caps
				.iter()
				.map(|cap| {
					let (category, percent) = pair(cap, "cap", "CATEGORY:PERCENT")?;
					Ok(CategoryCap { category, percent })
				})
				.collect::<Result<Vec<_>, Failure>>()?;
			let rules = PaymentRules {
				payment: match payment {
					Payment::Advance => PaymentForm::Advance,
					Payment::Milestones => PaymentForm::Milestones,
					Payment::AfterTheFact => PaymentForm::AfterTheFact,
				},
				co_funding,
				caps: BoundedVec(caps),
				bank_confirms_from,
			};
			// The bits of the chain's sets: enterprises 16, financial institutions 17; a role
			// its place in the list of roles.
			let kinds = if kinds.is_empty() { vec![ApplicantKind::Enterprise] } else { kinds };
			let kinds = kinds.iter().fold(0u32, |bits, kind| {
				bits | match kind {
					ApplicantKind::Enterprise => 1 << 16,
					ApplicantKind::Bank => 1 << 17,
				}
			});
			let roles = roles.iter().fold(0u16, |bits, role| bits | 1 << (*role as u8));
			let eligibility = Eligibility {
				regions: BoundedVec(regions.into_iter().map(Division).collect()),
				kinds: OrgKinds(kinds),
				roles: Roles(roles),
				max_per_applicant,
			};
			send.submit(tx.create_program(
				h256(&policy, "policy")?,
				Categories(categories),
				moment(&apply_from, "apply-from")?,
				moment(&apply_until, "apply-until")?,
				moment(&ends_at, "ends-at")?,
				eligibility,
				publicity_days,
				rules,
			))
		},
		Funds::SetBudget { program, budget, send } => send.submit(tx.set_budget(program, budget)),
		Funds::Apply { program, amount, document, project, send } => send.submit(tx.apply(
			program,
			amount,
			h256(&document, "document")?,
			h256(&project, "project")?,
		)),
		Funds::Approve { application, amount, send } => {
			send.submit(tx.approve(application, amount))
		},
		Funds::Disburse { allocation, amount, transfer, send } => {
			send.submit(tx.disburse(allocation, amount, h256(&transfer, "transfer")?))
		},
		Funds::Object { allocation, reason, evidence, send } => send.submit(tx.object(
			allocation,
			h256(&reason, "reason")?,
			h256(&evidence, "evidence")?,
		)),
		Funds::Disallow { allocation, entry, amount, reason, due, send } => send.submit(
			tx.disallow(allocation, entry, amount, h256(&reason, "reason")?, moment(&due, "due")?),
		),
		Funds::RecordRepayment { allocation, amount, transfer, send } => {
			send.submit(tx.record_repayment(allocation, amount, h256(&transfer, "transfer")?))
		},
		Funds::RecordAgreement { allocation, document, milestones, targets, send } => {
			use runtime::runtime_types::{
				bounded_collections::bounded_vec::BoundedVec,
				pallet_funds::types::{Milestone, Target},
			};
			if milestones.len() > 8 || targets.len() > 8 {
				return Err(Failure::Input("at most 8 milestones and 8 targets".into()));
			}
			let milestones = milestones
				.iter()
				.map(|text| {
					let (amount, due) = text.split_once(':').ok_or_else(|| {
						Failure::Input(format!("--milestone `{text}`: expected AMOUNT_FEN:DUE"))
					})?;
					let amount = amount.parse().map_err(|_| {
						Failure::Input(format!("--milestone `{text}`: the amount is not a number"))
					})?;
					Ok(Milestone { amount, due: moment(due, "milestone")? })
				})
				.collect::<Result<Vec<_>, Failure>>()?;
			let targets = targets
				.iter()
				.map(|text| {
					let (indicator, value) = text.rsplit_once(':').ok_or_else(|| {
						Failure::Input(format!("--target `{text}`: expected INDICATOR_HASH:VALUE"))
					})?;
					let value = value.parse().map_err(|_| {
						Failure::Input(format!("--target `{text}`: the value is not a number"))
					})?;
					Ok(Target { indicator: h256(indicator, "target")?, value })
				})
				.collect::<Result<Vec<_>, Failure>>()?;
			send.submit(tx.record_agreement(
				allocation,
				h256(&document, "document")?,
				BoundedVec(milestones),
				BoundedVec(targets),
			))
		},
		Funds::Accept { allocation, amount, report, send } => {
			send.submit(tx.accept(allocation, amount, h256(&report, "report")?))
		},
		Funds::Contribute { allocation, amount, proof, send } => {
			send.submit(tx.contribute(allocation, amount, h256(&proof, "proof")?))
		},
		Funds::Evaluate { allocation, score, report, send } => {
			send.submit(tx.evaluate(allocation, score, h256(&report, "report")?))
		},
		Funds::DesignateBank { bank, send } => send.submit(tx.designate_bank(bank)),
		Funds::ConfirmMovement { allocation, entry, send } => {
			send.submit(tx.confirm_movement(allocation, entry))
		},
		Funds::AnswerObjection { allocation, objector, answer, upheld, send } => {
			send.submit(tx.answer_objection(allocation, objector, h256(&answer, "answer")?, upheld))
		},
	}
}

/// Two numbers `A:B` of an argument `--what` (shown as `form`).
fn pair<A: std::str::FromStr, B: std::str::FromStr>(
	text: &str,
	what: &str,
	form: &str,
) -> Result<(A, B), Failure> {
	let bad = || Failure::Input(format!("--{what} `{text}`: expected {form}"));
	let (a, b) = text.split_once(':').ok_or_else(bad)?;
	Ok((a.parse().map_err(|_| bad())?, b.parse().map_err(|_| bad())?))
}

/// An invoice line `DESCRIPTION_HASH:QUANTITY:UNIT_PRICE_FEN:RATE_CODE`.
fn line(text: &str, tax_included: bool) -> Result<LineInput, Failure> {
	let bad = || {
		Failure::Input(format!(
			"--line `{text}`: expected \
			 DESCRIPTION_HASH:CLASSIFICATION:QUANTITY_THOUSANDTHS:UNIT_PRICE_YUAN:RATE_CODE[:DISCOUNT_FEN]"
		))
	};
	let parts: Vec<&str> = text.split(':').collect();
	let (description, classification, quantity, unit_price, rate, discount) = match parts[..] {
		[d, c, q, p, r] => (d, c, q, p, r, "0"),
		[d, c, q, p, r, x] => (d, c, q, p, r, x),
		_ => return Err(bad()),
	};
	Ok(LineInput {
		description: h256(description, "line")?,
		classification: classification.parse().map_err(|_| bad())?,
		quantity: quantity.parse().map_err(|_| bad())?,
		unit_price: price(unit_price).ok_or_else(bad)?,
		tax_included,
		discount: discount.parse().map_err(|_| bad())?,
		rate: rate.parse().map_err(|_| bad())?,
	})
}

/// A unit price in yuan with up to 8 decimals (`0.617`) as the chain states it: in millionths
/// of a fen (10⁻⁸ yuan).
fn price(yuan: &str) -> Option<u64> {
	let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
	let (whole, fraction) = match yuan.split_once('.') {
		Some((whole, fraction)) if digits(fraction) && fraction.len() <= 8 => (whole, fraction),
		Some(_) => return None,
		None => (yuan, ""),
	};
	if !digits(whole) {
		return None;
	}
	let fraction: u64 = format!("{fraction:0<8}").parse().ok()?;
	whole.parse::<u64>().ok()?.checked_mul(100_000_000)?.checked_add(fraction)
}

/// Why an invoice is reduced (the red-letter form's reasons).
#[derive(Clone, Copy, ValueEnum)]
pub enum ReasonArg {
	/// 开票有误: reversed in full, no lines named.
	Error,
	/// 销货退回: lines with the quantity returned.
	Return,
	/// 服务中止: lines with or without a quantity.
	ServiceStopped,
	/// 销售折让: lines with no quantity (`LINE:0:NET`).
	Allowance,
}

/// A red invoice or request: the invoice, why, and the lines reduced.
#[derive(Args)]
pub struct RedArgs {
	/// The issuing organization's id.
	#[arg(long)]
	issuer: u32,
	/// The invoice's number in the issuer's sequence.
	#[arg(long)]
	seq: u32,
	#[arg(long, value_enum, default_value = "error")]
	reason: ReasonArg,
	/// A line reduced, `LINE:QUANTITY_THOUSANDTHS:NET_YUAN` (the line's position from 0, the
	/// quantity returned, the net amount in yuan with up to 2 decimals); none: all that
	/// remains.
	#[arg(long = "line")]
	lines: Vec<String>,
	/// Hash of the red invoice's document (the form and its evidence).
	#[arg(long)]
	document: String,
	#[command(flatten)]
	send: Send,
}

impl RedArgs {
	fn parts(&self) -> Result<(InvoiceRef, RedReason, Vec<RedLineInput>, H256), Failure> {
		let reason = match self.reason {
			ReasonArg::Error => RedReason::InvoicingError,
			ReasonArg::Return => RedReason::SalesReturn,
			ReasonArg::ServiceStopped => RedReason::ServiceStopped,
			ReasonArg::Allowance => RedReason::SalesAllowance,
		};
		let lines = self.lines.iter().map(|l| red_line(l)).collect::<Result<Vec<_>, _>>()?;
		let invoice = InvoiceRef { issuer: self.issuer, seq: self.seq };
		Ok((invoice, reason, lines, h256(&self.document, "document")?))
	}
}

/// A red line `LINE:QUANTITY_THOUSANDTHS:NET_YUAN`.
fn red_line(text: &str) -> Result<RedLineInput, Failure> {
	let bad = || {
		Failure::Input(format!(
			"--line `{text}`: expected LINE:QUANTITY_THOUSANDTHS:NET_YUAN (`0:5000:12.50`)"
		))
	};
	let [line, quantity, net] = text.split(':').collect::<Vec<_>>()[..] else {
		return Err(bad());
	};
	// A price in 10⁻⁸ yuan is a whole number of fen when its last six digits are zero.
	let net = price(net).filter(|p| p % 1_000_000 == 0).map(|p| p / 1_000_000);
	Ok(RedLineInput {
		line: line.parse().map_err(|_| bad())?,
		quantity: quantity.parse().map_err(|_| bad())?,
		net: net.ok_or_else(bad)?,
	})
}

pub fn invoice(command: Invoice) -> Result<Value, Failure> {
	let tx = runtime::tx().invoices();
	match command {
		Invoice::Issue {
			invoice_type,
			buyer_org,
			buyer_code,
			person,
			lines,
			tax_included,
			document,
			send,
		} => {
			let buyer = match (buyer_org, buyer_code, person) {
				(None, None, Some(commitment)) => Buyer::Person {
					commitment: match commitment.as_str() {
						"" => None,
						hash => Some(h256(hash, "person")?),
					},
				},
				(Some(org), None, None) => Buyer::Member(org),
				(None, Some(code), None) => Buyer::External(
					runtime::runtime_types::regchain_primitives::credit_code::CreditCode(
						code.as_bytes().try_into().map_err(|_| {
							Failure::Input(format!(
								"--buyer-code `{code}`: a credit code has 18 characters"
							))
						})?,
					),
				),
				_ => {
					return Err(Failure::Input(
						"give the buyer: --buyer-org, --buyer-code or --person".into(),
					))
				},
			};
			let lines =
				lines.iter().map(|l| line(l, tax_included)).collect::<Result<Vec<_>, _>>()?;
			let invoice_type = match invoice_type {
				TypeArg::Special => InvoiceType::Special,
				TypeArg::Ordinary => InvoiceType::Ordinary,
			};
			send.submit(tx.issue(invoice_type, buyer, lines, h256(&document, "document")?))
		},
		Invoice::ConfirmUse { issuer, seq, input_use, send } => {
			let input_use = match input_use {
				UseArg::Deduct => InputUse::Deduct,
				UseArg::NotDeduct => InputUse::NotDeduct,
				UseArg::Refund => InputUse::Refund,
			};
			send.submit(tx.confirm_use(InvoiceRef { issuer, seq }, input_use))
		},
		Invoice::Confirm { issuer, seq, send } => {
			send.submit(tx.confirm(InvoiceRef { issuer, seq }))
		},
		Invoice::Reverse { red } => {
			let (invoice, reason, lines, document) = red.parts()?;
			red.send.submit(tx.reverse(invoice, reason, lines, document))
		},
		Invoice::RequestReversal { red } => {
			let (invoice, reason, lines, document) = red.parts()?;
			red.send.submit(tx.request_reversal(invoice, reason, lines, document))
		},
	}
}

pub fn credit(command: Credit) -> Result<Value, Failure> {
	let Credit::Attest { subject, claim_type, data, rating, valid_from, valid_until, send } =
		command;
	send.submit(runtime::tx().credit().attest(
		subject,
		claim_type,
		h256(&data, "data")?,
		rating,
		moment(&valid_from, "valid-from")?,
		moment(&valid_until, "valid-until")?,
		runtime::runtime_types::bounded_collections::bounded_vec::BoundedVec(Vec::new()),
	))
}

pub fn product(command: Product) -> Result<Value, Failure> {
	let tx = runtime::tx().provenance();
	match command {
		Product::RegisterClass { sku, gtin, metadata, send } => send.submit(tx.register_class(
			runtime::runtime_types::bounded_collections::bounded_vec::BoundedVec(sku.into_bytes()),
			gtin.map(runtime::runtime_types::pallet_provenance::types::Gtin),
			h256(&metadata, "metadata")?,
		)),
		Product::RegisterBatch { class, lot, produced_on, send } => send.submit(tx.register_batch(
			class,
			h256(&lot, "lot")?,
			moment(&produced_on, "produced-on")?,
		)),
		Product::RegisterItems { batch, items, location, send } => {
			let items = items.iter().map(|i| h256(i, "item")).collect::<Result<Vec<_>, _>>()?;
			send.submit(tx.register_items(
				batch,
				runtime::runtime_types::bounded_collections::bounded_vec::BoundedVec(items),
				runtime::runtime_types::pallet_provenance::types::Gln(location),
			))
		},
		Product::ItemId { code, class, packer } => {
			use pallet_provenance::CodeScope;
			let scope = match (class, packer) {
				(Some(class), _) => CodeScope::Class(class),
				(None, Some(packer)) => CodeScope::Packer(packer),
				(None, None) => return Err(Failure::Input("give --class or --packer".into())),
			};
			let code = sp_core::H256(h256(&code, "code")?.0);
			let id = pallet_provenance::item_id(scope, &code);
			Ok(serde_json::json!({ "item": format!("{id:?}") }))
		},
	}
}

/// The value of a `Blake2_128Concat` map entry keyed by an account, at the best block.
fn account_entry<V: codec::Decode>(
	client: &Client,
	pallet: &str,
	item: &str,
	who: [u8; 32],
) -> Result<Option<V>, Failure> {
	let key = [
		&frame_support::storage::storage_prefix(pallet.as_bytes(), item.as_bytes())[..],
		&<frame_support::Blake2_128Concat as frame_support::StorageHasher>::hash(&who)[..],
	]
	.concat();
	let bytes = client
		.rpc()
		.bytes("state_getStorage", json!([crate::rpc::to_hex(&key)]))
		.map_err(Failure::Node)?;
	bytes
		.map(|b| {
			V::decode(&mut &b[..])
				.map_err(|_| Failure::Node(format!("cannot decode {pallet}.{item}")))
		})
		.transpose()
}

pub fn ip(command: Ip) -> Result<Value, Failure> {
	let Ip::RegisterWork { fingerprint, work_type, metadata, send } = command;
	let key = send.key()?;
	let client = Client::connect(&send.url)?;
	let fingerprint = h256(&fingerprint, "fingerprint")?;
	let metadata = h256(&metadata, "metadata")?;
	let owner: u32 = account_entry(&client, "Consortium", "AccountOrganization", key.public())?
		.ok_or(Failure::Input(format!("{} is no member's account", key.address())))?;
	let nonce: u64 =
		account_entry(&client, "IpRights", "AuthorNonces", key.public())?.unwrap_or_default();
	let authors = vec![(key.public(), 10_000u16)];
	// As `IpRights::declaration`: what every author signs.
	let message = (
		b"regchain/work",
		client.genesis().0,
		fingerprint.0,
		Vec::<(u8, Vec<u8>)>::new(),
		// The variant's index: `WorkKind` lists the variants in the runtime's order.
		work_type as u8,
		metadata.0,
		owner,
		&authors,
		nonce,
	)
		.encode();
	let declaration = runtime::runtime_types::pallet_ip_rights::types::Declaration {
		key: AccountId32(key.public()),
		share: 10_000,
		nonce,
		signature: match key.sign_multi(&message) {
			subxt::utils::MultiSignature::Sr25519(s) => {
				runtime::runtime_types::sp_runtime::MultiSignature::Sr25519(s)
			},
			subxt::utils::MultiSignature::Ed25519(s) => {
				runtime::runtime_types::sp_runtime::MultiSignature::Ed25519(s)
			},
			subxt::utils::MultiSignature::Ecdsa(s) => {
				runtime::runtime_types::sp_runtime::MultiSignature::Ecdsa(s)
			},
		},
	};
	let call = runtime::tx().ip_rights().register_work(
		fingerprint,
		runtime::runtime_types::bounded_collections::bounded_vec::BoundedVec(Vec::new()),
		work_type.work_type(),
		metadata,
		runtime::runtime_types::bounded_collections::bounded_vec::BoundedVec(vec![declaration]),
	);
	client.submit(&call, &key, send.wait, Duration::from_secs(send.timeout))
}

/// Any call of any pallet, by the names the metadata gives them (`Consortium grant_role`),
/// each argument in scale-value's text form (`7`, `InvoiceIssuer()`, `0x…` for bytes, text and
/// hashes, an SS58 address for an account, `{ issuer: 1, seq: 2 }`, `Some(5)`).
#[derive(Args)]
pub struct Tx {
	pub pallet: String,
	pub call: String,
	pub args: Vec<String>,
	#[command(flatten)]
	pub send: Send,
}

pub fn tx(Tx { pallet, call, args, send }: Tx) -> Result<Value, Failure> {
	let parser = stringify::from_str_custom()
		.add_custom_parser(stringify::custom_parsers::parse_hex)
		.add_custom_parser(stringify::custom_parsers::parse_ss58);
	let values = args
		.iter()
		.map(|arg| match parser.parse(arg) {
			(Ok(value), "") => Ok(value),
			(Ok(_), rest) => Err(Failure::Input(format!("argument `{arg}`: unexpected `{rest}`"))),
			(Err(e), _) => Err(Failure::Input(format!("argument `{arg}`: {e}"))),
		})
		.collect::<Result<Vec<scale_value::Value>, _>>()?;
	send.submit(subxt::dynamic::tx(pallet, call, values))
}

/// Calls the node's JSON-RPC `method` with `params`, each JSON text or else a string.
pub fn query(url: &str, method: &str, params: &[String]) -> Result<Value, Failure> {
	let params: Vec<Value> = params
		.iter()
		.map(|p| serde_json::from_str(p).unwrap_or_else(|_| Value::String(p.clone())))
		.collect();
	let rpc = crate::rpc::Rpc::new(url)?;
	rpc.call(method, Value::Array(params)).map_err(Failure::Node)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn dates_are_midnight_in_china_standard_time() {
		// 2026-11-27 00:00 +08:00 is 2026-11-26 16:00 UTC.
		assert_eq!(moment("2026-11-27", "x").unwrap(), 1_795_708_800_000);
		assert_eq!(
			regchain_primitives::time::cst_date(moment("2024-02-29", "x").unwrap()),
			(2024, 2, 29)
		);
		assert_eq!(moment("1795708800000", "x").unwrap(), 1_795_708_800_000);
		for bad in ["2026-02-30", "2026-13-01", "26-1-1x", "tomorrow", "1969-12-31", "1970-01-01"] {
			assert!(moment(bad, "when").is_err(), "{bad}");
		}
	}

	#[test]
	fn invoice_lines_parse_or_say_what_is_wrong() {
		let h = format!("0x{}", "07".repeat(32));
		let code = "1100101020000000000";
		let parsed = line(&format!("{h}:{code}:2000:1.5:1"), false).unwrap();
		assert_eq!((parsed.quantity, parsed.unit_price, parsed.rate), (2000, 150_000_000, 1));
		assert_eq!((parsed.classification, parsed.discount), (1_100_101_020_000_000_000, 0));
		let power = line(&format!("{h}:{code}:1234500:0.617:1:169"), true).unwrap();
		assert_eq!((power.unit_price, power.discount, power.tax_included), (61_700_000, 169, true));
		assert_eq!(price("12"), Some(1_200_000_000));
		assert_eq!(price("0.00000001"), Some(1));
		for bad in ["", ".5", "1.", "1.123456789", "-1", "1,5", "1e3"] {
			assert_eq!(price(bad), None, "{bad}");
		}
		for bad in [
			format!("{h}:{code}:2000:1.5"),
			format!("{h}:{code}:x:1.5:1"),
			format!("{h}:{code}:2000:1.5:1:x"),
			format!("0x12:{code}:1:1:1"),
		] {
			assert!(line(&bad, false).is_err(), "{bad}");
		}
	}

	/// The variants (name, index) of the metadata's enum whose path ends in `name`.
	fn variants(name: &str) -> Vec<(String, u8)> {
		let bytes = include_bytes!("../metadata/regchain.scale");
		let metadata = subxt::Metadata::decode_from(bytes).unwrap();
		let ty = metadata
			.types()
			.types
			.iter()
			.find(|t| t.ty.path.segments.last().map(String::as_str) == Some(name))
			.unwrap_or_else(|| panic!("{name} in the metadata"));
		let scale_info::TypeDef::Variant(def) = &ty.ty.type_def else { panic!("an enum") };
		def.variants.iter().map(|v| (v.name.clone(), v.index)).collect()
	}

	#[test]
	fn role_and_work_kinds_are_the_runtimes() {
		// The options list the runtime's variants, each mapped to its own; a work type is
		// also encoded by its index in a declaration.
		let roles: Vec<String> =
			RoleName::value_variants().iter().map(|r| format!("{:?}", r.role())).collect();
		assert_eq!(roles, variants("Role").into_iter().map(|(n, _)| n).collect::<Vec<_>>());
		let works: Vec<(String, u8)> = WorkKind::value_variants()
			.iter()
			.map(|k| (format!("{:?}", k.work_type()), *k as u8))
			.collect();
		assert_eq!(works, variants("WorkType"));
	}
}
