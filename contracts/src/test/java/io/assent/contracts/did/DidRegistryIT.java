package io.assent.contracts.did;

import static io.assent.contracts.did.RegistryChain.ZERO_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.assent.contracts.devchain.Anvil;
import io.assent.contracts.did.DidRegistryException.Reason;
import io.assent.contracts.generated.DIDRegistry;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/** Every registry function, sent by the owner itself, against a real dev chain. */
class DidRegistryIT {

  private static final Logger LOG = LoggerFactory.getLogger(DidRegistryIT.class);

  static final byte[] VERI_KEY = DidNames.encode(DidNames.VERI_KEY);
  static final byte[] SIG_AUTH = DidNames.encode(DidNames.SIG_AUTH);
  static final byte[] KEY_NAME =
      DidNames.encode(DidNames.publicKeyAttribute("Secp256k1", DidNames.VERI_KEY, "hex"));
  static final byte[] SERVICE_NAME = DidNames.encode(DidNames.serviceAttribute("ConsentService"));
  static final BigInteger HOUR = BigInteger.valueOf(3_600);

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
  void deployedRegistryHasCode() {
    assertThat(chain.deployer.isDeployed()).isTrue();
    assertThat(chain.deployer.deploymentReceipt()).isPresent();
  }

  @Test
  void newIdentityOwnsItself() {
    String identity = RegistryChain.newKey().getAddress();
    DidRegistryClient registry = chain.deployer;

    assertThat(registry.identityOwner(identity)).isEqualTo(identity);
    assertThat(registry.changed(identity)).isZero();
    assertThat(registry.nonce(identity)).isZero();
    assertThat(registry.deactivated(identity)).isFalse();
    assertThat(registry.validDelegate(identity, VERI_KEY, identity)).isFalse();
  }

  @Test
  void changeOwnerHandsControlToTheNewOwner() {
    Credentials oldOwner = chain.newFundedKey();
    Credentials newOwner = chain.newFundedKey();
    String identity = oldOwner.getAddress();

    TransactionReceipt changed =
        chain
            .clientFor(oldOwner)
            .send(new Erc1056Operation.ChangeOwner(identity, newOwner.getAddress()));

    var event = single(DIDRegistry.getDIDOwnerChangedEvents(changed));
    assertThat(event.identity).isEqualTo(identity);
    assertThat(event.owner).isEqualTo(newOwner.getAddress());
    assertThat(event.previousChange).isZero();
    assertThat(chain.deployer.identityOwner(identity)).isEqualTo(newOwner.getAddress());
    assertThat(chain.deployer.changed(identity)).isEqualTo(changed.getBlockNumber());

    DidRegistryException refused =
        catchThrowableOfType(
            DidRegistryException.class,
            () -> chain.clientFor(oldOwner).send(setService(identity, "https://old.example")));
    assertThat(refused.reason()).isEqualTo(Reason.NOT_OWNER);
    assertThat(refused.identity()).contains(identity);
    assertThat(refused.actor()).contains(identity);
    assertThat(refused.getMessage()).contains("NotOwner(identity=" + identity);
    assertThat(chain.deployer.changed(identity)).isEqualTo(changed.getBlockNumber());

    TransactionReceipt accepted =
        chain.clientFor(newOwner).send(setService(identity, "https://new.example"));
    assertThat(single(DIDRegistry.getDIDAttributeChangedEvents(accepted)).previousChange)
        .isEqualTo(changed.getBlockNumber());
  }

  @Test
  void delegatesAreAddedAndRevoked() {
    Credentials owner = chain.newFundedKey();
    String identity = owner.getAddress();
    String delegate = RegistryChain.newKey().getAddress();
    DidRegistryClient registry = chain.clientFor(owner);

    TransactionReceipt added =
        registry.send(new Erc1056Operation.AddDelegate(identity, VERI_KEY, delegate, HOUR));

    var addEvent = single(DIDRegistry.getDIDDelegateChangedEvents(added));
    assertThat(addEvent.identity).isEqualTo(identity);
    assertThat(addEvent.delegateType).isEqualTo(VERI_KEY);
    assertThat(addEvent.delegate).isEqualTo(delegate);
    assertThat(addEvent.validTo).isEqualTo(chain.timestampOf(added.getBlockNumber()).add(HOUR));
    assertThat(addEvent.previousChange).isZero();
    assertThat(registry.validDelegate(identity, VERI_KEY, delegate)).isTrue();
    assertThat(registry.validDelegate(identity, SIG_AUTH, delegate)).isFalse();
    assertThat(registry.validDelegate(identity, VERI_KEY, identity)).isFalse();

    TransactionReceipt revoked =
        registry.send(new Erc1056Operation.RevokeDelegate(identity, VERI_KEY, delegate));

    var revokeEvent = single(DIDRegistry.getDIDDelegateChangedEvents(revoked));
    assertThat(revokeEvent.delegate).isEqualTo(delegate);
    assertThat(revokeEvent.validTo).isEqualTo(chain.timestampOf(revoked.getBlockNumber()));
    assertThat(revokeEvent.previousChange).isEqualTo(added.getBlockNumber());
    assertThat(registry.validDelegate(identity, VERI_KEY, delegate)).isFalse();
    assertThat(registry.changed(identity)).isEqualTo(revoked.getBlockNumber());
  }

