package io.assent.contracts.dataset;

import io.assent.contracts.dataset.DatasetRegistryException.Reason;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.web3j.crypto.Hash;

/**
 * Turns a registry revert, as a JSON-RPC node reports it, into a {@link DatasetRegistryException}
 * naming the custom error and its arguments. Nodes put the revert data in the error's {@code data}
 * member; web3j keeps that member as raw JSON, so the hex is looked for rather than assumed (as
 * {@code did.RegistryRevert} does).
 */
final class DatasetRevert {

  /** The registry's custom errors by name, with their argument types. */
  private static final List<String> ERRORS =
      List.of(
          "NotCuratorAgent(address,address)",
          "DatasetExists(bytes32)",
          "UnknownDataset(bytes32)",
          "UnknownParent(bytes32)",
          "DuplicateParent(bytes32)",
          "TooManyParents()",
          "DatasetIsDeprecated(bytes32)",
          "EmptyField(string)",
          "BadSignature()",
          "ZeroCurator()",
          "Error(string)",
          "Panic(uint256)");

  private static final Map<String, String> BY_SELECTOR = bySelector();
  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]{8,}");

  private DatasetRevert() {}

  /**
   * The failure a node reported for a call or gas estimate: a revert when the error carries revert
   * data or says "revert", otherwise a refusal (funds, nonce, fee).
   */
  static DatasetRegistryException fromRpcError(String message, String data) {
    if (data != null) {
      Matcher hex = HEX.matcher(data);
      if (hex.find()) {
        return fromRevertData(hex.group());
      }
    }
    String text = message == null ? "(no message)" : message;
    Reason reason =
        text.toLowerCase(Locale.ROOT).contains("revert") ? Reason.REVERTED : Reason.REJECTED;
    return new DatasetRegistryException(reason, "registry call failed: " + text, null);
  }

  /** Decodes ABI revert data (0x-hex: selector then arguments). */
  static DatasetRegistryException fromRevertData(String revertData) {
    String hex = revertData.toLowerCase(Locale.ROOT);
    String signature = hex.length() >= 10 ? BY_SELECTOR.get(hex.substring(0, 10)) : null;
    if (signature != null) {
      try {
        List<String> args = decodeArgs(signature, "0x" + hex.substring(10));
        String name = signature.substring(0, signature.indexOf('('));
        boolean custom = !name.equals("Error") && !name.equals("Panic");
        return new DatasetRegistryException(
            Reason.REVERTED,
            name + args + ": " + explain(name),
            custom ? name : null,
            args,
            null,
            null);
      } catch (RuntimeException e) {
        // arguments do not decode: fall through to unknown data
      }
    }
    return new DatasetRegistryException(
        Reason.REVERTED, "reverted with unknown data " + revertData, null);
  }

  private static List<String> decodeArgs(String signature, String argsHex) {
    String inner = signature.substring(signature.indexOf('(') + 1, signature.length() - 1);
    AbiData abi = AbiData.ofHex(argsHex);
    List<String> args = new ArrayList<>();
    String[] types = inner.isEmpty() ? new String[0] : inner.split(",");
    for (int i = 0; i < types.length; i++) {
      args.add(
          switch (types[i]) {
            case "address" -> abi.address(i);
            case "bytes32" -> abi.bytes32(i);
            case "string" -> abi.string(i);
            case "uint256" -> new BigInteger(abi.bytes32(i).substring(2), 16).toString();
            default -> throw new IllegalStateException("no decoder for " + types[i]);
          });
    }
    return args;
  }

  private static String explain(String name) {
    return switch (name) {
      case "NotCuratorAgent" -> "the actor is neither the curator's owner nor a valid delegate";
      case "DatasetExists" -> "a dataset with this id is already registered";
      case "UnknownDataset" -> "no dataset with this id";
      case "UnknownParent" -> "a parent dataset is not registered";
      case "DuplicateParent" -> "a parent is listed twice";
      case "TooManyParents" -> "more than 64 parents";
      case "DatasetIsDeprecated" -> "the dataset is deprecated: no further change";
      case "EmptyField" -> "a required field is empty";
      case "BadSignature" -> "the signature does not recover to the signer with its nonce";
      case "ZeroCurator" -> "the curator must not be the zero address";
      case "Panic" -> "the registry panicked";
      default -> "reverted";
    };
  }

  private static Map<String, String> bySelector() {
    Map<String, String> out = new java.util.HashMap<>();
    for (String signature : ERRORS) {
      out.put(Hash.sha3String(signature).substring(0, 10), signature);
    }
    return Map.copyOf(out);
  }
}
