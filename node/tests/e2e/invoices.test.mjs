// Blockchain invoices on a running `--dev` node, through @polkadot/api as a taxpayer's or the
// tax bureau's front-end uses them: the tax bureau authorizes an issuer, the issuer invoices a
// member buyer named by its credit code, the buyer confirms receipt, confirms its use
// (deduction) and reimburses once, the period's totals a row a VAT rate, an ordinary invoice
// to a consumer, an abnormal invoice transferred out and restored, limits on the net amount,
// red letters (a reversal the buyer confirms, a partial one the buyer raises and the seller
// confirms, one of a reimbursed invoice and what its claim holder sees, a lapsed request),
// refusals with their pallet errors, the runtime API (`api.call.invoicesApi`) and an
// independent replay of the issuer's hash chain.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { blake2AsU8a, cryptoWaitReady } from '@polkadot/util-crypto';
import { stringToU8a, u8aConcat, u8aToHex, u8aToString } from '@polkadot/util';
import { chainNow, registerOrganization, startDevNode, submit } from './helpers.mjs';

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
// A line of whole units at a price in fen, tax excluded; the chain takes prices in millionths
// of a fen and the 19-digit tax classification code (electricity here).
const POWER = 1100101020000000000n;
const line = (units, fen, rate) => ({
  description: doc(9), classification: POWER, quantity: units * 1000, unitPrice: BigInt(fen) * 1_000_000n,
  taxIncluded: false, discount: 0, rate,
});

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

const issue = (who, buyerRef, lines, type = 'Special') =>
  submit(api, api.tx.invoices.issue(type, buyerRef, lines, doc(1)), who);
// A period's rows as [rate, sums] pairs of plain JSON.
const rows = (side) => side.map((r) => [r.rate.toJSON(), r.sums.toJSON()]);
const sum = (count, net, tax) => ({ count, net, tax });
const ref = (seq) => ({ issuer: orgs.seller, seq });

test('the genesis rate table is the 2026 VAT table', async () => {
  const rate = async (code) => (await api.query.invoices.rates(code)).map((c) => c.rate.unwrap().toJSON());
  assert.deepEqual(await rate(1), [{ basisPoints: 1300 }]);
  assert.deepEqual(await rate(2), [{ basisPoints: 900 }]);
  assert.deepEqual(await rate(6), [{ exempt: null }]);
  // Small-scale taxpayers' 1 % (until 2027) and the simplified method's 5 %.
  assert.deepEqual(await rate(7), [{ basisPoints: 100 }]);
  assert.deepEqual(await rate(8), [{ basisPoints: 500 }]);
});

test('a special invoice to a member named by credit code: received, its deduction confirmed, reimbursed once; the period\'s totals by rate', async () => {
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

  // Only the buyer answers. Receipt counts nothing; the use confirmation deducts.
  assert.equal((await submit(api, api.tx.invoices.confirm(ref(0)), noRole)).error, 'invoices.NotBuyer');
  assert.equal((await submit(api, api.tx.invoices.confirm(ref(0)), buyer)).error, null);
  const period = record.invoice.period.toNumber();
  assert.equal((await api.call.invoicesApi.periodTotals(orgs.buyer, period)).input.length, 0);
  assert.equal((await submit(api, api.tx.invoices.confirmUse(ref(0), 'Deduct'), noRole)).error, 'invoices.NotBuyer');
  const used = await submit(api, api.tx.invoices.confirmUse(ref(0), 'Deduct'), buyer);
  assert.equal(used.error, null);
  const confirmation = used.events.find(({ event }) => api.events.invoices.UseConfirmed.is(event));
  assert.equal(confirmation.event.data.period.toNumber(), period);
  assert.equal((await submit(api, api.tx.invoices.confirmUse(ref(0), 'Refund'), buyer)).error, 'invoices.UseAlreadyConfirmed');
  const reimbursed = await submit(api, api.tx.invoices.reimburse(ref(0)), buyer);
  assert.equal(reimbursed.error, null);
  const claimed = reimbursed.events.find(({ event }) => api.events.invoices.InvoiceClaimed.is(event));
  assert.equal(claimed.event.data.amount.toNumber(), 44_500);

  // The classic fraud: a second reimbursement.
  assert.equal((await submit(api, api.tx.invoices.reimburse(ref(0)), buyer)).error, 'invoices.AlreadyClaimed');

  // A row a rate, in the order of the VAT return's schedules: 13 % before 6 %.
  const none = sum(0, 0, 0);
  const buyerTotals = await api.call.invoicesApi.periodTotals(orgs.buyer, period);
  assert.deepEqual(rows(buyerTotals.input), [
    [{ basisPoints: 1300 }, { deducted: sum(1, 30_000, 3_900), notDeducted: none, refund: none, red: none, transferredOut: none, restored: none }],
    [{ basisPoints: 600 }, { deducted: sum(1, 10_000, 600), notDeducted: none, refund: none, red: none, transferredOut: none, restored: none }],
  ]);
  const sellerTotals = await api.call.invoicesApi.periodTotals(orgs.seller, period);
  assert.deepEqual(rows(sellerTotals.output), [
    [{ basisPoints: 1300 }, { special: sum(1, 30_000, 3_900), ordinary: none, specialRed: none, ordinaryRed: none }],
    [{ basisPoints: 600 }, { special: sum(1, 10_000, 600), ordinary: none, specialRed: none, ordinaryRed: none }],
  ]);
});

