//! The totals of the VAT return: what each invoice counts in, per rate, for whom and when.

use super::*;

impl<T: Config> Pallet<T> {
	/// Counts an invoice of `lines` in `column` of `totals` (or takes it out).
	pub(crate) fn count(
		totals: &mut PeriodTotals,
		column: Column,
		lines: &[Line],
		add: bool,
	) -> DispatchResult {
		totals.count(column, lines, add).map_err(|e| match e {
			TotalsError::TooManyRates => Error::<T>::TooManyRates.into(),
			TotalsError::Overflow => Error::<T>::Overflow.into(),
		})
	}

	/// Where `invoice` of `issuer` counts now, with the history it has: each taxpayer, period
	/// and column. The one statement of the counting rules, which the calls follow change by
	/// change and `try_state` and the v5 migration apply to stored invoices:
	/// - a blue invoice, unless voided: the seller's output of its period of issue, by type;
	///   its use, in the buyer's input of the period the use was confirmed;
	/// - a red invoice in force: the seller's output of the period it took effect, in the red
	///   column of its type; the buyer's red input then, if the buyer had deducted the original;
	/// - every transfer out (a deducted invoice found abnormal) and back (cleared) of its
	///   history, in the buyer's input of the period of the change.
	pub(crate) fn counted_in(
		issuer: OrgId,
		invoice: &InvoiceOf<T>,
		history: &[HistoryEntry<Moment>],
	) -> Vec<(OrgId, Period, Column)> {
		let mut out = Vec::new();
		let buyer = invoice.member_buyer();
		let invoice_type = invoice.invoice_type;
		match (invoice.kind, invoice.status) {
			(InvoiceKind::Blue, InvoiceStatus::Voided { .. }) => {},
			(InvoiceKind::Blue, _) => {
				out.push((issuer, invoice.period, Column::Output { invoice_type, red: false }));
				if let (Some(org), Some(input_use), Some(period)) =
					(buyer, invoice.input_use, invoice.buyer_period)
				{
					out.push((org, period, Column::Input(InputColumn::Use(input_use))));
				}
			},
			(InvoiceKind::Red { .. }, InvoiceStatus::Effective { period }) => {
				out.push((issuer, period, Column::Output { invoice_type, red: true }));
				if let (Some(org), Some(period)) = (buyer, invoice.buyer_period) {
					out.push((org, period, Column::Input(InputColumn::Red)));
				}
			},
			_ => {},
		}
		if let Some(org) = buyer {
			for entry in history {
				let column = match entry.change {
					Change::MarkedAbnormal { transferred: true } => InputColumn::TransferredOut,
					Change::AbnormalCleared { restored: true } => InputColumn::Restored,
					_ => continue,
				};
				out.push((org, period_of(entry.at), Column::Input(column)));
			}
		}
		out
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
