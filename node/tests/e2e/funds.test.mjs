// Special-fund accounts on a running `--dev` node, through @polkadot/api: a fund manager opens a
// program with its guide's terms, the finance bureau appropriates its budget, an enterprise
// applies with its project's key, the award is published a week (objections answered, an upheld
// one withdrawing an award), then the enterprise receives a tranche and books expenses — one of
// them justified by an on-chain invoice, which can then be neither reused nor reimbursed — the
// finance bureau freezes and claws back, and the statements come from `api.call.fundsApi`.
// How awards are paid — milestones, after the fact, own money, caps, banks — and evaluated is
// in funds_payments.test.mjs, on a node of its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import {
  ADVANCE, ANY_ENTERPRISE, DAY, chainNow, endPublicity, registerOrganization, startDevNode, submit,
} from './helpers.mjs';

let dev;
let api;
let alice;
let sme;
let supplier;
let rival;
let keyring;
const orgs = {};
const hash = (n) => u8aToHex(new Uint8Array(32).fill(n));

before(async () => {
  await cryptoWaitReady();
  keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  dev = await startDevNode('regchain-funds-');
  ({ api } = dev);
  alice = keyring.addFromUri('//Alice');
  sme = keyring.addFromUri('//PudongWidgets');
  supplier = keyring.addFromUri('//ShanghaiSteel');
  rival = keyring.addFromUri('//MinhangWidgets');
  for (const [name, code, who] of [['sme', '91440300708461136T', sme], ['supplier', '91350100M000100Y43', supplier], ['rival', '91310112000042016E', rival]]) {
    const registered = await registerOrganization(api, keyring.addFromUri('//Charlie'), { name, code, account: who });
    assert.equal(registered.error, null);
    orgs[name] = (await api.query.consortium.accountOrganization(who.address)).unwrap().toNumber();
  }
  orgs.finance = (await api.query.consortium.accountOrganization(alice.address)).unwrap().toNumber();
  // The finance bureau manages funds itself; the tax bureau lets the supplier invoice.
  const bob = keyring.addFromUri('//Bob');
  assert.equal((await submit(api, api.tx.consortium.grantRole(orgs.finance, 'FundManager'), alice)).error, null);
  assert.equal((await submit(api, api.tx.consortium.grantRole(orgs.supplier, 'InvoiceIssuer'), bob)).error, null);
  const limits = { perInvoice: 10_000_000, perMonth: 100_000_000 };
  assert.equal((await submit(api, api.tx.invoices.setIssuerLimits(orgs.supplier, limits), bob)).error, null);
});

after(async () => {
  await dev?.stop();
});

/** A program of the finance bureau (categories 0, equipment, and 1, R&D) for `eligibility`, paid as `rules` say. */
async function createProgram(eligibility = ANY_ENTERPRISE, publicityDays = null, rules = ADVANCE) {
  const now = await chainNow(api);
  const created = await submit(api, api.tx.funds.createProgram(hash(1), 0b11, now, now + 90 * DAY, now + 365 * DAY, eligibility, publicityDays, rules), alice);
  assert.equal(created.error, null);
  return created.events.find(({ event }) => api.events.funds.ProgramCreated.is(event)).event.data.program.toNumber();
}

const applicationOf = (applied) => applied.events.find(({ event }) => api.events.funds.Applied.is(event)).event.data.application.toNumber();

