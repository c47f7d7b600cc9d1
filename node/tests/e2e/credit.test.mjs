// SME credit attestations on a running `--dev` node, through @polkadot/api: the credit
// regulator registers claim types and authorizes attesters, the tax bureau attests an SME, the
// SME grants a bank consent and reads the bank's declared accesses, disputes an attestation,
// a bank finances the SME's invoice under its consent (locking it until the financing ends),
// and the regulator freezes an attestation.
// Queries come from `api.call.creditApi`; every refusal is checked by its decoded error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { u8aToHex, u8aToString } from '@polkadot/util';
import {
  DAY, chainNow, councilDecides, registerOrganization, sampleCreditCode, startDevNode, submit,
} from './helpers.mjs';

let dev;
let api;
let ferdie; // the credit regulator
let bob; // the tax bureau
let sme;
let buyer;
let bank;
const orgs = {};
const hash = (n) => u8aToHex(new Uint8Array(32).fill(n));
// OrgKinds bits: agencies by their kind's index (TaxBureau = 1), enterprises 16, banks 17.
const TAX_BUREAUS = 1 << 1;
const BANKS = 1 << 17;

const ok = async (tx, signer) => {
  const result = await submit(api, tx, signer);
  assert.equal(result.error, null);
  return result;
};
const eventOf = (result, name) => result.events.find(({ event }) => api.events.credit[name].is(event)).event.data;

before(async () => {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  dev = await startDevNode('regchain-credit-');
  ({ api } = dev);
  ferdie = keyring.addFromUri('//Ferdie');
  bob = keyring.addFromUri('//Bob');
  sme = keyring.addFromUri('//MinhangMachining');
  buyer = keyring.addFromUri('//JiadingMotors');
  bank = keyring.addFromUri('//ShanghaiRuralBank');
  const charlie = keyring.addFromUri('//Charlie');
  // Each registrar's and each agency's transactions in order, different signers side by side.
  const register = async (name, who, n, registrar, kind) => {
    const registered = await registerOrganization(api, registrar, { kind, name, code: sampleCreditCode(n), account: who });
    assert.equal(registered.error, null);
    orgs[name] = (await api.query.consortium.accountOrganization(who.address)).unwrap().toNumber();
  };
  orgs.tax = (await api.query.consortium.accountOrganization(bob.address)).unwrap().toNumber();
  await Promise.all([
    (async () => {
      await register('sme', sme, 2001, charlie, 'Enterprise');
      await register('buyer', buyer, 2002, charlie, 'Enterprise');
    })(),
    (async () => {
      // The credit regulator admits the bank and makes it and the tax bureau attesters.
      await register('bank', bank, 2003, ferdie, 'FinancialInstitution');
      await ok(api.tx.consortium.grantRole(orgs.tax, 'Attester'), ferdie);
      await ok(api.tx.consortium.grantRole(orgs.bank, 'Attester'), ferdie);
    })(),
  ]);
  // The tax bureau lets the SME invoice.
  await ok(api.tx.consortium.grantRole(orgs.sme, 'InvoiceIssuer'), bob);
  await ok(api.tx.invoices.setIssuerLimits(orgs.sme, { perInvoice: 10_000_000, perMonth: 100_000_000 }), bob);
});

after(async () => {
  await dev?.stop();
});

/** The tax-credit-grade claim type, with the tax bureau authorized; its id. */
let gradeType = null;
async function taxGrade() {
  if (gradeType !== null) return gradeType;
  const registered = await ok(api.tx.credit.registerClaimType('tax-credit-grade', hash(1), ['A', 'B', 'M', 'C', 'D'], TAX_BUREAUS, false), ferdie);
  gradeType = eventOf(registered, 'ClaimTypeRegistered').claimType.toNumber();
  await ok(api.tx.credit.authorizeAttester(gradeType, orgs.tax), ferdie);
  return gradeType;
}

