// `regchain-cli` against a running `--dev` node, as a registrar, a tax bureau, a finance bureau
// and enterprises use it: the typed commands of every domain (built with the types generated
// from the runtime's metadata), any call by name (`tx`), the domain queries and the dossier,
// text and `--json`, keys from a file or a keystore file, and the documented exit statuses of
// each kind of refusal. What the tool reports is checked against the chain through @polkadot/api.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { stringToHex, u8aToHex, u8aToString } from '@polkadot/util';
import { CLI_BIN, DAY, chainNow, endPublicity, itemId, registerOrganization, removeDir, run, sampleCreditCode, startDevNode, submit, tempDir } from './helpers.mjs';

let dev;
let api;
let url;
let keyring;
let dir;
const orgs = {};
const hash = (n) => u8aToHex(new Uint8Array(32).fill(n));
const SELLER = '//CliSeller';
const BUYER = '//CliBuyer';
const SELLER_CODE = sampleCreditCode(4101);
const BUYER_CODE = sampleCreditCode(4102);

/** Runs the tool with `--json`: its exit status, its JSON answer (if any) and its error line. */
async function cli(...args) {
  const { code, stdout, stderr } = await run(CLI_BIN, [...args, '--json']);
  let answer = null;
  try { answer = JSON.parse(stdout); } catch { /* no answer */ }
  return { code, answer, stderr: stderr.trim() };
}
/** Runs a command that must succeed; its answer. */
async function cliOk(...args) {
  const { code, answer, stderr } = await cli(...args);
  assert.equal(code, 0, stderr);
  return answer;
}
const eventIn = (answer, pallet, name) => answer.events.find((e) => e.pallet === pallet && e.event === name);

before(async () => {
  await cryptoWaitReady();
  keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  dev = await startDevNode('regchain-cli-');
  ({ api } = dev);
  url = `ws://127.0.0.1:${new URL(api._options.provider.endpoint).port}`;
  dir = tempDir('regchain-cli-keys-');
  // The buyer joins through @polkadot/api; the seller through the tool (first test).
  const buyer = keyring.addFromUri(BUYER);
  assert.equal((await registerOrganization(api, keyring.addFromUri('//Charlie'), { name: 'Cli buyer', code: BUYER_CODE, account: buyer })).error, null);
  orgs.buyer = (await api.query.consortium.accountOrganization(buyer.address)).unwrap().toNumber();
});

after(async () => {
  await dev?.stop();
  if (dir) removeDir(dir);
});

test('every command has --help, listing the exit statuses', async () => {
  const commands = [
    [], ['org'], ['org', 'consent'], ['org', 'register'], ['org', 'grant-role'], ['org', 'revoke-role'],
    ['funds', 'create-program'], ['funds', 'set-budget'], ['funds', 'apply'], ['funds', 'approve'], ['funds', 'disburse'],
    ['funds', 'object'], ['funds', 'answer-objection'], ['funds', 'disallow'], ['funds', 'record-repayment'],
    ['funds', 'record-agreement'], ['funds', 'accept'], ['funds', 'contribute'], ['funds', 'evaluate'],
    ['funds', 'designate-bank'], ['funds', 'confirm-movement'],
    ['invoice', 'issue'], ['invoice', 'confirm'], ['invoice', 'confirm-use'], ['invoice', 'reverse'], ['invoice', 'request-reversal'], ['credit', 'attest'],
    ['product', 'register-class'], ['product', 'register-batch'], ['product', 'register-items'], ['product', 'item-id'],
    ['ip', 'register-work'], ['tx'], ['query'], ['dossier'], ['notary', 'submit'],
  ];
  for (const command of commands) {
    const { code, stdout } = await run(CLI_BIN, [...command, '--help']);
    assert.equal(code, 0, command.join(' '));
    if (command.length > 0) assert.match(stdout, /Exit status: 0 done; 1 bad input/, command.join(' '));
  }
  // Bad usage is status 2 (clap), before anything is read or sent.
  assert.equal((await run(CLI_BIN, ['org', 'grant-role', '--org', 'seven'])).code, 2);
});

