// The consortium pallet on a running `--dev` node, through @polkadot/api as a front-end uses it:
// the founding agencies from genesis, a registrar registering an enterprise with its credit
// code, the tax bureau granting it the invoice role, and refusals with their pallet errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { startDevNode, submit } from './helpers.mjs';

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
  const now = (await api.rpc.chain.getHeader()).number.toNumber();
  const id = (await api.query.consortium.nextOrgId()).toNumber();

  const registered = await submit(api, api.tx.consortium.registerOrganization(
    'Enterprise', 'Pudong Widgets Ltd', '91350100M000100Y43', sme.address, now + 1000,
  ), key('//Charlie'));
  assert.equal(registered.error, null);
  const event = registered.events.find(({ event }) => api.events.consortium.OrganizationRegistered.is(event));
  assert.equal(event.event.data.org.toNumber(), id);
  assert.equal(event.event.data.account.toString(), sme.address);

  const org = (await api.query.consortium.organizations(id)).unwrap();
  assert.equal(org.kind.toString(), 'Enterprise');
  assert.equal(Buffer.from(org.creditCode.unwrap().toU8a()).toString(), '91350100M000100Y43');
  assert.equal(org.name.toUtf8(), 'Pudong Widgets Ltd');

  const granted = await submit(api, api.tx.consortium.grantRole(id, 'InvoiceIssuer'), key('//Bob'));
  assert.equal(granted.error, null);
  assert.ok(granted.events.some(({ event }) => api.events.consortium.RoleGranted.is(event)));

  // The IP office is not responsible for invoices: refused, with the pallet's own error.
  const refused = await submit(api, api.tx.consortium.revokeRole(id, 'InvoiceIssuer'), key('//Eve'));
  assert.equal(refused.error, 'consortium.NotAuthorized');
});

test('a mistyped credit code is refused with its own error and changes nothing', async () => {
  const before = (await api.query.consortium.nextOrgId()).toNumber();
  const now = (await api.rpc.chain.getHeader()).number.toNumber();
  const result = await submit(api, api.tx.consortium.registerOrganization(
    'Enterprise', 'Typo Ltd', '91350100M000100Y44', key('//Typo').address, now + 1000,
  ), key('//Charlie'));
  assert.equal(result.error, 'consortium.CreditCodeCheckDigitMismatch');
  assert.equal((await api.query.consortium.nextOrgId()).toNumber(), before);
  assert.ok((await api.query.consortium.accountOrganization(key('//Typo').address)).isNone);
});
