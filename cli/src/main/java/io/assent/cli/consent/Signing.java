package io.assent.cli.consent;

import com.fasterxml.jackson.databind.JsonNode;
import io.assent.cli.CliException;
import io.assent.cli.Output;
import io.assent.contracts.consent.ConsentMessage;
import io.assent.contracts.consent.ConsentTypedData;
import io.assent.contracts.consent.Eip712Domain;
import java.io.IOException;
import java.util.function.Supplier;

/** Glue between the CLI and the EIP-712 consent messages of the contracts module. */
final class Signing {

  private Signing() {}

  /** Builds a message; a shape the message refuses becomes {@code invalidArgument}. */
  static <M extends ConsentMessage> M message(Supplier<M> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new CliException("invalidArgument", e.getMessage(), e);
    }
  }

  /** The typed data a wallet would sign ({@code eth_signTypedData_v4}), as a JSON tree. */
  static JsonNode typedData(Eip712Domain domain, ConsentMessage message) {
    try {
      return Output.JSON.readTree(ConsentTypedData.toTypedDataJson(domain, message));
    } catch (IOException e) {
      throw new IllegalStateException("typed data did not parse", e);
    }
  }
}
