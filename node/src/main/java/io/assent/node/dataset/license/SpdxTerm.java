package io.assent.node.dataset.license;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A node of a parsed SPDX license expression. Ids are in the license list's spelling; {@code AND}
 * and {@code OR} are n-ary (chains of the same operator are flattened, they are associative).
 */
public sealed interface SpdxTerm {

  /** The canonical text of this term: operators upper case, parentheses only where needed. */
  String canonical();

  /**
   * One license: a listed id or a {@code [DocumentRef-x:]LicenseRef-y}, with {@code +} ("or later")
   * and an optional exception ({@code WITH}): a listed exception id or an {@code
   * [DocumentRef-x:]AdditionRef-y}.
   */
  record License(String id, boolean orLater, Optional<String> exception) implements SpdxTerm {
    /** True for a user-defined {@code LicenseRef-}: no list, so no policy knows its terms. */
    public boolean isReference() {
      return id.contains("LicenseRef-");
    }

    /** True if the exception is a user-defined {@code AdditionRef-} rather than a listed one. */
    public boolean hasCustomAddition() {
      return exception.map(e -> e.contains("AdditionRef-")).orElse(false);
    }

    @Override
    public String canonical() {
      return id + (orLater ? "+" : "") + exception.map(e -> " WITH " + e).orElse("");
    }
  }

  /** Every part applies at once. */
  record And(List<SpdxTerm> terms) implements SpdxTerm {
    public And {
      terms = List.copyOf(terms);
    }

    @Override
    public String canonical() {
      // AND binds tighter than OR: an OR inside an AND needs parentheses.
      return terms.stream()
          .map(t -> t instanceof Or ? "(" + t.canonical() + ")" : t.canonical())
          .collect(Collectors.joining(" AND "));
    }
  }

  /** The user may choose any one part. */
  record Or(List<SpdxTerm> terms) implements SpdxTerm {
    public Or {
      terms = List.copyOf(terms);
    }

    @Override
    public String canonical() {
      return terms.stream().map(SpdxTerm::canonical).collect(Collectors.joining(" OR "));
    }
  }
}
