package io.assent.node.consent;

/**
 * The EIP-712 domain consents are signed in: {@code {name: "Assent", version: "1", chainId,
 * verifyingContract}}, the contract being the ConsentAnchor (lower-case 0x-hex).
 */
public record SigningDomain(long chainId, String verifyingContract) {
  public static final String NAME = "Assent";
  public static final String VERSION = "1";
}