/** A tax grade of the SME for a year; its id. */
async function graded(rating) {
  const type = await taxGrade();
  const now = await chainNow(api);
  const attested = await ok(api.tx.credit.attest(orgs.sme, type, hash(9), rating, now, now + 365 * DAY, []), bob);
  return eventOf(attested, 'Attested').attestation.toNumber();
}

test('the regulator registers a claim type, the tax bureau attests, the profile shows the rating', async () => {
  const type = await taxGrade();
  // Only the credit regulator registers; only allowed kinds are authorized.
  assert.equal((await submit(api, api.tx.credit.registerClaimType('x', hash(1), [], TAX_BUREAUS, false), bob)).error, 'BadOrigin');
  assert.equal((await submit(api, api.tx.credit.authorizeAttester(type, orgs.bank), ferdie)).error, 'credit.WrongAttesterKind');
  const now = await chainNow(api);
  const attest = (subject, rating, signer = bob) => submit(api, api.tx.credit.attest(subject, type, hash(9), rating, now, now + 365 * DAY, []), signer);
  assert.equal((await attest(orgs.sme, 9)).error, 'credit.RatingNotAllowed');
  assert.equal((await attest(orgs.bank, 0)).error, 'credit.NotEnterprise');
  assert.equal((await attest(orgs.sme, 0, bank)).error, 'credit.NotAuthorized');
  assert.equal((await attest(orgs.sme, 0, sme)).error, 'BadOrigin');
  const id = await graded(0);

  const profile = await api.call.creditApi.creditProfile(orgs.sme, null, 100);
  const entry = profile.find((e) => e.id.toNumber() === id);
  assert.ok(entry, 'the attestation is in the profile');
  assert.equal(u8aToString(entry.rating.unwrap()), 'A');
  assert.equal(entry.attestation.attester.toNumber(), orgs.tax);
  assert.equal(entry.dispute.isNone, true);
  const types = await api.call.creditApi.claimTypes(0, 100);
  assert.ok(types.some(([tid, t]) => tid.toNumber() === type && u8aToString(t.name) === 'tax-credit-grade'));
  // The dev chain starts with the national catalogue, registered by the credit regulator.
  assert.ok(types.some(([, t]) => u8aToString(t.name) === 'receivable-financing' && t.receivables.isTrue));

  // A newer grade replaces the old one, which links to it.
  const superseded = await ok(api.tx.credit.supersede(id, hash(10), 1, now, now + 365 * DAY), bob);
  const { by } = eventOf(superseded, 'Superseded');
  assert.equal((await api.call.creditApi.attestation(id)).unwrap().attestation.status.asSuperseded.by.toNumber(), by.toNumber());
  assert.equal((await submit(api, api.tx.credit.revoke(id, hash(11)), bob)).error, 'credit.NotActive');

  // A claim type of its own, retired; an attester authorized, then not.
  const utility = eventOf(await ok(api.tx.credit.registerClaimType('water-bill', hash(3), [], 1 << 16, false), ferdie), 'ClaimTypeRegistered').claimType.toNumber();
  await ok(api.tx.credit.authorizeAttester(utility, orgs.buyer), ferdie);
  await ok(api.tx.credit.deauthorizeAttester(utility, orgs.buyer), ferdie);
  assert.equal((await submit(api, api.tx.credit.deauthorizeAttester(utility, orgs.buyer), ferdie)).error, 'credit.NotAuthorized');
  await ok(api.tx.credit.retireClaimType(utility), ferdie);
  assert.equal((await submit(api, api.tx.credit.authorizeAttester(utility, orgs.buyer), ferdie)).error, 'credit.ClaimTypeRetired');
  // Retiring is reversible, by the same hands.
  assert.equal((await submit(api, api.tx.credit.reinstateClaimType(utility), bob)).error, 'BadOrigin');
  await ok(api.tx.credit.reinstateClaimType(utility), ferdie);
  assert.equal((await api.query.credit.claimTypes(utility)).unwrap().retired.isFalse, true);
  assert.equal((await submit(api, api.tx.credit.reinstateClaimType(utility), ferdie)).error, 'credit.ClaimTypeNotRetired');
});

