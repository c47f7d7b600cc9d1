//! Issuing an invoice: the issuer's chain of invoices.

use super::*;

impl<T: Config> Pallet<T> {
	/// A buyer as it will be recorded: a credit code of an active member becomes that member.
	pub(crate) fn resolve_buyer(seller: OrgId, buyer: Buyer) -> Result<Buyer, DispatchError> {
		let resolved = match buyer {
			Buyer::Member(org) => {
				ensure!(T::Membership::is_active_org(org), Error::<T>::BuyerNotFound);
				buyer
			},
			Buyer::External(code) => {
				T::Membership::org_by_credit_code(&code).map_or(buyer, Buyer::Member)
			},
			Buyer::Person { .. } => buyer,
		};
		ensure!(resolved != Buyer::Member(seller), Error::<T>::BuyerIsSeller);
		Ok(resolved)
	}

	/// The limits `issuer` issues within now: its own, held at `ListedLimits` while it is
	/// listed under joint discipline.
	pub fn limits_in_force(issuer: OrgId) -> Option<IssuerLimits> {
		let limits = Issuers::<T>::get(issuer)?;
		if !<T::Standing as regchain_primitives::CreditStanding>::is_listed(issuer) {
			return Some(limits);
		}
		let floor = T::ListedLimits::get();
		let per_invoice = match (limits.per_invoice, floor.per_invoice) {
			(Some(own), Some(cap)) => Some(own.min(cap)),
			(own, cap) => own.or(cap),
		};
		Some(IssuerLimits { per_invoice, per_month: limits.per_month.min(floor.per_month) })
	}

	pub(crate) fn do_issue(
		(clerk, seller): (T::AccountId, OrgId),
		invoice_type: InvoiceType,
		buyer: Buyer,
		inputs: Vec<LineInput>,
		document: H256,
	) -> DispatchResult {
		ensure!(!inputs.is_empty(), Error::<T>::NoLines);
		ensure!(inputs.len() <= MAX_LINES as usize, Error::<T>::TooManyLines);
		// A special invoice's buyer deducts its tax: only a taxpayer can.
		ensure!(
			invoice_type == InvoiceType::Ordinary || !matches!(buyer, Buyer::Person { .. }),
			Error::<T>::SpecialToPerson
		);
		let limits = Self::limits_in_force(seller).ok_or(Error::<T>::NoLimits)?;
		let buyer = Self::resolve_buyer(seller, buyer)?;
		let now = Self::now();
		let (mut net, mut tax) = (Fen::zero(), Fen::zero());
		let mut lines = Lines::new();
		for input in &inputs {
			let rate = Self::rate_at(input.rate, now).ok_or(Error::<T>::RateNotFound)?;
			let line = Line::compute(input, rate).map_err(|e| match e {
				LineError::Zero => Error::<T>::ZeroAmount,
				LineError::Overflow => Error::<T>::Overflow,
				LineError::Discount => Error::<T>::DiscountTooLarge,
				LineError::Classification => Error::<T>::InvalidClassification,
			})?;
			net = net.checked_add(line.net).ok_or(Error::<T>::Overflow)?;
			tax = tax.checked_add(line.tax).ok_or(Error::<T>::Overflow)?;
			lines.try_push(line).map_err(|_| Error::<T>::TooManyLines)?;
		}
		net.checked_add(tax).ok_or(Error::<T>::Overflow)?;
		// The limits the tax bureau grants count amounts before VAT.
		ensure!(limits.per_invoice.is_none_or(|cap| net <= cap), Error::<T>::ExceedsInvoiceLimit);
		let period = Self::current_period();
		let mut totals = Totals::<T>::get(seller, period);
		let month = totals.issued_net().and_then(|n| n.checked_add(net));
		ensure!(
			month.ok_or(Error::<T>::Overflow)? <= limits.per_month,
			Error::<T>::ExceedsMonthlyLimit
		);
		let amounts = Self::amounts(&lines)?;
		Self::count(&mut totals, Column::Output { invoice_type, red: false }, &amounts, true)?;

		let (invoice, stored) = Self::append(
			(clerk, seller),
			(InvoiceKind::Blue, invoice_type),
			buyer,
			lines,
			(net, tax),
			document,
		)?;
		Totals::<T>::insert(seller, period, totals);
		let content_hash = stored.content_hash;
		Self::deposit_event(Event::InvoiceIssued {
			invoice,
			invoice_type,
			buyer,
			net,
			tax,
			content_hash,
		});
		Ok(())
	}

	/// Appends an invoice to `issuer`'s chain with the next number, indexes it for a member
	/// buyer and starts its history; returns its number and what was stored.
	pub(crate) fn append(
		(clerk, issuer): (T::AccountId, OrgId),
		(kind, invoice_type): (InvoiceKind, InvoiceType),
		buyer: Buyer,
		lines: Lines,
		(net, tax): (Fen, Fen),
		document: H256,
	) -> Result<(InvoiceRef, InvoiceOf<T>), DispatchError> {
		let head = ChainHeads::<T>::get(issuer);
		let seq = head.next_seq;
		let next_seq = seq.checked_add(1).ok_or(Error::<T>::SequenceExhausted)?;
		let mut invoice = Invoice {
			kind,
			invoice_type,
			buyer,
			lines,
			net,
			tax,
			document,
			clerk: Some(clerk),
			prev_hash: head.last_hash,
			content_hash: H256::zero(),
			preimage: Preimage::V2,
			issued_at: frame_system::Pallet::<T>::block_number(),
			period: Self::current_period(),
			status: if kind == InvoiceKind::Blue {
				InvoiceStatus::Issued
			} else {
				InvoiceStatus::AwaitingBuyer
			},
			buyer_period: None,
			input_use: None,
			claim: None,
			abnormal: None,
		};
		invoice.content_hash = invoice.compute_hash(issuer, seq);
		let id = InvoiceRef { issuer, seq };
		ChainHeads::<T>::insert(issuer, ChainHead { next_seq, last_hash: invoice.content_hash });
		if let Buyer::Member(org) = buyer {
			InvoicesByBuyer::<T>::insert(org, id, ());
		}
		IssuedInvoices::<T>::insert(issuer, seq, &invoice);
		InvoiceHistory::<T>::insert(
			issuer,
			seq,
			History::<Moment>::truncate_from(alloc::vec![HistoryEntry {
				at: Self::now(),
				change: Change::Issued
			}]),
		);
		Ok((id, invoice))
	}
}
