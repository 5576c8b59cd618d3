package io.assent.cli.key;

import java.nio.file.Path;

/** A key in the keystore: its alias (the file name), address (lower-case 0x-hex) and file. */
public record KeyEntry(String name, String address, Path file) {

  /** {@code alice (0xf39f...)}, for messages. */
  public String label() {
    return name + " (" + address + ")";
  }
}
