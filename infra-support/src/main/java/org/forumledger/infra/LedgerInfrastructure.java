package org.forumledger.infra;

/**
 * The Kafka broker and the PostgreSQL server the services run against. The same tests run on either
 * implementation: embedded in this JVM, or in containers where a Docker engine runs.
 */
public interface LedgerInfrastructure extends AutoCloseable {

  String kafkaBootstrapServers();

  String jdbcUrl();

  String dbUsername();

  String dbPassword();

  /** Takes the broker away (clients see it as down) without losing its data. */
  void stopKafka();

  /** Brings the broker back on the same address. */
  void startKafka();

  /**
   * Stops PostgreSQL: open connections are closed and new ones refused, as when the server goes
   * down. Its data is kept.
   */
  void stopPostgres();

  /** Starts PostgreSQL again on the same address with the same data; returns once it accepts. */
  void startPostgres();

  @Override
  void close();

  /**
   * Chooses by {@code LEDGER_TEST_INFRA} ({@code embedded}, {@code containers} or {@code auto}, the
   * default): containers when a Docker engine answers, embedded otherwise.
   */
  static LedgerInfrastructure forTests() {
    String choice = System.getenv().getOrDefault("LEDGER_TEST_INFRA", "auto");
    boolean containers =
        switch (choice) {
          case "containers" -> true;
          case "embedded" -> false;
          default -> ContainerInfrastructure.dockerAvailable();
        };
    return containers ? ContainerInfrastructure.start() : EmbeddedInfrastructure.startTemporary();
  }
}
