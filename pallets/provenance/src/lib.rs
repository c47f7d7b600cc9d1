//! # Provenance pallet (防伪溯源)
//!
//! Brand owners, manufacturers, carriers, customs, retailers and regulators share one record
//! of every item from production to sale — and a recall reaches every item of a batch or a
//! product class wherever it is, without touching each item.
//!
//! ## Actors and terms
//! - **Manufacturers** (`Manufacturer` role; [`Config::ManufacturerOrigin`]) register product
//!   classes (SKU, GTIN checked by its check digit, unique), production batches of their classes
//!   and the batches' items — the hashes of their serial / QR / NFC / RFID codes — up to
//!   [`MAX_ITEMS_PER_CALL`] a call. The chain keeps an item under an id derived from its code
//!   and the code's scope ([`item_id`]): a unit's class, a container's labeller. A code
//!   registered twice in its scope is refused; the same code in another scope is another item,
//!   so no member can take (squat) another's codes by registering them first.
//! - **Supply-chain members** (any member holding `ProvenanceRecorder`, `Manufacturer`,
//!   `Logistics` or `Retailer`) register containers (cases, pallets: SSCCs), pack items into
//!   them and unpack them; a packed item's custodian, location and status are its outermost
//!   container's, so moving a pallet moves every case and unit in it in one call. Custody moves
//!   in two steps: the custodian **offers** items to a member, which **accepts** (the items'
//!   `Shipped` event when it is a carrier, `Received` otherwise) or **rejects** them.
//! - **Retailers** (`Retailer` role) put units on sale and sell them; a sold item's life ends.
//! - **Customs** (a `Customs` agency) clears, and **inspectors** (`Inspector` role: market
//!   regulation, customs) inspect, items whose custodian lies within their jurisdiction.
//! - **Market regulation** (a `MarketRegulation` agency) recalls a batch or a whole class of a
//!   manufacturer within its jurisdiction: one write, read by every later action on every item
//!   of it. A recalled item moves only back to its manufacturer or to destruction. The
//!   custodians to notify are one paged query away (`recall_notices`): the chain keeps, for each
//!   batch, how many of its units each organization holds — moving a container updates those
//!   counts for the at most [`MAX_BATCHES_PER_CONTAINER`] batches inside it. Market regulation
//!   also **freezes** a batch (a seizure, 查封扣押) through the shared freeze of
//!   `regchain-primitives`: nothing of it moves, goes on sale or is sold until unfrozen.
//! - **Anyone** holding an item's code verifies it (`verify_item`: genuine or not, its product
//!   and maker, the retailer it should be bought from, recall, reports) without a signature;
//!   its full status and history — batch counts, distributors, locations: the supply chain's
//!   business — are for its custodians, its maker and the agencies (the query gateway's rule).
//!   **Members** scan codes and report suspected counterfeits. A scan its custody cannot
//!   explain, or of an item already sold, *reports* a suspected clone, with its scanner in the
//!   item's history; market regulation within its jurisdiction over the item's custodian
//!   reviews it and confirms or clears it. Consumers see which: reported, confirmed, cleared
//!   — never a rival's scan presented as a finding.
//! - A wrong event is never deleted: its actor adds a `Correction` naming it.
//!
//! ## Invariants (checked by `try_state`)
//! - Every item has exactly one current custodian: following `Packed` links from any item
//!   ends, within [`MAX_LEVEL`] steps, at a held item; a container is of a higher level than
//!   what it holds, and its `contents` count what is packed in it.
//! - For each batch, the units it has that are held (not sold or destroyed), counted by their
//!   outermost custodian, are the chain's holdings of that batch.
//! - Every unit's batch and every batch's class exist; ids stay below their counters; every
//!   freeze is of a batch that exists.
//! - Every class is indexed under its owner, and every owner index entry names a class of that
//!   owner.
//! - Each maker's latest recall (`LatestRecalls`) is the latest of the recalls of its goods (a
//!   batch it made, a class it owns), and only makers with a recall have one.
//!
//! ## On chain, and who can read it
//! Every node of the consortium holds all state. On chain: product classes (SKU, GTIN — public
//! on every package), batches (the lot's hash), item ids (hashes of codes, never the codes),
//! custodians, GS1 location numbers, dates, document hashes, recalls and reports. Prices,
//! quantities ordered, customers and consumers stay off chain: a sale records the retailer,
//! never the buyer.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

