package io.assent.node.dataset.license;

/** A token of an SPDX expression; {@code position} is its 0-based offset in the text. */
record SpdxToken(Kind kind, String text, int position, boolean plus) {
  enum Kind {
    WORD,
    AND,
    OR,
    WITH,
    OPEN,
    CLOSE,
    END
  }

  /** How an error message quotes this token: 'MIT', 'AND', '(' or "the end". */
  String quoted() {
    return kind == Kind.END ? "the end" : "'" + text + (plus ? "+" : "") + "'";
  }
}
