package io.assent.contracts.consent;

import io.assent.contracts.NodeScript;

/** Runs src/test/js/eip712.mjs (ethers 6), the independent EIP-712 implementation. */
final class EthersPeer {

  private static final NodeScript SCRIPT = new NodeScript("src/test/js/eip712.mjs");

  private EthersPeer() {}

  static String hash(String typedDataJson) {
    return run(typedDataJson, "hash");
  }

  static String sign(String typedDataJson, String privateKey) {
    return run(typedDataJson, "sign", privateKey);
  }

  static String recover(String typedDataJson, String signature) {
    return run(typedDataJson, "recover", signature);
  }

  private static String run(String stdin, String... args) {
    return SCRIPT.run(stdin, args);
  }
}
