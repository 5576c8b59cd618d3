package io.assent.node.chain;

import io.assent.node.store.Bytes;
import io.assent.node.store.KeyValue;
import io.assent.node.store.KeyValueReader;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.web3j.utils.Numeric;

/**
 * A log handler for tests: stores each log under block ‖ log index in DID_EVENTS, keeps a running
 * count in DID_IDENTITIES (a read-modify-write, so undo must restore old values), and deletes the
 * count when a log's data is {@code 0xdead} (so undo must restore deleted keys).
 */
final class RecordingHandler implements LogHandler {

  static final byte[] COUNT = "count".getBytes(StandardCharsets.UTF_8);

  private final Set<String> addresses;

  RecordingHandler(String... addresses) {
    this.addresses = Set.of(addresses);
  }

  @Override
  public Set<String> addresses() {
    return addresses;
  }

  @Override
  public void apply(ChainLog log, Transaction tx) {
    byte[] key = Bytes.concat(Bytes.longBytes(log.blockNumber()), Bytes.intBytes(log.logIndex()));
    tx.put(Segment.DID_EVENTS, key, Numeric.hexStringToByteArray(log.data()));
    if (log.data().equals("0xdead")) {
      tx.delete(Segment.DID_IDENTITIES, COUNT);
      return;
    }
    long count = tx.get(Segment.DID_IDENTITIES, COUNT).map(b -> Bytes.toLong(b, 0)).orElse(0L);
    tx.put(Segment.DID_IDENTITIES, COUNT, Bytes.longBytes(count + 1));
  }

  /** Everything the handler wrote, as "segment:key=value" hex lines, for comparing two stores. */
  static List<String> dump(KeyValueReader reader) {
    List<String> out = new ArrayList<>();
    for (Segment segment : List.of(Segment.DID_EVENTS, Segment.DID_IDENTITIES)) {
      try (Stream<KeyValue> entries = reader.stream(segment, new byte[0])) {
        entries.forEach(
            kv ->
                out.add(
                    segment
                        + ":"
                        + HexFormat.of().formatHex(kv.key())
                        + "="
                        + HexFormat.of().formatHex(kv.value())));
      }
    }
    return out;
  }
}