test('a district credit regulator cannot retire the national catalogue; governance can, and reinstates it', async () => {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const key = (uri) => keyring.addFromUri(uri);
  const district = key('//XuhuiCreditRegulator');
  const now = await chainNow(api);
  const admitted = await councilDecides(api, api.tx.consortium.registerAgency('CreditRegulator', 'Xuhui Credit Office', district.address, now + 365 * DAY, 310104), ['//Alice', '//Bob', '//Charlie', '//Dave'].map(key));
  assert.equal(admitted.error, null);
  // Seven seats now: two thirds are five.
  const voters = ['//Alice', '//Bob', '//Charlie', '//Dave', '//Eve'].map(key);
  // Claim type 0 is the national catalogue's, registered at genesis by the founding regulator.
  const national = (await api.query.credit.claimTypes(0)).unwrap();
  assert.equal(national.retired.isFalse, true);
  // The finding: any district regulator retired a national claim type, for good.
  assert.equal((await submit(api, api.tx.credit.retireClaimType(0), district)).error, 'credit.NotRegistrant');
  assert.equal((await api.query.credit.claimTypes(0)).unwrap().retired.isFalse, true);
  // Its own claim type it may retire.
  const own = eventOf(await ok(api.tx.credit.registerClaimType('xuhui-rent', hash(5), [], 1 << 16, false), district), 'ClaimTypeRegistered').claimType.toNumber();
  await ok(api.tx.credit.retireClaimType(own), district);
  // Governance acts on any claim type, and undoes it.
  assert.equal((await councilDecides(api, api.tx.credit.retireClaimType(0), voters)).error, null);
  assert.equal((await api.query.credit.claimTypes(0)).unwrap().retired.isTrue, true);
  assert.equal((await councilDecides(api, api.tx.credit.reinstateClaimType(0), voters)).error, null);
  assert.equal((await api.query.credit.claimTypes(0)).unwrap().retired.isFalse, true);
});

test('the SME grants a bank consent, the bank declares its accesses, the SME reads its log and withdraws', async () => {
  const type = await taxGrade();
  const now = await chainNow(api);
  const scope = { claimTypes: { Only: [type] }, figures: true };
  const granted = await ok(api.tx.credit.grantConsent(orgs.bank, scope, 'PreLoanReview', now + 30 * DAY), sme);
  const grant = eventOf(granted, 'ConsentGranted').grant.toNumber();
  assert.equal((await submit(api, api.tx.credit.grantConsent(orgs.buyer, scope, 'PreLoanReview', now + DAY), sme)).error, 'credit.NotLender');
  assert.equal((await submit(api, api.tx.credit.grantConsent(orgs.bank, scope, 'PreLoanReview', now + DAY), bank)).error, 'BadOrigin');

  const declare = (s, purpose, signer = bank) => submit(api, api.tx.credit.declareAccess(grant, s, purpose), signer);
  assert.equal((await declare(scope, 'PostLoanManagement')).error, 'credit.WrongPurpose');
  assert.equal((await declare({ claimTypes: 'All', figures: false }, 'PreLoanReview')).error, 'credit.OutsideScope');
  assert.equal((await declare(scope, 'PreLoanReview', buyer)).error, 'BadOrigin');
  const declared = await ok(api.tx.credit.declareAccess(grant, scope, 'PreLoanReview'), bank);
  assert.equal(eventOf(declared, 'AccessDeclared').lender.toNumber(), orgs.bank);

  const consents = await api.call.creditApi.consents(orgs.sme, orgs.bank, null, 100);
  assert.deepEqual(consents.map(([id]) => id.toNumber()), [grant]);
  const log = await api.call.creditApi.accessLog(orgs.sme, 0, 100);
  assert.equal(log.length, 1);
  assert.equal(log[0].grant.toNumber(), grant);
  assert.equal(log[0].purpose.toString(), 'PreLoanReview');

  assert.equal((await submit(api, api.tx.credit.withdrawConsent(grant), buyer)).error, 'credit.NotGrantor');
  await ok(api.tx.credit.withdrawConsent(grant), sme);
  assert.equal((await declare(scope, 'PreLoanReview')).error, 'credit.GrantWithdrawn');
  assert.equal((await api.call.creditApi.consents(orgs.sme, orgs.bank, null, 100)).length, 0);
  assert.equal((await api.call.creditApi.grants(orgs.sme, null, 100)).length, 1);
});

