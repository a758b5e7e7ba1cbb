package org.forumledger.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An in-JVM KRaft broker and an embedded PostgreSQL, with their data under one directory. */
public final class EmbeddedInfrastructure implements LedgerInfrastructure {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

  private final KraftBroker broker;
  private final EmbeddedPostgresServer postgres;

  private EmbeddedInfrastructure(KraftBroker broker, EmbeddedPostgresServer postgres) {
    this.broker = broker;
    this.postgres = postgres;
  }

  /**
   * Starts PostgreSQL (a server process of its own, whose first start runs initdb) while the broker
   * starts in this JVM, as neither needs the other; either failing stops the other.
   */
  public static EmbeddedInfrastructure start(
      Path dataDir, int kafkaPort, int controllerPort, int postgresPort) {
    CompletableFuture<EmbeddedPostgresServer> postgres =
        CompletableFuture.supplyAsync(
            () -> EmbeddedPostgresServer.start(postgresPort, dataDir.resolve("postgres")),
            runnable -> {
              Thread thread = new Thread(runnable, "embedded-postgres-start");
              thread.setDaemon(true);
              thread.start();
            });
    KraftBroker broker = new KraftBroker(kafkaPort, controllerPort, dataDir.resolve("kafka"));
    try {
      broker.start();
    } catch (RuntimeException brokerFailed) {
      try {
        join(postgres).close();
      } catch (RuntimeException postgresFailedToo) {
        brokerFailed.addSuppressed(postgresFailedToo);
      }
      throw brokerFailed;
    }
    try {
      return new EmbeddedInfrastructure(broker, join(postgres));
    } catch (RuntimeException postgresFailed) {
      broker.close();
      throw postgresFailed;
    }
  }

  private static EmbeddedPostgresServer join(CompletableFuture<EmbeddedPostgresServer> start) {
    try {
      return start.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /**
   * On random free ports, with data in a fresh temporary directory. A port the system called free
   * can be taken by another process before it is bound (CI saw it once); then the start is tried
   * again on other ports.
   */
  public static EmbeddedInfrastructure startTemporary() {
    for (int attempt = 1; ; attempt++) {
      try {
        Path dir = Files.createTempDirectory("forum-ledger-");
        return start(dir, FreePorts.next(), FreePorts.next(), FreePorts.next());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (RuntimeException e) {
        if (attempt == PORT_ATTEMPTS || !portTaken(e)) {
          throw e;
        }
        log.warn("A port was taken before it could be bound; starting again on other ports", e);
      }
    }
  }

  private static final int PORT_ATTEMPTS = 3;

  private static boolean portTaken(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String kafkaBootstrapServers() {
    return broker.bootstrapServers();
  }

  @Override
  public String jdbcUrl() {
    return postgres.jdbcUrl();
  }

  @Override
  public String dbUsername() {
    return "postgres";
  }

  @Override
  public String dbPassword() {
    return "postgres";
  }

  @Override
  public void stopKafka() {
    broker.stop();
  }

  @Override
  public void startKafka() {
    broker.start();
  }

  @Override
  public void stopPostgres() {
    postgres.stop();
  }

  @Override
  public void startPostgres() {
    postgres.startAgain();
  }

  @Override
  public void close() {
    try {
      broker.close();
    } finally {
      postgres.close();
    }
  }
}
