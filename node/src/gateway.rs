//! The query gateway: the domain queries for callers who do not run a node — enterprises,
//! lenders, the public — answering each only what it may see.
//!
//! Why a mode of the node rather than a proxy binary: a node already holds the state and the
//! runtime's metadata, so the gateway decides and answers at one block, in one process, without
//! a second JSON-RPC hop or a second program to deploy; and its port serves *only* the methods
//! below — `state_*`, `state_call`, `author_*` and the rest of Substrate's RPC are simply not
//! registered on it, while the node's own RPC stays on 127.0.0.1 for the agency's tools.
//! `regchain-node --gateway-addr 0.0.0.0:9950` on an agency's node opens it.
//!
//! **Requests.** Public verification methods (is this digest notarized, is this product
//! genuine, who owns this fingerprint, is this printed invoice valid, who is this organization)
//! take their parameters as the node's methods do. Every other method takes one signed request:
//! `{"request": "<JSON text>", "signer": "<SS58>", "signature": "0x<64 bytes>"}`, where the
//! request text is `{"method", "params", "chain", "gateway", "timestamp", "nonce"}` — the
//! method called, its parameters, the chain's genesis hash, this gateway's identity (a random
//! id drawn when it starts, served by `gateway_info`: a request replays neither to another
//! agency's gateway nor to this one after a restart), Unix milliseconds within [`WINDOW_MS`]
//! of the gateway's clock, and a nonce the signer never used within that window (no replay)
//! — and the signature is the signer's sr25519 or ed25519 signature of the request text's
//! bytes (or of them wrapped in `<Bytes>…</Bytes>`, as browser extensions sign). The signer
//! must act for an active member organization (chain state at the finalized block, which is
//! also the block answered: what decides a read is what the agencies agreed on).
//!
//! **Limits.** A batch carries at most [`MAX_BATCH`] calls. Each request is priced at the
//! runtime calls it costs and charged, before the work, to the gateway's total ([`TOTAL`]) and
//! to its caller: a public read ([`PRICE_PUBLIC`]) to its network address ([`PER_ADDRESS`]); a
//! signed request its signature check (the same price) to its address, then, once the
//! signature verified and the signer proved a member, [`PRICE_SIGNED`] or [`PRICE_DOSSIER`] to
//! its signer ([`PER_SIGNER`]) — so colleagues behind one office address do not share one
//! budget. A request over a budget is refused with [`BUSY`], saying when to retry (see
//! `crate::budget`).
//!
//! **What a caller sees** (the rules per method are [`RULES`]): its own organization's records;
//! an agency, the records of organizations within its jurisdiction and its remit (the one
//! table of remits, `regchain_primitives::AgencyKind::remit`, asked of the runtime:
//! `ConsortiumApi::remit` — the tax bureau invoices, the finance bureau, the fund-running
//! commissions and the audit office funds, …; market regulation, the supervisor, all
//! domains); a financial institution, an SME's credit profile
//! (only the claim types the grant covers) and tax figures (only if the grant covers them) —
//! and only after it declared the access on chain (`credit.declareAccess`, logged in the SME's
//! access log) under a grant in force, within the chain's `credit.accessValidity` (asked of the
//! runtime: `CreditApi::current_access`). Everything else is refused
//! with [`FORBIDDEN`], naming why. Each signed request is logged (target `gateway`): who, for
//! which organization, which method, on whose records, on what basis or why refused.

use crate::{
	budget::{Budgets, Peer, Rate},
	query::{self, invalid, Queries, Sections},
};
use jsonrpsee::{
	server::BatchRequestConfig,
	types::{error::INTERNAL_ERROR_CODE, ErrorObjectOwned, Params},
	Extensions, RpcModule,
};
use pallet_consortium::runtime_api::ConsortiumApi;
use pallet_credit::{runtime_api::CreditApi, Access, ClaimTypeScope};
use regchain_primitives::{Domain, OrgId, OrgKind};
use regchain_runtime::{opaque::Block, AccountId, Hash};
use sc_client_api::ExecutorProvider;
use serde_json::{json, Value};
use sp_api::{Core, Metadata, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::{
	crypto::{AccountId32, Ss58Codec},
	ed25519, sr25519, Pair,
};
use std::{
	collections::{HashMap, HashSet, VecDeque},
	sync::{Arc, Mutex},
	time::{Instant, SystemTime, UNIX_EPOCH},
};

/// How far a signed request's timestamp may lie from the gateway's clock, either way.
pub const WINDOW_MS: u64 = 60_000;
/// How many signed requests one account may make within [`WINDOW_MS`]: the nonces the gateway
/// remembers are capped per signer (members' accounts are few and on chain), never in total,
/// so no member can fill the store and lock the others out.
pub const PER_ACCOUNT: u32 = 600;
/// Most calls in one JSON-RPC batch (jsonrpsee's default is unlimited: one 1 MiB POST carried
/// ~8,000 calls).
pub const MAX_BATCH: u32 = 16;
/// The price of a public verification: one runtime call.
pub const PRICE_PUBLIC: u32 = 1;
/// The price of a signed request: the signature, the signer's membership, the rule's checks
/// (jurisdiction, a lender's declared access) and the answer.
pub const PRICE_SIGNED: u32 = 4;
/// The price of a dossier: about 220 runtime calls (every domain's first pages).
pub const PRICE_DOSSIER: u32 = 220;
/// Each network address's budget for public reads and signature checks: a consumer's scans
/// or a shop's checkout, many times over.
pub const PER_ADDRESS: Rate = Rate { burst: 400, per_second: 100 };
/// Each signer's budget: a dozen signed reads a second, or a dossier every few seconds.
pub const PER_SIGNER: Rate = Rate { burst: 1_000, per_second: 50 };
/// Every caller together: about a quarter of what a 2-core node answers (~6,000 domain
/// queries a second), so that a validator keeps its block time under any flood.
pub const TOTAL: Rate = Rate { burst: 3_000, per_second: 1_500 };
/// How many addresses and signers the budgets remember at once.
const MAX_CALLERS: usize = 65_536;
// Every price fits the bursts it is charged to, or no one could ever pay it.
const _: () = assert!(PRICE_DOSSIER <= PER_SIGNER.burst && PRICE_DOSSIER <= TOTAL.burst);
const _: () = assert!(PRICE_SIGNED <= PER_SIGNER.burst && PRICE_PUBLIC <= PER_ADDRESS.burst);

/// The request is not a valid signed request: no or a bad signature, another method's or
/// another chain's request, an unknown signer.
pub const UNAUTHENTICATED: i32 = -32001;
/// The request's timestamp lies outside the window, or its nonce was used already.
pub const REPLAYED: i32 = -32002;
/// The signer may not read these records. A record that does not exist is refused the same
/// way, so a refusal tells no one whether another's record exists.
pub const FORBIDDEN: i32 = -32003;
/// A budget ran out (see the limits above): retry after the time the message names.
pub const BUSY: i32 = -32005;

/// Who may read what a method answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rule {
	/// Anyone, without a signature: public verification and public registers.
	Public,
	/// The organization whose id is this parameter.
	Param(&'static str),
	/// Any of the organizations in these parameters (a grant's SME and lender).
	Params(&'static [&'static str]),
	/// Any of the organizations at these JSON pointers of the answer (an invoice's issuer and
	/// buyer); read first, answered only if permitted.
	Answer(&'static [&'static str]),
	/// The organization at `pointer` in the answer of `method` called with parameter `param`
	/// (a work's owner for its licences).
	Via { method: &'static str, param: &'static str, pointer: &'static str },
	/// Agencies of the domain's remit only (lists with no one subject: a fund program's
	/// allocations, a batch's custodians). Also every method missing from [`RULES`].
	Agencies,
}

