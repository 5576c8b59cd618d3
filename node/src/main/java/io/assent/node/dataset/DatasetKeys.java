package io.assent.node.dataset;

import io.assent.node.store.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.web3j.utils.Numeric;

/**
 * Key layout of the dataset segments (numbers big-endian, so unsigned key order is numeric order).
 *
 * <ul>
 *   <li>{@code DATASETS}: id (32).
 *   <li>{@code DATASET_BY_CURATOR}: curator (20) ‖ id (32); the current curator only.
 *   <li>{@code DATASET_LINEAGE}: {@code 'P'} ‖ child (32) ‖ parent (32) and {@code 'C'} ‖ parent
 *       (32) ‖ child (32); empty values. One prefix scan lists a dataset's parents or children.
 *   <li>{@code DATASET_HISTORY}: id (32) ‖ block number (8) ‖ log index (4): chain order per
 *       dataset.
 *   <li>{@code DATASET_BY_LICENSE}: lower-case license id (UTF-8) ‖ 0x00 ‖ id (32), for every
 *       license id of the CURRENT license expression. License ids never contain 0x00, so the
 *       separator makes {@code mit} and {@code mit-0} different prefixes.
 * </ul>
 */
final class DatasetKeys {

  static final int ID_LENGTH = 32;
  static final int ADDRESS_LENGTH = 20;
  static final byte PARENT = 'P';
  static final byte CHILD = 'C';

  private DatasetKeys() {}

  /** The 32 bytes of a 0x-hex dataset id; IllegalArgumentException if it is not 32 bytes. */
  static byte[] id(String id) {
    return fixed(id, ID_LENGTH, "dataset id");
  }

  static byte[] address(String address) {
    return fixed(address, ADDRESS_LENGTH, "address");
  }

  static String hex(byte[] bytes, int offset, int length) {
    return Numeric.toHexString(bytes, offset, length, true).toLowerCase(Locale.ROOT);
  }

  static String hex(byte[] bytes) {
    return hex(bytes, 0, bytes.length);
  }

  static byte[] byCurator(String curator, String id) {
    return Bytes.concat(address(curator), id(id));
  }

  /** {@code 'P'} ‖ child: the prefix of the child's parent edges, or {@code 'C'} ‖ parent. */
  static byte[] lineagePrefix(byte side, String dataset) {
    return Bytes.concat(new byte[] {side}, id(dataset));
  }

  static byte[] lineage(byte side, String from, String to) {
    return Bytes.concat(new byte[] {side}, id(from), id(to));
  }

  /** The dataset at the far end of a lineage key. */
  static String lineageTarget(byte[] key) {
    return hex(key, 1 + ID_LENGTH, ID_LENGTH);
  }

  static byte[] history(String id, long blockNumber, int logIndex) {
    return Bytes.concat(id(id), Bytes.longBytes(blockNumber), Bytes.intBytes(logIndex));
  }

  static byte[] licensePrefix(String licenseId) {
    return Bytes.concat(
        licenseId.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8), new byte[] {0});
  }

  static byte[] byLicense(String licenseId, String id) {
    return Bytes.concat(licensePrefix(licenseId), id(id));
  }

  /** The id at the end of a by-curator or by-license key. */
  static String trailingId(byte[] key) {
    return hex(key, key.length - ID_LENGTH, ID_LENGTH);
  }

  /** True for 0x followed by exactly {@code length} bytes of hex (either case). */
  static boolean isHex(String text, int length) {
    if (text == null || text.length() != 2 + 2 * length || !text.startsWith("0x")) {
      return false;
    }
    for (int i = 2; i < text.length(); i++) {
      if (Character.digit(text.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static byte[] fixed(String hex, int length, String what) {
    if (!isHex(hex, length)) {
      throw new IllegalArgumentException("not a " + length + "-byte 0x-hex " + what + ": " + hex);
    }
    return Numeric.hexStringToByteArray(hex);
  }
}
