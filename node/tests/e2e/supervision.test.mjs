// Supervision across domains on a running `--dev` node, through @polkadot/api: market
// regulation (Charlie) opens a case about an enterprise naming a record of each of the six
// domains — its fund allocation, an invoice, a credit attestation, its notarized evidence, a
// batch of goods and a work; the regulators of the other five (finance bureau Alice, tax bureau
// Bob, court Dave, IP office Eve, credit regulator Ferdie) join; one call freezes all six, each
// in its regulator's name — every domain pallet then refuses its own change call by name — and
// one call lifts them. A penalty decided in the case is answered and
// appealed by the enterprise, ruled on by the deciding agency, and published (公示) to anyone
// through `supervision_publishedPenalties`; suspended meanwhile, the enterprise still states its
// case and does nothing else. Joint discipline: a serious penalty for fund misuse
// lists the enterprise in the credit pallet, its profile shows it, its next fund application
// is refused; overturned on appeal, the listing ends and it applies. Credit repair (信用修复):
// a year after a serious penalty (the decision's date moved back by sudo: the chain's clock
// cannot be), its rectification reported, the enterprise applies, the deciding agency grants
// it, the listing ends at once, and the bank that had read the listing finds the repair in its
// notice log. Every refusal is checked by its decoded error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import { u8aToHex, stringToU8a } from '@polkadot/util';
import { ANY_ENTERPRISE, chainNow, DAY, endPublicity, registerOrganization, sampleCreditCode, startDevNode, submit, workDeclaration, ADVANCE } from './helpers.mjs';

let dev;
let api;
let bob; // the tax bureau
let charlie; // market regulation
let dave; // the court
let alice; // the finance bureau
let eve; // the IP office
let ferdie; // the credit regulator
let writer; // an author (a key of no member)
let bank; // a lender (financial institution)
let program;
const FACTORY = 1234567890128; // a GLN with its check digit
const TAX_BUREAUS = 1 << 1; // the claim type's attester kinds
let seller;
let buyer;
const orgs = {};
const records = {};
const hash = (n) => u8aToHex(new Uint8Array(32).fill(n));
/** A `RecordRef`: a domain's four-byte tag and the record's id there. */
const recordRef = (tag, id) => ({ domain: u8aToHex(stringToU8a(tag)), id });

const ok = async (tx, signer) => {
  const result = await submit(api, tx, signer);
  assert.equal(result.error, null);
  return result;
};
const refused = async (tx, signer, error) => {
  assert.equal((await submit(api, tx, signer)).error, error);
};
const eventsOf = (result, pallet, name) =>
  result.events.filter(({ event }) => api.events[pallet][name].is(event)).map(({ event }) => event.data);

