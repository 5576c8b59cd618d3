package io.assent.node.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assent.contracts.did.DidEvent;
import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DidEventCodecTest {

  private static final String A = "0x70997970c51812dc3a010c7d01b50e79d17dc79c";
  private static final String B = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
  private static final String TX = "0x" + "ab".repeat(32);
  private static final BigInteger MAX = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

  @Test
  void ownerChangedHasTheDocumentedLayout() {
    IndexedDidEvent event =
        new IndexedDidEvent(
            5, 2, 0x0102, TX, new DidEvent.OwnerChanged(A, B, BigInteger.valueOf(3)));
    byte[] encoded = DidEventCodec.encode(event);
    assertThat(HexFormat.of().formatHex(encoded))
        .isEqualTo(
            "01" // version
                + "01" // kind: owner changed
                + "0000000000000102" // timestamp
                + "ab".repeat(32) // tx hash
                + "0103" // previousChange: 1 byte, 3
                + B.substring(2));
    assertThat(DidEventCodec.decode(IdentityKeys.event(A, 5, 2), encoded)).isEqualTo(event);
  }

  @Test
  void roundTripsExtremeValues() {
    byte[] key = IdentityKeys.event(A, Long.MAX_VALUE, Integer.MAX_VALUE);
    DidEvent.AttributeChanged attribute =
        new DidEvent.AttributeChanged(A, new byte[32], new byte[0], MAX, BigInteger.ZERO);
    IndexedDidEvent decoded =
        DidEventCodec.decode(
            key,
            DidEventCodec.encode(
                new IndexedDidEvent(Long.MAX_VALUE, Integer.MAX_VALUE, 0, TX, attribute)));
    DidEvent.AttributeChanged back = (DidEvent.AttributeChanged) decoded.event();
    assertThat(back.validTo()).isEqualTo(MAX);
    assertThat(back.value()).isEmpty();
    assertThat(back.previousChange()).isZero();
    assertThat(decoded.blockNumber()).isEqualTo(Long.MAX_VALUE);
    assertThat(decoded.logIndex()).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void refusesUnknownVersionsAndCorruptValues() {
    byte[] key = IdentityKeys.event(A, 1, 0);
    byte[] good =
        DidEventCodec.encode(
            new IndexedDidEvent(1, 0, 0, TX, new DidEvent.OwnerChanged(A, B, BigInteger.ZERO)));
    byte[] otherVersion = good.clone();
    otherVersion[0] = 2;
    byte[] truncated = java.util.Arrays.copyOf(good, good.length - 1);
    byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);
    for (byte[] bad : new byte[][] {otherVersion, truncated, trailing, new byte[0]}) {
      assertThatThrownBy(() -> DidEventCodec.decode(key, bad))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void refusesValuesThatDoNotFitTheFormat() {
    DidEvent.DelegateChanged shortType =
        new DidEvent.DelegateChanged(A, new byte[31], B, BigInteger.ONE, BigInteger.ZERO);
    assertThatThrownBy(() -> DidEventCodec.encode(new IndexedDidEvent(1, 0, 0, TX, shortType)))
        .isInstanceOf(IllegalArgumentException.class);
    DidEvent.OwnerChanged tooBig = new DidEvent.OwnerChanged(A, B, MAX.add(BigInteger.ONE));
    assertThatThrownBy(() -> DidEventCodec.encode(new IndexedDidEvent(1, 0, 0, TX, tooBig)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
