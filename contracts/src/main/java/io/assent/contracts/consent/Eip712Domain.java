package io.assent.contracts.consent;

/**
 * The EIP-712 domain of Assent consent messages: {@code {name: "Assent", version: "1", chainId,
 * verifyingContract: <ConsentAnchor address>}}. A signature is bound to one chain and one anchor
 * contract, so it cannot be replayed on another deployment.
 *
 * @param verifyingContract the ConsentAnchor address, lower-cased by the constructor
 */
public record Eip712Domain(String name, String version, long chainId, String verifyingContract) {

  public static final String NAME = "Assent";
  public static final String VERSION = "1";

  public Eip712Domain {
    Hex.text("name", name);
    Hex.text("version", version);
    if (chainId <= 0) {
      throw new IllegalArgumentException("chainId must be positive, was " + chainId);
    }
    verifyingContract = Hex.address("verifyingContract", verifyingContract);
  }

  /** The Assent domain ("Assent", "1") for the anchor contract at {@code anchorAddress}. */
  public static Eip712Domain assent(long chainId, String anchorAddress) {
    return new Eip712Domain(NAME, VERSION, chainId, anchorAddress);
  }
}