  @Test
  void delegateExpiresAfterItsValidity() {
    Credentials owner = chain.newFundedKey();
    String identity = owner.getAddress();
    String delegate = RegistryChain.newKey().getAddress();
    BigInteger validity = BigInteger.valueOf(600);

    chain
        .clientFor(owner)
        .send(new Erc1056Operation.AddDelegate(identity, SIG_AUTH, delegate, validity));
    assertThat(chain.deployer.validDelegate(identity, SIG_AUTH, delegate)).isTrue();

    chain.anvil.increaseTime(validity.longValueExact() + 1);

    assertThat(chain.deployer.validDelegate(identity, SIG_AUTH, delegate)).isFalse();
  }

  @Test
  void attributesAreSetAndRevokedInALinkedList() {
    Credentials owner = chain.newFundedKey();
    String identity = owner.getAddress();
    DidRegistryClient registry = chain.clientFor(owner);
    byte[] key = Numeric.hexStringToByteArray("0x02" + "ab".repeat(32));

    TransactionReceipt first =
        registry.send(new Erc1056Operation.SetAttribute(identity, KEY_NAME, key, HOUR));
    chain.anvil.mine(3); // the list links blocks, not consecutive numbers
    TransactionReceipt second = registry.send(setService(identity, "https://node.example"));
    TransactionReceipt revoked =
        registry.send(new Erc1056Operation.RevokeAttribute(identity, KEY_NAME, key));

    var e1 = single(DIDRegistry.getDIDAttributeChangedEvents(first));
    var e2 = single(DIDRegistry.getDIDAttributeChangedEvents(second));
    var e3 = single(DIDRegistry.getDIDAttributeChangedEvents(revoked));
    assertThat(e1.identity).isEqualTo(identity);
    assertThat(e1.name).isEqualTo(KEY_NAME);
    assertThat(e1.value).isEqualTo(key);
    assertThat(e1.validTo).isEqualTo(chain.timestampOf(first.getBlockNumber()).add(HOUR));
    assertThat(e1.previousChange).isZero();
    assertThat(DidNames.decode(e2.name)).isEqualTo("did/svc/ConsentService");
    assertThat(new String(e2.value, StandardCharsets.UTF_8)).isEqualTo("https://node.example");
    assertThat(e2.previousChange).isEqualTo(first.getBlockNumber());
    assertThat(e3.name).isEqualTo(KEY_NAME);
    assertThat(e3.value).isEqualTo(key);
    assertThat(e3.validTo).isZero();
    assertThat(e3.previousChange).isEqualTo(second.getBlockNumber());
    assertThat(registry.changed(identity)).isEqualTo(revoked.getBlockNumber());
  }

  @Test
  void strangerIsRefusedBeforeAnythingIsSent() {
    String identity = RegistryChain.newKey().getAddress();
    Credentials stranger = chain.newFundedKey();
    BigInteger sentBefore = chain.sentBy(stranger.getAddress());

    DidRegistryException refused =
        catchThrowableOfType(
            DidRegistryException.class,
            () ->
                chain
                    .clientFor(stranger)
                    .send(new Erc1056Operation.ChangeOwner(identity, stranger.getAddress())));

    assertThat(refused.reason()).isEqualTo(Reason.NOT_OWNER);
    assertThat(refused.actor()).contains(stranger.getAddress());
    assertThat(refused.transactionHash()).isEmpty();
    assertThat(chain.sentBy(stranger.getAddress())).isEqualTo(sentBefore);
    assertThat(chain.deployer.identityOwner(identity)).isEqualTo(identity);
    assertThat(chain.deployer.changed(identity)).isZero();
  }

