package io.assent.node.api;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Query and path parameters of the dataset endpoints, after openapi.yaml's patterns: ids and
 * addresses lower-cased, numbers range-checked (400 invalidRequest), curator DIDs of this node's
 * network (invalidDid, unknownNetwork).
 */
final class DatasetParams {
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

  private final DidParam didParam;

  DatasetParams(DidParam didParam) {
    this.didParam = didParam;
  }

  /** A did:ethr DID or a bare address → the address, lower-case. */
  String curator(String raw) {
    if (raw.startsWith("did:")) {
      return didParam.parse(raw).address().toLowerCase(Locale.ROOT);
    }
    if (!ADDRESS.matcher(raw).matches()) {
      throw new ApiException(
          ApiError.INVALID_REQUEST, "curator must be a did:ethr DID or an address: " + raw);
    }
    return raw.toLowerCase(Locale.ROOT);
  }

  static String id(String raw) {
    return raw.toLowerCase(Locale.ROOT);
  }

  /** An optional whole number in {@code min..max}; {@code fallback} when absent. */
  static int number(String raw, String name, int min, int max, int fallback) {
    if (raw == null) {
      return fallback;
    }
    long value;
    try {
      value = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new ApiException(ApiError.INVALID_REQUEST, name + " must be a whole number");
    }
    if (value < min || value > max) {
      throw new ApiException(
          ApiError.INVALID_REQUEST, name + " must be between " + min + " and " + max);
    }
    return (int) value;
  }
}
