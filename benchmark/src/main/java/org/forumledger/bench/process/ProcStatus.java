package org.forumledger.bench.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What Linux says of one process: its name, resident set now (VmRSS) and at its peak (VmHWM), its
 * proportional share of pages shared with others (Pss, so the database's shared buffers count
 * once), the CPU it has used and its command line (a PostgreSQL backend's names its user and
 * database).
 */
public record ProcStatus(
    long pid, String name, long rssKb, long hwmKb, Long pssKb, long cpuTicks, String commandLine) {

  /** Clock ticks per second of /proc/[pid]/stat: 100 on every Linux the project runs on. */
  public static final double TICKS_PER_SECOND = 100.0;

  public static Optional<ProcStatus> read(long pid) {
    Path dir = Path.of("/proc", String.valueOf(pid));
    try {
      String status = Files.readString(dir.resolve("status"));
      String stat = Files.readString(dir.resolve("stat"));
      String commandLine =
          new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8)
              .replace('\0', ' ')
              .strip();
      Long pss = null;
      Path rollup = dir.resolve("smaps_rollup");
      if (Files.isReadable(rollup)) {
        pss = kilobytes(Files.readString(rollup), "Pss:");
      }
      Long rss = kilobytes(status, "VmRSS:");
      Long hwm = kilobytes(status, "VmHWM:");
      if (rss == null) {
        return Optional.empty(); // a zombie: no memory left to count
      }
      return Optional.of(
          new ProcStatus(
              pid,
              field(status, "Name:"),
              rss,
              hwm == null ? rss : hwm,
              pss,
              cpuTicks(stat),
              commandLine));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // the process ended between listing and reading
    }
  }

  /** The value in kB of a line like {@code VmRSS: 123456 kB}, or null when absent. */
  static Long kilobytes(String text, String key) {
    String value = field(text, key);
    if (value == null) {
      return null;
    }
    return Long.parseLong(value.replace("kB", "").strip());
  }

  static String field(String text, String key) {
    for (String line : text.split("\n")) {
      if (line.startsWith(key)) {
        return line.substring(key.length()).strip();
      }
    }
    return null;
  }

  /** utime + stime of /proc/[pid]/stat; the name in parentheses may itself hold spaces. */
  static long cpuTicks(String stat) {
    String afterName = stat.substring(stat.lastIndexOf(')') + 2);
    String[] fields = afterName.split(" ");
    // after the name: state is field 3 of the line, utime 14 and stime 15
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }
}
