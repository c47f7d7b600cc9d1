// Every domain JSON-RPC method, called on a running `--dev` node that holds a record of each
// domain, with the request and the answer written down in docs/rpc-examples.md: examples that
// are real answers, not hand-written ones. The test fails when the node serves a domain method
// that has no example (a runtime upgrade added one: run this file with
// REGCHAIN_WRITE_RPC_EXAMPLES=1 to rewrite the page), and when a call answers an error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { ANY_ENTERPRISE, DAY, REPO_ROOT, chainNow, itemId, registerOrganization, sampleCreditCode, startDevNode, submit, workDeclaration, ADVANCE } from './helpers.mjs';

const DOC = path.join(REPO_ROOT, 'docs/rpc-examples.md');
const NAMESPACES = ['consortium', 'invoices', 'funds', 'credit', 'notarization', 'provenance', 'ipRights', 'supervision', 'regchain'];
const SME_CODE = sampleCreditCode(5101);
const hash = (n) => u8aToHex(new Uint8Array(32).fill(n));
const ITEM_CODE = hash(0x1c);
let ITEM; // its id, scoped to the class registered below
const GLN = 1234567890128;

let dev;
let api;
const seeded = {};

const ok = async (tx, signer) => {
  const result = await submit(api, tx, signer);
  assert.equal(result.error, null, `${tx.method.section}.${tx.method.method}`);
  return result;
};
const eventOf = (result, section, name) =>
  result.events.find(({ event }) => api.events[section][name].is(event)).event.data;
const orgOf = async (pair) => (await api.query.consortium.accountOrganization(pair.address)).unwrap().toNumber();

