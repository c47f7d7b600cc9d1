//! The totals of the VAT return: what each invoice counts in, per rate, for whom and when.

use super::*;

impl<T: Config> Pallet<T> {
	/// The amounts of `lines` by rate.
	pub(crate) fn amounts(lines: &[Line]) -> Result<Vec<RateAmount>, DispatchError> {
		Ok(by_rate(lines).ok_or(Error::<T>::Overflow)?)
	}

	/// Counts an invoice of `amounts` in `column` of `totals` (or takes it out).
	pub(crate) fn count(
		totals: &mut PeriodTotals,
		column: Column,
		amounts: &[RateAmount],
		add: bool,
	) -> DispatchResult {
		totals.count(column, amounts, add).map_err(|e| match e {
			TotalsError::TooManyRates => Error::<T>::TooManyRates.into(),
			TotalsError::Overflow => Error::<T>::Overflow.into(),
		})
	}

	/// What remains of blue invoice `invoice` of `issuer`, by rate, after the red invoices in
	/// force of `history` (its `Reversed` entries): what a use confirmation, a transfer out and
	/// back count at that point of its life. `None` if a red invoice is missing.
	pub(crate) fn remaining_amounts(
		issuer: OrgId,
		invoice: &InvoiceOf<T>,
		history: &[HistoryEntry<Moment>],
	) -> Option<Vec<RateAmount>> {
		let mut amounts = by_rate(&invoice.lines)?;
		for entry in history {
			if let Change::Reversed { red } = entry.change {
				let red = IssuedInvoices::<T>::get(issuer, red)?;
				let lines = Self::counted_lines(issuer, &red)?;
				amounts = amounts_less(&amounts, &by_rate(&lines)?)?;
			}
		}
		Some(amounts)
	}

	/// What remains of blue invoice `id` now, by rate.
	pub(crate) fn remaining_now(
		id: InvoiceRef,
		invoice: &InvoiceOf<T>,
	) -> Result<Vec<RateAmount>, DispatchError> {
		let history = InvoiceHistory::<T>::get(id.issuer, id.seq);
		Ok(Self::remaining_amounts(id.issuer, invoice, &history).ok_or(Error::<T>::Overflow)?)
	}

	/// Where `invoice` of `issuer` counts now, with the history it has: each taxpayer, period,
	/// column and amounts. The one statement of the counting rules, which the calls follow
	/// change by change and `try_state` and the migrations apply to stored invoices:
	/// - a blue invoice, unless voided: all its lines in the seller's output of its period of
	///   issue, by type; its use, in the buyer's input of the period the use was confirmed,
	///   for what remained of it then (red invoices in force before are not the buyer's);
	/// - a red invoice in force: its lines in the seller's output of the period it took effect,
	///   in the red column of its type; in the buyer's red input then, if the buyer had
	///   deducted the original;
	/// - every transfer out (a deducted invoice found abnormal) and back (cleared) of its
	///   history, for what remained of it then, in the buyer's input of the period of the
	///   change.
	///
	/// `None` if an invoice it refers to is missing.
	pub(crate) fn counted_in(
		issuer: OrgId,
		invoice: &InvoiceOf<T>,
		history: &[HistoryEntry<Moment>],
	) -> Option<Vec<(OrgId, Period, Column, Vec<RateAmount>)>> {
		let mut out = Vec::new();
		let buyer = invoice.member_buyer();
		let invoice_type = invoice.invoice_type;
		match (invoice.kind, invoice.status) {
			(InvoiceKind::Blue, InvoiceStatus::Voided { .. }) => {},
			(InvoiceKind::Blue, _) => {
				let all = by_rate(&invoice.lines)?;
				out.push((
					issuer,
					invoice.period,
					Column::Output { invoice_type, red: false },
					all,
				));
				if let (Some(org), Some(input_use), Some(period)) =
					(buyer, invoice.input_use, invoice.buyer_period)
				{
					// Invoices of before spec 123 have no entry of their use: all of it.
					let at = history
						.iter()
						.position(|e| matches!(e.change, Change::UseConfirmed(_)))
						.unwrap_or(0);
					let before = history.get(..at)?;
					let amounts = Self::remaining_amounts(issuer, invoice, before)?;
					out.push((org, period, Column::Input(InputColumn::Use(input_use)), amounts));
				}
			},
			(InvoiceKind::Red { .. }, InvoiceStatus::Effective { period }) => {
				let amounts = by_rate(&Self::counted_lines(issuer, invoice)?)?;
				let column = Column::Output { invoice_type, red: true };
				out.push((issuer, period, column, amounts.clone()));
				if let (Some(org), Some(period)) = (buyer, invoice.buyer_period) {
					out.push((org, period, Column::Input(InputColumn::Red), amounts));
				}
			},
			_ => {},
		}
		if let Some(org) = buyer {
			for (at, entry) in history.iter().enumerate() {
				let column = match entry.change {
					Change::MarkedAbnormal { transferred: true } => InputColumn::TransferredOut,
					Change::AbnormalCleared { restored: true } => InputColumn::Restored,
					_ => continue,
				};
				let amounts = Self::remaining_amounts(issuer, invoice, history.get(..at)?)?;
				out.push((org, period_of(entry.at), Column::Input(column), amounts));
			}
		}
		Some(out)
	}
	/// The lines whose amounts an invoice counts: its own, or for a red invoice without lines
	/// (a full reversal), its original's.
	pub(crate) fn counted_lines(issuer: OrgId, invoice: &InvoiceOf<T>) -> Option<Lines> {
		match invoice.kind {
			InvoiceKind::Red { original } if invoice.lines.is_empty() => {
				IssuedInvoices::<T>::get(issuer, original).map(|o| o.lines)
			},
			_ => Some(invoice.lines.clone()),
		}
	}
}
