package io.assent.cli.dataset;

import io.assent.cli.did.AddressConverter;
import io.assent.cli.did.DidConverter;
import io.assent.cli.did.Dids;
import io.assent.contracts.did.DidEthr;
import java.math.BigInteger;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;

/**
 * An identity named on the command line: a did:ethr DID, or a bare address (0x + 40 hex, EIP-55
 * checked if mixed case).
 */
record IdentityRef(DidEthr did, String address) {

  /**
   * The identity's address; a DID must be on {@code chainId} (or, when the chain is not known, as
   * in a dry run, {@code chainId} null, any chain).
   */
  String addressOn(String option, BigInteger chainId, Set<String> networkNames) {
    if (did == null || chainId == null) {
      return address;
    }
    return Dids.onChain(did, option, chainId, networkNames).address();
  }

  /** Picocli converter: {@code did:...} as a DID, anything else as an address. */
  static final class Converter implements ITypeConverter<IdentityRef> {
    @Override
    public IdentityRef convert(String value) {
      if (value.startsWith("did:")) {
        DidEthr did = new DidConverter().convert(value);
        return new IdentityRef(did, did.address());
      }
      return new IdentityRef(null, new AddressConverter().convert(value));
    }
  }
}