before(async () => {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const [alice, bob, charlie, dave, ferdie] = ['Alice', 'Bob', 'Charlie', 'Dave', 'Ferdie'].map((n) => keyring.addFromUri(`//${n}`));
  const sme = keyring.addFromUri('//ExampleSme');
  const buyer = keyring.addFromUri('//ExampleBuyer');
  const bank = keyring.addFromUri('//ExampleBank');
  dev = await startDevNode('regchain-rpc-examples-');
  ({ api } = dev);
  Object.assign(seeded, { sme: sme.address, market: await orgOf(charlie), tax: await orgOf(bob) });

  // The members: an SME that issues, makes products and notarizes; its buyer; a bank.
  await Promise.all([
    (async () => {
      assert.equal((await registerOrganization(api, charlie, { name: 'Example SME', code: SME_CODE, account: sme })).error, null);
      assert.equal((await registerOrganization(api, charlie, { name: 'Example buyer', code: sampleCreditCode(5102), account: buyer })).error, null);
    })(),
    registerOrganization(api, ferdie, { kind: 'FinancialInstitution', name: 'Example bank', code: sampleCreditCode(5103), account: bank }),
  ]);
  seeded.smeOrg = await orgOf(sme);
  seeded.buyerOrg = await orgOf(buyer);
  seeded.bankOrg = await orgOf(bank);
  const now = await chainNow(api);
  // The agencies' part, in parallel: roles, limits, a fund program, a claim type.
  const [, , program, claimType] = await Promise.all([
    (async () => {
      await ok(api.tx.consortium.grantRole(seeded.smeOrg, 'InvoiceIssuer'), bob);
      await ok(api.tx.invoices.setIssuerLimits(seeded.smeOrg, { perInvoice: 10_000_000, perMonth: 100_000_000 }), bob);
    })(),
    ok(api.tx.consortium.grantRole(seeded.smeOrg, 'Manufacturer'), charlie),
    (async () => {
      await ok(api.tx.consortium.grantRole(await orgOf(alice), 'FundManager'), alice);
      const created = await ok(api.tx.funds.createProgram(hash(1), 1, now, now + DAY, now + 365 * DAY, ANY_ENTERPRISE, null, ADVANCE), alice);
      const id = eventOf(created, 'funds', 'ProgramCreated').program.toNumber();
      await ok(api.tx.funds.setBudget(id, 10_000_000), alice);
      return id;
    })(),
    (async () => {
      const registered = await ok(api.tx.credit.registerClaimType('example-grade', hash(1), ['A', 'B'], 1 << 1, false), ferdie);
      const type = eventOf(registered, 'credit', 'ClaimTypeRegistered').claimType.toNumber();
      await ok(api.tx.consortium.grantRole(seeded.tax, 'Attester'), ferdie);
      await ok(api.tx.credit.authorizeAttester(type, seeded.tax), ferdie);
      return type;
    })(),
  ]);
  Object.assign(seeded, { program, claimType });
  // The SME's records, one after another (one signer).
  const line = { description: hash(9), classification: 1100101020000000000n, quantity: 2000, unitPrice: 50_000_000_000, taxIncluded: false, discount: 0, rate: 1 };
  await ok(api.tx.invoices.issue('Special', { Member: seeded.buyerOrg }, [line], hash(2)), sme);
  const record = (await api.call.invoicesApi.invoice({ issuer: seeded.smeOrg, seq: 0 })).unwrap();
  Object.assign(seeded, { period: record.invoice.period.toNumber(), contentHash: record.invoice.contentHash.toHex() });
  // The printed invoice's QR payload, as a phone reads it (ASCII, as hex for the call).
  seeded.qr = (await api.call.invoicesApi.printed({ issuer: seeded.smeOrg, seq: 0 })).unwrap().qr.toHex();
  const klass = eventOf(await ok(api.tx.provenance.registerClass('XP-TONER-9', null, hash(3)), sme), 'provenance', 'ClassRegistered').class.toNumber();
  const batch = eventOf(await ok(api.tx.provenance.registerBatch(klass, hash(4), now), sme), 'provenance', 'BatchRegistered').batch.toNumber();
  await ok(api.tx.provenance.registerItems(batch, [ITEM_CODE], GLN), sme);
  ITEM = itemId({ class: klass }, ITEM_CODE);
  seeded.digest = hash(0x42);
  const notarized = await ok(api.tx.notarization.notarize('Sha256', seeded.digest, 'Contract', hash(5), null), sme);
  const evidence = eventOf(notarized, 'notarization', 'Notarized').id.toNumber();
  const work = { fingerprint: hash(0x5c), extra: [], workType: 'Article', metadata: hash(6) };
  const message = workDeclaration(api, { ...work, owner: seeded.smeOrg, shares: [[sme.address, 10000]], nonce: 0 });
  const declaration = { key: sme.address, share: 10000, nonce: 0, signature: { Sr25519: sme.sign(message) } };
  const registered = await ok(api.tx.ipRights.registerWork(work.fingerprint, [], 'Article', work.metadata, [declaration]), sme);
  const workId = eventOf(registered, 'ipRights', 'WorkRegistered').id.toNumber();
  const applied = await ok(api.tx.funds.apply(program, 1_000_000, hash(7), hash(0x17)), sme);
  const allocation = eventOf(applied, 'funds', 'Applied').application.toNumber();
  const scope = { claimTypes: { Only: [claimType] }, figures: false };
  await ok(api.tx.credit.grantConsent(seeded.bankOrg, scope, 'PreLoanReview', now + 30 * DAY), sme);
  Object.assign(seeded, { klass, batch, evidence, workId, fingerprint: work.fingerprint, allocation });
  // The agencies act on them: an approval, an attestation, a court's freeze.
  const [, attested] = await Promise.all([
    ok(api.tx.funds.approve(allocation, 1_000_000), alice),
    ok(api.tx.credit.attest(seeded.smeOrg, claimType, hash(8), 0, now, now + 365 * DAY, []), bob),
    ok(api.tx.notarization.freeze(evidence, hash(0x77)), dave),
  ]);
  seeded.attestation = eventOf(attested, 'credit', 'Attested').attestation.toNumber();
  // Market regulation's case about the SME's goods, with a penalty (which lists the SME).
  const opened = await ok(api.tx.supervision.openCase(seeded.smeOrg, 'CounterfeitGoods', hash(0xb0), [], [{ domain: u8aToHex(new TextEncoder().encode('prov')), id: batch }]), charlie);
  seeded.case = eventOf(opened, 'supervision', 'CaseOpened').case.toNumber();
  await ok(api.tx.supervision.decidePenalty(seeded.case, hash(0xd0), 500_000, 'Ordinary'), charlie);
  // Market regulation's random inspection plan over Shanghai's enterprises, its population read.
  const later = await chainNow(api);
  const planned = await ok(api.tx.supervision.openPlan(310000, 'Enterprise', null, null, { Count: 1 }, hash(0x11), later + DAY, later + 2 * DAY, later + 30 * DAY), charlie);
  seeded.plan = eventOf(planned, 'supervision', 'PlanOpened').plan.toNumber();
  await ok(api.tx.supervision.readPopulation(seeded.plan), charlie);
});

