package io.assent.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Base of every leaf command: runs {@link #run} and turns any failure into the one-line error and
 * exit code 1, whether or not the {@link picocli.CommandLine} was built by {@link
 * AssentMain#commandLine}. A {@link ParameterException} (options that parse but do not fit
 * together) stays a usage error: exit code 2.
 */
public abstract class AssentCommand implements Callable<Integer> {

  @Spec protected CommandSpec spec;

  /** Does the work; returns the exit code (normally {@link ExitCode#OK}). */
  protected abstract int run(Output out) throws Exception;

  @Override
  public final Integer call() {
    Output out = output();
    try {
      return run(out);
    } catch (CliException e) {
      return out.fail(e);
    } catch (ParameterException e) {
      throw e; // a usage error found after parsing: picocli reports it as one (exit code 2)
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return out.fail("interrupted", "interrupted", e);
    } catch (Exception e) {
      return out.fail("internalError", "internal error: " + e, e);
    }
  }

  protected AssentMain root() {
    return (AssentMain) spec.root().userObject();
  }

  protected CliContext context() {
    return root().context();
  }

  protected Output output() {
    AssentMain root = root();
    CliContext context = root.context();
    return new Output(context.out(), context.err(), root.json(), root.verbose());
  }

  /** True if the user typed this option (as opposed to it coming from a default). */
  protected boolean typed(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }
}
