package io.assent.node.identity;

import java.time.Instant;

/**
 * Options of one resolution. At most one of {@code versionId} and {@code versionTime}.
 *
 * @param versionId resolve as of this block: events after it are left out and validity is evaluated
 *     at its timestamp ({@code null}: latest)
 * @param versionTime resolve as of this time: events of blocks stamped after it are left out and
 *     validity is evaluated at it ({@code null}: latest)
 * @param accept the requested representation: {@code application/did+ld+json} (also when {@code
 *     null}; with {@code @context}) or {@code application/did+json} (without)
 */
public record ResolutionOptions(Long versionId, Instant versionTime, String accept) {

  public static final String DID_LD_JSON = "application/did+ld+json";
  public static final String DID_JSON = "application/did+json";

  public static ResolutionOptions latest() {
    return new ResolutionOptions(null, null, null);
  }

  public static ResolutionOptions atVersionId(long block) {
    return new ResolutionOptions(block, null, null);
  }

  public static ResolutionOptions atVersionTime(Instant time) {
    return new ResolutionOptions(null, time, null);
  }

  public ResolutionOptions withAccept(String mediaType) {
    return new ResolutionOptions(versionId, versionTime, mediaType);
  }
}
