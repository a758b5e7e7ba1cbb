package org.forumledger.infra;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
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
    // a fixed host port, so that the database is at the same address after a stop and a start
    int postgresPort = FreePorts.next();
    PostgreSQLContainer postgres =
        new PostgreSQLContainer(DockerImageName.parse("postgres:17"))
            .withCreateContainerCmdModifier(
                cmd ->
                    cmd.getHostConfig()
                        .withPortBindings(
                            new PortBinding(
                                Ports.Binding.bindPort(postgresPort),
                                new ExposedPort(PostgreSQLContainer.POSTGRESQL_PORT))));
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

  /** A stopped container keeps its data volume; its fixed host port keeps the address. */
  @Override
  public void stopPostgres() {
    postgres.getDockerClient().stopContainerCmd(postgres.getContainerId()).exec();
  }

  @Override
  public void startPostgres() {
    postgres.getDockerClient().startContainerCmd(postgres.getContainerId()).exec();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      try (var connection = DriverManager.getConnection(jdbcUrl(), dbUsername(), dbPassword())) {
        return;
      } catch (SQLException notYet) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("PostgreSQL did not come back within 60 s", notYet);
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
  }

  @Override
  public void close() {
    kafka.stop();
    postgres.stop();
  }
}
