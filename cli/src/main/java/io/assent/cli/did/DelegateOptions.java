package io.assent.cli.did;

import io.assent.contracts.did.DidNames;
import picocli.CommandLine.Option;

/** A delegate: an address allowed to sign for the DID, as a veriKey or a sigAuth key. */
public final class DelegateOptions {

  /** Delegate types, spelled as in the registry's bytes32 (ERC-1056 and did:ethr). */
  public enum Type {
    veriKey,
    sigAuth
  }

  @Option(
      names = "--delegate",
      required = true,
      paramLabel = "ADDR",
      converter = AddressConverter.class,
      description = "The delegate's address.")
  String delegate;

  @Option(
      names = "--delegate-type",
      defaultValue = "veriKey",
      paramLabel = "TYPE",
      description =
          "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); sigAuth may also authenticate"
              + " as the DID.")
  Type type;

  public byte[] delegateType() {
    return DidNames.encode(type.name());
  }
}
