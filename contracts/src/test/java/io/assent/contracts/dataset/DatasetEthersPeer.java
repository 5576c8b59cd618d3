package io.assent.contracts.dataset;

import io.assent.contracts.NodeScript;

/** Runs src/test/js/dataset-eip712.mjs (ethers 6), the independent EIP-712 implementation. */
final class DatasetEthersPeer {

  private static final NodeScript SCRIPT = new NodeScript("src/test/js/dataset-eip712.mjs");

  private DatasetEthersPeer() {}

  static String hash(String typedDataJson) {
    return run(typedDataJson, "hash");
  }

  static String sign(String typedDataJson, String privateKey) {
    return run(typedDataJson, "sign", privateKey);
  }

  static String types(String primaryType) {
    return run("", "types", primaryType);
  }

  private static String run(String stdin, String... args) {
    return SCRIPT.run(stdin, args);
  }
}