/// What a financial institution may read of an SME under a declared access.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lender {
	/// Nothing.
	No,
	/// Credit attestations of the claim types the access covers.
	Claims,
	/// Tax and invoice figures, if the access covers them.
	Figures,
}

use Lender::*;
use Rule::*;

/// Every domain method and who may read it. A method missing here (a new runtime API method)
/// is served to agencies of the domain's remit only until it gets a rule.
const RULES: &[(&str, Rule, Lender)] = &[
	("consortium_organization", Public, No),
	("consortium_organizationByCreditCode", Public, No),
	("consortium_now", Public, No),
	("consortium_member", Public, No),
	("consortium_oversees", Public, No),
	// Which domains an agency reads and regulates: the law's, public.
	("consortium_remit", Public, No),
	// An agency's own list of the members it oversees (or, for market regulation, another
	// agency's whose jurisdiction it covers).
	("consortium_membersOverseen", Param("agency"), No),
	("invoices_verify", Public, No),
	// A printed invoice's QR code: what anyone holding the paper may check.
	("invoices_verifyPrinted", Public, No),
	("invoices_invoice", Answer(&["/id/issuer", "/invoice/buyer/Member"]), No),
	// The export of an invoice for printing: its parties only, as the invoice itself.
	("invoices_printed", Answer(&["/id/issuer", "/invoice/buyer/Member"]), No),
	("invoices_invoicesOf", Param("issuer"), No),
	("invoices_issuedIn", Param("issuer"), No),
	("invoices_receivedBy", Param("buyer"), No),
	("invoices_periodTotals", Param("org"), Figures),
	("invoices_chainHead", Param("issuer"), No),
	("invoices_frozen", Agencies, No),
	("funds_enterpriseStatement", Param("org"), No),
	// Awards and payments are published (公示): programs, their terms and totals, each
	// award's recipient, amounts and publicity; not the ledgers' counterparties and documents.
	("funds_programStatement", Public, No),
	("funds_programAwards", Public, No),
	// An enterprise's awards and each award's agreement (milestones, performance targets),
	// acceptances, own money and evaluations: published, as the results of performance
	// evaluation are (绩效评价结果公开).
	("funds_enterpriseAwards", Public, No),
	("funds_awardProgress", Public, No),
	// Whether a special account's bank confirmed each movement is public as the movement's
	// amounts are; a bank's worklist is its own.
	("funds_bankChecks", Public, No),
	("funds_bankWorklist", Param("bank"), No),
	// Who objected, and why, is the agencies': objectors are protected as whistle-blowers.
	("funds_objections", Agencies, No),
	// What an enterprise owes back: its own, and the funds' agencies'.
	("funds_obligation", Answer(&["/enterprise"]), No),
	("funds_allocationHistory", Answer(&["/0/enterprise"]), No),
	("funds_frozenAllocations", Agencies, No),
	("funds_frozenAccounts", Agencies, No),
	("credit_creditProfile", Param("sme"), Claims),
	("credit_attestationHistory", Param("sme"), Claims),
	("credit_attestation", Answer(&["/attestation/subject", "/attestation/attester"]), Claims),
	("credit_consents", Params(&["sme", "lender"]), No),
	("credit_grants", Param("sme"), No),
	("credit_accessLog", Param("sme"), No),
	// A lender's own notice log: the credit repairs of SMEs whose data it read.
	("credit_repairNotices", Param("lender"), No),
	("credit_declaredAccess", Params(&["sme", "lender"]), No),
	("credit_currentAccess", Params(&["sme", "lender"]), No),
	("credit_claimTypes", Public, No),
	// Discipline listings are published (信用中国 publishes them): each ends with its
	// publication period.
	("credit_listings", Public, No),
	// The open regulatory actions of a domain: the worklist of its agencies, all regions.
	("credit_frozen", Agencies, No),
	("notarization_verifyDigest", Public, No),
	("notarization_verifyInBatch", Public, No),
	("notarization_record", Answer(&["/owner"]), No),
	("notarization_batchOfRoot", Answer(&["/1/owner"]), No),
	("notarization_recordsOf", Param("owner"), No),
	("notarization_frozen", Agencies, No),
	(
		"notarization_certifications",
		Via { method: "notarization_record", param: "id", pointer: "/owner" },
		No,
	),
	// The public is told whether an item is genuine (`verifyItem`); its full status and history
	// (batch counts, distributors, locations) are its custodian's, its maker's and the
	// agencies'.
	("provenance_verifyItem", Public, No),
	("provenance_itemStatus", Answer(&["/custodian", "/batch/1/manufacturer"]), No),
	(
		"provenance_history",
		Via { method: "provenance_itemStatus", param: "item", pointer: "/custodian" },
		No,
	),
	("provenance_recall", Public, No),
	("provenance_classesOf", Public, No),
	("provenance_custodiansOfBatch", Agencies, No),
	("provenance_batchesOfClass", Agencies, No),
	("provenance_frozen", Agencies, No),
	("ipRights_workByFingerprint", Public, No),
	("ipRights_work", Public, No),
	("ipRights_worksOfAuthor", Public, No),
	("ipRights_worksOfOwner", Public, No),
	("ipRights_openOffers", Public, No),
	("ipRights_licenceCheck", Public, No),
	("ipRights_licences", Via { method: "ipRights_work", param: "work", pointer: "/owner" }, No),
	("ipRights_disputes", Via { method: "ipRights_work", param: "work", pointer: "/owner" }, No),
	("ipRights_frozen", Agencies, No),
	// A case: its subject, and the agencies with jurisdiction over it (of any remit: a case
	// concerns every domain); the public sees only the penalties published (公示).
	("supervision_case", Answer(&["/case/subject"]), No),
	(
		"supervision_steps",
		Via { method: "supervision_case", param: "id", pointer: "/case/subject" },
		No,
	),
	("supervision_casesOf", Param("subject"), No),
	("supervision_openCasesOf", Param("agency"), No),
	("supervision_publishedPenalties", Public, No),
	// Random inspections (双随机、一公开): the plan, its draw's seed inputs, targets,
	// inspectors and results are public; the population's weights would tell who is under an
	// open case, so the population is the agencies' (every node operator recomputes the draw).
	("supervision_plan", Public, No),
	("supervision_plansOf", Public, No),
	("supervision_planTargets", Public, No),
	("supervision_planInspectors", Public, No),
	("supervision_planPopulation", Agencies, No),
];

