// Provenance on a running `--dev` node, through @polkadot/api: market regulation gives a
// manufacturer, a carrier and a retailer their roles; the manufacturer registers a class (GTIN),
// a batch and its units, packs them in a case and a pallet; the pallet travels in two-step
// handovers (shipped by the carrier, received by the shop); the shop sells a unit once; a copied
// code is flagged; market regulation recalls the class in one call and reads whom to notify;
// an offer pending at the recall cannot be accepted but by the maker.
// Queries come from `api.call.provenanceApi`; every refusal is checked by its decoded error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { chainNow, itemId, registerOrganization, sampleCreditCode, startDevNode, submit } from './helpers.mjs';

let dev;
let api;
let charlie; // market regulation
let maker;
let carrier;
let shop;
let rival; // a second manufacturer
const orgs = {};
const hash = (n) => u8aToHex(new Uint8Array(32).fill(n));
const code = (text) => blake2AsHex(text); // the hash of a printed serial / QR code
const FACTORY = 1234567890128; // GLNs with right check digits
const DEPOT = 4006381333931;
const SHELF = 96385074;
const unitCodes = Array.from({ length: 6 }, (_, i) => code(`TEA-2026-0001-${i}`));
// Ids the chain derives from codes and their scope (the class; the container's labeller).
let units;
let CASE;
let PALLET;

const ok = async (tx, signer) => {
  const result = await submit(api, tx, signer);
  assert.equal(result.error, null);
  return result;
};
const eventOf = (result, name) => result.events.find(({ event }) => api.events.provenance[name].is(event)).event.data;
const status = async (item) => (await api.call.provenanceApi.itemStatus(item)).unwrap();

before(async () => {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  dev = await startDevNode('regchain-provenance-');
  ({ api } = dev);
  charlie = keyring.addFromUri('//Charlie');
  maker = keyring.addFromUri('//HangzhouTeaWorks');
  carrier = keyring.addFromUri('//YangtzeLogistics');
  shop = keyring.addFromUri('//NanjingRoadGrocer');
  rival = keyring.addFromUri('//CopycatTeaCo');
  let n = 2201;
  for (const [name, who, role] of [['maker', maker, 'Manufacturer'], ['carrier', carrier, 'Logistics'], ['shop', shop, 'Retailer'], ['rival', rival, 'Manufacturer']]) {
    assert.equal((await registerOrganization(api, charlie, { kind: 'Enterprise', name, code: sampleCreditCode(n++), account: who })).error, null);
    orgs[name] = (await api.query.consortium.accountOrganization(who.address)).unwrap().toNumber();
    await ok(api.tx.consortium.grantRole(orgs[name], role), charlie);
  }
  orgs.market = (await api.query.consortium.accountOrganization(charlie.address)).unwrap().toNumber();
});

after(async () => {
  await dev?.stop();
});

let klass;
let batch;

test('a manufacturer registers a class with a GTIN, a batch and its units once; a bad GTIN or a duplicate is refused', async () => {
  klass = eventOf(await ok(api.tx.provenance.registerClass('TEA-250G', 4006381333931, hash(1)), maker), 'ClassRegistered').class.toNumber();
  assert.equal((await submit(api, api.tx.provenance.registerClass('TEA-500G', 4006381333932, hash(1)), maker)).error, 'provenance.InvalidGtin');
  assert.equal((await submit(api, api.tx.provenance.registerClass('TEA-500G', 4006381333931, hash(1)), maker)).error, 'provenance.GtinTaken');
  assert.equal((await submit(api, api.tx.provenance.registerClass('X', null, hash(1)), shop)).error, 'BadOrigin');
  const now = await chainNow(api);
  batch = eventOf(await ok(api.tx.provenance.registerBatch(klass, hash(2), now), maker), 'BatchRegistered').batch.toNumber();
  const registered = eventOf(await ok(api.tx.provenance.registerItems(batch, unitCodes, FACTORY), maker), 'ItemsRegistered');
  assert.equal(registered.count.toNumber(), 6);
  units = unitCodes.map((c) => itemId({ class: klass }, c));
  assert.equal((await submit(api, api.tx.provenance.registerItems(batch, [unitCodes[0]], FACTORY), maker)).error, 'provenance.ItemExists');
  assert.equal((await submit(api, api.tx.provenance.registerItems(batch, [code('x')], 1234567890127), maker)).error, 'provenance.InvalidLocation');
  const unit = await status(units[0]);
  assert.equal(unit.custodian.toNumber(), orgs.maker);
  assert.equal(unit.status.type, 'InStock');
  assert.equal(unit.class.unwrap()[1].gtin.unwrap().toNumber(), 4006381333931);
  // An unknown code is no genuine item; nor is a code hash not scoped by its class.
  assert.ok((await api.call.provenanceApi.itemStatus(itemId({ class: klass }, code('counterfeit')))).isNone);
  assert.ok((await api.call.provenanceApi.itemStatus(unitCodes[0])).isNone);
});