  @Test
  void deactivationIsFinal() {
    Credentials owner = chain.newFundedKey();
    String identity = owner.getAddress();
    DidRegistryClient registry = chain.clientFor(owner);
    registry.send(setService(identity, "https://node.example"));
    BigInteger ownerNonce = registry.ownerNonce(identity);

    TransactionReceipt deactivated =
        registry.send(new Erc1056Operation.ChangeOwner(identity, ZERO_ADDRESS));

    var event = single(DIDRegistry.getDIDOwnerChangedEvents(deactivated));
    assertThat(event.identity).isEqualTo(identity);
    assertThat(event.owner).isEqualTo(ZERO_ADDRESS);
    assertThat(registry.identityOwner(identity)).isEqualTo(ZERO_ADDRESS);
    assertThat(registry.deactivated(identity)).isTrue();
    BigInteger changed = registry.changed(identity);
    assertThat(changed).isEqualTo(deactivated.getBlockNumber());

    String other = RegistryChain.newKey().getAddress();
    List<Erc1056Operation> writes =
        List.of(
            new Erc1056Operation.ChangeOwner(identity, identity),
            new Erc1056Operation.ChangeOwner(identity, other),
            new Erc1056Operation.AddDelegate(identity, VERI_KEY, other, HOUR),
            new Erc1056Operation.RevokeDelegate(identity, VERI_KEY, other),
            setService(identity, "https://again.example"),
            new Erc1056Operation.RevokeAttribute(identity, SERVICE_NAME, new byte[0]));
    DidRegistryClient relayer = chain.clientFor(Anvil.devCredentials(1));
    for (Erc1056Operation write : writes) {
      assertRefused(() -> registry.send(write), Reason.NOT_OWNER);
      Erc1056Signature sig = Erc1056SignedHash.sign(chain.registry(), ownerNonce, write, owner);
      assertRefused(() -> relayer.sendSigned(write, sig), Reason.NOT_OWNER);
    }
    assertThat(registry.changed(identity)).isEqualTo(changed);
    assertThat(registry.identityOwner(identity)).isEqualTo(ZERO_ADDRESS);
  }

  @Test
  void gasUsedByCommonWrites() {
    Credentials owner = chain.newFundedKey();
    String identity = owner.getAddress();
    DidRegistryClient registry = chain.clientFor(owner);
    byte[] key = Numeric.hexStringToByteArray("0x02" + "cd".repeat(32));
    String delegate = RegistryChain.newKey().getAddress();

    BigInteger setFirst =
        registry
            .send(new Erc1056Operation.SetAttribute(identity, KEY_NAME, key, HOUR))
            .getGasUsed();
    BigInteger setLater =
        registry
            .send(new Erc1056Operation.SetAttribute(identity, KEY_NAME, key, HOUR))
            .getGasUsed();
    BigInteger addDelegate =
        registry
            .send(new Erc1056Operation.AddDelegate(identity, VERI_KEY, delegate, HOUR))
            .getGasUsed();
    BigInteger changeOwner =
        registry
            .send(new Erc1056Operation.ChangeOwner(identity, RegistryChain.newKey().getAddress()))
            .getGasUsed();

    LOG.info(
        "gas used (33-byte value): setAttribute first={} later={}; addDelegate={}; changeOwner={}",
        setFirst,
        setLater,
        addDelegate,
        changeOwner);
    assertThat(setFirst).isGreaterThan(setLater);
    for (BigInteger gas : List.of(setFirst, setLater, addDelegate, changeOwner)) {
      assertThat(gas).isBetween(BigInteger.valueOf(21_000), BigInteger.valueOf(100_000));
    }
  }

  static Erc1056Operation.SetAttribute setService(String identity, String endpoint) {
    return new Erc1056Operation.SetAttribute(
        identity, SERVICE_NAME, endpoint.getBytes(StandardCharsets.UTF_8), HOUR);
  }

  static void assertRefused(Runnable write, Reason reason) {
    DidRegistryException e = catchThrowableOfType(DidRegistryException.class, write::run);
    assertThat(e).as("refused with %s", reason).isNotNull();
    assertThat(e.reason()).isEqualTo(reason);
  }

  static <T> T single(List<T> events) {
    assertThat(events).hasSize(1);
    return events.get(0);
  }
}
