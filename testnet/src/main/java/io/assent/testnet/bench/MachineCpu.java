package io.assent.testnet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the whole machine's CPU went in a window, from Linux's {@code /proc/stat} (busy, idle,
 * waiting for IO, stolen by the hypervisor) and {@code /proc/PID/stat} of named processes (the dev
 * chain). A benchmark's own process CPU misses what the kernel does in its own threads for it (the
 * journal commits behind synced writes, block IO, interrupts) and what other processes take, and on
 * these 2 cores both compete with the node.
 */
final class MachineCpu {
  /** /proc/stat's first line: user nice system idle iowait irq softirq steal (ticks). */
  private final long[] cpu;

  private final Map<String, Long> processes;
  private final long nanos;

  private MachineCpu(long[] cpu, Map<String, Long> processes, long nanos) {
    this.cpu = cpu;
    this.processes = processes;
    this.nanos = nanos;
  }

  /** The machine's CPU times so far, and those of {@code pids} (by name); zeros where not Linux. */
  static MachineCpu snapshot(Map<String, Long> pids) {
    long[] cpu = new long[8];
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      for (int i = 0; i < cpu.length && i + 1 < fields.length; i++) {
        cpu[i] = Long.parseLong(fields[i + 1]);
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: zeros
    }
    Map<String, Long> processes = new LinkedHashMap<>();
    pids.forEach((name, pid) -> processes.put(name, processTicks(pid)));
    return new MachineCpu(cpu, processes, System.nanoTime());
  }

  private static long processTicks(long pid) {
    try {
      return ThreadCpu.cpuTicks(Files.readString(Path.of("/proc/" + pid + "/stat")));
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /**
   * Cores used on average since {@code before} (a core fully used for the whole window is 1.0).
   *
   * @param processes by name, as snapshotted
   */
  record Window(
      double busy, double idle, double ioWait, double steal, Map<String, Double> processes) {}

  Window since(MachineCpu before) {
    double seconds = (nanos - before.nanos) / 1e9;
    long[] d = new long[cpu.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = cpu[i] - before.cpu[i];
    }
    Map<String, Double> used = new LinkedHashMap<>();
    processes.forEach(
        (name, ticks) -> used.put(name, cores(ticks - before.processes.get(name), seconds)));
    return new Window(
        cores(d[0] + d[1] + d[2] + d[5] + d[6], seconds),
        cores(d[3], seconds),
        cores(d[4], seconds),
        cores(d[7], seconds),
        used);
  }

  private static double cores(long ticks, double seconds) {
    return ticks / ThreadCpu.TICKS_PER_SECOND / seconds;
  }
}
