//! The runtime's storage migrations, run as the next runtime upgrade runs them: stored block
//! numbers of every landed pallet become the dates those blocks fall on, at the runtime's block
//! time, and each pallet's storage version moves on.

mod common;

use codec::Encode;
use frame_support::{
	storage::unhashed,
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
	BoundedVec,
};
use pallet_funds::{Categories, LedgerEntry, Movement, Program, ProgramStatus};
use pallet_invoices::{Change, HistoryEntry, RateChange, TaxRate};
use regchain_runtime::{Consortium, Funds, Invoices, Runtime, MILLI_SECS_PER_BLOCK};
use sp_core::H256;
use sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET;

/// Runs the next runtime upgrade's migrations as a node would: the single-block ones in the
/// upgrade's block, then the multi-block ones a step per block (each block a slot later)
/// until none is ongoing, each step within the service weight and every block meanwhile
/// closed to transactions. The blocks the multi-block migrations took.
fn upgrade() -> u32 {
	use frame_support::migrations::MultiStepMigrator;
	use regchain_runtime::{configs::MbmServiceWeight, Executive, MultiBlockMigrations};
	use sp_runtime::{traits::Header as _, ExtrinsicInclusionMode};
	regchain_runtime::Migrations::on_runtime_upgrade();
	<MultiBlockMigrations as OnRuntimeUpgrade>::on_runtime_upgrade();
	let mut blocks = 0;
	while MultiBlockMigrations::ongoing() {
		let number = frame_system::Pallet::<Runtime>::block_number() + 1;
		let header = regchain_runtime::Header::new(
			number,
			Default::default(),
			Default::default(),
			frame_system::Pallet::<Runtime>::parent_hash(),
			Default::default(),
		);
		let now = pallet_timestamp::Now::<Runtime>::get();
		assert_eq!(Executive::initialize_block(&header), ExtrinsicInclusionMode::OnlyInherents);
		// The block's timestamp inherent: a slot later.
		pallet_timestamp::Now::<Runtime>::put(now + MILLI_SECS_PER_BLOCK);
		let used = <MultiBlockMigrations as MultiStepMigrator>::step();
		assert!(used.all_lte(MbmServiceWeight::get()), "block {number} used {used:?}");
		blocks += 1;
		assert!(blocks < 1_000, "the migrations end");
	}
	assert!(pallet_migrations::Cursor::<Runtime>::get().is_none(), "none failed");
	blocks
}

/// The date of block `b` seen from block 1,000 at [`common::NOW`].
fn date(b: u64) -> u64 {
	if b >= 1_000 {
		common::NOW + (b - 1_000) * MILLI_SECS_PER_BLOCK
	} else {
		common::NOW - (1_000 - b) * MILLI_SECS_PER_BLOCK
	}
}