test('a registrar registers an enterprise with its consent; the tax bureau makes it an issuer', async () => {
  // The enterprise signs its consent with a key kept in a file (never on the command line).
  const sellerFile = path.join(dir, 'seller.suri');
  writeFileSync(sellerFile, `${SELLER}\n`);
  // It consents to registration as an enterprise by market regulation (Charlie's organization).
  const market = (await api.query.consortium.accountOrganization(keyring.addFromUri('//Charlie').address)).unwrap().toNumber();
  const consent = await cliOk('org', 'consent', '--credit-code', SELLER_CODE, '--kind', 'enterprise', '--registrar', String(market), '--suri-file', sellerFile, '--url', url);
  const seller = keyring.addFromUri(SELLER);
  assert.equal(consent.account, seller.address);
  assert.ok(consent.valid_until > await chainNow(api));
  // Market regulation (Charlie) registers it, signing from a Substrate keystore file.
  const keystore = path.join(dir, 'keystore');
  mkdirSync(keystore);
  const charlieFile = path.join(keystore, `61636330${u8aToHex(keyring.addFromUri('//Charlie').publicKey).slice(2)}`);
  writeFileSync(charlieFile, JSON.stringify('//Charlie'));
  const registered = await cliOk('org', 'register', '--kind', 'enterprise', '--name', 'Cli Seller Co.', '--credit-code', SELLER_CODE,
    '--account', consent.account, '--consent-valid-until', String(consent.valid_until), '--consent-signature', consent.signature,
    '--keystore-file', charlieFile, '--url', url);
  assert.equal(registered.status, 'finalized');
  const event = eventIn(registered, 'Consortium', 'OrganizationRegistered');
  assert.ok(event, JSON.stringify(registered.events));
  orgs.seller = (await api.query.consortium.accountOrganization(seller.address)).unwrap().toNumber();
  assert.equal(event.fields.org, orgs.seller);
  const org = (await api.query.consortium.organizations(orgs.seller)).unwrap();
  assert.equal(u8aToString(org.creditCode.unwrap().toU8a()), SELLER_CODE);
  // Its block is the one the tool named.
  assert.equal((await api.rpc.chain.getBlockHash(registered.block)).toHex(), registered.block_hash);

  const granted = await cliOk('org', 'grant-role', '--org', String(orgs.seller), '--role', 'invoice-issuer', '--suri', '//Bob', '--url', url);
  const roleGranted = eventIn(granted, 'Consortium', 'RoleGranted').fields;
  assert.deepEqual([roleGranted.org, roleGranted.role], [orgs.seller, 'InvoiceIssuer']);
  // Roles are a bit set; InvoiceIssuer is bit 0.
  const roles = () => api.query.consortium.organizations(orgs.seller).then((o) => o.unwrap().roles.toJSON());
  assert.equal(await roles() & 1, 1);
  const limits = await submit(api, api.tx.invoices.setIssuerLimits(orgs.seller, { perInvoice: 10n ** 12n, perMonth: 10n ** 13n }), keyring.addFromUri('//Bob'));
  assert.equal(limits.error, null);
});

