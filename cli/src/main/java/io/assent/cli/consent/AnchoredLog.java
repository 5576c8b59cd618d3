package io.assent.cli.consent;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * ConsentAnchor's {@code Anchored(address indexed submitter, bytes32 indexed root, uint256 count,
 * bytes32[] withdrawn)} event, decoded from a JSON-RPC log object.
 */
record AnchoredLog(String contract, String root, BigInteger count, List<String> withdrawn) {

  static final String TOPIC0 =
      Numeric.toHexString(
          Hash.sha3(
              "Anchored(address,bytes32,uint256,bytes32[])".getBytes(StandardCharsets.UTF_8)));

  /** The event, if {@code log} is an Anchored log (of any contract) that decodes. */
  static Optional<AnchoredLog> decode(JsonNode log) {
    JsonNode topics = log.path("topics");
    if (topics.size() != 3 || !TOPIC0.equalsIgnoreCase(topics.get(0).asText())) {
      return Optional.empty();
    }
    try {
      byte[] data = Numeric.hexStringToByteArray(log.path("data").asText("0x"));
      BigInteger count = word(data, 0);
      int offset = word(data, 32).intValueExact();
      int length = word(data, offset).intValueExact();
      List<String> withdrawn = new ArrayList<>();
      for (int i = 0; i < length; i++) {
        int at = offset + 32 + 32 * i;
        withdrawn.add(Numeric.toHexString(java.util.Arrays.copyOfRange(data, at, at + 32)));
      }
      return Optional.of(
          new AnchoredLog(
              log.path("address").asText("").toLowerCase(Locale.ROOT),
              topics.get(2).asText().toLowerCase(Locale.ROOT),
              count,
              withdrawn));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static BigInteger word(byte[] data, int at) {
    if (at < 0 || at + 32 > data.length) {
      throw new IllegalArgumentException("short ABI data");
    }
    return new BigInteger(1, java.util.Arrays.copyOfRange(data, at, at + 32));
  }
}
