package io.assent.contracts.dataset;

import static io.assent.contracts.dataset.DatasetChain.SIG_AUTH;
import static org.assertj.core.api.Assertions.assertThat;

import io.assent.contracts.consent.Eip712Domain;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;

/**
 * Gas of each registry operation with realistic field sizes (20-character name, "1.0.0", a
 * 66-character ipfs:// URI, "CC-BY-4.0"). Logs a Markdown table and writes it to
 * target/benchmarks/dataset-registry-gas.md. Bounds are loose on purpose: gas is not pinned.
 */
class DatasetRegistryGasIT {

  private static final Logger LOG = LoggerFactory.getLogger(DatasetRegistryGasIT.class);
  private static final String URI =
      "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi";

  @Test
  void eachOperationCostsAboutOneStorageWriteAndItsLog() throws Exception {
    Map<String, Long> gas = new LinkedHashMap<>();
    try (DatasetChain chain = DatasetChain.start()) {
      Credentials owner = chain.newFundedKey();
      Credentials delegate = chain.newFundedKey();
      chain.addDelegate(owner, SIG_AUTH, delegate.getAddress(), 3_600);
      DatasetRegistryClient client = chain.clientFor(owner);
      String curator = owner.getAddress();

      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        DatasetOperation.Register op = register(curator, List.of());
        long used = used(client, op);
        if (i == 0) {
          gas.put("register, 0 parents (owner)", used);
        }
        ids.add(op.datasetId());
      }
      gas.put("register, 1 parent", used(client, register(curator, ids.subList(0, 1))));
      gas.put("register, 4 parents", used(client, register(curator, ids.subList(0, 4))));
      gas.put("register, 64 parents", used(client, register(curator, ids)));
      gas.put(
          "register, 0 parents (sigAuth delegate)",
          used(chain.clientFor(delegate), register(curator, List.of())));
      String id = ids.get(0);
      gas.put(
          "updateLicense", used(client, new DatasetOperation.UpdateLicense(id, "CC-BY-SA-4.0")));
      gas.put(
          "transferCuratorship",
          used(
              client, new DatasetOperation.TransferCuratorship(ids.get(1), delegate.getAddress())));
      gas.put("deprecate", used(client, new DatasetOperation.Deprecate(ids.get(2), "superseded")));

      Credentials signer = DatasetChain.newKey();
      DatasetRegistryClient relayer = chain.relayer();
      Eip712Domain domain = relayer.domain();
      DatasetOperation.Register signed = register(signer.getAddress(), List.of());
      gas.put(
          "registerSigned, 0 parents, signer's first (nonce slot 0 to 1)",
          usedSigned(relayer, domain, signed, signer));
      gas.put(
          "registerSigned, 0 parents",
          usedSigned(relayer, domain, register(signer.getAddress(), List.of()), signer));
      gas.put(
          "registerSigned, 4 parents",
          usedSigned(relayer, domain, register(signer.getAddress(), ids.subList(0, 4)), signer));
      gas.put(
          "updateLicenseSigned",
          usedSigned(
              relayer,
              domain,
              new DatasetOperation.UpdateLicense(signed.datasetId(), "CC0-1.0"),
              signer));
    }
    report(gas);

    long register0 = gas.get("register, 0 parents (owner)");
    long perParent = (gas.get("register, 64 parents") - register0) / 64;
    assertThat(register0)
        .as("one new slot + one log + one DID registry read")
        .isBetween(40_000L, 90_000L);
    assertThat(perParent)
        .as("per parent: a cold existence read + 32 bytes of log")
        .isBetween(2_100L, 5_000L);
    assertThat(gas.get("updateLicense")).isLessThan(register0);
    assertThat(gas.get("registerSigned, 0 parents") - register0)
        .as("the signature check (ecrecover, nonce write)")
        .isBetween(5_000L, 40_000L);
  }

  private static DatasetOperation.Register register(String curator, List<String> parents) {
    String name = "speech-corpus-" + DatasetChain.randomBytes32().substring(2, 8);
    return new DatasetOperation.Register(
        curator,
        name,
        "1.0.0",
        DatasetChain.randomBytes32(),
        DatasetChain.randomBytes32(),
        URI,
        "CC-BY-4.0",
        parents);
  }

  private static long used(DatasetRegistryClient client, DatasetOperation op) {
    return client.send(op).getGasUsed().longValueExact();
  }

  private static long usedSigned(
      DatasetRegistryClient relayer, Eip712Domain domain, DatasetOperation op, Credentials signer) {
    BigInteger nonce = relayer.nonce(signer.getAddress());
    String signature = DatasetTypedData.sign(domain, op, nonce, signer);
    return relayer.sendSigned(op, signer.getAddress(), signature).getGasUsed().longValueExact();
  }

  private static void report(Map<String, Long> gas) throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add("| DatasetRegistry operation | gas used |");
    lines.add("|---|---:|");
    gas.forEach((op, used) -> lines.add(String.format("| %s | %,d |", op, used)));
    String table = String.join("\n", lines);
    LOG.info("dataset registry gas:\n{}", table);
    Path out = Path.of("target/benchmarks/dataset-registry-gas.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table + "\n");
  }
}
