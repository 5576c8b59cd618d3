package io.assent.cli.dataset;

import io.assent.cli.CliException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code assent dataset register --croissant} takes from a Croissant 1.0/1.1 file, read by
 * {@link CroissantReader}. Fields a flag may replace are kept as written and checked only when
 * used, so a flag can stand in for a missing or unusable field.
 *
 * @param file where it was read from
 * @param conformsTo {@code 1.0} or {@code 1.1}
 * @param name {@code name}, if present
 * @param version {@code version}, if present (a number is kept as written)
 * @param licenses the {@code license} values (URLs or SPDX expressions), in file order
 * @param url {@code url}, if present
 * @param creators the {@code creator} names (or ids), in file order
 * @param files the {@code distribution} entries that are FileObjects
 * @param derivedFrom the {@code prov:wasDerivedFrom} values (ids or URLs), in file order
 * @param metadataDigest 0x + SHA-256 of the RFC 8785 canonical form of the whole file
 */
public record Croissant(
    Path file,
    String conformsTo,
    Optional<String> name,
    Optional<String> version,
    List<String> licenses,
    Optional<String> url,
    List<String> creators,
    List<FileObject> files,
    List<String> derivedFrom,
    String metadataDigest) {

  /** A {@code cr:FileObject} of {@code distribution}: its name (or id) and its sha256, if any. */
  public record FileObject(String name, Optional<String> sha256) {}

  public Croissant {
    licenses = List.copyOf(licenses);
    creators = List.copyOf(creators);
    files = List.copyOf(files);
    derivedFrom = List.copyOf(derivedFrom);
  }

  public String requireName() {
    return name.orElseThrow(() -> missing("name", "--name"));
  }

  public String requireVersion() {
    return version.orElseThrow(() -> missing("version", "--version"));
  }

  public String requireUrl() {
    return url.orElseThrow(() -> missing("url", "--metadata-uri"));
  }

  /** The license as one SPDX expression (several licenses joined with AND). */
  public String requireLicense() {
    if (licenses.isEmpty()) {
      throw missing("license", "--license");
    }
    return SpdxLicenses.all(licenses.stream().map(SpdxLicenses::fromCroissant).toList());
  }

  /**
   * The content digest over every FileObject's {@code sha256} ({@link DatasetDigests#content});
   * every FileObject must have one.
   */
  public String requireContentDigest() {
    if (files.isEmpty()) {
      throw new CliException(
          "invalidCroissant",
          "croissant: no FileObject in 'distribution' to take the content digest from; give"
              + " --content-digest");
    }
    List<String> digests = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      FileObject file = files.get(i);
      int index = i;
      digests.add(
          file.sha256()
              .orElseThrow(
                  () ->
                      new CliException(
                          "invalidCroissant",
                          "croissant: missing required field 'sha256' in FileObject '"
                              + file.name()
                              + "' (file "
                              + (index + 1)
                              + " of "
                              + files.size()
                              + "); the content digest covers every file, or give"
                              + " --content-digest")));
    }
    return DatasetDigests.content(digests);
  }

  /** The {@code prov:wasDerivedFrom} values that are dataset ids (0x + 64 hex), lower-cased. */
  public List<String> parents() {
    return derivedFrom.stream().filter(Croissant::isDatasetId).map(String::toLowerCase).toList();
  }

  /**
   * The {@code prov:wasDerivedFrom} values that are not dataset ids (not registered as parents).
   */
  public List<String> otherSources() {
    return derivedFrom.stream().filter(v -> !isDatasetId(v)).toList();
  }

  static boolean isDatasetId(String value) {
    return value.matches("0x[0-9a-fA-F]{64}");
  }

  private static CliException missing(String field, String flag) {
    return new CliException(
        "invalidCroissant",
        "croissant: missing required field '" + field + "' (or give " + flag + ")");
  }
}
