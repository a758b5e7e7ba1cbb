package org.forumledger.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An in-JVM KRaft broker and an embedded PostgreSQL, with their data under one directory. */
public final class EmbeddedInfrastructure implements LedgerInfrastructure {

  private final KraftBroker broker;
  private final EmbeddedPostgresServer postgres;

  private EmbeddedInfrastructure(KraftBroker broker, EmbeddedPostgresServer postgres) {
    this.broker = broker;
    this.postgres = postgres;
  }

  public static EmbeddedInfrastructure start(
      Path dataDir, int kafkaPort, int controllerPort, int postgresPort) {
    EmbeddedPostgresServer postgres =
        EmbeddedPostgresServer.start(postgresPort, dataDir.resolve("postgres"));
    KraftBroker broker = new KraftBroker(kafkaPort, controllerPort, dataDir.resolve("kafka"));
    try {
      broker.start();
    } catch (RuntimeException e) {
      postgres.close();
      throw e;
    }
    return new EmbeddedInfrastructure(broker, postgres);
  }

  /** On random free ports, with data in a fresh temporary directory. */
  public static EmbeddedInfrastructure startTemporary() {
    try {
      Path dir = Files.createTempDirectory("forum-ledger-");
      return start(dir, FreePorts.next(), FreePorts.next(), FreePorts.next());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
