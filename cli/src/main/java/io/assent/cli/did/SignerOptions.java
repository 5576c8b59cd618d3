package io.assent.cli.did;

import io.assent.cli.key.KeyEntry;
import io.assent.contracts.did.DidEthr;
import java.math.BigInteger;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * Which key signs, and for which identity. By default the identity is the key's own address; with
 * {@code --did} it is another identity that the key currently owns.
 */
public final class SignerOptions extends KeySelection {

  // Not a nested group holding a KeySelection: picocli re-creates a matched group's object, and
  // a nested group that was not matched itself would then lose its defaults (--key, --keystore).

  @Option(
      names = "--did",
      paramLabel = "DID",
      converter = DidConverter.class,
      description =
          "Act on this DID (owned by the key) instead of the key's own DID; did:ethr:0x<chainId>:... or the node's network name.")
  DidEthr did;

  /**
   * The DID acted on, in address form on {@code chainId}: {@code --did}, else the key's own DID.
   * {@code --did} must be on that chain: its hex chain id, a name the node gives the chain ({@code
   * networkNames}), or no network on chain 1.
   */
  public DidEthr identity(KeyEntry signer, BigInteger chainId, Set<String> networkNames) {
    if (did == null) {
      return Dids.of(chainId, signer.address());
    }
    return Dids.onChain(did, "--did", chainId, networkNames);
  }
}
