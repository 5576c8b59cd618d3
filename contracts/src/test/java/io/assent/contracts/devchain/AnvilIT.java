package io.assent.contracts.devchain;

import static org.assertj.core.api.Assertions.assertThat;

import io.assent.contracts.generated.DIDRegistry;
import org.junit.jupiter.api.Test;

class AnvilIT {

  @Test
  void deploysRegistryAndReorgsDropBlocks() throws Exception {
    try (Anvil anvil = Anvil.start()) {
      DIDRegistry registry =
          DIDRegistry.deploy(
                  anvil.web3j(),
                  anvil.transactionManager(Anvil.devCredentials(0)),
                  Anvil.gasProvider())
              .send();
      String identity = Anvil.devCredentials(1).getAddress();
      assertThat(registry.identityOwner(identity).send()).isEqualToIgnoringCase(identity);
      long before = anvil.blockNumber();
      String hashBefore =
          anvil
              .web3j()
              .ethGetBlockByNumber(
                  org.web3j.protocol.core.DefaultBlockParameter.valueOf(
                      java.math.BigInteger.valueOf(before)),
                  false)
              .send()
              .getBlock()
              .getHash();
      anvil.reorg(1);
      String hashAfter =
          anvil
              .web3j()
              .ethGetBlockByNumber(
                  org.web3j.protocol.core.DefaultBlockParameter.valueOf(
                      java.math.BigInteger.valueOf(before)),
                  false)
              .send()
              .getBlock()
              .getHash();
      assertThat(anvil.blockNumber()).isEqualTo(before);
      assertThat(hashAfter).isNotEqualTo(hashBefore);
    }
  }
}
