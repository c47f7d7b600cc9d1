// IP fingerprints on a running `--dev` node, through @polkadot/api: a publisher registers an
// article under its two authors' signed declarations (keys of no member), holds priority for
// its fingerprint, offers licences; a platform licenses it and any platform checks the licence
// without a signature; a rival's ownership claim on notarized evidence blocks a transfer until
// the IP office (Eve, holding `IpExaminer`) rejects it, and is not refiled at once; an upheld
// infringement claim on the owner's own evidence ends the infringer's licence and bars it
// until the owner lifts the bar; the office freezes a work. Queries come from `api.call.ipRightsApi`;
// every refusal is checked by its decoded error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { chainNow, DAY, registerOrganization, sampleCreditCode, startDevNode, submit, workDeclaration } from './helpers.mjs';

let dev;
let api;
let charlie; // market regulation
let eve; // the IP office
let publisher;
let platform;
let rival;
let writer;
let illustrator;
const orgs = {};
const hash = (n) => u8aToHex(new Uint8Array(32).fill(n));

const ok = async (tx, signer) => {
  const result = await submit(api, tx, signer);
  assert.equal(result.error, null);
  return result;
};
const eventOf = (result, name) => result.events.find(({ event }) => api.events.ipRights[name].is(event)).event.data;

/** `registerWork` of `work` for `owner`, signed by every author with its next nonce. */
async function registration(work, owner, { signers } = {}) {
  const authors = [];
  for (const [i, [who, share]] of work.shares.entries()) {
    const nonce = (await api.query.ipRights.authorNonces(who.address)).toNumber();
    const shares = work.shares.map(([author, part]) => [author.address, part]);
    const message = workDeclaration(api, { ...work, shares, owner, nonce });
    const signer = signers?.[i] ?? who;
    authors.push({ key: who.address, share, nonce, signature: { Sr25519: signer.sign(message) } });
  }
  return api.tx.ipRights.registerWork(work.fingerprint, work.extra, work.workType, work.metadata, authors);
}

before(async () => {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  dev = await startDevNode('regchain-ip-');
  ({ api } = dev);
  charlie = keyring.addFromUri('//Charlie');
  eve = keyring.addFromUri('//Eve');
  publisher = keyring.addFromUri('//ShanghaiPress');
  platform = keyring.addFromUri('//ReadingPlatform');
  rival = keyring.addFromUri('//RivalStudio');
  writer = keyring.addFromUri('//Writer');
  illustrator = keyring.addFromUri('//Illustrator');
  let n = 2301;
  for (const [name, who] of [['publisher', publisher], ['platform', platform], ['rival', rival]]) {
    assert.equal((await registerOrganization(api, charlie, { kind: 'Enterprise', name, code: sampleCreditCode(n++), account: who })).error, null);
    orgs[name] = (await api.query.consortium.accountOrganization(who.address)).unwrap().toNumber();
  }
  orgs.office = (await api.query.consortium.accountOrganization(eve.address)).unwrap().toNumber();
  // The IP office grants itself the examiner role (IP offices hold it in law).
  await ok(api.tx.consortium.grantRole(orgs.office, 'IpExaminer'), eve);
});

after(async () => {
  await dev?.stop();
});

const article = {
  fingerprint: blake2AsHex('the full text of the article'),
  extra: [{ scheme: 'Iscc', value: u8aToHex(new TextEncoder().encode('ISCC:KACYPXW445FTYNJ3')) }],
  workType: 'Article',
  metadata: hash(0x0a),
};
let work;

