// The reference peer of the dataset registry's EIP-712 interop test. The four operation types are
// written here from the design (not taken from Java's JSON), so ethers 6 checks the Java type
// strings and encoding independently. Reads {domain, primaryType, message} JSON from stdin.
//
// usage: node dataset-eip712.mjs hash            < typed.json   -> 0x digest
//        node dataset-eip712.mjs sign <privKey>  < typed.json   -> 0x signature (r ‖ s ‖ v)
//        node dataset-eip712.mjs types <primaryType>            -> the type's members as JSON
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { TypedDataEncoder, Wallet } = require('ethers');

const TYPES = {
  RegisterDataset: [
    { name: 'curator', type: 'address' },
    { name: 'name', type: 'string' },
    { name: 'version', type: 'string' },
    { name: 'contentDigest', type: 'bytes32' },
    { name: 'metadataDigest', type: 'bytes32' },
    { name: 'metadataUri', type: 'string' },
    { name: 'license', type: 'string' },
    { name: 'parents', type: 'bytes32[]' },
    { name: 'nonce', type: 'uint256' },
  ],
  UpdateLicense: [
    { name: 'dataset', type: 'bytes32' },
    { name: 'license', type: 'string' },
    { name: 'nonce', type: 'uint256' },
  ],
  DeprecateDataset: [
    { name: 'dataset', type: 'bytes32' },
    { name: 'reason', type: 'string' },
    { name: 'nonce', type: 'uint256' },
  ],
  TransferCuratorship: [
    { name: 'dataset', type: 'bytes32' },
    { name: 'newCurator', type: 'address' },
    { name: 'nonce', type: 'uint256' },
  ],
};

function typedData() {
  const json = JSON.parse(fs.readFileSync(0, 'utf8'));
  const members = TYPES[json.primaryType];
  if (!members) throw new Error(`unknown primary type ${json.primaryType}`);
  return { domain: json.domain, types: { [json.primaryType]: members }, message: json.message };
}

const [mode, arg] = process.argv.slice(2);
switch (mode) {
  case 'hash': {
    const { domain, types, message } = typedData();
    console.log(TypedDataEncoder.hash(domain, types, message));
    break;
  }
  case 'sign': {
    const { domain, types, message } = typedData();
    console.log(await new Wallet(arg).signTypedData(domain, types, message));
    break;
  }
  case 'types':
    console.log(JSON.stringify(TYPES[arg]));
    break;
  default:
    console.error('usage: node dataset-eip712.mjs hash|sign <key>|types <primaryType>');
    process.exit(2);
}
