package io.assent.contracts.dataset;

import static io.assent.contracts.dataset.DatasetChain.ENC;
import static io.assent.contracts.dataset.DatasetChain.SIG_AUTH;
import static io.assent.contracts.dataset.DatasetChain.VERI_KEY;
import static io.assent.contracts.dataset.DatasetChain.ZERO_ADDRESS;
import static io.assent.contracts.dataset.DatasetChain.assertRefused;
import static io.assent.contracts.dataset.DatasetChain.registration;
import static io.assent.contracts.dataset.DatasetChain.single;
import static io.assent.contracts.dataset.DatasetFixtures.registered;
import static io.assent.contracts.dataset.DatasetFixtures.withLicense;
import static io.assent.contracts.dataset.DatasetFixtures.withName;
import static io.assent.contracts.dataset.DatasetFixtures.withParents;
import static org.assertj.core.api.Assertions.assertThat;

import io.assent.contracts.generated.DatasetRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Every registry function sent directly by a curator agent, and every refusal, against a real dev
 * chain with a real DID registry. Refusals are checked to change nothing and send nothing.
 */
class DatasetRegistryIT {

  private static DatasetChain chain;

  @BeforeAll
  static void startChain() {
    chain = DatasetChain.start();
  }

  @AfterAll
  static void stopChain() {
    chain.close();
  }

  @Test
  void registryIsBoundToTheDidRegistry() {
    assertThat(chain.registry.isDeployed()).isTrue();
    assertThat(chain.registry.didRegistry()).isEqualTo(chain.did.address());
    assertThat(chain.registry.domain())
        .isEqualTo(
            io.assent.contracts.consent.Eip712Domain.datasetRegistry(
                chain.chainId(), chain.registry.address()));
  }

  @Test
  void ownerRegistersAndTheEventCarriesEverything() {
    Credentials curator = chain.newFundedKey();
    DatasetOperation.Register op = registration(curator.getAddress(), List.of());

    TransactionReceipt receipt = chain.clientFor(curator).send(op);

    String id = DatasetIds.of(op.curator(), op.name(), op.version());
    assertThat(op.datasetId()).isEqualTo(id);
    assertThat(single(chain.registry.events(receipt)))
        .isEqualTo(registered(op, curator.getAddress()));
    assertThat(chain.registry.exists(id)).isTrue();
    assertThat(chain.registry.curatorOf(id)).isEqualTo(curator.getAddress());
    assertThat(chain.registry.isDeprecated(id)).isFalse();
  }

  @Test
  void idMatchesTheContractsOwnDerivation() throws Exception {
    String curator = DatasetChain.newKey().getAddress();
    DatasetRegistry binding =
        DatasetRegistry.load(
            chain.registry.address(),
            chain.anvil.web3j(),
            chain.anvil.transactionManager(io.assent.contracts.devchain.Anvil.devCredentials(0)),
            io.assent.contracts.devchain.Anvil.gasProvider());
    for (String[] nv : new String[][] {{"a", "1"}, {"Ünïcode corpus ✓", "2026-11"}, {"x", ""}}) {
      byte[] onChain = binding.datasetId(curator, nv[0], nv[1]).send();
      assertThat(DatasetIds.of(curator, nv[0], nv[1])).isEqualTo(Numeric.toHexString(onChain));
    }
  }

  @Test
  void parentsAreRecordedInOrderAndDecodedLikeTheGeneratedBinding() {
    Credentials curator = chain.newFundedKey();
    DatasetRegistryClient client = chain.clientFor(curator);
    List<String> parents = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      DatasetOperation.Register parent = registration(curator.getAddress(), List.of());
      client.send(parent);
      parents.add(parent.datasetId());
    }
    DatasetOperation.Register child = registration(curator.getAddress(), parents.reversed());

    TransactionReceipt receipt = client.send(child);

