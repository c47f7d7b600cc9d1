// How special-fund awards are paid and evaluated, on a running `--dev` node through
// @polkadot/api: a program paid by milestones from appropriation to evaluation (the agreement,
// the advance, an accepted milestone, the enterprise's own share, a capped category, the
// program closing once evaluated), a subsidy paid after the fact against verified spending,
// and a program under bank supervision whose special-account bank confirms what moved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import {
  ADVANCE, ANY_ENTERPRISE, DAY, chainNow, endPublicity, registerOrganization, sampleCreditCode, startDevNode, submit,
} from './helpers.mjs';

let dev;
let api;
let alice;
let sme;
let keyring;
const orgs = {};
const hash = (n) => u8aToHex(new Uint8Array(32).fill(n));

before(async () => {
  await cryptoWaitReady();
  keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  dev = await startDevNode('regchain-fund-payments-');
  ({ api } = dev);
  alice = keyring.addFromUri('//Alice');
  sme = keyring.addFromUri('//PudongWidgets');
  const rival = keyring.addFromUri('//MinhangWidgets');
  for (const [name, code, who] of [['sme', '91440300708461136T', sme], ['rival', '91310112000042016E', rival]]) {
    const registered = await registerOrganization(api, keyring.addFromUri('//Charlie'), { name, code, account: who });
    assert.equal(registered.error, null);
    orgs[name] = (await api.query.consortium.accountOrganization(who.address)).unwrap().toNumber();
  }
  // The finance bureau manages funds itself.
  orgs.finance = (await api.query.consortium.accountOrganization(alice.address)).unwrap().toNumber();
  assert.equal((await submit(api, api.tx.consortium.grantRole(orgs.finance, 'FundManager'), alice)).error, null);
});

after(async () => {
  await dev?.stop();
});

/** A program of the finance bureau (categories 0, equipment, and 1, R&D), paid as `rules` say. */
async function createProgram(rules) {
  const now = await chainNow(api);
  const created = await submit(api, api.tx.funds.createProgram(hash(1), 0b11, now, now + 90 * DAY, now + 365 * DAY, ANY_ENTERPRISE, null, rules), alice);
  assert.equal(created.error, null);
  return created.events.find(({ event }) => api.events.funds.ProgramCreated.is(event)).event.data.program.toNumber();
}

/** The enterprise's award of `amount` in `program`, approved in full and past its publicity. */
async function award(program, amount, project) {
  assert.equal((await submit(api, api.tx.funds.setBudget(program, 100_000_000), alice)).error, null);
  const applied = await submit(api, api.tx.funds.apply(program, amount, hash(2), hash(project)), sme);
  assert.equal(applied.error, null);
  const allocation = applied.events.find(({ event }) => api.events.funds.Applied.is(event)).event.data.application.toNumber();
  assert.equal((await submit(api, api.tx.funds.approve(allocation, amount), alice)).error, null);
  await endPublicity(api, allocation, alice);
  return allocation;
}

