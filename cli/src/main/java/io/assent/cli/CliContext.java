package io.assent.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything the CLI takes from its process: environment, home directory, standard streams and
 * terminal. Tests pass their own, so commands run in-process without touching the real ones.
 */
public record CliContext(
    Map<String, String> env,
    Path home,
    InputStream in,
    PrintWriter out,
    PrintWriter err,
    Terminal terminal) {

  public CliContext {
    env = Map.copyOf(env);
  }

  /**
   * The real process: {@link System#getenv()}, the home directory ({@code $HOME} like other
   * command-line tools, else {@code user.home}), stdio and the console.
   */
  public static CliContext system() {
    String home = System.getenv("HOME");
    return new CliContext(
        System.getenv(),
        Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home),
        System.in,
        new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8),
        Terminal.system());
  }

  /** Expands a leading {@code ~/} (or a lone {@code ~}) to the home directory. */
  public Path expandHome(String path) {
    if (path.equals("~")) {
      return home;
    }
    if (path.startsWith("~/")) {
      return home.resolve(path.substring(2));
    }
    return Path.of(path);
  }
}
