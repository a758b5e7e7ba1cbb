package org.forumledger.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The machine a run measured, and the commit it measured. */
public record Machine(
    int cores, long memoryMib, String cpu, String java, String os, String commit) {

  public static Machine detect() {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        memTotalKb(read("/proc/meminfo")) / 1024,
        field(read("/proc/cpuinfo"), "model name"),
        System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")",
        osName(),
        gitCommit());
  }

  static long memTotalKb(String meminfo) {
    String value = field(meminfo, "MemTotal");
    return value == null ? 0 : Long.parseLong(value.replace("kB", "").strip());
  }

  /** The value after the first {@code key:} line, or null. */
  static String field(String text, String key) {
    for (String line : text.split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().equals(key)) {
        return line.substring(colon + 1).strip();
      }
    }
    return null;
  }

  private static String osName() {
    String pretty = null;
    for (String line : read("/etc/os-release").split("\n")) {
      if (line.startsWith("PRETTY_NAME=")) {
        pretty = line.substring("PRETTY_NAME=".length()).replace("\"", "");
      }
    }
    String kernel = System.getProperty("os.name") + " " + System.getProperty("os.version");
    return (pretty == null ? "" : pretty + ", ") + kernel + " " + System.getProperty("os.arch");
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException e) {
      return "";
    }
  }

  /** {@code git rev-parse --short HEAD}, marked {@code +changes} when tracked files differ. */
  static String gitCommit() {
    String head = git("rev-parse", "--short", "HEAD");
    if (head == null || head.isBlank()) {
      return "unknown";
    }
    String changes = git("status", "--porcelain", "--untracked-files=no");
    return head.strip() + (changes == null || changes.isBlank() ? "" : "+changes");
  }

  private static String git(String... args) {
    try {
      String[] command = new String[args.length + 1];
      command[0] = "git";
      System.arraycopy(args, 0, command, 1, args.length);
      Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(git.getInputStream().readAllBytes());
      if (!git.waitFor(10, TimeUnit.SECONDS) || git.exitValue() != 0) {
        return null;
      }
      return out;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