before(async () => {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  dev = await startDevNode('regchain-supervision-');
  ({ api } = dev);
  bob = keyring.addFromUri('//Bob');
  charlie = keyring.addFromUri('//Charlie');
  dave = keyring.addFromUri('//Dave');
  alice = keyring.addFromUri('//Alice');
  eve = keyring.addFromUri('//Eve');
  ferdie = keyring.addFromUri('//Ferdie');
  writer = keyring.addFromUri('//SupervisedWriter');
  seller = keyring.addFromUri('//SupervisedSteel');
  buyer = keyring.addFromUri('//SupervisedBuyer');
  bank = keyring.addFromUri('//SupervisedBank');
  let n = 4101;
  for (const [name, who, kind, registrar] of [['seller', seller, 'Enterprise', charlie], ['buyer', buyer, 'Enterprise', charlie], ['bank', bank, 'FinancialInstitution', ferdie]]) {
    const result = await registerOrganization(api, registrar, { kind, name, code: sampleCreditCode(n++), account: who });
    assert.equal(result.error, null);
    orgs[name] = (await api.query.consortium.accountOrganization(who.address)).unwrap().toNumber();
  }
  orgs.tax = (await api.query.consortium.accountOrganization(bob.address)).unwrap().toNumber();
  orgs.market = (await api.query.consortium.accountOrganization(charlie.address)).unwrap().toNumber();
  orgs.court = (await api.query.consortium.accountOrganization(dave.address)).unwrap().toNumber();
  orgs.finance = (await api.query.consortium.accountOrganization(alice.address)).unwrap().toNumber();
  orgs.office = (await api.query.consortium.accountOrganization(eve.address)).unwrap().toNumber();
  orgs.creditRegulator = (await api.query.consortium.accountOrganization(ferdie.address)).unwrap().toNumber();
  await ok(api.tx.consortium.grantRole(orgs.seller, 'InvoiceIssuer'), bob);
  await ok(api.tx.invoices.setIssuerLimits(orgs.seller, { perInvoice: 1_000_000, perMonth: 5_000_000 }), bob);
  await ok(api.tx.consortium.grantRole(orgs.court, 'Notary'), dave);
  const line = { description: hash(9), classification: 1100101020000000000n, quantity: 2000, unitPrice: 10_000_000_000, taxIncluded: false, discount: 0, rate: 1 };
  const issued = await ok(api.tx.invoices.issue('Special', { Member: orgs.buyer }, [line], hash(1)), seller);
  const invoice = eventsOf(issued, 'invoices', 'InvoiceIssued')[0].invoice;
  records.invoiceRef = invoice.toJSON();
  records.invoice = recordRef('invc', (BigInt(orgs.seller) << 32n) + BigInt(invoice.seq.toNumber()));
  const notarized = await ok(api.tx.notarization.notarize('Sha256', hash(0x41), 'Contract', hash(2), null), seller);
  records.evidenceId = eventsOf(notarized, 'notarization', 'Notarized')[0].id.toNumber();
  records.evidence = recordRef('nota', records.evidenceId);

  // Funds: a program of the finance bureau; the seller's approved allocation.
  await ok(api.tx.consortium.grantRole(orgs.finance, 'FundManager'), alice);
  const now = await chainNow(api);
  const created = await ok(api.tx.funds.createProgram(hash(1), 0b11, now, now + 90 * DAY, now + 365 * DAY, ANY_ENTERPRISE, null, ADVANCE), alice);
  program = eventsOf(created, 'funds', 'ProgramCreated')[0].program.toNumber();
  await ok(api.tx.funds.setBudget(program, 100_000_000), alice);
  const applied = await ok(api.tx.funds.apply(program, 1_000_000, hash(2), hash(0x60)), seller);
  const application = eventsOf(applied, 'funds', 'Applied')[0].application.toNumber();
  const approved = await ok(api.tx.funds.approve(application, 1_000_000), alice);
  records.allocationId = eventsOf(approved, 'funds', 'Approved')[0].allocation.toNumber();
  await endPublicity(api, records.allocationId, alice);
  records.allocation = recordRef('fund', records.allocationId);

  // Credit: the tax bureau attests the seller's grade.
  await ok(api.tx.consortium.grantRole(orgs.tax, 'Attester'), ferdie);
  const registered = await ok(api.tx.credit.registerClaimType('supervised-grade', hash(1), ['A', 'B'], TAX_BUREAUS, false), ferdie);
  const gradeType = eventsOf(registered, 'credit', 'ClaimTypeRegistered')[0].claimType.toNumber();
  await ok(api.tx.credit.authorizeAttester(gradeType, orgs.tax), ferdie);
  const attested = await ok(api.tx.credit.attest(orgs.seller, gradeType, hash(9), 0, now, now + 365 * DAY, []), bob);
  records.attestationId = eventsOf(attested, 'credit', 'Attested')[0].attestation.toNumber();
  records.attestation = recordRef('cred', records.attestationId);

  // Provenance: the seller makes a batch of goods.
  await ok(api.tx.consortium.grantRole(orgs.seller, 'Manufacturer'), charlie);
  const klass = eventsOf(await ok(api.tx.provenance.registerClass('SV-TEA', null, hash(1)), seller), 'provenance', 'ClassRegistered')[0].class.toNumber();
  records.batchId = eventsOf(await ok(api.tx.provenance.registerBatch(klass, hash(2), now), seller), 'provenance', 'BatchRegistered')[0].batch.toNumber();
  records.batch = recordRef('prov', records.batchId);

  // IP: the seller registers a work under its author's signed declaration.
  const work = { fingerprint: blake2AsHex('the supervised manual'), extra: [], workType: 'Article', metadata: hash(0x0a) };
  const message = workDeclaration(api, { ...work, shares: [[writer.address, 10000]], owner: orgs.seller, nonce: 0 });
  const authors = [{ key: writer.address, share: 10000, nonce: 0, signature: { Sr25519: writer.sign(message) } }];
  const registeredWork = await ok(api.tx.ipRights.registerWork(work.fingerprint, work.extra, work.workType, work.metadata, authors), seller);
  records.workId = eventsOf(registeredWork, 'ipRights', 'WorkRegistered')[0].id.toNumber();
  records.work = recordRef('ipwk', records.workId);
});

