package io.assent.contracts.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.assent.contracts.dataset.DatasetRegistryException.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.DefaultFunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

class DatasetRevertTest {

  private static final String CURATOR = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
  private static final String ACTOR = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
  private static final String ID = "0x" + "ab".repeat(32);

  @Test
  void customErrorsCarryTheirNameAndArguments() {
    var notAgent =
        DatasetRevert.fromRevertData(
            revert("NotCuratorAgent(address,address)", new Address(CURATOR), new Address(ACTOR)));
    var unknownParent =
        DatasetRevert.fromRevertData(
            revert("UnknownParent(bytes32)", new Bytes32(Numeric.hexStringToByteArray(ID))));
    var empty = DatasetRevert.fromRevertData(revert("EmptyField(string)", new Utf8String("name")));
    var badSignature = DatasetRevert.fromRevertData(revert("BadSignature()"));

    assertThat(notAgent.reason()).isEqualTo(Reason.REVERTED);
    assertThat(notAgent.errorName()).contains("NotCuratorAgent");
    assertThat(notAgent.errorArgs()).containsExactly(CURATOR, ACTOR);
    assertThat(notAgent.getMessage()).contains("NotCuratorAgent").contains(ACTOR);
    assertThat(unknownParent.errorName()).contains("UnknownParent");
    assertThat(unknownParent.errorArgs()).containsExactly(ID);
    assertThat(empty.errorName()).contains("EmptyField");
    assertThat(empty.errorArgs()).containsExactly("name");
    assertThat(badSignature.errorName()).contains("BadSignature");
    assertThat(badSignature.errorArgs()).isEmpty();
  }

  @Test
  void theRevertDataIsFoundInsideTheNodesErrorDataAsJson() {
    String data = revert("DatasetExists(bytes32)", new Bytes32(Numeric.hexStringToByteArray(ID)));

    var e = DatasetRevert.fromRpcError("execution reverted", "\"" + data + "\"");

    assertThat(e.errorName()).contains("DatasetExists");
    assertThat(e.errorArgs()).containsExactly(ID);
  }

  @Test
  void otherFailuresHaveNoErrorName() {
    var text = DatasetRevert.fromRevertData(revert("Error(string)", new Utf8String("nope")));
    var unknown = DatasetRevert.fromRevertData("0xdeadbeef");
    var truncated = DatasetRevert.fromRevertData(revert("UnknownDataset(bytes32)"));
    var funds = DatasetRevert.fromRpcError("insufficient funds for gas * price + value", null);
    var reverted = DatasetRevert.fromRpcError("execution reverted", null);

    assertThat(text.errorName()).isEmpty();
    assertThat(text.getMessage()).contains("nope");
    assertThat(unknown.errorName()).isEmpty();
    assertThat(unknown.reason()).isEqualTo(Reason.REVERTED);
    assertThat(truncated.errorName()).as("arguments missing").isEmpty();
    assertThat(funds.reason()).isEqualTo(Reason.REJECTED);
    assertThat(reverted.reason()).isEqualTo(Reason.REVERTED);
  }

  private static String revert(String signature, Type<?>... args) {
    String selector = Hash.sha3String(signature).substring(0, 10);
    return selector + new DefaultFunctionEncoder().encodeParameters(List.of(args));
  }
}
