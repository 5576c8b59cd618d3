package io.assent.contracts.dataset;

import java.util.List;

/**
 * A change to the dataset registry, sent directly by a curator agent or signed by one and relayed
 * (see {@link DatasetTypedData}). Constructors check the hex forms and lower-case them; emptiness
 * and limits (non-empty name, version and license; at most 64 distinct, existing parents) are the
 * registry's to enforce, so its error names reach the caller.
 */
public sealed interface DatasetOperation {

  /** "register" | "updateLicense" | "deprecate" | "transferCuratorship": the relay's type field. */
  String type();

  /** The dataset acted on: for a registration, the id it will have. */
  String datasetId();

  /** {@code register}: a new dataset, with its immutable parents. */
  record Register(
      String curator,
      String name,
      String version,
      String contentDigest,
      String metadataDigest,
      String metadataUri,
      String license,
      List<String> parents)
      implements DatasetOperation {
    public Register {
      curator = DatasetHex.address("curator", curator);
      name = DatasetHex.text("name", name);
      version = DatasetHex.text("version", version);
      contentDigest = DatasetHex.bytes32("contentDigest", contentDigest);
      metadataDigest = DatasetHex.bytes32("metadataDigest", metadataDigest);
      metadataUri = DatasetHex.text("metadataUri", metadataUri);
      license = DatasetHex.text("license", license);
      parents = DatasetHex.bytes32List("parent", parents);
    }

    @Override
    public String type() {
      return "register";
    }

    @Override
    public String datasetId() {
      return DatasetIds.of(curator, name, version);
    }
  }

  /** {@code updateLicense}: the license expression from now on. */
  record UpdateLicense(String dataset, String license) implements DatasetOperation {
    public UpdateLicense {
      dataset = DatasetHex.bytes32("dataset", dataset);
      license = DatasetHex.text("license", license);
    }

    @Override
    public String type() {
      return "updateLicense";
    }

    @Override
    public String datasetId() {
      return dataset;
    }
  }

  /** {@code deprecate}: final. */
  record Deprecate(String dataset, String reason) implements DatasetOperation {
    public Deprecate {
      dataset = DatasetHex.bytes32("dataset", dataset);
      reason = DatasetHex.text("reason", reason);
    }

    @Override
    public String type() {
      return "deprecate";
    }

    @Override
    public String datasetId() {
      return dataset;
    }
  }

  /** {@code transferCuratorship}: authorized by the current curator's agents. */
  record TransferCuratorship(String dataset, String newCurator) implements DatasetOperation {
    public TransferCuratorship {
      dataset = DatasetHex.bytes32("dataset", dataset);
      newCurator = DatasetHex.address("newCurator", newCurator);
    }

    @Override
    public String type() {
      return "transferCuratorship";
    }

    @Override
    public String datasetId() {
      return dataset;
    }
  }
}
