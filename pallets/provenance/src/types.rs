//! What the provenance pallet stores and takes: product classes, production batches, items and
//! the containers they are packed in, custody events, recalls; GS1 numbers checked by their
//! check digit.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use regchain_primitives::{time::Moment, OrgId};
use scale_info::TypeInfo;
use sp_core::H256;

/// A product class's id, allocated by the chain.
pub type ClassId = u32;
/// A production batch's id, allocated by the chain.
pub type BatchId = u32;
/// A recall's id, allocated by the chain.
pub type RecallId = u32;
/// An item's id, derived by the chain from its code and whose numbering the code belongs to:
/// see [`item_id`]. Every call after registration names items by it.
pub type ItemId = H256;
/// The hash of an item's serial number, QR, NFC or RFID code (never the code itself: a printed
/// code anyone could copy stays off chain until someone scans it). Registration takes codes.
pub type ItemCode = H256;

/// Whose numbering an item's code belongs to. GS1 scopes a serial number to its GTIN (an
/// SGTIN) and a container's serial reference to the company that labels it (an SSCC under its
/// company prefix): two firms' codes may be equal and neither may take the other's. So a unit
/// is kept under its class and a container under the member that registered it, and a rival
/// registering a manufacturer's unit codes (as units of its own class or as containers) makes
/// items of its own that the manufacturer's never meet.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub enum CodeScope {
	/// A unit of a product class: the GTIN owner's serial numbers.
	Class(ClassId),
	/// A container (case, pallet) labelled by this member.
	Packer(OrgId),
}

/// The domain tag hashed before every item id, so an item id never equals another hash the
/// chain keeps.
pub const ITEM_ID_TAG: [u8; 13] = *b"regchain/item";

/// The id the chain keeps an item under: `blake2_256(ITEM_ID_TAG ++ SCALE(scope) ++ code)`,
/// (scope: one byte 0 and the class as little-endian u32, or 1 and the member's id). Clients
/// that hold a code and its product class (from the GTIN printed with it, `ClassByGtin`) or
/// the container's labeller compute it the same way; `regchain product item-id` prints it.
pub fn item_id(scope: CodeScope, code: &ItemCode) -> ItemId {
	use sp_runtime::traits::Hash;
	sp_runtime::traits::BlakeTwo256::hash_of(&(ITEM_ID_TAG, scope, code))
}

/// Most items one call takes (register, pack, hand over, receive, sell …).
pub const MAX_ITEMS_PER_CALL: u32 = 256;
/// Items in one call (their ids, or their codes when registering them).
pub type ItemList = BoundedVec<ItemId, ConstU32<MAX_ITEMS_PER_CALL>>;
/// Most distinct production batches one container holds (through the containers in it): the
/// work of moving a container is bounded by it.
pub const MAX_BATCHES_PER_CONTAINER: u32 = 16;
/// Containers nest this deep at most: a case (level 1) in a pallet (level 2).
pub const MAX_LEVEL: u8 = 2;
/// A stock-keeping unit, as the brand owner writes it.
pub type Sku = BoundedVec<u8, ConstU32<32>>;

/// Whether the last digit of `number` is its GS1 check digit (GTIN, GLN, SSCC): from the
/// right, digits are weighted 3, 1, 3, … and the check digit brings the sum to a multiple of 10.
pub fn gs1_check_digit_holds(number: u64) -> bool {
	let check = number % 10;
	let mut rest = number / 10;
	let mut sum = 0u64;
	let mut weight = 3;
	while rest > 0 {
		sum += (rest % 10) * weight;
		weight = 4 - weight;
		rest /= 10;
	}
	(10 - sum % 10) % 10 == check
}

fn digits(number: u64) -> u32 {
	number.checked_ilog10().map_or(1, |d| d + 1)
}

/// A Global Trade Item Number (GTIN-8, -12, -13 or -14): a product class's public number.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Gtin(pub u64);

impl Gtin {
	/// Whether it has at most 14 digits and a right check digit (leading zeros of GTIN-14
	/// padding are not stored).
	pub fn is_valid(&self) -> bool {
		self.0 > 0 && digits(self.0) <= 14 && gs1_check_digit_holds(self.0)
	}
}

/// A Global Location Number: a site (a factory, a warehouse, a shop, a customs post).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Gln(pub u64);

impl Gln {
	/// Whether it has at most 13 digits and a right check digit.
	pub fn is_valid(&self) -> bool {
		self.0 > 0 && digits(self.0) <= 13 && gs1_check_digit_holds(self.0)
	}
}

/// A kind of goods, registered by its brand owner or manufacturer.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct ProductClass {
	/// The brand owner or manufacturer that registered it.
	pub owner: OrgId,
	/// Its stock-keeping unit.
	pub sku: Sku,
	/// Its GTIN, if it has one (unique on chain).
	pub gtin: Option<Gtin>,
	/// Hash of its description (kept off chain).
	pub metadata: H256,
	/// Its recall, if the whole class is recalled.
	pub recall: Option<RecallId>,
}

