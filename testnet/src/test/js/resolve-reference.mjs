#!/usr/bin/env node
// Resolves DIDs with the reference did:ethr resolver (ethr-did-resolver + did-resolver from the
// repository root's node_modules), configured for one chain as
//   getResolver({ networks: [{ name, chainId, rpcUrl, registry }] })
// and prints one JSON resolution result per input DID, in input order, one per line.
//
// Usage: node resolve-reference.mjs --rpc URL --chain-id N --registry ADDR [--name dev] [DID ...]
// Without DID arguments, DIDs (or DID URLs such as did:ethr:dev:0x...?versionId=12) are read from
// standard input, one per line. The repository root is ASSENT_ROOT, or found from this file.
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createInterface } from 'node:readline'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = process.env.ASSENT_ROOT ?? path.resolve(here, '../../../..')
const require = createRequire(path.join(root, 'package.json'))
const { Resolver } = require('did-resolver')
const { getResolver } = require('ethr-did-resolver')

function parseArgs(argv) {
  const options = { name: 'dev', dids: [] }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`)
      return argv[++i]
    }
    if (arg === '--rpc') options.rpcUrl = value()
    else if (arg === '--chain-id') options.chainId = Number.parseInt(value(), 10)
    else if (arg === '--registry') options.registry = value()
    else if (arg === '--name') options.name = value()
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`)
    else options.dids.push(arg)
  }
  for (const required of ['rpcUrl', 'chainId', 'registry']) {
    if (options[required] === undefined || Number.isNaN(options[required])) {
      throw new Error('usage: resolve-reference.mjs --rpc URL --chain-id N --registry ADDR [--name dev] [DID ...]')
    }
  }
  return options
}

async function readLines() {
  const lines = []
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() !== '') lines.push(line.trim())
  }
  return lines
}

try {
  const options = parseArgs(process.argv.slice(2))
  const resolver = new Resolver(
    getResolver({
      networks: [
        { name: options.name, chainId: options.chainId, rpcUrl: options.rpcUrl, registry: options.registry },
      ],
    })
  )
  const dids = options.dids.length > 0 ? options.dids : await readLines()
  for (const did of dids) {
    const result = await resolver.resolve(did)
    process.stdout.write(JSON.stringify(result) + '\n')
  }
} catch (e) {
  process.stderr.write(`resolve-reference: ${e?.message ?? e}\n`)
  process.exit(2)
}
