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
			InvoiceStatus::ReversalPending { .. } => {
				return Err("a pending reversal of before spec 124 was not migrated".into())
			},
			InvoiceStatus::AwaitingBuyer => ensure!(
				RedRequests::<T>::iter_values().any(|r| r.numbered == Some(id.seq)),
				"a red invoice awaits an answer no request expects"
			),
			_ => {},
		}
		if let Some(request) = RedRequests::<T>::get(id.issuer, id.seq) {
			ensure!(invoice.is_valid_blue(), "a request against an invoice not in force");
			ensure!(
				changes.len() + 2 <= MAX_HISTORY as usize,
				"a pending request has no room for its answer"
			);
			let requested = changes.iter().rev().find(|c| {
				matches!(
					c,
					Change::RedRequested { .. }
						| Change::ReversalRequested { .. }
						| Change::RequestRefused
						| Change::RequestLapsed
						| Change::Reversed { .. }
				)
			});
			let raised = match (requested, request.numbered) {
				(Some(Change::RedRequested { by }), None) => *by == request.raised_by,
				(Some(Change::ReversalRequested { red }), Some(seq)) => *red == seq,
				_ => false,
			};
			ensure!(raised, "a pending request is not the invoice's last");
			if let Some(seq) = request.numbered {
				let red = IssuedInvoices::<T>::get(id.issuer, seq)
					.ok_or("a pending red invoice is missing")?;
				ensure!(
					red.kind == InvoiceKind::Red { original: id.seq }
						&& red.status == InvoiceStatus::AwaitingBuyer,
					"a pending request's red invoice does not await the answer"
				);
			}
		}
		if let Some(reduced) = Reduced::<T>::get(id.issuer, id.seq) {
			ensure!(reduced.len() == invoice.lines.len(), "reductions differ from the lines");
			let (mut net, mut tax) = (0 as Fen, 0 as Fen);
			let mut whole = true;
			for (line, r) in invoice.lines.iter().zip(reduced.iter()) {
				ensure!(
					r.net <= line.net && r.tax <= line.tax && r.quantity <= line.quantity,
					"a line reduced beyond its amount"
				);
				whole &= r.net == line.net && r.tax == line.tax;
				net = net.saturating_add(r.net);
				tax = tax.saturating_add(r.tax);
			}
			let reds = changes.iter().filter_map(|c| match c {
				Change::Reversed { red } => Some(*red),
				_ => None,
			});
			let (mut red_net, mut red_tax) = (0 as Fen, 0 as Fen);
			for red in reds {
				let red =
					IssuedInvoices::<T>::get(id.issuer, red).ok_or("a red invoice is missing")?;
				let lines = Self::counted_lines(id.issuer, &red).ok_or("an original is missing")?;
				for line in lines.iter() {
					red_net = red_net.saturating_add(line.net);
					red_tax = red_tax.saturating_add(line.tax);
				}
			}
			ensure!((net, tax) == (red_net, red_tax), "reductions differ from the red invoices");
			ensure!(
				whole == matches!(invoice.status, InvoiceStatus::Reversed { .. }),
				"an invoice reduced to nothing is not reversed, or the reverse"
			);
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
				let history = InvoiceHistory::<T>::get(issuer, seq);
				let counted = Self::counted_in(issuer, &invoice, &history)
					.ok_or("an invoice refers to a missing one")?;
				for (org, period, column, amounts) in counted {
					expected
						.entry((org, period))
						.or_default()
						.count(column, &amounts, true)
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
		for (issuer, seq, _) in RedRequests::<T>::iter() {
			ensure!(
				IssuedInvoices::<T>::contains_key(issuer, seq),
				"a request against a missing invoice"
			);
		}
		for (issuer, seq, _) in Reduced::<T>::iter() {
			ensure!(
				IssuedInvoices::<T>::get(issuer, seq).is_some_and(|i| i.kind == InvoiceKind::Blue),
				"reductions of a missing or red invoice"
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
