package io.assent.contracts.did;

import static io.assent.contracts.did.DidRegistryIT.HOUR;
import static io.assent.contracts.did.DidRegistryIT.KEY_NAME;
import static io.assent.contracts.did.DidRegistryIT.SIG_AUTH;
import static io.assent.contracts.did.DidRegistryIT.assertRefused;
import static io.assent.contracts.did.DidRegistryIT.setService;
import static io.assent.contracts.did.DidRegistryIT.single;
import static io.assent.contracts.did.RegistryChain.ZERO_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.assent.contracts.devchain.Anvil;
import io.assent.contracts.did.DidRegistryException.Reason;
import io.assent.contracts.generated.DIDRegistry;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The {@code *Signed} variants: the owner signs, another account relays and pays. Identities here
 * hold no ether at all, so every accepted write was relayed.
 */
class DidRegistrySignedIT {

  private static final Logger LOG = LoggerFactory.getLogger(DidRegistrySignedIT.class);

  private static RegistryChain chain;

  @BeforeAll
  static void startChain() {
    chain = RegistryChain.start();
  }

  @AfterAll
  static void stopChain() {
    chain.close();
  }

  @Test
  void everySignedVariantIsRelayedByAnotherAccount() {
    Credentials owner = RegistryChain.newKey();
    String identity = owner.getAddress();
    String delegate = RegistryChain.newKey().getAddress();
    Credentials newOwner = RegistryChain.newKey();
    byte[] key = Numeric.hexStringToByteArray("0x03" + "ef".repeat(32));

    List<Erc1056Operation> ops =
        List.of(
            new Erc1056Operation.SetAttribute(identity, KEY_NAME, key, HOUR),
            new Erc1056Operation.RevokeAttribute(identity, KEY_NAME, key),
            new Erc1056Operation.AddDelegate(identity, SIG_AUTH, delegate, HOUR),
            new Erc1056Operation.RevokeDelegate(identity, SIG_AUTH, delegate),
            new Erc1056Operation.ChangeOwner(identity, newOwner.getAddress()));
    List<TransactionReceipt> receipts = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      assertThat(chain.deployer.nonce(identity)).isEqualTo(i);
      Erc1056Signature sig = sign(ops.get(i), owner);
      DidRegistryClient relayer = chain.clientFor(Anvil.devCredentials(1 + i));
      receipts.add(relayer.sendSigned(ops.get(i), sig));
      assertThat(receipts.get(i).getFrom()).isEqualTo(Anvil.devCredentials(1 + i).getAddress());
      if (ops.get(i) instanceof Erc1056Operation.AddDelegate) {
        assertThat(chain.deployer.validDelegate(identity, SIG_AUTH, delegate)).isTrue();
      }
    }

    assertThat(chain.deployer.nonce(identity)).isEqualTo(ops.size());
    assertThat(chain.balanceOf(identity)).isZero();
    var set = single(DIDRegistry.getDIDAttributeChangedEvents(receipts.get(0)));
    assertThat(set.identity).isEqualTo(identity);
    assertThat(set.value).isEqualTo(key);
    assertThat(set.validTo)
        .isEqualTo(chain.timestampOf(receipts.get(0).getBlockNumber()).add(HOUR));
    var revoked = single(DIDRegistry.getDIDAttributeChangedEvents(receipts.get(1)));
    assertThat(revoked.validTo).isZero();
    assertThat(revoked.previousChange).isEqualTo(receipts.get(0).getBlockNumber());
    var added = single(DIDRegistry.getDIDDelegateChangedEvents(receipts.get(2)));
    assertThat(added.delegate).isEqualTo(delegate);
    assertThat(added.delegateType).isEqualTo(SIG_AUTH);
    var removed = single(DIDRegistry.getDIDDelegateChangedEvents(receipts.get(3)));
    assertThat(removed.validTo).isEqualTo(chain.timestampOf(receipts.get(3).getBlockNumber()));
    assertThat(chain.deployer.validDelegate(identity, SIG_AUTH, delegate)).isFalse();
    var moved = single(DIDRegistry.getDIDOwnerChangedEvents(receipts.get(4)));
    assertThat(moved.owner).isEqualTo(newOwner.getAddress());
    assertThat(moved.previousChange).isEqualTo(receipts.get(3).getBlockNumber());
    assertThat(chain.deployer.identityOwner(identity)).isEqualTo(newOwner.getAddress());

