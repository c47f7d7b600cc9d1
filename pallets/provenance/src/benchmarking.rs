//! Benchmarks of every call on its most expensive path: lists at every length up to
//! `MAX_ITEMS_PER_CALL`; containers that hold units of `MAX_BATCHES_PER_CONTAINER` batches (the
//! bound of what moving one touches), of a recalled class where that costs reads; a scan
//! through two levels of packing.

use super::*;
use crate::pallet::{Batches, Classes, FrozenBatches, Items, NextBatchId, NextClassId};
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::EnsureOrigin;
use frame_system::RawOrigin;
use regchain_primitives::{member_origin, AgencyKind, Membership, OrgKind, Role};
use sp_core::H256;

const SITE: Gln = Gln(1_234_567_890_128);

/// The origin `O` stands for, and its organization.
fn caller<T: Config, O: EnsureOrigin<T::RuntimeOrigin, Success = (T::AccountId, OrgId)>>(
) -> Result<(T::RuntimeOrigin, OrgId), BenchmarkError> {
	member_origin::<O, _, _>().map_err(|_| BenchmarkError::Weightless)
}

/// The member `name` (made once) of `kind` holding `role`: its signed origin and organization.
fn named<T: Config>(name: &'static str, kind: OrgKind, role: Role) -> (T::RuntimeOrigin, OrgId) {
	let who: T::AccountId = account(name, 0, 0);
	let org = match T::Membership::member(&who) {
		Some(info) => info.org,
		None => T::Membership::make_member(&who, kind, Some(role)),
	};
	(RawOrigin::Signed(who).into(), org)
}

/// The `n`-th code tagged `tag`.
fn id(tag: u8, n: u32) -> ItemCode {
	let mut bytes = [tag; 32];
	bytes[..4].copy_from_slice(&n.to_le_bytes());
	H256(bytes)
}

fn list(ids: Vec<ItemId>) -> ItemList {
	ids.try_into().expect("at most MAX_ITEMS_PER_CALL")
}

/// A class of `maker` and a batch of it.
fn class_and_batch<T: Config>(maker: OrgId) -> Result<(ClassId, BatchId), BenchmarkError> {
	let class = NextClassId::<T>::get();
	Pallet::<T>::do_register_class(maker, Default::default(), None, H256::zero())?;
	Ok((class, new_batch::<T>(maker, class)?))
}

fn new_batch<T: Config>(maker: OrgId, class: ClassId) -> Result<BatchId, BenchmarkError> {
	let batch = NextBatchId::<T>::get();
	Pallet::<T>::do_register_batch(maker, class, H256::zero(), 0)?;
	Ok(batch)
}

/// `n` units of a new batch of `maker`, held by it.
fn units<T: Config>(maker: OrgId, tag: u8, n: u32) -> Result<(BatchId, ItemList), BenchmarkError> {
	let (_, batch) = class_and_batch::<T>(maker)?;
	let codes = list((0..n).map(|i| id(tag, i)).collect());
	Ok((batch, Pallet::<T>::do_register_items(maker, batch, codes, SITE)?))
}

/// `n` cases of `maker`, each holding one unit of each of `MAX_BATCHES_PER_CONTAINER` batches of
/// one class; the class.
fn full_cases<T: Config>(maker: OrgId, n: u32) -> Result<(ClassId, ItemList), BenchmarkError> {
	let (class, first) = class_and_batch::<T>(maker)?;
	let mut batches = alloc::vec![first];
	for _ in 1..MAX_BATCHES_PER_CONTAINER {
		batches.push(new_batch::<T>(maker, class)?);
	}
	let cases = list((0..n).map(|i| id(0xca, i)).collect());
	let cases = Pallet::<T>::do_register_containers(maker, cases, 1, SITE)?;
	for (b, batch) in batches.iter().enumerate() {
		let units = list((0..n).map(|i| id(b as u8, i)).collect());
		let units = Pallet::<T>::do_register_items(maker, *batch, units, SITE)?;
		for (case, unit) in cases.iter().zip(units.iter()) {
			Pallet::<T>::do_pack(maker, *case, list(alloc::vec![*unit]))?;
		}
	}
	Ok((class, cases))
}

/// A unit of `maker`'s, packed in a case packed in a pallet: the deepest custody to read.
fn unit_in_pallet<T: Config>(maker: OrgId) -> Result<ItemId, BenchmarkError> {
	let (_, items) = units::<T>(maker, 1, 1)?;
	let case =
		Pallet::<T>::do_register_containers(maker, list(alloc::vec![id(0xca, 0)]), 1, SITE)?[0];
	let pallet = new_pallet::<T>(maker)?;
	Pallet::<T>::do_pack(maker, case, items.clone())?;
	Pallet::<T>::do_pack(maker, pallet, list(alloc::vec![case]))?;
	Ok(items[0])
}

