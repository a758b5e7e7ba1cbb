package org.forumledger.reporting.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.forumledger.events.testing.ForumEvents.forum;
import static org.forumledger.reporting.support.Events.registered;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.forumledger.events.Body;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.Topics;
import org.forumledger.events.testing.EventStream;
import org.forumledger.events.testing.TestKeys;
import org.forumledger.reporting.ReportingServiceApplication;
import org.forumledger.reporting.support.Fixture;
import org.forumledger.reporting.support.ReportingStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.http.MediaType;

/**
 * Consumption against a real broker and database: the current view and totals, redelivery with no
 * second effect, unknown types skipped, poison dead-lettered without stopping the consumer, and the
 * HTTP error and security contract.
 */
@TestMethodOrder(MethodOrderer.Random.class)
class ConsumptionIT {

  private static ReportingStack stack;
  private static final EventStream events = new EventStream(100);
  private static List<EventEnvelope> inventory;

  @BeforeAll
  static void start() {
    stack = ReportingStack.start();
    inventory = Fixture.inventory2023(events);
    stack.publishAll(inventory);
    inventory.forEach(e -> stack.awaitHandled(e.metadata().eventId()));
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void totalsFollowTheSharedDefinitions() {
    JsonNode totals = stack.asViewer("/reports/totals?year=2023");

    assertThat(totals.get("year").asInt()).isEqualTo(2023);
    assertThat(totals.get("position").asLong()).isGreaterThanOrEqualTo(115);
    assertThat(totals.get("forumCount").asInt()).isEqualTo(Fixture.FORUMS_2023);
    assertThat(totals.get("annualFeeTotal").decimalValue()).isEqualByComparingTo(Fixture.FEES_2023);
    String raw =
        stack
            .http
            .get()
            .uri("/reports/totals?year=2023")
            .headers(h -> h.setBasicAuth("viewer", ReportingStack.VIEWER))
            .exchange()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(raw)
        .contains("\"annualFeeTotal\":87250.00,")
        .contains("\"otherCostTotal\":17250.50,");
    assertThat(totals.get("annualFeeTotalTkr").decimalValue()).isEqualByComparingTo("87.3");
    assertThat(totals.get("otherCostTotal").decimalValue())
        .isEqualByComparingTo(Fixture.OTHER_2023);
    assertThat(totals.get("notCalculatedCount").asInt()).isEqualTo(Fixture.NOT_CALCULATED_2023);
    assertThat(totals.get("byArea").findValuesAsText("area"))
        .containsExactly(Fixture.REGIONAL, Fixture.TRANSPORT, Fixture.INTERNATIONAL);
    JsonNode regional = totals.get("byArea").get(0);
    assertThat(regional.get("forumCount").asInt()).isEqualTo(2);
    assertThat(regional.get("annualFeeTotal").decimalValue()).isEqualByComparingTo("70000");
    assertThat(regional.get("notCalculatedCount").asInt()).isEqualTo(1);
  }

  @Test
  void currentViewShowsEachForumWithItsDetailsPeopleAndCosts() {
    JsonNode forum = stack.asViewer("/forums/string");
    assertThat(forum.get("name").asText()).isEqualTo("STRING");
    assertThat(forum.get("area").asText()).isEqualTo(Fixture.TRANSPORT);
    assertThat(forum.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(forum.get("fees").get(0).get("amountSek").decimalValue())
        .isEqualByComparingTo("17250.00");
    assertThat(forum.get("headcounts")).hasSize(2);
    String raw =
        stack
            .http
            .get()
            .uri("/forums/revast")
            .headers(h -> h.setBasicAuth("viewer", ReportingStack.VIEWER))
            .exchange()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(raw).contains("\"amountSek\":70000,").doesNotContain("E+");

    JsonNode all = stack.asViewer("/forums");
    assertThat(all.get("count").asInt()).isEqualTo(all.get("forums").size());
    assertThat(all.get("forums").findValuesAsText("inventoryReference"))
        .containsSubsequence("2.1.2", "2.1.3", "2.2.10", "2.14.6.1");
  }

  @Test
  void aRedeliveredEventHasNoSecondEffect() {
    double deadLetteredBefore = deadLettered();
    EventEnvelope registered =
        events.envelope(registered("dup", "9.1", "Future forum", "Z"), Fixture.T0, "2031-01-01");
    EventEnvelope marker =
        events.envelope(forum("dup").headcount(2031, Body.SLK).people(1, 1), Fixture.T0, null);
    // a redelivery is the record again, as the registry sealed it once
    byte[] sealed = stack.registry.seal(registered);
    for (int copy = 0; copy < 3; copy++) {
      var m = registered.metadata();
      stack.publishUnsealed(m.forumId(), sealed, m.eventType(), m.eventVersion(), m.eventId());
    }
    stack.publish(marker);
    stack.awaitHandled(marker.metadata().eventId());

    String id = registered.metadata().eventId();
    assertThat(count("select count(*) from event_log where event_id = ?", id)).isEqualTo(1);
    assertThat(count("select count(*) from audit_entry where event_id = ?", id)).isEqualTo(1);
    assertThat(count("select count(*) from applied_event where event_id = ?", id)).isEqualTo(1);
    assertThat(stack.asViewer("/forums/dup").get("lastSequence").asLong()).isEqualTo(1);
    assertThat(stack.asAuditor("/audit/verify").get("intact").asBoolean()).isTrue();
    assertThat(deadLettered()).isEqualTo(deadLetteredBefore);
  }

  /**
   * A second instance on the same database with a fresh consumer group receives every event again,
   * concurrently with the first: nothing is applied twice and the audit chain stays one chain.
   */
  @Test
  void theWholeTopicRedeliveredToASecondInstanceChangesNothing() {
    int logged = stack.jdbc.queryForObject("select count(*) from event_log", Integer.class);
    int audit = stack.jdbc.queryForObject("select count(*) from audit_entry", Integer.class);
    String totals = stack.asViewer("/reports/totals?year=2023").toString();
    try (var second =
        new SpringApplicationBuilder(ReportingServiceApplication.class)
            .properties("spring.config.name=reporting-service")
            .run(
                // no web server: closing a second Netty server would dispose the JVM-global
                // reactor-netty resources the first one runs on
                "--spring.main.web-application-type=none",
                "--spring.datasource.url=" + stack.infra.jdbcUrl(),
                "--spring.datasource.username=" + stack.infra.dbUsername(),
                "--spring.datasource.password=" + stack.infra.dbPassword(),
                "--spring.kafka.bootstrap-servers=" + stack.infra.kafkaBootstrapServers(),
                "--spring.kafka.consumer.group-id=reporting-service-rerun",
                "--ledger.security.viewer-password=x",
                "--" + TestKeys.consumerProperties()[0],
                "--" + TestKeys.consumerProperties()[1])) {
      EventEnvelope marker =
          events.envelope(forum("revast").headcount(2030, Body.KS).people(1, 1), Fixture.T0, null);
      stack.publish(marker);
      stack.awaitHandled(marker.metadata().eventId());
      await().atMost(Duration.ofSeconds(60)).until(() -> caughtUp("reporting-service-rerun"));
    }
    assertThat(stack.jdbc.queryForObject("select count(*) from event_log", Integer.class))
        .isEqualTo(logged + 1);
    assertThat(stack.jdbc.queryForObject("select count(*) from audit_entry", Integer.class))
        .isEqualTo(audit + 1);
    assertThat(stack.asAuditor("/audit/verify").get("intact").asBoolean()).isTrue();
    assertThat(stack.asViewer("/reports/totals?year=2023").get("forumCount").asInt())
        .isEqualTo(Fixture.FORUMS_2023);
    assertThat(stack.asViewer("/reports/totals?year=2023").toString())
        .isEqualTo(
            totals.replaceFirst(
                "\"position\":\\d+",
                "\"position\":"
                    + stack.asViewer("/reports/totals?year=2023").get("position").asLong()));
  }

  @Test
  void anUnknownTypeIsSkippedCountedAndRemembered() {
    String id = UUID.randomUUID().toString();
    String unknown =
        """
        {"metadata":{"eventId":"%s","eventType":"forum.ForumTeleported","eventVersion":1,
         "forumId":"revast","sequenceNumber":99,"globalPosition":500,
         "recordedAt":"2024-03-01T00:00:00Z","actor":"registrar"},
         "payload":{"forumId":"revast","destination":"Mars"}}
        """
            .formatted(id);
    double before = skipped();
    byte[] sealed = stack.registry.seal(unknown.getBytes(StandardCharsets.UTF_8)).value();
    stack.publishUnsealed("revast", sealed, "forum.ForumTeleported", 1, id);
    stack.awaitHandled(id);

    assertThat(skipped()).isEqualTo(before + 1);
    assertThat(count("select count(*) from event_log where event_id = ?", id)).isZero();
    assertThat(stack.asViewer("/reports/totals?year=2023").get("forumCount").asInt())
        .isEqualTo(Fixture.FORUMS_2023);
    stack.publishUnsealed("revast", sealed, "forum.ForumTeleported", 1, id);
    EventEnvelope marker =
        events.envelope(forum("revast").headcount(2024, Body.SLK).people(1, 1), Fixture.T0, null);
    stack.publish(marker);
    stack.awaitHandled(marker.metadata().eventId());
    assertThat(skipped()).isEqualTo(before + 1);
    // the history keeps the registry's link, payload as written, so the chain has no gap
    assertThat(
            stack.jdbc.queryForObject(
                "select payload from audit_entry where event_id = ? and event_type = ?",
                String.class,
                id,
                "forum.ForumTeleported"))
        .contains("\"destination\":\"Mars\"");
    assertThat(count("select count(*) from audit_entry where event_id = ?", id)).isEqualTo(1);
    assertThat(stack.asAuditor("/audit/verify").get("intact").asBoolean()).isTrue();
  }

  @Test
  void aPoisonMessageIsDeadLetteredAndConsumptionGoesOn() {
    double before = deadLettered();
    stack.publishUnsealed(
        "poison",
        "{not json".getBytes(StandardCharsets.UTF_8),
        "forum.ForumRegistered",
        2,
        "poison-1");
    EventEnvelope after =
        events.envelope(registered("poison", "9.2", "After poison", "Z"), Fixture.T0, "2031-01-01");
    stack.publish(after);
    stack.awaitHandled(after.metadata().eventId());

    await().atMost(Duration.ofSeconds(30)).until(() -> deadLettered() == before + 1);
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(Topics.deadLetter("reporting-service")));
      List<ConsumerRecord<String, byte[]>> parked = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(500)).forEach(parked::add);
                return !parked.isEmpty();
              });
      assertThat(parked.get(0).key()).isEqualTo("poison");
      assertThat(new String(parked.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
    }
  }

  @Test
  void errorsAndRefusalsAreProblemDetails() {
    stack
        .http
        .get()
        .uri("/reports/totals?year=2023")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://forumledger.org/problems/unauthenticated");
    stack
        .http
        .get()
        .uri("/audit")
        .headers(h -> h.setBasicAuth("viewer", ReportingStack.VIEWER))
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://forumledger.org/problems/forbidden");
    stack
        .http
        .get()
        .uri("/reports/totals?year=2023")
        .headers(h -> h.setBasicAuth("viewer", "wrong"))
        .exchange()
        .expectStatus()
        .isUnauthorized();
    stack
        .http
        .get()
        .uri("/reports/totals?year=abc")
        .headers(h -> h.setBasicAuth("viewer", ReportingStack.VIEWER))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://forumledger.org/problems/invalid-parameter")
        .jsonPath("$.parameter")
        .isEqualTo("year");
    stack
        .http
        .get()
        .uri("/forums?asOf=31/12/2023")
        .headers(h -> h.setBasicAuth("viewer", ReportingStack.VIEWER))
        .exchange()
        .expectStatus()
        .isBadRequest();
    stack
        .http
        .get()
        .uri("/forums/no-such-forum")
        .headers(h -> h.setBasicAuth("registrar", ReportingStack.REGISTRAR))
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://forumledger.org/problems/unknown-forum");
    stack.http.get().uri("/actuator/health").exchange().expectStatus().isOk();
    stack
        .http
        .get()
        .uri("/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.paths['/reports/totals']")
        .exists();
  }

  /** Whether the group has committed (so processed) everything now on the topic. */
  private static boolean caughtUp(String group) throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.infra.kafkaBootstrapServers()))) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (int p = 0; p < Topics.FORUM_EVENTS_PARTITIONS; p++) {
        latest.put(new TopicPartition(Topics.FORUM_EVENTS, p), OffsetSpec.latest());
      }
      var ends = admin.listOffsets(latest).all().get();
      return ends.entrySet().stream()
          .allMatch(
              e ->
                  e.getValue().offset() == 0
                      || (committed.get(e.getKey()) != null
                          && committed.get(e.getKey()).offset() >= e.getValue().offset()));
    }
  }

  private int count(String sql, String id) {
    return stack.jdbc.queryForObject(sql, Integer.class, id);
  }

  private double skipped() {
    return stack.counter("ledger.events.skipped", "reason", "unknown-type");
  }

  private double deadLettered() {
    return stack.counter("ledger.events.dead-lettered");
  }
}
