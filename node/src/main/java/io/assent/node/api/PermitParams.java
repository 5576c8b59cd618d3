package io.assent.node.api;

import io.assent.node.consent.DatasetConsents;
import io.assent.node.dataset.license.UsePurpose;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Query parameters of the permit and manifest endpoints: the use purpose and the time. */
final class PermitParams {
  private PermitParams() {}

  /** A use purpose id; absent or unknown → 400 unknownPurpose naming the known ones. */
  static UsePurpose purpose(String raw) {
    if (raw == null) {
      throw new ApiException(ApiError.UNKNOWN_PURPOSE, "purpose is required: one of " + known());
    }
    return UsePurpose.fromId(raw)
        .orElseThrow(
            () ->
                new ApiException(
                    ApiError.UNKNOWN_PURPOSE, "unknown purpose '" + raw + "': one of " + known()));
  }

  private static String known() {
    return Arrays.stream(UsePurpose.values()).map(UsePurpose::id).collect(Collectors.joining(", "));
  }

  /** Unix seconds or an RFC 3339 date-time; absent → now. */
  static long at(String raw, Clock clock) {
    if (raw == null) {
      return clock.instant().getEpochSecond();
    }
    long at;
    if (raw.chars().allMatch(Character::isDigit) && !raw.isEmpty() && raw.length() <= 18) {
      at = Long.parseLong(raw);
    } else {
      try {
        at = OffsetDateTime.parse(raw).toEpochSecond();
      } catch (DateTimeParseException e) {
        throw new ApiException(
            ApiError.INVALID_REQUEST,
            "at must be unix seconds or an RFC 3339 date-time (2026-11-29T12:00:00Z): " + raw);
      }
    }
    if (at < 0 || at > DatasetConsents.MAX_AT) {
      throw new ApiException(
          ApiError.INVALID_REQUEST, "at must be between 0 and " + DatasetConsents.MAX_AT);
    }
    return at;
  }
}
