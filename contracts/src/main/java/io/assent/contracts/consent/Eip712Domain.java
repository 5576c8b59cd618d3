package io.assent.contracts.consent;

/**
 * An EIP-712 domain {@code {name, version, chainId, verifyingContract}}. Consent messages use
 * {@code {name: "Assent", version: "1", chainId, verifyingContract: <ConsentAnchor address>}};
 * dataset registry operations {@code {name: "Assent Dataset Registry", version: "1", chainId,
 * verifyingContract: <DatasetRegistry address>}}. A signature is bound to one chain and one
 * contract, so it cannot be replayed on another deployment.
 *
 * @param verifyingContract the contract's address, lower-cased by the constructor
 */
public record Eip712Domain(String name, String version, long chainId, String verifyingContract) {

  public static final String NAME = "Assent";
  public static final String VERSION = "1";
  public static final String DATASET_REGISTRY_NAME = "Assent Dataset Registry";

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

  /**
   * The dataset registry's domain ("Assent Dataset Registry", "1") for the registry at {@code
   * registryAddress}.
   */
  public static Eip712Domain datasetRegistry(long chainId, String registryAddress) {
    return new Eip712Domain(DATASET_REGISTRY_NAME, VERSION, chainId, registryAddress);
  }
}
