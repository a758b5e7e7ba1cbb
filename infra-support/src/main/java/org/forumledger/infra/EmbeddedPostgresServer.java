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
 * directory kept between starts.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static EmbeddedPostgresServer start(int port, Path dataDir) {
    try {
      Files.createDirectories(dataDir);
      stopLeftoverServer(dataDir);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setPort(port)
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setServerConfig("max_connections", "200")
              .setServerConfig("fsync", "on")
              // the embedded defaults trade durability for speed; a committed event must survive a
              // crash
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .start();
      log.info("PostgreSQL listening on port {} with data in {}", port, dataDir);
      return new EmbeddedPostgresServer(postgres);
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

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
  }

  public int port() {
    return postgres.getPort();
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
