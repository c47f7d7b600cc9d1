//! Issuing limits and the table of VAT rates (the tax bureau's).

use super::*;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_set_issuer_limits(
		taxpayer: OrgId,
		limits: Option<IssuerLimits>,
	) -> DispatchResult {
		ensure!(T::Membership::credit_code(taxpayer).is_some(), Error::<T>::NotTaxpayer);
		match limits {
			Some(l) => {
				ensure!(l.is_valid(), Error::<T>::InvalidLimits);
				Issuers::<T>::insert(taxpayer, l);
			},
			None => Issuers::<T>::remove(taxpayer),
		}
		Self::deposit_event(Event::IssuerLimitsSet { taxpayer, limits });
		Ok(())
	}

	pub(crate) fn do_set_rate(
		code: RateCode,
		rate: Option<TaxRate>,
		from: Moment,
	) -> DispatchResult {
		ensure!(rate.is_none_or(|r| r.is_valid()), Error::<T>::InvalidRate);
		let now = Self::now();
		ensure!(from > now, Error::<T>::RetroactiveChange);
		Rates::<T>::try_mutate(code, |changes| -> DispatchResult {
			// Keep the change in effect now and the later ones; a change for the same block
			// replaces the earlier plan.
			let current = changes.iter().rposition(|c| c.from <= now).unwrap_or(0);
			let mut kept: Vec<_> =
				changes.iter().skip(current).filter(|c| c.from != from).cloned().collect();
			let at = kept.partition_point(|c| c.from < from);
			kept.insert(at, RateChange { from, rate });
			*changes = kept.try_into().map_err(|_| Error::<T>::TooManyRateChanges)?;
			Ok(())
		})?;
		Self::deposit_event(Event::RateScheduled { code, rate, from });
		Ok(())
	}
}
