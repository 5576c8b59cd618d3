package io.assent.cli.did;

import io.assent.contracts.did.DidEthr;
import io.assent.contracts.did.InvalidDidException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A did:ethr DID ({@code did:ethr:0x7a69:0x...}). */
public final class DidConverter implements ITypeConverter<DidEthr> {

  @Override
  public DidEthr convert(String value) {
    try {
      return DidEthr.parse(value);
    } catch (InvalidDidException e) {
      throw new TypeConversionException("'" + value + "' is not a did:ethr DID: " + e.getMessage());
    }
  }
}
