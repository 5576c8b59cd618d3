package io.assent.node.store;

/** The database was written for another chain or by a newer node; this node must not use it. */
public class IncompatibleDatabaseException extends IllegalStateException {

  public IncompatibleDatabaseException(String message) {
    super(message);
  }
}