#[test]
fn the_upgrade_dates_terms_windows_rates_and_histories_kept_in_blocks() {
	common::genesis_of(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		frame_system::Pallet::<Runtime>::set_block_number(1_000);

		// The consortium as version 1 kept it: the first agency's term ends at block 3,000,
		// the council's review at block 1,500.
		let agency = pallet_consortium::Organizations::<Runtime>::get(0).expect("founded");
		// Every organization is in the version-1 layout before the upgrade.
		for (org, record) in pallet_consortium::Organizations::<Runtime>::iter() {
			let v1 = pallet_consortium::migrations::v1::Organization::<u32> {
				expires_at: if org == 0 { 3_000 } else { 2_000 },
				kind: record.kind,
				name: record.name,
				credit_code: record.credit_code,
				status: record.status,
				roles: record.roles,
				accounts: record.accounts,
			};
			unhashed::put_raw(
				&pallet_consortium::Organizations::<Runtime>::hashed_key_for(org),
				&v1.encode(),
			);
		}
		unhashed::put_raw(
			&pallet_consortium::CouncilReviewAt::<Runtime>::hashed_key(),
			&1_500u32.encode(),
		);
		StorageVersion::new(1).put::<Consortium>();

		// A fund program with its window at blocks 900–1,100 and end at 2,000, and a movement
		// of its ledger at block 950.
		let program = Program::<u32> {
			manager: 0,
			policy: H256::zero(),
			budget: 1_000,
			categories: Categories(1),
			apply_from: 900,
			apply_until: 1_100,
			ends_at: 2_000,
			status: ProgramStatus::Open,
			approved: 0,
			disbursed: 0,
			spent: 0,
			clawed_back: 0,
		};
		unhashed::put_raw(&pallet_funds::Programs::<Runtime>::hashed_key_for(0), &program.encode());
		let entry = LedgerEntry::<u32> { at: 950, movement: Movement::Approved { amount: 5 } };
		unhashed::put_raw(&pallet_funds::Ledger::<Runtime>::hashed_key_for(0, 0), &entry.encode());
		StorageVersion::new(1).put::<Funds>();

		// The invoices as version 2 kept them: rate 1 from genesis and a cut from block 1,200;
		// an invoice history at blocks 990 and 999.
		let rates = vec![
			RateChange::<u32> { from: 0, rate: Some(TaxRate::BasisPoints(1_300)) },
			RateChange::<u32> { from: 1_200, rate: Some(TaxRate::BasisPoints(1_100)) },
		];
		unhashed::put_raw(&pallet_invoices::Rates::<Runtime>::hashed_key_for(1), &rates.encode());
		// Every other rate code in the version-2 layout too.
		for (code, changes) in pallet_invoices::Rates::<Runtime>::iter() {
			if code != 1 {
				let v2: Vec<RateChange<u32>> =
					changes.iter().map(|c| RateChange { from: 0, rate: c.rate }).collect();
				unhashed::put_raw(
					&pallet_invoices::Rates::<Runtime>::hashed_key_for(code),
					&v2.encode(),
				);
			}
		}
		let history: BoundedVec<HistoryEntry<u32>, _> = BoundedVec::truncate_from(vec![
			HistoryEntry { at: 990, change: Change::Issued },
			HistoryEntry { at: 999, change: Change::Confirmed },
		]);
		pallet_invoices::migrations::v2::InvoiceHistory::<Runtime>::insert(7, 0, history);
		StorageVersion::new(2).put::<Invoices>();

		upgrade();

		// The consortium goes on to version 3 (the region index), the funds to 4 (the one
		// freeze, payment rules) and the invoices to 6 (the one freeze, types and totals by
		// rate, red-letter requests) in the same upgrade.
		assert_eq!(Consortium::on_chain_storage_version(), StorageVersion::new(3));
		assert_eq!(Funds::on_chain_storage_version(), StorageVersion::new(4));
		assert_eq!(Invoices::on_chain_storage_version(), StorageVersion::new(6));
		let after = pallet_consortium::Organizations::<Runtime>::get(0).unwrap();
		assert_eq!(after.expires_at, date(3_000));
		assert_eq!(after.name, agency.name);
		assert!(pallet_consortium::Organizations::<Runtime>::iter()
			.all(|(org, o)| org == 0 || o.expires_at == date(2_000)));
		assert_eq!(pallet_consortium::CouncilReviewAt::<Runtime>::get(), Some(date(1_500)));
		let program = pallet_funds::Programs::<Runtime>::get(0).unwrap();
		assert_eq!(
			(program.apply_from, program.apply_until, program.ends_at),
			(date(900), date(1_100), date(2_000))
		);
		assert_eq!(pallet_funds::Ledger::<Runtime>::get(0, 0).map(|e| e.at), Some(date(950)));
		let from: Vec<_> =
			pallet_invoices::Rates::<Runtime>::get(1).iter().map(|c| c.from).collect();
		assert_eq!(from, vec![date(0), date(1_200)]);
		assert_eq!(Invoices::rate_at(1, common::NOW), Some(TaxRate::BasisPoints(1_300)));
		let at: Vec<_> =
			pallet_invoices::InvoiceHistory::<Runtime>::get(7, 0).iter().map(|e| e.at).collect();
		assert_eq!(at, vec![date(990), date(999)]);

		// The storage is consistent for every pallet's invariants.
		pallet_consortium::Pallet::<Runtime>::do_try_state().expect("consortium invariants");
		// A second upgrade runs nothing.
		upgrade();
		assert_eq!(
			pallet_consortium::Organizations::<Runtime>::get(0).unwrap().expires_at,
			date(3_000)
		);
	});
}

