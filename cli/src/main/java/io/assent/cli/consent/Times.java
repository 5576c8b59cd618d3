package io.assent.cli.consent;

import java.time.Instant;

/** Unix seconds for people. */
final class Times {

  private Times() {}

  static String format(long unixSeconds) {
    return Instant.ofEpochSecond(unixSeconds).toString();
  }
}