after(async () => {
  await dev?.stop();
});

/** Each domain method and the parameters of its example, from the seeded records. */
function examples(s) {
  return {
    consortium_organization: [s.smeOrg],
    consortium_organizationByCreditCode: [SME_CODE],
    consortium_now: [],
    consortium_member: [s.sme],
    consortium_oversees: [s.market, s.smeOrg],
    consortium_remit: [s.market],
    consortium_membersOverseen: [s.market, null, 2],
    invoices_invoice: [{ issuer: s.smeOrg, seq: 0 }],
    invoices_invoicesOf: [s.smeOrg, 0, 10],
    invoices_issuedIn: [s.smeOrg, s.period, s.period, null, 10],
    invoices_receivedBy: [s.buyerOrg, null, 10],
    invoices_periodTotals: [s.smeOrg, s.period],
    invoices_chainHead: [s.smeOrg],
    invoices_verify: [SME_CODE, 0, s.contentHash],
    invoices_printed: [{ issuer: s.smeOrg, seq: 0 }],
    invoices_verifyPrinted: [s.qr],
    invoices_frozen: [null, 10],
    funds_enterpriseStatement: [s.smeOrg, null, 10],
    funds_programStatement: [s.program, null, 10],
    funds_programAwards: [s.program, null, 10],
    funds_objections: [s.allocation],
    funds_obligation: [s.allocation],
    funds_enterpriseAwards: [s.smeOrg, null, 10],
    funds_awardProgress: [s.allocation],
    funds_bankWorklist: [s.bankOrg, null, 10],
    funds_bankChecks: [s.allocation, 0, 10],
    funds_allocationHistory: [s.allocation, 0, 10],
    funds_frozenAllocations: [null, 10],
    funds_frozenAccounts: [null, 10],
    credit_creditProfile: [s.smeOrg, null, 10],
    credit_attestationHistory: [s.smeOrg, null, 10],
    credit_attestation: [s.attestation],
    credit_consents: [s.smeOrg, s.bankOrg, null, 10],
    credit_grants: [s.smeOrg, null, 10],
    credit_accessLog: [s.smeOrg, 0, 10],
    credit_declaredAccess: [s.smeOrg, s.bankOrg, 0],
    credit_currentAccess: [s.smeOrg, s.bankOrg],
    credit_claimTypes: [s.claimType, 1],
    credit_frozen: [null, 10],
    credit_listings: [s.smeOrg],
    credit_repairNotices: [s.bankOrg, 0, 10],
    notarization_verifyDigest: ['Sha256', s.digest],
    notarization_verifyInBatch: [s.evidence, 'Sha256', s.digest, 0, []],
    notarization_record: [s.evidence],
    notarization_batchOfRoot: [hash(0x99)],
    notarization_certifications: [s.evidence, null, 10],
    notarization_recordsOf: [s.smeOrg, null, 10],
    notarization_frozen: [null, 10],
    provenance_verifyItem: [ITEM],
    provenance_itemStatus: [ITEM],
    provenance_history: [ITEM, 0, 10],
    provenance_custodiansOfBatch: [s.batch, null, 10],
    provenance_batchesOfClass: [s.klass, null, 10],
    provenance_recall: [0],
    provenance_classesOf: [s.smeOrg, null, 10],
    provenance_frozen: [null, 10],
    ipRights_workByFingerprint: [s.fingerprint],
    ipRights_work: [s.workId],
    ipRights_worksOfAuthor: [s.sme, null, 10],
    ipRights_worksOfOwner: [s.smeOrg, null, 10],
    ipRights_openOffers: [s.workId],
    ipRights_licences: [s.workId, null, 10],
    ipRights_disputes: [s.workId, null, 10],
    ipRights_licenceCheck: [s.workId, s.sme, 'Reprint'],
    ipRights_frozen: [null, 10],
    supervision_case: [s.case],
    supervision_steps: [s.case, null, 10],
    supervision_casesOf: [s.smeOrg, null, 10],
    supervision_openCasesOf: [s.market, null, 10],
    supervision_publishedPenalties: [s.smeOrg, null, 10],
    supervision_plan: [s.plan],
    supervision_plansOf: [s.market, null, 10],
    supervision_planPopulation: [s.plan, 0, 10],
    supervision_planInspectors: [s.plan, 0, 10],
    supervision_planTargets: [s.plan],
    regchain_dossier: [SME_CODE, 2],
  };
}

