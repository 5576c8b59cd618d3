package io.assent.contracts.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.assent.contracts.devchain.Anvil;
import io.assent.contracts.did.DidRegistryException.Reason;
import java.math.BigInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/** The client's behaviour without a chain: argument checks, and a node that is not there. */
class DidRegistryClientTest {

  private static final String REGISTRY = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
  private static final String IDENTITY = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
  private static final Credentials KEY = Anvil.devCredentials(0);

  private Web3j web3j;
  private DidRegistryClient client;

  @BeforeEach
  void setUp() {
    // a loopback port nobody listens on: every call is refused at once
    web3j = Web3j.build(new HttpService("http://127.0.0.1:" + Anvil.freePort()));
    client =
        DidRegistryClient.load(
            REGISTRY,
            web3j,
            new RawTransactionManager(web3j, KEY, Anvil.CHAIN_ID),
            new DefaultGasProvider());
  }

  @AfterEach
  void tearDown() {
    web3j.shutdown();
  }

  @Test
  void loadChecksTheAddressAndNormalizesIt() {
    assertThat(
            DidRegistryClient.load(REGISTRY.toUpperCase().replace("0X", "0x"), web3j, null, null)
                .address())
        .isEqualTo(REGISTRY);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DidRegistryClient.load("0x1234", web3j, null, null))
        .withMessageContaining("20-byte address");
  }

  @Test
  void badArgumentsFailBeforeAnyCall() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> client.identityOwner("did:ethr:0x1234"))
        .withMessageContaining("address");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> client.validDelegate(IDENTITY, new byte[31], IDENTITY))
        .withMessageContaining("32 bytes");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                client.send(
                    new Erc1056Operation.SetAttribute(
                        IDENTITY, DidNames.encode("did/svc/X"), null, BigInteger.ONE)))
        .withMessageContaining("value");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                client.send(
                    new Erc1056Operation.AddDelegate(
                        IDENTITY,
                        DidNames.encode(DidNames.VERI_KEY),
                        IDENTITY,
                        BigInteger.valueOf(-1))))
        .withMessageContaining("uint256");
  }

  @Test
  void unreachableNodeIsUnavailable() {
    DidRegistryException read =
        catchThrowableOfType(DidRegistryException.class, () -> client.identityOwner(IDENTITY));
    DidRegistryException write =
        catchThrowableOfType(
            DidRegistryException.class,
            () ->
                client.send(
                    new Erc1056Operation.ChangeOwner(
                        IDENTITY, "0x0000000000000000000000000000000000000001")));

    assertThat(read.reason()).isEqualTo(Reason.UNAVAILABLE);
    assertThat(read.getMessage()).contains("identityOwner");
    assertThat(write.reason()).isEqualTo(Reason.UNAVAILABLE);
    assertThat(write.transactionHash()).isEmpty();
  }
}
