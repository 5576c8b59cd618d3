package io.assent.node.store;

import java.util.Optional;
import java.util.stream.Stream;

/** Read access to the key-value store, or to a transaction that sees its own writes. */
public interface KeyValueReader {

  Optional<byte[]> get(Segment segment, byte[] key);

  /**
   * Entries whose key starts with {@code prefix}, in ascending unsigned-byte key order. The stream
   * holds native resources: close it (try-with-resources).
   */
  Stream<KeyValue> stream(Segment segment, byte[] prefix);

  /** As {@link #stream} but in descending key order. */
  Stream<KeyValue> streamReverse(Segment segment, byte[] prefix);
}
