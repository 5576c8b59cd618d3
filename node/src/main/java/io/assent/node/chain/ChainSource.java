package io.assent.node.chain;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The three chain reads the follower makes. {@link IOException} means the endpoint could not be
 * reached; {@link JsonRpcErrorException} (also an IOException) that it answered with an error.
 */
interface ChainSource {

  long headNumber() throws IOException;

  /** The headers of these blocks on the current chain; a block that does not exist is absent. */
  Map<Long, BlockHeader> headers(Collection<Long> numbers) throws IOException;

  /** The logs of these contracts in blocks {@code from..to} inclusive, in chain order. */
  List<RawLog> logs(long from, long to, Set<String> addresses) throws IOException;
}
