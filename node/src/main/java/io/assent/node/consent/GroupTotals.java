package io.assent.node.consent;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assent.node.store.Bytes;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** A purpose group's time-independent counts: consents held (not erased) and erased. */
record GroupTotals(long live, long erased, List<String> purposes) {
  private static final ObjectMapper JSON = new ObjectMapper();

  GroupTotals {
    purposes = List.copyOf(purposes);
  }

  GroupTotals plus(long liveDelta, long erasedDelta) {
    return new GroupTotals(live + liveDelta, erased + erasedDelta, purposes);
  }

  byte[] encode() {
    try {
      return Bytes.concat(
          Bytes.longBytes(live), Bytes.longBytes(erased), JSON.writeValueAsBytes(purposes));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static GroupTotals decode(byte[] bytes) {
    try {
      List<String> purposes =
          JSON.readValue(Arrays.copyOfRange(bytes, 16, bytes.length), new TypeReference<>() {});
      return new GroupTotals(Bytes.toLong(bytes, 0), Bytes.toLong(bytes, 8), purposes);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable purpose group totals", e);
    }
  }
}