fn rule_of(method: &str) -> (Rule, Lender) {
	RULES.iter().find(|(m, ..)| *m == method).map(|(_, r, l)| (*r, *l)).unwrap_or((Agencies, No))
}

/// The domain whose remit an agency needs to read a method's answers: its namespace's; none for
/// supervision's (a case concerns records of any domain, and every agency with jurisdiction over
/// its subject reads it); the members' for a method of no known namespace (market regulation,
/// which regulates the members, only).
fn domain_of(method: &str) -> Option<Domain> {
	let namespace = method.split('_').next().unwrap_or_default();
	if namespace == query::SUPERVISION {
		return None;
	}
	Some(Domain::of_namespace(namespace).unwrap_or(Domain::Members))
}

/// A runtime call of the policy that failed (the runtime trapped or the block is gone).
fn runtime(e: sp_api::ApiError) -> ErrorObjectOwned {
	error(INTERNAL_ERROR_CODE, format!("the runtime could not answer: {e}"))
}

fn error(code: i32, message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(code, message.into(), None::<()>)
}

fn now_ms() -> u64 {
	SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as u64).unwrap_or(0)
}

/// The nonces of the signed requests still within the window, per account.
#[derive(Default)]
struct Seen {
	keys: HashSet<(AccountId32, String)>,
	/// In arrival order, with the moment each may be forgotten (its timestamp + the window).
	order: VecDeque<(u64, AccountId32, String)>,
	per_account: HashMap<AccountId32, u32>,
}

impl Seen {
	/// Records `nonce` of `who` (timestamp `ts`) at `now`, or refuses it as used.
	fn admit(&mut self, who: &AccountId32, nonce: &str, ts: u64, now: u64) -> Result<(), String> {
		while self.order.front().is_some_and(|(forget, ..)| *forget < now) {
			let Some((_, account, nonce)) = self.order.pop_front() else { break };
			if let Some(count) = self.per_account.get_mut(&account) {
				*count = count.saturating_sub(1);
				if *count == 0 {
					self.per_account.remove(&account);
				}
			}
			self.keys.remove(&(account, nonce));
		}
		let key = (who.clone(), nonce.to_owned());
		if self.keys.contains(&key) {
			return Err(format!("nonce `{nonce}` was used already: a replayed request"));
		}
		if self.per_account.get(who).copied().unwrap_or(0) >= PER_ACCOUNT {
			return Err(format!(
				"more than {PER_ACCOUNT} requests from this account within {} s",
				WINDOW_MS / 1000
			));
		}
		self.keys.insert(key);
		self.order.push_back((ts.saturating_add(WINDOW_MS), who.clone(), nonce.to_owned()));
		*self.per_account.entry(who.clone()).or_default() += 1;
		Ok(())
	}
}

/// Who signed a request.
#[derive(Clone, Debug)]
struct Caller {
	account: AccountId32,
	org: u64,
	/// The agency kind (`"TaxBureau"`), if the organization is an agency.
	agency: Option<String>,
	/// The domains the agency reads, from the runtime (`ConsortiumApi::remit`).
	remit: Vec<Domain>,
	lender: bool,
}

/// On what ground a caller reads.
#[derive(Debug)]
enum Basis {
	Public,
	Own,
	Oversight,
	Remit,
	/// The lender's declared access.
	Declared(Access),
}

impl core::fmt::Display for Basis {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		match self {
			Basis::Public => write!(f, "public"),
			Basis::Own => write!(f, "its own records"),
			Basis::Oversight => write!(f, "within the agency's jurisdiction and remit"),
			Basis::Remit => write!(f, "within the agency's remit"),
			Basis::Declared(access) => write!(
				f,
				"under the access declared on chain at {} (grant {}, {:?})",
				access.at, access.grant, access.scope
			),
		}
	}
}

