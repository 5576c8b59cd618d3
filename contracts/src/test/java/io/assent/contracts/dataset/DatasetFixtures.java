package io.assent.contracts.dataset;

import java.util.List;

/** Operations and expected events shared by the dataset tests. */
final class DatasetFixtures {

  static final String CURATOR = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
  static final String P1 = "0x" + "11".repeat(32);
  static final String P2 = "0x" + "22".repeat(32);
  static final DatasetOperation.Register REGISTER =
      new DatasetOperation.Register(
          CURATOR,
          "speech-corpus",
          "1.0.0",
          "0x" + "aa".repeat(32),
          "0x" + "bb".repeat(32),
          "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi",
          "CC-BY-4.0",
          List.of(P1, P2));

  private DatasetFixtures() {}

  /** The event the registry emits when {@code actor} registers {@code op}. */
  static DatasetEvent.Registered registered(DatasetOperation.Register op, String actor) {
    return new DatasetEvent.Registered(
        op.datasetId(),
        op.curator(),
        actor,
        op.name(),
        op.version(),
        op.contentDigest(),
        op.metadataDigest(),
        op.metadataUri(),
        op.license(),
        op.parents());
  }

  static DatasetOperation.Register withParents(DatasetOperation.Register r, List<String> parents) {
    return new DatasetOperation.Register(
        r.curator(),
        r.name(),
        r.version(),
        r.contentDigest(),
        r.metadataDigest(),
        r.metadataUri(),
        r.license(),
        parents);
  }

  static DatasetOperation.Register withName(DatasetOperation.Register r, String name) {
    return new DatasetOperation.Register(
        r.curator(),
        name,
        r.version(),
        r.contentDigest(),
        r.metadataDigest(),
        r.metadataUri(),
        r.license(),
        r.parents());
  }

  static DatasetOperation.Register withLicense(DatasetOperation.Register r, String license) {
    return new DatasetOperation.Register(
        r.curator(),
        r.name(),
        r.version(),
        r.contentDigest(),
        r.metadataDigest(),
        r.metadataUri(),
        license,
        r.parents());
  }
}
