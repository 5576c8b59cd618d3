package io.assent.node.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests set or move by hand (UTC). */
public final class ManualClock extends Clock {
  private volatile Instant now;

  /** At 2026-01-01T00:00:00Z. */
  public ManualClock() {
    this(Instant.parse("2026-01-01T00:00:00Z").getEpochSecond());
  }

  public ManualClock(long epochSeconds) {
    now = Instant.ofEpochSecond(epochSeconds);
  }

  public void set(long epochSeconds) {
    now = Instant.ofEpochSecond(epochSeconds);
  }

  public void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
