// The query gateway on a running `--dev` node (`--gateway-addr`): plain JSON-RPC over HTTP as
// an enterprise's, a lender's or the public's client would call it. Raw state access is not
// served; public verification needs no account; every other method takes a request signed by a
// member account, and answers only what that member may see — its own records, an agency's
// jurisdiction and remit, a lender's declared access under the SME's grant. Replays, stale and
// forged requests are refused by their error code; batches, addresses and signers are limited.
// The gateway decides and answers at the finalized block: each write here waits for it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { stringToU8a, u8aToHex } from '@polkadot/util';
import { DAY, chainNow, finalizedNumber, gatewayAddress, itemId, registerOrganization, sampleCreditCode, startDevNode, submit, waitFor, ADVANCE } from './helpers.mjs';

const UNAUTHENTICATED = -32001;
const REPLAYED = -32002;
const FORBIDDEN = -32003;
const BUSY = -32005;

let dev;
let api;
let keyring;
let url;
let genesis;
let gatewayId;
let bob; // the tax bureau
let ferdie; // the credit regulator
let sme;
let rival;
let bank;
const orgs = {};
const SME_CODE = sampleCreditCode(4101);
const hash = (n) => u8aToHex(new Uint8Array(32).fill(n));
const TAX_BUREAUS = 1 << 1;

/** Resolves once the block `hash` is finalized: what the gateway reads. */
async function finalized(hash) {
  const number = (await api.rpc.chain.getHeader(hash)).number.toNumber();
  await waitFor(`block ${number} finalized`, async () => (await finalizedNumber(api)) >= number, 60000, 250);
}

const ok = async (tx, signer) => {
  const result = await submit(api, tx, signer);
  assert.equal(result.error, null);
  await finalized(result.blockHash);
  return result;
};

let nextId = 1;
/** One JSON-RPC call over HTTP: the result, or the error object thrown. */
async function call(method, params) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }),
  });
  const body = await response.json();
  if (body.error) throw Object.assign(new Error(body.error.message), { code: body.error.code });
  return body.result;
}

let nonce = 0;
/** A request for `method` signed by `pair`; `tweak` changes the request before signing. */
function signed(pair, method, params, tweak = (r) => r) {
  const request = JSON.stringify(tweak({ method, params, chain: genesis, gateway: gatewayId, timestamp: Date.now(), nonce: `n${++nonce}` }));
  return { request, signer: pair.address, signature: u8aToHex(pair.sign(stringToU8a(request))) };
}

const as = (pair, method, params) => call(method, signed(pair, method, params));

/** The error a call was refused with, as `{ code, message }`. */
async function refusal(promise) {
  const e = await promise.then(() => assert.fail('answered instead of refused'), (err) => err);
  return { code: e.code, message: e.message };
}

async function refused(promise, code, pattern) {
  await assert.rejects(promise, (e) => {
    assert.equal(e.code, code, `error code of: ${e.message}`);
    if (pattern) assert.match(e.message, pattern);
    return true;
  });
}

before(async () => {
  await cryptoWaitReady();
  keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  dev = await startDevNode('regchain-gateway-', { extraArgs: ['--gateway-addr', '127.0.0.1:0'] });
  ({ api } = dev);
  url = `http://${await gatewayAddress(path.join(dev.baseDir, 'node.log'))}`;
  genesis = api.genesisHash.toHex();
  gatewayId = (await call('gateway_info', [])).gateway;
  bob = keyring.addFromUri('//Bob');
  ferdie = keyring.addFromUri('//Ferdie');
  const charlie = keyring.addFromUri('//Charlie');
  sme = keyring.addFromUri('//XuhuiPrinting');
  rival = keyring.addFromUri('//XuhuiPrintingRival');
  bank = keyring.addFromUri('//HuangpuCityBank');
  const register = async (name, who, code, registrar, kind) => {
    const registered = await registerOrganization(api, registrar, { kind, name, code, account: who });
    assert.equal(registered.error, null);
    await finalized(registered.blockHash);
    orgs[name] = (await api.query.consortium.accountOrganization(who.address)).unwrap().toNumber();
  };
  orgs.tax = (await api.query.consortium.accountOrganization(bob.address)).unwrap().toNumber();
  await Promise.all([
    (async () => {
      await register('sme', sme, SME_CODE, charlie, 'Enterprise');
      await register('rival', rival, sampleCreditCode(4102), charlie, 'Enterprise');
    })(),
    register('bank', bank, sampleCreditCode(4103), ferdie, 'FinancialInstitution'),
  ]);
  await ok(api.tx.consortium.grantRole(orgs.sme, 'InvoiceIssuer'), bob);
  await ok(api.tx.invoices.setIssuerLimits(orgs.sme, { perInvoice: 10_000_000, perMonth: 100_000_000 }), bob);
  const line = { description: hash(9), classification: 1100101020000000000n, quantity: 2000, unitPrice: 50_000_000_000, taxIncluded: false, discount: 0, rate: 1 };
  await ok(api.tx.invoices.issue('Special', { Member: orgs.rival }, [line], hash(1)), sme);
});

