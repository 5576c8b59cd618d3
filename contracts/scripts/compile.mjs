// Compiles every contract under src/main/solidity with solc-js (standard JSON, evmVersion
// cancun, optimizer on) and writes <Name>.abi and <Name>.bin to the output folder, the
// inputs web3j's codegen turns into Java bindings. Fails on any compiler error.
//
// usage: node compile.mjs <sourceDir> <outDir>
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const solc = require('solc');

const [sourceDir, outDir] = process.argv.slice(2);
if (!sourceDir || !outDir) {
  console.error('usage: node compile.mjs <sourceDir> <outDir>');
  process.exit(2);
}

const sources = {};
for (const file of fs.readdirSync(sourceDir).filter((f) => f.endsWith('.sol')).sort()) {
  sources[file] = { content: fs.readFileSync(path.join(sourceDir, file), 'utf8') };
}

const input = {
  language: 'Solidity',
  sources,
  settings: {
    evmVersion: 'cancun',
    optimizer: { enabled: true, runs: 10000 },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};

const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
for (const e of output.errors || []) {
  console.error(e.formattedMessage);
}
if (errors.length > 0) {
  process.exit(1);
}

fs.mkdirSync(outDir, { recursive: true });
for (const [file, contracts] of Object.entries(output.contracts)) {
  for (const [name, artifact] of Object.entries(contracts)) {
    if (!artifact.evm.bytecode.object) continue; // interfaces and abstract contracts
    fs.writeFileSync(path.join(outDir, `${name}.abi`), JSON.stringify(artifact.abi));
    fs.writeFileSync(path.join(outDir, `${name}.bin`), artifact.evm.bytecode.object);
    console.log(`compiled ${file}:${name} (solc ${solc.version()})`);
  }
}
