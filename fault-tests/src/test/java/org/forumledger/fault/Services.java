package org.forumledger.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;
import org.forumledger.bench.http.Http;
import org.forumledger.bench.http.Users;
import org.forumledger.events.EventJson;
import org.forumledger.events.Topics;
import org.forumledger.events.WireHeaders;
import org.forumledger.infra.LedgerInfrastructure;

/** What the crash tests share: the wiring of a service process and the calls they wait on. */
final class Services {

  static final Users USERS = new Users("registrar-pw-crash", "auditor-pw-crash", "viewer-pw-crash");
  static final Http HTTP = new Http(Duration.ofMinutes(5));

  private Services() {}

  /** The environment a service needs to run against the test's broker and database. */
  static Map<String, String> wiring(LedgerInfrastructure infra, Path keyDir) {
    return wiring(
        infra.kafkaBootstrapServers(),
        infra.jdbcUrl(),
        infra.dbUsername(),
        infra.dbPassword(),
        keyDir);
  }

  /** The same for a broker and a database of the test's own choosing. */
  static Map<String, String> wiring(
      String kafkaBootstrapServers,
      String jdbcUrl,
      String dbUsername,
      String dbPassword,
      Path keyDir) {
    Map<String, String> env = new HashMap<>();
    env.put("LEDGER_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
    env.put("LEDGER_DB_URL", jdbcUrl);
    env.put("LEDGER_DB_USER", dbUsername);
    env.put("LEDGER_DB_PASSWORD", dbPassword);
    env.put("LEDGER_REGISTRAR_PASSWORD", USERS.registrar());
    env.put("LEDGER_AUDITOR_PASSWORD", USERS.auditor());
    env.put("LEDGER_VIEWER_PASSWORD", USERS.viewer());
    env.put("LEDGER_SIGNING_KEY_DIR", keyDir.toString());
    env.put("LEDGER_VERIFICATION_KEY_DIR", keyDir.toString());
    env.put("LEDGER_DATA_DIR", keyDir.getParent().toString());
    return env;
  }

  /** The forum events' topic, as the services declare it, so records can be put there first. */
  static void createTopic(String bootstrapServers) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(props)) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(Topics.FORUM_EVENTS, Topics.FORUM_EVENTS_PARTITIONS, (short) 1)
                      .configs(Map.of("retention.ms", Topics.FORUM_EVENTS_RETENTION_MS))))
          .all()
          .get();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot create " + Topics.FORUM_EVENTS, e);
    }
  }

  static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String url(int port) {
    return "http://localhost:" + port;
  }

  /** Waits until the service answers health UP, failing at once if its process died. */
  static void awaitUp(ChildJvm jvm, String baseUrl) {
    explainingTimeout(
        jvm,
        () ->
            await("health UP of " + jvm.describe())
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200))
                .until(
                    () -> {
                      if (!jvm.isAlive()) {
                        throw new IllegalStateException(jvm.describe() + " exited");
                      }
                      return healthStatus(baseUrl) == 200;
                    }));
  }

  /** Runs a wait on a child process; a timeout names the exceptions the child logged. */
  static void explainingTimeout(ChildJvm jvm, Runnable wait) {
    try {
      wait.run();
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + "\n" + jvm.exceptionsLogged(), e);
    }
  }

  /** The status of {@code /actuator/health}, or -1 while nothing answers. */
  static int healthStatus(String baseUrl) {
    try {
      return HTTP.get(baseUrl + "/actuator/health", null).status();
    } catch (RuntimeException e) {
      return -1;
    }
  }

  /** {@code GET /chain/head}: the link and position a consumer holds, or null while it is away. */
  static JsonNode chainHead(String baseUrl) {
    try {
      Http.Answer answer = HTTP.get(baseUrl + "/chain/head", USERS.auditorAuth());
      return answer.ok() ? answer.json() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  static long position(String baseUrl) {
    JsonNode head = chainHead(baseUrl);
    return head == null ? -1 : head.path("position").asLong();
  }

  static JsonNode getJson(String url, String auth) {
    Http.Answer answer = HTTP.getWhole(url, auth);
    if (!answer.ok()) {
      throw new IllegalStateException(
          "GET " + url + " answered " + answer.status() + ": " + answer.snippet());
    }
    return answer.json();
  }

  /**
   * Registers a forum named after {@code reason} and {@code key} under that Idempotency-Key; the
   * new forum's id on a 2xx, null on any other answer or none.
   */
  static String registerForum(String url, String key, String reason) {
    String body =
        "{\"name\":\""
            + reason
            + " forum "
            + key
            + "\",\"area\":\"Regional utveckling\",\"kind\":\"NETWORK\",\"convener\":\"SKR\","
            + "\"effectiveDate\":\"2024-03-01\",\"reason\":\""
            + reason
            + " test\",\"decisionReference\":\"KS 2024-02-28 § 1\"}";
    Http.Answer answer = write("POST", url + "/forums", key, body);
    if (answer == null || !answer.ok()) {
      return null;
    }
    String location = answer.location().orElseThrow();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  /** A registrar's write under an Idempotency-Key: its answer, or null when none came. */
  static Http.Answer write(String method, String url, String key, String body) {
    try {
      return HTTP.send(method, url, USERS.registrarAuth(), body, Map.of("Idempotency-Key", key));
    } catch (RuntimeException e) {
      return null;
    }
  }

  static long count(Connection db, String sql) throws SQLException {
    try (ResultSet rs = db.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Every committed record of the forum events' topic, from its start to its end now. */
  static List<JsonNode> readTopic(String bootstrapServers) throws Exception {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<JsonNode> values = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (int p = 0; p < Topics.FORUM_EVENTS_PARTITIONS; p++) {
        partitions.add(new TopicPartition(Topics.FORUM_EVENTS, p));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          assertThat(record.headers().lastHeader(WireHeaders.EVENT_ID)).isNotNull();
          values.add(
              EventJson.mapper().readTree(new String(record.value(), StandardCharsets.UTF_8)));
        }
      }
    }
    return values;
  }
}
