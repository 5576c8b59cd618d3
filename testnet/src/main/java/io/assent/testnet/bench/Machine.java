package io.assent.testnet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The facts a benchmark figure is meaningless without: when, on what, and how busy. */
final class Machine {
  private Machine() {}

  /** One markdown paragraph: date (UTC), CPU model, cores, load average, Java version. */
  static String describe() {
    return "Date: %s UTC. CPU: %s, %d cores. Load average before the run: %s. Java %s (%s)."
        .formatted(
            ZonedDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
            cpuModel(),
            Runtime.getRuntime().availableProcessors(),
            loadAverage(),
            System.getProperty("java.version"),
            System.getProperty("java.vm.name"));
  }

  private static String cpuModel() {
    return lines(Path.of("/proc/cpuinfo")).stream()
        .filter(line -> line.startsWith("model name"))
        .map(line -> line.substring(line.indexOf(':') + 1).trim())
        .findFirst()
        .orElse("unknown");
  }

  private static String loadAverage() {
    List<String> lines = lines(Path.of("/proc/loadavg"));
    if (lines.isEmpty()) {
      return "unknown";
    }
    String[] fields = lines.get(0).split(" ");
    return fields.length >= 3 ? String.join(" ", fields[0], fields[1], fields[2]) : "unknown";
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      return List.of();
    }
  }
}
