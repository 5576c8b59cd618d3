package io.assent.cli.did;

import io.assent.cli.CliException;
import io.assent.contracts.did.DidEthr;
import java.math.BigInteger;
import java.util.Set;

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

  /**
   * {@code did} (given with {@code option}) in address form on {@code chainId}, refusing a DID on
   * another chain. Its network must be the hex chain id, a name the node gives the chain ({@code
   * networkNames}), or absent on chain 1.
   */
  public static DidEthr onChain(
      DidEthr did, String option, BigInteger chainId, Set<String> networkNames) {
    boolean named = did.network().filter(networkNames::contains).isPresent();
    BigInteger didChain =
        named
            ? chainId
            : did.network().isEmpty()
                ? BigInteger.ONE
                : did.hexChainId()
                    .orElseThrow(
                        () ->
                            new CliException(
                                "chainMismatch",
                                option
                                    + " names network '"
                                    + did.networkOrMainnet()
                                    + "', unknown here; use its hex chain id: "
                                    + of(chainId, did.address())));
    if (!didChain.equals(chainId)) {
      throw new CliException(
          "chainMismatch",
          option
              + " "
              + did
              + " is on chain "
              + didChain
              + ", but the registry is on chain "
              + chainId);
    }
    return of(chainId, did.address());
  }
}