test("a rival registering the maker's codes first, as its units or containers, takes none of the maker's", async () => {
  const rivalClass = eventOf(await ok(api.tx.provenance.registerClass('FAKE-TEA', null, hash(1)), rival), 'ClassRegistered').class.toNumber();
  const rivalBatch = eventOf(await ok(api.tx.provenance.registerBatch(rivalClass, hash(2), await chainNow(api)), rival), 'BatchRegistered').batch.toNumber();
  const nextCodes = [code('TEA-2026-0001-next')];
  await ok(api.tx.provenance.registerItems(rivalBatch, nextCodes, FACTORY), rival);
  await ok(api.tx.provenance.registerContainers(nextCodes, 1, FACTORY), carrier);
  // The maker registers them all the same, as units of its new product; each is its own
  // scope's item.
  const green = eventOf(await ok(api.tx.provenance.registerClass('GREEN-TEA-100G', null, hash(1)), maker), 'ClassRegistered').class.toNumber();
  const greenBatch = eventOf(await ok(api.tx.provenance.registerBatch(green, hash(2), await chainNow(api)), maker), 'BatchRegistered').batch.toNumber();
  await ok(api.tx.provenance.registerItems(greenBatch, nextCodes, FACTORY), maker);
  const ours = await status(itemId({ class: green }, nextCodes[0]));
  assert.equal(ours.custodian.toNumber(), orgs.maker);
  assert.equal(ours.class.unwrap()[0].toNumber(), green);
  assert.equal((await status(itemId({ class: rivalClass }, nextCodes[0]))).custodian.toNumber(), orgs.rival);
  assert.equal((await status(itemId({ packer: orgs.carrier }, nextCodes[0]))).item.kind.type, 'Container');
});

test('a pallet of cases travels in two-step handovers and moves every unit in it', async () => {
  const [caseCode, palletCode] = [code('SSCC-case-1'), code('SSCC-pallet-1')];
  await ok(api.tx.provenance.registerContainers([caseCode], 1, FACTORY), maker);
  await ok(api.tx.provenance.registerContainers([palletCode], 2, FACTORY), maker);
  [CASE, PALLET] = [caseCode, palletCode].map((c) => itemId({ packer: orgs.maker }, c));
  await ok(api.tx.provenance.pack(CASE, units.slice(0, 4)), maker);
  await ok(api.tx.provenance.pack(PALLET, [CASE]), maker);
  assert.equal((await submit(api, api.tx.provenance.offer([units[0]], orgs.carrier, hash(11)), maker)).error, 'provenance.Packed');
  await ok(api.tx.provenance.offer([PALLET], orgs.carrier, hash(11)), maker);
  assert.equal((await submit(api, api.tx.provenance.accept([PALLET], SHELF, hash(12)), shop)).error, 'provenance.NotReceiver');
  const shipped = eventOf(await ok(api.tx.provenance.accept([PALLET], DEPOT, hash(12)), carrier), 'Accepted');
  assert.equal(shipped.shipped.isTrue, true);
  const inTransit = await status(units[2]);
  assert.equal(inTransit.custodian.toNumber(), orgs.carrier);
  assert.equal(inTransit.location.toNumber(), DEPOT);
  await ok(api.tx.provenance.offer([PALLET], orgs.shop, hash(11)), carrier);
  await ok(api.tx.provenance.accept([PALLET], SHELF, hash(12)), shop);
  await ok(api.tx.provenance.unpack(PALLET, [CASE]), shop);
  await ok(api.tx.provenance.unpack(CASE, units.slice(0, 4)), shop);
  assert.equal((await status(units[0])).custodian.toNumber(), orgs.shop);
  const history = await api.call.provenanceApi.history(PALLET, 0, 100);
  assert.deepEqual(history.map(([, e]) => e.kind.type), ['Produced', 'Offered', 'Shipped', 'Offered', 'Received']);
  assert.equal(history[2][1].kind.asShipped.from.toNumber(), orgs.maker);
  assert.equal(history[1][1].document.toHex(), hash(11)); // the waybill
  assert.equal(history[2][1].document.toHex(), hash(12)); // the carrier's receipt
  assert.equal(history[2][1].location.unwrap().toNumber(), DEPOT);
  // The unit's own history says when it went into the case and came out of it.
  const unitHistory = (await api.call.provenanceApi.history(units[0], 0, 100)).map(([, e]) => e.kind.type);
  assert.deepEqual(unitHistory, ['Produced', 'Packed', 'Unpacked']);
  const holders = (await api.call.provenanceApi.custodiansOfBatch(batch, null, 100)).map(([org, n]) => [org.toNumber(), n.toNumber()]).sort();
  assert.deepEqual(holders, [[orgs.maker, 2], [orgs.shop, 4]].sort());
});

