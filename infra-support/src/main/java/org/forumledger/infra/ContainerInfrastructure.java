package org.forumledger.infra;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** The broker ({@code apache/kafka}, KRaft) and PostgreSQL from Testcontainers. */
public final class ContainerInfrastructure implements LedgerInfrastructure {

  private final KafkaContainer kafka;
  private final PostgreSQLContainer postgres;

  private ContainerInfrastructure(KafkaContainer kafka, PostgreSQLContainer postgres) {
    this.kafka = kafka;
    this.postgres = postgres;
  }

  static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  public static ContainerInfrastructure start() {
    KafkaContainer kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:4.1.1"));
    PostgreSQLContainer postgres = new PostgreSQLContainer(DockerImageName.parse("postgres:17"));
    kafka.start();
    postgres.start();
    return new ContainerInfrastructure(kafka, postgres);
  }

  @Override
  public String kafkaBootstrapServers() {
    return kafka.getBootstrapServers();
  }

  @Override
  public String jdbcUrl() {
    return postgres.getJdbcUrl();
  }

  @Override
  public String dbUsername() {
    return postgres.getUsername();
  }

  @Override
  public String dbPassword() {
    return postgres.getPassword();
  }

  /** Pausing keeps the mapped port, so clients reconnect to the same address afterwards. */
  @Override
  public void stopKafka() {
    kafka.getDockerClient().pauseContainerCmd(kafka.getContainerId()).exec();
  }

  @Override
  public void startKafka() {
    kafka.getDockerClient().unpauseContainerCmd(kafka.getContainerId()).exec();
  }

  @Override
  public void close() {
    kafka.stop();
    postgres.stop();
  }
}
