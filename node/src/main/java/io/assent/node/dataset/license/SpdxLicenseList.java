package io.assent.node.dataset.license;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The SPDX license and exception ids, as copied by the node's build from the npm packages pinned in
 * package.json ({@code spdx-license-list} for names and OSI approval, {@code spdx-license-ids} for
 * the current and deprecated ids, {@code spdx-exceptions}). Lookups are case-insensitive, as SPDX
 * specifies for ids, and answer the id in the list's own spelling. Immutable.
 */
public final class SpdxLicenseList {
  static final String RESOURCES = "/dataset/spdx/";
  private static volatile SpdxLicenseList bundled;

  private final String version;
  private final Map<String, LicenseInfo> licenses; // by lower-case id
  private final Map<String, String> exceptions; // lower-case id -> list spelling
  private final Set<String> deprecatedExceptions;
  private final Set<String> licenseIds;

  /** One license of the list: {@code name} is null when only the id list knows the license. */
  public record LicenseInfo(String id, String name, boolean osiApproved, boolean deprecated) {}

  SpdxLicenseList(
      String version,
      Iterable<LicenseInfo> licenses,
      Iterable<String> exceptions,
      Set<String> deprecatedExceptions) {
    this.version = version;
    Map<String, LicenseInfo> byId = new HashMap<>();
    Set<String> ids = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (LicenseInfo info : licenses) {
      byId.put(lower(info.id()), info);
      ids.add(info.id());
    }
    Map<String, String> exceptionIds = new TreeMap<>();
    for (String exception : exceptions) {
      exceptionIds.put(lower(exception), exception);
    }
    this.licenses = Map.copyOf(byId);
    this.exceptions = Map.copyOf(exceptionIds);
    this.deprecatedExceptions = Set.copyOf(deprecatedExceptions);
    this.licenseIds = Collections.unmodifiableSet(ids);
  }

  /** The list built into the node (loaded once; fails loudly if the build did not copy it). */
  public static SpdxLicenseList bundled() {
    SpdxLicenseList list = bundled;
    if (list == null) {
      synchronized (SpdxLicenseList.class) {
        list = bundled;
        if (list == null) {
          list = SpdxListLoader.load(SpdxLicenseList::resource);
          bundled = list;
        }
      }
    }
    return list;
  }

  /** The npm package versions the list came from, e.g. {@code spdx-license-list@6.12.0+...}. */
  public String version() {
    return version;
  }

  /** The list's spelling of this license id (case-insensitive), or empty if not a license. */
  public Optional<String> license(String id) {
    return info(id).map(LicenseInfo::id);
  }

  /** Name, OSI approval and deprecation of a license (case-insensitive id), or empty. */
  public Optional<LicenseInfo> info(String id) {
    return Optional.ofNullable(licenses.get(lower(id)));
  }

  /** True if the id is a deprecated license id (still valid in expressions, but flagged). */
  public boolean isDeprecated(String id) {
    return info(id).map(LicenseInfo::deprecated).orElse(false);
  }

  /** The list's spelling of this exception id (case-insensitive), or empty. */
  public Optional<String> exception(String id) {
    return Optional.ofNullable(exceptions.get(lower(id)));
  }

  /** True if the id is a deprecated exception id. */
  public boolean isDeprecatedException(String id) {
    return exception(id).map(deprecatedExceptions::contains).orElse(false);
  }

  /** Every license id, current and deprecated, in the list's spelling, sorted ignoring case. */
  public Set<String> licenseIds() {
    return licenseIds;
  }

  /** Every exception id in the list's spelling. */
  public Set<String> exceptionIds() {
    return Set.copyOf(exceptions.values());
  }

  private static String lower(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  private static JsonNode resource(String name) {
    try (InputStream in = SpdxLicenseList.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException(
            "SPDX list resource "
                + RESOURCES
                + name
                + " is missing: the node build copies it from node_modules (bin/ensure-npm)");
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read SPDX list resource " + name, e);
    }
  }
}