/// Whether `signature` by `signer` signs `message` (sr25519 or ed25519, raw or wrapped as
/// `<Bytes>…</Bytes>`).
fn verifies(signer: &AccountId32, signature: &[u8; 64], message: &[u8]) -> bool {
	let raw: &[u8; 32] = signer.as_ref();
	let wrapped = [b"<Bytes>".as_slice(), message, b"</Bytes>"].concat();
	let verified = [message, wrapped.as_slice()].into_iter().any(|m| {
		sr25519::Pair::verify(
			&sr25519::Signature::from_raw(*signature),
			m,
			&sr25519::Public::from_raw(*raw),
		) || ed25519::Pair::verify(
			&ed25519::Signature::from_raw(*signature),
			m,
			&ed25519::Public::from_raw(*raw),
		)
	});
	verified
}

fn organization_id(value: &Value) -> Option<u64> {
	value.as_u64().or_else(|| value.as_str().and_then(|s| s.parse().ok()))
}

/// `answer` cut to what a lender's declared access covers (credit attestations of its claim
/// types) and to what is still published (a record past the law's publication period is the
/// agencies' and the subject's to read, not a lender's); `None` when a single attestation lies
/// outside.
fn within_access(answer: Value, access: &Access) -> Option<Value> {
	let covered = |entry: &Value| {
		// A runtime before CreditApi v6 marks nothing: everything it serves is published.
		let published = entry.get("published").and_then(Value::as_bool) != Some(false);
		let of_scope = match &access.scope.claim_types {
			ClaimTypeScope::All => true,
			ClaimTypeScope::Only(only) => entry["attestation"]["claimType"]
				.as_u64()
				.is_some_and(|id| only.iter().any(|c| u64::from(*c) == id)),
		};
		published && of_scope
	};
	match answer {
		Value::Array(entries) => Some(Value::Array(entries.into_iter().filter(covered).collect())),
		Value::Null => Some(Value::Null),
		entry => covered(&entry).then_some(entry),
	}
}

/// The budgets of the gateway's callers.
struct Limits {
	total: Budgets<()>,
	addresses: Budgets<Peer>,
	signers: Budgets<AccountId32>,
}

impl Default for Limits {
	fn default() -> Self {
		Limits {
			total: Budgets::new(TOTAL, 1, "the gateway"),
			addresses: Budgets::new(PER_ADDRESS, MAX_CALLERS, "this address"),
			signers: Budgets::new(PER_SIGNER, MAX_CALLERS, "this signer"),
		}
	}
}

fn busy(e: crate::budget::OverBudget) -> ErrorObjectOwned {
	error(BUSY, e.to_string())
}

impl Limits {
	/// Charges `price` to the address `peer` (unknown only outside a served connection) and
	/// to the total, or refuses it charging nothing.
	fn charge_address(&mut self, peer: Option<Peer>, price: u32) -> Result<(), ErrorObjectOwned> {
		let now = Instant::now();
		self.total.check(&(), price, now).map_err(busy)?;
		if let Some(peer) = peer {
			self.addresses.charge(&peer, price, now).map_err(busy)?;
		}
		self.total.spend(&(), price, now);
		Ok(())
	}

	/// Charges `price` to the signer `who` and to the total, or refuses it charging nothing.
	fn charge_signer(&mut self, who: &AccountId32, price: u32) -> Result<(), ErrorObjectOwned> {
		let now = Instant::now();
		self.total.check(&(), price, now).map_err(busy)?;
		self.signers.charge(who, price, now).map_err(busy)?;
		self.total.spend(&(), price, now);
		Ok(())
	}
}

/// The one refusal for a record that is not the caller's to read and for a record that does
/// not exist: who owns it, or whether it exists, is not told.
fn not_readable() -> ErrorObjectOwned {
	error(FORBIDDEN, "no record under this key that this signer may read")
}

/// Text from a request, made safe for one line of the log (a newline cannot forge a line).
fn loggable(text: &str) -> String {
	text.escape_debug().to_string()
}

/// The gateway's state: the queries, the chain it serves, its identity, the nonces seen and
/// the budgets.
struct Gateway<C> {
	queries: Arc<Queries<C>>,
	genesis: String,
	/// Drawn at start: requests are signed for one gateway's one run.
	id: String,
	seen: Mutex<Seen>,
	limits: Mutex<Limits>,
}

