package io.assent.cli.did;

import io.assent.cli.CliException;
import io.assent.contracts.did.DidRegistryException;

/** Maps the registry client's failure reasons to the CLI's error codes. */
final class RegistryErrors {

  private RegistryErrors() {}

  static CliException toCli(DidRegistryException e, String where) {
    String code =
        switch (e.reason()) {
          case NOT_OWNER -> "notOwner";
          case BAD_SIGNATURE -> "invalidSignature";
          case REVERTED -> "transactionReverted";
          case REJECTED -> "transactionRejected";
          case RECEIPT_TIMEOUT -> "receiptTimeout";
          case CALL_FAILED -> "rpcError";
          case UNAVAILABLE -> "rpcUnavailable";
        };
    String message =
        switch (e.reason()) {
          case RECEIPT_TIMEOUT ->
              "no receipt in time"
                  + e.transactionHash().map(h -> " for transaction " + h).orElse("")
                  + "; it may still be mined (raise --timeout)";
          case UNAVAILABLE -> "cannot reach the " + where + ": " + e.getMessage();
          default -> "the registry refused (" + where + "): " + e.getMessage();
        };
    return new CliException(code, message, e);
  }
}
