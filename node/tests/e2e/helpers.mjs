// Shared helpers of the end-to-end tests: free ports, the node binary, processes that are
// always stopped, and a @polkadot/api connection.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, openSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiPromise, WsProvider } from '@polkadot/api';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const TARGET_DIR = process.env.CARGO_TARGET_DIR ?? path.join(os.homedir(), '.cache/regchain/target');
export const NODE_BIN = process.env.REGCHAIN_NODE ?? path.join(TARGET_DIR, 'release/regchain-node');

/** True when `port` can be bound on 127.0.0.1 now. */
function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A base port such that `count` consecutive ports from it are free. */
export async function freePortRange(count) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const base = 20000 + Math.floor(Math.random() * 35000);
    let ok = true;
    for (let p = base; p < base + count && ok; p++) ok = await portIsFree(p);
    if (ok) return base;
  }
  throw new Error(`no ${count} consecutive free ports found`);
}

export function tempDir(prefix) {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Starts the node; the returned handle's `stop()` kills it and removes its base path. */
export function startNode(args, { baseDir, logName = 'node.log' }) {
  const log = openSync(path.join(baseDir, logName), 'w');
  const child = spawn(NODE_BIN, args, { stdio: ['ignore', log, log] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    child,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** Runs a command to completion; resolves with its exit code and output. */
export function run(cmd, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Connects @polkadot/api, retrying while the node starts. */
export async function connect(port, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const provider = new WsProvider(`ws://127.0.0.1:${port}`, false);
    try {
      await provider.connect();
      await new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('connect timeout')), 3000);
        provider.on('connected', () => { clearTimeout(t); resolve(); });
        provider.on('error', () => {});
      });
      return await ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true });
    } catch (e) {
      await provider.disconnect().catch(() => {});
      if (Date.now() > deadline) throw new Error(`no RPC on port ${port}: ${e.message}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/** Resolves once `predicate()` is true, polling; rejects with `what` after `timeoutMs`. */
export async function waitFor(what, predicate, timeoutMs = 120000, intervalMs = 1000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await predicate()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export async function finalizedNumber(api) {
  const hash = await api.rpc.chain.getFinalizedHead();
  const header = await api.rpc.chain.getHeader(hash);
  return header.number.toNumber();
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Signs and submits `tx`; resolves once it is in a block with its events and, if it failed,
 * the decoded module error as `pallet.Error`.
 */
export function submit(api, tx, signer) {
  return new Promise((resolve, reject) => {
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (!status.isInBlock) return;
      let error = null;
      if (dispatchError) {
        if (dispatchError.isModule) {
          const { section, name } = api.registry.findMetaError(dispatchError.asModule);
          error = `${section}.${name}`;
        } else {
          error = dispatchError.toString();
        }
      }
      resolve({ events, error });
    }).catch(reject);
  });
}

/** Starts a `--dev` node on free ports with its own base path; `stop()` undoes it all. */
export async function startDevNode(prefix) {
  const baseDir = tempDir(prefix);
  const port = await freePortRange(3);
  const node = startNode([
    '--dev', '--base-path', baseDir, '--database', 'paritydb',
    '--port', String(port), '--rpc-port', String(port + 1), '--prometheus-port', String(port + 2),
  ], { baseDir });
  let api;
  try {
    api = await connect(port + 1);
  } catch (e) {
    await node.stop();
    removeDir(baseDir);
    throw e;
  }
  return {
    api,
    baseDir,
    async stop() {
      await api.disconnect().catch(() => {});
      await node.stop();
      removeDir(baseDir);
    },
  };
}

/**
 * Has the agencies' council decide `call`: `voters[0]` proposes it with a threshold of
 * `voters.length`, every voter approves, and `voters[0]` closes the motion. Resolves with the
 * close's events and the `Executed` event's result (`null` when the call succeeded, else the
 * decoded `pallet.Error`).
 */
export async function councilDecides(api, call, voters) {
  const lengthBound = call.method.encodedLength;
  const proposed = await submit(api, api.tx.agencyCouncil.propose(voters.length, call, lengthBound), voters[0]);
  if (proposed.error) throw new Error(`propose failed: ${proposed.error}`);
  const { event } = proposed.events.find(({ event }) => api.events.agencyCouncil.Proposed.is(event));
  const { proposalHash, proposalIndex } = event.data;
  const votes = await Promise.all(voters.map((voter) =>
    submit(api, api.tx.agencyCouncil.vote(proposalHash, proposalIndex, true), voter)));
  for (const vote of votes) if (vote.error) throw new Error(`vote failed: ${vote.error}`);
  const weightBound = { refTime: 1_000_000_000_000n, proofSize: 5_000_000n };
  const closed = await submit(api,
    api.tx.agencyCouncil.close(proposalHash, proposalIndex, weightBound, lengthBound), voters[0]);
  if (closed.error) throw new Error(`close failed: ${closed.error}`);
  const executed = closed.events.find(({ event }) => api.events.agencyCouncil.Executed.is(event));
  if (!executed) throw new Error('the motion was not executed');
  const result = executed.event.data.result;
  let error = null;
  if (result.isErr) {
    const err = result.asErr;
    error = err.isModule ? (({ section, name }) => `${section}.${name}`)(api.registry.findMetaError(err.asModule)) : err.toString();
  }
  return { events: closed.events, error };
}

/** The account that authored block `hash`, from its Aura slot and the authorities then. */
export async function blockAuthor(api, hash) {
  const header = await api.rpc.chain.getHeader(hash);
  const preRuntime = header.digest.logs.find((log) => log.isPreRuntime && log.asPreRuntime[0].toString() === 'aura');
  if (!preRuntime) throw new Error(`block ${hash} has no Aura pre-runtime digest`);
  const slot = api.createType('u64', preRuntime.asPreRuntime[1]).toBigInt();
  const at = await api.at(header.parentHash);
  const validators = await at.query.session.validators();
  return validators[Number(slot % BigInt(validators.length))].toString();
}

/**
 * `account`'s consent to join organization `org` (as an administrator if `admin`) for the
 * next 100 blocks: its sr25519 signature over the SCALE encoding of
 * `(b"regchain/join", genesis hash, org, admin, validUntil)`, as `consortium.addAccount` checks.
 */
export async function joinConsent(api, account, org, admin = false) {
  const now = (await api.rpc.chain.getHeader()).number.toNumber();
  const validUntil = now + 100;
  const message = new Uint8Array([
    ...new TextEncoder().encode('regchain/join'),
    ...api.genesisHash.toU8a(),
    ...api.createType('u32', org).toU8a(),
    ...api.createType('bool', admin).toU8a(),
    ...api.createType('u32', validUntil).toU8a(),
  ]);
  return { validUntil, signature: { Sr25519: account.sign(message) } };
}

/** `admin` (an administrator account) adds `account` to its organization, with its consent. */
export async function addAccount(api, admin, account, { asAdmin = false } = {}) {
  const org = (await api.query.consortium.accountOrganization(admin.address)).unwrap().toNumber();
  const { validUntil, signature } = await joinConsent(api, account, org, asAdmin);
  return submit(api, api.tx.consortium.addAccount(account.address, asAdmin, validUntil, signature), admin);
}