impl<C> Gateway<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + ExecutorProvider<Block>,
	C::Api: Metadata<Block> + Core<Block> + ConsortiumApi<Block, AccountId> + CreditApi<Block>,
{
	/// Checks a signed request for `method` and returns its signer and its parameters.
	/// The signer pays `price` once its signature verified and it proved a member.
	fn authenticate(
		&self,
		method: &str,
		envelope: &Value,
		at: Hash,
		price: u32,
	) -> Result<(Caller, Value), ErrorObjectOwned> {
		let field = |name: &str| envelope.get(name).and_then(Value::as_str);
		let (Some(text), Some(signer), Some(signature)) =
			(field("request"), field("signer"), field("signature"))
		else {
			return Err(error(
				UNAUTHENTICATED,
				format!(
					"{method} answers signed requests only: params {{request, signer, \
					 signature}} (docs/rpc.md, the gateway)"
				),
			));
		};
		if envelope.as_object().is_some_and(|o| o.len() != 3) {
			return Err(invalid("a signed request has exactly request, signer, signature".into()));
		}
		let account = if let Some(hex) = signer.strip_prefix("0x") {
			<[u8; 32]>::try_from(hex::decode(hex).unwrap_or_default())
				.map(AccountId32::from)
				.map_err(|_| {
					invalid("signer: expected an SS58 address or 32 bytes of hex".into())
				})?
		} else {
			AccountId32::from_ss58check(signer)
				.map_err(|e| invalid(format!("signer: not an SS58 address ({e:?})")))?
		};
		let signature = signature
			.strip_prefix("0x")
			.and_then(|h| hex::decode(h).ok())
			.and_then(|b| <[u8; 64]>::try_from(b).ok())
			.ok_or_else(|| invalid("signature: expected 64 bytes of 0x-hex".into()))?;
		if !verifies(&account, &signature, text.as_bytes()) {
			return Err(error(UNAUTHENTICATED, "the signature does not verify for the signer"));
		}
		let request: Value =
			serde_json::from_str(text).map_err(|e| invalid(format!("request: not JSON ({e})")))?;
		if request.get("method").and_then(Value::as_str) != Some(method) {
			return Err(error(
				UNAUTHENTICATED,
				format!("the request was signed for another method, not {method}"),
			));
		}
		if request.get("chain").and_then(Value::as_str).map(str::to_lowercase)
			!= Some(self.genesis.clone())
		{
			return Err(error(
				UNAUTHENTICATED,
				format!("the request was signed for another chain (this one is {})", self.genesis),
			));
		}
		if request.get("gateway").and_then(Value::as_str) != Some(self.id.as_str()) {
			return Err(error(
				UNAUTHENTICATED,
				format!(
					"the request was signed for another gateway, or for this one before it \
					 restarted (this one is {}, see gateway_info)",
					self.id
				),
			));
		}
		let ts = request
			.get("timestamp")
			.and_then(Value::as_u64)
			.ok_or_else(|| invalid("request.timestamp: expected Unix milliseconds".into()))?;
		let nonce = match request.get("nonce") {
			Some(Value::String(s)) => s.clone(),
			Some(Value::Number(n)) => n.to_string(),
			_ => String::new(),
		};
		if nonce.is_empty() || nonce.len() > 64 {
			return Err(invalid("request.nonce: expected 1 to 64 characters".into()));
		}
		let now = now_ms();
		if ts.abs_diff(now) > WINDOW_MS {
			return Err(error(
				REPLAYED,
				format!(
					"the request's timestamp is {} s away from the gateway's clock (at most {} s)",
					ts.abs_diff(now) / 1000,
					WINDOW_MS / 1000
				),
			));
		}
		let api = self.queries.client.runtime_api();
		let Some(member) = api.member(at, account.clone()).map_err(runtime)? else {
			return Err(error(
				UNAUTHENTICATED,
				"the signer acts for no active member organization",
			));
		};
		self.limits
			.lock()
			.expect("no gateway call panics holding it")
			.charge_signer(&account, price)?;
		// Nonces are remembered for members only: nobody else can fill the store.
		self.seen
			.lock()
			.expect("no gateway call panics holding it")
			.admit(&account, &nonce, ts, now)
			.map_err(|e| error(REPLAYED, e))?;
		let remit = api.remit(at, member.id).map_err(runtime)?;
		let caller = Caller {
			account,
			org: member.id.into(),
			agency: match member.kind {
				OrgKind::Agency(kind) => Some(format!("{kind:?}")),
				_ => None,
			},
			remit: remit.into_iter().map(|(domain, _)| domain).collect(),
			lender: member.kind == OrgKind::FinancialInstitution,
		};
		Ok((caller, request.get("params").cloned().unwrap_or(Value::Null)))
	}

	/// Whether the organization `agency` is an active agency whose jurisdiction covers `org`.
	fn oversees(&self, agency: u64, org: u64, at: Hash) -> Result<bool, ErrorObjectOwned> {
		let (Ok(agency), Ok(org)) = (OrgId::try_from(agency), OrgId::try_from(org)) else {
			return Ok(false);
		};
		self.queries.client.runtime_api().oversees(at, agency, org).map_err(runtime)
	}

	/// On what ground `caller` reads records of `subjects` in `domain`, or why it may not.
	fn permit(
		&self,
		caller: &Caller,
		subjects: &[u64],
		domain: Option<Domain>,
		lender: Lender,
		at: Hash,
	) -> Result<Basis, ErrorObjectOwned> {
		if subjects.contains(&caller.org) {
			return Ok(Basis::Own);
		}
		if let Some(kind) = &caller.agency {
			if let Some(domain) = domain.filter(|d| !caller.remit.contains(d)) {
				return Err(error(
					FORBIDDEN,
					format!("{} records are outside a {kind}'s remit", domain.namespace()),
				));
			}
			for subject in subjects {
				if self.oversees(caller.org, *subject, at)? {
					return Ok(Basis::Oversight);
				}
			}
			return Err(error(
				FORBIDDEN,
				format!("organization {subjects:?} lies outside this agency's jurisdiction"),
			));
		}
		if caller.lender && lender != No {
			let Some(sme) = subjects.first() else {
				return Err(error(FORBIDDEN, "these records belong to no organization"));
			};
			let (Ok(sme_id), Ok(lender_id)) = (OrgId::try_from(*sme), OrgId::try_from(caller.org))
			else {
				return Err(error(FORBIDDEN, "no such organization"));
			};
			let api = self.queries.client.runtime_api();
			let access = api.current_access(at, sme_id, lender_id).map_err(runtime)?;
			let Some(access) = access else {
				return Err(error(
					FORBIDDEN,
					format!(
						"no access to organization {sme}'s data declared on chain within the \
						 chain's validity (credit.accessValidity) under a grant in force \
						 (credit.declareAccess)"
					),
				));
			};
			if lender == Figures && !access.scope.figures {
				return Err(error(
					FORBIDDEN,
					"the declared access does not cover tax and invoice figures",
				));
			}
			return Ok(Basis::Declared(access));
		}
		Err(error(FORBIDDEN, format!("these are records of organization {subjects:?}, not yours")))
	}

	/// Charges a request from the connection of `ext` to its address and the total: a public
	/// read's price, or for a signed request the signature check (its signer pays the rest).
	fn admit(&self, ext: &Extensions) -> Result<(), ErrorObjectOwned> {
		let peer = ext.get::<Peer>().copied();
		self.limits
			.lock()
			.expect("no gateway call panics holding it")
			.charge_address(peer, PRICE_PUBLIC)
	}

	/// The block reads are decided and answered at: the finalized one.
	fn block(&self) -> Hash {
		self.queries.client.info().finalized_hash
	}

	/// Answers `method` to a signed (or, for a public method, unsigned) request.
	fn serve(
		&self,
		method: &str,
		params: Params,
		ext: &Extensions,
	) -> Result<Value, ErrorObjectOwned> {
		let params = query::parse(params)?;
		let (rule, lender) = rule_of(method);
		let signed = params.get("signature").is_some() && params.get("request").is_some();
		self.admit(ext)?;
		if rule == Public && !signed {
			return self.queries.call_at(method, &params, self.block());
		}
		let at = self.block();
		let (caller, inner) = self.authenticate(method, &params, at, PRICE_SIGNED)?;
		let outcome = self.decide(method, rule, lender, &caller, &inner, at);
		match &outcome {
			Ok((basis, subjects, _)) => log::info!(
				target: "gateway",
				"{method} by {} (org {}) on {subjects:?}: answered {}",
				caller.account, caller.org, loggable(&basis.to_string())
			),
			Err(e) => log::info!(
				target: "gateway",
				"{method} by {} (org {}): refused: {}",
				caller.account, caller.org, loggable(e.message())
			),
		}
		outcome.map(|(_, _, answer)| answer)
	}

	/// The answer to `caller`'s request, with the basis and the organizations it is about.
	fn decide(
		&self,
		method: &str,
		rule: Rule,
		lender: Lender,
		caller: &Caller,
		params: &Value,
		at: Hash,
	) -> Result<(Basis, Vec<u64>, Value), ErrorObjectOwned> {
		let domain = domain_of(method);
		let catalogue = self.queries.catalogue_at(at)?;
		// Bad parameters are refused as the node refuses them, before anything is read.
		catalogue.arguments(method, params).map_err(invalid)?;
		let param = |name: &str| -> Option<&Value> {
			match params {
				Value::Object(map) => map.get(name),
				Value::Array(items) => catalogue
					.method(method)?
					.inputs
					.iter()
					.position(|(n, _)| n == name)
					.and_then(|i| items.get(i)),
				_ => None,
			}
		};
		let call = || self.queries.call_at(method, params, at);
		let finish = |basis: Basis, subjects: Vec<u64>, answer: Value| match &basis {
			// Figures (period totals) are answered whole: the access covered them.
			Basis::Declared(access) if lender == Claims => match within_access(answer, access) {
				Some(answer) => Ok((basis, subjects, answer)),
				None => Err(error(
					FORBIDDEN,
					"the declared access does not cover this claim type, or the record is past \
					 its publication period",
				)),
			},
			_ => Ok((basis, subjects, answer)),
		};
		match rule {
			Public => Ok((Basis::Public, vec![], call()?)),
			Agencies => match &caller.agency {
				Some(_) if domain.is_none_or(|d| caller.remit.contains(&d)) => {
					Ok((Basis::Remit, vec![], call()?))
				},
				_ => Err(error(
					FORBIDDEN,
					format!(
						"{method} answers the agencies whose remit covers {} only",
						domain.map_or(query::SUPERVISION, Domain::namespace)
					),
				)),
			},
			Param(name) => {
				let subject = param(name)
					.and_then(organization_id)
					.ok_or_else(|| invalid(format!("{name}: expected an organization id")))?;
				let basis = self.permit(caller, &[subject], domain, lender, at)?;
				finish(basis, vec![subject], call()?)
			},
			Params(names) => {
				let subjects: Vec<u64> =
					names.iter().filter_map(|n| param(n).and_then(organization_id)).collect();
				let basis = self.permit(caller, &subjects, domain, lender, at)?;
				finish(basis, subjects, call()?)
			},
			// A missing record and another's are refused alike (an existence oracle otherwise:
			// a rival counted another's invoices by their numbers).
			Answer(pointers) => {
				let answer = call()?;
				let subjects: Vec<u64> = pointers
					.iter()
					.filter_map(|p| answer.pointer(p).and_then(organization_id))
					.collect();
				if subjects.is_empty() {
					return Err(not_readable());
				}
				let basis = self
					.permit(caller, &subjects, domain, lender, at)
					.map_err(|_| not_readable())?;
				finish(basis, subjects, answer)
			},
			Via { method: via, param: name, pointer } => {
				let key = param(name).cloned().unwrap_or(Value::Null);
				let record = self.queries.call_at(via, &json!([key]), at)?;
				let Some(subject) = record.pointer(pointer).and_then(organization_id) else {
					return Err(not_readable());
				};
				let basis = self
					.permit(caller, &[subject], domain, lender, at)
					.map_err(|_| not_readable())?;
				finish(basis, vec![subject], call()?)
			},
		}
	}

	/// `regchain_dossier` through the gateway: an organization's own dossier, or an agency's
	/// of an organization in its jurisdiction with the sections of its remit.
	fn dossier(&self, params: Params, ext: &Extensions) -> Result<Value, ErrorObjectOwned> {
		let params = query::parse(params)?;
		self.admit(ext)?;
		let at = self.block();
		let (caller, inner) = self.authenticate("regchain_dossier", &params, at, PRICE_DOSSIER)?;
		let answer = self.queries.dossier_at(&inner, at, |org| {
			if org == caller.org {
				return Ok(Sections::ALL);
			}
			if caller.agency.is_none() {
				return Err(error(
					FORBIDDEN,
					"a dossier is for the organization itself and the agencies overseeing it",
				));
			}
			if !self.oversees(caller.org, org, at)? {
				return Err(error(
					FORBIDDEN,
					format!("organization {org} lies outside this agency's jurisdiction"),
				));
			}
			let within = |domain| caller.remit.contains(&domain);
			Ok(Sections {
				invoices: within(Domain::Invoices),
				funds: within(Domain::Funds),
				credit: within(Domain::Credit),
				products: within(Domain::Provenance),
				evidence: within(Domain::Notarization),
				works: within(Domain::IpRights),
			})
		});
		let outcome = match &answer {
			Ok(d) => format!("answered (organization {})", d["organization"]["id"]),
			Err(e) => format!("refused: {}", loggable(e.message())),
		};
		log::info!(
			target: "gateway",
			"regchain_dossier by {} (org {}): {outcome}",
			caller.account, caller.org
		);
		answer
	}

	/// What a client needs to sign requests.
	fn info(&self, names: &[String]) -> Value {
		let (public, signed): (Vec<&String>, Vec<&String>) =
			names.iter().partition(|n| rule_of(n).0 == Public);
		json!({
			"chain": self.genesis,
			"gateway": self.id,
			"time": now_ms(),
			"windowMs": WINDOW_MS,
			"maxBatch": MAX_BATCH,
			"public": public,
			"signed": signed,
		})
	}
}

