package io.assent.testnet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of every thread of this process, Java or native (RocksDB's background threads, the JIT
 * compilers, the garbage collector), by thread name with digits folded ({@code api-3} counts as
 * {@code api-N}); read from Linux's {@code /proc/self/task}. A snapshot before and one after a
 * measured window give where the window's CPU went.
 */
final class ThreadCpu {
  /** Clock ticks per second of {@code /proc/<pid>/task/<tid>/stat}'s utime and stime (USER_HZ). */
  static final double TICKS_PER_SECOND = 100;

  private final Map<Long, String> names = new HashMap<>();
  private final Map<Long, Long> ticks = new HashMap<>();

  private ThreadCpu() {}

  /** The CPU time so far of each thread alive now (empty where /proc is not Linux's). */
  static ThreadCpu snapshot() {
    ThreadCpu snapshot = new ThreadCpu();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      tasks.forEach(snapshot::read);
    } catch (IOException e) {
      // not Linux: an empty snapshot
    }
    return snapshot;
  }

  private void read(Path task) {
    try {
      long tid = Long.parseLong(task.getFileName().toString());
      long cpu = cpuTicks(Files.readString(task.resolve("stat")));
      names.put(tid, Files.readString(task.resolve("comm")).trim().replaceAll("\\d+", "N"));
      ticks.put(tid, cpu);
    } catch (IOException | RuntimeException e) {
      // the thread ended while being read
    }
  }

  /**
   * User plus system CPU ticks in a {@code /proc/<pid>[/task/<tid>]/stat} line: "pid (comm) state
   * ppid ...", where comm may hold spaces and parentheses, so the fields are those after the last
   * ')'.
   */
  static long cpuTicks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /**
   * Seconds of CPU per thread-name group between {@code before} and this snapshot (threads that
   * ended in between are not counted), largest first.
   */
  Map<String, Double> since(ThreadCpu before) {
    Map<String, Double> seconds = new TreeMap<>();
    ticks.forEach(
        (tid, now) -> {
          long delta = now - before.ticks.getOrDefault(tid, 0L);
          if (delta > 0) {
            seconds.merge(names.get(tid), delta / TICKS_PER_SECOND, Double::sum);
          }
        });
    return seconds;
  }
}
