package io.assent.node.anchor;

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
 * bytes32[] withdrawn)} event, decoded from a log's topics and data (strict ABI: anything malformed
 * decodes to empty, so a handler can ignore it).
 */
public record AnchoredEvent(String submitter, byte[] root, long count, List<byte[]> withdrawn) {

  public static final String TOPIC0 =
      Numeric.toHexString(
          Hash.sha3(
              "Anchored(address,bytes32,uint256,bytes32[])".getBytes(StandardCharsets.US_ASCII)));

  public AnchoredEvent {
    root = root.clone();
    withdrawn = List.copyOf(withdrawn);
  }

  public static Optional<AnchoredEvent> decode(List<String> topics, String data) {
    if (topics.size() != 3 || !TOPIC0.equals(topics.get(0).toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    try {
      byte[] submitter = Numeric.hexStringToByteArray(topics.get(1));
      byte[] root = Numeric.hexStringToByteArray(topics.get(2));
      byte[] body = Numeric.hexStringToByteArray(data);
      if (submitter.length != 32
          || root.length != 32
          || body.length < 96
          || body.length % 32 != 0) {
        return Optional.empty();
      }
      BigInteger count = word(body, 0);
      BigInteger offset = word(body, 1);
      if (count.bitLength() > 63 || !offset.equals(BigInteger.valueOf(64))) {
        return Optional.empty();
      }
      BigInteger length = word(body, 2);
      if (!length.equals(BigInteger.valueOf(body.length / 32 - 3))) {
        return Optional.empty();
      }
      List<byte[]> withdrawn = new ArrayList<>();
      for (int i = 0; i < length.intValueExact(); i++) {
        withdrawn.add(java.util.Arrays.copyOfRange(body, 96 + 32 * i, 128 + 32 * i));
      }
      String address = Numeric.toHexString(java.util.Arrays.copyOfRange(submitter, 12, 32));
      return Optional.of(new AnchoredEvent(address, root, count.longValueExact(), withdrawn));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static BigInteger word(byte[] body, int index) {
    return new BigInteger(1, java.util.Arrays.copyOfRange(body, 32 * index, 32 * index + 32));
  }
}