test('the SME disputes an attestation, the attester answers, the dispute shows on it', async () => {
  const id = await graded(3);
  assert.equal((await submit(api, api.tx.credit.dispute(id, hash(4)), buyer)).error, 'credit.NotSubject');
  const disputed = await ok(api.tx.credit.dispute(id, hash(4)), sme);
  const deadline = eventOf(disputed, 'Disputed').deadline.toNumber();
  assert.ok(deadline >= (await chainNow(api)) + 19 * DAY, 'twenty days to answer');
  assert.equal((await submit(api, api.tx.credit.dispute(id, hash(4)), sme)).error, 'credit.AlreadyDisputed');
  // The regulator decides only once the attester's time is up.
  assert.equal((await submit(api, api.tx.credit.upholdDispute(id), ferdie)).error, 'credit.DeadlineNotPassed');
  await ok(api.tx.credit.rejectDispute(id, hash(5)), bob);
  const entry = (await api.call.creditApi.attestation(id)).unwrap();
  assert.equal(entry.dispute.unwrap().status.isRejected, true);
  assert.equal(entry.attestation.status.isActive, true);
  assert.equal((await submit(api, api.tx.credit.upholdDispute(id), bob)).error, 'credit.DisputeDecided');
  assert.equal((await submit(api, api.tx.credit.markDisputeLapsed(id), sme)).error, 'credit.DisputeDecided');

  // Another one upheld by its attester: the attestation is revoked.
  const wrong = await graded(4);
  await ok(api.tx.credit.dispute(wrong, hash(4)), sme);
  assert.equal((await submit(api, api.tx.credit.markDisputeLapsed(wrong), sme)).error, 'credit.DeadlineNotPassed');
  const upheld = await ok(api.tx.credit.upholdDispute(wrong), bob);
  assert.equal(eventOf(upheld, 'DisputeUpheld').by.toNumber(), orgs.tax);
  assert.equal((await api.call.creditApi.attestation(wrong)).unwrap().attestation.status.isRevoked, true);
  const profile = await api.call.creditApi.creditProfile(orgs.sme, null, 100);
  assert.ok(!profile.some((e) => e.id.toNumber() === wrong), 'a revoked attestation no longer counts');
});