/// A production batch (lot) of a class.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Batch {
	/// Its class.
	pub class: ClassId,
	/// Who made it.
	pub manufacturer: OrgId,
	/// Hash of the lot number and production record.
	pub lot: H256,
	/// When it was produced, in on-chain time.
	pub produced_on: Moment,
	/// How many items of it are registered.
	pub items: u32,
	/// How many of them are sold.
	pub sold: u32,
	/// Its recall, if the batch is recalled.
	pub recall: Option<RecallId>,
}

/// What an item is.
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
pub enum ItemKind {
	/// A unit of goods, of a production batch.
	Unit {
		/// Its batch.
		batch: BatchId,
	},
	/// A container (an SSCC): a case (level 1) or a pallet (level 2). It holds units, or
	/// containers of a lower level.
	Container {
		/// 1 or 2.
		level: u8,
	},
}

impl ItemKind {
	/// A unit's level is 0; a container's, its own.
	pub fn level(&self) -> u8 {
		match self {
			ItemKind::Unit { .. } => 0,
			ItemKind::Container { level } => *level,
		}
	}
}

/// Where an item is in its life.
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
pub enum Status {
	/// With its custodian, movable.
	InStock,
	/// On sale at a retailer.
	OnSale,
	/// Sold to a consumer: its life on chain ends.
	Sold,
	/// Destroyed: its life on chain ends.
	Destroyed,
}

/// Who has an item: a custodian, or the container it is packed in (then its custodian,
/// location and status are the outermost container's — moving a container moves its contents
/// without touching them).
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub enum Place {
	/// Held by `custodian` at `location`.
	Held {
		/// The organization that has it.
		custodian: OrgId,
		/// Where.
		location: Gln,
		/// In stock, on sale, sold, destroyed.
		status: Status,
	},
	/// Packed in `container`.
	Packed {
		/// The container.
		container: ItemId,
	},
}

/// An item: a unit of goods or a container.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Item {
	/// A unit of a batch, or a container.
	pub kind: ItemKind,
	/// Who has it.
	pub place: Place,
	/// The organization its custodian has offered it to, until it accepts or rejects.
	pub offered_to: Option<OrgId>,
	/// How many custody events it has (the next event's number).
	pub events: u32,
	/// A container's items directly in it.
	pub contents: u32,
	/// A container's distinct batches (through the containers in it).
	pub batches: u8,
	/// How many reports of a suspected counterfeit it has had.
	pub reports: u16,
	/// Whether a clone of its code is suspected (a scan its custody cannot explain reported
	/// it) and what market regulation found.
	pub suspicion: Suspicion,
}

/// Whether an item's code is suspected of being cloned. A scan only *reports* a suspicion (any
/// supply-chain member scans, a rival too); market regulation reviews it and confirms or clears
/// it, and the public is told which. Encoded as the `bool` it replaced was (0: none, 1:
/// reported), so items stored before read unchanged.
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
	Default,
)]
pub enum Suspicion {
	/// Nothing suspected.
	#[default]
	None,
	/// A scan its custody cannot explain was reported; market regulation has not ruled. Not a
	/// finding that it is a clone.
	Reported,
	/// Market regulation found the code cloned: copies of this code are counterfeits.
	Confirmed,
	/// Market regulation cleared the suspicion: the scans were explained. A new unexplained
	/// scan reports it again.
	Cleared,
}

/// Why the chain suspects a clone.
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
pub enum CloneReason {
	/// Scanned after it was sold or destroyed.
	ScannedAfterItsEnd,
	/// Scanned by an organization that neither holds it nor was offered it.
	ScannedOutOfCustody,
}

/// What happened to an item. Custody events are never deleted or changed: a wrong one is
/// answered by a `Correction` naming it (as EPCIS error declarations).
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
pub enum EventKind {
	/// Registered by its manufacturer (a unit) or by a packer (a container).
	Produced,
	/// Packed into `container`, whose own events from number `from` on are now this item's too.
	Packed {
		/// The container.
		container: ItemId,
		/// The container's event count at packing.
		from: u32,
	},
	/// Taken out of `container` (its events up to number `until` belong to this item's history).
	Unpacked {
		/// The container.
		container: ItemId,
		/// The container's event count at unpacking.
		until: u32,
	},
	/// Offered to `to` by its custodian.
	Offered {
		/// The receiver.
		to: OrgId,
	},
	/// The offer withdrawn by the custodian.
	OfferWithdrawn,
	/// Taken over by a carrier: shipped.
	Shipped {
		/// The previous custodian.
		from: OrgId,
	},
	/// Taken over by a receiver that is no carrier.
	Received {
		/// The previous custodian.
		from: OrgId,
	},
	/// The offer refused by its receiver.
	Rejected,
	/// Inspected by market regulation or customs.
	Inspected {
		/// Whether it passed.
		passed: bool,
	},
	/// Cleared by customs.
	CustomsCleared,
	/// Put on sale by a retailer.
	OnSale,
	/// Sold to a consumer.
	Sold,
	/// Destroyed.
	Destroyed,
	/// Its code scanned where its custody explains it.
	Scanned,
	/// Its code scanned where its custody cannot explain it.
	CloneSuspected {
		/// Why.
		reason: CloneReason,
	},
	/// Reported as a suspected counterfeit.
	Reported,
	/// Event number `of` declared wrong by its own actor.
	Correction {
		/// The wrong event's number.
		of: u32,
	},
	/// Market regulation confirmed that its code is cloned (the document: its finding).
	CloneConfirmed,
	/// Market regulation cleared the suspicion of a clone (the document: its finding).
	SuspicionCleared,
}