test('invoices: issue, confirm, confirm the use and reverse through the tool; the chain holds what it reported', async () => {
  const issued = await cliOk('invoice', 'issue', '--buyer-org', String(orgs.buyer), '--line', `${hash(7)}:1100101020000000000:2000:1.50:1`,
    '--line', `${hash(8)}:1100101020000000000:1000:0.99:2`, '--document', hash(1), '--suri', SELLER, '--url', url);
  const event = eventIn(issued, 'Invoices', 'InvoiceIssued');
  assert.ok(event, JSON.stringify(issued.events));
  const seq = event.fields.invoice.seq;
  const invoice = (await api.query.invoices.issuedInvoices(orgs.seller, seq)).unwrap();
  assert.equal(invoice.lines.length, 2);
  const confirmed = await cliOk('invoice', 'confirm', '--issuer', String(orgs.seller), '--seq', String(seq), '--suri', BUYER, '--url', url);
  assert.ok(eventIn(confirmed, 'Invoices', 'InvoiceConfirmed'));
  assert.equal((await api.query.invoices.issuedInvoices(orgs.seller, seq)).unwrap().status.toString(), 'Confirmed');
  const used = await cliOk('invoice', 'confirm-use', '--issuer', String(orgs.seller), '--seq', String(seq), '--use', 'deduct', '--suri', BUYER, '--url', url);
  assert.ok(eventIn(used, 'Invoices', 'UseConfirmed'));
  assert.equal((await api.query.invoices.issuedInvoices(orgs.seller, seq)).unwrap().inputUse.unwrap().toString(), 'Deduct');
  // An ordinary invoice to a consumer who gave no commitment.
  const consumer = await cliOk('invoice', 'issue', '--type', 'ordinary', '--person', '--line', `${hash(7)}:1100101020000000000:1000:1.50:7`,
    '--document', hash(3), '--suri', SELLER, '--url', url);
  const toPerson = eventIn(consumer, 'Invoices', 'InvoiceIssued');
  const ordinary = (await api.query.invoices.issuedInvoices(orgs.seller, toPerson.fields.invoice.seq)).unwrap();
  assert.equal(ordinary.invoiceType.toString(), 'Ordinary');
  assert.equal(ordinary.buyer.asPerson.commitment.isNone, true);
  // An allowance of 0.50 yuan on the consumer's invoice: a red invoice at once (nobody deducts it).
  const allowed = await cliOk('invoice', 'reverse', '--issuer', String(orgs.seller), '--seq', String(toPerson.fields.invoice.seq),
    '--reason', 'allowance', '--line', '0:0:0.50', '--document', hash(2), '--suri', SELLER, '--url', url);
  const red = eventIn(allowed, 'Invoices', 'RedInvoiceIssued').fields;
  assert.equal(red.original, toPerson.fields.invoice.seq);
  assert.equal(red.net, 50);
  // The deducted invoice in full: a request its buyer answers.
  const reversed = await cliOk('invoice', 'reverse', '--issuer', String(orgs.seller), '--seq', String(seq), '--document', hash(2), '--suri', SELLER, '--url', url);
  assert.equal(eventIn(reversed, 'Invoices', 'RedRequested').fields.invoice.seq, seq);
  const bad = await cli('invoice', 'request-reversal', '--issuer', String(orgs.seller), '--seq', String(seq), '--reason', 'return',
    '--line', '0:1000', '--document', hash(2), '--suri', BUYER, '--url', url);
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /LINE:QUANTITY_THOUSANDTHS:NET_YUAN/);

  // A second confirmation fails in its block: status 5, the runtime's error by name.
  const again = await cli('invoice', 'confirm', '--issuer', String(orgs.seller), '--seq', String(seq), '--suri', BUYER, '--url', url);
  assert.equal(again.code, 5, again.stderr);
  assert.match(again.answer.error.name, /^Invoices\./);
  assert.match(again.stderr, /the call failed in block \d+: Invoices\./);
  // Text by default: the headline and the events.
  const text = await run(CLI_BIN, ['org', 'grant-role', '--org', String(orgs.buyer), '--role', 'invoice-issuer', '--suri', '//Bob', '--url', url, '--wait', 'in-block']);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /^Consortium\.grant_role (in-block|finalized) in block \d+ \(0x[0-9a-f]{64}\)\n  extrinsic 0x[0-9a-f]{64}\n/);
  assert.match(text.stdout, /event Consortium\.RoleGranted/);
});

