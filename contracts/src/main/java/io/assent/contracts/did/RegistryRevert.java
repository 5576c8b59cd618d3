package io.assent.contracts.did;

import io.assent.contracts.did.DidRegistryException.Reason;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.Utils;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.crypto.Hash;

/**
 * Turns a registry revert, as a JSON-RPC node reports it, into a {@link DidRegistryException}.
 * Nodes (anvil, geth, besu) put the revert data in the error's {@code data} member, as a hex
 * string; web3j keeps that member as raw JSON, so the hex is looked for rather than assumed.
 */
final class RegistryRevert {

  static final String NOT_OWNER = selector("NotOwner(address,address)");
  static final String BAD_SIGNATURE = selector("BadSignature()");
  private static final String ERROR_STRING = selector("Error(string)");
  private static final String PANIC = selector("Panic(uint256)");

  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]{8,}");

  private RegistryRevert() {}

  /**
   * The failure a node reported for a call or gas estimate: a revert when the error carries revert
   * data or says "revert", otherwise a refusal (funds, nonce, fee).
   *
   * @param data the error's {@code data} member as web3j keeps it (raw JSON), or null
   */
  static DidRegistryException fromRpcError(String message, String data) {
    if (data != null) {
      Matcher hex = HEX.matcher(data);
      if (hex.find()) {
        return fromRevertData(hex.group());
      }
    }
    String text = message == null ? "(no message)" : message;
    Reason reason =
        text.toLowerCase(Locale.ROOT).contains("revert") ? Reason.REVERTED : Reason.REJECTED;
    return new DidRegistryException(reason, "registry call failed: " + text, null);
  }

  /** Decodes ABI revert data (0x-hex: selector then arguments). */
  static DidRegistryException fromRevertData(String revertData) {
    String hex = revertData.toLowerCase(Locale.ROOT);
    String selector = hex.length() >= 10 ? hex.substring(0, 10) : hex;
    String args = hex.substring(selector.length());
    if (selector.equals(NOT_OWNER) && args.length() == 128) {
      String identity = address(args, 0);
      String actor = address(args, 1);
      return new DidRegistryException(
          Reason.NOT_OWNER,
          "NotOwner(identity="
              + identity
              + ", actor="
              + actor
              + "): the sender or signer is not the identity's current owner",
          identity,
          actor,
          null,
          null);
    }
    if (selector.equals(BAD_SIGNATURE)) {
      return new DidRegistryException(
          Reason.BAD_SIGNATURE, "BadSignature(): the signature recovers to no address", null);
    }
    if (selector.equals(ERROR_STRING)) {
      List<Type> decoded =
          FunctionReturnDecoder.decode(
              args, Utils.convert(List.of(new TypeReference<Utf8String>() {})));
      String text = decoded.isEmpty() ? "" : decoded.get(0).getValue().toString();
      return new DidRegistryException(Reason.REVERTED, "reverted: " + text, null);
    }
    if (selector.equals(PANIC) && args.length() == 64) {
      return new DidRegistryException(
          Reason.REVERTED, "Panic(0x" + new BigInteger(args, 16).toString(16) + ")", null);
    }
    return new DidRegistryException(
        Reason.REVERTED, "reverted with unknown data " + revertData, null);
  }

  private static String address(String args, int word) {
    int end = (word + 1) * 64;
    return "0x" + args.substring(end - 40, end);
  }

  private static String selector(String signature) {
    return Hash.sha3String(signature).substring(0, 10);
  }
}