test('a milestone program from appropriation to evaluation: advance, acceptance, own share, a capped category', async () => {
  // Paid by milestones; the enterprise funds at least 20 % itself; R&D overheads (category 1)
  // at most 10 % of an award.
  const rules = { payment: 'Milestones', coFunding: 20, caps: [{ category: 1, percent: 10 }], bankConfirmsFrom: null };
  const program = await createProgram(rules);
  assert.deepEqual((await api.query.funds.programTerms(program)).unwrap().rules.toJSON(), rules);
  const allocation = await award(program, 2_000_000, 0x91);
  const disburse = (amount) => submit(api, api.tx.funds.disburse(allocation, amount, hash(3)), alice);
  assert.equal((await disburse(1)).error, 'funds.NoAgreement');
  // The agreement: one milestone of 1,200,000 (the rest, 800,000, is the advance) and a target.
  const due = (await chainNow(api)) + 60 * DAY;
  const agreement = (who) => submit(api, api.tx.funds.recordAgreement(allocation, hash(0x92), [{ amount: 1_200_000, due }], [{ indicator: hash(0x93), value: 50 }]), who);
  assert.equal((await agreement(sme)).error, 'BadOrigin');
  assert.equal((await agreement(alice)).error, null);
  assert.equal((await agreement(alice)).error, 'funds.AgreementExists');
  // The advance waits for the enterprise's own share.
  assert.equal((await disburse(800_000)).error, 'funds.CoFundingShort');
  const contribute = (amount) => submit(api, api.tx.funds.contribute(allocation, amount, hash(0x94)), sme);
  assert.equal((await contribute(200_000)).error, null);
  assert.equal((await disburse(800_000)).error, null);
  assert.equal((await disburse(1)).error, 'funds.ExceedsReleased');
  // The milestone's acceptance (验收) releases its tranche.
  const accepted = await submit(api, api.tx.funds.accept(allocation, 1_200_000, hash(0x95)), alice);
  assert.equal(accepted.error, null);
  const event = accepted.events.find(({ event }) => api.events.funds.Accepted.is(event)).event.data;
  assert.deepEqual([event.milestone.unwrap().toNumber(), event.amount.toNumber()], [0, 1_200_000]);
  assert.equal((await disburse(1_200_000)).error, 'funds.CoFundingShort');
  assert.equal((await contribute(300_000)).error, null);
  assert.equal((await disburse(1_200_000)).error, null);
  // Overheads within 10 % of the award.
  const spend = (amount) => submit(api, api.tx.funds.recordExpense(allocation, amount, 1, hash(4), hash(5), null), sme);
  assert.equal((await spend(200_001)).error, 'funds.ExceedsCategoryCap');
  assert.equal((await spend(200_000)).error, null);
  // Evaluated before the program closes: the self-evaluation does not decide, the manager's does.
  const close = () => submit(api, api.tx.funds.closeProgram(program, hash(0x96)), alice);
  assert.equal((await close()).error, 'funds.EvaluationsMissing');
  assert.equal((await submit(api, api.tx.funds.evaluate(allocation, 88, hash(0x97)), sme)).error, null);
  assert.equal((await close()).error, 'funds.EvaluationsMissing');
  assert.equal((await submit(api, api.tx.funds.evaluate(allocation, 101, hash(0x98)), alice)).error, 'funds.InvalidScore');
  const evaluated = await submit(api, api.tx.funds.evaluate(allocation, 78, hash(0x98)), alice);
  assert.equal(evaluated.error, null);
  assert.equal(evaluated.events.find(({ event }) => api.events.funds.Evaluated.is(event)).event.data.grade.type, 'Fair');
  const [stored, funding, evaluations] = (await api.call.fundsApi.awardProgress(allocation)).unwrap();
  assert.equal(stored.unwrap().milestones.length, 1);
  assert.deepEqual([funding.accepted, funding.released, funding.own].map((x) => x.toNumber()), [1, 1_200_000, 500_000]);
  assert.deepEqual(evaluations.map(([who, e]) => [who.type, e.score.toNumber()]), [['Recipient', 88], ['Manager', 78]]);
  const mine = (await api.call.fundsApi.enterpriseAwards(orgs.sme, null, 100)).find(([, award]) => award.allocation.toNumber() === allocation);
  assert.equal(mine[0].toNumber(), program);
  assert.deepEqual([mine[1].disbursed, mine[1].spent, mine[1].own].map((x) => x.toNumber()), [2_000_000, 200_000, 500_000]);
  assert.equal(mine[1].evaluation.unwrap().grade.type, 'Fair');
  assert.equal((await close()).error, null);
});