test('a program funds an enterprise from appropriation and publicity to every expense', async () => {
  const program = await createProgram();
  // Applications come in before the appropriation; approvals wait for it.
  const applied = await submit(api, api.tx.funds.apply(program, 5_000_000, hash(2), hash(0x21)), sme);
  assert.equal(applied.error, null);
  const allocation = applicationOf(applied);
  assert.equal((await submit(api, api.tx.funds.approve(allocation, 4_000_000), alice)).error, 'funds.NotAppropriated');
  // The finance bureau appropriates 1,000,000.00 yuan; nobody else sets a budget.
  assert.equal((await submit(api, api.tx.funds.setBudget(program, 100_000_000), sme)).error, 'BadOrigin');
  assert.equal((await submit(api, api.tx.funds.setBudget(program, 100_000_000), alice)).error, null);
  // An enterprise cannot approve; the manager approves less than asked; the award is
  // published a week (7 × 24 h of on-chain time) before it may be paid.
  assert.equal((await submit(api, api.tx.funds.approve(allocation, 4_000_000), sme)).error, 'BadOrigin');
  const approved = await submit(api, api.tx.funds.approve(allocation, 4_000_000), alice);
  assert.equal(approved.error, null);
  const { until } = approved.events.find(({ event }) => api.events.funds.Approved.is(event)).event.data;
  const publicity = (await api.query.funds.publicities(allocation)).unwrap();
  assert.equal(publicity.until.toNumber(), until.toNumber());
  assert.ok(until.toNumber() - (await chainNow(api)) > 7 * DAY - 60_000);
  assert.equal((await submit(api, api.tx.funds.disburse(allocation, 1_500_000, hash(3)), alice)).error, 'funds.InPublicity');
  await endPublicity(api, allocation, alice);
  assert.equal((await submit(api, api.tx.funds.disburse(allocation, 4_000_001, hash(3)), alice)).error, 'funds.ExceedsApproved');
  assert.equal((await submit(api, api.tx.funds.disburse(allocation, 1_500_000, hash(3)), alice)).error, null);

  // An expense without invoice, one in an ineligible category, one beyond the tranche.
  const spend = (amount, category, invoice = null) =>
    submit(api, api.tx.funds.recordExpense(allocation, amount, category, hash(4), hash(5), invoice), sme);
  assert.equal((await spend(200_000, 0)).error, null);
  assert.equal((await spend(1_000, 7)).error, 'funds.IneligibleCategory');
  assert.equal((await spend(1_300_001, 1)).error, 'funds.ExceedsDisbursed');

  // The supplier invoices the enterprise; the confirmed invoice justifies one expense only.
  const line = { description: hash(6), classification: 1100101020000000000n, quantity: 1000, unitPrice: 800_000_000_000, taxIncluded: false, discount: 0, rate: 1 };
  const issued = await submit(api, api.tx.invoices.issue('Special', { Member: orgs.sme }, [line], hash(7)), supplier);
  assert.equal(issued.error, null);
  const invoice = { issuer: orgs.supplier, seq: 0 };
  assert.equal((await spend(900_000, 1, invoice)).error, 'invoices.NotConfirmed');
  assert.equal((await submit(api, api.tx.invoices.confirm(invoice), sme)).error, null);
  assert.equal((await spend(904_001, 1, invoice)).error, 'invoices.AmountNotCovered');
  assert.equal((await spend(904_000, 1, invoice)).error, null);
  assert.equal((await spend(1, 1, invoice)).error, 'invoices.AlreadyClaimed');
  assert.equal((await submit(api, api.tx.invoices.reimburse(invoice), sme)).error, 'invoices.AlreadyClaimed');
  const claim = (await api.call.invoicesApi.invoice(invoice)).unwrap().invoice.claim.unwrap();
  // The claim names its domain (the funds' tag `fund`) and the allocation it justifies.
  assert.equal(Buffer.from(claim.domain.toU8a()).toString(), 'fund');
  assert.equal(claim.id.toNumber(), allocation);

  // The finance bureau freezes the account, claws back unspent money, and it stays frozen.
  assert.equal((await submit(api, api.tx.funds.freeze({ Account: orgs.sme }, hash(0xf0)), alice)).error, null);
  assert.equal((await spend(1, 0)).error, 'funds.Frozen');
  // The freeze is the one freeze of every domain: who, when, why, listed for the agencies.
  const [account] = (await api.call.fundsApi.frozenAccounts(null, 10)).filter((f) => f.id.toNumber() === orgs.sme);
  assert.equal(account.subject.unwrap().toNumber(), orgs.sme);
  assert.equal(account.freeze.by.toNumber(), (await api.query.consortium.accountOrganization(alice.address)).unwrap().toNumber());
  assert.equal(account.freeze.reason.toHex(), hash(0xf0));
  assert.equal((await submit(api, api.tx.funds.clawBack(allocation, 396_001, hash(8)), alice)).error, 'funds.ExceedsUnspent');
  assert.equal((await submit(api, api.tx.funds.clawBack(allocation, 396_000, hash(8)), alice)).error, null);

  // The statements.
  const [[id, mine]] = (await api.call.fundsApi.enterpriseStatement(orgs.sme, null, 10)).map(([i, a]) => [i.toNumber(), a]);
  assert.equal(id, allocation);
  assert.deepEqual([mine.approved, mine.disbursed, mine.spent, mine.clawedBack].map((x) => x.toNumber()),
    [4_000_000, 1_500_000, 1_104_000, 396_000]);
  const [stored, allocations] = (await api.call.fundsApi.programStatement(program, null, 10)).unwrap();
  assert.equal(stored.spent.toNumber(), 1_104_000);
  assert.equal(allocations.length, 1);
  const [, ledger] = (await api.call.fundsApi.allocationHistory(allocation, 0, 100)).unwrap();
  assert.deepEqual(ledger.map((e) => e.movement.type), ['Approved', 'Disbursed', 'Spent', 'Spent', 'ClawedBack']);
  // Unfrozen for the tests that follow.
  assert.equal((await submit(api, api.tx.funds.unfreeze({ Account: orgs.sme }), alice)).error, null);
});

