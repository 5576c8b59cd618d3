// The reference peer of the EIP-712 interop tests: ethers 6 hashes, signs and verifies the typed
// data Java produced (ConsentTypedData.toTypedDataJson, read from stdin as eth_signTypedData_v4
// JSON), so the two implementations are checked against each other, not against themselves.
//
// usage: node eip712.mjs hash            < typed.json   -> 0x digest
//        node eip712.mjs sign <privKey>  < typed.json   -> 0x signature (r ‖ s ‖ v)
//        node eip712.mjs recover <sig>   < typed.json   -> 0x signer address (lower-case)
//        node eip712.mjs publicKey <sig> < typed.json   -> 0x04 ‖ x ‖ y, the signer's public key
//                                                          (what a relay's page derives from a
//                                                          wallet's signature for signerKey)
//        node eip712.mjs address <privKey>              -> 0x address of the key (lower-case)
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { SigningKey, TypedDataEncoder, Wallet, verifyTypedData } = require('ethers');

const [mode, arg] = process.argv.slice(2);

function typedData() {
  const json = JSON.parse(fs.readFileSync(0, 'utf8'));
  const types = { ...json.types };
  delete types.EIP712Domain; // ethers derives the domain type from the domain object
  return { domain: json.domain, types, message: json.message };
}

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
  case 'recover': {
    const { domain, types, message } = typedData();
    console.log(verifyTypedData(domain, types, message, arg).toLowerCase());
    break;
  }
  case 'publicKey': {
    const { domain, types, message } = typedData();
    console.log(SigningKey.recoverPublicKey(TypedDataEncoder.hash(domain, types, message), arg));
    break;
  }
  case 'address':
    console.log(new Wallet(arg).address.toLowerCase());
    break;
  default:
    console.error('usage: node eip712.mjs hash|sign <key>|recover <sig>|publicKey <sig>|address <key>');
    process.exit(2);
}
