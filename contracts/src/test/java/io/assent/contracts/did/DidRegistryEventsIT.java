package io.assent.contracts.did;

import static org.assertj.core.api.Assertions.assertThat;

import io.assent.contracts.devchain.Anvil;
import io.assent.contracts.generated.DIDRegistry;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** Decodes logs that the real registry emits on a dev chain. */
class DidRegistryEventsIT {

  @Test
  void decodesEveryEventTheRegistryEmits() throws Exception {
    try (Anvil anvil = Anvil.start()) {
      Credentials owner = Anvil.devCredentials(1);
      String identity = owner.getAddress();
      String delegate = Anvil.devCredentials(2).getAddress();
      String newOwner = Anvil.devCredentials(3).getAddress();
      DIDRegistry registry =
          DIDRegistry.deploy(anvil.web3j(), anvil.transactionManager(owner), Anvil.gasProvider())
              .send();
      byte[] veriKey = bytes32("veriKey");
      byte[] name = bytes32("did/svc/HubService");
      byte[] value = "https://hub.example/".getBytes(StandardCharsets.UTF_8);

      DidEvent added =
          single(
              registry.addDelegate(identity, veriKey, delegate, BigInteger.valueOf(3600)).send());
      long addedBlock = anvil.blockNumber();
      DidEvent attribute =
          single(registry.setAttribute(identity, name, value, BigInteger.valueOf(600)).send());
      long attributeBlock = anvil.blockNumber();
      DidEvent revoked = single(registry.revokeAttribute(identity, name, value).send());
      DidEvent changed = single(registry.changeOwner(identity, newOwner).send());

      assertThat(added)
          .isInstanceOfSatisfying(
              DidEvent.DelegateChanged.class,
              e -> {
                assertThat(e.identity()).isEqualTo(identity);
                assertThat(e.delegateType()).isEqualTo(veriKey);
                assertThat(e.delegate()).isEqualTo(delegate);
                assertThat(e.validTo()).isPositive();
                assertThat(e.previousChange()).isZero();
              });
      assertThat(attribute)
          .isInstanceOfSatisfying(
              DidEvent.AttributeChanged.class,
              e -> {
                assertThat(e.name()).isEqualTo(name);
                assertThat(e.value()).isEqualTo(value);
                assertThat(e.previousChange()).isEqualTo(BigInteger.valueOf(addedBlock));
              });
      assertThat(revoked)
          .isInstanceOfSatisfying(
              DidEvent.AttributeChanged.class,
              e -> {
                assertThat(e.validTo()).isZero();
                assertThat(e.previousChange()).isEqualTo(BigInteger.valueOf(attributeBlock));
              });
      assertThat(changed)
          .isInstanceOfSatisfying(
              DidEvent.OwnerChanged.class, e -> assertThat(e.owner()).isEqualTo(newOwner));
    }
  }

  private static DidEvent single(TransactionReceipt receipt) {
    List<Log> logs = receipt.getLogs();
    assertThat(logs).hasSize(1);
    return DidRegistryEvents.decode(logs.get(0).getTopics(), logs.get(0).getData()).orElseThrow();
  }

  private static byte[] bytes32(String text) {
    return Arrays.copyOf(text.getBytes(StandardCharsets.UTF_8), 32);
  }
}