/// One custody event of an item.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct CustodyEvent {
	/// What happened.
	pub kind: EventKind,
	/// The organization that did it.
	pub actor: OrgId,
	/// Where, when known.
	pub location: Option<Gln>,
	/// When, in on-chain time.
	pub at: Moment,
	/// Hash of the document behind it (a waybill, a customs declaration, a report, a reason).
	pub document: H256,
}

/// What a recall covers.
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
pub enum RecallScope {
	/// One production batch.
	Batch(BatchId),
	/// Every batch of a product class, made or to be made.
	Class(ClassId),
}

/// A recall ordered by market regulation.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Recall {
	/// What it covers.
	pub scope: RecallScope,
	/// The agency that ordered it.
	pub by: OrgId,
	/// When, in on-chain time.
	pub at: Moment,
	/// Hash of the recall decision.
	pub reason: H256,
}

/// An item as its custodian, its maker and the agencies see it: its batch (with the batch's
/// counts), custody, location, status, recall and reports. The public sees an
/// [`ItemVerification`].
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct ItemStatus {
	/// The item.
	pub item: Item,
	/// Its batch and class (units only).
	pub batch: Option<(BatchId, Batch)>,
	/// Its class.
	pub class: Option<(ClassId, ProductClass)>,
	/// The custodian, location and status of its outermost container (or its own).
	pub custodian: OrgId,
	/// Where it is.
	pub location: Gln,
	/// In stock, on sale, sold, destroyed.
	pub status: Status,
	/// The recall that covers it, if any.
	pub recall: Option<(RecallId, Recall)>,
}

/// What a consumer, or anyone holding an item's code, is told: whether it is genuine and may be
/// sold where it is offered, and nothing of the supply chain's business — no batch's produced
/// or sold counts, no distributor, no location — which [`ItemStatus`] shows its custodian, its
/// manufacturer and the agencies.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct ItemVerification {
	/// Its product class (the brand's SKU and GTIN, as printed on the package), for a unit.
	pub class: Option<(ClassId, ProductClass)>,
	/// Who made it (printed on the package), for a unit.
	pub manufacturer: Option<OrgId>,
	/// When its batch was produced, for a unit.
	pub produced_on: Option<Moment>,
	/// In the supply chain, on sale, sold, destroyed.
	pub status: Status,
	/// The retailer offering it (on sale) or that sold it: where it should be bought. None
	/// while it is in the supply chain.
	pub retailer: Option<OrgId>,
	/// The recall that covers it, if any: stop using it.
	pub recall: Option<(RecallId, Recall)>,
	/// How many members reported it as a suspected counterfeit.
	pub reports: u16,
	/// Whether a clone of its code is suspected: reported by a scan (not a ruling), confirmed
	/// or cleared by market regulation.
	pub suspicion: Suspicion,
}

impl From<ItemStatus> for ItemVerification {
	fn from(full: ItemStatus) -> Self {
		let at_retail = matches!(full.status, Status::OnSale | Status::Sold);
		ItemVerification {
			class: full.class,
			manufacturer: full.batch.as_ref().map(|(_, b)| b.manufacturer),
			produced_on: full.batch.as_ref().map(|(_, b)| b.produced_on),
			status: full.status,
			retailer: at_retail.then_some(full.custodian),
			recall: full.recall,
			reports: full.item.reports,
			suspicion: full.item.suspicion,
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn gs1_numbers_are_checked_by_their_check_digit() {
		// GTIN-13 of GS1's own examples, a GTIN-8, a GTIN-14 and a GLN.
		assert!(Gtin(4_006_381_333_931).is_valid());
		assert!(Gtin(96_385_074).is_valid());
		assert!(Gtin(10_614_141_000_415).is_valid());
		assert!(Gln(1_234_567_890_128).is_valid());
		assert!(!Gtin(4_006_381_333_932).is_valid());
		assert!(!Gtin(0).is_valid());
		assert!(!Gtin(123_456_789_012_345_670).is_valid(), "more than 14 digits");
		assert!(!Gln(12_345_678_901_231).is_valid(), "more than 13 digits");
	}
}
