package org.forumledger.fault;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.forumledger.bench.http.Http;
import org.forumledger.bench.http.Users;
import org.forumledger.events.Topics;
import org.forumledger.infra.LedgerInfrastructure;

/** What the crash tests share: the wiring of a service process and the calls they wait on. */
final class Services {

  static final Users USERS = new Users("registrar-pw-crash", "auditor-pw-crash", "viewer-pw-crash");
  static final Http HTTP = new Http(Duration.ofMinutes(5));

  private Services() {}

  /** The environment a service needs to run against the test's broker and database. */
  static Map<String, String> wiring(LedgerInfrastructure infra, Path keyDir) {
    Map<String, String> env = new HashMap<>();
    env.put("LEDGER_KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
    env.put("LEDGER_DB_URL", infra.jdbcUrl());
    env.put("LEDGER_DB_USER", infra.dbUsername());
    env.put("LEDGER_DB_PASSWORD", infra.dbPassword());
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
    await("health UP of " + jvm.describe())
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              if (!jvm.isAlive()) {
                throw new IllegalStateException(jvm.describe() + " exited");
              }
              return healthStatus(baseUrl) == 200;
            });
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
}