test('authors sign their declaration; the first registrant holds priority; bad, replayed or unbalanced declarations are refused', async () => {
  article.shares = [[writer, 7000], [illustrator, 3000]];
  const done = await ok(await registration(article, orgs.publisher), publisher);
  work = eventOf(done, 'WorkRegistered').id.toNumber();
  const [id, found] = (await api.call.ipRightsApi.workByFingerprint(article.fingerprint)).unwrap();
  assert.equal(id.toNumber(), work);
  assert.equal(found.owner.toNumber(), orgs.publisher);
  assert.ok(Math.abs(found.registeredAt.toNumber() - (await chainNow(api))) < DAY);
  assert.deepEqual(found.authors.map((a) => [a.key.toString(), a.share.toNumber()]), [[writer.address, 7000], [illustrator.address, 3000]]);
  assert.equal(found.extra[0].scheme.type, 'Iscc');
  const byWriter = await api.call.ipRightsApi.worksOfAuthor(writer.address, null, 100);
  assert.deepEqual(byWriter.map(([i]) => i.toNumber()), [work]);

  // The same fingerprint, freshly signed for the rival: priority stays with the publisher.
  const copy = { ...article, shares: [[writer, 10000]] };
  assert.equal((await submit(api, await registration(copy, orgs.rival), rival)).error, 'ipRights.AlreadyRegistered');
  // A declaration signed for the publisher cannot be used by the rival.
  const other = { ...article, fingerprint: blake2AsHex('another article'), shares: [[writer, 10000]] };
  const forThePublisher = await registration(other, orgs.publisher);
  const stolen = api.tx.ipRights.registerWork(...forThePublisher.method.args);
  assert.equal((await submit(api, stolen, rival)).error, 'ipRights.InvalidAuthorSignature');
  // A signature by someone else than the author.
  assert.equal((await submit(api, await registration(other, orgs.publisher, { signers: [rival] }), publisher)).error, 'ipRights.InvalidAuthorSignature');
  // Shares must sum to 10,000.
  const unbalanced = { ...other, shares: [[writer, 6000], [illustrator, 3000]] };
  assert.equal((await submit(api, await registration(unbalanced, orgs.publisher), publisher)).error, 'ipRights.SharesDoNotSum');
  // A declaration counts once: the one used above, replayed, is refused.
  const replayed = api.tx.ipRights.registerWork(...forThePublisher.method.args);
  await ok(forThePublisher, publisher);
  assert.equal((await submit(api, replayed, publisher)).error, 'ipRights.InvalidNonce');
});

test('a platform licenses the work against an offer; anyone checks the licence; limits and exclusivity hold', async () => {
  const now = await chainNow(api);
  const terms = (kind, exclusive, max) => ({
    kind, exclusive, price: 50_000, terms: hash(0x7e), maxLicences: max, opens: now - 1, closes: now + 10 * DAY, licenceTerm: 30 * DAY,
  });
  const reprint = eventOf(await ok(api.tx.ipRights.publishOffer(work, terms('Reprint', false, 1)), publisher), 'OfferPublished').offer.toNumber();
  const exclusive = eventOf(await ok(api.tx.ipRights.publishOffer(work, terms('Commercial', true, null)), publisher), 'OfferPublished').offer.toNumber();
  assert.equal((await submit(api, api.tx.ipRights.publishOffer(work, terms('Reprint', false, 0)), publisher)).error, 'ipRights.ZeroLimit');
  assert.equal((await submit(api, api.tx.ipRights.publishOffer(work, terms('Reprint', false, null)), platform)).error, 'ipRights.NotOwner');
  const taken = eventOf(await ok(api.tx.ipRights.takeLicence(reprint, hash(0xaa)), platform), 'LicenceTaken');
  assert.equal(taken.licensee.toNumber(), orgs.platform);
  assert.equal((await submit(api, api.tx.ipRights.takeLicence(reprint, hash(0xab)), rival)).error, 'ipRights.OfferExhausted');
  // Checked without a signature, by any platform.
  const check = await api.call.ipRightsApi.licenceCheck(work, platform.address, 'Reprint');
  assert.equal(check.type, 'Licensed');
  assert.equal(check.asLicensed.until.toNumber(), taken.until.toNumber());
  assert.equal((await api.call.ipRightsApi.licenceCheck(work, rival.address, 'Reprint')).type, 'NotLicensed');
  assert.equal((await api.call.ipRightsApi.licenceCheck(work, writer.address, 'Reprint')).type, 'NotLicensed');
  assert.equal((await api.call.ipRightsApi.licenceCheck(work, publisher.address, 'Commercial')).type, 'Owner');
  // The rival takes the exclusive commercial licence (the owner needs none); nobody else may
  // license commercial use.
  assert.equal((await submit(api, api.tx.ipRights.takeLicence(exclusive, hash(0xab)), publisher)).error, 'ipRights.AlreadyOwner');
  await ok(api.tx.ipRights.takeLicence(exclusive, hash(0xac)), rival);
  assert.equal((await submit(api, api.tx.ipRights.takeLicence(exclusive, hash(0xad)), platform)).error, 'ipRights.ExclusivelyLicensed');
  const licences = await api.call.ipRightsApi.licences(work, null, 100);
  assert.equal(licences.length, 2);
  await ok(api.tx.ipRights.withdrawOffer(exclusive), publisher);
  assert.equal((await submit(api, api.tx.ipRights.takeLicence(exclusive, hash(0xae)), platform)).error, 'ipRights.OfferClosed');
  const open = await api.call.ipRightsApi.openOffers(work);
  assert.deepEqual(open.map(([id]) => id.toNumber()), [reprint]);
});

