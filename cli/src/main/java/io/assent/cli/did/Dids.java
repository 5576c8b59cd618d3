package io.assent.cli.did;

import io.assent.contracts.did.DidEthr;
import java.math.BigInteger;

/** The DIDs the CLI writes: {@code did:ethr:0x<chainId hex>:0x<address>}. */
public final class Dids {

  private Dids() {}

  /** The network part for a chain id: {@code 0x} + lower-case hex, as the node names chains. */
  public static String network(BigInteger chainId) {
    return "0x" + chainId.toString(16);
  }

  public static DidEthr of(BigInteger chainId, String address) {
    return DidEthr.ofAddress(network(chainId), address);
  }
}
