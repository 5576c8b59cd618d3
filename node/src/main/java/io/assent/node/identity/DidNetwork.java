package io.assent.node.identity;

import java.util.Set;

/**
 * The chain this node resolves DIDs for. A DID's network part must be one of {@code names}, or the
 * chain id as lower-case hex without leading zeros ({@code 0x7a69}), which is always accepted. A
 * DID without a network part is looked up as {@code "mainnet"} (as the reference resolver does), so
 * it resolves only if {@code "mainnet"} is among the names.
 *
 * @param chainId the chain id, also the {@code eip155:<chainId>:} prefix of account ids
 * @param names accepted network names, e.g. {@code dev}
 */
public record DidNetwork(long chainId, Set<String> names) {

  public DidNetwork {
    if (chainId <= 0) {
      throw new IllegalArgumentException("chain id must be positive");
    }
    names = Set.copyOf(names);
  }

  /** The chain id as a DID network part: {@code 0x} + lower-case hex. */
  public String hexChainId() {
    return "0x" + Long.toHexString(chainId);
  }

  /** True if a DID with this network part (or "mainnet" for none) is on this chain. */
  public boolean accepts(String network) {
    return names.contains(network) || hexChainId().equals(network);
  }
}