/// A new empty pallet (a level 2 container) of `maker`'s.
fn new_pallet<T: Config>(maker: OrgId) -> Result<ItemId, BenchmarkError> {
	Ok(Pallet::<T>::do_register_containers(maker, list(alloc::vec![id(0xfa, 0)]), 2, SITE)?[0])
}

/// Market regulation's origin, and a unit in a case in a pallet whose clone a scan reported.
fn reported<T: Config>() -> Result<(T::RuntimeOrigin, ItemId), BenchmarkError> {
	let (_, maker) = named::<T>("maker", OrgKind::Enterprise, Role::Manufacturer);
	let (_, scanner) = named::<T>("scanner", OrgKind::Enterprise, Role::Retailer);
	let (origin, _) = caller::<T, T::RegulatorOrigin>()?;
	let item = unit_in_pallet::<T>(maker)?;
	Pallet::<T>::do_scan(scanner, item, SITE)?;
	Ok((origin, item))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_class() -> Result<(), BenchmarkError> {
		let (origin, owner) = caller::<T, T::ManufacturerOrigin>()?;
		let sku: Sku = alloc::vec![b'S'; 32].try_into().expect("32 bytes");
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, sku, Some(Gtin(4_006_381_333_931)), H256::zero());
		assert_eq!(Classes::<T>::get(0).map(|c| c.owner), Some(owner));
		Ok(())
	}

	#[benchmark]
	fn register_batch() -> Result<(), BenchmarkError> {
		let (origin, maker) = caller::<T, T::ManufacturerOrigin>()?;
		Pallet::<T>::do_register_class(maker, Default::default(), None, H256::zero())?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 0, H256::zero(), 0);
		assert!(Batches::<T>::contains_key(0));
		Ok(())
	}

	#[benchmark]
	fn register_items(n: Linear<1, MAX_ITEMS_PER_CALL>) -> Result<(), BenchmarkError> {
		let (origin, maker) = caller::<T, T::ManufacturerOrigin>()?;
		let (_, batch) = class_and_batch::<T>(maker)?;
		let items = list((0..n).map(|i| id(1, i)).collect());
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, batch, items, SITE);
		assert_eq!(Batches::<T>::get(batch).map(|b| b.items), Some(n));
		Ok(())
	}

	#[benchmark]
	fn register_containers(n: Linear<1, MAX_ITEMS_PER_CALL>) -> Result<(), BenchmarkError> {
		let (origin, packer) = named::<T>("packer", OrgKind::Enterprise, Role::ProvenanceRecorder);
		let cases = list((0..n).map(|i| id(0xca, i)).collect());
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, cases, 2, SITE);
		assert!(Items::<T>::contains_key(item_id(CodeScope::Packer(packer), &id(0xca, 0))));
		Ok(())
	}

	#[benchmark]
	fn pack(n: Linear<1, MAX_ITEMS_PER_CALL>) -> Result<(), BenchmarkError> {
		let (origin, maker) = named::<T>("maker", OrgKind::Enterprise, Role::Manufacturer);
		let (_, cases) = full_cases::<T>(maker, n)?;
		let pallet = new_pallet::<T>(maker)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, pallet, cases);
		assert_eq!(Items::<T>::get(pallet).map(|p| p.contents), Some(n));
		Ok(())
	}

	#[benchmark]
	fn unpack(n: Linear<1, MAX_ITEMS_PER_CALL>) -> Result<(), BenchmarkError> {
		let (origin, maker) = named::<T>("maker", OrgKind::Enterprise, Role::Manufacturer);
		let (_, cases) = full_cases::<T>(maker, n)?;
		let pallet = new_pallet::<T>(maker)?;
		Pallet::<T>::do_pack(maker, pallet, cases.clone())?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, pallet, cases);
		assert_eq!(Items::<T>::get(pallet).map(|p| p.contents), Some(0));
		Ok(())
	}

	#[benchmark]
	fn offer(n: Linear<1, MAX_ITEMS_PER_CALL>) -> Result<(), BenchmarkError> {
		// Cases of a recalled class go back to their manufacturer: every batch is read.
		let (_, maker) = named::<T>("maker", OrgKind::Enterprise, Role::Manufacturer);
		let (origin, holder) = named::<T>("holder", OrgKind::Enterprise, Role::ProvenanceRecorder);
		let (class, cases) = full_cases::<T>(maker, n)?;
		Pallet::<T>::do_offer(maker, cases.clone(), holder, H256::zero())?;
		Pallet::<T>::do_accept(holder, cases.clone(), SITE, H256::zero())?;
		Classes::<T>::mutate(class, |c| c.as_mut().map(|c| c.recall = Some(0)));
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, cases.clone(), maker, H256::zero());
		assert_eq!(Items::<T>::get(cases[0]).and_then(|c| c.offered_to), Some(maker));
		Ok(())
	}

	#[benchmark]
	fn withdraw_offers(n: Linear<1, MAX_ITEMS_PER_CALL>) -> Result<(), BenchmarkError> {
		let (origin, maker) = named::<T>("maker", OrgKind::Enterprise, Role::Manufacturer);
		let (_, to) = named::<T>("carrier", OrgKind::Enterprise, Role::Logistics);
		let (_, items) = units::<T>(maker, 1, n)?;
		Pallet::<T>::do_offer(maker, items.clone(), to, H256::zero())?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, items.clone());
		assert_eq!(Items::<T>::get(items[0]).and_then(|c| c.offered_to), None);
		Ok(())
	}

	#[benchmark]
	fn accept(n: Linear<1, MAX_ITEMS_PER_CALL>) -> Result<(), BenchmarkError> {
		let (_, maker) = named::<T>("maker", OrgKind::Enterprise, Role::Manufacturer);
		let (origin, carrier) = named::<T>("carrier", OrgKind::Enterprise, Role::Logistics);
		let (_, cases) = full_cases::<T>(maker, n)?;
		Pallet::<T>::do_offer(maker, cases.clone(), carrier, H256::zero())?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, cases.clone(), SITE, H256::zero());
		assert_eq!(Pallet::<T>::item_status(cases[0]).map(|s| s.custodian), Some(carrier));
		Ok(())
	}

	#[benchmark]
	fn reject(n: Linear<1, MAX_ITEMS_PER_CALL>) -> Result<(), BenchmarkError> {
		let (_, maker) = named::<T>("maker", OrgKind::Enterprise, Role::Manufacturer);
		let (origin, carrier) = named::<T>("carrier", OrgKind::Enterprise, Role::Logistics);
		let (_, items) = units::<T>(maker, 1, n)?;
		Pallet::<T>::do_offer(maker, items.clone(), carrier, H256::zero())?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, items.clone(), H256::zero());
		assert_eq!(Items::<T>::get(items[0]).and_then(|c| c.offered_to), None);
		Ok(())
	}

	#[benchmark]
	fn inspect(n: Linear<1, MAX_ITEMS_PER_CALL>) -> Result<(), BenchmarkError> {
		let (_, maker) = named::<T>("maker", OrgKind::Enterprise, Role::Manufacturer);
		// Inspectors are market regulation and customs in law: an agency, with its jurisdiction.
		let market = OrgKind::Agency(AgencyKind::MarketRegulation);
		let (origin, _) = named::<T>("inspector", market, Role::Inspector);
		let (_, items) = units::<T>(maker, 1, n)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, items.clone(), true, H256::zero());
		assert_eq!(Items::<T>::get(items[0]).map(|i| i.events), Some(2));
		Ok(())
	}

	#[benchmark]
	fn clear_customs(n: Linear<1, MAX_ITEMS_PER_CALL>) -> Result<(), BenchmarkError> {
		let (_, maker) = named::<T>("maker", OrgKind::Enterprise, Role::Manufacturer);
		let (origin, _) = caller::<T, T::CustomsOrigin>()?;
		let (_, items) = units::<T>(maker, 1, n)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, items.clone(), H256::zero());
		assert_eq!(Items::<T>::get(items[0]).map(|i| i.events), Some(2));
		Ok(())
	}

	#[benchmark]
	fn put_on_sale(n: Linear<1, MAX_ITEMS_PER_CALL>) -> Result<(), BenchmarkError> {
		let (_, maker) = named::<T>("maker", OrgKind::Enterprise, Role::Manufacturer);
		let (origin, shop) = caller::<T, T::RetailerOrigin>()?;
		let (_, items) = units::<T>(maker, 1, n)?;
		Pallet::<T>::do_offer(maker, items.clone(), shop, H256::zero())?;
		Pallet::<T>::do_accept(shop, items.clone(), SITE, H256::zero())?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, items.clone());
		assert_eq!(Pallet::<T>::item_status(items[0]).map(|s| s.status), Some(Status::OnSale));
		Ok(())
	}

	#[benchmark]
	fn sell(n: Linear<1, MAX_ITEMS_PER_CALL>) -> Result<(), BenchmarkError> {
		let (_, maker) = named::<T>("maker", OrgKind::Enterprise, Role::Manufacturer);
		let (origin, shop) = caller::<T, T::RetailerOrigin>()?;
		let (_, items) = units::<T>(maker, 1, n)?;
		Pallet::<T>::do_offer(maker, items.clone(), shop, H256::zero())?;
		Pallet::<T>::do_accept(shop, items.clone(), SITE, H256::zero())?;
		Pallet::<T>::do_put_on_sale(shop, items.clone())?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, items.clone(), H256::zero());
		assert_eq!(Pallet::<T>::item_status(items[0]).map(|s| s.status), Some(Status::Sold));
		Ok(())
	}

	#[benchmark]
	fn destroy(n: Linear<1, MAX_ITEMS_PER_CALL>) -> Result<(), BenchmarkError> {
		let (origin, maker) = named::<T>("maker", OrgKind::Enterprise, Role::Manufacturer);
		let (_, cases) = full_cases::<T>(maker, n)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, cases.clone(), H256::zero());
		assert_eq!(Pallet::<T>::item_status(cases[0]).map(|s| s.status), Some(Status::Destroyed));
		Ok(())
	}

	#[benchmark]
	fn scan() -> Result<(), BenchmarkError> {
		// A unit in a case in a pallet, scanned by someone who does not hold it.
		let (_, maker) = named::<T>("maker", OrgKind::Enterprise, Role::Manufacturer);
		let (origin, _) = named::<T>("scanner", OrgKind::Enterprise, Role::Retailer);
		let item = unit_in_pallet::<T>(maker)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, item, SITE);
		assert_eq!(Items::<T>::get(item).map(|i| i.suspicion), Some(Suspicion::Reported));
		Ok(())
	}

	/// A unit in a case in a pallet whose clone a scan reported: the ruling reads its custody
	/// up to the pallet.
	#[benchmark]
	fn confirm_clone() -> Result<(), BenchmarkError> {
		let (origin, item) = reported::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, item, H256::zero());
		assert_eq!(Items::<T>::get(item).map(|i| i.suspicion), Some(Suspicion::Confirmed));
		Ok(())
	}

	#[benchmark]
	fn clear_suspicion() -> Result<(), BenchmarkError> {
		let (origin, item) = reported::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, item, H256::zero());
		assert_eq!(Items::<T>::get(item).map(|i| i.suspicion), Some(Suspicion::Cleared));
		Ok(())
	}

	#[benchmark]
	fn report() -> Result<(), BenchmarkError> {
		let (_, maker) = named::<T>("maker", OrgKind::Enterprise, Role::Manufacturer);
		let (origin, _) = caller::<T, T::MemberOrigin>()?;
		let (_, items) = units::<T>(maker, 1, 1)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, items[0], H256::zero());
		assert_eq!(Items::<T>::get(items[0]).map(|i| i.reports), Some(1));
		Ok(())
	}

	#[benchmark]
	fn correct() -> Result<(), BenchmarkError> {
		let (origin, maker) = named::<T>("maker", OrgKind::Enterprise, Role::Manufacturer);
		let (_, items) = units::<T>(maker, 1, 1)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, items[0], 0, H256::zero());
		assert_eq!(Items::<T>::get(items[0]).map(|i| i.events), Some(2));
		Ok(())
	}

	#[benchmark]
	fn recall_batch() -> Result<(), BenchmarkError> {
		let (_, maker) = named::<T>("maker", OrgKind::Enterprise, Role::Manufacturer);
		let (origin, _) = caller::<T, T::RegulatorOrigin>()?;
		let (_, batch) = class_and_batch::<T>(maker)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, batch, H256::zero());
		assert!(Batches::<T>::get(batch).and_then(|b| b.recall).is_some());
		Ok(())
	}

	#[benchmark]
	fn recall_class() -> Result<(), BenchmarkError> {
		let (_, maker) = named::<T>("maker", OrgKind::Enterprise, Role::Manufacturer);
		let (origin, _) = caller::<T, T::RegulatorOrigin>()?;
		let (class, _) = class_and_batch::<T>(maker)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, class, H256::zero());
		assert!(Classes::<T>::get(class).and_then(|c| c.recall).is_some());
		Ok(())
	}

	#[benchmark]
	fn freeze() -> Result<(), BenchmarkError> {
		let (_, maker) = named::<T>("maker", OrgKind::Enterprise, Role::Manufacturer);
		let (origin, _) = caller::<T, T::RegulatorOrigin>()?;
		let (_, batch) = class_and_batch::<T>(maker)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, batch, H256::zero());
		assert!(FrozenBatches::<T>::contains_key(batch));
		Ok(())
	}

	#[benchmark]
	fn unfreeze() -> Result<(), BenchmarkError> {
		let (_, maker) = named::<T>("maker", OrgKind::Enterprise, Role::Manufacturer);
		let (origin, regulator) = caller::<T, T::RegulatorOrigin>()?;
		let (_, batch) = class_and_batch::<T>(maker)?;
		Pallet::<T>::do_freeze(regulator, batch, H256::zero())?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, batch);
		assert!(!FrozenBatches::<T>::contains_key(batch));
		Ok(())
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