after(async () => {
  await dev?.stop();
});

test('the gateway serves the domain methods and nothing raw', async () => {
  const { methods } = await call('rpc_methods', []);
  for (const m of ['invoices_invoicesOf', 'invoices_verify', 'credit_creditProfile', 'regchain_dossier', 'gateway_info']) {
    assert.ok(methods.includes(m), `${m} is listed`);
  }
  assert.ok(!methods.some((m) => /^(state|author|chain|system|childstate|offchain)_/.test(m)), 'no raw method is listed');
  for (const [method, params] of [
    ['state_getStorage', ['0x26aa394eea5630e07c48ae0c9558cef7']],
    ['state_call', ['InvoicesApi_invoices_of', '0x']],
    ['author_submitExtrinsic', ['0x00']],
    ['system_health', []],
  ]) {
    await refused(call(method, params), -32601);
  }
  const info = await call('gateway_info', []);
  assert.equal(info.chain, genesis);
  assert.equal(info.windowMs, 60000);
  assert.match(info.gateway, /^[0-9a-f]{32}$/);
  assert.equal(info.maxBatch, 16);
  assert.ok(info.public.includes('notarization_verifyDigest') && info.signed.includes('invoices_invoicesOf'));
});

test('a printed invoice is checked by anyone by its issuer code, number and content hash', async () => {
  const record = (await api.call.invoicesApi.invoice({ issuer: orgs.sme, seq: 0 })).unwrap();
  const contentHash = record.invoice.contentHash.toHex();
  const check = await call('invoices_verify', [SME_CODE, 0, contentHash]);
  assert.equal(check.status, 'Issued');
  assert.equal(check.kind, 'Blue');
  assert.equal(check.net, record.invoice.net.toNumber());
  assert.equal(typeof check.issuedOn, 'number');
  // An altered invoice (another hash), a wrong number or a wrong code: no such invoice.
  assert.equal(await call('invoices_verify', [SME_CODE, 0, hash(7)]), null);
  assert.equal(await call('invoices_verify', { issuerCode: SME_CODE, seq: 1, contentHash }), null);
  assert.equal(await call('invoices_verify', [sampleCreditCode(4102), 0, contentHash]), null);
  await refused(call('invoices_verify', [SME_CODE, 0, '0x12']), -32602, /contentHash: expected 32 bytes/);
  // Public methods answer signed requests as well.
  const signedCheck = await as(rival, 'invoices_verify', [SME_CODE, 0, contentHash]);
  assert.equal(signedCheck.status, 'Issued');
});