    // the new owner signs with its own nonce (0); the old owner's signatures no longer count
    Erc1056Operation next = setService(identity, "https://new-owner.example");
    assertThat(chain.deployer.ownerNonce(identity)).isZero();
    assertRefused(
        () -> chain.clientFor(Anvil.devCredentials(1)).sendSigned(next, sign(next, owner)),
        Reason.NOT_OWNER);
    chain.clientFor(Anvil.devCredentials(1)).sendSigned(next, sign(next, newOwner));
    assertThat(chain.deployer.nonce(newOwner.getAddress())).isOne();
    assertThat(chain.deployer.nonce(identity)).isEqualTo(ops.size());
  }

  @Test
  void signatureOfAnotherKeyIsRefused() {
    String identity = RegistryChain.newKey().getAddress();
    Credentials stranger = RegistryChain.newKey();
    DidRegistryClient relayer = chain.clientFor(Anvil.devCredentials(2));
    BigInteger sentBefore = chain.sentBy(Anvil.devCredentials(2).getAddress());
    Erc1056Operation op = new Erc1056Operation.ChangeOwner(identity, stranger.getAddress());

    DidRegistryException refused =
        catchThrowableOfType(
            DidRegistryException.class, () -> relayer.sendSigned(op, sign(op, stranger)));

    assertThat(refused.reason()).isEqualTo(Reason.NOT_OWNER);
    assertThat(refused.identity()).contains(identity);
    assertThat(refused.actor()).contains(stranger.getAddress());
    assertThat(refused.getMessage())
        .contains("NotOwner(identity=" + identity + ", actor=" + stranger.getAddress());
    assertThat(chain.sentBy(Anvil.devCredentials(2).getAddress())).isEqualTo(sentBefore);
    assertThat(chain.deployer.identityOwner(identity)).isEqualTo(identity);
    assertThat(chain.deployer.nonce(stranger.getAddress())).isZero();
  }

  @Test
  void replayedOrMisnumberedSignaturesAreRefused() {
    Credentials owner = RegistryChain.newKey();
    String identity = owner.getAddress();
    DidRegistryClient relayer = chain.clientFor(Anvil.devCredentials(3));
    Erc1056Operation op = setService(identity, "https://node.example");
    Erc1056Signature sig = sign(op, owner);
    relayer.sendSigned(op, sig);
    BigInteger changed = chain.deployer.changed(identity);

    DidRegistryException replayed =
        catchThrowableOfType(DidRegistryException.class, () -> relayer.sendSigned(op, sig));
    Erc1056Signature ahead =
        Erc1056SignedHash.sign(chain.registry(), BigInteger.valueOf(5), op, owner);
    DidRegistryException misnumbered =
        catchThrowableOfType(DidRegistryException.class, () -> relayer.sendSigned(op, ahead));

    // hashed with a stale or wrong nonce, the signature recovers to some unrelated address
    assertThat(replayed.reason()).isEqualTo(Reason.NOT_OWNER);
    assertThat(replayed.actor()).get().isNotEqualTo(identity);
    assertThat(misnumbered.reason()).isEqualTo(Reason.NOT_OWNER);
    assertThat(chain.deployer.nonce(identity)).isOne();
    assertThat(chain.deployer.changed(identity)).isEqualTo(changed);
  }

  @Test
  void tamperedSignaturesAreRefused() {
    Credentials owner = RegistryChain.newKey();
    String identity = owner.getAddress();
    DidRegistryClient relayer = chain.clientFor(Anvil.devCredentials(4));
    Erc1056Operation op = setService(identity, "https://node.example");
    Erc1056Signature sig = sign(op, owner);
    byte[] zero = new byte[32];
    byte[] high = new byte[32];
    java.util.Arrays.fill(high, (byte) 0xff); // r beyond the curve order: no point

    DidRegistryException flippedV =
        catchThrowableOfType(
            DidRegistryException.class,
            () -> relayer.sendSigned(op, new Erc1056Signature(55 - sig.v(), sig.r(), sig.s())));
    assertThat(flippedV.reason()).isIn(Reason.NOT_OWNER, Reason.BAD_SIGNATURE);
    assertRefused(
        () -> relayer.sendSigned(op, new Erc1056Signature(sig.v(), zero, sig.s())),
        Reason.BAD_SIGNATURE);
    assertRefused(
        () -> relayer.sendSigned(op, new Erc1056Signature(sig.v(), sig.r(), zero)),
        Reason.BAD_SIGNATURE);
    assertRefused(
        () -> relayer.sendSigned(op, new Erc1056Signature(sig.v(), high, sig.s())),
        Reason.BAD_SIGNATURE);
    // a valid signature over other arguments
    assertRefused(
        () -> relayer.sendSigned(setService(identity, "https://evil.example"), sig),
        Reason.NOT_OWNER);

    assertThat(chain.deployer.nonce(identity)).isZero();
    assertThat(chain.deployer.changed(identity)).isZero();
    relayer.sendSigned(op, sig); // the untampered one still works
    assertThat(chain.deployer.nonce(identity)).isOne();
  }

  @Test
  void signedDeactivationIsFinal() {
    Credentials owner = RegistryChain.newKey();
    String identity = owner.getAddress();
    DidRegistryClient relayer = chain.clientFor(Anvil.devCredentials(5));
    Erc1056Operation deactivate = new Erc1056Operation.ChangeOwner(identity, ZERO_ADDRESS);

    TransactionReceipt receipt = relayer.sendSigned(deactivate, sign(deactivate, owner));

    var event = single(DIDRegistry.getDIDOwnerChangedEvents(receipt));
    assertThat(event.owner).isEqualTo(ZERO_ADDRESS);
    assertThat(chain.deployer.deactivated(identity)).isTrue();
    assertThat(chain.deployer.identityOwner(identity)).isEqualTo(ZERO_ADDRESS);
    Erc1056Operation revive = new Erc1056Operation.ChangeOwner(identity, identity);
    for (BigInteger nonce : List.of(BigInteger.ZERO, BigInteger.ONE)) {
      Erc1056Signature sig = Erc1056SignedHash.sign(chain.registry(), nonce, revive, owner);
      assertRefused(() -> relayer.sendSigned(revive, sig), Reason.NOT_OWNER);
    }
    assertThat(chain.deployer.changed(identity)).isEqualTo(receipt.getBlockNumber());
  }

  /**
   * A relayed write passes the pre-flight check, then the owner front-runs it (higher fee, sent
   * around the client) by handing the identity to someone else: the relayed write reverts when
   * mined, and its failure carries the hash and the decoded reason.
   */
  @Test
  void revertWhenMinedCarriesTheHashAndReason() throws Exception {
    Credentials owner = chain.newFundedKey();
    String identity = owner.getAddress();
    Erc1056Operation op = setService(identity, "https://node.example");
    Erc1056Signature sig = sign(op, owner);
    DidRegistryClient relayer = chain.clientFor(Anvil.devCredentials(1));
    String frontRun =
        DIDRegistry.load(chain.registry(), chain.anvil.web3j(), owner, Anvil.gasProvider())
            .changeOwner(identity, RegistryChain.newKey().getAddress())
            .encodeFunctionCall();

    chain.anvil.automine(false);
    String relayed;
    try {
      relayed = relayer.submitSigned(op, sig);
      var sent =
          chain
              .anvil
              .transactionManager(owner)
              .sendTransaction(
                  Anvil.gasProvider().getGasPrice().multiply(BigInteger.TEN),
                  BigInteger.valueOf(200_000),
                  chain.registry(),
                  frontRun,
                  BigInteger.ZERO);
      assertThat(sent.hasError()).as("front-run accepted").isFalse();
      chain.anvil.mine(1);
    } finally {
      chain.anvil.automine(true);
    }

    DidRegistryException reverted =
        catchThrowableOfType(DidRegistryException.class, () -> relayer.awaitReceipt(relayed));

    assertThat(reverted.reason()).isEqualTo(Reason.NOT_OWNER);
    assertThat(reverted.actor()).contains(identity);
    assertThat(reverted.transactionHash()).contains(relayed);
    assertThat(reverted.getMessage()).contains(relayed);
    assertThat(chain.deployer.nonce(identity)).isZero();
    assertThat(chain.deployer.identityOwner(identity)).isNotEqualTo(identity);
  }

  /** A relay that submits the same signature twice is refused the second time, before sending. */
  @Test
  void pendingDuplicateIsRefusedBeforeSending() {
    Credentials owner = RegistryChain.newKey();
    Erc1056Operation op = setService(owner.getAddress(), "https://node.example");
    Erc1056Signature sig = sign(op, owner);
    DidRegistryClient relayer = chain.clientFor(Anvil.devCredentials(2));

    chain.anvil.automine(false);
    try {
      relayer.submitSigned(op, sig);
      // anvil estimates against the pending block, where the nonce is already consumed
      assertRefused(() -> relayer.submitSigned(op, sig), Reason.NOT_OWNER);
      chain.anvil.mine(1);
    } finally {
      chain.anvil.automine(true);
    }
    assertThat(chain.deployer.nonce(owner.getAddress())).isOne();
  }

  @Test
  void gasUsedBySignedWrites() {
    Credentials owner = RegistryChain.newKey();
    String identity = owner.getAddress();
    DidRegistryClient relayer = chain.clientFor(Anvil.devCredentials(1));
    Erc1056Operation op = setService(identity, "https://node.example");

    BigInteger first = relayer.sendSigned(op, sign(op, owner)).getGasUsed();
    BigInteger later = relayer.sendSigned(op, sign(op, owner)).getGasUsed();

    LOG.info("gas used: setAttributeSigned first={} later={}", first, later);
    assertThat(later).isLessThan(first).isLessThan(BigInteger.valueOf(100_000));
  }

  private static Erc1056Signature sign(Erc1056Operation op, Credentials key) {
    return Erc1056SignedHash.sign(
        chain.registry(), chain.deployer.ownerNonce(op.identity()), op, key);
  }
}
