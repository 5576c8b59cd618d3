package io.assent.contracts.devchain;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The long-running processes a test or benchmark JVM starts (dev chains, nodes): if the JVM exits
 * while one still runs (SIGTERM, Ctrl-C, {@code System.exit}, an exception past a benchmark's
 * {@code try}), a shutdown hook stops it, so that none outlives the JVM that owns it. Whoever stops
 * a process itself calls {@link #forget}. A SIGKILL of the JVM runs no hook.
 */
public final class ChildProcesses {
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::stopAll, "stop-children"));
  }

  private ChildProcesses() {}

  /** Stops {@code process} when this JVM exits, unless it was {@link #forget forgotten}. */
  public static Process stopOnExit(Process process) {
    LIVE.add(process);
    return process;
  }

  /** The owner stopped {@code process} (or is about to): the hook leaves it alone. */
  public static void forget(Process process) {
    LIVE.remove(process);
  }

  /** SIGTERM to each, then SIGKILL to any still running after 5 seconds. */
  private static void stopAll() {
    LIVE.forEach(Process::destroy);
    for (Process process : LIVE) {
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
      }
    }
  }
}