test('a member reads its own invoices; a competitor is refused; unsigned, forged and replayed requests are refused', async () => {
  const own = await as(sme, 'invoices_invoicesOf', { issuer: orgs.sme, from: 0, limit: 10 });
  assert.equal(own.length, 1);
  assert.equal(own[0].invoice.buyer.Member, orgs.rival);
  // The buyer reads the invoice it received; a competitor cannot read the seller's chain.
  const received = await as(rival, 'invoices_invoice', [{ issuer: orgs.sme, seq: 0 }]);
  assert.equal(received.id.issuer, orgs.sme);
  await refused(as(rival, 'invoices_invoicesOf', [orgs.sme, 0, 10]), FORBIDDEN, /not yours/);
  await refused(as(bank, 'invoices_invoice', [{ issuer: orgs.sme, seq: 0 }]), FORBIDDEN);
  await refused(as(rival, 'invoices_periodTotals', [orgs.sme, 202611]), FORBIDDEN);
  // Without a signature, with a bad one, or signed for something else.
  await refused(call('invoices_invoicesOf', [orgs.sme, 0, 10]), UNAUTHENTICATED, /signed requests only/);
  const request = signed(sme, 'invoices_invoicesOf', [orgs.sme, 0, 10]);
  await refused(call('invoices_invoicesOf', { ...request, signer: rival.address }), UNAUTHENTICATED, /does not verify/);
  const altered = request.request.replace(`[${orgs.sme},`, `[${orgs.rival},`);
  await refused(call('invoices_invoicesOf', { ...request, request: altered }), UNAUTHENTICATED, /does not verify/);
  await refused(call('invoices_chainHead', request), UNAUTHENTICATED, /another method/);
  await refused(call('invoices_invoicesOf', signed(sme, 'invoices_invoicesOf', [orgs.sme, 0, 10], (r) => ({ ...r, chain: hash(3) }))), UNAUTHENTICATED, /another chain/);
  // Signed for another agency's gateway (or this one's previous run): not replayable here.
  await refused(call('invoices_invoicesOf', signed(sme, 'invoices_invoicesOf', [orgs.sme, 0, 10], (r) => ({ ...r, gateway: 'ab'.repeat(16) }))), UNAUTHENTICATED, /another gateway/);
  await refused(call('invoices_invoicesOf', signed(sme, 'invoices_invoicesOf', [orgs.sme, 0, 10], ({ gateway, ...r }) => r)), UNAUTHENTICATED, /another gateway/);
  const outsider = new Keyring({ type: 'sr25519' }).addFromUri('//NotAMember');
  await refused(as(outsider, 'invoices_invoicesOf', [orgs.sme, 0, 10]), UNAUTHENTICATED, /no active member/);
  // Replayed: the same signed request answers once.
  assert.equal((await call('invoices_invoicesOf', request)).length, 1);
  await refused(call('invoices_invoicesOf', request), REPLAYED, /replayed/);
  // Stale: signed two minutes ago.
  await refused(call('invoices_invoicesOf', signed(sme, 'invoices_invoicesOf', [orgs.sme, 0, 10], (r) => ({ ...r, timestamp: Date.now() - 120_000 }))), REPLAYED, /timestamp/);
  // Bad parameters are refused as the node refuses them.
  await refused(as(sme, 'invoices_invoicesOf', [orgs.sme, 0, 1000]), -32602, /limit: a page holds 1 to 100/);
});

