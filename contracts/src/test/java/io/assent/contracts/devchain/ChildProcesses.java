package io.assent.contracts.devchain;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The long-running processes a test or benchmark JVM starts (dev chains, nodes): none may outlive
 * the JVM that owns it. If the JVM exits while one still runs (SIGTERM, Ctrl-C, {@code
 * System.exit}, an exception past a benchmark's {@code try}), a shutdown hook stops it. A SIGKILL
 * of the JVM runs no hook: for that, a small watcher process ({@link #REAPER_SCRIPT}) reads the
 * list of live processes from a pipe whose other end only this JVM holds, and stops them when the
 * pipe closes, which the kernel does however the JVM ends. Whoever stops a process itself calls
 * {@link #forget}.
 */
public final class ChildProcesses {
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  /**
   * Reads {@code + PID START} (watch) and {@code - PID} (forget) lines until end of input, then
   * sends SIGTERM to each watched process that still runs, and SIGKILL to any still running 5 s
   * later. START is the process's start time (field 22 of {@code /proc/PID/stat}), so that a PID
   * the kernel has since given to another process is left alone.
   */
  static final String REAPER_SCRIPT =
      """
      watched=""
      while read -r op pid start; do
        case "$op" in
          +) watched="$watched $pid:$start" ;;
          -) kept=""; for e in $watched; do [ "${e%%:*}" = "$pid" ] || kept="$kept $e"; done
             watched="$kept" ;;
        esac
      done
      runs() { [ "$(sed 's/^.*) //' "/proc/${1%%:*}/stat" 2>/dev/null | cut -d' ' -f20)" = "${1#*:}" ]; }
      for e in $watched; do runs "$e" && kill -TERM "${e%%:*}" 2>/dev/null; done
      i=0
      while [ $i -lt 50 ]; do
        left=""; for e in $watched; do runs "$e" && left="$left $e"; done
        [ -z "$left" ] && exit 0
        sleep 0.1; i=$((i + 1))
      done
      for e in $left; do runs "$e" && kill -KILL "${e%%:*}" 2>/dev/null; done
      exit 0
      """;

  private static final Optional<OutputStream> REAPER = startReaper();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::stopAll, "stop-children"));
  }

  private ChildProcesses() {}

  /** Stops {@code process} when this JVM exits, unless it was {@link #forget forgotten}. */
  public static Process stopOnExit(Process process) {
    LIVE.add(process);
    startTime(process.pid()).ifPresent(start -> tell("+ " + process.pid() + " " + start));
    return process;
  }

  /** The owner stopped {@code process} (or is about to): the hook leaves it alone. */
  public static void forget(Process process) {
    LIVE.remove(process);
    tell("- " + process.pid());
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

  /**
   * The watcher's input, or empty where it cannot run (no {@code /proc}, no {@code sh}): then only
   * the shutdown hook stops what is left. Its output is discarded; it exits on its own once this
   * JVM has ended and the processes are stopped.
   */
  private static Optional<OutputStream> startReaper() {
    if (!Files.isReadable(Path.of("/proc/self/stat"))) {
      return Optional.empty();
    }
    try {
      Process reaper =
          new ProcessBuilder("sh", "-c", REAPER_SCRIPT)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      return Optional.of(reaper.getOutputStream());
    } catch (IOException e) {
      System.err.println("ChildProcesses: no watcher for a SIGKILL of this JVM: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static void tell(String line) {
    REAPER.ifPresent(
        in -> {
          synchronized (in) {
            try {
              in.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
              in.flush();
            } catch (IOException e) {
              // the watcher is gone; the shutdown hook still covers every exit but SIGKILL
            }
          }
        });
  }

  /** Field 22 of {@code /proc/PID/stat}: when the process started, in clock ticks since boot. */
  static Optional<String> startTime(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(") ") + 2).split(" ");
      return Optional.of(fields[19]);
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // exited already, or no /proc
    }
  }
}
