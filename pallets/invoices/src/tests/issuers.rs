//! The tax bureau's settings: issuer limits and the rate table.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError::BadOrigin;

const LIMITS: IssuerLimits = IssuerLimits { per_invoice: Some(100), per_month: 1_000 };

#[test]
fn tax_bureau_sets_and_withdraws_issuer_limits() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Invoices::set_issuer_limits(RuntimeOrigin::signed(TAX), 30, Some(LIMITS)));
		assert_eq!(Issuers::<Test>::get(30), Some(LIMITS));
		assert_eq!(last_event(), Event::IssuerLimitsSet { taxpayer: 30, limits: Some(LIMITS) });
		assert_ok!(Invoices::set_issuer_limits(RuntimeOrigin::signed(TAX), 30, None));
		assert_eq!(Issuers::<Test>::get(30), None);
		assert_eq!(last_event(), Event::IssuerLimitsSet { taxpayer: 30, limits: None });
	});
}

#[test]
fn set_issuer_limits_fails_for_anyone_but_the_tax_bureau() {
	ExtBuilder::default().build_and_execute(|| {
		for who in [FINANCE, SELLER, OUTSIDER] {
			assert_noop!(
				Invoices::set_issuer_limits(RuntimeOrigin::signed(who), 30, Some(LIMITS)),
				BadOrigin
			);
		}
		TestMembership::set_active(1, false);
		assert_noop!(
			Invoices::set_issuer_limits(RuntimeOrigin::signed(TAX), 30, Some(LIMITS)),
			BadOrigin
		);
	});
}

#[test]
fn set_issuer_limits_fails_for_agencies_unknown_and_inactive_organizations() {
	ExtBuilder::default().build_and_execute(|| {
		TestMembership::set_active(30, false);
		for org in [2, 30] {
			assert_noop!(
				Invoices::set_issuer_limits(RuntimeOrigin::signed(TAX), org, Some(LIMITS)),
				Error::<Test>::NotTaxpayer
			);
		}
		assert_noop!(
			Invoices::set_issuer_limits(RuntimeOrigin::signed(TAX), 77, Some(LIMITS)),
			Error::<Test>::OrganizationNotFound
		);
	});
}

#[test]
fn set_issuer_limits_fails_when_limits_allow_nothing_or_contradict() {
	ExtBuilder::default().build_and_execute(|| {
		for limits in [
			IssuerLimits { per_invoice: Some(0), per_month: 1_000 },
			IssuerLimits { per_invoice: Some(1_001), per_month: 1_000 },
			IssuerLimits { per_invoice: None, per_month: 0 },
		] {
			assert_noop!(
				Invoices::set_issuer_limits(RuntimeOrigin::signed(TAX), 30, Some(limits)),
				Error::<Test>::InvalidLimits
			);
		}
	});
}

#[test]
fn a_rate_change_applies_from_its_block_and_not_before() {
	ExtBuilder::default().build_and_execute(|| {
		let nine = Some(TaxRate::BasisPoints(900));
		assert_ok!(Invoices::set_rate(RuntimeOrigin::signed(TAX), 1, nine, hour(5)));
		assert_eq!(last_event(), Event::RateScheduled { code: 1, rate: nine, from: hour(5) });
		assert_eq!(Invoices::rate_at(1, hour(4)), Some(TaxRate::BasisPoints(1_300)));
		assert_eq!(Invoices::rate_at(1, hour(5)), nine);
		// A new code, and withdrawing one.
		assert_ok!(Invoices::set_rate(
			RuntimeOrigin::signed(TAX),
			9,
			Some(TaxRate::Exempt),
			hour(2)
		));
		assert_ok!(Invoices::set_rate(RuntimeOrigin::signed(TAX), 4, None, hour(3)));
		assert_eq!(Invoices::rate_at(9, hour(2)), Some(TaxRate::Exempt));
		assert_eq!(Invoices::rate_at(4, hour(2)), Some(TaxRate::BasisPoints(300)));
		assert_eq!(Invoices::rate_at(4, hour(3)), None);
	});
}

#[test]
fn rescheduling_the_same_block_replaces_and_past_changes_are_pruned() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Invoices::set_rate(
			RuntimeOrigin::signed(TAX),
			1,
			Some(TaxRate::BasisPoints(900)),
			hour(5)
		));
		assert_ok!(Invoices::set_rate(
			RuntimeOrigin::signed(TAX),
			1,
			Some(TaxRate::BasisPoints(600)),
			hour(5)
		));
		assert_eq!(Rates::<Test>::get(1).len(), 2);
		assert_eq!(Invoices::rate_at(1, hour(5)), Some(TaxRate::BasisPoints(600)));
		set_time(hour(6));
		assert_ok!(Invoices::set_rate(
			RuntimeOrigin::signed(TAX),
			1,
			Some(TaxRate::BasisPoints(300)),
			hour(9)
		));
		let froms: Vec<u64> = Rates::<Test>::get(1).iter().map(|c| c.from).collect();
		assert_eq!(froms, vec![hour(5), hour(9)]);
	});
}

#[test]
fn set_rate_fails_for_past_blocks_invalid_rates_full_schedules_and_others() {
	ExtBuilder::default().build_and_execute(|| {
		set_time(hour(10));
		let rate = Some(TaxRate::BasisPoints(900));
		assert_noop!(
			Invoices::set_rate(RuntimeOrigin::signed(TAX), 1, rate, hour(10)),
			Error::<Test>::RetroactiveChange
		);
		assert_noop!(
			Invoices::set_rate(
				RuntimeOrigin::signed(TAX),
				1,
				Some(TaxRate::BasisPoints(10_001)),
				hour(11)
			),
			Error::<Test>::InvalidRate
		);
		assert_noop!(
			Invoices::set_rate(RuntimeOrigin::signed(SELLER), 1, rate, hour(11)),
			BadOrigin
		);
		for from in 11..14 {
			assert_ok!(Invoices::set_rate(RuntimeOrigin::signed(TAX), 1, rate, hour(from)));
		}
		// The one in force and three planned fill the four places.
		assert_noop!(
			Invoices::set_rate(RuntimeOrigin::signed(TAX), 1, rate, hour(20)),
			Error::<Test>::TooManyRateChanges
		);
	});
}
