#!/usr/bin/env node
// Times the reference did:ethr resolver (ethr-did-resolver + did-resolver, unmodified, from the
// repository's node_modules) resolving DIDs over JSON-RPC against a running chain.
//
// Usage: node bench-reference.mjs '<json config>'
//   config: {rpcUrl, chainId, registry, networkName, dids: [...], warmup, iterations, provider}
//   provider: "tuned" (default): a JsonRpcProvider with a static network and no request batching,
//             the fastest way to run the reference; "documented": the resolver builds its own
//             provider from rpcUrl, as its README configures it (ethers batches requests after a
//             10 ms stall and re-checks the chain id before calls).
// Prints one JSON object on stdout: {provider, results: [{did, iterations, medianMs, p99Ms,
// result}]}, where result is the last resolution result (for comparing documents).
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = process.env.ASSENT_ROOT ?? path.resolve(here, '../../../..')
const require = createRequire(path.join(root, 'package.json'))
const { JsonRpcProvider, Network } = require('ethers')
const { Resolver } = require('did-resolver')
const { getResolver } = require('ethr-did-resolver')

const config = JSON.parse(process.argv[2])
const mode = config.provider ?? 'tuned'

function network() {
  const base = { name: config.networkName, chainId: config.chainId, registry: config.registry }
  if (mode === 'documented') {
    return { ...base, rpcUrl: config.rpcUrl }
  }
  const chain = Network.from(BigInt(config.chainId))
  const provider = new JsonRpcProvider(config.rpcUrl, chain, { staticNetwork: chain, batchMaxCount: 1 })
  return { ...base, provider }
}

/** The value at quantile q of sorted samples (nearest rank). */
function quantile(sorted, q) {
  const rank = Math.ceil(q * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]
}

async function time(resolver, did, iterations) {
  const samples = []
  let result
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint()
    result = await resolver.resolve(did)
    samples.push(Number(process.hrtime.bigint() - start) / 1e6)
    if (result.didResolutionMetadata?.error) {
      throw new Error(`${did}: ${JSON.stringify(result.didResolutionMetadata)}`)
    }
  }
  samples.sort((a, b) => a - b)
  return { samples, result }
}

const resolver = new Resolver(getResolver({ networks: [network()] }))
const results = []
for (const did of config.dids) {
  await time(resolver, did, config.warmup)
  const { samples, result } = await time(resolver, did, config.iterations)
  results.push({
    did,
    iterations: samples.length,
    medianMs: quantile(samples, 0.5),
    p99Ms: quantile(samples, 0.99),
    result,
  })
}
process.stdout.write(JSON.stringify({ provider: mode, results }) + '\n')
// ethers keeps timers alive for a provider; the measurements are done.
process.exit(0)