test('a bank finances an invoice of the SME once, only with its consent and until repaid; the regulator freezes an attestation', async () => {
  const registered = await ok(api.tx.credit.registerClaimType('receivable-financing', hash(2), [], BANKS, true), ferdie);
  const type = eventOf(registered, 'ClaimTypeRegistered').claimType.toNumber();
  await ok(api.tx.credit.authorizeAttester(type, orgs.bank), ferdie);
  // The SME invoices its buyer, who confirms.
  const line = { description: hash(6), classification: 1100101020000000000n, quantity: 1000, unitPrice: 500_000_000_000, taxIncluded: false, discount: 0, rate: 1 };
  const invoices = [];
  for (let i = 0; i < 2; i += 1) {
    const issued = await ok(api.tx.invoices.issue('Special', { Member: orgs.buyer }, [line], hash(7)), sme);
    const { invoice } = issued.events.find(({ event }) => api.events.invoices.InvoiceIssued.is(event)).event.data;
    await ok(api.tx.invoices.confirm(invoice), buyer);
    invoices.push(invoice.toJSON());
  }
  const now = await chainNow(api);
  const finance = (list, term = 90 * DAY) => submit(api, api.tx.credit.attest(orgs.sme, type, hash(8), null, now, now + term, list), bank);
  // The finding of the security review: a bank locked any SME's invoices without the SME.
  assert.equal((await finance([invoices[0]])).error, 'credit.NoFinancingConsent');
  const scope = { claimTypes: { Only: [type] }, figures: false };
  await ok(api.tx.credit.grantConsent(orgs.bank, scope, 'InvoiceFinancing', now + 120 * DAY), sme);
  // Never beyond the consent's term.
  assert.equal((await finance([invoices[0]], 121 * DAY)).error, 'credit.BeyondConsent');
  assert.equal((await api.query.invoices.receivableClaims(invoices[0])).isNone, true);
  const financed = await finance([invoices[0]]);
  assert.equal(financed.error, null);
  const id = eventOf(financed, 'Attested').attestation.toNumber();
  assert.equal((await api.query.invoices.receivableClaims(invoices[0])).unwrap().id.toNumber(), id);
  // The same invoice cannot back a second financing; the other invoice of that attempt stays free.
  assert.equal((await finance([invoices[1], invoices[0]])).error, 'invoices.AlreadyClaimed');
  assert.equal((await api.query.invoices.receivableClaims(invoices[1])).isNone, true);
  // A price allowance after the financing: the red invoice still reduces the receivable, and
  // the credit pallet reports it to the bank. The SME cannot end the financing itself.
  const allowance = [{ line: 0, quantity: 0, net: 100_000 }];
  await ok(api.tx.invoices.reverse(invoices[0], 'SalesAllowance', allowance, hash(3)), sme);
  const report = eventOf(await ok(api.tx.invoices.confirmReversal(invoices[0]), buyer), 'FinancedInvoiceReduced');
  assert.deepEqual([report.attestation.toNumber(), report.reduced.toNumber(), report.remaining.toNumber()], [id, 113_000, 452_000]);
  assert.equal((await submit(api, api.tx.credit.releaseReceivables(id), sme)).error, 'credit.FinancingNotEnded');
  // Repaid, the bank releases it: the invoice is the SME's again.
  const released = await ok(api.tx.credit.releaseReceivables(id), bank);
  assert.equal(eventOf(released, 'ReceivablesReleased').invoices.toNumber(), 1);
  assert.equal((await api.query.invoices.receivableClaims(invoices[0])).isNone, true);
  assert.equal((await submit(api, api.tx.credit.releaseReceivables(id), bank)).error, 'credit.NothingPledged');
  await ok(api.tx.invoices.reverse(invoices[0], 'InvoicingError', [], hash(3)), sme);
  // Revoking a financing releases what it pledged.
  const second = eventOf(await ok(api.tx.credit.attest(orgs.sme, type, hash(8), null, now, now + 90 * DAY, [invoices[1]]), bank), 'Attested').attestation.toNumber();
  assert.equal((await api.query.invoices.receivableClaims(invoices[1])).unwrap().id.toNumber(), second);
  await ok(api.tx.credit.revoke(second, hash(12)), bank);
  assert.equal((await api.query.invoices.receivableClaims(invoices[1])).isNone, true);

  const frozen = await graded(1);
  await ok(api.tx.credit.freeze(frozen, hash(10)), ferdie);
  assert.equal((await submit(api, api.tx.credit.revoke(frozen, hash(11)), bob)).error, 'credit.Frozen');
  assert.equal((await api.call.creditApi.attestation(frozen)).unwrap().frozen.isTrue, true);
  await ok(api.tx.credit.unfreeze(frozen), ferdie);
  await ok(api.tx.credit.revoke(frozen, hash(11)), bob);
});