test('an award in its publicity: a competitor objects, the manager answers, an upheld objection withdraws it', async () => {
  const program = await createProgram();
  assert.equal((await submit(api, api.tx.funds.setBudget(program, 10_000_000), alice)).error, null);
  const awards = [];
  for (const [n, key] of [[0, hash(0x31)], [1, hash(0x32)]]) {
    const applied = await submit(api, api.tx.funds.apply(program, 2_000_000 + n, hash(2), key), sme);
    assert.equal(applied.error, null);
    awards.push(applicationOf(applied));
    assert.equal((await submit(api, api.tx.funds.approve(awards[n], 2_000_000 + n), alice)).error, null);
  }
  const [kept, withdrawn] = awards;
  // The recipient does not object to its own award; the rival does, once each.
  const object = (who, allocation, n) => submit(api, api.tx.funds.object(allocation, hash(n), hash(n + 1)), who);
  assert.equal((await object(sme, kept, 0x40)).error, 'funds.OwnAward');
  const objected = await object(rival, kept, 0x40);
  assert.equal(objected.error, null);
  const event = objected.events.find(({ event: e }) => api.events.funds.Objected.is(e)).event.data;
  assert.deepEqual([event.allocation.toNumber(), event.by.toNumber()], [kept, orgs.rival]);
  assert.equal((await object(rival, kept, 0x40)).error, 'funds.AlreadyObjected');
  assert.equal((await object(rival, withdrawn, 0x42)).error, null);
  // The week passes; the objection still blocks payment until answered.
  await endPublicity(api, kept, alice);
  assert.equal((await submit(api, api.tx.funds.disburse(kept, 1_000, hash(3)), alice)).error, 'funds.ObjectionsUnanswered');
  assert.equal((await object(supplier, kept, 0x44)).error, 'funds.NotInPublicity');
  const answer = (allocation, upheld) => api.tx.funds.answerObjection(allocation, orgs.rival, hash(0x50), upheld);
  assert.equal((await submit(api, answer(kept, false), sme)).error, 'BadOrigin');
  assert.equal((await submit(api, answer(kept, false), alice)).error, null);
  assert.equal((await submit(api, answer(kept, false), alice)).error, 'funds.AlreadyAnswered');
  const [[objector, objection]] = await api.call.fundsApi.objections(kept);
  assert.equal(objector.toNumber(), orgs.rival);
  assert.equal(objection.answer.unwrap().upheld.isFalse, true);
  assert.equal((await submit(api, api.tx.funds.disburse(kept, 1_000, hash(3)), alice)).error, null);
  // Upheld: the award is withdrawn, its money back in the budget, its project free.
  const upheld = await submit(api, answer(withdrawn, true), alice);
  assert.equal(upheld.error, null);
  const gone = upheld.events.find(({ event: e }) => api.events.funds.AwardWithdrawn.is(e)).event.data;
  assert.equal(gone.amount.toNumber(), 2_000_001);
  const [stored, , published] = (await api.call.fundsApi.programAwards(program, null, 10)).unwrap().toJSON();
  assert.equal(stored.approved, 2_000_000);
  assert.deepEqual(published.map((a) => [a.allocation, a.approved, a.disbursed, a.publicity.withdrawn]),
    [[kept, 2_000_000, 1_000, false], [withdrawn, 0, 0, true]]);
  await endPublicity(api, withdrawn, alice);
  assert.equal((await submit(api, api.tx.funds.disburse(withdrawn, 1, hash(3)), alice)).error, 'funds.AwardWithdrawn');
  assert.ok((await api.query.funds.projects(hash(0x32))).isNone);
});

