package io.assent.cli.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import io.assent.contracts.json.Jcs;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The two digests a registration takes from a Croissant file. Both are SHA-256, so anyone can
 * recompute them with standard tools:
 *
 * <ul>
 *   <li>content digest = SHA-256 of the concatenated 32-byte {@code sha256} values of every
 *       FileObject in {@code distribution}, sorted ascending (as lower-case hex strings, which is
 *       byte order), duplicates kept. In a shell: {@code jq -r '.distribution[].sha256 // empty'
 *       metadata.json | tr A-F a-f | sort | xxd -r -p | sha256sum}.
 *   <li>metadata digest = SHA-256 of the UTF-8 bytes of the file's RFC 8785 (JCS) canonical form:
 *       the JSON-LD document as written (not expanded or compacted), members sorted, no whitespace.
 * </ul>
 */
public final class DatasetDigests {

  private DatasetDigests() {}

  /** The content digest over file digests (each 0x-optional 64 hex digits), as 0x-hex. */
  public static String content(List<String> fileDigests) {
    List<String> sorted =
        fileDigests.stream()
            .map(d -> (d.startsWith("0x") ? d.substring(2) : d).toLowerCase(Locale.ROOT))
            .sorted()
            .toList();
    MessageDigest sha256 = sha256();
    for (String digest : sorted) {
      sha256.update(HexFormat.of().parseHex(digest));
    }
    return hex(sha256.digest());
  }

  /** The metadata digest of a JSON document: SHA-256 of its JCS form, as 0x-hex. */
  public static String metadata(JsonNode document) {
    return hex(sha256().digest(Jcs.canonicalize(document)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private static String hex(byte[] bytes) {
    return "0x" + HexFormat.of().formatHex(bytes);
  }
}