after(async () => {
  await dev?.stop();
});

/** Market regulation opens a case about the seller naming `list`; its id. */
async function openCase(list, violation = 'TaxViolation') {
  const opened = await ok(api.tx.supervision.openCase(orgs.seller, violation, hash(0xb0), [], list), charlie);
  return eventsOf(opened, 'supervision', 'CaseOpened')[0].case.toNumber();
}

test('one case freezes records of six domains in one call, each in its regulator\'s name, every domain refuses its own change, and one call lifts them', async () => {
  const six = [records.allocation, records.invoice, records.attestation, records.evidence, records.batch, records.work];
  // The tax bureau reads invoices only: it may not name evidence in a case.
  await refused(api.tx.supervision.openCase(orgs.seller, 'TaxViolation', hash(0xb0), [], [records.evidence]), bob, 'supervision.OutsideRemit');
  await refused(api.tx.supervision.openCase(orgs.seller, 'Other', hash(0xb0), [], [recordRef('nota', 999_999)]), charlie, 'supervision.RecordNotFound');
  const id = await openCase(six);
  // Market regulation regulates the goods only: no agency of the case regulates the others yet.
  await refused(api.tx.supervision.freezeRecords(id, hash(0xf0)), charlie, 'supervision.OutsideRemit');
  for (const agency of [alice, bob, dave, eve, ferdie]) {
    await ok(api.tx.supervision.joinCase(id), agency);
  }
  await refused(api.tx.supervision.joinCase(id), dave, 'supervision.AlreadyJoined');
  await refused(api.tx.supervision.freezeRecords(id, hash(0xf0)), bob, 'supervision.NotLead');

  const frozen = await ok(api.tx.supervision.freezeRecords(id, hash(0xf0)), charlie);
  assert.equal(eventsOf(frozen, 'supervision', 'RecordsFrozen')[0].count.toNumber(), 6);
  const frozenBy = (pallet) => eventsOf(frozen, pallet, 'Frozen').map((e) => e.by.toNumber());
  assert.deepEqual(frozenBy('funds'), [orgs.finance]);
  assert.deepEqual(frozenBy('invoices'), [orgs.tax]);
  assert.deepEqual(frozenBy('credit'), [orgs.creditRegulator]);
  assert.deepEqual(frozenBy('notarization'), [orgs.court]);
  assert.deepEqual(frozenBy('provenance'), [orgs.market]);
  assert.deepEqual(frozenBy('ipRights'), [orgs.office]);
  const evidenceFrozen = (await api.call.notarizationApi.frozen(null, 100)).toJSON();
  assert.ok(evidenceFrozen.some((r) => r.id === records.evidenceId && r.freeze.by === orgs.court));

  // Each domain refuses its own change of a frozen record, by name.
  const now = await chainNow(api);
  const item = blake2AsHex('SV-TEA-0001');
  await refused(api.tx.funds.disburse(records.allocationId, 100, hash(4)), alice, 'funds.Frozen');
  await refused(api.tx.invoices.reverse(records.invoiceRef, 'InvoicingError', [], hash(3)), seller, 'invoices.Frozen');
  await refused(api.tx.credit.revoke(records.attestationId, hash(5)), bob, 'credit.Frozen');
  await refused(api.tx.notarization.certify(records.evidenceId, hash(0x41), 0, [], hash(9), now), dave, 'notarization.Frozen');
  await refused(api.tx.provenance.registerItems(records.batchId, [item], FACTORY), seller, 'provenance.Frozen');
  await refused(api.tx.ipRights.transfer(records.workId, orgs.buyer, hash(6)), seller, 'ipRights.Frozen');
  await refused(api.tx.supervision.freezeRecords(id, hash(0xf0)), charlie, 'supervision.NothingToFreeze');

  const view = (await api.call.supervisionApi.case(id)).unwrap();
  assert.equal(view.case.freezes.length, 6);
  assert.deepEqual(view.case.agencies.toJSON(), [orgs.market, orgs.finance, orgs.tax, orgs.court, orgs.office, orgs.creditRegulator]);

  const lifted = await ok(api.tx.supervision.unfreezeRecords(id), charlie);
  assert.equal(eventsOf(lifted, 'supervision', 'RecordsUnfrozen')[0].count.toNumber(), 6);
  for (const pallet of ['funds', 'invoices', 'credit', 'notarization', 'provenance', 'ipRights']) {
    assert.equal(eventsOf(lifted, pallet, 'Unfrozen').length, 1, pallet);
  }
  // The changes go through again.
  await ok(api.tx.funds.disburse(records.allocationId, 100, hash(4)), alice);
  await ok(api.tx.notarization.certify(records.evidenceId, hash(0x41), 0, [], hash(9), now), dave);
  await ok(api.tx.provenance.registerItems(records.batchId, [item], FACTORY), seller);
  const history = (await api.call.supervisionApi.steps(id, null, 100)).toJSON();
  assert.deepEqual(history.map(([, step]) => Object.keys(step.action)[0]), ['opened', 'joined', 'joined', 'joined', 'joined', 'joined', 'froze', 'lifted']);
});

