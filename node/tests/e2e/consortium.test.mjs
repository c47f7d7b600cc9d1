// The consortium pallet on a running `--dev` node, through @polkadot/api as a front-end uses it:
// the founding agencies from genesis, a registrar registering an enterprise with its credit
// code, the tax bureau granting it the invoice role, refusals with their pallet errors, the
// agencies' council deciding what no single agency may, fee-less transactions of members and
// the transaction pool refusing non-members.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import {
  DAY, addAccount, chainNow, councilDecides, joinConsent, registerOrganization, registrationConsent,
  startDevNode, submit, waitFor,
} from './helpers.mjs';

let dev;
let api;
let keyring;

before(async () => {
  await cryptoWaitReady();
  keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  dev = await startDevNode('regchain-consortium-');
  ({ api } = dev);
});

after(async () => {
  await dev?.stop();
});

const key = (uri) => keyring.addFromUri(uri);

test('the founding agencies are members from genesis', async () => {
  const expected = { '//Alice': 'FinanceBureau', '//Bob': 'TaxBureau', '//Charlie': 'MarketRegulation',
    '//Dave': 'Court', '//Eve': 'IpOffice', '//Ferdie': 'CreditRegulator' };
  for (const [uri, kind] of Object.entries(expected)) {
    const id = (await api.query.consortium.accountOrganization(key(uri).address)).unwrap();
    const org = (await api.query.consortium.organizations(id)).unwrap();
    assert.equal(org.kind.asAgency.toString(), kind);
    assert.equal(org.status.toString(), 'Active');
  }
});

test('market regulation registers an enterprise and the tax bureau grants it a role', async () => {
  const sme = key('//PudongWidgets');
  const now = await chainNow(api);
  const id = (await api.query.consortium.nextOrgId()).toNumber();
  const code = '91350100M000100Y43';

  // The registrar cannot bind a key that did not consent: a consent signed by another key is
  // refused and nothing is registered.
  const orgOf = async (uri) => (await api.query.consortium.accountOrganization(key(uri).address)).unwrap().toNumber();
  const market = await orgOf('//Charlie');
  const forged = await registrationConsent(api, key('//Charlie'), code, { registrar: market });
  const captured = await submit(api, api.tx.consortium.registerOrganization(
    'Enterprise', 'Pudong Widgets Ltd', code, sme.address, now + 365 * DAY, forged.validUntil, forged.signature,
  ), key('//Charlie'));
  assert.equal(captured.error, 'consortium.InvalidJoinSignature');
  // Nor a consent the SME gave to another agency, or to be registered as another kind.
  for (const [kind, registrar] of [['Enterprise', await orgOf('//Ferdie')], ['FinancialInstitution', market]]) {
    const elsewhere = await registrationConsent(api, sme, code, { kind, registrar });
    const misused = await submit(api, api.tx.consortium.registerOrganization(
      'Enterprise', 'Pudong Widgets Ltd', code, sme.address, now + 365 * DAY, elsewhere.validUntil, elsewhere.signature,
    ), key('//Charlie'));
    assert.equal(misused.error, 'consortium.InvalidJoinSignature', `${kind} by ${registrar}`);
  }
  assert.ok((await api.query.consortium.accountOrganization(sme.address)).isNone);
  assert.equal((await api.query.consortium.nextOrgId()).toNumber(), id);

  const registered = await registerOrganization(api, key('//Charlie'), {
    name: 'Pudong Widgets Ltd', code, account: sme,
  });
  assert.equal(registered.error, null);
  const event = registered.events.find(({ event }) => api.events.consortium.OrganizationRegistered.is(event));
  assert.equal(event.event.data.org.toNumber(), id);
  assert.equal(event.event.data.account.toString(), sme.address);

  const org = (await api.query.consortium.organizations(id)).unwrap();
  assert.equal(org.kind.toString(), 'Enterprise');
  assert.equal(Buffer.from(org.creditCode.unwrap().toU8a()).toString(), '91350100M000100Y43');
  assert.equal(org.name.toUtf8(), 'Pudong Widgets Ltd');
  // The term is a date of on-chain time: a year from when it was registered.
  const left = org.expiresAt.toNumber() - (await chainNow(api));
  assert.ok(left > 364 * DAY && left <= 365 * DAY, `term ends ${left} ms from now`);

  const granted = await submit(api, api.tx.consortium.grantRole(id, 'InvoiceIssuer'), key('//Bob'));
  assert.equal(granted.error, null);
  assert.ok(granted.events.some(({ event }) => api.events.consortium.RoleGranted.is(event)));

  // The IP office is not responsible for invoices: refused, with the pallet's own error.
  const refused = await submit(api, api.tx.consortium.revokeRole(id, 'InvoiceIssuer'), key('//Eve'));
  assert.equal(refused.error, 'consortium.NotAuthorized');
});

