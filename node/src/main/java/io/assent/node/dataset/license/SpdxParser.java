package io.assent.node.dataset.license;

import io.assent.node.dataset.license.SpdxToken.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recursive-descent parser for SPDX license expressions (SPDX spec, Annex "SPDX license
 * expressions"): precedence {@code WITH} > {@code AND} > {@code OR}, parentheses, {@code +}, {@code
 * [DocumentRef-x:]LicenseRef-y}, {@code [DocumentRef-x:]AdditionRef-y} after WITH. Every error
 * names the problem and the position; deprecated ids are accepted and collected.
 */
final class SpdxParser {
  static final int MAX_LENGTH = 8192;
  static final int MAX_NESTING = 64;

  private final SpdxLicenseList list;
  private final List<SpdxToken> tokens;
  private final Set<String> deprecated = new LinkedHashSet<>();
  private int next;
  private int nesting;

  private SpdxParser(SpdxLicenseList list, List<SpdxToken> tokens) {
    this.list = list;
    this.tokens = tokens;
  }

  record Result(SpdxTerm root, Set<String> deprecatedIds) {}

  static Result parse(String text, SpdxLicenseList list) throws InvalidLicenseException {
    if (text == null || text.isBlank()) {
      throw new InvalidLicenseException("empty license expression", 0);
    }
    if (text.length() > MAX_LENGTH) {
      throw new InvalidLicenseException(
          "license expression longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
    }
    SpdxParser parser = new SpdxParser(list, SpdxTokenizer.tokenize(text));
    SpdxTerm root = parser.or(null);
    SpdxToken end = parser.peek();
    if (end.kind() == Kind.CLOSE) {
      throw new InvalidLicenseException("unexpected ')' with no matching '('", end.position());
    }
    if (end.kind() != Kind.END) {
      throw parser.expectedOperator(end);
    }
    return new Result(root, Set.copyOf(parser.deprecated));
  }

  /** {@code after}: the token before this expression, for "expected a license after ..." */
  private SpdxTerm or(SpdxToken after) throws InvalidLicenseException {
    List<SpdxTerm> terms = new ArrayList<>();
    terms.add(and(after));
    while (peek().kind() == Kind.OR) {
      SpdxToken op = take();
      flatten(and(op), SpdxTerm.Or.class, terms);
    }
    return terms.size() == 1 ? terms.get(0) : new SpdxTerm.Or(terms);
  }

  private SpdxTerm and(SpdxToken after) throws InvalidLicenseException {
    List<SpdxTerm> terms = new ArrayList<>();
    flatten(primary(after), SpdxTerm.And.class, terms);
    while (peek().kind() == Kind.AND) {
      SpdxToken op = take();
      flatten(primary(op), SpdxTerm.And.class, terms);
    }
    return terms.size() == 1 ? terms.get(0) : new SpdxTerm.And(terms);
  }

  private static void flatten(SpdxTerm term, Class<?> op, List<SpdxTerm> into) {
    if (op == SpdxTerm.And.class && term instanceof SpdxTerm.And and) {
      into.addAll(and.terms());
    } else if (op == SpdxTerm.Or.class && term instanceof SpdxTerm.Or or) {
      into.addAll(or.terms());
    } else {
      into.add(term);
    }
  }

  private SpdxTerm primary(SpdxToken after) throws InvalidLicenseException {
    SpdxToken token = take();
    if (token.kind() == Kind.OPEN) {
      if (++nesting > MAX_NESTING) {
        throw new InvalidLicenseException(
            "parentheses nested deeper than " + MAX_NESTING, token.position());
      }
      SpdxTerm inner = or(token);
      SpdxToken close = take();
      if (close.kind() != Kind.CLOSE) {
        if (close.kind() == Kind.END) {
          throw new InvalidLicenseException("missing ')' for this '('", token.position());
        }
        throw expectedOperator(close);
      }
      nesting--;
      if (peek().kind() == Kind.WITH) {
        throw new InvalidLicenseException(
            "'WITH' must follow a single license, not a parenthesised expression",
            peek().position());
      }
      return inner;
    }
    if (token.kind() != Kind.WORD) {
      throw expectedLicense(after, token);
    }
    return license(token);
  }

  private SpdxTerm license(SpdxToken token) throws InvalidLicenseException {
    String id = SpdxIds.licenseId(token, list);
    if (list.isDeprecated(id)) {
      deprecated.add(id);
    }
    Optional<String> exception = Optional.empty();
    if (peek().kind() == Kind.WITH) {
      take();
      SpdxToken word = take();
      if (word.kind() != Kind.WORD) {
        throw new InvalidLicenseException(
            "expected a license exception after 'WITH'"
                + (word.kind() == Kind.END ? "" : ", found " + word.quoted()),
            word.position());
      }
      String exceptionId = SpdxIds.exceptionId(word, list);
      if (list.isDeprecatedException(exceptionId)) {
        deprecated.add(exceptionId);
      }
      exception = Optional.of(exceptionId);
      if (peek().kind() == Kind.WITH) {
        throw new InvalidLicenseException(
            "a license takes only one 'WITH' exception", peek().position());
      }
    }
    return new SpdxTerm.License(id, token.plus(), exception);
  }

  private InvalidLicenseException expectedLicense(SpdxToken after, SpdxToken found) {
    String problem =
        after == null ? "expected a license" : "expected a license after " + after.quoted();
    if (found.kind() != Kind.END) {
      problem += ", found " + found.quoted();
    }
    return new InvalidLicenseException(problem, found.position());
  }

  private InvalidLicenseException expectedOperator(SpdxToken found) {
    int at = tokens.indexOf(found);
    SpdxToken previous = tokens.get(Math.max(0, at - 1));
    // WITH may follow a license, not an exception or a ')'.
    boolean withFits =
        previous.kind() == Kind.WORD && (at < 2 || tokens.get(at - 2).kind() != Kind.WITH);
    return new InvalidLicenseException(
        (withFits ? "expected AND, OR or WITH after " : "expected AND or OR after ")
            + previous.quoted()
            + ", found "
            + found.quoted(),
        found.position());
  }

  private SpdxToken peek() {
    return tokens.get(next);
  }

  private SpdxToken take() {
    SpdxToken token = tokens.get(next);
    if (token.kind() != Kind.END) {
      next++;
    }
    return token;
  }
}