test('a lender reads an SME credit profile only under a grant and after declaring the access on chain; the access is logged', async () => {
  const registered = await ok(api.tx.credit.registerClaimType('gateway-grade', hash(1), ['A', 'B'], TAX_BUREAUS, false), ferdie);
  const type = registered.events.find(({ event }) => api.events.credit.ClaimTypeRegistered.is(event)).event.data.claimType.toNumber();
  await ok(api.tx.consortium.grantRole(orgs.tax, 'Attester'), ferdie);
  await ok(api.tx.credit.authorizeAttester(type, orgs.tax), ferdie);
  const now = await chainNow(api);
  await ok(api.tx.credit.attest(orgs.sme, type, hash(9), 0, now, now + 365 * DAY, []), bob);

  const profile = () => as(bank, 'credit_creditProfile', { sme: orgs.sme, limit: 10 });
  await refused(profile(), FORBIDDEN, /no access to organization \d+'s data declared on chain/);
  const scope = { claimTypes: { Only: [type] }, figures: false };
  const granted = await ok(api.tx.credit.grantConsent(orgs.bank, scope, 'PreLoanReview', now + 30 * DAY), sme);
  const grant = granted.events.find(({ event }) => api.events.credit.ConsentGranted.is(event)).event.data.grant.toNumber();
  // A grant alone is not enough: the lender declares each review on chain first.
  await refused(profile(), FORBIDDEN, /declared on chain/);
  await ok(api.tx.credit.declareAccess(grant, scope, 'PreLoanReview'), bank);
  const answered = await profile();
  assert.equal(answered.length, 1);
  assert.equal(answered[0].attestation.claimType, type);
  // The grant covers no tax figures, and nothing outside credit.
  await refused(as(bank, 'invoices_periodTotals', [orgs.sme, 202611]), FORBIDDEN, /figures/);
  await refused(as(bank, 'invoices_invoicesOf', [orgs.sme, 0, 10]), FORBIDDEN);
  // Another lender, or a competitor, is refused the same profile.
  await refused(as(rival, 'credit_creditProfile', [orgs.sme, null, 10]), FORBIDDEN);
  // The SME sees the access in its log; the gateway logged the answer.
  const log = await as(sme, 'credit_accessLog', [orgs.sme, 0, 10]);
  assert.equal(log.length, 1);
  assert.equal(log[0].lender, orgs.bank);
  assert.equal(log[0].grant, grant);
  // The node's log is written asynchronously: wait for the lines.
  const logged = (pattern) => waitFor(`the gateway log line ${pattern}`, () => pattern.test(readFileSync(path.join(dev.baseDir, 'node.log'), 'utf8')), 30000, 500);
  await logged(new RegExp(`credit_creditProfile by ${bank.address} \\(org ${orgs.bank}\\) on \\[${orgs.sme}\\]: answered under the access declared`));
  await logged(new RegExp(`credit_creditProfile by ${rival.address} \\(org ${orgs.rival}\\): refused`));
  // Withdrawn, the grant stops the reads at once.
  await ok(api.tx.credit.withdrawConsent(grant), sme);
  await refused(profile(), FORBIDDEN, /declared on chain/);
});

test('a lender no longer sees a record past its publication period; the SME and the credit regulator still do, marked', async () => {
  // A court's defaulter listing (the catalogue's `court-enforcement`), which the court then
  // lifts: a listing is published only while it counts.
  const dave = keyring.addFromUri('//Dave');
  const court = (await api.query.consortium.accountOrganization(dave.address)).unwrap().toNumber();
  const catalogue = (await api.call.creditApi.claimTypes(0, 100)).toHuman();
  const courtType = Number(catalogue.find(([, t]) => t.name === 'court-enforcement')[0]);
  await ok(api.tx.consortium.grantRole(court, 'Attester'), ferdie);
  await ok(api.tx.credit.authorizeAttester(courtType, court), ferdie);
  const now = await chainNow(api);
  const attested = await ok(api.tx.credit.attest(orgs.sme, courtType, hash(0x33), 0, now, now + 2 * 365 * DAY, []), dave);
  const listing = attested.events.find(({ event }) => api.events.credit.Attested.is(event)).event.data.attestation.toNumber();
  const scope = { claimTypes: 'All', figures: false };
  const granted = await ok(api.tx.credit.grantConsent(orgs.bank, scope, 'PreLoanReview', now + 30 * DAY), sme);
  const grant = granted.events.find(({ event }) => api.events.credit.ConsentGranted.is(event)).event.data.grant.toNumber();
  await ok(api.tx.credit.declareAccess(grant, scope, 'PreLoanReview'), bank);
  const history = (pair) => as(pair, 'credit_attestationHistory', { sme: orgs.sme, limit: 100 });
  const entryOf = (entries) => entries.find((e) => e.id === listing);
  assert.equal(entryOf(await history(bank)).published, true);

  await ok(api.tx.credit.revoke(listing, hash(0x34)), dave);
  // The lender no longer sees it, in the history or alone.
  assert.equal(entryOf(await history(bank)), undefined);
  await refused(as(bank, 'credit_attestation', [listing]), FORBIDDEN, /publication period/);
  // The SME and the credit regulator (an agency's audit read) still do, marked.
  assert.equal(entryOf(await history(sme)).published, false);
  const audited = entryOf(await history(ferdie));
  assert.equal(audited.published, false);
  assert.ok('Revoked' in audited.attestation.status || 'revoked' in audited.attestation.status);
  await ok(api.tx.credit.withdrawConsent(grant), sme);
});

test('the public sees a fund program\'s awards and payments; ledgers and objections are not public', async () => {
  const alice = keyring.addFromUri('//Alice');
  const finance = (await api.query.consortium.accountOrganization(alice.address)).unwrap().toNumber();
  await ok(api.tx.consortium.grantRole(finance, 'FundManager'), alice);
  const now = await chainNow(api);
  const anyone = { regions: [], kinds: 1 << 16, roles: 0, maxPerApplicant: null };
  const created = await ok(api.tx.funds.createProgram(hash(0x70), 1, now, now + 30 * DAY, now + 365 * DAY, anyone, null, ADVANCE), alice);
  const program = created.events.find(({ event }) => api.events.funds.ProgramCreated.is(event)).event.data.program.toNumber();
  await ok(api.tx.funds.setBudget(program, 50_000_000), alice);
  const applied = await ok(api.tx.funds.apply(program, 3_000_000, hash(0x71), hash(0x72)), sme);
  const allocation = applied.events.find(({ event }) => api.events.funds.Applied.is(event)).event.data.application.toNumber();
  await ok(api.tx.funds.approve(allocation, 2_500_000), alice);
  await ok(api.tx.funds.object(allocation, hash(0x73), hash(0x74)), rival);
  // Anyone, without an account: the program, the award, its publicity (one objection raised).
  const [published, terms, awards] = await call('funds_programAwards', [program, null, 10]);
  assert.deepEqual([published.budget, published.approved, terms.publicityDays], [50_000_000, 2_500_000, 7]);
  assert.equal(awards.length, 1);
  assert.deepEqual([awards[0].allocation, awards[0].enterprise, awards[0].approved, awards[0].disbursed], [allocation, orgs.sme, 2_500_000, 0]);
  assert.deepEqual([awards[0].publicity.objections, awards[0].publicity.unanswered, awards[0].publicity.withdrawn], [1, 1, false]);
  const [statement] = await call('funds_programStatement', [program, null, 10]);
  assert.equal(statement.approved, 2_500_000);
  // The enterprise's awards and each award's agreement, own money and evaluations are public
  // too (nothing agreed, paid or evaluated yet).
  const listed = await call('funds_enterpriseAwards', [orgs.sme, null, 100]);
  assert.ok(listed.some(([p, award]) => p === program && award.allocation === allocation && award.evaluation === null));
  const [agreement, funding, evaluations] = await call('funds_awardProgress', [allocation]);
  assert.deepEqual([agreement, funding.released, funding.own, evaluations], [null, 0, 0, []]);
  // Not the ledger (counterparties, documents) nor who objected: the recipient reads its own
  // ledger, the objections are the funds' agencies'.
  await refused(call('funds_allocationHistory', [allocation, 0, 10]), UNAUTHENTICATED);
  await refused(call('funds_objections', [allocation]), UNAUTHENTICATED);
  await refused(as(sme, 'funds_objections', [allocation]), FORBIDDEN);
  const [, ledger] = await as(sme, 'funds_allocationHistory', [allocation, 0, 10]);
  assert.equal(ledger.length, 1);
  const objections = await as(alice, 'funds_objections', [allocation]);
  assert.deepEqual(objections.map(([by]) => by), [orgs.rival]);
});

test('an agency reads within its jurisdiction and remit; the dossier has the sections of its remit', async () => {
  const invoices = await as(bob, 'invoices_invoicesOf', [orgs.sme, 0, 10]);
  assert.equal(invoices.length, 1);
  await refused(as(bob, 'credit_grants', [orgs.sme, null, 10]), FORBIDDEN, /remit/);
  await refused(as(bob, 'funds_frozenAllocations', [null, 10]), FORBIDDEN, /remit/);
  const dossier = await as(bob, 'regchain_dossier', { creditCode: SME_CODE, limit: 5 });
  assert.equal(dossier.organization.id, orgs.sme);
  assert.equal(dossier.invoices.issued.length, 1);
  assert.equal(dossier.credit, undefined);
  assert.deepEqual(dossier.withheld, ['funds', 'credit', 'products', 'evidence', 'works']);
  // The SME's own dossier has every section: its products (with recalls) and its evidence too.
  await ok(api.tx.consortium.grantRole(orgs.sme, 'Manufacturer'), keyring.addFromUri('//Charlie'));
  await ok(api.tx.provenance.registerClass('XP-TONER-9', null, hash(3)), sme);
  await ok(api.tx.notarization.notarize('Sha256', hash(0x42), 'Contract', hash(4), null), sme);
  const own = await as(sme, 'regchain_dossier', [SME_CODE]);
  assert.equal(own.withheld, undefined);
  assert.ok(Array.isArray(own.credit.profile));
  assert.equal(own.products.classes.length, 1);
  assert.equal(own.products.classes[0][1].owner, orgs.sme);
  assert.deepEqual(own.products.recalls, []);
  assert.equal(own.evidence.length, 1);
  assert.equal(own.evidence[0][1].anchor.Digest.digest, hash(0x42));
  // Evidence is its owner's: a competitor is refused the list, the owner pages it.
  await refused(as(rival, 'notarization_recordsOf', [orgs.sme, null, 10]), FORBIDDEN);
  assert.equal((await as(sme, 'notarization_recordsOf', { owner: orgs.sme, limit: 10 })).length, 1);
  await refused(as(rival, 'regchain_dossier', [SME_CODE]), FORBIDDEN, /the organization itself and the agencies/);
  await refused(call('regchain_dossier', [SME_CODE]), UNAUTHENTICATED);
});

test('lists by agency, tax period and status: the members an agency oversees, invoices of a period, frozen records', async () => {
  const charlie = keyring.addFromUri('//Charlie'); // market regulation, national
  const dave = keyring.addFromUri('//Dave'); // the court
  const market = (await api.query.consortium.accountOrganization(charlie.address)).unwrap().toNumber();
  // By agency: market regulation pages through the members it oversees, two at a time.
  const members = [];
  for (let after = null; ;) {
    const page = await as(charlie, 'consortium_membersOverseen', { agency: market, startAfter: after, limit: 2 });
    assert.ok(page.length <= 2);
    if (page.length === 0) break;
    members.push(...page);
    after = page[page.length - 1].id;
  }
  const ids = members.map((m) => m.id);
  for (const name of ['sme', 'rival', 'bank']) assert.ok(ids.includes(orgs[name]), `${name} is listed`);
  assert.equal(new Set(ids).size, ids.length, 'no member twice');
  const keys = members.map((m) => m.region * 2 ** 20 + m.id);
  assert.deepEqual(keys, [...keys].sort((a, b) => a - b), 'by division, then id');
  assert.ok(members.every((m) => m.kind === 'Enterprise' || m.kind === 'FinancialInstitution'));
  await refused(as(sme, 'consortium_membersOverseen', [market, null, 10]), FORBIDDEN);

  // By date: the SME's invoices of the tax period of its invoice; none in later periods.
  const { period } = (await api.call.invoicesApi.invoice({ issuer: orgs.sme, seq: 0 })).unwrap().invoice;
  const month = period.toNumber();
  const inPeriod = await as(sme, 'invoices_issuedIn', [orgs.sme, month, month, null, 10]);
  assert.deepEqual(inPeriod.map((r) => [r.id.seq, r.invoice.period]), [[0, month]]);
  assert.deepEqual(await as(bob, 'invoices_issuedIn', { issuer: orgs.sme, from: month + 1, to: 999912, limit: 10 }), []);
  await refused(as(rival, 'invoices_issuedIn', [orgs.sme, month, month, null, 10]), FORBIDDEN, /not yours/);

  // By status: the court freezes the SME's evidence and finds it among the frozen records.
  const [[record]] = await as(sme, 'notarization_recordsOf', [orgs.sme, null, 10]);
  await ok(api.tx.notarization.freeze(record, hash(0x77)), dave);
  const frozen = await as(dave, 'notarization_frozen', [null, 100]);
  const entry = frozen.find((f) => f.id === record);
  assert.ok(entry, 'the frozen record is listed');
  assert.equal(entry.subject, orgs.sme);
  assert.equal(entry.freeze.reason, hash(0x77));
  assert.equal(entry.freeze.by, (await api.query.consortium.accountOrganization(dave.address)).unwrap().toNumber());
  // Polkadot.js reads the same list through the runtime API.
  const viaApi = await api.call.notarizationApi.frozen(null, 100);
  assert.ok(viaApi.some((f) => f.id.toNumber() === record));
  // The open actions are the agencies' worklist: a member, or an agency of another remit, is refused.
  await refused(as(sme, 'notarization_frozen', [null, 100]), FORBIDDEN);
  await refused(as(bob, 'notarization_frozen', [null, 100]), FORBIDDEN, /remit/);
  await ok(api.tx.notarization.unfreeze(record), dave);
  assert.ok(!(await as(dave, 'notarization_frozen', [null, 100])).some((f) => f.id === record));
});

test('the public verifies a product code; its custody and history are its custodian\'s and the agencies\'', async () => {
  // The SME is a manufacturer since the dossier test; its class is XP-TONER-9.
  const [[klass]] = await as(sme, 'provenance_classesOf', [orgs.sme, null, 10]);
  const now = await chainNow(api);
  const batched = await ok(api.tx.provenance.registerBatch(klass, hash(0x31), now), sme);
  const batch = batched.events.find(({ event }) => api.events.provenance.BatchRegistered.is(event)).event.data.batch.toNumber();
  await ok(api.tx.provenance.registerItems(batch, [hash(0x32)], 1234567890128), sme);
  const item = itemId({ class: klass }, hash(0x32));
  // Anyone: genuine, its maker, its product; nothing of the batch's counts or locations.
  const verified = await call('provenance_verifyItem', [item]);
  assert.equal(verified.manufacturer, orgs.sme);
  assert.equal(verified.status, 'InStock');
  assert.equal(verified.retailer, null);
  assert.equal(verified.class[0], klass);
  assert.equal(JSON.stringify(verified).includes('"sold"'), false);
  assert.equal(verified.location, undefined);
  assert.equal(await call('provenance_verifyItem', [hash(0x33)]), null);
  // The finding: the full status (a batch's produced and sold counts, its distributors) was public.
  await refused(call('provenance_itemStatus', [item]), UNAUTHENTICATED, /signed requests only/);
  await refused(call('provenance_history', [item, 0, 10]), UNAUTHENTICATED, /signed requests only/);
  const full = await as(sme, 'provenance_itemStatus', [item]);
  assert.equal(full.batch[1].items, 1);
  assert.equal((await as(sme, 'provenance_history', [item, 0, 10])).length, 1);
  await refused(as(rival, 'provenance_itemStatus', [item]), FORBIDDEN);
  await refused(as(rival, 'provenance_history', [item, 0, 10]), FORBIDDEN);
  // Market regulation (Charlie) oversees the maker.
  assert.equal((await as(keyring.addFromUri('//Charlie'), 'provenance_itemStatus', [item])).custodian, orgs.sme);
});

test('a record that does not exist and a record of another are refused alike: no existence oracle', async () => {
  // The finding: a rival counted the SME's invoices, `null` past the last and FORBIDDEN before.
  // The bank is no party to the SME's invoice 0 (the rival, its buyer, is).
  const others = await refusal(as(bank, 'invoices_invoice', [{ issuer: orgs.sme, seq: 0 }]));
  const missing = await refusal(as(bank, 'invoices_invoice', [{ issuer: orgs.sme, seq: 999 }]));
  assert.equal(others.code, FORBIDDEN);
  assert.deepEqual(missing, others);
  const noEvidence = await refusal(as(bank, 'notarization_record', [987654]));
  assert.deepEqual(noEvidence, others);
  // Its owner reads it; a missing one of its own tells it no more than anyone.
  assert.equal((await as(rival, 'invoices_invoice', [{ issuer: orgs.rival, seq: 999 }]).catch((e) => e)).code, FORBIDDEN);
  assert.equal((await as(sme, 'invoices_invoice', [{ issuer: orgs.sme, seq: 0 }])).id.seq, 0);
});

test('batches are bounded, and each address and the gateway as a whole have a budget', async () => {
  // Over the batch limit: refused as a whole (jsonrpsee's default was unlimited).
  const batch = (n) => Array.from({ length: n }, (_, i) => ({ jsonrpc: '2.0', id: i, method: 'consortium_now', params: [] }));
  const post = async (body) => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
  const within = await post(batch(16));
  assert.equal(within.length, 16);
  assert.ok(within.every((r) => typeof r.result === 'number'));
  const over = await post(batch(17));
  assert.ok(!Array.isArray(over) || over.every((r) => r.error), `a batch of 17 is refused: ${JSON.stringify(over).slice(0, 200)}`);
  // One address floods a public method: past its burst it is refused with a time to retry,
  // each call charged before any work.
  let answered = 0;
  let busy = null;
  for (let round = 0; round < 40 && !busy; round += 1) {
    const replies = await post(batch(16));
    for (const r of replies) {
      if (r.result !== undefined) answered += 1;
      else if (r.error?.code === BUSY) busy = r.error;
    }
  }
  assert.ok(busy, `the flood was refused (answered ${answered})`);
  assert.match(busy.message, /too many requests from this address: retry in \d+ ms/);
  // The burst is 400 calls; what earlier tests spent from this address has refilled since.
  assert.ok(answered >= 300 && answered < 640, `the burst was served, then refused (answered ${answered})`);
  // The budget refills: after a pause the address is served again.
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(typeof (await call('consortium_now', [])), 'number');
});
