package io.assent.contracts.dataset;

import static io.assent.contracts.dataset.DatasetChain.SIG_AUTH;
import static io.assent.contracts.dataset.DatasetChain.assertRefused;
import static io.assent.contracts.dataset.DatasetChain.registration;
import static io.assent.contracts.dataset.DatasetChain.single;
import static io.assent.contracts.dataset.DatasetFixtures.registered;
import static org.assertj.core.api.Assertions.assertThat;

import io.assent.contracts.consent.Eip712Domain;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The {@code ...Signed} variants: a curator agent signs EIP-712 typed data, another account relays
 * and pays. Signers here hold no ether, so every accepted change was relayed.
 */
class DatasetRegistrySignedIT {

  private static DatasetChain chain;
  private static DatasetRegistryClient relayer;
  private static Eip712Domain domain;

  @BeforeAll
  static void startChain() {
    chain = DatasetChain.start();
    relayer = chain.relayer();
    domain = relayer.domain();
  }

  @AfterAll
  static void stopChain() {
    chain.close();
  }

  @Test
  void everyOperationIsRelayedWithTheSignersAuthority() {
    Credentials owner = DatasetChain.newKey();
    Credentials newCurator = DatasetChain.newKey();
    DatasetOperation.Register parent = registration(owner.getAddress(), List.of());
    DatasetOperation.Register child = registration(owner.getAddress(), List.of(parent.datasetId()));
    String id = child.datasetId();

    assertThat(relayed(parent, owner)).isEqualTo(registered(parent, owner.getAddress()));
    assertThat(relayed(child, owner)).isEqualTo(registered(child, owner.getAddress()));
    assertThat(relayed(new DatasetOperation.UpdateLicense(id, "CC-BY-NC-4.0"), owner))
        .isEqualTo(new DatasetEvent.LicenseChanged(id, owner.getAddress(), "CC-BY-NC-4.0"));
    assertThat(
            relayed(new DatasetOperation.TransferCuratorship(id, newCurator.getAddress()), owner))
        .isEqualTo(
            new DatasetEvent.CuratorChanged(id, newCurator.getAddress(), owner.getAddress()));
    assertThat(relayed(new DatasetOperation.Deprecate(id, "withdrawn ✓"), newCurator))
        .isEqualTo(new DatasetEvent.Deprecated(id, newCurator.getAddress(), "withdrawn ✓"));

    assertThat(chain.registry.nonce(owner.getAddress())).isEqualTo(BigInteger.valueOf(4));
    assertThat(chain.registry.nonce(newCurator.getAddress())).isEqualTo(BigInteger.ONE);
    assertThat(chain.registry.curatorOf(id)).isEqualTo(newCurator.getAddress());
    assertThat(chain.registry.isDeprecated(id)).isTrue();
    assertThat(chain.sentBy(owner.getAddress())).isZero();
  }

  @Test
  void aDelegateSignsForTheCurator() {
    Credentials owner = chain.newFundedKey();
    Credentials delegate = DatasetChain.newKey();
    chain.addDelegate(owner, SIG_AUTH, delegate.getAddress(), 3_600);
    DatasetOperation.Register op = registration(owner.getAddress(), List.of());

    assertThat(relayed(op, delegate)).isEqualTo(registered(op, delegate.getAddress()));
  }

  @Test
  void aSignatureIsAcceptedOnceReplayIsBadSignature() {
    Credentials owner = DatasetChain.newKey();
    DatasetOperation.Register dataset = registration(owner.getAddress(), List.of());
    relayed(dataset, owner);
    var update = new DatasetOperation.UpdateLicense(dataset.datasetId(), "MIT");
    BigInteger nonce = chain.registry.nonce(owner.getAddress());
    String signature = DatasetTypedData.sign(domain, update, nonce, owner);
    relayer.sendSigned(update, owner.getAddress(), signature);

    assertRefused(() -> relayer.sendSigned(update, owner.getAddress(), signature), "BadSignature");

    assertThat(chain.registry.nonce(owner.getAddress())).isEqualTo(nonce.add(BigInteger.ONE));
  }

