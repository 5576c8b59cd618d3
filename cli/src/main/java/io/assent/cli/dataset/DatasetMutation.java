package io.assent.cli.dataset;

import io.assent.cli.AssentCommand;
import io.assent.cli.CliException;
import io.assent.cli.ExitCode;
import io.assent.cli.Output;
import io.assent.cli.did.KeySelection;
import io.assent.cli.did.Transport.Submission;
import io.assent.cli.key.KeyEntry;
import io.assent.cli.key.Keystore;
import io.assent.cli.key.PasswordOptions;
import io.assent.contracts.dataset.DatasetOperation;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.web3j.crypto.Credentials;
import picocli.CommandLine.ArgGroup;

/**
 * A change to the dataset registry: checks the options, builds the operation, unlocks the key, then
 * signs and relays it through the node or sends it to the chain. The private key never leaves this
 * process. Whether the key may act for the curator is the registry's (and the relaying node's) to
 * decide: their refusal comes back as one line with its code ({@code notCuratorAgent}, ...).
 */
abstract class DatasetMutation extends AssentCommand {

  /** What the operation is built from: the chain, and the signing key's address. */
  record Target(BigInteger chainId, Set<String> networkNames, String signer) {}

  @ArgGroup(
      validate = false,
      heading = "%nSigner (owner or veriKey/sigAuth delegate of the curator):%n")
  KeySelection keys = new KeySelection();

  @ArgGroup(validate = false, heading = "%nPassword of the key:%n")
  PasswordOptions password = new PasswordOptions();

  @ArgGroup(validate = false, heading = "%nNode or chain:%n")
  DatasetTransportOptions transport = new DatasetTransportOptions();

  /** Checks this command's own options (no I/O); called before anything else. */
  protected void check() {}

  /** The operation to send. */
  protected abstract DatasetOperation operation(Target target);

  /** A one-line summary for people, e.g. {@code license of 0x… set to MIT}. */
  protected abstract String summary(DatasetOperation operation);

  /** Called once the operation is built, before the key is unlocked (register prints the id). */
  protected void announce(Output out, DatasetOperation operation) {}

  /** What the result says above the transaction line (default: the summary). */
  protected String sent(DatasetOperation operation) {
    return summary(operation);
  }

  /** Fields this command adds to its JSON result. */
  protected void describe(DatasetOperation operation, Map<String, Object> json) {}

  /** True to only show the operation: nothing is unlocked, signed or sent. */
  protected boolean dryRun() {
    return false;
  }

  /** Whether building the operation needs the signing key's address (in a dry run). */
  protected boolean needsSigner() {
    return true;
  }

  @Override
  protected int run(Output out) {
    check();
    if (dryRun()) {
      String signer = needsSigner() ? keys.key(keys.keystore()).address() : null;
      DatasetOperation operation =
          build(() -> operation(new Target(transport.expectedChainId(), Set.of(), signer)));
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("operation", operation.type());
      json.put("dataset", operation.datasetId());
      describe(operation, json);
      json.put("dryRun", true);
      out.result(json, summary(operation) + "\n(dry run: nothing signed or sent)");
      return ExitCode.OK;
    }
    Keystore keystore = keys.keystore();
    KeyEntry key = keys.key(keystore);
    try (DatasetTransport target = transport.open(this::typed)) {
      BigInteger chainId = transport.checkedChainId(target.chainId(), target.describe());
      DatasetOperation operation =
          build(() -> operation(new Target(chainId, target.networkNames(), key.address())));
      announce(out, operation);
      String secret =
          password.read(context(), this::typed, "Password for key " + key.name() + ": ", false);
      Credentials credentials = keystore.unlock(key, secret);
      Submission sent = target.submit(operation, credentials);
      out.result(json(operation, key, sent), text(operation, sent));
    }
    return ExitCode.OK;
  }

  /** An operation the contracts module refuses to build (bad hex, empty text) is bad input. */
  static DatasetOperation build(Supplier<DatasetOperation> operation) {
    try {
      return operation.get();
    } catch (IllegalArgumentException e) {
      throw new CliException("invalidArgument", e.getMessage(), e);
    }
  }

  private Map<String, Object> json(DatasetOperation operation, KeyEntry key, Submission sent) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("operation", operation.type());
    json.put("dataset", operation.datasetId());
    describe(operation, json);
    json.put("signer", key.address());
    json.put("via", sent.via());
    json.put("transactionHash", sent.transactionHash());
    json.put("blockNumber", sent.blockNumber());
    json.put("gasUsed", sent.gasUsed() == null ? null : sent.gasUsed().longValueExact());
    return json;
  }

  private String text(DatasetOperation operation, Submission sent) {
    String where =
        sent.blockNumber() == null
            ? "sent by " + sent.via()
            : "mined in block " + sent.blockNumber() + " (" + sent.via() + ")";
    String above = sent(operation);
    return (above.isEmpty() ? "" : above + "\n")
        + "transaction "
        + sent.transactionHash()
        + " "
        + where;
  }
}
