package io.assent.node.dataset.license;

import io.assent.node.dataset.license.SpdxToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits an SPDX expression into tokens. Words are runs of the idstring characters (letters,
 * digits, {@code -}, {@code .}) and {@code :} (for {@code DocumentRef-x:LicenseRef-y}). Operators
 * are matched case-sensitively as the SPDX spec (Annex "Case sensitivity") says: all upper or all
 * lower case ({@code AND}, {@code and}); a mixed spelling such as {@code And} is an error rather
 * than a license id. {@code +} must follow a word with no space.
 */
final class SpdxTokenizer {
  private SpdxTokenizer() {}

  static List<SpdxToken> tokenize(String text) throws InvalidLicenseException {
    List<SpdxToken> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')') {
        tokens.add(new SpdxToken(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), i, false));
        i++;
      } else if (isWordChar(c)) {
        i = word(text, i, tokens);
      } else if (c == '+') {
        throw new InvalidLicenseException("'+' must directly follow a license id", i);
      } else {
        throw new InvalidLicenseException("unexpected character '" + c + "'", i);
      }
    }
    tokens.add(new SpdxToken(Kind.END, "", text.length(), false));
    return tokens;
  }

  private static int word(String text, int start, List<SpdxToken> tokens)
      throws InvalidLicenseException {
    int end = start;
    while (end < text.length() && isWordChar(text.charAt(end))) {
      end++;
    }
    String word = text.substring(start, end);
    boolean plus = end < text.length() && text.charAt(end) == '+';
    if (plus) {
      end++;
      if (end < text.length()
          && !Character.isWhitespace(text.charAt(end))
          && text.charAt(end) != ')') {
        throw new InvalidLicenseException("expected a space or ')' after '+'", end);
      }
    }
    Kind kind = operator(word, start);
    if (kind != Kind.WORD && plus) {
      throw new InvalidLicenseException("'+' must directly follow a license id", end - 1);
    }
    tokens.add(new SpdxToken(kind, word, start, plus));
    return end;
  }

  private static Kind operator(String word, int position) throws InvalidLicenseException {
    for (Kind op : new Kind[] {Kind.AND, Kind.OR, Kind.WITH}) {
      if (word.equals(op.name()) || word.equals(op.name().toLowerCase(Locale.ROOT))) {
        return op;
      }
      if (word.equalsIgnoreCase(op.name())) {
        throw new InvalidLicenseException(
            "operator '" + word + "' must be all upper or all lower case", position);
      }
    }
    return Kind.WORD;
  }

  private static boolean isWordChar(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == ':';
  }
}