  @Test
  void aSignatureForAnotherChainIsBadSignature() {
    Credentials owner = DatasetChain.newKey();
    DatasetOperation.Register op = registration(owner.getAddress(), List.of());
    Eip712Domain otherChain = Eip712Domain.datasetRegistry(1, chain.registry.address());
    String signature = DatasetTypedData.sign(otherChain, op, BigInteger.ZERO, owner);

    assertRefused(() -> relayer.sendSigned(op, owner.getAddress(), signature), "BadSignature");

    assertThat(chain.registry.exists(op.datasetId())).isFalse();
    assertThat(chain.registry.nonce(owner.getAddress())).isZero();
  }

  @Test
  void aSignatureForAnotherRegistryOrNonceOrSignerIsBadSignature() {
    Credentials owner = DatasetChain.newKey();
    DatasetOperation.Register op = registration(owner.getAddress(), List.of());
    Eip712Domain otherRegistry = Eip712Domain.datasetRegistry(chain.chainId(), chain.did.address());
    String elsewhere = DatasetTypedData.sign(otherRegistry, op, BigInteger.ZERO, owner);
    String futureNonce = DatasetTypedData.sign(domain, op, BigInteger.ONE, owner);
    String byAnother = DatasetTypedData.sign(domain, op, BigInteger.ZERO, DatasetChain.newKey());

    for (String signature : List.of(elsewhere, futureNonce, byAnother)) {
      assertRefused(() -> relayer.sendSigned(op, owner.getAddress(), signature), "BadSignature");
    }
    assertThat(chain.registry.exists(op.datasetId())).isFalse();
  }

  @Test
  void aValidSignatureByAStrangerIsNotCuratorAgent() {
    Credentials owner = DatasetChain.newKey();
    Credentials stranger = DatasetChain.newKey();
    DatasetOperation.Register op = registration(owner.getAddress(), List.of());
    String signature = DatasetTypedData.sign(domain, op, BigInteger.ZERO, stranger);

    assertRefused(
        () -> relayer.sendSigned(op, stranger.getAddress(), signature),
        "NotCuratorAgent",
        owner.getAddress(),
        stranger.getAddress());

    assertThat(chain.registry.exists(op.datasetId())).isFalse();
    assertThat(chain.registry.nonce(stranger.getAddress())).isZero();
  }

  @Test
  void signedUpdateByARevokedDelegateIsNotCuratorAgent() {
    Credentials owner = chain.newFundedKey();
    Credentials delegate = DatasetChain.newKey();
    chain.addDelegate(owner, SIG_AUTH, delegate.getAddress(), 3_600);
    DatasetOperation.Register dataset = registration(owner.getAddress(), List.of());
    relayed(dataset, delegate);
    chain.revokeDelegate(owner, SIG_AUTH, delegate.getAddress());
    var update = new DatasetOperation.UpdateLicense(dataset.datasetId(), "CC0-1.0");
    String signature =
        DatasetTypedData.sign(
            domain, update, chain.registry.nonce(delegate.getAddress()), delegate);

    assertRefused(
        () -> relayer.sendSigned(update, delegate.getAddress(), signature),
        "NotCuratorAgent",
        owner.getAddress(),
        delegate.getAddress());
  }

  /** Signs {@code op} with {@code signer}'s current nonce, relays it, returns its one event. */
  private static DatasetEvent relayed(DatasetOperation op, Credentials signer) {
    BigInteger nonce = chain.registry.nonce(signer.getAddress());
    String signature = DatasetTypedData.sign(domain, op, nonce, signer);
    assertThat(DatasetTypedData.recover(domain, op, nonce, signature))
        .isEqualTo(signer.getAddress());
    TransactionReceipt receipt = relayer.sendSigned(op, signer.getAddress(), signature);
    return single(chain.registry.events(receipt));
  }
}