test('issuing is refused without the role, over the limit and with an unknown rate', async () => {
  assert.equal((await issue(noRole, { Member: orgs.buyer }, [line(1, 100, 1)])).error, 'BadOrigin');
  assert.equal((await issue(seller, { Member: orgs.buyer }, [line(1, 2_000_000, 1)])).error, 'invoices.ExceedsInvoiceLimit');
  assert.equal((await issue(seller, { Member: orgs.buyer }, [line(1, 100, 42)])).error, 'invoices.RateNotFound');
  assert.equal((await issue(seller, { Member: orgs.seller }, [line(1, 100, 1)])).error, 'invoices.BuyerIsSeller');
  assert.equal((await issue(seller, { Person: { commitment: null } }, [line(1, 100, 1)])).error, 'invoices.SpecialToPerson');
  // Nothing was numbered.
  assert.equal((await api.call.invoicesApi.chainHead(orgs.seller)).nextSeq.toNumber(), 1);
});

// The seller's red letter of `seq`: in full (an invoicing error), or the `lines` named.
const reverse = (seq, reason = 'InvoicingError', lines = []) =>
  api.tx.invoices.reverse(ref(seq), reason, lines, doc(3));

test('a received invoice is reversed only once the buyer confirms the seller\'s request', async () => {
  assert.equal((await issue(seller, { Member: orgs.buyer }, [line(1, 1_000, 2)])).error, null);
  assert.equal((await submit(api, api.tx.invoices.confirm(ref(1)), buyer)).error, null);
  const requested = await submit(api, reverse(1), seller);
  assert.equal(requested.error, null);
  const { event } = requested.events.find(({ event }) => api.events.invoices.RedRequested.is(event));
  assert.deepEqual([event.data.by.toString(), event.data.net.toNumber(), event.data.tax.toNumber()], ['Seller', 1_000, 90]);
  // Nothing is numbered while it awaits the buyer; the request locks the invoice.
  assert.equal((await api.call.invoicesApi.chainHead(orgs.seller)).nextSeq.toNumber(), 2);
  const pending = (await api.call.invoicesApi.invoice(ref(1))).unwrap();
  assert.equal(pending.request.unwrap().raisedBy.toString(), 'Seller');
  assert.equal((await submit(api, api.tx.invoices.reimburse(ref(1)), buyer)).error, 'invoices.RequestPending');
  assert.equal((await submit(api, api.tx.invoices.confirmReversal(ref(1)), seller)).error, 'invoices.NotOtherParty');

  const confirmed = await submit(api, api.tx.invoices.confirmReversal(ref(1)), buyer);
  assert.equal(confirmed.error, null);
  const issued = confirmed.events.find(({ event }) => api.events.invoices.RedInvoiceIssued.is(event));
  assert.equal(issued.event.data.red.seq.toNumber(), 2);
  assert.equal(issued.event.data.remaining.toNumber(), 0);
  assert.ok(confirmed.events.some(({ event }) => api.events.invoices.InvoiceReversed.is(event)));
  assert.equal((await submit(api, reverse(1), seller)).error, 'invoices.NotReversible');
  const record = (await api.call.invoicesApi.invoice(ref(1))).unwrap();
  assert.deepEqual(record.history.map((h) => h.change.type),
    ['Issued', 'Confirmed', 'RedRequested', 'Reversed']);
  assert.equal(record.request.isNone, true);
});

