#!/usr/bin/env node
// Checks Assent's golden DID resolution scenarios (node/src/test/resources/identity/golden)
// against the reference resolver itself: each scenario's registry history is served by a fake
// JSON-RPC chain (eth_call changed(), eth_getLogs, eth_getBlockByNumber) to an unmodified
// ethr-did-resolver 11.1.3 + did-resolver, at the scenario's wall-clock time, and the
// reference's resolution result must equal the scenario's expected result, key order included,
// once the documented differences are applied (see DidResolver's javadoc).
//
// Usage: node check-identity-goldens.mjs [golden dir]   (exit 1 on any mismatch)
import { createRequire } from 'node:module'
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = process.env.ASSENT_ROOT ?? path.resolve(here, '../../../..')
const require = createRequire(path.join(root, 'package.json'))
const ethers = require('ethers')
const { Resolver } = require('did-resolver')
const { getResolver, EthereumDIDRegistry } = require('ethr-did-resolver')

const CHAIN_ID = 31337n
const REGISTRY = '0x5fbdb2315678afecb367f032d93f642f64180aa3'
const iface = new ethers.Interface(EthereumDIDRegistry.abi)
const word = (n) => ethers.toBeHex(n, 32)
const seconds = (t) => (typeof t === 'number' ? t : Date.parse(t) / 1000)

/** The scenario's history as registry logs, previousChange linked per identity. */
function logsOf(scenario) {
  const changed = {}
  const logs = []
  for (const block of scenario.blocks) {
    block.events.forEach((e, index) => {
      const identity = e.identity ?? scenario.identity
      const previous = BigInt(changed[identity] ?? 0)
      let encoded
      if (e.type === 'owner') {
        encoded = iface.encodeEventLog('DIDOwnerChanged', [identity, e.owner, previous])
      } else if (e.type === 'delegate') {
        const type = ethers.zeroPadBytes(ethers.toUtf8Bytes(e.delegateType), 32)
        encoded = iface.encodeEventLog('DIDDelegateChanged', [identity, type, e.delegate, seconds(e.validTo), previous])
      } else {
        const name = e.nameHex ?? ethers.zeroPadBytes(ethers.toUtf8Bytes(e.name), 32)
        const value = e.valueText !== undefined ? ethers.toUtf8Bytes(e.valueText) : e.value
        encoded = iface.encodeEventLog('DIDAttributeChanged', [identity, name, value, seconds(e.validTo), previous])
      }
      changed[identity] = block.number
      logs.push({
        address: REGISTRY,
        topics: encoded.topics,
        data: encoded.data,
        blockNumber: ethers.toQuantity(block.number),
        blockHash: word(block.number),
        transactionHash: word(block.number * 1000 + index),
        transactionIndex: '0x0',
        logIndex: ethers.toQuantity(index),
        removed: false,
      })
    })
  }
  return { logs, changed }
}

/** A JSON-RPC node that knows only the scenario's blocks and registry logs. */
class FakeChain extends ethers.JsonRpcProvider {
  constructor(scenario) {
    super('http://127.0.0.1:1', ethers.Network.from(CHAIN_ID), { staticNetwork: true, batchMaxCount: 1 })
    this.blocks = new Map(scenario.blocks.map((b) => [b.number, seconds(b.timestamp)]))
    Object.assign(this, logsOf(scenario))
    this.changedSelector = iface.getFunction('changed').selector
  }

  async _send(payload) {
    const requests = Array.isArray(payload) ? payload : [payload]
    return requests.map((r) => ({ jsonrpc: '2.0', id: r.id, result: this.answer(r.method, r.params) }))
  }

