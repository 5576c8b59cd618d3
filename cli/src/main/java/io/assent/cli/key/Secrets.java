package io.assent.cli.key;

import io.assent.cli.CliContext;
import io.assent.cli.CliException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Secrets read from a file or stdin ({@code -}): the first line, without its line ending. */
final class Secrets {

  private Secrets() {}

  /**
   * @param what names the secret in an error, e.g. "password file"
   * @param code the error code if it cannot be read
   */
  static String firstLine(CliContext context, Path file, String what, String code) {
    String text;
    try {
      text =
          file.toString().equals("-")
              ? new String(context.in().readAllBytes(), StandardCharsets.UTF_8)
              : Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException(code, "cannot read " + what + " " + file + ": " + e);
    }
    int end = text.indexOf('\n');
    String line = end < 0 ? text : text.substring(0, end);
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
