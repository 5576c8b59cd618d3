package io.assent.node.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assent.node.anchor.ProofPlace;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsentStateTest {
  private static final String SUBJECT = "0x" + "ab".repeat(20);
  private static final String DATASET = "0x" + "d5".repeat(32);
  private static final String NONCE = "0x" + "01".repeat(32);

  private static ConsentState pending() {
    return new ConsentState(
        ConsentState.PENDING,
        SUBJECT,
        DATASET,
        List.of("ai:ModelTraining", "dpv:ResearchAndDevelopment"),
        1_800_000_000L,
        0,
        1_800_000_005L,
        NONCE,
        null,
        0);
  }

  @Test
  void pendingWithdrawnAndErasedStatesComeBackAsTheyWere() {
    ConsentState pending = pending();
    ConsentState withdrawn =
        pending.withWithdrawal(
            new ConsentState.Withdrawal(
                1_800_000_100L, "0x" + "02".repeat(32), "0x" + "9f".repeat(32)));
    ConsentState erased = ConsentState.erasedAt(1_800_000_200L);
    for (ConsentState s : List.of(pending, withdrawn, erased)) {
      assertThat(ConsentState.decode(s.encode())).isEqualTo(s);
    }
    assertThat(pending.encode().length).as("binary, not JSON").isLessThan(200);
  }

  @Test
  void theSlotIsSetAfterEncodingKeptByAWithdrawalAndGoneWithAnErasure() {
    ConsentState pending = pending();
    assertThat(ConsentState.decode(pending.encode()).proofPlace()).isEqualTo(ProofPlace.BY_LEAF);

    ConsentState slotted = ConsentState.decode(ConsentState.withSlot(pending.encode(), 4_242));
    assertThat(slotted.slot()).isEqualTo(4_242);
    assertThat(slotted.proofPlace()).isEqualTo(ProofPlace.slot(4_242));
    assertThat(slotted).usingRecursiveComparison().ignoringFields("slot").isEqualTo(pending);

    ConsentState withdrawn =
        slotted.withWithdrawal(
            new ConsentState.Withdrawal(
                1_800_000_100L, "0x" + "02".repeat(32), "0x" + "9f".repeat(32)));
    assertThat(ConsentState.decode(withdrawn.encode()).slot()).isEqualTo(4_242);
    assertThat(ConsentState.decode(ConsentState.erasedAt(9).encode()).proofPlace())
        .isEqualTo(ProofPlace.BY_LEAF);
  }

  @Test
  void binaryStatesOfNodesBeforeSlotsAreStillReadWithoutOne() {
    // Version 2: the same bytes without the slot (a state of schema 3).
    byte[] current = pending().encode();
    byte[] before = new byte[current.length - 8];
    before[0] = 2;
    System.arraycopy(current, 9, before, 1, current.length - 9);
    ConsentState read = ConsentState.decode(before);
    assertThat(read).isEqualTo(pending());
    assertThat(read.slot()).isEqualTo(ConsentState.NO_SLOT);
  }

  @Test
  void aSlotGoesOnlyIntoTheCurrentEncoding() {
    byte[] json = "{\"status\":\"erased\",\"erasedAt\":7}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ConsentState.withSlot(json, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void statesWrittenAsJsonByEarlierNodesAreStillRead() {
    String json =
        "{\"version\":1,\"status\":\"pending\",\"subject\":\""
            + SUBJECT
            + "\",\"dataset\":\""
            + DATASET
            + "\",\"purposes\":[\"ai:ModelTraining\",\"dpv:ResearchAndDevelopment\"],"
            + "\"validFrom\":1800000000,\"validUntil\":0,\"acceptedAt\":1800000005,"
            + "\"grantNonce\":\""
            + NONCE
            + "\",\"grantDigest\":\"0x"
            + "77".repeat(32)
            + "\"}";
    assertThat(ConsentState.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(pending());
    byte[] erased =
        "{\"version\":1,\"status\":\"erased\",\"erasedAt\":7}".getBytes(StandardCharsets.UTF_8);
    assertThat(ConsentState.decode(erased)).isEqualTo(ConsentState.erasedAt(7));
  }

  @Test
  void hexThatWouldNotComeBackTheSameIsRefused() {
    ConsentState upper =
        new ConsentState(
            ConsentState.PENDING,
            SUBJECT.toUpperCase().replace("0X", "0x"),
            DATASET,
            List.of("ai:ModelTraining"),
            1,
            0,
            1,
            NONCE,
            null,
            0);
    assertThatThrownBy(upper::encode).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void truncatedOrUnknownBytesAreRefused() {
    byte[] bytes = pending().encode();
    assertThatThrownBy(() -> ConsentState.decode(java.util.Arrays.copyOf(bytes, bytes.length - 1)))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] unknown = bytes.clone();
    unknown[0] = 9;
    assertThatThrownBy(() -> ConsentState.decode(unknown))
        .isInstanceOf(IllegalStateException.class);
  }
}
