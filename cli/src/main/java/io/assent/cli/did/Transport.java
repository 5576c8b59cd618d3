package io.assent.cli.did;

import io.assent.contracts.did.DidEthr;
import io.assent.contracts.did.Erc1056Operation;
import java.math.BigInteger;
import org.web3j.crypto.Credentials;

/**
 * Where a signed identity operation goes: an Assent node that relays it ({@link NodeTransport}), or
 * the chain directly, from the owner's own account ({@link RpcTransport}).
 */
public interface Transport extends AutoCloseable {

  /** Where operations go, for messages: {@code node http://...} or {@code chain http://...}. */
  String describe();

  /** The chain id of the registry. */
  BigInteger chainId();

  /** Names the registry's chain also goes by in DIDs (e.g. {@code dev}), if known. */
  default java.util.Set<String> networkNames() {
    return java.util.Set.of();
  }

  /** The current owner of the identity, lower-case 0x-hex; 0x0 once deactivated. */
  String owner(DidEthr did);

  /** Signs (if needed) and sends the operation with the owner's key. */
  Submission submit(DidEthr did, Erc1056Operation operation, Credentials owner);

  @Override
  void close();

  /** A sent operation: its transaction, and (when we waited for it) block and gas. */
  record Submission(String transactionHash, Long blockNumber, BigInteger gasUsed, String via) {}

  String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
}