#[test]
fn the_upgrade_indexes_records_and_product_classes_by_owner_and_files_certifications_by_court() {
	use pallet_notarization::{Anchor, EvidenceType, HashAlgorithm};
	use regchain_runtime::{Notarization, Provenance};
	common::genesis_of(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		// A record and a product class of organization 3 as version 1 kept them: no index.
		let digest = H256::repeat_byte(5);
		let record = pallet_notarization::Record {
			owner: 3,
			anchor: Anchor::Digest { algorithm: HashAlgorithm::Sha256, digest },
			evidence_type: EvidenceType::Contract,
			metadata: H256::zero(),
			case: None,
			at: common::NOW,
			block: 1,
		};
		pallet_notarization::Records::<Runtime>::insert(4, record.clone());
		pallet_notarization::Digests::<Runtime>::insert((HashAlgorithm::Sha256, digest), 4);
		pallet_notarization::NextRecordId::<Runtime>::put(5);
		StorageVersion::new(1).put::<Notarization>();
		// Its certification by the court (organization 3), admitted in a case, kept under the
		// digest alone as before version 3.
		let certification = pallet_notarization::Certification {
			office: 3,
			certificate: H256::repeat_byte(9),
			issued_on: common::NOW,
			at: common::NOW,
			status: pallet_notarization::CertificationStatus::Admitted {
				case: H256::repeat_byte(7),
				at: common::NOW,
			},
		};
		pallet_notarization::migrations::v2::Certifications::<Runtime>::insert(
			4,
			digest,
			certification.clone(),
		);
		let class = pallet_provenance::ProductClass {
			owner: 3,
			sku: BoundedVec::truncate_from(b"TEA-250G".to_vec()),
			gtin: None,
			metadata: H256::zero(),
			recall: None,
		};
		pallet_provenance::Classes::<Runtime>::insert(2, class.clone());
		pallet_provenance::NextClassId::<Runtime>::put(3);
		StorageVersion::new(1).put::<Provenance>();
		assert!(Notarization::records_of(3, None, 10).is_empty());

		upgrade();

		assert_eq!(Notarization::on_chain_storage_version(), StorageVersion::new(3));
		assert_eq!(Provenance::on_chain_storage_version(), StorageVersion::new(3));
		assert_eq!(Notarization::records_of(3, None, 10), vec![(4, record)]);
		// The certification is the court's own now, and the record stands admitted.
		assert_eq!(
			pallet_notarization::Certifications::<Runtime>::get((4, digest, 3)),
			Some(certification)
		);
		assert_eq!(pallet_notarization::Admissions::<Runtime>::get(4), Some(1));
		assert_eq!(Provenance::classes_of(3, None, 10), vec![(2, class)]);
		assert!(Notarization::records_of(4, None, 10).is_empty());
		pallet_notarization::Pallet::<Runtime>::do_try_state().expect("notarization invariants");
		pallet_provenance::Pallet::<Runtime>::do_try_state().expect("provenance invariants");
	});
}

#[test]
fn the_upgrade_indexes_each_lenders_latest_access() {
	use pallet_credit::{Access, ClaimTypeScope, Grant, Purpose, Scope};
	use regchain_runtime::Credit;
	common::genesis_of(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		// SME 3's grants to lenders 4 and 5, and a log as version 1 kept it: lender 4 first,
		// then 120 accesses of lender 5 (the newest 100 entries hid lender 4 from the gateway).
		let scope = Scope { claim_types: ClaimTypeScope::All, figures: false };
		for (id, lender) in [(0u64, 4u32), (1, 5)] {
			let grant = Grant {
				sme: 3,
				lender,
				scope: scope.clone(),
				purpose: Purpose::PreLoanReview,
				granted_at: common::NOW - 10,
				until: common::NOW + 1_000_000,
				withdrawn_at: None,
			};
			pallet_credit::Grants::<Runtime>::insert(id, grant);
			pallet_credit::GrantsBySme::<Runtime>::insert(3, id, ());
			pallet_credit::GrantsByLender::<Runtime>::insert(lender, id, ());
		}
		pallet_credit::NextGrantId::<Runtime>::put(2);
		let access = |lender, grant| Access {
			lender,
			grant,
			scope: scope.clone(),
			purpose: Purpose::PreLoanReview,
			at: common::NOW - 5,
		};
		pallet_credit::Accesses::<Runtime>::insert(3, 0, access(4, 0));
		for index in 1..=120 {
			pallet_credit::Accesses::<Runtime>::insert(3, index, access(5, 1));
		}
		pallet_credit::AccessCount::<Runtime>::insert(3, 121);
		StorageVersion::new(1).put::<Credit>();

		upgrade();

		// Through version 2 to the current version.
		assert_eq!(Credit::on_chain_storage_version(), StorageVersion::new(3));
		assert_eq!(pallet_credit::LatestAccesses::<Runtime>::get(3, 4), Some(0));
		assert_eq!(pallet_credit::LatestAccesses::<Runtime>::get(3, 5), Some(120));
		assert_eq!(Credit::declared_access(3, 4, 0).map(|a| a.grant), Some(0));
		pallet_credit::Pallet::<Runtime>::do_try_state().expect("credit invariants");
	});
}