test('a mistyped credit code is refused with its own error and changes nothing', async () => {
  const before = (await api.query.consortium.nextOrgId()).toNumber();
  const result = await registerOrganization(api, key('//Charlie'), {
    name: 'Typo Ltd', code: '91350100M000100Y44', account: key('//Typo'),
  });
  assert.equal(result.error, 'consortium.CreditCodeCheckDigitMismatch');
  assert.equal((await api.query.consortium.nextOrgId()).toNumber(), before);
  assert.ok((await api.query.consortium.accountOrganization(key('//Typo').address)).isNone);
});

test('the agencies council admits an agency, which no single agency can', async () => {
  const newAgency = key('//SecondCourt');
  const now = await chainNow(api);
  const call = api.tx.consortium.registerAgency('Court', 'Second Intermediate Court', newAgency.address, now + 4 * 365 * DAY, 310000);

  const alone = await submit(api, call, key('//Alice'));
  assert.equal(alone.error, 'BadOrigin');
  assert.ok((await api.query.consortium.accountOrganization(newAgency.address)).isNone);

  // Three of six agencies are not two thirds: the motion executes, but the origin is refused.
  const few = await councilDecides(api, call, ['//Alice', '//Bob', '//Charlie'].map(key));
  assert.equal(few.error, 'BadOrigin');
  assert.ok((await api.query.consortium.accountOrganization(newAgency.address)).isNone);

  const decided = await councilDecides(api, call, ['//Alice', '//Bob', '//Charlie', '//Dave'].map(key));
  assert.equal(decided.error, null);
  assert.ok(decided.events.some(({ event }) => api.events.consortium.OrganizationRegistered.is(event)));
  const members = (await api.query.agencyCouncil.members()).map(String);
  assert.equal(members.length, 7);
  assert.ok(members.includes(newAgency.address), 'the new agency holds a council seat');
});

test('a member without any balance transacts for free', async () => {
  const clerk = key('//PudongWidgetsClerk');
  const sme = key('//PudongWidgets');
  assert.equal((await api.query.system.account(sme.address)).data.free.toBigInt(), 0n);
  const org = (await api.query.consortium.accountOrganization(sme.address)).unwrap().toNumber();
  // The clerk consents with its own key; a consent for another role is refused.
  const { validUntil, signature } = await joinConsent(api, clerk, org, false);
  const forged = api.tx.consortium.addAccount(clerk.address, true, validUntil, signature);
  assert.equal((await submit(api, forged, sme)).error, 'consortium.InvalidJoinSignature');
  const tx = api.tx.consortium.addAccount(clerk.address, false, validUntil, signature);
  assert.equal((await tx.paymentInfo(sme)).partialFee.toBigInt(), 0n);
  const added = await submit(api, tx, sme);
  assert.equal(added.error, null);
  assert.ok((await api.query.consortium.accountOrganization(clerk.address)).isSome);
  assert.ok((await api.query.consortium.admins(clerk.address)).isNone, 'a clerk, not an administrator');
  assert.equal((await api.query.system.account(sme.address)).data.free.toBigInt(), 0n);
});

test('a membership lapses when its term ends by the clock, and renewal restores it', async () => {
  const sme = key('//ShortTerm');
  const id = (await api.query.consortium.nextOrgId()).toNumber();
  // A term of 20 seconds of on-chain time (a few blocks).
  const registered = await registerOrganization(api, key('//Charlie'), {
    name: 'Short Term Ltd', code: '91110000802100433B', account: sme, term: 20_000,
  });
  assert.equal(registered.error, null);
  const end = (await api.query.consortium.organizations(id)).unwrap().expiresAt.toNumber();
  // While the term runs, the administrator acts: it adds a clerk.
  assert.equal((await addAccount(api, sme, key('//ShortTermClerk'))).error, null);
  // Once the chain's clock passes the end, the pool refuses its accounts as non-members.
  await waitFor('the term to end', async () => (await chainNow(api)) > end + 6_000, 60000);
  await assert.rejects(addAccount(api, sme, key('//ShortTermClerk2')), /Invalid signing address/);
  // The registrar renews it for a year: its accounts act again.
  const renewed = await submit(api, api.tx.consortium.renew(id, (await chainNow(api)) + 365 * DAY), key('//Charlie'));
  assert.equal(renewed.error, null);
  assert.equal((await addAccount(api, sme, key('//ShortTermClerk2'))).error, null);
});

test('the transaction pool refuses a non-member, however the transaction is made', async () => {
  const stranger = key('//Stranger');
  await assert.rejects(
    submit(api, api.tx.system.remark('spam'), stranger),
    /Invalid signing address/,
  );
  // A funded non-member is refused just the same: membership, not money, decides.
  const funded = await submit(api, api.tx.balances.transferKeepAlive(stranger.address, 10n ** 15n), key('//Alice'));
  assert.equal(funded.error, null);
  await assert.rejects(
    submit(api, api.tx.system.remark('spam'), stranger),
    /Invalid signing address/,
  );
});
