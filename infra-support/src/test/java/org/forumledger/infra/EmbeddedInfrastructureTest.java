package org.forumledger.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedInfrastructureTest {

  @TempDir Path dataDir;

  @Test
  void brokerAndDatabaseKeepTheirDataAcrossARestart() throws Exception {
    int kafkaPort = FreePorts.next();
    int controllerPort = FreePorts.next();
    int postgresPort = FreePorts.next();

    try (EmbeddedInfrastructure infra =
        EmbeddedInfrastructure.start(dataDir, kafkaPort, controllerPort, postgresPort)) {
      try (Admin admin = admin(infra)) {
        admin.createTopics(List.of(new NewTopic("t", 1, (short) 1))).all().get();
      }
      produce(infra, "before-restart");
      try (Connection db = DriverManager.getConnection(infra.jdbcUrl(), "postgres", "postgres")) {
        db.createStatement().execute("create table kept(v text); insert into kept values ('x')");
      }
    }

    try (EmbeddedInfrastructure infra =
        EmbeddedInfrastructure.start(dataDir, kafkaPort, controllerPort, postgresPort)) {
      infra.stopKafka();
      infra.startKafka();
      produce(infra, "after-restart");

      assertThat(consumeAll(infra)).containsExactly("before-restart", "after-restart");
      try (Connection db = DriverManager.getConnection(infra.jdbcUrl(), "postgres", "postgres");
          ResultSet rows = db.createStatement().executeQuery("select v from kept")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("x");
      }
    }
  }

  @Test
  void postgresStopsAndStartsOnTheSameAddressWithItsData() throws Exception {
    try (EmbeddedInfrastructure infra =
        EmbeddedInfrastructure.start(
            dataDir, FreePorts.next(), FreePorts.next(), FreePorts.next())) {
      Connection open = DriverManager.getConnection(infra.jdbcUrl(), "postgres", "postgres");
      open.createStatement().execute("create table kept(v text); insert into kept values ('y')");

      infra.stopPostgres();

      assertThatThrownBy(() -> open.createStatement().executeQuery("select 1"))
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> DriverManager.getConnection(infra.jdbcUrl(), "postgres", "postgres"))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .asString()
          .startsWith("08");

      infra.startPostgres();

      try (Connection db = DriverManager.getConnection(infra.jdbcUrl(), "postgres", "postgres");
          ResultSet rows = db.createStatement().executeQuery("select v from kept")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("y");
      }
      open.close();
    }
  }

  private static Admin admin(LedgerInfrastructure infra) {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()));
  }

  private static void produce(LedgerInfrastructure infra, String value) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>("t", "k", value)).get();
    }
  }

  private static List<String> consumeAll(LedgerInfrastructure infra) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "check");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of("t"));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (values.size() < 2 && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
      }
    }
    return values;
  }
}
