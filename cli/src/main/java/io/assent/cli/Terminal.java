package io.assent.cli;

import java.io.Console;

/** Where the CLI asks for secrets: the user's terminal, or a stand-in in tests. */
public interface Terminal {

  /**
   * Prints {@code prompt} and reads a line without echoing it.
   *
   * @return the secret, or {@code null} if there is no interactive terminal or input ended
   */
  char[] readSecret(String prompt);

  /**
   * The process's console, only when it is a real terminal: never read a secret from a pipe, and
   * never print a prompt into output that a script parses.
   */
  static Terminal system() {
    return prompt -> {
      Console console = System.console();
      return console == null || !isTerminal(console) ? null : console.readPassword("%s", prompt);
    };
  }

  /**
   * {@code Console.isTerminal()} (JDK 22+), where JDKs 22 to 24 return a console for pipes too; on
   * JDK 21 a console exists only for a terminal.
   */
  private static boolean isTerminal(Console console) {
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
