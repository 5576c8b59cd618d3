package io.assent.contracts.did;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;

class DidRegistryEventsTest {

  private static final String IDENTITY = "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed";
  private static final String OTHER = "0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359";
  private static final String IDENTITY_TOPIC = "0x000000000000000000000000" + IDENTITY.substring(2);

  @Test
  void topicsAreTheErc1056EventHashes() {
    // The same hashes appear as PUSH32 constants in the compiled DIDRegistry.
    assertThat(DidRegistryEvents.OWNER_CHANGED_TOPIC)
        .isEqualTo("0x38a5a6e68f30ed1ab45860a4afb34bcb2fc00f22ca462d249b8a8d40cda6f7a3");
    assertThat(DidRegistryEvents.DELEGATE_CHANGED_TOPIC)
        .isEqualTo("0x5a5084339536bcab65f20799fcc58724588145ca054bd2be626174b27ba156f7");
    assertThat(DidRegistryEvents.ATTRIBUTE_CHANGED_TOPIC)
        .isEqualTo("0x18ab6b2ae3d64306c00ce663125f2bd680e441a098de1635bd7ad8b0d44965e4");
  }

  @Test
  void decodesOwnerChanged() {
    String data = encode(new Address(OTHER), new Uint256(7));
    DidEvent event =
        DidRegistryEvents.decode(
                List.of(DidRegistryEvents.OWNER_CHANGED_TOPIC, IDENTITY_TOPIC), data)
            .orElseThrow();
    assertThat(event).isEqualTo(new DidEvent.OwnerChanged(IDENTITY, OTHER, BigInteger.valueOf(7)));
  }

  @Test
  void decodesDelegateChanged() {
    byte[] type = bytes32("sigAuth");
    String data =
        encode(new Bytes32(type), new Address(OTHER), new Uint256(1_700_000_000L), new Uint256(0));
    DidEvent.DelegateChanged event =
        (DidEvent.DelegateChanged)
            DidRegistryEvents.decode(
                    List.of(
                        DidRegistryEvents.DELEGATE_CHANGED_TOPIC.toUpperCase().replace("0X", "0x"),
                        IDENTITY_TOPIC),
                    data)
                .orElseThrow();
    assertThat(event.identity()).isEqualTo(IDENTITY);
    assertThat(event.delegateType()).isEqualTo(type);
    assertThat(event.delegate()).isEqualTo(OTHER);
    assertThat(event.validTo()).isEqualTo(BigInteger.valueOf(1_700_000_000L));
    assertThat(event.previousChange()).isZero();
  }

  @Test
  void decodesAttributeChangedWithAnyValueLength() {
    for (int length : new int[] {0, 1, 32, 33, 100}) {
      byte[] value = new byte[length];
      Arrays.fill(value, (byte) 0xab);
      byte[] name = bytes32("did/svc/HubService");
      String data =
          encode(new Bytes32(name), new DynamicBytes(value), new Uint256(0), new Uint256(42));
      DidEvent.AttributeChanged event =
          (DidEvent.AttributeChanged)
              DidRegistryEvents.decode(
                      List.of(DidRegistryEvents.ATTRIBUTE_CHANGED_TOPIC, IDENTITY_TOPIC), data)
                  .orElseThrow();
      assertThat(event.name()).isEqualTo(name);
      assertThat(event.value()).isEqualTo(value);
      assertThat(event.validTo()).isZero();
      assertThat(event.previousChange()).isEqualTo(BigInteger.valueOf(42));
    }
  }

  @Test
  void ignoresUnknownTopicsAndMalformedLogs() {
    String ownerData = encode(new Address(OTHER), new Uint256(7));
    String transfer = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    assertThat(DidRegistryEvents.decode(List.of(transfer, IDENTITY_TOPIC), ownerData)).isEmpty();
    // no identity topic
    assertThat(DidRegistryEvents.decode(List.of(DidRegistryEvents.OWNER_CHANGED_TOPIC), ownerData))
        .isEmpty();
    // identity topic with dirty upper bytes
    String dirty = "0x010000000000000000000000" + IDENTITY.substring(2);
    assertThat(
            DidRegistryEvents.decode(
                List.of(DidRegistryEvents.OWNER_CHANGED_TOPIC, dirty), ownerData))
        .isEmpty();
    // truncated data
    assertThat(
            DidRegistryEvents.decode(
                List.of(DidRegistryEvents.OWNER_CHANGED_TOPIC, IDENTITY_TOPIC), "0x1234"))
        .isEmpty();
    assertThat(
            DidRegistryEvents.decode(
                List.of(DidRegistryEvents.ATTRIBUTE_CHANGED_TOPIC, IDENTITY_TOPIC), "0x"))
        .isEmpty();
    assertThat(
            DidRegistryEvents.decode(
                List.of(DidRegistryEvents.OWNER_CHANGED_TOPIC, IDENTITY_TOPIC), "not hex"))
        .isEmpty();
  }

  static String encode(Type<?>... values) {
    return "0x" + FunctionEncoder.encodeConstructor(List.of(values));
  }

  static byte[] bytes32(String text) {
    return Arrays.copyOf(text.getBytes(StandardCharsets.UTF_8), 32);
  }
}
