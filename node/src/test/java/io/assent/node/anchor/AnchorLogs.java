package io.assent.node.anchor;

import io.assent.node.chain.ChainLog;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.utils.Numeric;

/** Builds {@code Anchored} logs as the contract emits them, for unit tests. */
final class AnchorLogs {
  static final String CONTRACT = "0x00000000000000000000000000000000000a0c11";
  static final String SUBMITTER = "0x00000000000000000000000000000000000005e7";

  private AnchorLogs() {}

  static ChainLog anchored(
      long block, int logIndex, String txHash, byte[] root, long count, List<byte[]> withdrawn) {
    String data =
        "0x"
            + FunctionEncoder.encodeConstructor(
                List.of(
                    new Uint256(count),
                    new DynamicArray<>(
                        Bytes32.class, withdrawn.stream().map(Bytes32::new).toList())));
    return new ChainLog(
        block,
        blockHash(block),
        1_700_000_000L + block,
        txHash,
        0,
        logIndex,
        CONTRACT,
        List.of(
            io.assent.contracts.consent.ConsentAnchorClient.ANCHORED_TOPIC,
            Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(SUBMITTER), 64),
            Numeric.toHexString(root)),
        data);
  }

  static String blockHash(long block) {
    return "0x%064x".formatted(0xb10c000L + block);
  }
}