test('funds, credit, provenance and IP: each domain\'s main call through the tool', async () => {
  const now = await chainNow(api);
  const day = (ms) => { const d = new Date(ms + 8 * 3_600_000); return d.toISOString().slice(0, 10); };
  // The finance bureau (Alice) manages funds.
  const alice = keyring.addFromUri('//Alice');
  const finance = (await api.query.consortium.accountOrganization(alice.address)).unwrap().toNumber();
  assert.equal((await submit(api, api.tx.consortium.grantRole(finance, 'FundManager'), alice)).error, null);
  // A Shanghai program (the members' sample codes are registered in 310000), 60,000.00 yuan
  // at most each, its awards published ten days.
  const program = await cliOk('funds', 'create-program', '--policy', hash(3), '--apply-from', String(now),
    '--apply-until', day(now + 30 * DAY), '--ends-at', day(now + 365 * DAY), '--region', '310000', '--kind', 'enterprise',
    '--max-per-applicant', '6000000', '--publicity-days', '10', '--cap', '0:50', '--suri', '//Alice', '--url', url);
  const programId = eventIn(program, 'Funds', 'ProgramCreated').fields.program;
  const stored = (await api.query.funds.programs(programId)).unwrap();
  // A date is midnight of that day in China Standard Time.
  assert.equal((stored.applyUntil.toNumber() + 8 * 3_600_000) % DAY, 0);
  const terms = (await api.query.funds.programTerms(programId)).unwrap().toJSON();
  assert.deepEqual([terms.eligibility.regions, terms.eligibility.kinds, terms.eligibility.maxPerApplicant, terms.publicityDays],
    [[310000], 1 << 16, 6_000_000, 10]);
  assert.deepEqual(terms.rules, { payment: 'Advance', coFunding: 0, caps: [{ category: 0, percent: 50 }], bankConfirmsFrom: null });
  assert.ok(eventIn(await cliOk('funds', 'set-budget', '--program', String(programId), '--budget', '100000000', '--suri', '//Alice', '--url', url), 'Funds', 'BudgetChanged'));
  const applied = await cliOk('funds', 'apply', '--program', String(programId), '--amount', '5000000', '--document', hash(4), '--project', hash(0x44), '--suri', SELLER, '--url', url);
  const application = eventIn(applied, 'Funds', 'Applied').fields.application;
  assert.ok(eventIn(await cliOk('funds', 'approve', '--application', String(application), '--amount', '4000000', '--suri', '//Alice', '--url', url), 'Funds', 'Approved'));
  // The buyer objects during the publicity; the manager answers; the days pass.
  assert.ok(eventIn(await cliOk('funds', 'object', '--allocation', String(application), '--reason', hash(0x45), '--evidence', hash(0x46), '--suri', BUYER, '--url', url), 'Funds', 'Objected'));
  const answered = await cliOk('funds', 'answer-objection', '--allocation', String(application), '--objector', String(orgs.buyer), '--answer', hash(0x47), '--suri', '//Alice', '--url', url);
  assert.equal(eventIn(answered, 'Funds', 'ObjectionAnswered').fields.upheld, false);
  await endPublicity(api, application, alice);
  assert.ok(eventIn(await cliOk('funds', 'disburse', '--allocation', String(application), '--amount', '4000000', '--transfer', hash(5), '--suri', '//Alice', '--url', url), 'Funds', 'Disbursed'));
  assert.ok(eventIn(await cliOk('funds', 'contribute', '--allocation', String(application), '--amount', '1000000', '--proof', hash(0x48), '--suri', SELLER, '--url', url), 'Funds', 'Contributed'));
  const evaluated = await cliOk('funds', 'evaluate', '--allocation', String(application), '--score', '91', '--report', hash(0x49), '--suri', '//Alice', '--url', url);
  assert.equal(eventIn(evaluated, 'Funds', 'Evaluated').fields.score, 91);
  // A program paid by milestones: the agreement, then the milestone's acceptance.
  const staged = await cliOk('funds', 'create-program', '--policy', hash(3), '--apply-from', String(now),
    '--apply-until', day(now + 30 * DAY), '--ends-at', day(now + 365 * DAY), '--payment', 'milestones', '--co-funding', '20',
    '--suri', '//Alice', '--url', url);
  const stagedId = eventIn(staged, 'Funds', 'ProgramCreated').fields.program;
  await cliOk('funds', 'set-budget', '--program', String(stagedId), '--budget', '100000000', '--suri', '//Alice', '--url', url);
  const second = eventIn(await cliOk('funds', 'apply', '--program', String(stagedId), '--amount', '1000000', '--document', hash(4), '--project', hash(0x4a), '--suri', SELLER, '--url', url), 'Funds', 'Applied').fields.application;
  await cliOk('funds', 'approve', '--application', String(second), '--amount', '1000000', '--suri', '//Alice', '--url', url);
  await endPublicity(api, second, alice);
  const agreed = await cliOk('funds', 'record-agreement', '--allocation', String(second), '--document', hash(0x4b),
    '--milestone', `600000:${day(now + 100 * DAY)}`, '--target', `${hash(0x4c)}:25`, '--suri', '//Alice', '--url', url);
  assert.deepEqual([eventIn(agreed, 'Funds', 'AgreementRecorded').fields.milestones, eventIn(agreed, 'Funds', 'AgreementRecorded').fields.targets], [1, 1]);
  const accepted = await cliOk('funds', 'accept', '--allocation', String(second), '--amount', '600000', '--report', hash(0x4d), '--suri', '//Alice', '--url', url);
  assert.equal(eventIn(accepted, 'Funds', 'Accepted').fields.amount, 600000);
  const badMilestone = await cli('funds', 'record-agreement', '--allocation', String(second), '--document', hash(0x4b), '--milestone', '600000', '--suri', '//Alice', '--url', url);
  assert.equal(badMilestone.code, 1);
  assert.match(badMilestone.stderr, /--milestone `600000`: expected AMOUNT_FEN:DUE/);

  // Credit: the credit regulator registers a claim type and authorizes the buyer as attester —
  // through `tx`, any call by its metadata names.
  const ferdie = '//Ferdie';
  const type = await cliOk('tx', 'Credit', 'register_claim_type', stringToHex('utility-payment'), hash(6), `(${stringToHex('on-time')}, ${stringToHex('late')})`, String(1 << 16), 'false', '--suri', ferdie, '--url', url);
  const claimType = eventIn(type, 'Credit', 'ClaimTypeRegistered').fields.claim_type;
  await cliOk('tx', 'Consortium', 'grant_role', String(orgs.buyer), 'Attester()', '--suri', ferdie, '--url', url);
  await cliOk('tx', 'Credit', 'authorize_attester', String(claimType), String(orgs.buyer), '--suri', ferdie, '--url', url);
  const attested = await cliOk('credit', 'attest', '--subject', String(orgs.seller), '--claim-type', String(claimType), '--data', hash(7),
    '--rating', '0', '--valid-from', String(now), '--valid-until', day(now + 365 * DAY), '--suri', BUYER, '--url', url);
  const attestation = eventIn(attested, 'Credit', 'Attested').fields.attestation;
  assert.equal((await api.query.credit.attestations(attestation)).unwrap().subject.toNumber(), orgs.seller);

  // Provenance: market regulation makes the seller a manufacturer; a class, a batch, units.
  await cliOk('org', 'grant-role', '--org', String(orgs.seller), '--role', 'manufacturer', '--suri', '//Charlie', '--url', url);
  const klass = await cliOk('product', 'register-class', '--sku', 'CLI-SKU-1', '--gtin', '6901234567892', '--metadata', hash(8), '--suri', SELLER, '--url', url);
  const classId = eventIn(klass, 'Provenance', 'ClassRegistered').fields.class;
  const batch = await cliOk('product', 'register-batch', '--class', String(classId), '--lot', hash(9), '--produced-on', day(now), '--suri', SELLER, '--url', url);
  const batchId = eventIn(batch, 'Provenance', 'BatchRegistered').fields.batch;
  const items = await cliOk('product', 'register-items', '--batch', String(batchId), '--item', hash(10), '--item', hash(11), '--location', '1234567890128', '--suri', SELLER, '--url', url);
  assert.ok(eventIn(items, 'Provenance', 'ItemsRegistered'), JSON.stringify(items.events));
  // The chain keeps a unit under its code scoped by its class; the tool prints that id offline,
  // as the documented hash computes it.
  const { item } = await cliOk('product', 'item-id', '--class', String(classId), '--code', hash(11));
  assert.equal(item, itemId({ class: classId }, hash(11)));
  assert.ok((await api.query.provenance.items(item)).isSome);
  assert.ok((await api.query.provenance.items(hash(11))).isNone);

  // IP: the seller registers a work, its account the sole author.
  const work = await cliOk('ip', 'register-work', '--fingerprint', hash(12), '--work-type', 'software', '--metadata', hash(13), '--suri', SELLER, '--url', url);
  const workId = eventIn(work, 'IpRights', 'WorkRegistered').fields.id;
  assert.equal((await api.query.ipRights.works(workId)).unwrap().owner.toNumber(), orgs.seller);
});

