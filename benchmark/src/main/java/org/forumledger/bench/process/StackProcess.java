package org.forumledger.bench.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.forumledger.bench.http.Http;
import org.forumledger.bench.http.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stack started by the benchmark as a process of its own, on free ports with a fresh data
 * directory, so a run never meets the data or the ports of a stack someone else runs. Stopped with
 * SIGTERM by its pid, like Ctrl-C: the stack then stops its services, broker and database itself.
 */
public final class StackProcess implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StackProcess.class);

  /** Entries in the 2023 inventory's appendix: the stack's first start imports all of them. */
  public static final int INVENTORY_FORUMS = 108;

  private static final String INVENTORY_MARKER = "inventory-2023.loaded";

  /** Started and taking requests: Spring Boot's readiness state, which the inventory is not in. */
  private static final String READINESS = "/actuator/health/readiness";

  /** Every component, the first start's inventory among them in the local stack. */
  private static final String HEALTH = "/actuator/health";

  private final Process process;
  private final long startedNanos;
  private final Path dataDir;
  private final Path logFile;
  private final String javaOptions;
  private final StackEndpoints endpoints;

  private StackProcess(
      Process process,
      long startedNanos,
      Path dataDir,
      Path logFile,
      String javaOptions,
      StackEndpoints endpoints) {
    this.process = process;
    this.startedNanos = startedNanos;
    this.dataDir = dataDir;
    this.logFile = logFile;
    this.javaOptions = javaOptions;
    this.endpoints = endpoints;
  }

  public static StackProcess start(Path jar, List<String> javaOptions, Path logFile) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(
          "No stack jar at " + jar + ": build it first (./mvnw -q -DskipTests package)");
    }
    try {
      Path dataDir = Files.createTempDirectory("ledger-bench-");
      List<Integer> ports = FreePorts.take(6);
      int registry = ports.get(0);
      int cost = ports.get(1);
      int reporting = ports.get(2);
      int kafka = ports.get(3);
      int controller = ports.get(4);
      int postgres = ports.get(5);

      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(javaOptions);
      command.add("-jar");
      command.add(jar.toAbsolutePath().toString());
      ProcessBuilder builder = new ProcessBuilder(command);
      Map<String, String> env = builder.environment();
      // nothing of the caller's own stack may leak in: its ports, its database, its passwords
      env.keySet().removeIf(name -> name.startsWith("LEDGER_") || name.endsWith("_PORT"));
      env.put("LEDGER_DATA_DIR", dataDir.toString());
      env.put("REGISTRY_PORT", String.valueOf(registry));
      env.put("COST_PORT", String.valueOf(cost));
      env.put("REPORTING_PORT", String.valueOf(reporting));
      env.put("LEDGER_KAFKA_PORT", String.valueOf(kafka));
      env.put("LEDGER_KAFKA_CONTROLLER_PORT", String.valueOf(controller));
      env.put("LEDGER_POSTGRES_PORT", String.valueOf(postgres));
      env.put("LEDGER_COST_URL", "http://localhost:" + cost);
      Files.createDirectories(logFile.toAbsolutePath().getParent());
      builder.redirectErrorStream(true).redirectOutput(logFile.toFile());

      log.info("Starting the stack: {} (data {}, log {})", command, dataDir, logFile);
      long startedNanos = System.nanoTime();
      Process process = builder.start();
      StackEndpoints endpoints =
          new StackEndpoints(
              "http://localhost:" + registry,
              "http://localhost:" + cost,
              "http://localhost:" + reporting,
              "localhost:" + kafka,
              "jdbc:postgresql://localhost:" + postgres + "/postgres",
              "postgres",
              "postgres",
              null,
              dataDir.resolve("signing"));
      return new StackProcess(
          process, startedNanos, dataDir, logFile, String.join(" ", javaOptions), endpoints);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the stack", e);
    }
  }

  public long pid() {
    return process.pid();
  }

  /** The stack's JVM and its database's processes, found by the data directory only it uses. */
  public ProcessFamily family() {
    return new ProcessFamily(process.toHandle(), dataDir.resolve("postgres").toString());
  }

  /** The endpoints, with the passwords the stack generated at its first start. */
  public StackEndpoints endpoints() {
    Users users = Users.from(dataDir.resolve("credentials.properties"), Map.of());
    return new StackEndpoints(
        endpoints.registryUrl(),
        endpoints.costUrl(),
        endpoints.reportingUrl(),
        endpoints.kafkaBootstrapServers(),
        endpoints.jdbcUrl(),
        endpoints.dbUser(),
        endpoints.dbPassword(),
        users,
        endpoints.signingKeyDir());
  }

  /**
   * Waits for the three services to answer UP, then for the first-start import to finish and its
   * forums to reach the reporting service.
   */
  public StartupResult awaitStarted(Http http, Duration timeout) {
    long deadline = startedNanos + timeout.toNanos();
    Double[] ready = new Double[3];
    Double[] healthy = new Double[3];
    List<String> urls =
        List.of(endpoints.registryUrl(), endpoints.costUrl(), endpoints.reportingUrl());
    while (Arrays.asList(healthy).contains(null)) {
      requireAlive(deadline, "the services to answer UP");
      for (int i = 0; i < urls.size(); i++) {
        ready[i] = ready[i] != null ? ready[i] : upSince(http, urls.get(i) + READINESS);
        healthy[i] = healthy[i] != null ? healthy[i] : upSince(http, urls.get(i) + HEALTH);
        ready[i] = ready[i] != null ? ready[i] : healthy[i];
      }
      pause();
    }
    double servicesReady = Collections.max(Arrays.asList(ready));
    double allHealthy = Collections.max(Arrays.asList(healthy));
    log.info(
        "All three services up {} s and healthy {} s after the start",
        String.format("%.1f", servicesReady),
        String.format("%.1f", allHealthy));

    String viewer = endpoints().users().viewerAuth();
    Double importDone = null;
    Double forumsVisible = null;
    int forums = 0;
    while (importDone == null || forumsVisible == null) {
      if (System.nanoTime() > deadline) {
        log.warn("The inventory import did not finish within {}", timeout);
        break;
      }
      requireAlive(deadline, "the inventory import");
      if (importDone == null && Files.exists(dataDir.resolve(INVENTORY_MARKER))) {
        importDone = secondsSinceStart();
      }
      if (forumsVisible == null) {
        forums = forumCount(http, viewer);
        if (forums >= INVENTORY_FORUMS) {
          forumsVisible = secondsSinceStart();
        }
      }
      pause();
    }
    return new StartupResult(
        javaOptions,
        servicesReady,
        healthy[0],
        healthy[1],
        healthy[2],
        allHealthy,
        importDone,
        importDone == null ? null : importDone - allHealthy,
        forumsVisible,
        forums);
  }

  private Double upSince(Http http, String url) {
    try {
      Http.Answer answer = http.get(url, null);
      return answer.ok() && answer.body().contains("\"UP\"") ? secondsSinceStart() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private int forumCount(Http http, String viewer) {
    try {
      Http.Answer answer = http.getWhole(endpoints.reportingUrl() + "/forums", viewer);
      return answer.ok() ? answer.json().path("count").asInt() : 0;
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private double secondsSinceStart() {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  private void requireAlive(long deadline, String waitingFor) {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "The stack exited (code "
              + process.exitValue()
              + ") waiting for "
              + waitingFor
              + "; see "
              + logFile);
    }
    if (System.nanoTime() > deadline) {
      throw new IllegalStateException("Timed out waiting for " + waitingFor + "; see " + logFile);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  /**
   * SIGTERM to the stack, then a minute for it to stop its services, broker and database. Only if
   * it does not, SIGKILL to it; then SIGTERM to any of its processes still alive (its database).
   */
  @Override
  public synchronized void close() {
    List<ProcessHandle> family = family().members();
    if (process.isAlive()) {
      log.info("Stopping the stack (pid {}) with SIGTERM", process.pid());
      process.destroy();
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          log.warn("The stack did not stop within 60 s; killing pid {}", process.pid());
          process.destroyForcibly();
          process.waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    family.addAll(family().databases());
    for (ProcessHandle left : family) {
      if (left.isAlive() && !awaitExit(left, Duration.ofSeconds(10))) {
        log.warn("Stopping pid {}, which the stack left behind", left.pid());
        left.destroy();
        awaitExit(left, Duration.ofSeconds(30));
      }
    }
    deleteDataDir();
  }

  private static boolean awaitExit(ProcessHandle process, Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (Exception e) {
      return !process.isAlive();
    }
  }

  private void deleteDataDir() {
    try (Stream<Path> paths = Files.walk(dataDir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      log.warn("Could not delete {}: {}", dataDir, e.toString());
    }
  }
}
