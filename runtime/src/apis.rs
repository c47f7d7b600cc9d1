//! The runtime APIs: how the node, the transaction pool and the RPC layer call into the runtime.
//! Polkadot.js needs nothing beyond these standard ones (metadata, nonces, fees); the domain
//! pallets' query APIs (`ConsortiumApi`, `InvoicesApi`, `FundsApi`, `CreditApi`, `NotarizationApi`,
//! `ProvenanceApi`, `IpRightsApi`, `SupervisionApi`) are in the metadata, so it
//! calls them as `api.call.invoicesApi.*` without type definitions.

use crate::{
	AccountId, Aura, Balance, Block, BlockNumber, Consortium, Credit, Executive, Funds, Grandpa,
	InherentDataExt, Invoices, IpRights, Nonce, Notarization, Provenance, Runtime, RuntimeCall,
	RuntimeGenesisConfig, Supervision, System, TransactionPayment, VERSION,
};
use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
use pallet_funds::{Allocation, AllocationId, LedgerEntry, Program, ProgramId};
use pallet_invoices::{ChainHead, InvoiceRecord, Period, PeriodTotals};
use regchain_primitives::time::Moment;
use regchain_primitives::{InvoiceRef, OrgId};
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult, ExtrinsicInclusionMode,
};
use sp_session::OpaqueGeneratedSessionKeys;
use sp_version::RuntimeVersion;

