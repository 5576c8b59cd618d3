package io.assent.node.consent;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assent.node.store.Bytes;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * A purpose group's consents held (not erased), and its purposes. The entry goes when its last
 * consent is erased, so no purpose of an erased consent stays behind alone.
 */
record GroupTotals(long live, List<String> purposes) {
  private static final ObjectMapper JSON = new ObjectMapper();

  GroupTotals {
    purposes = List.copyOf(purposes);
  }

  GroupTotals plus(long liveDelta) {
    return new GroupTotals(live + liveDelta, purposes);
  }

  byte[] encode() {
    try {
      return Bytes.concat(Bytes.longBytes(live), JSON.writeValueAsBytes(purposes));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static GroupTotals decode(byte[] bytes) {
    try {
      List<String> purposes =
          JSON.readValue(Arrays.copyOfRange(bytes, 8, bytes.length), new TypeReference<>() {});
      return new GroupTotals(Bytes.toLong(bytes, 0), purposes);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable purpose group totals", e);
    }
  }
}