test('disputes cite own or court-admitted evidence; an open one blocks a transfer; a rejected claim waits; only the IP office decides; an infringer is barred', async () => {
  assert.equal((await submit(api, api.tx.ipRights.fileDispute(work, 'Ownership', [999999], hash(0x5a)), rival)).error, 'ipRights.EvidenceNotFound');
  const notarized = await ok(api.tx.notarization.notarize('Sha256', blake2AsHex('draft of 2025'), 'Document', hash(2), null), rival);
  const record = notarized.events.find(({ event }) => api.events.notarization.Notarized.is(event)).event.data.id.toNumber();
  const filed = eventOf(await ok(api.tx.ipRights.fileDispute(work, 'Ownership', [record], hash(0x5a)), rival), 'DisputeFiled');
  const dispute = filed.dispute.toNumber();
  assert.equal((await submit(api, api.tx.ipRights.fileDispute(work, 'Ownership', [record], hash(0x5b)), rival)).error, 'ipRights.AlreadyDisputed');
  assert.equal((await submit(api, api.tx.ipRights.transfer(work, orgs.platform, hash(0xc0)), publisher)).error, 'ipRights.UnderDispute');
  assert.equal((await submit(api, api.tx.ipRights.rejectDispute(dispute, hash(0xde)), charlie)).error, 'BadOrigin');
  await ok(api.tx.ipRights.rejectDispute(dispute, hash(0xde)), eve);
  const decided = (await api.call.ipRightsApi.disputes(work, null, 100)).map(([, d]) => d.status.type);
  assert.deepEqual(decided, ['Rejected']);
  // Refiled at once to keep the work blocked: refused for a month.
  assert.equal((await submit(api, api.tx.ipRights.fileDispute(work, 'Ownership', [record], hash(0x5d)), rival)).error, 'ipRights.RefilingTooSoon');
  // Now the publisher may transfer the work.
  await ok(api.tx.ipRights.transfer(work, orgs.platform, hash(0xc0)), publisher);
  const [, moved] = (await api.call.ipRightsApi.workByFingerprint(article.fingerprint)).unwrap();
  assert.equal(moved.owner.toNumber(), orgs.platform);
  // The new owner claims infringement by the rival: the rival's notarization proves nothing of
  // the platform's claim (no court admitted it); the platform's own capture does.
  const infringement = { Infringement: { respondent: orgs.rival } };
  assert.equal((await submit(api, api.tx.ipRights.fileDispute(work, infringement, [record], hash(0x5c)), platform)).error, 'ipRights.EvidenceNotAdmissible');
  const captured = await ok(api.tx.notarization.notarize('Sha256', blake2AsHex('the rival\'s reprint, captured'), 'WebPage', hash(2), null), platform);
  const capture = captured.events.find(({ event }) => api.events.notarization.Notarized.is(event)).event.data.id.toNumber();
  const claim = eventOf(await ok(api.tx.ipRights.fileDispute(work, infringement, [capture], hash(0x5c)), platform), 'DisputeFiled').dispute.toNumber();
  // Upheld: the rival's licence ends and it takes no new licence until the owner lifts the bar.
  const upheld = await ok(api.tx.ipRights.upholdDispute(claim, hash(0xdf)), eve);
  assert.ok(upheld.events.some(({ event }) => api.events.ipRights.LicenceRevoked.is(event)));
  assert.equal(eventOf(upheld, 'LicenseeBarred').licensee.toNumber(), orgs.rival);
  assert.equal((await api.call.ipRightsApi.licenceCheck(work, rival.address, 'Commercial')).type, 'NotLicensed');
  const now = await chainNow(api);
  const terms = { kind: 'Commercial', exclusive: false, price: 1, terms: hash(1), maxLicences: null, opens: now, closes: now + DAY, licenceTerm: DAY };
  const offer = eventOf(await ok(api.tx.ipRights.publishOffer(work, terms), platform), 'OfferPublished').offer.toNumber();
  assert.equal((await submit(api, api.tx.ipRights.takeLicence(offer, hash(0xaf)), rival)).error, 'ipRights.LicenseeBarred');
  assert.equal((await submit(api, api.tx.ipRights.liftLicenceBar(work, orgs.rival), rival)).error, 'ipRights.NotOwner');
  await ok(api.tx.ipRights.liftLicenceBar(work, orgs.rival), platform);
  await ok(api.tx.ipRights.takeLicence(offer, hash(0xaf)), rival);
});

test('the IP office freezes a work: no offer until it is unfrozen', async () => {
  const now = await chainNow(api);
  const terms = { kind: 'Reprint', exclusive: false, price: 1, terms: hash(1), maxLicences: null, opens: now, closes: now + DAY, licenceTerm: DAY };
  assert.equal((await submit(api, api.tx.ipRights.freeze(work, hash(0x0f)), charlie)).error, 'BadOrigin');
  await ok(api.tx.ipRights.freeze(work, hash(0x0f)), eve);
  assert.equal((await submit(api, api.tx.ipRights.publishOffer(work, terms), platform)).error, 'ipRights.Frozen');
  assert.equal((await api.query.ipRights.frozenWorks(work)).unwrap().by.toNumber(), orgs.office);
  await ok(api.tx.ipRights.unfreeze(work), eve);
  await ok(api.tx.ipRights.publishOffer(work, terms), platform);
});

