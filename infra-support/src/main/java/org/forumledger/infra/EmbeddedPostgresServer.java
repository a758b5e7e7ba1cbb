package org.forumledger.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server from the binaries zonky publishes on Maven Central, with its data
 * directory kept between starts. It can be stopped and started again on the same port and data, as
 * an outage that the services must live through.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

  private final int port;
  private final Path dataDir;
  private EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(int port, Path dataDir) {
    this.port = port;
    this.dataDir = dataDir;
  }

  public static EmbeddedPostgresServer start(int port, Path dataDir) {
    EmbeddedPostgresServer server = new EmbeddedPostgresServer(port, dataDir);
    server.startAgain();
    return server;
  }

  /** Starts the server on its port and data directory; does nothing when it runs. */
  public synchronized void startAgain() {
    if (postgres != null) {
      return;
    }
    try {
      Files.createDirectories(dataDir);
      stopLeftoverServer(dataDir);
      postgres =
          EmbeddedPostgres.builder()
              .setPort(port)
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              // the services' pools open few (see their yml), but a test JVM keeps many Spring
              // contexts, each with a pool of its own, and the benchmark's raw JDBC baseline opens
              // 32; an unused slot costs a few kilobytes of shared memory
              .setServerConfig("max_connections", "200")
              // sized for a laptop: every backend maps the shared buffers, so its resident set
              // grows
              // by the buffers it touched (up to 128 MB each by default); the operating system's
              // page cache, not counted in any process, holds the rest
              .setServerConfig("shared_buffers", "32MB")
              .setServerConfig("work_mem", "4MB")
              .setServerConfig("maintenance_work_mem", "32MB")
              // no parallel query workers (processes of their own) on a machine of two cores
              .setServerConfig("max_parallel_workers_per_gather", "0")
              .setServerConfig("autovacuum_max_workers", "2")
              .setServerConfig("fsync", "on")
              // the embedded defaults trade durability for speed; a committed event must survive a
              // crash
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .start();
      log.info("PostgreSQL listening on port {} with data in {}", port, dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start embedded PostgreSQL on port " + port, e);
    }
  }

  /**
   * pg_ctl starts the server detached from this JVM, so a JVM killed with SIGKILL (no shutdown hook
   * runs) leaves its server running on the data directory, and the next start on that directory
   * fails. The server named by the directory's {@code postmaster.pid}, when it is alive, a postgres
   * and on this very directory, is stopped first: SIGTERM, then SIGKILL if it has not stopped
   * within a minute (the next start then recovers from the write-ahead log).
   */
  static void stopLeftoverServer(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    java.util.List<String> lines = Files.readAllLines(pidFile);
    if (lines.size() < 2 || !lines.get(0).strip().matches("\\d+")) {
      return;
    }
    Path ownDir = dataDir.toRealPath();
    Path named = Path.of(lines.get(1).strip());
    if (!Files.isDirectory(named) || !named.toRealPath().equals(ownDir)) {
      return;
    }
    java.util.Optional<ProcessHandle> leftover =
        ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
            .filter(ProcessHandle::isAlive)
            .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
    if (leftover.isEmpty()) {
      return;
    }
    ProcessHandle server = leftover.get();
    log.warn(
        "PostgreSQL (pid {}) is still running on {}, left by a process that did not stop it;"
            + " stopping it",
        server.pid(),
        dataDir);
    server.destroy();
    if (!awaitExit(server, java.time.Duration.ofMinutes(1))) {
      log.warn("PostgreSQL (pid {}) did not stop within a minute; killing it", server.pid());
      server.destroyForcibly();
      awaitExit(server, java.time.Duration.ofSeconds(30));
    }
  }

  private static boolean awaitExit(ProcessHandle process, java.time.Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  /**
   * Stops the server ({@code pg_ctl stop -m fast}: open connections are closed, new ones refused)
   * and keeps its data; does nothing when it is stopped.
   */
  public synchronized void stop() {
    if (postgres == null) {
      return;
    }
    try {
      postgres.close();
      log.info("PostgreSQL on port {} stopped", port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      postgres = null;
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/postgres";
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    stop();
  }
}
