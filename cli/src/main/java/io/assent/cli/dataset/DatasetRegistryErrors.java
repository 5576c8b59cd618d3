package io.assent.cli.dataset;

import io.assent.cli.CliException;
import io.assent.contracts.dataset.DatasetRegistryException;

/**
 * Maps the registry's refusals to the CLI's error codes: the same codes the node's relay answers
 * for the same refusal (notCuratorAgent, unknownParent, datasetExists, ...), so scripts branch
 * alike whichever way the operation went.
 */
final class DatasetRegistryErrors {

  private DatasetRegistryErrors() {}

  static CliException toCli(DatasetRegistryException e, String where) {
    String code =
        switch (e.reason()) {
          case REVERTED ->
              e.errorName().map(DatasetRegistryErrors::code).orElse("transactionReverted");
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
          default ->
              "the registry refused ("
                  + where
                  + "): "
                  + e.errorName().map(name -> name + e.errorArgs() + ": ").orElse("")
                  + e.getMessage();
        };
    return new CliException(code, message, e);
  }

  /** The node's problem code for a registry custom error. */
  static String code(String errorName) {
    return switch (errorName) {
      case "NotCuratorAgent" -> "notCuratorAgent";
      case "DatasetExists" -> "datasetExists";
      case "UnknownDataset" -> "datasetNotFound";
      case "UnknownParent" -> "unknownParent";
      case "DatasetIsDeprecated" -> "datasetDeprecated";
      case "BadSignature" -> "invalidSignature";
      case "DuplicateParent", "TooManyParents", "EmptyField", "ZeroCurator" -> "invalidArgument";
      default -> "transactionReverted";
    };
  }
}
