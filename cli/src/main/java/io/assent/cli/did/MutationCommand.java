package io.assent.cli.did;

import io.assent.cli.AssentCommand;
import io.assent.cli.CliException;
import io.assent.cli.ExitCode;
import io.assent.cli.Output;
import io.assent.cli.key.KeyEntry;
import io.assent.cli.key.Keystore;
import io.assent.cli.key.PasswordOptions;
import io.assent.contracts.did.DidEthr;
import io.assent.contracts.did.Erc1056Operation;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.web3j.crypto.Credentials;
import picocli.CommandLine.ArgGroup;

/**
 * A change to a DID: checks the options, finds the key, asks the node or chain who owns the
 * identity (refusing early if it is not the key, or the DID is deactivated), unlocks the key, then
 * signs and sends the operation. The private key never leaves this process.
 */
abstract class MutationCommand extends AssentCommand {

  /** What to change: a one-line summary, and the operation for an identity address. */
  record Change(String summary, Function<String, Erc1056Operation> operation) {}

  @ArgGroup(validate = false, heading = "%nSigner:%n")
  SignerOptions signer = new SignerOptions();

  @ArgGroup(validate = false, heading = "%nPassword of the key:%n")
  PasswordOptions password = new PasswordOptions();

  @ArgGroup(validate = false, heading = "%nNode or chain:%n")
  TransportOptions transport = new TransportOptions();

  /** Checks this command's options and describes the change; no I/O. */
  protected abstract Change change();

  @Override
  protected int run(Output out) {
    Change change = change();
    Keystore keystore = signer.keystore();
    KeyEntry key = signer.key(keystore);
    try (Transport target = transport.open(this::typed)) {
      BigInteger chainId = transport.checkedChainId(target);
      DidEthr did = signer.identity(key, chainId, target.networkNames());
      checkOwner(target.owner(did), did, key);
      Erc1056Operation operation = change.operation().apply(did.address());
      String secret =
          password.read(context(), this::typed, "Password for key " + key.name() + ": ", false);
      Credentials credentials = keystore.unlock(key, secret);
      Transport.Submission sent = target.submit(did, operation, credentials);
      out.result(json(did, key, operation, change, sent), text(did, change, sent));
    }
    return ExitCode.OK;
  }

  private static void checkOwner(String owner, DidEthr did, KeyEntry key) {
    if (owner.equals(Transport.ZERO_ADDRESS)) {
      throw new CliException("deactivated", did + " is deactivated; it cannot change any more");
    }
    if (!owner.equals(key.address())) {
      throw new CliException(
          "notOwner",
          "key " + key.label() + " does not own " + did + " (its owner is " + owner + ")");
    }
  }

  private static Map<String, Object> json(
      DidEthr did,
      KeyEntry key,
      Erc1056Operation operation,
      Change change,
      Transport.Submission sent) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("did", did.toString());
    json.put("operation", operation.functionName());
    json.put("change", change.summary());
    json.put("signer", key.address());
    json.put("via", sent.via());
    json.put("transactionHash", sent.transactionHash());
    json.put("blockNumber", sent.blockNumber());
    json.put("gasUsed", sent.gasUsed() == null ? null : sent.gasUsed().longValueExact());
    return json;
  }

  private static String text(DidEthr did, Change change, Transport.Submission sent) {
    String where =
        sent.blockNumber() == null
            ? "sent by " + sent.via()
            : "mined in block " + sent.blockNumber() + " (" + sent.via() + ")";
    return change.summary()
        + " on "
        + did
        + "\ntransaction "
        + sent.transactionHash()
        + " "
        + where;
  }
}
