package io.assent.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Usage errors (picocli's parse errors, and commands given without a subcommand): one line, {@code
 * assent: <problem> (see 'assent <command> --help')}, exit code 2; with {@code --json} also {@code
 * {"error": {"code": "usage", ...}}} on stdout.
 */
final class UsageErrors implements IParameterExceptionHandler {

  private final CliContext context;

  UsageErrors(CliContext context) {
    this.context = context;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine failed = ex.getCommandLine();
    StringBuilder message = new StringBuilder(ex.getMessage());
    if (ex instanceof UnmatchedArgumentException unmatched) {
      List<String> suggestions = unmatched.getSuggestions();
      if (!suggestions.isEmpty()) {
        message.append("; did you mean ").append(String.join(" or ", suggestions)).append('?');
      }
    }
    message.append(" (see '").append(failed.getCommandSpec().qualifiedName()).append(" --help')");
    Output output = new Output(context.out(), context.err(), wantsJson(args), verbose(args));
    output.fail("usage", message.toString(), ex);
    return ExitCode.USAGE;
  }

  /** The parse failed, so the --json flag may not be set yet: look at the raw arguments. */
  private static boolean wantsJson(String[] args) {
    return hasFlag(args, "--json");
  }

  private static boolean verbose(String[] args) {
    return hasFlag(args, "--verbose") || hasFlag(args, "-v");
  }

  private static boolean hasFlag(String[] args, String flag) {
    for (String arg : args) {
      if (arg.equals("--")) {
        return false;
      }
      if (arg.equals(flag)) {
        return true;
      }
    }
    return false;
  }
}