test('a penalty is answered, appealed, ruled on and published; closing lifts what the case holds', async () => {
  const id = await openCase([records.invoice]);
  await ok(api.tx.supervision.joinCase(id), bob);
  await ok(api.tx.supervision.freezeRecords(id, hash(0xf1)), charlie);
  await refused(api.tx.supervision.submitStatement(id, hash(0x5a), []), buyer, 'supervision.NotSubject');
  // Suspended by its registrar, the seller still states its case, and does nothing else.
  await ok(api.tx.consortium.suspend(orgs.seller), charlie);
  await ok(api.tx.supervision.submitStatement(id, hash(0x5a), [records.evidenceId]), seller);
  await assert.rejects(
    submit(api, api.tx.notarization.notarize('Sha256', hash(0x43), 'Contract', hash(2), null), seller),
    /call is not expected/,
  );
  await ok(api.tx.consortium.resume(orgs.seller), charlie);
  const decided = await ok(api.tx.supervision.decidePenalty(id, hash(0xd0), 500_000, 'Serious'), bob);
  const penalty = eventsOf(decided, 'supervision', 'PenaltyDecided')[0];
  assert.equal(penalty.subject.toNumber(), orgs.seller);
  assert.equal(penalty.amount.toNumber(), 500_000);
  await refused(api.tx.supervision.decidePenalty(id, hash(0xd1), 1, 'Ordinary'), charlie, 'supervision.AlreadyDecided');

  // Anyone reads the published penalty through the node's domain method, without a signature.
  const rpc = (method, params) => api._rpcCore.provider.send(method, params);
  const published = await rpc('supervision_publishedPenalties', [orgs.seller, null, 100]);
  const entry = published.find((p) => p.case === id);
  assert.equal(entry.by, orgs.tax);
  assert.equal(entry.severity, 'Serious');
  assert.equal(BigInt(entry.amount), 500_000n);

  // The dossier's open actions: the case and the penalty's listing.
  const dossier = await rpc('regchain_dossier', [sampleCreditCode(4101)]);
  assert.ok(dossier.openActions.cases.some((c) => c.id === id && c.case.penalty.listing !== null));
  assert.ok(dossier.openActions.listings.some((l) => l.case === id && l.serious));

  await ok(api.tx.supervision.appeal(id, hash(0xa0), []), seller);
  await refused(api.tx.supervision.closeCase(id, hash(0xc0)), charlie, 'supervision.AppealPending');
  await refused(api.tx.supervision.overturnPenalty(id, hash(0xe0)), charlie, 'supervision.NotDecidingAgency');
  await ok(api.tx.supervision.overturnPenalty(id, hash(0xe0)), bob);
  assert.equal((await rpc('supervision_publishedPenalties', [orgs.seller, null, 100])).filter((p) => p.case === id).length, 0);

  const closed = await ok(api.tx.supervision.closeCase(id, hash(0xc0)), charlie);
  const after = await rpc('regchain_dossier', [sampleCreditCode(4101)]);
  assert.ok(!after.openActions.cases.some((c) => c.id === id));
  assert.ok(!after.openActions.listings.some((l) => l.case === id));
  assert.equal(eventsOf(closed, 'supervision', 'CaseClosed')[0].lifted.toNumber(), 1);
  assert.equal(eventsOf(closed, 'invoices', 'Unfrozen').length, 1);
  await refused(api.tx.supervision.submitStatement(id, hash(0x5b), []), seller, 'supervision.CaseClosed');
  const open = (await api.call.supervisionApi.openCasesOf(orgs.tax, null, 100)).toJSON();
  assert.ok(!open.some((c) => c.id === id));
  const ofSeller = (await api.call.supervisionApi.casesOf(orgs.seller, null, 100)).toJSON();
  assert.ok(ofSeller.some((c) => c.id === id && 'closed' in c.case.status));
  const due = (await api.call.supervisionApi.case(id)).unwrap().case.decisionDue.toNumber();
  assert.ok(due >= (await chainNow(api)) + 89 * DAY);
});

