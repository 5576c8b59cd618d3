package io.assent.cli.dataset;

import io.assent.cli.CliException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * License values as the CLI accepts them: an SPDX expression, or (from a Croissant file) an SPDX
 * license URL or a Creative Commons URL, turned into the SPDX id.
 *
 * <p>Only the shape of an expression is checked here (ids and operators in a valid order, balanced
 * parentheses); whether each id is on the SPDX license list is the node's and the registry's
 * business (the node answers {@code invalidLicense}).
 */
public final class SpdxLicenses {

  /** {@code https://spdx.org/licenses/MIT.html}, {@code .../MIT}, {@code .../MIT.json}. */
  private static final Pattern SPDX_URL =
      Pattern.compile(
          "https?://(?:www\\.)?spdx\\.org/licenses/([A-Za-z0-9.+-]+?)(?:\\.html|\\.json)?/?",
          Pattern.CASE_INSENSITIVE);

  /** {@code https://creativecommons.org/licenses/by-nc/4.0/} (unported only; legalcode allowed). */
  private static final Pattern CC_URL =
      Pattern.compile(
          "https?://(?:www\\.)?creativecommons\\.org/licenses/"
              + "(by|by-sa|by-nd|by-nc|by-nc-sa|by-nc-nd)/(1\\.0|2\\.0|2\\.5|3\\.0|4\\.0)"
              + "(?:/(?:legalcode(?:\\.[a-z]{2})?)?)?",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern CC0_URL =
      Pattern.compile(
          "https?://(?:www\\.)?creativecommons\\.org/publicdomain/zero/1\\.0"
              + "(?:/(?:legalcode(?:\\.[a-z]{2})?)?)?",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern ID =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*(?::[A-Za-z0-9.-]+)?");

  private SpdxLicenses() {}

  /**
   * The SPDX expression for one license value of a Croissant file: an SPDX or Creative Commons URL
   * becomes its SPDX id; any other URL is refused; anything else must be an SPDX expression.
   */
  public static String fromCroissant(String value) {
    String text = value.strip();
    int fragment = text.indexOf('#');
    String url = fragment >= 0 ? text.substring(0, fragment) : text;
    Matcher spdx = SPDX_URL.matcher(url);
    if (spdx.matches()) {
      return checked(spdx.group(1), "croissant: license '" + value + "'");
    }
    Matcher cc = CC_URL.matcher(url);
    if (cc.matches()) {
      return "CC-" + cc.group(1).toUpperCase(Locale.ROOT) + "-" + cc.group(2);
    }
    if (CC0_URL.matcher(url).matches()) {
      return "CC0-1.0";
    }
    if (text.matches("(?i)[a-z][a-z0-9+.-]*://.*")) {
      throw new CliException(
          "invalidCroissant",
          "croissant: license '"
              + value
              + "' is not an SPDX license URL (https://spdx.org/licenses/<id>.html) nor a Creative"
              + " Commons license URL; give the SPDX expression with --license");
    }
    return checked(text, "croissant: license '" + value + "'");
  }

  /**
   * Several licenses of one Croissant file joined with {@code AND}: the dataset is under all of
   * them, so every one must permit a use (the conservative reading; say {@code OR} with {@code
   * --license} if the licenses are alternatives). Compound parts are parenthesized.
   */
  public static String all(List<String> expressions) {
    if (expressions.size() == 1) {
      return expressions.getFirst();
    }
    List<String> parts = new ArrayList<>();
    for (String expression : expressions) {
      String part = expression.contains(" ") ? "(" + expression + ")" : expression;
      if (!parts.contains(part)) {
        parts.add(part);
      }
    }
    return String.join(" AND ", parts);
  }

  /** {@code expression} if it has the shape of an SPDX expression, else {@code invalidLicense}. */
  public static String checked(String expression, String what) {
    String problem = new Shape(expression).problem();
    if (problem != null) {
      throw new CliException(
          "invalidLicense", what + " is not an SPDX license expression: " + problem);
    }
    return expression.strip();
  }

  /** A recursive-descent check of SPDX expression syntax (SPDX 2.3 annex D), without the list. */
  private static final class Shape {
    private final List<String> tokens = new ArrayList<>();
    private int at;

    Shape(String text) {
      Matcher token = Pattern.compile("\\(|\\)|[^\\s()]+").matcher(text);
      while (token.find()) {
        tokens.add(token.group());
      }
    }

    /** Null if well formed, else what is wrong. */
    String problem() {
      if (tokens.isEmpty()) {
        return "it is empty";
      }
      String problem = expression();
      if (problem == null && at < tokens.size()) {
        problem = "unexpected '" + tokens.get(at) + "'";
      }
      return problem;
    }

    private String expression() {
      String problem = term();
      while (problem == null && at < tokens.size() && isOperator(tokens.get(at), "AND", "OR")) {
        at++;
        problem = term();
      }
      return problem;
    }

    private String term() {
      if (at >= tokens.size()) {
        return "it ends where a license id should be";
      }
      String token = tokens.get(at++);
      if (token.equals("(")) {
        String problem = expression();
        if (problem != null) {
          return problem;
        }
        if (at >= tokens.size() || !tokens.get(at).equals(")")) {
          return "a '(' is not closed";
        }
        at++;
        return null;
      }
      if (!isId(token)) {
        return "'" + token + "' is not a license id";
      }
      if (at < tokens.size() && isOperator(tokens.get(at), "WITH")) {
        at++;
        if (at >= tokens.size() || !isId(tokens.get(at))) {
          return "WITH needs an exception id";
        }
        at++;
      }
      if (at < tokens.size()
          && !tokens.get(at).equals(")")
          && !isOperator(tokens.get(at), "AND", "OR")) {
        return "'"
            + tokens.get(at - 1)
            + "' and '"
            + tokens.get(at)
            + "' need AND, OR or WITH between them";
      }
      return null;
    }

    private static boolean isOperator(String token, String... operators) {
      for (String operator : operators) {
        if (token.equalsIgnoreCase(operator)) {
          return true;
        }
      }
      return false;
    }

    private static boolean isId(String token) {
      String id = token.endsWith("+") ? token.substring(0, token.length() - 1) : token;
      return ID.matcher(id).matches() && !isOperator(id, "AND", "OR", "WITH");
    }
  }
}
