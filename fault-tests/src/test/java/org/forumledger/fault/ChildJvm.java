package org.forumledger.fault;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A service run from its executable jar as a process of its own, with a modest heap, that a test
 * can kill with SIGKILL and start again with the same environment. Its output goes to a log file
 * per start under {@code target/fault-logs}.
 */
final class ChildJvm implements AutoCloseable {

  private static final Path LOGS = Path.of("target", "fault-logs");
  private static final Pattern EXCEPTION =
      Pattern.compile("(Caused by: )?[a-z][\\w.]*\\.[A-Z]\\w*(Exception|Error)\\b");

  private final String name;
  private final Path jar;
  private final Map<String, String> env;
  private final List<Path> logs = new ArrayList<>();
  private Process process;

  ChildJvm(String name, Path jar, Map<String, String> env) {
    this.name = name;
    this.jar = jar;
    this.env = env;
  }

  /** The repackaged jar ({@code *-exec.jar}) the reactor built in a sibling module's target. */
  static Path execJar(String module) {
    Path target = Path.of("..", module, "target").toAbsolutePath().normalize();
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith("-exec.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("No *-exec.jar in " + target));
    } catch (IOException e) {
      throw new UncheckedIOException("No " + target + ": build " + module + " first", e);
    }
  }

  synchronized ChildJvm start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is running already");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xmx384m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Daxoniq.update-checker.disabled=true",
            "-jar",
            jar.toString()));
    ProcessBuilder builder = new ProcessBuilder(command);
    // nothing of the caller's own stack may leak in: its ports, its database, its passwords
    builder.environment().keySet().removeIf(n -> n.startsWith("LEDGER_") || n.endsWith("_PORT"));
    builder.environment().putAll(env);
    try {
      Files.createDirectories(LOGS);
      Path log = LOGS.resolve(name + "-" + (logs.size() + 1) + ".log").toAbsolutePath();
      logs.add(log);
      File file = log.toFile();
      builder.redirectErrorStream(true).redirectOutput(file);
      process = builder.start();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name, e);
    }
  }

  synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  synchronized long pid() {
    return process.pid();
  }

  /** SIGKILL (what {@link Process#destroyForcibly()} sends on Linux), then waits for the end. */
  synchronized int kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " survived SIGKILL");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Where to look when it failed: the log of its latest start. */
  synchronized String describe() {
    return name + " (log " + (logs.isEmpty() ? "none" : logs.get(logs.size() - 1)) + ")";
  }

  /**
   * The distinct exceptions its latest log names (the lines that start a stack trace), for a
   * failure message: CI keeps the test's output, not the child's log.
   */
  synchronized String exceptionsLogged() {
    if (logs.isEmpty()) {
      return "no log";
    }
    try (Stream<String> lines = Files.lines(logs.get(logs.size() - 1))) {
      List<String> exceptions =
          lines.filter(line -> EXCEPTION.matcher(line).lookingAt()).distinct().limit(8).toList();
      return exceptions.isEmpty()
          ? "no exception in " + describe()
          : describe() + " logged:\n  " + String.join("\n  ", exceptions);
    } catch (IOException | UncheckedIOException e) {
      return "unreadable log " + describe() + ": " + e;
    }
  }

  /** SIGTERM, like Ctrl-C; SIGKILL only if it has not stopped within a minute. */
  @Override
  public synchronized void close() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
