//! `try_state`: the invariants the crate docs list, each checked by name.

use super::*;

impl<T: Config> Pallet<T> {
	/// One invoice's indexes and history agree with its status: its buyer index entry, a
	/// history that starts with its issue, ends with its final change, records its claim and
	/// flag, and keeps room for a pending reversal's answer.
	pub(crate) fn check_invoice_records(id: InvoiceRef) -> Result<(), sp_runtime::TryRuntimeError> {
		let invoice = IssuedInvoices::<T>::get(id.issuer, id.seq).ok_or("missing invoice")?;
		if let Buyer::Member(buyer) = invoice.buyer {
			ensure!(
				InvoicesByBuyer::<T>::contains_key(buyer, id),
				"a buyer index entry is missing"
			);
		}
		let history = InvoiceHistory::<T>::get(id.issuer, id.seq);
		let changes: Vec<Change> = history.iter().map(|e| e.change).collect();
		ensure!(
			changes.first() == Some(&Change::Issued),
			"a history does not start with its issue"
		);
		let last = changes.last().copied();
		match invoice.status {
			InvoiceStatus::Reversed { red } => ensure!(
				last == Some(Change::Reversed { red }),
				"a reversed invoice's history does not end with the reversal"
			),
			InvoiceStatus::Voided { .. } => ensure!(
				last == Some(Change::Voided),
				"a voided invoice's history does not end with the voiding"
			),
			InvoiceStatus::ReversalPending { red } => {
				ensure!(
					changes.contains(&Change::ReversalRequested { red }),
					"a pending reversal was never requested"
				);
				ensure!(
					changes.len() + 2 <= MAX_HISTORY as usize,
					"a pending reversal has no room for the buyer's answer"
				);
				let red_invoice = IssuedInvoices::<T>::get(id.issuer, red)
					.ok_or("a pending red invoice is missing")?;
				ensure!(
					red_invoice.kind == InvoiceKind::Red { original: id.seq }
						&& red_invoice.status == InvoiceStatus::AwaitingBuyer,
					"a pending reversal's red invoice does not await the buyer"
				);
				ensure!(
					ReversalDeadlines::<T>::contains_key(id.issuer, red),
					"a pending reversal has no deadline"
				);
			},
			_ => {},
		}
		if let Some(claim) = invoice.claim {
			ensure!(changes.contains(&Change::Claimed(claim)), "a claim is not in the history");
		}
		ensure!(
			invoice.invoice_type == InvoiceType::Ordinary
				|| !matches!(invoice.buyer, Buyer::Person { .. }),
			"a special invoice to a person"
		);
		if invoice.kind == InvoiceKind::Blue {
			ensure!(
				invoice.input_use.is_some() == invoice.buyer_period.is_some(),
				"a use without its period, or a period without a use"
			);
			ensure!(
				invoice.input_use.is_none()
					|| (invoice.invoice_type == InvoiceType::Special
						&& invoice.member_buyer().is_some()),
				"a use confirmed on an ordinary invoice or by no member"
			);
		}
		ensure!(
			invoice
				.abnormal
				.is_none_or(|a| !a.transferred || invoice.input_use == Some(InputUse::Deduct)),
			"input transferred out of an invoice never deducted"
		);
		let last_finding = changes
			.iter()
			.rev()
			.find(|c| matches!(c, Change::MarkedAbnormal { .. } | Change::AbnormalCleared { .. }));
		let marked = match (last_finding, invoice.abnormal) {
			(Some(Change::MarkedAbnormal { transferred }), Some(a)) => {
				*transferred == a.transferred
			},
			(None | Some(Change::AbnormalCleared { .. }), None) => true,
			_ => false,
		};
		ensure!(marked, "the abnormal finding differs from the history");
		let last_freeze =
			changes.iter().rev().find(|c| matches!(c, Change::Frozen | Change::Unfrozen));
		ensure!(
			Freezes::<Self>::is_frozen(id) == (last_freeze == Some(&Change::Frozen)),
			"the freeze differs from the history"
		);
		Ok(())
	}

	/// The storage invariants of the module doc; run after every test and by `try-runtime`.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		Freezes::<Self>::check()?;
		let mut expected: BTreeMap<(OrgId, Period), PeriodTotals> = BTreeMap::new();
		for (issuer, head) in ChainHeads::<T>::iter() {
			let mut prev = H256::zero();
			for seq in 0..head.next_seq {
				let invoice =
					IssuedInvoices::<T>::get(issuer, seq).ok_or("gap in an issuer's chain")?;
				ensure!(invoice.prev_hash == prev, "an invoice does not link to its predecessor");
				ensure!(
					invoice.content_hash == invoice.compute_hash(issuer, seq),
					"invoice hash mismatch"
				);
				prev = invoice.content_hash;
				ensure!(
					!matches!(invoice.status, InvoiceStatus::Reversed { .. })
						|| invoice.claim.is_none(),
					"a reversed invoice is claimed"
				);
				let lines = Self::counted_lines(issuer, &invoice)
					.ok_or("a red invoice's original is missing")?;
				let history = InvoiceHistory::<T>::get(issuer, seq);
				for (org, period, column) in Self::counted_in(issuer, &invoice, &history) {
					expected
						.entry((org, period))
						.or_default()
						.count(column, &lines, true)
						.map_err(|_| "totals overflow")?;
				}
			}
			ensure!(head.last_hash == prev, "chain head hash mismatch");
			for seq in 0..head.next_seq {
				Self::check_invoice_records(InvoiceRef { issuer, seq })?;
			}
			ensure!(
				IssuedInvoices::<T>::get(issuer, head.next_seq).is_none(),
				"an invoice beyond the chain head"
			);
		}
		ensure!(
			IssuedInvoices::<T>::iter_keys()
				.all(|(issuer, seq)| seq < ChainHeads::<T>::get(issuer).next_seq),
			"an invoice outside its issuer's chain"
		);
		for (org, period, totals) in Totals::<T>::iter() {
			let want = expected.remove(&(org, period)).unwrap_or_default();
			ensure!(totals == want, "period totals differ from their invoices");
		}
		ensure!(
			expected.values().all(|t| *t == PeriodTotals::default()),
			"invoices counted in no period totals"
		);
		for (issuer, seq, _) in ReversalDeadlines::<T>::iter() {
			ensure!(
				IssuedInvoices::<T>::get(issuer, seq)
					.is_some_and(|i| i.status == InvoiceStatus::AwaitingBuyer),
				"a deadline for a red invoice that awaits nobody"
			);
		}
		for (buyer, id, ()) in InvoicesByBuyer::<T>::iter() {
			ensure!(
				IssuedInvoices::<T>::get(id.issuer, id.seq)
					.is_some_and(|i| i.buyer == Buyer::Member(buyer)),
				"the buyer index names a foreign or missing invoice"
			);
		}
		Ok(())
	}
}
