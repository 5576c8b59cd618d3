package io.assent.node.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Which files under a directory hold a byte sequence: what survives in a store's files. */
public final class FilesContaining {
  private FilesContaining() {}

  /** The regular files under {@code dir} (recursively) that contain {@code needle}. */
  public static List<Path> in(Path dir, byte[] needle) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).filter(p -> contains(p, needle)).toList();
    }
  }

  private static boolean contains(Path file, byte[] needle) {
    byte[] haystack;
    try {
      haystack = Files.readAllBytes(file);
    } catch (IOException e) {
      // A file RocksDB deleted meanwhile holds nothing any more.
      if (!Files.exists(file)) {
        return false;
      }
      throw new UncheckedIOException(e);
    }
    return contains(haystack, needle);
  }

  /** Whether {@code needle} occurs in {@code haystack}. */
  public static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
