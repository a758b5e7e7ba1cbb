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
      postgres =
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
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start embedded PostgreSQL on port " + port, e);
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