test('a serious penalty for fund misuse lists the enterprise: its profile shows it and its fund application is refused until the penalty is overturned', async () => {
  const id = await openCase([records.invoice], 'FundMisuse');
  await ok(api.tx.supervision.joinCase(id), alice);
  const decided = await ok(api.tx.supervision.decidePenalty(id, hash(0xd2), 1_000_000, 'Serious'), alice);
  const listing = eventsOf(decided, 'supervision', 'PenaltyDecided')[0].listing.unwrap().toNumber();
  const attested = eventsOf(decided, 'credit', 'Attested')[0];
  assert.equal(attested.attestation.toNumber(), listing);
  assert.equal(attested.attester.toNumber(), orgs.finance);

  // The credit profile shows the listing; the listings name the case (public, through the node).
  const profile = (await api.call.creditApi.creditProfile(orgs.seller, null, 100)).toJSON();
  assert.ok(profile.some((entry) => entry.id === listing && entry.attestation.attester === orgs.finance));
  const rpc = (method, params) => api._rpcCore.provider.send(method, params);
  const listings = await rpc('credit_listings', [orgs.seller]);
  assert.deepEqual(listings.map((l) => [l.attestation, l.kind, l.serious, l.case]), [[listing, 'SpecialFundMisuse', true, id]]);
  await refused(api.tx.funds.apply(program, 5_000_000, hash(2), hash(0x61)), seller, 'funds.ApplicantListed');

  await ok(api.tx.supervision.appeal(id, hash(0xa1), []), seller);
  const overturned = await ok(api.tx.supervision.overturnPenalty(id, hash(0xe2)), alice);
  assert.equal(eventsOf(overturned, 'credit', 'Revoked')[0].attestation.toNumber(), listing);
  assert.deepEqual(await rpc('credit_listings', [orgs.seller]), []);
  const after = (await api.call.creditApi.creditProfile(orgs.seller, null, 100)).toJSON();
  assert.ok(!after.some((entry) => entry.id === listing));
  await ok(api.tx.funds.apply(program, 5_000_000, hash(2), hash(0x61)), seller);
});

/** Moves case `id`'s penalty decision `days` back in time (sudo writes the case): what the
 * chain's clock, which only moves forward with the blocks, cannot do in a test. */
async function decidedDaysAgo(id, days) {
  const stored = (await api.query.supervision.cases(id)).unwrap();
  const value = stored.toJSON();
  value.penalty.decidedAt -= days * DAY;
  value.penalty.appealUntil -= days * DAY;
  const encoded = api.createType(stored.toRawType(), value).toHex();
  await ok(api.tx.sudo.sudo(api.tx.system.setStorage([[api.query.supervision.cases.key(id), encoded]])), alice);
  assert.equal((await api.query.supervision.cases(id)).unwrap().penalty.unwrap().decidedAt.toNumber(), value.penalty.decidedAt);
}

