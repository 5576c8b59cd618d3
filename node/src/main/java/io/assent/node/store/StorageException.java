package io.assent.node.store;

/**
 * The storage engine failed (I/O error, corruption): not something a caller can fix by retrying.
 */
public class StorageException extends RuntimeException {

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
