package io.assent.node.config;

/** A configuration that cannot be used; the message says which setting and why. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