/** Answers, cut for reading: at most three entries of a list, long hex shortened. */
function trim(value, depth = 0) {
  if (Array.isArray(value)) {
    const shown = value.slice(0, 3).map((v) => trim(v, depth + 1));
    return value.length > 3 ? [...shown, `… ${value.length - 3} more`] : shown;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trim(v, depth + 1)]));
  }
  if (typeof value === 'string' && /^0x[0-9a-f]{40,}$/.test(value)) return `${value.slice(0, 10)}…${value.slice(-4)}`;
  return value;
}

test('every domain method answers its example on a running node, and docs/rpc-examples.md shows each', async () => {
  const { methods } = await api._rpcCore.provider.send('rpc_methods', []);
  const served = methods.filter((m) => NAMESPACES.includes(m.split('_')[0]) && m !== 'regchain_proveFinality').sort();
  const table = examples(seeded);
  const missing = served.filter((m) => !(m in table));
  assert.deepEqual(missing, [], 'every served domain method has an example here');
  const unserved = Object.keys(table).filter((m) => !served.includes(m));
  assert.deepEqual(unserved, [], 'every example is of a served method');

  const sections = [];
  for (const method of served) {
    const params = table[method];
    const result = await api._rpcCore.provider.send(method, params);
    const request = { jsonrpc: '2.0', id: 1, method, params };
    const response = { jsonrpc: '2.0', id: 1, result: trim(result) };
    sections.push(`### \`${method}\`\n\n\`\`\`json\n${JSON.stringify(request)}\n\`\`\`\n\`\`\`json\n${JSON.stringify(response)}\n\`\`\`\n`);
  }
  // A few answers that must hold the seeded records (the examples show real data).
  const call = (m) => api._rpcCore.provider.send(m, table[m]);
  assert.equal((await call('invoices_issuedIn')).length, 1);
  assert.equal((await call('invoices_verifyPrinted')).status, 'Issued');
  assert.equal((await call('notarization_frozen')).find((f) => f.id === seeded.evidence)?.subject, seeded.smeOrg);
  assert.ok((await call('consortium_membersOverseen')).length >= 1);
  assert.equal((await call('ipRights_work')).owner, seeded.smeOrg);
  assert.equal((await call('provenance_itemStatus')).batch[0], seeded.batch);
  assert.equal((await call('provenance_verifyItem')).manufacturer, seeded.smeOrg);
  // The example grade, and the listing of the case's penalty (joint discipline).
  assert.equal((await call('credit_creditProfile')).length, 2);
  assert.equal((await call('credit_listings'))[0].case, seeded.case);
  assert.equal((await call('supervision_case')).case.subject, seeded.smeOrg);
  assert.equal((await call('supervision_publishedPenalties'))[0].amount, 500_000);

  if (process.env.REGCHAIN_WRITE_RPC_EXAMPLES === '1') {
    const page = [
      '# RegChain JSON-RPC: an example of every domain method',
      '',
      'Each request below was sent to a `--dev` node holding one record of each domain, and each',
      'answer is what the node returned (lists cut to three entries, long hex shortened). Written',
      'by `node/tests/e2e/rpc_examples.test.mjs` with `REGCHAIN_WRITE_RPC_EXAMPLES=1`; the test',
      'fails while a method the node serves has no example here. The parameters and answers are',
      'described in [rpc.md](rpc.md); through the query gateway the same `params` are signed',
      '([rpc.md, signed requests](rpc.md#signed-requests)).',
      '',
      ...sections,
    ].join('\n');
    writeFileSync(DOC, page);
  }
  const doc = readFileSync(DOC, 'utf8');
  const undocumented = served.filter((m) => !doc.includes(`### \`${m}\``));
  assert.deepEqual(undocumented, [], 'docs/rpc-examples.md has an example of every method (REGCHAIN_WRITE_RPC_EXAMPLES=1 rewrites it)');
});
