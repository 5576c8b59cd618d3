package io.assent.node.store;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The entries under a prefix as a transaction sees them: its own writes laid over the database's.
 * Both inputs are in the same key order (ascending, or descending for a reverse stream); on equal
 * keys the transaction's write wins, and a delete hides the database's entry.
 */
final class OverlaidSpliterator extends Spliterators.AbstractSpliterator<KeyValue> {

  private final Iterator<Map.Entry<byte[], byte[]>> writes;
  private final Iterator<KeyValue> base;
  private final Comparator<byte[]> order;
  private Map.Entry<byte[], byte[]> write;
  private KeyValue stored;

  private OverlaidSpliterator(
      List<Map.Entry<byte[], byte[]>> writes, Iterator<KeyValue> base, boolean reverse) {
    super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
    this.writes = writes.iterator();
    this.base = base;
    this.order = reverse ? (a, b) -> Bytes.compareUnsigned(b, a) : Bytes::compareUnsigned;
    this.write = next(this.writes);
  }

  /**
   * {@code writes}: the transaction's writes under the prefix, in the stream's order ({@link
   * PendingWrites#under}: a null value is a delete). Closing the result closes {@code base}.
   */
  static Stream<KeyValue> stream(
      List<Map.Entry<byte[], byte[]>> writes, Stream<KeyValue> base, boolean reverse) {
    return StreamSupport.stream(new OverlaidSpliterator(writes, base.iterator(), reverse), false)
        .onClose(base::close);
  }

  @Override
  public boolean tryAdvance(Consumer<? super KeyValue> action) {
    while (true) {
      if (stored == null && base.hasNext()) {
        stored = base.next();
      }
      if (write == null && stored == null) {
        return false;
      }
      int c = write == null ? 1 : stored == null ? -1 : order.compare(write.getKey(), stored.key());
      if (c > 0) {
        action.accept(stored);
        stored = null;
        return true;
      }
      if (c == 0) {
        stored = null; // overwritten or deleted by the transaction
      }
      Map.Entry<byte[], byte[]> taken = write;
      write = next(writes);
      if (taken.getValue() != null) {
        action.accept(new KeyValue(taken.getKey(), taken.getValue()));
        return true;
      }
    }
  }

  private static Map.Entry<byte[], byte[]> next(Iterator<Map.Entry<byte[], byte[]>> it) {
    return it.hasNext() ? it.next() : null;
  }
}