regchain_primitives::freeze_errors!();
regchain_primitives::jurisdiction_errors!();

/// The provenance domain's tag: its batches for regulatory actions.
pub const PROVENANCE: regchain_primitives::ClaimDomain = *b"prov";

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod impls;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use regchain_primitives::OrgId;
pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_support::traits::UnixTime;
	use frame_system::pallet_prelude::*;
	use regchain_primitives::{time::Moment, Freeze};
	use sp_core::H256;

	/// The storage layout's version; a migration bumps it with the layout.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// A manufacturer or brand owner: registers classes, batches and units.
		type ManufacturerOrigin: EnsureOrigin<
			Self::RuntimeOrigin,
			Success = (Self::AccountId, OrgId),
		>;
		/// Any member; the pallet checks that it takes part in supply chains where it must.
		type MemberOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;
		/// A retailer: puts on sale and sells.
		type RetailerOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;
		/// An inspector (market regulation, customs), within its jurisdiction.
		type InspectorOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;
		/// A customs agency, within its jurisdiction.
		type CustomsOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;
		/// Market regulation: recalls and freezes, within its jurisdiction.
		type RegulatorOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;
		/// Who is who: roles of receivers, jurisdictions.
		type Membership: regchain_primitives::Membership<Self::AccountId>;
		/// On-chain time.
		type UnixTime: UnixTime;
		/// Weights of the calls.
		type WeightInfo: WeightInfo;
	}

	/// The id the next product class gets.
	#[pallet::storage]
	pub type NextClassId<T: Config> = StorageValue<_, ClassId, ValueQuery>;

	/// Product classes.
	#[pallet::storage]
	pub type Classes<T: Config> = StorageMap<_, Twox64Concat, ClassId, ProductClass>;

	/// Each organization's product classes, by owner then id: the products of an enterprise's
	/// dossier, paged without walking every class (storage version 2).
	#[pallet::storage]
	pub type ClassesByOwner<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OrgId, Twox64Concat, ClassId, ()>;

	/// The class of each registered GTIN.
	#[pallet::storage]
	pub type ClassByGtin<T: Config> = StorageMap<_, Blake2_128Concat, Gtin, ClassId>;

	/// The id the next batch gets.
	#[pallet::storage]
	pub type NextBatchId<T: Config> = StorageValue<_, BatchId, ValueQuery>;

	/// Production batches.
	#[pallet::storage]
	pub type Batches<T: Config> = StorageMap<_, Twox64Concat, BatchId, Batch>;

	/// The batches of each class (for a class's recall notices).
	#[pallet::storage]
	pub type BatchesByClass<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ClassId, Twox64Concat, BatchId, ()>;

	/// Items: units and containers.
	#[pallet::storage]
	pub type Items<T: Config> = StorageMap<_, Blake2_128Concat, ItemId, Item>;

	/// Each item's custody events, numbered from 0.
	#[pallet::storage]
	pub type History<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, ItemId, Twox64Concat, u32, CustodyEvent>;

	/// How many units of a batch each organization holds (through containers too); units sold
	/// or destroyed are no longer held. The recall notices read it.
	#[pallet::storage]
	pub type Holdings<T: Config> =
		StorageDoubleMap<_, Twox64Concat, BatchId, Twox64Concat, OrgId, u32, ValueQuery>;

	/// How many units of each batch a container holds (through the containers in it).
	#[pallet::storage]
	pub type ContainerBatches<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, ItemId, Twox64Concat, BatchId, u32, ValueQuery>;

	/// The id the next recall gets.
	#[pallet::storage]
	pub type NextRecallId<T: Config> = StorageValue<_, RecallId, ValueQuery>;

	/// Recalls.
	#[pallet::storage]
	pub type Recalls<T: Config> = StorageMap<_, Twox64Concat, RecallId, Recall>;

	/// When goods each maker made were last recalled — a batch it manufactured, or a class it
	/// owns (storage version 3): a random inspection weighs a maker recalled within a year more.
	#[pallet::storage]
	pub type LatestRecalls<T: Config> = StorageMap<_, Twox64Concat, OrgId, Moment>;

	/// Batches frozen by a regulatory action.
	#[pallet::storage]
	pub type FrozenBatches<T: Config> = StorageMap<_, Twox64Concat, BatchId, Freeze>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A product class was registered.
		ClassRegistered { class: ClassId, owner: OrgId, gtin: Option<Gtin> },
		/// A production batch was registered.
		BatchRegistered { batch: BatchId, class: ClassId, manufacturer: OrgId },
		/// Units of a batch were registered.
		ItemsRegistered { batch: BatchId, count: u32 },
		/// Containers were registered.
		ContainersRegistered { by: OrgId, level: u8, count: u32 },
		/// Items were packed into a container.
		Packed { container: ItemId, count: u32 },
		/// Items were taken out of a container.
		Unpacked { container: ItemId, count: u32 },
		/// Items were offered to `to`.
		Offered { from: OrgId, to: OrgId, count: u32 },
		/// Offers were withdrawn.
		OffersWithdrawn { by: OrgId, count: u32 },
		/// Items changed custodian.
		Accepted { to: OrgId, count: u32, shipped: bool },
		/// Offered items were refused.
		Rejected { by: OrgId, count: u32 },
		/// Items were inspected.
		Inspected { by: OrgId, count: u32, passed: bool },
		/// Items were cleared by customs.
		CustomsCleared { by: OrgId, count: u32 },
		/// Units were put on sale.
		PutOnSale { by: OrgId, count: u32 },
		/// Units were sold.
		Sold { by: OrgId, count: u32 },
		/// Items were destroyed.
		Destroyed { by: OrgId, count: u32 },
		/// An item's code was scanned where its custody explains it.
		Scanned { item: ItemId, by: OrgId },
		/// An item's code was scanned where its custody cannot explain it.
		CloneSuspected { item: ItemId, by: OrgId, reason: CloneReason },
		/// An item was reported as a suspected counterfeit.
		Reported { item: ItemId, by: OrgId },
		/// Market regulation confirmed a reported clone of an item's code.
		CloneConfirmed { item: ItemId, by: OrgId, finding: H256 },
		/// Market regulation cleared a reported suspicion of a clone.
		SuspicionCleared { item: ItemId, by: OrgId, finding: H256 },
		/// A custody event was declared wrong by its actor.
		Corrected { item: ItemId, of: u32 },
		/// A batch or a class was recalled.
		Recalled { recall: RecallId, scope: RecallScope, by: OrgId },
		/// A batch was frozen.
		Frozen { batch: BatchId, by: OrgId, reason: H256 },
		/// A batch was unfrozen.
		Unfrozen { batch: BatchId, by: OrgId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The GTIN has more than 14 digits or a wrong check digit.
		InvalidGtin,
		/// Another class has this GTIN.
		GtinTaken,
		/// The location is no GLN (more than 13 digits or a wrong check digit).
		InvalidLocation,
		/// No such class.
		ClassNotFound,
		/// Only the class's owner registers its batches.
		NotClassOwner,
		/// A batch cannot have been produced after now.
		ProducedInFuture,
		/// No such batch.
		BatchNotFound,
		/// Only the batch's manufacturer registers its units.
		NotManufacturer,
		/// An item with this id exists (or the list names it twice).
		ItemExists,
		/// No such item.
		ItemNotFound,
		/// The list is empty.
		NoItems,
		/// A container is of level 1 (a case) or 2 (a pallet).
		InvalidLevel,
		/// The organization takes no part in supply chains (holds none of their roles).
		NotParticipant,
		/// Only the item's custodian does this.
		NotCustodian,
		/// The item is packed in a container: act on the container, or unpack it first.
		Packed,
		/// The item is not in stock (on sale, or its life ended).
		NotInStock,
		/// The item was sold already.
		AlreadySold,
		/// The item was destroyed.
		ItemDestroyed,
		/// The item is offered to someone: wait for the answer or withdraw the offer.
		OfferPending,
		/// The item is not offered to anyone.
		NoOffer,
		/// The item is offered to another organization.
		NotReceiver,
		/// Items are not offered to their own custodian.
		OwnOrganization,
		/// No such container.
		NotAContainer,
		/// A container holds only units or containers of a lower level.
		LevelTooHigh,
		/// The item is not packed directly in this container.
		NotInContainer,
		/// The container would hold units of more than `MAX_BATCHES_PER_CONTAINER` batches.
		TooManyBatches,
		/// Only units (not containers) go on sale.
		NotAUnit,
		/// The unit is not on sale.
		NotOnSale,
		/// The item is recalled: it moves only back to its manufacturer or to destruction.
		Recalled,
		/// The batch or class is recalled already.
		AlreadyRecalled,
		/// The batch is frozen by a regulatory action.
		Frozen,
		/// The batch is frozen already.
		AlreadyFrozen,
		/// The batch is not frozen.
		NotFrozen,
		/// No such custody event.
		EventNotFound,
		/// Only an event's own actor corrects it.
		NotActor,
		/// The organization lies outside the agency's jurisdiction.
		OutsideJurisdiction,
		/// No suspicion of a clone of the item awaits a ruling (none was reported, or it was
		/// ruled on and not reported again).
		NotReported,
		/// A count passed its bound.
		Overflow,
		/// No organization with this id: a regulator acts on members only.
		OrganizationNotFound,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register a product class.
		///
		/// - Origin: a manufacturer or brand owner (`ManufacturerOrigin`); it owns the class.
		/// - `gtin`: optional, unique on chain, checked by its check digit.
		///
		/// Errors: `InvalidGtin`, `GtinTaken`. Events: `ClassRegistered`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_class())]
		pub fn register_class(
			origin: OriginFor<T>,
			sku: Sku,
			gtin: Option<Gtin>,
			metadata: H256,
		) -> DispatchResult {
			let (_, owner) = T::ManufacturerOrigin::ensure_origin(origin)?;
			Self::do_register_class(owner, sku, gtin, metadata)
		}

		/// Register a production batch of one's own class.
		///
		/// - Origin: the class's owner, still a manufacturer.
		/// - `produced_on`: on-chain time, not after now.
		///
		/// Errors: `ClassNotFound`, `NotClassOwner`, `ProducedInFuture`, `Recalled` (a recalled
		/// class gets no new batches). Events: `BatchRegistered`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::register_batch())]
		pub fn register_batch(
			origin: OriginFor<T>,
			class: ClassId,
			lot: H256,
			produced_on: Moment,
		) -> DispatchResult {
			let (_, manufacturer) = T::ManufacturerOrigin::ensure_origin(origin)?;
			Self::do_register_batch(manufacturer, class, lot, produced_on)
		}

		/// Register units of one's batch, held by the manufacturer at `location`.
		///
		/// - Origin: the batch's manufacturer.
		/// - `items`: the units' codes ([`ItemCode`]); each is kept under
		///   `item_id(CodeScope::Class(class), code)`, scoped to the batch's class, so no other
		///   class's or member's registration can take it.
		///
		/// Errors: `BatchNotFound`, `NotManufacturer`, `NoItems`, `InvalidLocation`,
		/// `ItemExists`, `Recalled`, `Frozen`. Events: `ItemsRegistered`. Complexity: O(items).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::register_items(items.len() as u32))]
		pub fn register_items(
			origin: OriginFor<T>,
			batch: BatchId,
			items: ItemList,
			location: Gln,
		) -> DispatchResult {
			let (_, manufacturer) = T::ManufacturerOrigin::ensure_origin(origin)?;
			Self::do_register_items(manufacturer, batch, items, location).map(|_| ())
		}

		/// Register empty containers (cases of level 1, pallets of level 2) at `location`.
		///
		/// - Origin: a supply-chain member; it holds them.
		/// - `containers`: their codes (SSCCs' hashes), each kept under
		///   `item_id(CodeScope::Packer(member), code)`.
		///
		/// Errors: `NotParticipant`, `InvalidLevel`, `NoItems`, `InvalidLocation`, `ItemExists`.
		/// Events: `ContainersRegistered`. Complexity: O(containers).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::register_containers(containers.len() as u32))]
		pub fn register_containers(
			origin: OriginFor<T>,
			containers: ItemList,
			level: u8,
			location: Gln,
		) -> DispatchResult {
			let (_, packer) = T::MemberOrigin::ensure_origin(origin)?;
			Self::do_register_containers(packer, containers, level, location).map(|_| ())
		}

		/// Pack items (units, or containers of a lower level) into a container one holds.
		///
		/// - Origin: the custodian of the container and of every item, all in stock and not
		///   offered; the container itself not packed.
		///
		/// Errors: `NotAContainer`, `ItemNotFound`, `NotCustodian`, `Packed`, `NotInStock`,
		/// `OfferPending`, `LevelTooHigh`, `TooManyBatches`, `Recalled`, `Frozen`, `NoItems`.
		/// Events: `Packed`. Complexity: O(items × batches in each).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::pack(items.len() as u32))]
		pub fn pack(origin: OriginFor<T>, container: ItemId, items: ItemList) -> DispatchResult {
			let (_, who) = T::MemberOrigin::ensure_origin(origin)?;
			Self::do_pack(who, container, items)
		}

		/// Take items out of a container one holds; they are held where the container is.
		///
		/// Errors: `NotAContainer`, `NotCustodian`, `Packed`, `NotInStock`, `OfferPending`,
		/// `ItemNotFound`, `NotInContainer`, `NoItems`. Events: `Unpacked`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::unpack(items.len() as u32))]
		pub fn unpack(origin: OriginFor<T>, container: ItemId, items: ItemList) -> DispatchResult {
			let (_, who) = T::MemberOrigin::ensure_origin(origin)?;
			Self::do_unpack(who, container, items)
		}

		/// Offer items (units or containers, with everything in them) to another member.
		///
		/// - Origin: their custodian; items in stock, not packed, not offered yet.
		/// - `to`: a supply-chain member; for recalled items, their manufacturer only.
		/// - `waybill`: hash of the dispatch document (delivery note, waybill).
		///
		/// Errors: `NotParticipant`, `OwnOrganization`, `ItemNotFound`, `NotCustodian`,
		/// `Packed`, `NotInStock`, `OfferPending`, `Recalled`, `Frozen`, `NoItems`.
		/// Events: `Offered`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::offer(items.len() as u32))]
		pub fn offer(
			origin: OriginFor<T>,
			items: ItemList,
			to: OrgId,
			waybill: H256,
		) -> DispatchResult {
			let (_, from) = T::MemberOrigin::ensure_origin(origin)?;
			Self::do_offer(from, items, to, waybill)
		}

		/// Withdraw offers of one's items that are not answered yet.
		///
		/// Errors: `ItemNotFound`, `NotCustodian`, `NoOffer`, `NoItems`.
		/// Events: `OffersWithdrawn`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::withdraw_offers(items.len() as u32))]
		pub fn withdraw_offers(origin: OriginFor<T>, items: ItemList) -> DispatchResult {
			let (_, from) = T::MemberOrigin::ensure_origin(origin)?;
			Self::do_withdraw_offers(from, items)
		}

		/// Accept items offered to one's organization: they are now held at `location`. A
		/// carrier's acceptance is the items' shipment. `receipt`: hash of the receiving note
		/// (or the carrier's bill of lading).
		///
		/// An offer of goods recalled after it was made is accepted only by their
		/// manufacturer: the recall stops every other handover at once.
		///
		/// Errors: `NotParticipant`, `ItemNotFound`, `NoOffer`, `NotReceiver`,
		/// `InvalidLocation`, `Frozen`, `Recalled`, `NoItems`, `Overflow`. Events: `Accepted`. Complexity: O(items × batches in each).
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::accept(items.len() as u32))]
		pub fn accept(
			origin: OriginFor<T>,
			items: ItemList,
			location: Gln,
			receipt: H256,
		) -> DispatchResult {
			let (_, to) = T::MemberOrigin::ensure_origin(origin)?;
			Self::do_accept(to, items, location, receipt)
		}

		/// Refuse items offered to one's organization; they stay with their custodian.
		///
		/// Errors: `ItemNotFound`, `NoOffer`, `NotReceiver`, `NoItems`. Events: `Rejected`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::reject(items.len() as u32))]
		pub fn reject(origin: OriginFor<T>, items: ItemList, reason: H256) -> DispatchResult {
			let (_, to) = T::MemberOrigin::ensure_origin(origin)?;
			Self::do_reject(to, items, reason)
		}

		/// Record an inspection of items held within one's jurisdiction.
		///
		/// - Origin: an inspector (`InspectorOrigin`).
		///
		/// Errors: `ItemNotFound`, `Packed`, `OutsideJurisdiction`, `AlreadySold`,
		/// `ItemDestroyed`, `NoItems`. Events: `Inspected`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::inspect(items.len() as u32))]
		pub fn inspect(
			origin: OriginFor<T>,
			items: ItemList,
			passed: bool,
			report: H256,
		) -> DispatchResult {
			let (_, inspector) = T::InspectorOrigin::ensure_origin(origin)?;
			Self::do_inspect(inspector, items, passed, report)
		}

		/// Clear items through customs.
		///
		/// - Origin: a customs agency (`CustomsOrigin`) whose jurisdiction covers the custodian.
		///
		/// Errors: `ItemNotFound`, `Packed`, `OutsideJurisdiction`, `NotInStock`, `NoItems`.
		/// Events: `CustomsCleared`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::clear_customs(items.len() as u32))]
		pub fn clear_customs(
			origin: OriginFor<T>,
			items: ItemList,
			declaration: H256,
		) -> DispatchResult {
			let (_, customs) = T::CustomsOrigin::ensure_origin(origin)?;
			Self::do_clear_customs(customs, items, declaration)
		}

		/// Put units one holds on sale.
		///
		/// - Origin: a retailer (`RetailerOrigin`), their custodian.
		///
		/// Errors: `ItemNotFound`, `NotAUnit`, `NotCustodian`, `Packed`, `NotInStock`,
		/// `OfferPending`, `Recalled`, `Frozen`, `NoItems`. Events: `PutOnSale`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::put_on_sale(items.len() as u32))]
		pub fn put_on_sale(origin: OriginFor<T>, items: ItemList) -> DispatchResult {
			let (_, retailer) = T::RetailerOrigin::ensure_origin(origin)?;
			Self::do_put_on_sale(retailer, items)
		}

		/// Sell units on sale to consumers (who stay off chain).
		///
		/// - Origin: a retailer, their custodian.
		///
		/// Errors: `ItemNotFound`, `NotAUnit`, `NotCustodian`, `AlreadySold`, `NotOnSale`,
		/// `Recalled`, `Frozen`, `NoItems`. Events: `Sold`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::sell(items.len() as u32))]
		pub fn sell(origin: OriginFor<T>, items: ItemList, receipt: H256) -> DispatchResult {
			let (_, retailer) = T::RetailerOrigin::ensure_origin(origin)?;
			Self::do_sell(retailer, items, receipt)
		}

		/// Destroy items one holds (recalled goods, damaged goods), with everything packed in
		/// them.
		///
		/// Errors: `ItemNotFound`, `NotCustodian`, `Packed`, `NotInStock`, `OfferPending`,
		/// `Frozen`, `NoItems`. Events: `Destroyed`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::destroy(items.len() as u32))]
		pub fn destroy(origin: OriginFor<T>, items: ItemList, record: H256) -> DispatchResult {
			let (_, who) = T::MemberOrigin::ensure_origin(origin)?;
			Self::do_destroy(who, items, record)
		}

		/// Record a scan of an item's code at `location`: explained by its custody, or
		/// reported as a suspected clone (the item is sold or destroyed, or the scanner neither
		/// holds it nor was offered it) for market regulation to review. A confirmed clone
		/// stays confirmed.
		///
		/// - Origin: a supply-chain member.
		///
		/// Errors: `NotParticipant`, `ItemNotFound`, `InvalidLocation`, `Overflow`.
		/// Events: `Scanned` or `CloneSuspected`.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::scan())]
		pub fn scan(origin: OriginFor<T>, item: ItemId, location: Gln) -> DispatchResult {
			let (_, who) = T::MemberOrigin::ensure_origin(origin)?;
			Self::do_scan(who, item, location)
		}

		/// Report an item as a suspected counterfeit (a consumer's report comes through a
		/// member, e.g. the market regulator's hotline).
		///
		/// - Origin: any member.
		///
		/// Errors: `ItemNotFound`, `Overflow`. Events: `Reported`.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::report())]
		pub fn report(origin: OriginFor<T>, item: ItemId, evidence: H256) -> DispatchResult {
			let (_, who) = T::MemberOrigin::ensure_origin(origin)?;
			Self::do_report(who, item, evidence)
		}

		/// Declare one's own custody event `of` of `item` wrong; it stays, answered.
		///
		/// Errors: `ItemNotFound`, `EventNotFound`, `NotActor`, `Overflow`.
		/// Events: `Corrected`.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::correct())]
		pub fn correct(
			origin: OriginFor<T>,
			item: ItemId,
			of: u32,
			reason: H256,
		) -> DispatchResult {
			let (_, who) = T::MemberOrigin::ensure_origin(origin)?;
			Self::do_correct(who, item, of, reason)
		}

		/// Recall a production batch.
		///
		/// - Origin: market regulation (`RegulatorOrigin`) with jurisdiction over the
		///   manufacturer.
		///
		/// Errors: `BatchNotFound`, `OutsideJurisdiction`, `AlreadyRecalled`.
		/// Events: `Recalled`.
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::recall_batch())]
		pub fn recall_batch(origin: OriginFor<T>, batch: BatchId, reason: H256) -> DispatchResult {
			let (_, regulator) = T::RegulatorOrigin::ensure_origin(origin)?;
			Self::do_recall(regulator, RecallScope::Batch(batch), reason)
		}

		/// Recall a product class: every batch of it, made or to be made. One write, however
		/// many items the class has.
		///
		/// - Origin: market regulation with jurisdiction over the class's owner.
		///
		/// Errors: `ClassNotFound`, `OutsideJurisdiction`, `AlreadyRecalled`.
		/// Events: `Recalled`.
		#[pallet::call_index(19)]
		#[pallet::weight(T::WeightInfo::recall_class())]
		pub fn recall_class(origin: OriginFor<T>, class: ClassId, reason: H256) -> DispatchResult {
			let (_, regulator) = T::RegulatorOrigin::ensure_origin(origin)?;
			Self::do_recall(regulator, RecallScope::Class(class), reason)
		}

		/// Freeze a batch (a seizure): none of its units moves, is packed, unpacked, put on
		/// sale, sold or destroyed, and no container holding one moves, until it is unfrozen.
		///
		/// - Origin: market regulation with jurisdiction over the manufacturer.
		///
		/// Errors: `BatchNotFound`, `OutsideJurisdiction`, `Frozen`. Events: `Frozen`.
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::freeze())]
		pub fn freeze(origin: OriginFor<T>, batch: BatchId, reason: H256) -> DispatchResult {
			let (_, regulator) = T::RegulatorOrigin::ensure_origin(origin)?;
			Self::do_freeze(regulator, batch, reason)
		}

		/// Unfreeze a batch.
		///
		/// Errors: `BatchNotFound`, `OutsideJurisdiction`, `NotFrozen`. Events: `Unfrozen`.
		#[pallet::call_index(21)]
		#[pallet::weight(T::WeightInfo::unfreeze())]
		pub fn unfreeze(origin: OriginFor<T>, batch: BatchId) -> DispatchResult {
			let (_, regulator) = T::RegulatorOrigin::ensure_origin(origin)?;
			Self::do_unfreeze(regulator, batch)
		}

		/// Confirm a reported clone of an item's code, with the hash of the finding: the
		/// public is told that copies of this code are counterfeits.
		///
		/// - Origin: market regulation (`RegulatorOrigin`) with jurisdiction over the item's
		///   custodian.
		///
		/// Errors: `ItemNotFound`, `OutsideJurisdiction`, `NotReported`, `Overflow`.
		/// Events: `CloneConfirmed`.
		#[pallet::call_index(22)]
		#[pallet::weight(T::WeightInfo::confirm_clone())]
		pub fn confirm_clone(origin: OriginFor<T>, item: ItemId, finding: H256) -> DispatchResult {
			let (_, regulator) = T::RegulatorOrigin::ensure_origin(origin)?;
			Self::do_confirm_clone(regulator, item, finding)
		}

		/// Clear a reported suspicion of a clone, with the hash of the finding (the scans were
		/// explained): the public is told it was cleared.
		///
		/// - Origin: as for `confirm_clone`.
		///
		/// Errors: `ItemNotFound`, `OutsideJurisdiction`, `NotReported`, `Overflow`.
		/// Events: `SuspicionCleared`.
		#[pallet::call_index(23)]
		#[pallet::weight(T::WeightInfo::clear_suspicion())]
		pub fn clear_suspicion(
			origin: OriginFor<T>,
			item: ItemId,
			finding: H256,
		) -> DispatchResult {
			let (_, regulator) = T::RegulatorOrigin::ensure_origin(origin)?;
			Self::do_clear_suspicion(regulator, item, finding)
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