    DatasetEvent.Registered event =
        (DatasetEvent.Registered) single(chain.registry.events(receipt));
    assertThat(event).isEqualTo(registered(child, curator.getAddress()));
    var generated = single(DatasetRegistry.getDatasetRegisteredEvents(receipt));
    assertThat(generated.parents.stream().map(Numeric::toHexString).toList())
        .isEqualTo(event.parents());
    assertThat(generated.name).isEqualTo(event.name());
    assertThat(generated.metadataUri).isEqualTo(event.metadataUri());
    assertThat(Numeric.toHexString(generated.id)).isEqualTo(event.id());
  }

  @Test
  void veriKeyAndSigAuthDelegatesActForTheCuratorOtherTypesDoNot() {
    Credentials owner = chain.newFundedKey();
    Credentials veriKey = chain.newFundedKey();
    Credentials sigAuth = chain.newFundedKey();
    Credentials enc = chain.newFundedKey();
    chain.addDelegate(owner, VERI_KEY, veriKey.getAddress(), 3_600);
    chain.addDelegate(owner, SIG_AUTH, sigAuth.getAddress(), 3_600);
    chain.addDelegate(owner, ENC, enc.getAddress(), 3_600);
    String curator = owner.getAddress();

    DatasetOperation.Register byVeriKey = registration(curator, List.of());
    DatasetOperation.Register bySigAuth = registration(curator, List.of());
    TransactionReceipt first = chain.clientFor(veriKey).send(byVeriKey);
    assertThat(single(chain.registry.events(first)))
        .isEqualTo(registered(byVeriKey, veriKey.getAddress()));
    TransactionReceipt receipt = chain.clientFor(sigAuth).send(bySigAuth);
    assertThat(single(chain.registry.events(receipt)))
        .isEqualTo(registered(bySigAuth, sigAuth.getAddress()));

    DatasetOperation.Register byEnc = registration(curator, List.of());
    assertRefused(
        () -> chain.clientFor(enc).send(byEnc), "NotCuratorAgent", curator, enc.getAddress());
    assertThat(chain.registry.exists(byEnc.datasetId())).isFalse();
    assertThat(chain.registry.isCuratorAgent(curator, sigAuth.getAddress())).isTrue();
    assertThat(chain.registry.isCuratorAgent(curator, enc.getAddress())).isFalse();
  }

  @Test
  void aStrangerCannotRegisterForACurator() {
    Credentials owner = chain.newFundedKey();
    Credentials stranger = chain.newFundedKey();
    DatasetOperation.Register op = registration(owner.getAddress(), List.of());
    var sentBefore = chain.sentBy(stranger.getAddress());

    assertRefused(
        () -> chain.clientFor(stranger).send(op),
        "NotCuratorAgent",
        owner.getAddress(),
        stranger.getAddress());

    assertThat(chain.registry.exists(op.datasetId())).isFalse();
    assertThat(chain.registry.curatorOf(op.datasetId())).isEqualTo(ZERO_ADDRESS);
    assertThat(chain.sentBy(stranger.getAddress())).isEqualTo(sentBefore);
  }

  @Test
  void registrationIsRefusedForUnknownOrRepeatedParentsDuplicatesAndBadFields() {
    Credentials owner = chain.newFundedKey();
    String curator = owner.getAddress();
    DatasetRegistryClient client = chain.clientFor(owner);
    DatasetOperation.Register parent = registration(curator, List.of());
    client.send(parent);
    String missing = DatasetChain.randomBytes32();

    DatasetOperation.Register orphan = registration(curator, List.of(parent.datasetId(), missing));
    assertRefused(() -> client.send(orphan), "UnknownParent", missing);
    assertThat(chain.registry.exists(orphan.datasetId())).isFalse();

    DatasetOperation.Register self = registration(curator, List.of());
    DatasetOperation.Register ownParent = withParents(self, List.of(self.datasetId()));
    assertRefused(() -> client.send(ownParent), "UnknownParent", self.datasetId());

    DatasetOperation.Register twice =
        registration(curator, List.of(parent.datasetId(), parent.datasetId()));
    assertRefused(() -> client.send(twice), "DuplicateParent", parent.datasetId());
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      DatasetOperation.Register another = registration(curator, List.of());
      client.send(another);
      many.add(another.datasetId());
    }
    many.add(many.get(3));
    assertRefused(() -> client.send(registration(curator, many)), "DuplicateParent", many.get(3));
    DatasetOperation.Register distinct = registration(curator, many.subList(0, 12));
    client.send(distinct);
    assertThat(chain.registry.exists(distinct.datasetId())).isTrue();

    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i < 65; i++) {
      tooMany.add(DatasetChain.randomBytes32());
    }
    assertRefused(() -> client.send(registration(curator, tooMany)), "TooManyParents");

    assertRefused(() -> client.send(parent), "DatasetExists", parent.datasetId());
    assertRefused(() -> client.send(withName(parent, "")), "EmptyField", "name");
    assertRefused(() -> client.send(withLicense(parent, "")), "EmptyField", "license");
    assertRefused(() -> client.send(registration(ZERO_ADDRESS, List.of())), "ZeroCurator");
  }

  @Test
  void updateLicenseByAgentsButNotByRevokedOrExpiredDelegates() {
    Credentials owner = chain.newFundedKey();
    Credentials revoked = chain.newFundedKey();
    Credentials expiring = chain.newFundedKey();
    String curator = owner.getAddress();
    chain.addDelegate(owner, SIG_AUTH, revoked.getAddress(), 3_600);
    chain.addDelegate(owner, VERI_KEY, expiring.getAddress(), 60);
    DatasetOperation.Register dataset = registration(curator, List.of());
    chain.clientFor(revoked).send(dataset);
    String id = dataset.datasetId();

    TransactionReceipt changed =
        chain.clientFor(expiring).send(new DatasetOperation.UpdateLicense(id, "CC-BY-SA-4.0"));
    assertThat(single(chain.registry.events(changed)))
        .isEqualTo(new DatasetEvent.LicenseChanged(id, expiring.getAddress(), "CC-BY-SA-4.0"));

    chain.revokeDelegate(owner, SIG_AUTH, revoked.getAddress());
    chain.anvil.increaseTime(120);
    var update = new DatasetOperation.UpdateLicense(id, "CC0-1.0");
    assertRefused(
        () -> chain.clientFor(revoked).send(update),
        "NotCuratorAgent",
        curator,
        revoked.getAddress());
    assertRefused(
        () -> chain.clientFor(expiring).send(update),
        "NotCuratorAgent",
        curator,
        expiring.getAddress());
    assertRefused(
        () -> chain.clientFor(owner).send(new DatasetOperation.UpdateLicense(id, "")),
        "EmptyField",
        "license");
    assertRefused(
        () ->
            chain
                .clientFor(owner)
                .send(new DatasetOperation.UpdateLicense(DatasetChain.randomBytes32(), "MIT")),
        "UnknownDataset");

    TransactionReceipt byOwner = chain.clientFor(owner).send(update);
    assertThat(single(chain.registry.events(byOwner)))
        .isEqualTo(new DatasetEvent.LicenseChanged(id, curator, "CC0-1.0"));
  }

  @Test
  void nobodyActsForADeactivatedIdentity() {
    Credentials owner = chain.newFundedKey();
    Credentials delegate = chain.newFundedKey();
    String curator = owner.getAddress();
    chain.addDelegate(owner, SIG_AUTH, delegate.getAddress(), 3_600);
    DatasetOperation.Register dataset = registration(curator, List.of());
    chain.clientFor(owner).send(dataset);

    chain.deactivate(owner);

    for (Credentials actor : List.of(owner, delegate)) {
      DatasetRegistryClient client = chain.clientFor(actor);
      assertRefused(
          () -> client.send(registration(curator, List.of())),
          "NotCuratorAgent",
          curator,
          actor.getAddress());
      assertRefused(
          () -> client.send(new DatasetOperation.Deprecate(dataset.datasetId(), "gone")),
          "NotCuratorAgent",
          curator,
          actor.getAddress());
    }
    assertThat(chain.registry.isDeprecated(dataset.datasetId())).isFalse();
    assertThat(chain.registry.isCuratorAgent(curator, delegate.getAddress())).isFalse();
  }

  @Test
  void deprecationIsFinal() {
    Credentials owner = chain.newFundedKey();
    DatasetRegistryClient client = chain.clientFor(owner);
    DatasetOperation.Register dataset = registration(owner.getAddress(), List.of());
    client.send(dataset);
    String id = dataset.datasetId();

    TransactionReceipt deprecated =
        client.send(new DatasetOperation.Deprecate(id, "superseded by 2.0"));

    assertThat(single(chain.registry.events(deprecated)))
        .isEqualTo(new DatasetEvent.Deprecated(id, owner.getAddress(), "superseded by 2.0"));
    assertThat(chain.registry.isDeprecated(id)).isTrue();
    String other = chain.newFundedKey().getAddress();
    assertRefused(
        () -> client.send(new DatasetOperation.UpdateLicense(id, "MIT")),
        "DatasetIsDeprecated",
        id);
    assertRefused(
        () -> client.send(new DatasetOperation.Deprecate(id, "again")), "DatasetIsDeprecated", id);
    assertRefused(
        () -> client.send(new DatasetOperation.TransferCuratorship(id, other)),
        "DatasetIsDeprecated",
        id);
    assertThat(chain.registry.curatorOf(id)).isEqualTo(owner.getAddress());
    assertThat(chain.registry.isDeprecated(id)).isTrue();
  }

  @Test
  void transferHandsTheDatasetToTheNewCuratorsAgentsOnly() {
    Credentials oldOwner = chain.newFundedKey();
    Credentials oldDelegate = chain.newFundedKey();
    Credentials newOwner = chain.newFundedKey();
    Credentials newDelegate = chain.newFundedKey();
    chain.addDelegate(oldOwner, SIG_AUTH, oldDelegate.getAddress(), 3_600);
    chain.addDelegate(newOwner, VERI_KEY, newDelegate.getAddress(), 3_600);
    DatasetOperation.Register dataset = registration(oldOwner.getAddress(), List.of());
    chain.clientFor(oldOwner).send(dataset);
    String id = dataset.datasetId();
    var toZero = new DatasetOperation.TransferCuratorship(id, ZERO_ADDRESS);
    assertRefused(() -> chain.clientFor(oldOwner).send(toZero), "ZeroCurator");
    var byNewTooEarly = new DatasetOperation.TransferCuratorship(id, newOwner.getAddress());
    assertRefused(
        () -> chain.clientFor(newOwner).send(byNewTooEarly),
        "NotCuratorAgent",
        oldOwner.getAddress(),
        newOwner.getAddress());

    TransactionReceipt transferred =
        chain
            .clientFor(oldDelegate)
            .send(new DatasetOperation.TransferCuratorship(id, newOwner.getAddress()));

    assertThat(single(chain.registry.events(transferred)))
        .isEqualTo(
            new DatasetEvent.CuratorChanged(id, newOwner.getAddress(), oldDelegate.getAddress()));
    assertThat(chain.registry.curatorOf(id)).isEqualTo(newOwner.getAddress());
    var update = new DatasetOperation.UpdateLicense(id, "ODbL-1.0");
    for (Credentials old : List.of(oldOwner, oldDelegate)) {
      assertRefused(
          () -> chain.clientFor(old).send(update),
          "NotCuratorAgent",
          newOwner.getAddress(),
          old.getAddress());
    }
    TransactionReceipt updated = chain.clientFor(newDelegate).send(update);
    assertThat(single(chain.registry.events(updated)))
        .isEqualTo(new DatasetEvent.LicenseChanged(id, newDelegate.getAddress(), "ODbL-1.0"));
    assertRefused(
        () ->
            chain
                .clientFor(newOwner)
                .send(
                    new DatasetOperation.TransferCuratorship(
                        DatasetChain.randomBytes32(), newDelegate.getAddress())),
        "UnknownDataset");
  }
}