test('after the fact: the enterprise spends first, the manager verifies, the grant is paid against it', async () => {
  const program = await createProgram({ ...ADVANCE, payment: 'AfterTheFact' });
  const allocation = await award(program, 1_000_000, 0xa1);
  const disburse = (amount) => submit(api, api.tx.funds.disburse(allocation, amount, hash(3)), alice);
  assert.equal((await disburse(1)).error, 'funds.ExceedsReleased');
  // Spending recorded before any payment, within the award.
  const spend = (amount) => submit(api, api.tx.funds.recordExpense(allocation, amount, 0, hash(4), hash(5), null), sme);
  assert.equal((await spend(1_000_001)).error, 'funds.ExceedsApproved');
  assert.equal((await spend(700_000)).error, null);
  const accept = (amount) => submit(api, api.tx.funds.accept(allocation, amount, hash(0xa2)), alice);
  assert.equal((await accept(700_001)).error, 'funds.ExceedsVerified');
  assert.equal((await accept(700_000)).error, null);
  assert.equal((await disburse(700_001)).error, 'funds.ExceedsReleased');
  assert.equal((await disburse(700_000)).error, null);
  const [stored, ledger] = (await api.call.fundsApi.allocationHistory(allocation, 0, 10)).unwrap();
  assert.deepEqual([stored.spent, stored.disbursed].map((x) => x.toNumber()), [700_000, 700_000]);
  assert.deepEqual(ledger.map((e) => e.movement.type), ['Approved', 'Spent', 'Accepted', 'Disbursed']);
});

test('under bank supervision the special-account bank confirms the tranche received and a large payment', async () => {
  const bank = keyring.addFromUri('//PudongCommercialBank');
  const registered = await registerOrganization(api, keyring.addFromUri('//Ferdie'), { kind: 'FinancialInstitution', name: 'bank', code: sampleCreditCode(6103), account: bank });
  assert.equal(registered.error, null);
  orgs.bank = (await api.query.consortium.accountOrganization(bank.address)).unwrap().toNumber();
  // Expenses of 100,000.00 yuan and more are confirmed by the bank.
  const program = await createProgram({ ...ADVANCE, bankConfirmsFrom: 10_000_000 });
  const allocation = await award(program, 50_000_000, 0xb1);
  const disburse = () => submit(api, api.tx.funds.disburse(allocation, 30_000_000, hash(3)), alice);
  assert.equal((await disburse()).error, 'funds.NoBank');
  assert.equal((await submit(api, api.tx.funds.designateBank(orgs.rival), sme)).error, 'funds.NotABank');
  assert.equal((await submit(api, api.tx.funds.designateBank(orgs.bank), sme)).error, null);
  assert.equal((await disburse()).error, null);
  // A small payment needs no confirmation, a large one does (ledger entries 2 and 3).
  const spend = (amount) => submit(api, api.tx.funds.recordExpense(allocation, amount, 0, hash(4), hash(5), null), sme);
  assert.equal((await spend(9_999_999)).error, null);
  assert.equal((await spend(10_000_000)).error, null);
  const worklist = await api.call.fundsApi.bankWorklist(orgs.bank, null, 100);
  assert.deepEqual(worklist.map(([a, entry]) => [a.toNumber(), entry.toNumber()]).sort(), [[allocation, 1], [allocation, 3]]);
  const confirm = (entry, who = bank) => submit(api, api.tx.funds.confirmMovement(allocation, entry), who);
  assert.equal((await confirm(1, sme)).error, 'BadOrigin');
  assert.equal((await confirm(2)).error, 'funds.NothingToConfirm');
  assert.equal((await confirm(1)).error, null);
  assert.equal((await confirm(1)).error, 'funds.AlreadyConfirmed');
  assert.equal((await confirm(3)).error, null);
  // The statements show what the bank confirmed.
  const checks = await api.call.fundsApi.bankChecks(allocation, 0, 10);
  assert.deepEqual(checks.map(([entry, check]) => [entry.toNumber(), check.bank.toNumber(), check.confirmed.isSome]), [[1, orgs.bank, true], [3, orgs.bank, true]]);
  const [, , awards] = (await api.call.fundsApi.programAwards(program, null, 10)).unwrap();
  assert.deepEqual([awards[0].disbursed.toNumber(), awards[0].confirmed.toNumber()], [30_000_000, 30_000_000]);
  assert.equal((await api.call.fundsApi.bankWorklist(orgs.bank, null, 100)).length, 0);
});
