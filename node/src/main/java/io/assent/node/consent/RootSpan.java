package io.assent.node.consent;

import io.assent.node.store.Bytes;
import java.util.Arrays;
import org.web3j.utils.Numeric;

/**
 * One anchor root of a dataset's purpose group: the union of the validity windows of the group's
 * consents anchored under it ({@code maxUntil} {@link Long#MAX_VALUE} when one has no end), and the
 * anchoring transaction. Withdrawals are not subtracted: a root listed may hold only withdrawn
 * ones.
 */
record RootSpan(long minFrom, long maxUntil, long blockNumber, String txHash) {

  RootSpan widen(long from, long until) {
    return new RootSpan(Math.min(minFrom, from), Math.max(maxUntil, until), blockNumber, txHash);
  }

  boolean covers(long at) {
    return minFrom <= at && at < maxUntil;
  }

  byte[] encode() {
    return Bytes.concat(
        Bytes.longBytes(minFrom),
        Bytes.longBytes(maxUntil),
        Bytes.longBytes(blockNumber),
        Numeric.hexStringToByteArray(txHash));
  }

  static RootSpan decode(byte[] bytes) {
    return new RootSpan(
        Bytes.toLong(bytes, 0),
        Bytes.toLong(bytes, 8),
        Bytes.toLong(bytes, 16),
        Numeric.toHexString(Arrays.copyOfRange(bytes, 24, 56)));
  }
}
