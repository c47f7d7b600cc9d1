// Blockchain invoices on a running `--dev` node, through @polkadot/api as a taxpayer's or the
// tax bureau's front-end uses them: the tax bureau authorizes an issuer, the issuer invoices a
// member buyer named by its credit code, the buyer confirms and reimburses once, reversals
// with the buyer's confirmation, refusals with their pallet errors, the runtime API
// (`api.call.invoicesApi`) and an independent replay of the issuer's hash chain.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { blake2AsU8a, cryptoWaitReady } from '@polkadot/util-crypto';
import { stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { registerOrganization, startDevNode, submit } from './helpers.mjs';

let dev;
let api;
let keyring;
let seller;
let buyer;
let noRole;
const orgs = {};

const SELLER_CODE = '91350100M000100Y43';
const BUYER_CODE = '91440300708461136T';
const OTHER_CODE = '91110000802100433B';
const doc = (n) => u8aToHex(new Uint8Array(32).fill(n));
const line = (units, unitPrice, rate) => ({ description: doc(9), quantity: units * 1000, unitPrice, rate });

before(async () => {
  await cryptoWaitReady();
  keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  dev = await startDevNode('regchain-invoices-');
  ({ api } = dev);
  seller = keyring.addFromUri('//ShanghaiSteel');
  buyer = keyring.addFromUri('//PudongWidgets');
  noRole = keyring.addFromUri('//NoRole');
  const charlie = keyring.addFromUri('//Charlie');
  for (const [name, code, who] of [['seller', SELLER_CODE, seller], ['buyer', BUYER_CODE, buyer], ['noRole', OTHER_CODE, noRole]]) {
    const result = await registerOrganization(api, charlie, { name, code, account: who });
    assert.equal(result.error, null);
    orgs[name] = (await api.query.consortium.accountOrganization(who.address)).unwrap().toNumber();
  }
  const bob = keyring.addFromUri('//Bob');
  assert.equal((await submit(api, api.tx.consortium.grantRole(orgs.seller, 'InvoiceIssuer'), bob)).error, null);
  const limits = { perInvoice: 1_000_000, perMonth: 5_000_000 };
  const set = await submit(api, api.tx.invoices.setIssuerLimits(orgs.seller, limits), bob);
  assert.equal(set.error, null);
  assert.ok(set.events.some(({ event }) => api.events.invoices.IssuerLimitsSet.is(event)));
});

after(async () => {
  await dev?.stop();
});

const issue = (who, buyerRef, lines) =>
  submit(api, api.tx.invoices.issue(buyerRef, lines, doc(1)), who);
const ref = (seq) => ({ issuer: orgs.seller, seq });

test('the genesis rate table is the 2026 VAT table', async () => {
  const rate = async (code) => (await api.query.invoices.rates(code)).map((c) => c.rate.unwrap().toJSON());
  assert.deepEqual(await rate(1), [{ basisPoints: 1300 }]);
  assert.deepEqual(await rate(2), [{ basisPoints: 900 }]);
  assert.deepEqual(await rate(6), [{ exempt: null }]);
});

test('an issuer invoices a member named by credit code; the buyer confirms and reimburses once', async () => {
  const issued = await issue(seller, { External: BUYER_CODE }, [line(3, 10_000, 1), line(2, 5_000, 3)]);
  assert.equal(issued.error, null);
  const { event } = issued.events.find(({ event }) => api.events.invoices.InvoiceIssued.is(event));
  assert.deepEqual(event.data.invoice.toJSON(), { issuer: orgs.seller, seq: 0 });
  assert.equal(event.data.buyer.asMember.toNumber(), orgs.buyer);
  // 300.00 yuan at 13 % and 100.00 yuan at 6 %: 400.00 net, 39.00 + 6.00 tax.
  assert.equal(event.data.net.toNumber(), 40_000);
  assert.equal(event.data.tax.toNumber(), 4_500);

  const record = (await api.call.invoicesApi.invoice(ref(0))).unwrap();
  assert.equal(record.invoice.status.toString(), 'Issued');
  assert.equal(record.history.length, 1);
  const received = await api.call.invoicesApi.receivedBy(orgs.buyer, null, 10);
  assert.deepEqual(received.toJSON(), [{ issuer: orgs.seller, seq: 0 }]);

  // Only the buyer answers.
  assert.equal((await submit(api, api.tx.invoices.confirm(ref(0)), noRole)).error, 'invoices.NotBuyer');
  assert.equal((await submit(api, api.tx.invoices.confirm(ref(0)), buyer)).error, null);
  const reimbursed = await submit(api, api.tx.invoices.reimburse(ref(0)), buyer);
  assert.equal(reimbursed.error, null);
  const claimed = reimbursed.events.find(({ event }) => api.events.invoices.InvoiceClaimed.is(event));
  assert.equal(claimed.event.data.amount.toNumber(), 44_500);

  // The classic frauds: a second reimbursement, reversing a reimbursed invoice.
  assert.equal((await submit(api, api.tx.invoices.reimburse(ref(0)), buyer)).error, 'invoices.AlreadyClaimed');
  assert.equal((await submit(api, api.tx.invoices.reverse(ref(0), doc(2)), seller)).error, 'invoices.AlreadyClaimed');

  const period = record.invoice.period.toNumber();
  const totals = await api.call.invoicesApi.periodTotals(orgs.buyer, period);
  assert.equal(totals.input.tax.toNumber(), 4_500);
  assert.equal((await api.call.invoicesApi.periodTotals(orgs.seller, period)).output.count.toNumber(), 1);
});

test('issuing is refused without the role, over the limit and with an unknown rate', async () => {
  assert.equal((await issue(noRole, { Member: orgs.buyer }, [line(1, 100, 1)])).error, 'BadOrigin');
  assert.equal((await issue(seller, { Member: orgs.buyer }, [line(1, 2_000_000, 1)])).error, 'invoices.ExceedsInvoiceLimit');
  assert.equal((await issue(seller, { Member: orgs.buyer }, [line(1, 100, 42)])).error, 'invoices.RateNotFound');
  assert.equal((await issue(seller, { Member: orgs.seller }, [line(1, 100, 1)])).error, 'invoices.BuyerIsSeller');
  // Nothing was numbered.
  assert.equal((await api.call.invoicesApi.chainHead(orgs.seller)).nextSeq.toNumber(), 1);
});

test('a confirmed invoice is reversed only once the buyer confirms the red invoice', async () => {
  assert.equal((await issue(seller, { Member: orgs.buyer }, [line(1, 1_000, 2)])).error, null);
  assert.equal((await submit(api, api.tx.invoices.confirm(ref(1)), buyer)).error, null);
  const reversed = await submit(api, api.tx.invoices.reverse(ref(1), doc(3)), seller);
  assert.equal(reversed.error, null);
  const red = reversed.events.find(({ event }) => api.events.invoices.RedInvoiceIssued.is(event));
  assert.equal(red.event.data.awaitingBuyer.isTrue, true);
  assert.equal(red.event.data.red.seq.toNumber(), 2);
  const pending = (await api.query.invoices.issuedInvoices(orgs.seller, 1)).unwrap().status;
  assert.equal(pending.type, 'ReversalPending');
  assert.equal(pending.asReversalPending.red.toNumber(), 2);

  const confirmed = await submit(api, api.tx.invoices.confirmReversal(ref(2)), buyer);
  assert.equal(confirmed.error, null);
  assert.ok(confirmed.events.some(({ event }) => api.events.invoices.InvoiceReversed.is(event)));
  assert.equal((await submit(api, api.tx.invoices.reverse(ref(1), doc(3)), seller)).error, 'invoices.NotReversible');
  const record = (await api.call.invoicesApi.invoice(ref(1))).unwrap();
  assert.deepEqual(record.history.map((h) => h.change.type),
    ['Issued', 'Confirmed', 'ReversalRequested', 'Reversed']);
});

test('anyone can replay an issuer\'s chain and recompute every hash', async () => {
  const records = await api.call.invoicesApi.invoicesOf(orgs.seller, 0, 100);
  assert.equal(records.length, 3);
  let prev = new Uint8Array(32);
  for (const { id, invoice } of records) {
    assert.equal(u8aToHex(invoice.prevHash), u8aToHex(prev));
    const preimage = u8aConcat(
      stringToU8a('regchain/invoice'),
      api.createType('u32', id.issuer).toU8a(), api.createType('u32', id.seq).toU8a(),
      invoice.kind.toU8a(), invoice.buyer.toU8a(), invoice.lines.toU8a(),
      invoice.net.toU8a(), invoice.tax.toU8a(), invoice.document.toU8a(), invoice.prevHash.toU8a(),
      invoice.issuedAt.toU8a(), invoice.period.toU8a(),
    );
    // Not `invoice.hash`: Polkadot.js gives every decoded value a `.hash` of its own.
    assert.equal(u8aToHex(blake2AsU8a(preimage, 256)), invoice.contentHash.toHex());
    prev = invoice.contentHash.toU8a();
  }
  assert.equal((await api.call.invoicesApi.chainHead(orgs.seller)).lastHash.toHex(), u8aToHex(prev));
});

test('the tax bureau freezes an invoice for audit: no claim and no reversal until it lifts the freeze', async () => {
  const bob = keyring.addFromUri('//Bob');
  const seq = (await api.call.invoicesApi.chainHead(orgs.seller)).nextSeq.toNumber();
  assert.equal((await issue(seller, { Member: orgs.buyer }, [line(1, 1_000, 1)])).error, null);
  assert.equal((await submit(api, api.tx.invoices.confirm(ref(seq)), buyer)).error, null);
  assert.equal((await submit(api, api.tx.invoices.freeze(ref(seq), doc(0xa0)), noRole)).error, 'BadOrigin');
  const frozen = await submit(api, api.tx.invoices.freeze(ref(seq), doc(0xa0)), bob);
  assert.equal(frozen.error, null);
  const bureau = (await api.query.consortium.accountOrganization(bob.address)).unwrap().toNumber();
  const { event } = frozen.events.find(({ event }) => api.events.invoices.Frozen.is(event));
  assert.deepEqual([event.data.by.toNumber(), event.data.reason.toHex()], [bureau, doc(0xa0)]);
  assert.equal((await submit(api, api.tx.invoices.freeze(ref(seq), doc(0xa0)), bob)).error, 'invoices.AlreadyFrozen');
  assert.equal((await submit(api, api.tx.invoices.reimburse(ref(seq)), buyer)).error, 'invoices.Frozen');
  assert.equal((await submit(api, api.tx.invoices.reverse(ref(seq), doc(2)), seller)).error, 'invoices.Frozen');
  // Its record carries the freeze; the agencies' list of frozen invoices names it (the
  // record id: issuer in the high 32 bits, number in the low 32).
  const record = (await api.call.invoicesApi.invoice(ref(seq))).unwrap();
  assert.equal(record.frozen.unwrap().by.toNumber(), bureau);
  assert.equal(record.history[record.history.length - 1].change.toString(), 'Frozen');
  const listed = (await api.call.invoicesApi.frozen(null, 100)).map((f) => BigInt(f.id.toString()));
  assert.ok(listed.includes((BigInt(orgs.seller) << 32n) | BigInt(seq)));
  assert.equal((await submit(api, api.tx.invoices.unfreeze(ref(seq)), bob)).error, null);
  assert.equal((await submit(api, api.tx.invoices.reimburse(ref(seq)), buyer)).error, null);
});
