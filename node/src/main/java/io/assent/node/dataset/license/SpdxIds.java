package io.assent.node.dataset.license;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Resolves the words of an expression to ids: listed ids case-insensitively (answered in the list's
 * spelling), user-defined references by their case-sensitive prefixes as the SPDX grammar writes
 * them ({@code %s"LicenseRef-"}).
 */
final class SpdxIds {
  private static final String IDSTRING = "[A-Za-z0-9.\\-]+";
  private static final Pattern LICENSE_REF =
      Pattern.compile("(DocumentRef-" + IDSTRING + ":)?LicenseRef-" + IDSTRING);
  private static final Pattern ADDITION_REF =
      Pattern.compile("(DocumentRef-" + IDSTRING + ":)?AdditionRef-" + IDSTRING);

  private SpdxIds() {}

  static String licenseId(SpdxToken token, SpdxLicenseList list) throws InvalidLicenseException {
    String word = token.text();
    if (LICENSE_REF.matcher(word).matches()) {
      if (token.plus()) {
        throw new InvalidLicenseException(
            "'+' applies only to a listed license, not to '" + word + "'",
            token.position() + word.length());
      }
      return word;
    }
    if (word.contains(":")
        || startsWithIgnoreCase(word, "LicenseRef-")
        || startsWithIgnoreCase(word, "DocumentRef-")) {
      throw new InvalidLicenseException(
          "malformed license reference '"
              + word
              + "' (expected [DocumentRef-x:]LicenseRef-y, prefixes spelled so)",
          token.position());
    }
    var id = list.license(word);
    if (id.isPresent()) {
      return id.get();
    }
    if (list.exception(word).isPresent()) {
      throw new InvalidLicenseException(
          "'" + word + "' is a license exception, not a license: it goes after WITH",
          token.position());
    }
    throw new InvalidLicenseException("unknown license id '" + word + "'", token.position());
  }

  static String exceptionId(SpdxToken token, SpdxLicenseList list) throws InvalidLicenseException {
    String word = token.text();
    if (token.plus()) {
      throw new InvalidLicenseException(
          "'+' applies only to a listed license, not to the exception '" + word + "'",
          token.position() + word.length());
    }
    if (ADDITION_REF.matcher(word).matches()) {
      return word;
    }
    var id = list.exception(word);
    if (id.isPresent()) {
      return id.get();
    }
    if (list.license(word).isPresent()) {
      throw new InvalidLicenseException(
          "'" + word + "' is a license, not a license exception", token.position());
    }
    throw new InvalidLicenseException("unknown license exception '" + word + "'", token.position());
  }

  private static boolean startsWithIgnoreCase(String word, String prefix) {
    return word.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT));
  }
}