test('a program states who may apply; one project is funded once across programs', async () => {
  // A Minhang program (310112) for manufacturers, 500,000.00 yuan at most each.
  const minhang = await createProgram({ ...ANY_ENTERPRISE, regions: [310112], roles: 1 << 8, maxPerApplicant: 50_000_000 });
  // The SME is registered in Shenzhen (credit code 914403…): outside Minhang.
  assert.equal((await submit(api, api.tx.funds.apply(minhang, 1_000, hash(2), hash(0x61)), sme)).error, 'funds.IneligibleRegion');
  assert.equal((await submit(api, api.tx.funds.apply(minhang, 1_000, hash(2), hash(0x61)), rival)).error, 'funds.MissingRole');
  assert.equal((await submit(api, api.tx.consortium.grantRole(orgs.rival, 'Manufacturer'), keyring.addFromUri('//Charlie'))).error, null);
  assert.equal((await submit(api, api.tx.funds.apply(minhang, 50_000_001, hash(2), hash(0x61)), rival)).error, 'funds.ExceedsPerApplicant');
  const first = await submit(api, api.tx.funds.apply(minhang, 50_000_000, hash(2), hash(0x61)), rival);
  assert.equal(first.error, null);
  // The same project in another program is refused; the key names the first application.
  const other = await createProgram();
  assert.equal((await submit(api, api.tx.funds.apply(other, 1_000, hash(2), hash(0x61)), rival)).error, 'funds.DuplicateProject');
  assert.equal((await api.query.funds.projects(hash(0x61))).unwrap().toNumber(), applicationOf(first));
  // Agencies never apply: a program for them is void; a publicity under a week too.
  const now = await chainNow(api);
  const create = (eligibility, days) => submit(api, api.tx.funds.createProgram(hash(1), 1, now, now + DAY, now + 2 * DAY, eligibility, days, ADVANCE), alice);
  assert.equal((await create({ ...ANY_ENTERPRISE, kinds: 1 }, null)).error, 'funds.InvalidEligibility');
  assert.equal((await create(ANY_ENTERPRISE, 6)).error, 'funds.InvalidPublicity');
});

test('an auditor disallows a spent expense: the enterprise owes it, applies for nothing new, and repays', async () => {
  const program = await createProgram();
  assert.equal((await submit(api, api.tx.funds.setBudget(program, 10_000_000), alice)).error, null);
  const applied = await submit(api, api.tx.funds.apply(program, 1_000_000, hash(2), hash(0x81)), sme);
  assert.equal(applied.error, null);
  const allocation = applicationOf(applied);
  assert.equal((await submit(api, api.tx.funds.approve(allocation, 1_000_000), alice)).error, null);
  await endPublicity(api, allocation, alice);
  assert.equal((await submit(api, api.tx.funds.disburse(allocation, 1_000_000, hash(3)), alice)).error, null);
  assert.equal((await submit(api, api.tx.funds.recordExpense(allocation, 600_000, 0, hash(4), hash(5), null), sme)).error, null);
  // The expense is the ledger's entry 2 (approved, disbursed, spent).
  const [, before] = (await api.call.fundsApi.allocationHistory(allocation, 0, 10)).unwrap();
  assert.equal(before[2].movement.type, 'Spent');
  const due = (await chainNow(api)) + 30 * DAY;
  const disallow = (amount, who = alice) => submit(api, api.tx.funds.disallow(allocation, 2, amount, hash(0x82), due), who);
  assert.equal((await disallow(1, sme)).error, 'BadOrigin');
  assert.equal((await submit(api, api.tx.funds.disallow(allocation, 1, 1, hash(0x82), due), alice)).error, 'funds.NotAnExpense');
  assert.equal((await disallow(600_001)).error, 'funds.ExceedsExpense');
  const disallowed = await disallow(250_000);
  assert.equal(disallowed.error, null);
  assert.ok(disallowed.events.some(({ event }) => api.events.funds.ExpenseDisallowed.is(event)));
  const obligation = (await api.call.fundsApi.obligation(allocation)).unwrap();
  assert.deepEqual([obligation.enterprise.toNumber(), obligation.disallowed.toNumber(), obligation.repaid.toNumber(), obligation.due.toNumber()],
    [orgs.sme, 250_000, 0, due]);
  // The money stays spent; owing it, the enterprise applies for nothing new.
  const [stored] = (await api.call.fundsApi.allocationHistory(allocation, 0, 10)).unwrap();
  assert.equal(stored.spent.toNumber(), 600_000);
  assert.equal((await submit(api, api.tx.funds.apply(program, 1_000, hash(2), hash(0x83)), sme)).error, 'funds.OutstandingRepayment');
  // Repaid through its bank in two transfers, recorded by the manager.
  const repay = (amount) => submit(api, api.tx.funds.recordRepayment(allocation, amount, hash(0x84)), alice);
  assert.equal((await repay(250_001)).error, 'funds.ExceedsOwed');
  assert.equal((await repay(100_000)).error, null);
  const last = await repay(150_000);
  assert.equal(last.error, null);
  const repaid = last.events.find(({ event }) => api.events.funds.Repaid.is(event)).event.data;
  assert.equal(repaid.outstanding.toNumber(), 0);
  assert.ok((await api.query.funds.owed(orgs.sme)).isNone);
  assert.equal((await submit(api, api.tx.funds.apply(program, 1_000, hash(2), hash(0x83)), sme)).error, null);
  const [, ledger] = (await api.call.fundsApi.allocationHistory(allocation, 0, 10)).unwrap();
  assert.deepEqual(ledger.map((e) => e.movement.type), ['Approved', 'Disbursed', 'Spent', 'Disallowed', 'Repaid', 'Repaid']);
});
