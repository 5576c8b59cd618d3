package io.assent.cli.key;

import io.assent.cli.CliContext;
import io.assent.cli.CliException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Predicate;
import picocli.CommandLine.Option;

/**
 * Where a key password comes from. Never a plain argument (it would show in {@code ps}): a file, an
 * environment variable, or the terminal. A flag the user typed wins over one that came from a
 * default; among equals the file wins; the terminal is the last resort.
 */
public final class PasswordOptions {

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description = "Read the password from the first line of FILE ('-': stdin) (setting).")
  Path file;

  @Option(
      names = "--password-env",
      paramLabel = "VAR",
      description =
          "Read the password from environment variable VAR (setting; default:"
              + " ASSENT_PASSWORD if set).")
  String env;

  /**
   * The password.
   *
   * @param typed whether the user typed an option (vs. a default)
   * @param prompt what to ask on the terminal, e.g. {@code "Password for alice: "}
   * @param confirm for a new password: ask twice on the terminal, and refuse an empty one
   */
  public String read(CliContext context, Predicate<String> typed, String prompt, boolean confirm) {
    String password;
    if (file != null && (typed.test("--password-file") || !typed.test("--password-env"))) {
      password = Secrets.firstLine(context, file, "password file", "noPassword");
    } else if (env != null) {
      password = context.env().get(env);
      if (password == null) {
        throw new CliException(
            "noPassword", "environment variable " + env + " (--password-env) is not set");
      }
    } else {
      password = prompt(context, prompt, confirm);
    }
    if (confirm && password.isEmpty()) {
      throw new CliException("badPassword", "the password must not be empty");
    }
    return password;
  }

  private static String prompt(CliContext context, String prompt, boolean confirm) {
    char[] first = context.terminal().readSecret(prompt);
    if (first == null) {
      throw new CliException(
          "noPassword",
          "no password: no terminal to ask on; use --password-file FILE or --password-env VAR");
    }
    try {
      if (confirm) {
        char[] second = context.terminal().readSecret("Repeat the password: ");
        try {
          if (second == null || !Arrays.equals(first, second)) {
            throw new CliException("badPassword", "the passwords do not match");
          }
        } finally {
          if (second != null) {
            Arrays.fill(second, '\0');
          }
        }
      }
      return new String(first);
    } finally {
      Arrays.fill(first, '\0');
    }
  }
}