test('anyone can replay an issuer\'s chain and recompute every hash', async () => {
  const records = await api.call.invoicesApi.invoicesOf(orgs.seller, 0, 100);
  assert.equal(records.length, 3);
  let prev = new Uint8Array(32);
  for (const { id, invoice } of records) {
    assert.equal(u8aToHex(invoice.prevHash), u8aToHex(prev));
    // Invoices issued since spec 123 (preimage V2) hash the type after the kind and the clerk
    // (the issuing account) after the document.
    assert.equal(invoice.preimage.toString(), 'V2');
    const preimage = u8aConcat(
      stringToU8a('regchain/invoice/2'),
      api.createType('u32', id.issuer).toU8a(), api.createType('u32', id.seq).toU8a(),
      invoice.kind.toU8a(), invoice.invoiceType.toU8a(), invoice.buyer.toU8a(), invoice.lines.toU8a(),
      invoice.net.toU8a(), invoice.tax.toU8a(), invoice.document.toU8a(), invoice.clerk.toU8a(), invoice.prevHash.toU8a(),
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
  assert.equal((await submit(api, reverse(seq), seller)).error, 'invoices.Frozen');
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

test('lines as the tax clerk writes them: a price to the thousandth of a yuan, tax included, a discount; the clerk recorded', async () => {
  const seq = (await api.call.invoicesApi.chainHead(orgs.seller)).nextSeq.toNumber();
  // 1,234.5 kWh at 0.617 yuan tax included, 1.69 yuan off: 760.00 → 672.57 + 87.43 at 13 %.
  const power = { ...line(1, 1, 1), quantity: 1_234_500, unitPrice: 61_700_000, taxIncluded: true, discount: 169 };
  assert.equal((await issue(seller, { Member: orgs.buyer }, [power])).error, null);
  const { invoice } = (await api.call.invoicesApi.invoice(ref(seq))).unwrap();
  assert.deepEqual([invoice.net.toNumber(), invoice.tax.toNumber()], [67_257, 8_743]);
  assert.equal(invoice.lines[0].classification.toBigInt(), POWER);
  assert.equal(invoice.clerk.unwrap().toString(), seller.address);
  const short = { ...line(1, 100, 1), classification: POWER / 10n };
  assert.equal((await issue(seller, { Member: orgs.buyer }, [short])).error, 'invoices.InvalidClassification');
  assert.equal((await issue(seller, { Member: orgs.buyer }, [{ ...line(1, 100, 1), discount: 100 }])).error, 'invoices.DiscountTooLarge');
});

test('an ordinary invoice to a consumer: no identity on chain, the seller\'s ordinary output, nobody\'s input', async () => {
  const seq = (await api.call.invoicesApi.chainHead(orgs.seller)).nextSeq.toNumber();
  // The consumer gave the hash of a salt it keeps and its identity number, to find it later.
  const commitment = u8aToHex(blake2AsU8a(u8aConcat(stringToU8a('salt-kept-by-the-buyer'), stringToU8a('310101199001011234')), 256));
  const issued = await issue(seller, { Person: { commitment } }, [line(2, 1_500, 7)], 'Ordinary');
  assert.equal(issued.error, null);
  const { event } = issued.events.find(({ event }) => api.events.invoices.InvoiceIssued.is(event));
  assert.equal(event.data.invoiceType.toString(), 'Ordinary');
  assert.equal(event.data.buyer.asPerson.commitment.unwrap().toHex(), commitment);
  const record = (await api.call.invoicesApi.invoice(ref(seq))).unwrap();
  // 30.00 yuan at the small-scale 1 %: 0.30 tax.
  assert.deepEqual([record.invoice.net.toNumber(), record.invoice.tax.toNumber()], [3_000, 30]);
  const period = record.invoice.period.toNumber();
  const sellerTotals = await api.call.invoicesApi.periodTotals(orgs.seller, period);
  const onePercent = rows(sellerTotals.output).find(([rate]) => rate.basisPoints === 100);
  assert.deepEqual(onePercent[1].ordinary, sum(1, 3_000, 30));
  // Nobody confirms it; the public check shows its type.
  const check = await api.call.invoicesApi.verify(SELLER_CODE, seq, record.invoice.contentHash);
  assert.equal(check.unwrap().invoiceType.toString(), 'Ordinary');
  assert.equal(check.unwrap().abnormal.isFalse, true);
});

test('an abnormal invoice: the deducted input is transferred out in the current period and restored when cleared', async () => {
  const bob = keyring.addFromUri('//Bob');
  const seq = (await api.call.invoicesApi.chainHead(orgs.seller)).nextSeq.toNumber();
  assert.equal((await issue(seller, { Member: orgs.buyer }, [line(1, 2_000, 2)])).error, null);
  assert.equal((await submit(api, api.tx.invoices.confirm(ref(seq)), buyer)).error, null);
  assert.equal((await submit(api, api.tx.invoices.confirmUse(ref(seq), 'Deduct'), buyer)).error, null);
  assert.equal((await submit(api, api.tx.invoices.markAbnormal(ref(seq), doc(0x38)), seller)).error, 'BadOrigin');
  const marked = await submit(api, api.tx.invoices.markAbnormal(ref(seq), doc(0x38)), bob);
  assert.equal(marked.error, null);
  const { event } = marked.events.find(({ event }) => api.events.invoices.MarkedAbnormal.is(event));
  assert.equal(event.data.transferred.isTrue, true);
  const period = (await api.call.invoicesApi.invoice(ref(seq))).unwrap().invoice.period.toNumber();
  const nine = () => api.call.invoicesApi.periodTotals(orgs.buyer, period)
    .then((t) => rows(t.input).find(([rate]) => rate.basisPoints === 900)[1]);
  assert.deepEqual((await nine()).transferredOut, sum(1, 2_000, 180));
  assert.equal((await submit(api, api.tx.invoices.reimburse(ref(seq)), buyer)).error, 'invoices.Abnormal');
  assert.equal((await submit(api, reverse(seq), seller)).error, 'invoices.Abnormal');
  assert.equal((await submit(api, api.tx.invoices.clearAbnormal(ref(seq)), bob)).error, null);
  assert.deepEqual((await nine()).restored, sum(1, 2_000, 180));
  assert.equal((await submit(api, api.tx.invoices.reimburse(ref(seq)), buyer)).error, null);
  const record = (await api.call.invoicesApi.invoice(ref(seq))).unwrap();
  assert.deepEqual(record.history.map((h) => h.change.type),
    ['Issued', 'Confirmed', 'UseConfirmed', 'MarkedAbnormal', 'AbnormalCleared', 'Claimed']);
});

test('limits count the net amount: an invoice at the limit before VAT is issued, the month\'s limit is reached on net amounts', async () => {
  const bob = keyring.addFromUri('//Bob');
  // Room for 30,000.00 yuan more this month, net; 20,000.00 an invoice.
  const seq = (await api.call.invoicesApi.chainHead(orgs.seller)).nextSeq.toNumber();
  const period = (await api.call.invoicesApi.invoice(ref(seq - 1))).unwrap().invoice.period.toNumber();
  const before = await api.call.invoicesApi.periodTotals(orgs.seller, period);
  const used = before.output.reduce((n, r) => n + r.sums.special.net.toNumber() + r.sums.ordinary.net.toNumber(), 0);
  const room = { perInvoice: 2_000_000, perMonth: used + 3_000_000 };
  assert.equal((await submit(api, api.tx.invoices.setIssuerLimits(orgs.seller, room), bob)).error, null);
  // 20,000.00 net at 13 %: 22,600.00 with the tax, issued.
  assert.equal((await issue(seller, { Member: orgs.buyer }, [line(1, 2_000_000, 1)])).error, null);
  assert.equal((await issue(seller, { Member: orgs.buyer }, [line(1, 2_000_001, 6)])).error, 'invoices.ExceedsInvoiceLimit');
  // 10,000.00 more net reaches the month's limit; a fen more is refused.
  assert.equal((await issue(seller, { Member: orgs.buyer }, [line(1, 1_000_000, 1)])).error, null);
  assert.equal((await issue(seller, { Member: orgs.buyer }, [line(1, 1, 6)])).error, 'invoices.ExceedsMonthlyLimit');
  assert.equal((await api.call.invoicesApi.chainHead(orgs.seller)).nextSeq.toNumber(), seq + 2);
});

test('the printed invoice: its export names the parties by credit code, its QR code verifies, an altered one does not', async () => {
  const printed = (await api.call.invoicesApi.printed(ref(0))).unwrap();
  assert.equal(printed.seller.toString(), SELLER_CODE);
  assert.equal(printed.buyer.unwrap().toString(), BUYER_CODE);
  assert.equal(printed.chain.toHex(), api.genesisHash.toHex());
  const qr = u8aToString(printed.qr.toU8a(true));
  const date = printed.date.toNumber();
  assert.equal(qr, `RC1,${api.genesisHash.toHex()},${SELLER_CODE},0,S,B,40000,4500,${date},${printed.invoice.contentHash.toHex()}`);
  const check = (text) => api.call.invoicesApi.verifyPrinted(u8aToHex(stringToU8a(text)));
  const genuine = (await check(qr)).unwrap();
  assert.deepEqual([genuine.net.toNumber(), genuine.tax.toNumber(), genuine.invoiceType.toString()], [40_000, 4_500, 'Special']);
  // An amount, a date or a chain altered on the paper: not this chain's invoice.
  for (const forged of [qr.replace(',40000,', ',4000,'), qr.replace(`,${date},`, `,${date + 1},`), qr.replace(api.genesisHash.toHex(), u8aToHex(new Uint8Array(32)))]) {
    assert.equal((await check(forged)).isNone, true, forged);
  }
});

test('a partial red letter raised by the buyer and confirmed by the seller: a return, then an allowance, each within what remains', async () => {
  // The limits test used the month up: the tax bureau raises it again.
  const room = { perInvoice: null, perMonth: 1_000_000_000 };
  assert.equal((await submit(api, api.tx.invoices.setIssuerLimits(orgs.seller, room), keyring.addFromUri('//Bob'))).error, null);
  const seq = (await api.call.invoicesApi.chainHead(orgs.seller)).nextSeq.toNumber();
  // Ten units at 10.00 yuan and two at 50.00 yuan, 13 %: 100.00 and 13.00 a line.
  assert.equal((await issue(seller, { Member: orgs.buyer }, [line(10, 1_000, 1), line(2, 5_000, 1)])).error, null);
  assert.equal((await submit(api, api.tx.invoices.confirm(ref(seq)), buyer)).error, null);
  assert.equal((await submit(api, api.tx.invoices.confirmUse(ref(seq), 'Deduct'), buyer)).error, null);
  // Four units come back.
  const back = [{ line: 0, quantity: 4_000, net: 4_000 }];
  const ask = (reason, lines) => submit(api, api.tx.invoices.requestReversal(ref(seq), reason, lines, doc(4)), buyer);
  assert.equal((await ask('SalesReturn', [{ line: 0, quantity: 0, net: 4_000 }])).error, 'invoices.InvalidRedLine');
  assert.equal((await ask('SalesReturn', [{ line: 0, quantity: 11_000, net: 4_000 }])).error, 'invoices.ExceedsRemaining');
  const asked = await ask('SalesReturn', back);
  assert.equal(asked.error, null);
  const { event } = asked.events.find(({ event }) => api.events.invoices.RedRequested.is(event));
  assert.deepEqual([event.data.by.toString(), event.data.net.toNumber(), event.data.tax.toNumber()], ['Buyer', 4_000, 520]);
  const confirmed = await submit(api, api.tx.invoices.confirmReversal(ref(seq)), seller);
  assert.equal(confirmed.error, null);
  const red = (await api.call.invoicesApi.invoice(ref(seq + 1))).unwrap().invoice;
  assert.deepEqual(red.kind.toJSON(), { red: { original: seq } });
  assert.deepEqual([red.net.toNumber(), red.tax.toNumber(), red.lines[0].quantity.toNumber()], [4_000, 520, 4_000]);
  // The invoice stands for what remains; the line is bounded by it.
  const record = (await api.call.invoicesApi.invoice(ref(seq))).unwrap();
  assert.equal(record.invoice.status.toString(), 'Confirmed');
  assert.deepEqual(record.reduced.unwrap().toJSON(), [{ quantity: 4_000, net: 4_000, tax: 520 }, { quantity: 0, net: 0, tax: 0 }]);
  assert.equal((await ask('SalesReturn', [{ line: 0, quantity: 6_000, net: 6_001 }])).error, 'invoices.ExceedsRemaining');
  // An allowance of 10.00 yuan on the second line, the seller's this time, the buyer confirming.
  const allowance = await submit(api, reverse(seq, 'SalesAllowance', [{ line: 1, quantity: 0, net: 1_000 }]), seller);
  assert.equal(allowance.error, null);
  assert.equal((await submit(api, api.tx.invoices.confirmReversal(ref(seq)), buyer)).error, null);
  // Both red invoices count against the seller's output and the buyer's deducted input.
  const period = record.invoice.period.toNumber();
  const thirteen = (side, org) => api.call.invoicesApi.periodTotals(org, period)
    .then((t) => rows(t[side]).find(([rate]) => rate.basisPoints === 1300)[1]);
  assert.ok((await thirteen('output', orgs.seller)).specialRed.count >= 2);
  const input = await thirteen('input', orgs.buyer);
  assert.ok(input.red.net >= 5_000 && input.red.tax >= 650);
});

test('a red letter of a reimbursed invoice: the reimbursement stays recorded and its holder is told what remains', async () => {
  // Invoice 0 was received, deducted and reimbursed by the buyer (the first test).
  const asked = await submit(api, reverse(0), seller);
  assert.equal(asked.error, null);
  const confirmed = await submit(api, api.tx.invoices.confirmReversal(ref(0)), buyer);
  assert.equal(confirmed.error, null);
  const told = confirmed.events.find(({ event }) => api.events.invoices.ClaimReduced.is(event));
  assert.ok(told, 'the claim holder was told');
  assert.equal(u8aToString(told.event.data.claim.domain.toU8a()), 'rmbs');
  assert.equal(told.event.data.claim.id.toNumber(), orgs.buyer);
  assert.deepEqual([told.event.data.reduced.toNumber(), told.event.data.remaining.toNumber()], [44_500, 0]);
  // The buyer's accountant reads the invoice: reversed, its reimbursement still on it.
  const record = (await api.call.invoicesApi.invoice(ref(0))).unwrap();
  assert.equal(record.invoice.status.type, 'Reversed');
  assert.equal(u8aToString(record.invoice.claim.unwrap().domain.toU8a()), 'rmbs');
});

test('a request nobody answers lapses after its 72 hours: the invoice stands and either party may ask again', async () => {
  const seq = (await api.call.invoicesApi.chainHead(orgs.seller)).nextSeq.toNumber();
  assert.equal((await issue(seller, { Member: orgs.buyer }, [line(1, 1_000, 1)])).error, null);
  assert.equal((await submit(api, api.tx.invoices.confirm(ref(seq)), buyer)).error, null);
  assert.equal((await submit(api, reverse(seq), seller)).error, null);
  assert.equal((await submit(api, api.tx.invoices.lapseReversal(ref(seq)), buyer)).error, 'invoices.ReversalNotDue');
  // Seventy-two hours cannot pass in a test: the dev chain's sudo moves the deadline to now.
  const request = (await api.query.invoices.redRequests(orgs.seller, seq)).unwrap();
  const due = api.createType(request.toRawType(), { ...request.toJSON(), deadline: await chainNow(api) });
  const key = api.query.invoices.redRequests.key(orgs.seller, seq);
  const alice = keyring.addFromUri('//Alice');
  assert.equal((await submit(api, api.tx.sudo.sudo(api.tx.system.setStorage([[key, due.toHex()]])), alice)).error, null);
  assert.equal((await submit(api, api.tx.invoices.confirmReversal(ref(seq)), buyer)).error, 'invoices.ReversalLapsed');
  const lapsed = await submit(api, api.tx.invoices.lapseReversal(ref(seq)), buyer);
  assert.equal(lapsed.error, null);
  assert.ok(lapsed.events.some(({ event }) => api.events.invoices.ReversalLapsed.is(event)));
  const record = (await api.call.invoicesApi.invoice(ref(seq))).unwrap();
  assert.equal(record.invoice.status.toString(), 'Confirmed');
  assert.equal(record.history[record.history.length - 1].change.toString(), 'RequestLapsed');
  assert.equal((await api.call.invoicesApi.chainHead(orgs.seller)).nextSeq.toNumber(), seq + 1);
  assert.equal((await submit(api, api.tx.invoices.requestReversal(ref(seq), 'InvoicingError', [], doc(5)), buyer)).error, null);
});