/// The gateway's methods: every domain method, `regchain_dossier`, `gateway_info` and
/// `rpc_methods` — and nothing else.
pub fn module<C>(client: Arc<C>) -> Result<RpcModule<()>, String>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ ExecutorProvider<Block>
		+ Send
		+ Sync
		+ 'static,
	C::Api: Metadata<Block> + Core<Block> + ConsortiumApi<Block, AccountId> + CreditApi<Block>,
{
	let genesis = format!("{:?}", client.info().genesis_hash);
	let queries = Arc::new(Queries::new(client)?);
	let mut names = queries.names();
	// Unique per run: the genesis, the clock to the nanosecond and the process.
	let started = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default().as_nanos();
	let drawn = format!("{genesis} {started} {}", std::process::id());
	let digest =
		<sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash(drawn.as_bytes());
	let id = hex::encode(&digest.as_bytes()[..16]);
	let gateway = Arc::new(Gateway {
		queries,
		genesis,
		id,
		seen: Mutex::new(Seen::default()),
		limits: Mutex::new(Limits::default()),
	});
	let mut module = RpcModule::new(());
	for name in &names {
		let name: &'static str = Box::leak(name.clone().into_boxed_str());
		let gateway = gateway.clone();
		module
			.register_blocking_method(name, move |params, _, ext| gateway.serve(name, params, &ext))
			.map_err(|e| e.to_string())?;
	}
	names.push("regchain_dossier".into());
	let g = gateway.clone();
	module
		.register_blocking_method("regchain_dossier", move |params, _, ext| g.dossier(params, &ext))
		.map_err(|e| e.to_string())?;
	let info = gateway.info(&names);
	let g = gateway.clone();
	module
		.register_method("gateway_info", move |_, _, ext| {
			g.admit(ext)?;
			let mut info = info.clone();
			info["time"] = json!(now_ms());
			Ok::<_, ErrorObjectOwned>(info)
		})
		.map_err(|e| e.to_string())?;
	let mut methods = names;
	methods.extend(["gateway_info".to_owned(), "rpc_methods".to_owned()]);
	module
		.register_method("rpc_methods", move |_, _, ext| {
			gateway.admit(ext)?;
			Ok::<_, ErrorObjectOwned>(json!({ "methods": methods }))
		})
		.map_err(|e| e.to_string())?;
	Ok(module)
}

