// Special-fund accounts on a running `--dev` node, through @polkadot/api: the finance bureau
// runs a program, an enterprise applies, receives a tranche and books expenses — one of them
// justified by an on-chain invoice, which can then be neither reused nor reimbursed — the
// finance bureau freezes and claws back, and the statements come from `api.call.fundsApi`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import {
  DAY, chainNow, registerOrganization, startDevNode, submit,
} from './helpers.mjs';

let dev;
let api;
let alice;
let sme;
let supplier;
const orgs = {};
const hash = (n) => u8aToHex(new Uint8Array(32).fill(n));

before(async () => {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  dev = await startDevNode('regchain-funds-');
  ({ api } = dev);
  alice = keyring.addFromUri('//Alice');
  sme = keyring.addFromUri('//PudongWidgets');
  supplier = keyring.addFromUri('//ShanghaiSteel');
  for (const [name, code, who] of [['sme', '91440300708461136T', sme], ['supplier', '91350100M000100Y43', supplier]]) {
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

test('a program funds an enterprise from approval to every expense', async () => {
  const now = await chainNow(api);
  // Budget 1,000,000.00 yuan; categories 0 (equipment) and 1 (R&D).
  const created = await submit(api, api.tx.funds.createProgram(hash(1), 100_000_000, 0b11, now, now + 90 * DAY, now + 365 * DAY), alice);
  assert.equal(created.error, null);
  const program = created.events.find(({ event }) => api.events.funds.ProgramCreated.is(event)).event.data.program.toNumber();

  const applied = await submit(api, api.tx.funds.apply(program, 5_000_000, hash(2)), sme);
  assert.equal(applied.error, null);
  const allocation = applied.events.find(({ event }) => api.events.funds.Applied.is(event)).event.data.application.toNumber();
  // An enterprise cannot approve; the manager approves less than asked.
  assert.equal((await submit(api, api.tx.funds.approve(allocation, 4_000_000), sme)).error, 'BadOrigin');
  assert.equal((await submit(api, api.tx.funds.approve(allocation, 4_000_000), alice)).error, null);
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
});