test('the domain queries and the dossier are JSON-RPC methods in plain JSON; bad input is a clear error', async () => {
  const rpc = (method, params) => api._rpcCore.provider.send(method, params);
  const { methods } = await rpc('rpc_methods', []);
  for (const m of ['ipRights_workByFingerprint', 'ipRights_licenceCheck', 'notarization_verifyDigest', 'provenance_itemStatus', 'invoices_invoice', 'credit_creditProfile', 'funds_programStatement']) {
    assert.ok(methods.includes(m), `${m} is listed`);
  }
  // Positional or by name; hashes in hex, accounts in SS58, enums by name, structs camelCase.
  const [id, found] = await rpc('ipRights_workByFingerprint', [article.fingerprint]);
  assert.equal(id, work);
  assert.equal(found.owner, orgs.platform);
  assert.equal(found.fingerprint, article.fingerprint);
  assert.deepEqual(found.authors, [{ key: writer.address, share: 7000 }, { key: illustrator.address, share: 3000 }]);
  assert.equal(found.workType, 'Article');
  assert.equal(typeof found.registeredAt, 'number');
  const check = await rpc('ipRights_licenceCheck', { work, account: platform.address, kind: 'Reprint' });
  assert.equal(check, 'Owner');
  assert.equal(await rpc('ipRights_workByFingerprint', [hash(0x99)]), null);
  const page = await rpc('ipRights_worksOfOwner', { owner: orgs.platform, limit: 10 });
  assert.deepEqual(page.map(([i]) => i), [work]);
  // Bad input: which parameter, and what is wrong.
  const refused = async (method, params, pattern) => {
    await assert.rejects(rpc(method, params), (e) => {
      assert.match(e.message, pattern);
      return true;
    });
  };
  await refused('ipRights_workByFingerprint', ['0x1234'], /fingerprint: expected 32 bytes, got 2/);
  await refused('ipRights_workByFingerprint', ['not hex'], /fingerprint: expected 0x-hex/);
  await refused('ipRights_licenceCheck', [work, platform.address, 'Lease'], /kind: `Lease` is not one of Reprint, Commercial/);
  await refused('ipRights_licenceCheck', [work, 'nobody', 'Reprint'], /account: not an SS58 address/);
  await refused('ipRights_worksOfOwner', { owner: orgs.platform, limit: 1000 }, /limit: a page holds 1 to 100 records/);
  await refused('ipRights_worksOfOwner', { owner: -1, limit: 10 }, /owner: expected a non-negative integer/);
  await refused('ipRights_work', { work: 1 }, /has no parameter `work` \(it takes id\)/);
  await refused('ipRights_work', [1, 2], /takes 1 parameters \(id\), got 2/);

  // An organization by its credit code, given as text.
  const byCode = await rpc('consortium_organizationByCreditCode', [sampleCreditCode(2302)]);
  assert.equal(byCode.id, orgs.platform);
  assert.equal(byCode.creditCode, sampleCreditCode(2302));
  // The dossier: everything the domains keep about an organization, from its credit code.
  const dossier = await rpc('regchain_dossier', { creditCode: sampleCreditCode(2302), limit: 10 });
  assert.equal(dossier.organization.id, orgs.platform);
  assert.equal(dossier.organization.name, 'platform');
  assert.equal(dossier.organization.kind, 'Enterprise');
  assert.equal(dossier.organization.status, 'Active');
  assert.deepEqual(dossier.works.map(([i]) => i), [work]);
  assert.deepEqual(dossier.invoices.chainHead, { nextSeq: 0, lastHash: hash(0) });
  assert.deepEqual(dossier.invoices.issued, []);
  assert.equal(typeof dossier.invoices.period, 'number');
  assert.deepEqual(dossier.funds.allocations, []);
  assert.deepEqual(dossier.credit.profile, []);
  await refused('regchain_dossier', ['NOT-A-CODE'], /creditCode: not a valid credit code/);
  await refused('regchain_dossier', [sampleCreditCode(9999)], /creditCode: no organization is registered under/);
  await refused('regchain_dossier', [sampleCreditCode(2302), 1000], /limit: a page holds 1 to 100 records/);
  await refused('regchain_dossier', { code: sampleCreditCode(2302) }, /has no parameter `code`/);
});