test('credit repair: a year after a serious penalty, rectified, the enterprise is repaired — the listing ends at once and the bank that read it is told in its notice log', async () => {
  const rpc = (method, params) => api._rpcCore.provider.send(method, params);
  // The bank reads the seller's credit under its consent (every claim type).
  const now = await chainNow(api);
  const scope = { claimTypes: 'All', figures: false };
  const granted = await ok(api.tx.credit.grantConsent(orgs.bank, scope, 'PostLoanManagement', now + 400 * DAY), seller);
  const grant = eventsOf(granted, 'credit', 'ConsentGranted')[0].grant.toNumber();

  const id = await openCase([records.invoice]);
  await ok(api.tx.supervision.joinCase(id), bob);
  await ok(api.tx.supervision.orderRectification(id, hash(0x0e), now + 30 * DAY), bob);
  const decided = await ok(api.tx.supervision.decidePenalty(id, hash(0xd3), 200_000, 'Serious'), bob);
  const listing = eventsOf(decided, 'supervision', 'PenaltyDecided')[0].listing.unwrap().toNumber();
  // Listed for a serious penalty, the seller is barred from special funds.
  await refused(api.tx.funds.apply(program, 1_000, hash(2), hash(0x62)), seller, 'funds.ApplicantListed');
  await ok(api.tx.credit.declareAccess(grant, scope, 'PostLoanManagement'), bank);
  const read = (await api.call.creditApi.creditProfile(orgs.seller, null, 100)).toJSON();
  assert.ok(read.some((entry) => entry.id === listing && entry.published));

  // Too early (a serious penalty: a year), then not rectified.
  await refused(api.tx.supervision.applyForRepair(id, hash(0x70), [records.evidenceId]), seller, 'supervision.RepairTooEarly');
  await decidedDaysAgo(id, 366);
  await refused(api.tx.supervision.applyForRepair(id, hash(0x70), [records.evidenceId]), seller, 'supervision.RectificationNotReported');
  await ok(api.tx.supervision.reportRectification(id, hash(0x0f), [records.evidenceId]), seller);
  await refused(api.tx.supervision.applyForRepair(id, hash(0x70), [records.evidenceId]), buyer, 'supervision.NotSubject');
  await ok(api.tx.supervision.applyForRepair(id, hash(0x70), [records.evidenceId]), seller);
  await refused(api.tx.supervision.grantRepair(id, hash(0x71)), charlie, 'supervision.NotDecidingAgency');

  const repaired = await ok(api.tx.supervision.grantRepair(id, hash(0x71)), bob);
  assert.equal(eventsOf(repaired, 'supervision', 'RepairGranted')[0].lendersTold.toNumber(), 1);
  assert.equal(eventsOf(repaired, 'credit', 'Repaired')[0].attestation.toNumber(), listing);
  const notified = eventsOf(repaired, 'credit', 'RepairNotified')[0];
  assert.deepEqual([notified.attestation.toNumber(), notified.lender.toNumber(), notified.notice.toNumber()], [listing, orgs.bank, 0]);

  // The listing ends at once: not in the profile, not listed, not published; the seller
  // applies for funds again.
  const profile = (await api.call.creditApi.creditProfile(orgs.seller, null, 100)).toJSON();
  assert.ok(!profile.some((entry) => entry.id === listing));
  assert.deepEqual(await rpc('credit_listings', [orgs.seller]), []);
  assert.ok(!(await rpc('supervision_publishedPenalties', [orgs.seller, null, 100])).some((p) => p.case === id));
  const kept = (await api.call.creditApi.attestation(listing)).unwrap().toJSON();
  assert.equal(kept.published, false);
  assert.ok('revoked' in kept.attestation.status);
  await ok(api.tx.funds.apply(program, 1_000, hash(2), hash(0x62)), seller);

  // The bank's notice log says whose listing ended, and which of its accesses had read it.
  const notices = await rpc('credit_repairNotices', [orgs.bank, 0, 100]);
  const accessLog = (await api.call.creditApi.accessLog(orgs.seller, 0, 100)).toJSON();
  assert.equal(notices.length, 1);
  assert.equal(notices[0].sme, orgs.seller);
  assert.equal(notices[0].attestation, listing);
  assert.equal(accessLog[notices[0].access].lender, orgs.bank);
  await refused(api.tx.supervision.applyForRepair(id, hash(0x72), []), seller, 'supervision.NotListed');
});