/// A chain at credit version 2 — a court's defaulter listing attested, no listings kept, no
/// discipline claim types named — upgrades to listings the other domains read: the enterprise
/// is barred from funding until its listing ends.
#[test]
fn the_upgrade_keeps_the_listings_in_force() {
	use pallet_credit::{Attestation, AttestationStatus};
	use regchain_primitives::{CreditStanding, DisciplineKind};
	use regchain_runtime::Credit;
	common::genesis_of(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let court_type =
			pallet_credit::DisciplineClaimTypes::<Runtime>::get(DisciplineKind::CourtEnforcement)
				.expect("the genesis catalogue names it");
		let _ = pallet_credit::DisciplineClaimTypes::<Runtime>::clear(10, None);
		let attestation = |valid_until| Attestation {
			claim_type: court_type,
			subject: 3,
			attester: 2,
			data: Default::default(),
			rating: None,
			valid_from: common::NOW - 10,
			valid_until,
			attested_at: common::NOW - 10,
			status: AttestationStatus::Active,
			invoices: Default::default(),
			supersedes: None,
		};
		// One in force, one whose period ended before the upgrade.
		for (id, until) in
			[(0u64, common::NOW + 30 * regchain_primitives::time::DAY), (1, common::NOW - 1)]
		{
			pallet_credit::Attestations::<Runtime>::insert(id, attestation(until));
			pallet_credit::AttestationsBySubject::<Runtime>::insert(3, id, ());
			pallet_credit::CurrentAttestations::<Runtime>::insert(3, id, ());
		}
		pallet_credit::NextAttestationId::<Runtime>::put(2);
		StorageVersion::new(2).put::<Credit>();

		upgrade();

		assert_eq!(Credit::on_chain_storage_version(), StorageVersion::new(3));
		assert_eq!(
			pallet_credit::DisciplineClaimTypes::<Runtime>::get(DisciplineKind::CourtEnforcement),
			Some(court_type)
		);
		let listings = <Credit as CreditStanding>::listings(3);
		assert_eq!(
			listings.iter().map(|l| (l.attestation, l.serious)).collect::<Vec<_>>(),
			[(0, true)]
		);
		assert!(<Credit as CreditStanding>::barred_from_funding(3).is_some());
		pallet_credit::Pallet::<Runtime>::do_try_state().expect("credit invariants");
	});
}

/// A chain of 200,000 evidence records at version 1 upgrades over several blocks, none above
/// the service weight, none taking transactions, and ends with every record indexed.
#[test]
fn record_walks_run_over_several_blocks_with_transactions_paused() {
	use pallet_notarization::{Anchor, EvidenceType, HashAlgorithm};
	use regchain_runtime::Notarization;
	const RECORDS: u64 = 200_000;
	common::genesis_of(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		frame_system::Pallet::<Runtime>::set_block_number(1_000);
		for id in 0..RECORDS {
			let record = pallet_notarization::Record {
				owner: (id % 7) as u32,
				anchor: Anchor::Digest {
					algorithm: HashAlgorithm::Sha256,
					digest: H256::from_low_u64_be(id),
				},
				evidence_type: EvidenceType::Contract,
				metadata: H256::zero(),
				case: None,
				at: common::NOW,
				block: 1,
			};
			pallet_notarization::Records::<Runtime>::insert(id, record);
		}
		pallet_notarization::NextRecordId::<Runtime>::put(RECORDS);
		StorageVersion::new(1).put::<Notarization>();

		// About 82,000 records a block at this node's database weights.
		let blocks = upgrade();
		assert!(blocks >= 3, "{blocks} blocks");

		assert_eq!(Notarization::on_chain_storage_version(), StorageVersion::new(3));
		assert_eq!(
			pallet_notarization::RecordsByOwner::<Runtime>::iter_keys().count() as u64,
			RECORDS
		);
		let (last, owner) = (RECORDS - 1, ((RECORDS - 1) % 7) as u32);
		assert!(pallet_notarization::RecordsByOwner::<Runtime>::contains_key(owner, last));
		// Once run, a migration is history: the next upgrade does not run it again.
		pallet_notarization::RecordsByOwner::<Runtime>::remove(owner, last);
		StorageVersion::new(1).put::<Notarization>();
		upgrade();
		assert!(!pallet_notarization::RecordsByOwner::<Runtime>::contains_key(owner, last));
		assert_eq!(Notarization::on_chain_storage_version(), StorageVersion::new(1));
	});
}

/// `pallet-migrations` remembers each migration by its name and skips a name it has seen: two
/// migrations of one name would run once between them.
#[test]
fn every_migration_has_a_name_of_its_own() {
	use frame_support::migrations::SteppedMigrations;
	use regchain_runtime::RecordWalks;
	let names: Vec<_> = (0..RecordWalks::len()).map(|n| RecordWalks::nth_id(n).unwrap()).collect();
	let distinct: std::collections::BTreeSet<_> = names.iter().collect();
	assert_eq!(distinct.len(), names.len());
	assert!(names.len() >= 12, "every walk is listed ({})", names.len());
}
