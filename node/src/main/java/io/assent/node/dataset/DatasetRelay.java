package io.assent.node.dataset;

import io.assent.contracts.consent.Eip712Domain;
import io.assent.contracts.dataset.DatasetOperation;
import io.assent.contracts.dataset.DatasetRegistryClient;
import io.assent.contracts.dataset.DatasetRegistryException;
import io.assent.contracts.dataset.DatasetTypedData;
import io.assent.node.dataset.DatasetRelayException.Reason;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;

/**
 * Relays curator-signed dataset operations, paid by the node's relayer key. It first checks what
 * the registry would check, so a request that would revert is refused before it costs gas: the
 * license is valid SPDX (the registry takes any text; the node refuses to pay for an invalid one),
 * the nonce and signature, the dataset is new (register) or registered and not deprecated, the
 * parents exist, and the signer acts for the curator. The registry still has the last word.
 *
 * <p>State reads go to the chain, not the index: the index is K blocks behind, and the relayed
 * transaction is checked against the chain's latest state.
 */
public final class DatasetRelay {
  private final DatasetRegistryClient registry;
  private final Eip712Domain domain;
  private final LicenseCheck licenses;

  public DatasetRelay(DatasetRegistryClient registry, long chainId, LicenseCheck licenses) {
    this.registry = registry;
    this.domain = Eip712Domain.datasetRegistry(chainId, registry.address());
    this.licenses = licenses;
  }

  /**
   * The nonce {@code signer}'s next signed operation must carry, read from the chain's latest state
   * (what {@link #relay} checks it against).
   *
   * @throws DatasetRelayException CHAIN_UNAVAILABLE when the chain cannot be read
   */
  public BigInteger nonce(String signer) {
    return read(() -> registry.nonce(signer.toLowerCase(Locale.ROOT)));
  }

  /** The registry this relay sends to, lower-case 0x-hex. */
  public String registry() {
    return registry.address();
  }

  /** A sent relay transaction and the dataset it acts on. */
  public record Receipt(String txHash, String datasetId) {}

  /**
   * Checks and sends one signed operation.
   *
   * @param nonce the nonce the signer says it signed with
   * @throws DatasetRelayException if it cannot succeed; nothing was sent then
   */
  public Receipt relay(DatasetOperation op, String signer, BigInteger nonce, String signature) {
    String who = signer.toLowerCase(Locale.ROOT);
    checkLicense(op);
    BigInteger onChain = read(() -> registry.nonce(who));
    if (!onChain.equals(nonce)) {
      throw new DatasetRelayException(
          Reason.STALE_NONCE, "signed with nonce " + nonce + ", the signer's nonce is " + onChain);
    }
    String recovered;
    try {
      recovered = DatasetTypedData.recover(domain, op, nonce, signature);
    } catch (IllegalArgumentException e) {
      throw new DatasetRelayException(Reason.INVALID_SIGNATURE, e.getMessage(), e);
    }
    if (!recovered.equals(who)) {
      throw new DatasetRelayException(
          Reason.INVALID_SIGNATURE,
          "the signature recovers to " + recovered + ", not the signer " + who);
    }
    String curator = checkDataset(op);
    if (!read(() -> registry.isCuratorAgent(curator, who))) {
      throw new DatasetRelayException(
          Reason.NOT_CURATOR_AGENT,
          who + " is neither the owner nor a valid delegate of curator " + curator);
    }
    try {
      return new Receipt(registry.submitSigned(op, who, signature), op.datasetId());
    } catch (DatasetRegistryException e) {
      throw refused(e);
    }
  }

  private void checkLicense(DatasetOperation op) {
    String license =
        switch (op) {
          case DatasetOperation.Register r -> r.license();
          case DatasetOperation.UpdateLicense u -> u.license();
          default -> null;
        };
    if (license != null) {
      Optional<String> problem = licenses.problem(license);
      if (problem.isPresent()) {
        throw new DatasetRelayException(
            Reason.INVALID_LICENSE, "not a valid SPDX expression: " + problem.get());
      }
    }
  }

  /** Checks the dataset's state for {@code op}; returns the curator whose agent must sign. */
  private String checkDataset(DatasetOperation op) {
    String id = op.datasetId();
    if (op instanceof DatasetOperation.Register r) {
      if (read(() -> registry.exists(id))) {
        throw new DatasetRelayException(Reason.DATASET_EXISTS, "dataset " + id + " exists");
      }
      if (new HashSet<>(r.parents()).size() != r.parents().size()) {
        throw new DatasetRelayException(Reason.INVALID_REQUEST, "a parent is listed twice");
      }
      for (String parent : r.parents()) {
        if (!read(() -> registry.exists(parent))) {
          throw new DatasetRelayException(
              Reason.UNKNOWN_PARENT, "parent " + parent + " is not registered");
        }
      }
      return r.curator();
    }
    if (!read(() -> registry.exists(id))) {
      throw new DatasetRelayException(Reason.DATASET_NOT_FOUND, "no dataset " + id);
    }
    if (read(() -> registry.isDeprecated(id))) {
      throw new DatasetRelayException(
          Reason.DATASET_DEPRECATED, "dataset " + id + " is deprecated: it takes no change");
    }
    return read(() -> registry.curatorOf(id));
  }

  /** Maps a refusal at submission (state changed since the checks) to its reason. */
  private static DatasetRelayException refused(DatasetRegistryException e) {
    if (e.reason() == DatasetRegistryException.Reason.UNAVAILABLE) {
      return new DatasetRelayException(Reason.CHAIN_UNAVAILABLE, e.getMessage(), e);
    }
    Reason reason =
        switch (e.errorName().orElse("")) {
          case "NotCuratorAgent" -> Reason.NOT_CURATOR_AGENT;
          case "DatasetExists" -> Reason.DATASET_EXISTS;
          case "UnknownDataset" -> Reason.DATASET_NOT_FOUND;
          case "UnknownParent" -> Reason.UNKNOWN_PARENT;
          case "DatasetIsDeprecated" -> Reason.DATASET_DEPRECATED;
          case "BadSignature" -> Reason.INVALID_SIGNATURE;
          case "DuplicateParent", "TooManyParents", "EmptyField", "ZeroCurator" ->
              Reason.INVALID_REQUEST;
          default -> Reason.REJECTED;
        };
    return new DatasetRelayException(reason, e.getMessage(), e);
  }

  private static <T> T read(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (DatasetRegistryException e) {
      throw new DatasetRelayException(
          Reason.CHAIN_UNAVAILABLE, "chain RPC unavailable: " + e.getMessage(), e);
    }
  }
}
