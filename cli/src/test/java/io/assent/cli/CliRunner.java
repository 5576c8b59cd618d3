package io.assent.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs {@code assent} in-process with a scratch home directory, a given environment, stdin and
 * terminal answers, capturing stdout and stderr.
 */
public final class CliRunner {

  /** What one run printed and returned. */
  public record Result(int exitCode, String out, String err) {
    /** The stderr lines. */
    public List<String> errLines() {
      return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
    }
  }

  private final Path home;
  private final Map<String, String> env = new HashMap<>();
  private final Deque<String> terminalAnswers = new ArrayDeque<>();
  private final List<String> prompts = new java.util.ArrayList<>();
  private boolean interactive = true;
  private String stdin = "";

  public CliRunner(Path home) {
    this.home = home;
  }

  public Path home() {
    return home;
  }

  public CliRunner env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** Answers the next terminal prompts, in order. */
  public CliRunner answers(String... answers) {
    terminalAnswers.addAll(List.of(answers));
    return this;
  }

  /** No terminal at all (as when stdin is a pipe). */
  public CliRunner noTerminal() {
    interactive = false;
    return this;
  }

  public CliRunner stdin(String text) {
    stdin = text;
    return this;
  }

  /** The prompts shown so far. */
  public List<String> prompts() {
    return prompts;
  }

  public CliContext context(StringWriter out, StringWriter err) {
    Terminal terminal =
        prompt -> {
          prompts.add(prompt);
          if (!interactive || terminalAnswers.isEmpty()) {
            return null;
          }
          return terminalAnswers.poll().toCharArray();
        };
    return new CliContext(
        env,
        home,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintWriter(out, true),
        new PrintWriter(err, true),
        terminal);
  }

  /** The command line as {@code assent} builds it, for tests that only parse. */
  public CommandLine commandLine() {
    return AssentMain.commandLine(context(new StringWriter(), new StringWriter()));
  }

  public Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = AssentMain.commandLine(context(out, err)).execute(args);
    return new Result(exit, out.toString(), err.toString());
  }
}
