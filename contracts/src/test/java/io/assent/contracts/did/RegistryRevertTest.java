package io.assent.contracts.did;

import static org.assertj.core.api.Assertions.assertThat;

import io.assent.contracts.did.DidRegistryException.Reason;
import io.assent.contracts.generated.DIDRegistry;
import org.junit.jupiter.api.Test;
import org.web3j.abi.CustomErrorEncoder;

class RegistryRevertTest {

  private static final String IDENTITY = "0x1111111111111111111111111111111111111111";
  private static final String ACTOR = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";

  /** What anvil 1.7 answered to eth_estimateGas for changeOwner by a stranger (data as JSON). */
  private static final String ANVIL_NOT_OWNER_DATA =
      "\"0x23295f0e"
          + "0000000000000000000000001111111111111111111111111111111111111111"
          + "000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266\"";

  @Test
  void selectorsMatchTheContractsCustomErrors() {
    // the generated binding declares the errors from the compiled ABI
    assertThat(RegistryRevert.NOT_OWNER)
        .isEqualTo(CustomErrorEncoder.encode(DIDRegistry.NOTOWNER_ERROR).substring(0, 10))
        .isEqualTo("0x23295f0e");
    assertThat(RegistryRevert.BAD_SIGNATURE)
        .isEqualTo(CustomErrorEncoder.encode(DIDRegistry.BADSIGNATURE_ERROR).substring(0, 10))
        .isEqualTo("0x5cd5d233");
  }

  @Test
  void decodesNotOwnerWithItsArguments() {
    DidRegistryException e =
        RegistryRevert.fromRpcError(
            "execution reverted: custom error 0x23295f0e: ...", ANVIL_NOT_OWNER_DATA);

    assertThat(e.reason()).isEqualTo(Reason.NOT_OWNER);
    assertThat(e.identity()).contains(IDENTITY);
    assertThat(e.actor()).contains(ACTOR);
    assertThat(e.getMessage()).contains("NotOwner(identity=" + IDENTITY + ", actor=" + ACTOR);
    assertThat(e.transactionHash()).isEmpty();
  }

  @Test
  void decodesBadSignature() {
    DidRegistryException e = RegistryRevert.fromRpcError("execution reverted", "\"0x5cd5d233\"");

    assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE);
    assertThat(e.getMessage()).startsWith("BadSignature()");
  }

  @Test
  void decodesErrorStringAndPanic() {
    String errorString =
        "0x08c379a0"
            + "0000000000000000000000000000000000000000000000000000000000000020"
            + "0000000000000000000000000000000000000000000000000000000000000009"
            + "6261645f6163746f720000000000000000000000000000000000000000000000";
    String panic =
        "0x4e487b71" + "0000000000000000000000000000000000000000000000000000000000000011";

    assertThat(RegistryRevert.fromRevertData(errorString).getMessage())
        .isEqualTo("reverted: bad_actor");
    assertThat(RegistryRevert.fromRevertData(panic).getMessage()).isEqualTo("Panic(0x11)");
    assertThat(RegistryRevert.fromRevertData(panic).reason()).isEqualTo(Reason.REVERTED);
  }

  @Test
  void unknownRevertDataIsAPlainRevert() {
    DidRegistryException e = RegistryRevert.fromRevertData("0xdeadbeef00");

    assertThat(e.reason()).isEqualTo(Reason.REVERTED);
    assertThat(e.getMessage()).contains("0xdeadbeef00");
  }

  @Test
  void errorsWithoutRevertDataAreRevertsOrRefusals() {
    assertThat(RegistryRevert.fromRpcError("execution reverted", null).reason())
        .isEqualTo(Reason.REVERTED);
    DidRegistryException refused =
        RegistryRevert.fromRpcError("insufficient funds for gas * price + value", null);
    assertThat(refused.reason()).isEqualTo(Reason.REJECTED);
    assertThat(refused.getMessage()).contains("insufficient funds");
  }

  @Test
  void withTransactionKeepsTheReasonAndAddsTheHash() {
    DidRegistryException e =
        RegistryRevert.fromRpcError("x", ANVIL_NOT_OWNER_DATA).withTransaction("0xabc");

    assertThat(e.reason()).isEqualTo(Reason.NOT_OWNER);
    assertThat(e.transactionHash()).contains("0xabc");
    assertThat(e.actor()).contains(ACTOR);
    assertThat(e.getMessage()).contains("NotOwner(").contains("0xabc");
  }
}
