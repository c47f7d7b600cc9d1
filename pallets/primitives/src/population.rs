//! What a random inspection reads of the domains about its population (检查对象名录库): the
//! record sets that narrow a plan to the holders of certain records, and the recalls that
//! raise a maker's weight. The supervision pallet asks; the runtime answers from the funds,
//! provenance and invoices pallets (no pallet imports another).

use crate::{time::Moment, Fen, OrgId};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Records whose holders make an inspection's population (the 2019 rule's 抽查对象 by
/// matter: the recipients of a subsidy, the makers of a product, the larger invoicers).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum RecordSet {
	/// The enterprises holding an allocation of this special-fund program.
	FundProgram(u32),
	/// The manufacturers of batches of this product class.
	ProductClass(u32),
	/// The issuers whose blue invoices of this tax period (`YYYYMM`, China Standard Time),
	/// less their red invoices that took effect in it, come to more than `amount` (net, fen).
	InvoicedAbove {
		/// The tax period.
		period: u32,
		/// The threshold, exclusive.
		amount: Fen,
	},
}

impl RecordSet {
	/// Whether the population is read from the set's own index — its records, each naming its
	/// holder — rather than from the region's members, each checked against the set. A
	/// program's recipients or a class's makers are few beside a region's members; a tax
	/// period's invoicers are most of them, and invoices have no index by period.
	pub fn indexed(&self) -> bool {
		!matches!(self, RecordSet::InvoicedAbove { .. })
	}
}

/// The domains' answers a random inspection needs. Implemented by the runtime.
pub trait PopulationSources {
	/// Whether `set` names something that exists (a program, a class; a tax period of the
	/// calendar).
	fn exists(set: &RecordSet) -> bool;

	/// Of an indexed set ([`RecordSet::indexed`]): its records after record `after`, at most
	/// `limit`, each with its holder, in the index's order; fewer than `limit` at its end.
	/// Empty for any other set.
	fn holders(set: &RecordSet, after: Option<u64>, limit: u32) -> Vec<(u64, OrgId)>;

	/// Of a set read from the region: whether `org` is in it. `true` for an indexed set (its
	/// holders are in it by construction).
	fn holds(set: &RecordSet, org: OrgId) -> bool;

	/// When goods `maker` made were last recalled (a batch of its make, or a class it owns).
	fn latest_recall(maker: OrgId) -> Option<Moment>;
}

/// No record sets and no recalls (a runtime or mock without those domains).
impl PopulationSources for () {
	fn exists(_: &RecordSet) -> bool {
		false
	}

	fn holders(_: &RecordSet, _: Option<u64>, _: u32) -> Vec<(u64, OrgId)> {
		Vec::new()
	}

	fn holds(_: &RecordSet, _: OrgId) -> bool {
		false
	}

	fn latest_recall(_: OrgId) -> Option<Moment> {
		None
	}
}
