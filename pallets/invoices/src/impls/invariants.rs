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
		let mut add = |org, period, pick: fn(&mut PeriodTotals) -> &mut Sum, net, tax| {
			pick(expected.entry((org, period)).or_default()).add(net, tax).ok_or("totals overflow")
		};
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
				let (net, tax) = (invoice.net, invoice.tax);
				let buyer = match invoice.buyer {
					Buyer::Member(org) => Some(org),
					Buyer::External(_) => None,
				};
				match (invoice.kind, invoice.status) {
					(InvoiceKind::Blue, InvoiceStatus::Voided { .. }) => {},
					(InvoiceKind::Blue, status) => {
						ensure!(
							!matches!(status, InvoiceStatus::Reversed { .. })
								|| invoice.claim.is_none(),
							"a reversed invoice is claimed"
						);
						add(issuer, invoice.period, |t| &mut t.output, net, tax)?;
						if let (Some(org), Some(period)) = (buyer, invoice.buyer_period) {
							add(org, period, |t| &mut t.input, net, tax)?;
						}
					},
					(InvoiceKind::Red { .. }, InvoiceStatus::Effective { period }) => {
						add(issuer, period, |t| &mut t.output_credit, net, tax)?;
						if let (Some(org), Some(period)) = (buyer, invoice.buyer_period) {
							add(org, period, |t| &mut t.input_credit, net, tax)?;
						}
					},
					_ => {},
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
