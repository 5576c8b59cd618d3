package io.assent.cli.dataset;

import io.assent.cli.did.Transport.Submission;
import io.assent.contracts.dataset.DatasetOperation;
import java.math.BigInteger;
import java.util.Set;
import org.web3j.crypto.Credentials;

/**
 * Where a dataset operation goes: an Assent node that relays it signed ({@link
 * NodeDatasetTransport}), or the registry directly, from the key's own account ({@link
 * RpcDatasetTransport}).
 */
interface DatasetTransport extends AutoCloseable {

  /** For messages: {@code node http://...} or {@code chain http://...}. */
  String describe();

  BigInteger chainId();

  /** Names the chain also goes by in DIDs (e.g. {@code dev}), if known. */
  Set<String> networkNames();

  /** Signs (if relayed) and sends {@code op} with {@code key}, the curator agent's key. */
  Submission submit(DatasetOperation op, Credentials key);

  @Override
  void close();
}
