package io.assent.cli;

/** Where the CLI asks for secrets: the user's terminal, or a stand-in in tests. */
public interface Terminal {

  /**
   * Prints {@code prompt} and reads a line without echoing it.
   *
   * @return the secret, or {@code null} if there is no interactive terminal or input ended
   */
  char[] readSecret(String prompt);

  /** The process's console ({@link System#console()}); none when stdin or stdout is redirected. */
  static Terminal system() {
    return prompt -> {
      java.io.Console console = System.console();
      return console == null ? null : console.readPassword("%s", prompt);
    };
  }
}
