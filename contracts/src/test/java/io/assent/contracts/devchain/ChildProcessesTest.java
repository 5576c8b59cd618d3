package io.assent.contracts.devchain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A JVM that exits without stopping what it started: a child JVM ({@link Parent}) starts a
 * long-running process, registers it, prints its PID, and then is stopped with SIGTERM or SIGKILL
 * or returns from main. The process must be gone after the JVM exits, and one the owner forgot must
 * not be touched.
 */
class ChildProcessesTest {

  @Test
  void sigtermOfTheJvmStopsItsChildren() throws Exception {
    assertStopsItsChildWhen(Process::destroy); // SIGTERM
  }

  @Test
  void sigkillOfTheJvmStopsItsChildren() throws Exception {
    // SIGKILL: no shutdown hook runs, only the watcher acts
    assertStopsItsChildWhen(Process::destroyForcibly);
  }

  /** A waiting parent JVM whose child runs; {@code end} ends the JVM; then the child must end. */
  private static void assertStopsItsChildWhen(Consumer<Process> end) throws Exception {
    Process parent = parent("wait", "track");
    long child = childPid(parent);
    assertTrue(running(child), "the child runs while its JVM does");
    end.accept(parent);
    assertTrue(parent.waitFor(30, TimeUnit.SECONDS));
    assertTrue(gone(child, Duration.ofSeconds(15)), "child " + child + " outlived its JVM");
  }

  @Test
  void theWatcherStopsOnlyAProcessWhoseStartTimeStillMatches() throws Exception {
    Process same = new ProcessBuilder("sleep", "600").start();
    Process reused = new ProcessBuilder("sleep", "600").start();
    try {
      Process watcher = new ProcessBuilder("sh", "-c", ChildProcesses.REAPER_SCRIPT).start();
      String start = ChildProcesses.startTime(same.pid()).orElseThrow();
      // The second as if its PID had been given to another process since it was watched.
      String lines = "+ %d %s%n+ %d 1%s%n".formatted(same.pid(), start, reused.pid(), start);
      try (var in = watcher.getOutputStream()) {
        in.write(lines.getBytes(StandardCharsets.US_ASCII));
      }
      assertTrue(watcher.waitFor(30, TimeUnit.SECONDS));
      assertTrue(gone(same.pid(), Duration.ofSeconds(15)), "the watched process still runs");
      assertTrue(running(reused.pid()), "a process with another start time was stopped");
    } finally {
      same.destroyForcibly();
      reused.destroyForcibly();
    }
  }

  @Test
  void aJvmThatReturnsFromMainStopsItsChildren() throws Exception {
    Process parent = parent("return", "track");
    long child = childPid(parent);
    assertTrue(parent.waitFor(30, TimeUnit.SECONDS));
    assertTrue(gone(child, Duration.ofSeconds(15)), "child " + child + " outlived its JVM");
  }

  @Test
  void aForgottenProcessIsLeftAlone() throws Exception {
    Process parent = parent("return", "forget");
    long child = childPid(parent);
    try {
      assertTrue(parent.waitFor(30, TimeUnit.SECONDS));
      assertFalse(gone(child, Duration.ofSeconds(2)), "a forgotten process was stopped");
    } finally {
      ProcessHandle.of(child).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  /** Starts {@link Parent} in a JVM of its own. */
  private static Process parent(String how, String registration) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Parent.class.getName(),
                how,
                registration))
        .redirectErrorStream(true)
        .start();
  }

  private static long childPid(Process parent) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("child ")) {
        return Long.parseLong(line.substring(6).trim());
      }
    }
    throw new IllegalStateException("the parent JVM printed no child PID");
  }

  /** Whether the process exists and is not a zombie (its exit not yet reaped counts as gone). */
  private static boolean running(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean gone(long pid, Duration within) throws InterruptedException {
    Instant deadline = Instant.now().plus(within);
    while (running(pid)) {
      if (Instant.now().isAfter(deadline)) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }

  /**
   * Runs in the child JVM: {@code [wait|return] [track|forget]}. Starts {@code sleep 600}, hands it
   * to {@link ChildProcesses} (and with {@code forget} takes it back), prints its PID, then waits
   * to be stopped or returns at once.
   */
  public static final class Parent {
    public static void main(String[] args) throws Exception {
      Process sleeper = ChildProcesses.stopOnExit(new ProcessBuilder("sleep", "600").start());
      if (args[1].equals("forget")) {
        ChildProcesses.forget(sleeper);
      }
      System.out.println("child " + sleeper.pid());
      System.out.flush();
      if (args[0].equals("wait")) {
        Thread.sleep(600_000);
      }
    }
  }
}