/// Serves the gateway on `addr` until the node stops; a port that cannot be bound stops the
/// node (the operator asked for a gateway there).
///
/// Its own accept loop rather than jsonrpsee's `Server::start`: it knows each connection's
/// address, which it hands to the methods (a [`Peer`] in the request's extensions) so that
/// public methods are limited per address.
pub async fn serve(addr: std::net::SocketAddr, module: RpcModule<()>) {
	use tower::Service;
	let listener = match tokio::net::TcpListener::bind(addr).await {
		Ok(listener) => listener,
		Err(e) => {
			log::error!(target: "gateway", "cannot serve the query gateway on {addr}: {e}");
			return;
		},
	};
	let bound = listener.local_addr().map(|a| a.to_string()).unwrap_or_else(|_| addr.to_string());
	// The handle stops the connections when dropped: it lives as long as this loop.
	let (stop, _handle) = jsonrpsee::server::stop_channel();
	let builder = jsonrpsee::server::Server::builder()
		.max_request_body_size(1 << 20)
		.max_response_body_size(16 << 20)
		.max_connections(256)
		.set_batch_request_config(BatchRequestConfig::Limit(MAX_BATCH))
		.to_service_builder();
	let methods: jsonrpsee::Methods = module.into();
	log::info!(target: "gateway", "query gateway on {bound} (signed requests, docs/rpc.md)");
	loop {
		let (socket, remote) = match listener.accept().await {
			Ok(accepted) => accepted,
			Err(e) => {
				log::debug!(target: "gateway", "a connection failed: {e}");
				continue;
			},
		};
		let peer = Peer::of(remote.ip());
		let service = builder.clone().build(methods.clone(), stop.clone());
		let with_peer = tower::service_fn(move |mut request: jsonrpsee::server::HttpRequest<_>| {
			request.extensions_mut().insert(peer);
			let mut service = service.clone();
			async move { service.call(request).await }
		});
		tokio::spawn(jsonrpsee::server::serve_with_graceful_shutdown(
			socket,
			with_peer,
			stop.clone().shutdown(),
		));
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn every_domain_method_has_a_rule_and_every_rule_a_method() {
		let catalogue = crate::query::tests::catalogue();
		let names: Vec<&String> = catalogue.names().collect();
		for name in &names {
			assert!(
				RULES.iter().any(|(m, ..)| m == name),
				"{name} has no rule in the gateway (it would be served to agencies only)"
			);
		}
		for (method, ..) in RULES {
			assert!(names.iter().any(|n| n == method), "the rule for {method} names no method");
		}
		// The parameters the rules read exist under those names.
		for (method, rule, _) in RULES {
			let inputs: Vec<&str> =
				catalogue.method(method).unwrap().inputs.iter().map(|(n, _)| n.as_str()).collect();
			let wanted: Vec<&str> = match rule {
				Param(p) => vec![p],
				Params(ps) => ps.to_vec(),
				Via { param, .. } => vec![param],
				_ => vec![],
			};
			for p in wanted {
				assert!(inputs.contains(&p), "{method} has no parameter {p} ({inputs:?})");
			}
		}
	}

	#[test]
	fn signatures_verify_raw_or_wrapped_and_only_for_their_signer() {
		let alice = sr25519::Pair::from_string("//Alice", None).unwrap();
		let bob = ed25519::Pair::from_string("//Bob", None).unwrap();
		let message = b"{\"method\":\"credit_grants\"}";
		let who = |p: [u8; 32]| AccountId32::from(p);
		let a = who(alice.public().0);
		let b = who(bob.public().0);
		assert!(verifies(&a, &alice.sign(message).0, message));
		let wrapped = [b"<Bytes>".as_slice(), message, b"</Bytes>"].concat();
		assert!(verifies(&a, &alice.sign(&wrapped).0, message));
		assert!(verifies(&b, &bob.sign(message).0, message));
		assert!(!verifies(&b, &alice.sign(message).0, message));
		assert!(!verifies(&a, &alice.sign(message).0, b"{\"method\":\"credit_grantz\"}"));
	}

	#[test]
	fn a_nonce_counts_once_within_the_window_and_accounts_are_capped() {
		let mut seen = Seen::default();
		let a = AccountId32::from([1; 32]);
		let b = AccountId32::from([2; 32]);
		assert_eq!(seen.admit(&a, "n1", 1_000, 1_000), Ok(()));
		assert!(seen.admit(&a, "n1", 1_000, 2_000).unwrap_err().contains("replayed"));
		// Another account may use the same nonce.
		assert_eq!(seen.admit(&b, "n1", 1_000, 2_000), Ok(()));
		// Forgotten once its timestamp left the window (it would be refused as stale then).
		assert_eq!(seen.admit(&a, "n1", 70_000, 1_000 + WINDOW_MS + 1), Ok(()));
		for i in 1..PER_ACCOUNT {
			assert_eq!(seen.admit(&a, &format!("x{i}"), 70_000, 70_000), Ok(()));
		}
		assert!(seen.admit(&a, "one more", 70_000, 70_000).unwrap_err().contains("more than"));
		assert_eq!(seen.per_account[&a], PER_ACCOUNT);
	}

	#[test]
	fn text_from_a_request_stays_on_one_log_line() {
		let forged = "limit: bad\n2026-12-06 gateway credit_creditProfile by 5Grw…: answered";
		let logged = loggable(forged);
		assert!(!logged.contains('\n') && !logged.contains('\r'));
		assert!(logged.contains("\\n2026-12-06"));
		assert_eq!(loggable("plain text"), "plain text");
	}

	/// Every pointer of a rule reaches an organization id in its method's answer, as the
	/// runtime's metadata types it: a renamed field fails here, not every caller's read.
	#[test]
	fn every_pointer_of_a_rule_names_an_organization_in_its_methods_answer() {
		let catalogue = crate::query::tests::catalogue();
		let mut checked = 0;
		for (method, rule, _) in RULES {
			let pointers: Vec<(&str, &str)> = match rule {
				Answer(pointers) => pointers.iter().map(|p| (*method, *p)).collect(),
				Via { method: via, pointer, .. } => vec![(*via, *pointer)],
				_ => vec![],
			};
			for (answered_by, pointer) in pointers {
				catalogue.points_to_an_id(answered_by, pointer).unwrap_or_else(|e| panic!("{e}"));
				checked += 1;
			}
		}
		assert!(checked >= 10, "{checked} pointers");
		// And a wrong one is caught.
		assert!(catalogue.points_to_an_id("invoices_invoice", "/invoice/seller").is_err());
		assert!(catalogue.points_to_an_id("invoices_invoice", "/invoice/net").is_ok());
		assert!(catalogue.points_to_an_id("invoices_invoice", "/invoice/document").is_err());
	}

	#[test]
	fn a_lenders_answer_is_cut_to_the_claim_types_declared() {
		let entry = |t: u64| json!({"id": t, "attestation": {"claimType": t, "subject": 9}});
		let profile = json!([entry(0), entry(1), entry(2)]);
		let access = |claim_types| Access {
			lender: 5,
			grant: 0,
			scope: pallet_credit::Scope { claim_types, figures: false },
			purpose: pallet_credit::Purpose::PreLoanReview,
			at: 0,
		};
		let only = access(ClaimTypeScope::Only(vec![0, 2].try_into().unwrap()));
		let all = access(ClaimTypeScope::All);
		assert_eq!(within_access(profile.clone(), &only), Some(json!([entry(0), entry(2)])));
		assert_eq!(within_access(profile.clone(), &all), Some(profile));
		assert_eq!(within_access(entry(1), &only), None);
		assert_eq!(within_access(entry(2), &only), Some(entry(2)));
	}

	#[test]
	fn a_lender_no_longer_sees_a_record_past_its_publication_period() {
		let entry = |t: u64, published: bool| json!({"id": t, "attestation": {"claimType": t}, "published": published});
		let access = Access {
			lender: 5,
			grant: 0,
			scope: pallet_credit::Scope { claim_types: ClaimTypeScope::All, figures: false },
			purpose: pallet_credit::Purpose::PreLoanReview,
			at: 0,
		};
		let history = json!([entry(0, true), entry(1, false), entry(2, true)]);
		assert_eq!(within_access(history, &access), Some(json!([entry(0, true), entry(2, true)])));
		assert_eq!(within_access(entry(1, false), &access), None);
		// An entry of an older runtime, unmarked, is published.
		let unmarked = json!({"id": 3, "attestation": {"claimType": 3}});
		assert_eq!(within_access(unmarked.clone(), &access), Some(unmarked));
	}
}