  answer(method, params) {
    switch (method) {
      case 'eth_chainId':
        return ethers.toQuantity(CHAIN_ID)
      case 'eth_call': {
        const { data } = params[0]
        if (!data.startsWith(this.changedSelector)) throw new Error(`unexpected call ${data}`)
        const identity = ethers.getAddress('0x' + data.slice(-40)).toLowerCase()
        return word(this.changed[identity] ?? 0)
      }
      case 'eth_getLogs': {
        const { fromBlock, toBlock, topics } = params[0]
        return this.logs.filter(
          (l) =>
            BigInt(l.blockNumber) >= BigInt(fromBlock) &&
            BigInt(l.blockNumber) <= BigInt(toBlock) &&
            l.topics[1] === topics[1].toLowerCase()
        )
      }
      case 'eth_getBlockByNumber': {
        const number = Number(BigInt(params[0]))
        if (!this.blocks.has(number)) return null
        return {
          number: params[0], hash: word(number), parentHash: word(number - 1),
          timestamp: ethers.toQuantity(this.blocks.get(number)), nonce: '0x0000000000000000',
          difficulty: '0x0', gasLimit: '0x1c9c380', gasUsed: '0x0', miner: ethers.ZeroAddress,
          extraData: '0x', baseFeePerGas: '0x1', transactions: [],
        }
      }
      default:
        throw new Error(`unexpected JSON-RPC method ${method}`)
    }
  }
}

/** Runs fn with the global clock fixed at the scenario's "now" (the reference reads new Date()). */
async function at(isoNow, fn) {
  const RealDate = globalThis.Date
  const nowMs = RealDate.parse(isoNow)
  globalThis.Date = class extends RealDate {
    constructor(...args) { super(...(args.length ? args : [nowMs])) }
    static now() { return nowMs }
  }
  try { return await fn() } finally { globalThis.Date = RealDate }
}

/** Assent's documented differences, applied to the reference's result. */
function applyDifferences(result) {
  const applied = []
  const doc = result.didDocument
  if (doc?.keyAgreement) {
    const ids = new Set(doc.verificationMethod.map((m) => m.id))
    const kept = doc.keyAgreement.filter((ref) => ids.has(ref))
    if (kept.length !== doc.keyAgreement.length) applied.push('dangling keyAgreement dropped')
    const reordered = {}
    for (const [k, v] of Object.entries(doc)) {
      if (k !== 'keyAgreement' || kept.length > 0) reordered[k] = k === 'keyAgreement' ? kept : v
    }
    result.didDocument = reordered
  }
  if (result.didResolutionMetadata?.error) {
    delete result.didResolutionMetadata.message
    applied.push('error message not compared')
  }
  return applied
}

async function check(file) {
  const scenario = JSON.parse(readFileSync(file, 'utf8'))
  const options = scenario.options ?? {}
  if (options.versionTime) return { status: 'skipped', note: 'versionTime is an Assent extension' }
  const chain = new FakeChain(scenario)
  const resolver = new Resolver(
    getResolver({ networks: [{ name: 'dev', chainId: CHAIN_ID, provider: chain, registry: REGISTRY }] })
  )
  const didUrl = options.versionId !== undefined ? `${scenario.did}?versionId=${options.versionId}` : scenario.did
  const reference = await at(scenario.now, () =>
    resolver.resolve(didUrl, options.accept ? { accept: options.accept } : {})
  )
  const applied = applyDifferences(reference)
  const expected = structuredClone(scenario.expected)
  if (expected.didResolutionMetadata?.error) delete expected.didResolutionMetadata.message
  const same = JSON.stringify(reference) === JSON.stringify(expected)
  return same
    ? { status: 'ok', note: applied.join('; ') }
    : { status: 'MISMATCH', reference: JSON.stringify(reference, null, 1), expected: JSON.stringify(expected, null, 1) }
}

const dir = process.argv[2] ?? path.resolve(here, '../resources/identity/golden')
let failures = 0
for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const outcome = await check(path.join(dir, name))
  console.log(`${outcome.status.padEnd(8)} ${name}${outcome.note ? ` (${outcome.note})` : ''}`)
  if (outcome.status === 'MISMATCH') {
    failures++
    console.log(`reference:\n${outcome.reference}\nexpected:\n${outcome.expected}`)
  }
}
process.exit(failures ? 1 : 0)