test('queries and the dossier read the node\'s domain methods', async () => {
  const dossier = await cliOk('dossier', SELLER_CODE, '--limit', '5', '--url', url);
  assert.equal(dossier.organization.id, orgs.seller);
  assert.ok(dossier.invoices.issued.length >= 1, JSON.stringify(dossier.invoices));
  assert.ok(dossier.works.length >= 1);
  const org = await cliOk('query', 'consortium_organizationByCreditCode', stringToHex(SELLER_CODE), '--url', url);
  assert.equal(org.id, orgs.seller);
  // Text: indented fields.
  const text = await run(CLI_BIN, ['query', 'consortium_organizationByCreditCode', stringToHex(SELLER_CODE), '--url', url]);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, new RegExp(`^id: ${orgs.seller}$`, 'm'));
  // A refused query: the node's error, status 3.
  assert.equal((await cliOk('query', 'consortium_organizationByCreditCode', stringToHex(sampleCreditCode(4199)), '--url', url)), null);
  const bad = await cli('query', 'notarization_verifyDigest', 'Sm3', '0x12', '--url', url);
  assert.equal(bad.code, 3);
  assert.match(bad.stderr, /error: notarization_verifyDigest: .*32 bytes/);
});

test('refusals: each has its exit status and changes nothing', async () => {
  const before = (await api.rpc.chain.getHeader()).number.toNumber();
  // 1: bad input, caught before anything is sent.
  const badHash = await cli('invoice', 'confirm', '--issuer', '1', '--seq', 'x', '--suri', BUYER, '--url', url);
  assert.equal(badHash.code, 2);
  const badDoc = await cli('funds', 'apply', '--program', '0', '--amount', '1', '--document', '0x12', '--project', hash(1), '--suri', SELLER, '--url', url);
  assert.equal(badDoc.code, 1);
  assert.match(badDoc.stderr, /--document/);
  const noKey = await cli('org', 'grant-role', '--org', '1', '--role', 'auditor', '--url', url);
  assert.equal(noKey.code, 1);
  assert.match(noKey.stderr, /no signing key/);
  const badKey = await cli('org', 'grant-role', '--org', '1', '--role', 'auditor', '--suri', 'not a key at all', '--url', url);
  assert.equal(badKey.code, 1);
  assert.doesNotMatch(badKey.stderr, /not a key at all/, 'the secret was echoed');
  // 3: no node there.
  const nowhere = await cli('org', 'grant-role', '--org', '1', '--role', 'auditor', '--suri', '//Bob', '--url', 'ws://127.0.0.1:1');
  assert.equal(nowhere.code, 3);
  // 4: refused by the node before any block — an account of no member.
  const outsider = await cli('org', 'grant-role', '--org', '1', '--role', 'auditor', '--suri', '//NobodyAtAll', '--url', url);
  assert.equal(outsider.code, 4, outsider.stderr);
  assert.match(outsider.stderr, /the node refused the extrinsic/);
  // 5: an enterprise may not grant roles — the runtime's error, in its block.
  const grab = await cli('org', 'grant-role', '--org', String(orgs.seller), '--role', 'auditor', '--suri', SELLER, '--url', url);
  assert.equal(grab.code, 5, grab.stderr);
  assert.ok(grab.answer.block > before);
  // Auditor is bit 2.
  assert.equal((await api.query.consortium.organizations(orgs.seller)).unwrap().roles.toJSON() & 4, 0);
  // A special account is held by a bank: naming the buyer (an enterprise) is refused by name,
  // and the seller's account names no bank.
  const notBank = await cli('funds', 'designate-bank', '--bank', String(orgs.buyer), '--suri', SELLER, '--url', url);
  assert.equal(notBank.code, 5, notBank.stderr);
  assert.match(notBank.stderr, /Funds\.NotABank/);
  assert.ok((await api.query.funds.accountBanks(orgs.seller)).isNone);
  // `tx` with an unknown call or bad arguments: status 1 or 3, nothing sent.
  const unknown = await cli('tx', 'Consortium', 'no_such_call', '--suri', '//Bob', '--url', url);
  assert.ok([1, 3].includes(unknown.code), unknown.stderr);
  const unparsable = await cli('tx', 'Consortium', 'grant_role', '{{', '--suri', '//Bob', '--url', url);
  assert.equal(unparsable.code, 1);
});