use crate::opaque::SessionKeys;

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(
			id: frame_support::view_functions::ViewFunctionId,
			input: Vec<u8>,
		) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(
			data: sp_inherents::InherentData,
		) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(owner: Vec<u8>, seed: Option<Vec<u8>>) -> OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			// Equivocation reporting is off (`KeyOwnerProof = Void`); see `configs`.
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			None
		}
	}

	impl pallet_consortium::runtime_api::ConsortiumApi<Block, AccountId> for Runtime {
		fn organization(org: OrgId) -> Option<pallet_consortium::OrganizationView> {
			Consortium::organization_view(org)
		}

		fn organization_by_credit_code(code: Vec<u8>) -> Option<pallet_consortium::OrganizationView> {
			Consortium::organization_by_credit_code(&code)
		}

		fn now() -> Moment {
			Consortium::chain_now()
		}

		fn member(account: AccountId) -> Option<pallet_consortium::OrganizationView> {
			Consortium::member_view(&account)
		}

		fn oversees(agency: OrgId, org: OrgId) -> bool {
			<Consortium as regchain_primitives::Membership<AccountId>>::has_jurisdiction(agency, org)
		}

		fn remit(org: OrgId) -> Vec<(regchain_primitives::Domain, regchain_primitives::Remit)> {
			Consortium::remit(org)
		}

		fn members_overseen(
			agency: OrgId,
			start_after: Option<OrgId>,
			limit: u32,
		) -> Vec<pallet_consortium::OrganizationView> {
			Consortium::members_overseen(agency, start_after, limit)
		}
	}

	impl pallet_invoices::runtime_api::InvoicesApi<Block, BlockNumber, AccountId> for Runtime {
		fn invoice(id: InvoiceRef) -> Option<InvoiceRecord<BlockNumber, AccountId>> {
			Invoices::invoice_record(id)
		}

		fn invoices_of(issuer: OrgId, from: u32, limit: u32) -> Vec<InvoiceRecord<BlockNumber, AccountId>> {
			Invoices::invoices_of(issuer, from, limit)
		}

		fn issued_in(
			issuer: OrgId,
			from: Period,
			to: Period,
			start_after: Option<u32>,
			limit: u32,
		) -> Vec<InvoiceRecord<BlockNumber, AccountId>> {
			Invoices::issued_in(issuer, from, to, start_after, limit)
		}

		fn received_by(buyer: OrgId, start_after: Option<InvoiceRef>, limit: u32) -> Vec<InvoiceRef> {
			Invoices::received_by(buyer, start_after, limit)
		}

		fn period_totals(org: OrgId, period: Period) -> PeriodTotals {
			pallet_invoices::Totals::<Runtime>::get(org, period)
		}

		fn chain_head(issuer: OrgId) -> ChainHead {
			pallet_invoices::ChainHeads::<Runtime>::get(issuer)
		}

		fn verify(issuer_code: Vec<u8>, seq: u32, content_hash: sp_core::H256) -> Option<pallet_invoices::InvoiceCheck> {
			Invoices::check(Consortium::org_by_code_any_status(&issuer_code)?, seq, content_hash)
		}

		fn printed(
			id: InvoiceRef,
		) -> Option<pallet_invoices::PrintedInvoice<pallet_invoices::Invoice<BlockNumber, AccountId>>> {
			Invoices::printed(id)
		}

		fn verify_printed(qr: Vec<u8>) -> Option<pallet_invoices::InvoiceCheck> {
			let payload = pallet_invoices::QrPayload::parse(&qr)?;
			let issuer = Consortium::org_by_code_any_status(payload.seller.as_bytes())?;
			Invoices::check_printed(issuer, &payload)
		}

		fn frozen(
			start_after: Option<InvoiceRef>,
			limit: u32,
		) -> Vec<regchain_primitives::FrozenRecord> {
			Invoices::frozen_invoices(start_after, limit)
		}
	}

	impl pallet_funds::runtime_api::FundsApi<Block> for Runtime {
		fn enterprise_statement(
			org: OrgId,
			start_after: Option<AllocationId>,
			limit: u32,
		) -> Vec<(AllocationId, Allocation)> {
			Funds::enterprise_statement(org, start_after, limit)
		}

		fn program_statement(
			program: ProgramId,
			start_after: Option<AllocationId>,
			limit: u32,
		) -> Option<(Program<Moment>, Vec<(AllocationId, Allocation)>)> {
			Funds::program_statement(program, start_after, limit)
		}

		fn allocation_history(
			allocation: AllocationId,
			from: u32,
			limit: u32,
		) -> Option<(Allocation, Vec<LedgerEntry<Moment>>)> {
			Funds::allocation_history(allocation, from, limit)
		}

		fn frozen_allocations(
			start_after: Option<AllocationId>,
			limit: u32,
		) -> Vec<regchain_primitives::FrozenRecord> {
			Funds::frozen_allocations(start_after, limit)
		}

		fn frozen_accounts(
			start_after: Option<OrgId>,
			limit: u32,
		) -> Vec<regchain_primitives::FrozenRecord> {
			Funds::frozen_accounts(start_after, limit)
		}

		fn program_awards(
			program: ProgramId,
			start_after: Option<AllocationId>,
			limit: u32,
		) -> Option<(Program<Moment>, Option<pallet_funds::Terms>, Vec<pallet_funds::Award>)> {
			Funds::program_awards(program, start_after, limit)
		}

		fn objections(allocation: AllocationId) -> Vec<(OrgId, pallet_funds::Objection)> {
			Funds::objections(allocation)
		}

		fn obligation(allocation: AllocationId) -> Option<pallet_funds::Obligation> {
			Funds::obligation(allocation)
		}

		fn enterprise_awards(
			org: OrgId,
			start_after: Option<AllocationId>,
			limit: u32,
		) -> Vec<(ProgramId, pallet_funds::Award)> {
			Funds::enterprise_awards(org, start_after, limit)
		}

		fn award_progress(
			allocation: AllocationId,
		) -> Option<(
			Option<pallet_funds::Agreement>,
			pallet_funds::Funding,
			Vec<(pallet_funds::Evaluator, pallet_funds::Evaluation)>,
		)> {
			Funds::award_progress(allocation)
		}

		fn bank_worklist(
			bank: OrgId,
			start_after: Option<(AllocationId, u32)>,
			limit: u32,
		) -> Vec<(AllocationId, u32, pallet_funds::LedgerEntry<Moment>)> {
			Funds::bank_worklist(bank, start_after, limit)
		}

		fn bank_checks(
			allocation: AllocationId,
			from: u32,
			limit: u32,
		) -> Vec<(u32, pallet_funds::BankCheck)> {
			Funds::bank_checks(allocation, from, limit)
		}
	}

	impl pallet_credit::runtime_api::CreditApi<Block> for Runtime {
		fn listings(org: OrgId) -> Vec<regchain_primitives::Listing> {
			Credit::listings_in_force(org)
		}

		fn repair_notices(lender: OrgId, from: u32, limit: u32) -> Vec<pallet_credit::RepairNotice> {
			Credit::repair_notices(lender, from, limit)
		}

		fn credit_profile(
			sme: OrgId,
			start_after: Option<pallet_credit::AttestationId>,
			limit: u32,
		) -> Vec<pallet_credit::ProfileEntry> {
			Credit::credit_profile(sme, start_after, limit)
		}

		fn attestation_history(
			sme: OrgId,
			start_after: Option<pallet_credit::AttestationId>,
			limit: u32,
		) -> Vec<pallet_credit::ProfileEntry> {
			Credit::attestation_history(sme, start_after, limit)
		}

		fn attestation(id: pallet_credit::AttestationId) -> Option<pallet_credit::ProfileEntry> {
			Credit::attestation_of(id)
		}

		fn consents(
			sme: OrgId,
			lender: OrgId,
			start_after: Option<pallet_credit::GrantId>,
			limit: u32,
		) -> Vec<(pallet_credit::GrantId, pallet_credit::Grant)> {
			Credit::consents(sme, lender, start_after, limit)
		}

		fn grants(
			sme: OrgId,
			start_after: Option<pallet_credit::GrantId>,
			limit: u32,
		) -> Vec<(pallet_credit::GrantId, pallet_credit::Grant)> {
			Credit::grants_of(sme, start_after, limit)
		}

		fn access_log(sme: OrgId, from: u32, limit: u32) -> Vec<pallet_credit::Access> {
			Credit::access_log(sme, from, limit)
		}

		fn declared_access(sme: OrgId, lender: OrgId, since: Moment) -> Option<pallet_credit::Access> {
			Credit::declared_access(sme, lender, since)
		}

		fn current_access(sme: OrgId, lender: OrgId) -> Option<pallet_credit::Access> {
			Credit::current_access(sme, lender)
		}

		fn claim_types(
			from: pallet_credit::ClaimTypeId,
			limit: u32,
		) -> Vec<(pallet_credit::ClaimTypeId, pallet_credit::ClaimType)> {
			Credit::claim_types(from, limit)
		}

		fn frozen(
			start_after: Option<pallet_credit::AttestationId>,
			limit: u32,
		) -> Vec<regchain_primitives::FrozenRecord> {
			Credit::frozen_attestations(start_after, limit)
		}
	}

	impl pallet_notarization::runtime_api::NotarizationApi<Block> for Runtime {
		fn verify_digest(
			algorithm: pallet_notarization::HashAlgorithm,
			digest: sp_core::H256,
		) -> Option<pallet_notarization::Verification> {
			Notarization::verify_digest(algorithm, digest)
		}

		fn verify_in_batch(
			id: pallet_notarization::RecordId,
			algorithm: pallet_notarization::HashAlgorithm,
			digest: sp_core::H256,
			index: u32,
			proof: Vec<sp_core::H256>,
		) -> Option<pallet_notarization::Verification> {
			Notarization::verify_in_batch(id, algorithm, digest, index, proof)
		}

		fn record(id: pallet_notarization::RecordId) -> Option<pallet_notarization::Record> {
			pallet_notarization::Records::<Runtime>::get(id)
		}

		fn batch_of_root(
			root: sp_core::H256,
		) -> Option<(pallet_notarization::RecordId, pallet_notarization::Record)> {
			Notarization::batch_of_root(root)
		}

		fn certifications(
			id: pallet_notarization::RecordId,
			start_after: Option<(sp_core::H256, OrgId)>,
			limit: u32,
		) -> Vec<(sp_core::H256, pallet_notarization::Certification)> {
			Notarization::certifications(id, start_after, limit)
		}

		fn records_of(
			owner: OrgId,
			start_after: Option<pallet_notarization::RecordId>,
			limit: u32,
		) -> Vec<(pallet_notarization::RecordId, pallet_notarization::Record)> {
			Notarization::records_of(owner, start_after, limit)
		}

		fn frozen(
			start_after: Option<pallet_notarization::RecordId>,
			limit: u32,
		) -> Vec<regchain_primitives::FrozenRecord> {
			Notarization::frozen_records(start_after, limit)
		}
	}

	impl pallet_provenance::runtime_api::ProvenanceApi<Block> for Runtime {
		fn item_status(item: pallet_provenance::ItemId) -> Option<pallet_provenance::ItemStatus> {
			Provenance::item_status(item)
		}

		fn verify_item(item: pallet_provenance::ItemId) -> Option<pallet_provenance::ItemVerification> {
			Provenance::item_status(item).map(Into::into)
		}

		fn history(
			item: pallet_provenance::ItemId,
			from: u32,
			limit: u32,
		) -> Vec<(u32, pallet_provenance::CustodyEvent)> {
			Provenance::history(item, from, limit)
		}

		fn custodians_of_batch(
			batch: pallet_provenance::BatchId,
			start_after: Option<OrgId>,
			limit: u32,
		) -> Vec<(OrgId, u32)> {
			Provenance::custodians_of_batch(batch, start_after, limit)
		}

		fn batches_of_class(
			class_id: pallet_provenance::ClassId,
			start_after: Option<pallet_provenance::BatchId>,
			limit: u32,
		) -> Vec<pallet_provenance::BatchId> {
			Provenance::batches_of_class(class_id, start_after, limit)
		}

		fn recall(id: pallet_provenance::RecallId) -> Option<pallet_provenance::Recall> {
			pallet_provenance::Recalls::<Runtime>::get(id)
		}

		fn classes_of(
			owner: OrgId,
			start_after: Option<pallet_provenance::ClassId>,
			limit: u32,
		) -> Vec<(pallet_provenance::ClassId, pallet_provenance::ProductClass)> {
			Provenance::classes_of(owner, start_after, limit)
		}

		fn frozen(
			start_after: Option<pallet_provenance::BatchId>,
			limit: u32,
		) -> Vec<regchain_primitives::FrozenRecord> {
			Provenance::frozen_batches(start_after, limit)
		}
	}

	impl pallet_ip_rights::runtime_api::IpRightsApi<Block, AccountId> for Runtime {
		fn work_by_fingerprint(
			fingerprint: sp_core::H256,
		) -> Option<(pallet_ip_rights::WorkId, pallet_ip_rights::Work<AccountId>)> {
			IpRights::work_by_fingerprint(fingerprint)
		}

		fn work(id: pallet_ip_rights::WorkId) -> Option<pallet_ip_rights::Work<AccountId>> {
			pallet_ip_rights::Works::<Runtime>::get(id)
		}

		fn works_of_author(
			author: AccountId,
			start_after: Option<pallet_ip_rights::WorkId>,
			limit: u32,
		) -> Vec<(pallet_ip_rights::WorkId, pallet_ip_rights::Work<AccountId>)> {
			IpRights::works_of_author(author, start_after, limit)
		}

		fn works_of_owner(
			owner: OrgId,
			start_after: Option<pallet_ip_rights::WorkId>,
			limit: u32,
		) -> Vec<(pallet_ip_rights::WorkId, pallet_ip_rights::Work<AccountId>)> {
			IpRights::works_of_owner(owner, start_after, limit)
		}

		fn open_offers(
			work: pallet_ip_rights::WorkId,
		) -> Vec<(pallet_ip_rights::OfferId, pallet_ip_rights::Offer)> {
			IpRights::open_offers(work)
		}

		fn licences(
			work: pallet_ip_rights::WorkId,
			start_after: Option<pallet_ip_rights::LicenceId>,
			limit: u32,
		) -> Vec<(pallet_ip_rights::LicenceId, pallet_ip_rights::Licence)> {
			IpRights::licences_of_work(work, start_after, limit)
		}

		fn disputes(
			work: pallet_ip_rights::WorkId,
			start_after: Option<pallet_ip_rights::DisputeId>,
			limit: u32,
		) -> Vec<(pallet_ip_rights::DisputeId, pallet_ip_rights::Dispute)> {
			IpRights::disputes_of_work(work, start_after, limit)
		}

		fn licence_check(
			work: pallet_ip_rights::WorkId,
			account: AccountId,
			kind: pallet_ip_rights::LicenceKind,
		) -> pallet_ip_rights::LicenceCheck {
			IpRights::licence_check(work, account, kind)
		}

		fn frozen(
			start_after: Option<pallet_ip_rights::WorkId>,
			limit: u32,
		) -> Vec<regchain_primitives::FrozenRecord> {
			IpRights::frozen_works(start_after, limit)
		}
	}

	impl pallet_supervision::runtime_api::SupervisionApi<Block, AccountId> for Runtime {
		fn plan(id: pallet_supervision::PlanId) -> Option<pallet_supervision::PlanView> {
			Supervision::plan_view(id)
		}

		fn plans_of(
			agency: OrgId,
			start_after: Option<pallet_supervision::PlanId>,
			limit: u32,
		) -> Vec<pallet_supervision::PlanView> {
			Supervision::plans_of(agency, start_after, limit)
		}

		fn plan_population(id: pallet_supervision::PlanId, from: u32, limit: u32) -> Vec<(OrgId, u8)> {
			Supervision::plan_population(id, from, limit)
		}

		fn plan_inspectors(
			id: pallet_supervision::PlanId,
			from: u32,
			limit: u32,
		) -> Vec<pallet_supervision::Inspector<AccountId>> {
			Supervision::plan_inspectors(id, from, limit)
		}

		fn plan_targets(id: pallet_supervision::PlanId) -> Vec<pallet_supervision::Target> {
			Supervision::plan_targets(id)
		}

		fn case(id: pallet_supervision::CaseId) -> Option<pallet_supervision::CaseView> {
			Supervision::case_view(id)
		}

		fn steps(
			id: pallet_supervision::CaseId,
			start_after: Option<u32>,
			limit: u32,
		) -> Vec<(u32, pallet_supervision::Step)> {
			Supervision::steps(id, start_after, limit)
		}

		fn cases_of(
			subject: regchain_primitives::OrgId,
			start_after: Option<pallet_supervision::CaseId>,
			limit: u32,
		) -> Vec<pallet_supervision::CaseView> {
			Supervision::cases_of(subject, start_after, limit)
		}

		fn open_cases_of(
			agency: regchain_primitives::OrgId,
			start_after: Option<pallet_supervision::CaseId>,
			limit: u32,
		) -> Vec<pallet_supervision::CaseView> {
			Supervision::open_cases_of(agency, start_after, limit)
		}

		fn published_penalties(
			subject: regchain_primitives::OrgId,
			start_after: Option<pallet_supervision::CaseId>,
			limit: u32,
		) -> Vec<pallet_supervision::PublicPenalty> {
			Supervision::published_penalties(subject, start_after, limit)
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}

		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}

		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::BenchmarkList;
			use frame_support::traits::StorageInfoTrait;
			use frame_system_benchmarking::Pallet as SystemBench;
			use crate::*;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);

			let storage_info = AllPalletsWithSystem::storage_info();
			(list, storage_info)
		}

		#[allow(non_local_definitions)]
		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::BenchmarkBatch;
			use frame_support::traits::TrackedStorageKey;
			use frame_system_benchmarking::Pallet as SystemBench;
			use crate::*;

			impl frame_system_benchmarking::Config for Runtime {}

			use frame_support::traits::WhitelistedStorageKeys;
			let whitelist: Vec<TrackedStorageKey> = AllPalletsWithSystem::whitelisted_storage_keys();

			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);

			Ok(batches)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			let weight = Executive::try_runtime_upgrade(checks)
				.unwrap_or_else(|e| panic!("try_runtime_upgrade failed: {e:?}"));
			(weight, crate::configs::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect,
		) -> Weight {
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.unwrap_or_else(|e| panic!("try_execute_block failed: {e:?}"))
		}
	}
}