test('the shop sells a unit once; a copied code is reported and market regulation clears it; members report', async () => {
  await ok(api.tx.provenance.putOnSale([units[0], units[1]]), shop);
  await ok(api.tx.provenance.sell([units[0]], hash(3)), shop);
  assert.equal((await submit(api, api.tx.provenance.sell([units[0]], hash(3)), shop)).error, 'provenance.AlreadySold');
  assert.equal((await submit(api, api.tx.provenance.sell([units[2]], hash(3)), shop)).error, 'provenance.NotOnSale');
  assert.equal((await status(units[0])).status.type, 'Sold');
  // The carrier scans a code the shop holds: the code was copied.
  const flagged = eventOf(await ok(api.tx.provenance.scan(units[1], DEPOT), carrier), 'CloneSuspected');
  assert.equal(flagged.reason.type, 'ScannedOutOfCustody');
  // Reported, not ruled: the public is told a scan was reported, not that it is a clone.
  assert.equal((await status(units[1])).item.suspicion.type, 'Reported');
  const publicView = async (unit) => (await api.call.provenanceApi.verifyItem(unit)).unwrap().suspicion.type;
  assert.equal(await publicView(units[1]), 'Reported');
  // Only market regulation rules on it; it clears the carrier's report, and the public sees so.
  assert.equal((await submit(api, api.tx.provenance.clearSuspicion(units[1], hash(6)), carrier)).error, 'BadOrigin');
  assert.equal((await submit(api, api.tx.provenance.confirmClone(units[2], hash(6)), charlie)).error, 'provenance.NotReported');
  const cleared = eventOf(await ok(api.tx.provenance.clearSuspicion(units[1], hash(6)), charlie), 'SuspicionCleared');
  assert.equal(cleared.finding.toHex(), hash(6));
  assert.equal(await publicView(units[1]), 'Cleared');
  await ok(api.tx.provenance.report(units[1], hash(4)), charlie);
  assert.equal((await status(units[1])).item.reports.toNumber(), 1);
});

test('market regulation recalls the class in one call; recalled goods go back or are destroyed; a frozen batch does not move', async () => {
  assert.equal((await submit(api, api.tx.provenance.recallClass(klass, hash(5)), shop)).error, 'BadOrigin');
  // An offer still pending when the recall comes.
  await ok(api.tx.provenance.offer([units[4]], orgs.shop, hash(11)), maker);
  const recalled = eventOf(await ok(api.tx.provenance.recallClass(klass, hash(5)), charlie), 'Recalled');
  const recall = recalled.recall.toNumber();
  for (const unit of units.slice(1)) {
    assert.equal((await status(unit)).recall.unwrap()[0].toNumber(), recall);
  }
  // The public's view says so too.
  const verified = (await api.call.provenanceApi.verifyItem(units[1])).unwrap();
  assert.equal(verified.recall.unwrap()[0].toNumber(), recall);
  assert.equal(verified.retailer.unwrap().toNumber(), orgs.shop);
  // The finding: the shop took recalled goods into stock through the older offer.
  assert.equal((await submit(api, api.tx.provenance.accept([units[4]], SHELF, hash(12)), shop)).error, 'provenance.Recalled');
  await ok(api.tx.provenance.reject([units[4]], hash(13)), shop);
  assert.equal((await status(units[4])).custodian.toNumber(), orgs.maker);
  assert.deepEqual((await api.call.provenanceApi.batchesOfClass(klass, null, 100)).map((b) => b.toNumber()), [batch]);
  assert.equal((await submit(api, api.tx.provenance.offer([units[2]], orgs.carrier, hash(11)), shop)).error, 'provenance.Recalled');
  assert.equal((await submit(api, api.tx.provenance.putOnSale([units[3]]), shop)).error, 'provenance.Recalled');
  await ok(api.tx.provenance.offer([units[2]], orgs.maker, hash(11)), shop);
  await ok(api.tx.provenance.accept([units[2]], FACTORY, hash(12)), maker);
  await ok(api.tx.provenance.destroy([units[3]], hash(6)), shop);
  const holders = (await api.call.provenanceApi.custodiansOfBatch(batch, null, 100)).map(([org, n]) => [org.toNumber(), n.toNumber()]).sort();
  assert.deepEqual(holders, [[orgs.maker, 3], [orgs.shop, 1]].sort());
  await ok(api.tx.provenance.freeze(batch, hash(7)), charlie);
  assert.equal((await submit(api, api.tx.provenance.destroy([units[4]], hash(6)), maker)).error, 'provenance.Frozen');
  await ok(api.tx.provenance.unfreeze(batch), charlie);
});
