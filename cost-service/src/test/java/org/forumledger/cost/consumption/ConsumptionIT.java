package org.forumledger.cost.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.forumledger.events.testing.ForumEvents.forum;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.forumledger.cost.readmodel.AppliedEvents;
import org.forumledger.cost.support.CostStack;
import org.forumledger.cost.support.Json;
import org.forumledger.events.CostStatus;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventMetadata;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.Topics;
import org.forumledger.events.testing.EventStream;
import org.forumledger.events.testing.UnknownEvent;
import org.forumledger.kit.consumer.ForumEventConsumer;
import org.forumledger.kit.consumer.HandledEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The consumer against a real KRaft broker and a real PostgreSQL: redelivery, an unknown event
 * type, a poison message and a rebuild that ends in the live state. Each test works in its own year
 * so the totals it reads are its own.
 */
@TestMethodOrder(MethodOrderer.Random.class)
class ConsumptionIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  static final EventStream events = new EventStream();
  static CostStack stack;
  static long lastPosition;

  @BeforeAll
  static void start() throws Exception {
    stack = CostStack.start();
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  static void publish(EventEnvelope envelope) {
    stack.publish(envelope);
    lastPosition = Math.max(lastPosition, envelope.metadata().globalPosition());
  }

  static EventEnvelope registered(
      String forum, String reference, String area, String convener, int year) {
    return events.append(
        forum(forum)
            .registered()
            .reference(reference)
            .inArea(area)
            .convenedBy(convener)
            .effective(LocalDate.of(year, 1, 1)));
  }

  static JdbcTemplate jdbc() {
    return stack.context().getBean(JdbcTemplate.class);
  }

  /**
   * The live consumer remembers a batch's events in one statement when the batch is decided. An
   * event another consumer instance committed meanwhile must not be applied a second time: the
   * whole batch rolls back, to be decided again.
   */
  @Test
  void aBatchWhoseEventAnotherInstanceHandledMeanwhileRollsBackWhole() {
    AppliedEvents applied = stack.context().getBean(AppliedEvents.class);
    TransactionTemplate tx = stack.context().getBean(TransactionTemplate.class);
    DataSource dataSource = stack.context().getBean(DataSource.class);
    EventMetadata mine = batchMetadata();
    EventMetadata theirs = batchMetadata();
    long positionBefore = applied.position();
    try {
      assertThatThrownBy(
              () ->
                  tx.executeWithoutResult(
                      status -> {
                        HandledEvents.Batch batch = applied.batch(() -> List.of(mine, theirs));
                        assertThat(batch.remember(mine, false)).isTrue();
                        assertThat(batch.remember(theirs, false)).isTrue();
                        assertThat(batch.remember(mine, false)).as("twice in one batch").isFalse();
                        insertOnAnotherConnection(dataSource, theirs);
                        batch.finish();
                      }))
          .hasMessageContaining("handled meanwhile");

      assertThat(countApplied(mine.eventId())).isZero();
      assertThat(countApplied(theirs.eventId())).isEqualTo(1);
      assertThat(applied.position()).isEqualTo(positionBefore);
    } finally {
      jdbc().update("delete from applied_event where event_id = ?", theirs.eventId());
    }
  }

  private static EventMetadata batchMetadata() {
    return new EventMetadata(
        UUID.randomUUID().toString(),
        "forum.ForumRegistered",
        2,
        "batch-" + UUID.randomUUID(),
        0,
        Long.MAX_VALUE / 2,
        Instant.now(),
        LocalDate.of(2024, 1, 1),
        "registrar",
        "a test of batches",
        null,
        null);
  }

  private static void insertOnAnotherConnection(DataSource dataSource, EventMetadata m) {
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(true);
      try (PreparedStatement insert =
          other.prepareStatement(
              "insert into applied_event (event_id, global_position, forum_id, applied_at)"
                  + " values (?, ?, ?, now())")) {
        insert.setString(1, m.eventId());
        insert.setLong(2, m.globalPosition());
        insert.setString(3, m.forumId());
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long countApplied(String eventId) {
    Long count =
        jdbc()
            .queryForObject(
                "select count(*) from applied_event where event_id = ?", Long.class, eventId);
    return count == null ? 0 : count;
  }

  @Test
  @Order(1)
  void aRedeliveredEventChangesNothing() {
    String forum = "redelivery-" + UUID.randomUUID();
    double duplicatesBefore = stack.counter("ledger.events.duplicate");
    EventEnvelope fee = events.append(forum(forum).fee(2040).until(2040).amount("1000.50"));
    publish(registered(forum, "9.1.1", "Area R", "SKR", 2040));
    publish(fee);
    publish(fee);
    EventEnvelope other = events.append(forum(forum).otherCost(2040).staff("200.25").travel("50"));
    publish(other);
    publish(fee);

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              JsonNode year = Json.get(stack.viewer(), "/costs/years/2040");
              assertThat(year.get("otherCostTotal").decimalValue()).isEqualByComparingTo("250.25");
              assertThat(year.get("position").asLong())
                  .isGreaterThanOrEqualTo(other.metadata().globalPosition());
            });
    // the last duplicate came after the other cost; wait until it has surely been handled
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(
                        jdbc()
                            .queryForObject(
                                "select count(*) from applied_event where forum_id = ?",
                                Long.class,
                                forum))
                    .isEqualTo(3L));
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(stack.counter("ledger.events.duplicate"))
                    .isEqualTo(duplicatesBefore + 2));
    JsonNode year = Json.get(stack.viewer(), "/costs/years/2040");
    assertThat(year.get("annualFeeTotal").decimalValue()).isEqualByComparingTo("1000.50");
    assertThat(year.get("forumCount").asInt()).isEqualTo(1);
    assertThat(
            jdbc()
                .queryForObject(
                    "select count(*) from annual_fee where forum_id = ?", Long.class, forum))
        .isEqualTo(1L);
  }

  @Test
  @Order(2)
  void replayingTheWholeTopicOverTheLiveStateChangesNothing() {
    String forum = "replay-" + UUID.randomUUID();
    publish(registered(forum, "9.5.1", "Area Q", "SKR", 2044));
    publish(events.append(forum(forum).fee(2044).until(2044).amount("42")));
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(Json.get(stack.viewer(), "/costs/checksum").get("position").asLong())
                    .isEqualTo(lastPosition));
    JsonNode live = Json.get(stack.viewer(), "/costs/checksum");
    // other tests' open-ended fees may run into 2044 too, in whatever order the tests ran
    BigDecimal live2044 =
        Json.get(stack.viewer(), "/costs/years/2044").get("annualFeeTotal").decimalValue();
    assertThat(live2044).isGreaterThanOrEqualTo(new BigDecimal("42"));
    assertThat(feeOf(forum, 2044)).isEqualByComparingTo("42");
    double duplicatesBefore = stack.counter("ledger.events.duplicate");
    KafkaListenerEndpointRegistry registry =
        stack.context().getBean(KafkaListenerEndpointRegistry.class);
    MessageListenerContainer container =
        registry.getListenerContainer(ForumEventConsumer.LISTENER_ID);

    // the consumer loses its place and every record comes again, as after a crash before a commit
    container.stop();
    stack.context().getBean(ForumEventConsumer.class).replayFromBeginningOnNextAssignment();
    container.start();

    long everyRecord = live.get("eventCount").asLong();
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(stack.counter("ledger.events.duplicate"))
                    .isGreaterThanOrEqualTo(duplicatesBefore + everyRecord));
    JsonNode after = Json.get(stack.viewer(), "/costs/checksum");
    assertThat(after.get("checksum").asText()).isEqualTo(live.get("checksum").asText());
    assertThat(after.get("eventCount").asLong()).isEqualTo(everyRecord);
    assertThat(Json.get(stack.viewer(), "/costs/years/2044").get("annualFeeTotal").decimalValue())
        .isEqualByComparingTo(live2044);
    assertThat(feeOf(forum, 2044)).isEqualByComparingTo("42");
  }

  @Test
  @Order(3)
  void anUnknownEventTypeIsSkippedWithAMetricAndRemembered() {
    String forum = "unknown-" + UUID.randomUUID();
    double before = stack.counter("ledger.events.skipped", "reason", "unknown-type");
    UnknownEvent unknown = events.unknown(forum, "forum.BudgetFrozen");
    String unknownId = unknown.eventId();
    publish(registered(forum, "9.2.1", "Area U", "GR", 2041));
    stack.publishRaw(forum, unknown.value(), "forum.BudgetFrozen", unknownId);
    stack.publishRaw(forum, unknown.value(), "forum.BudgetFrozen", unknownId);
    lastPosition = Math.max(lastPosition, unknown.globalPosition());
    publish(events.append(forum(forum).fee(2041).until(2041).amount("700")));

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(
                        Json.get(stack.viewer(), "/costs/years/2041")
                            .get("annualFeeTotal")
                            .decimalValue())
                    .isEqualByComparingTo("700"));
    assertThat(stack.counter("ledger.events.skipped", "reason", "unknown-type"))
        .isEqualTo(before + 1);
    assertThat(
            jdbc()
                .queryForObject(
                    "select skipped from applied_event where event_id = ?",
                    Boolean.class,
                    unknownId))
        .isTrue();
  }

  @Test
  @Order(4)
  void aPoisonMessageIsDeadLetteredAndProcessingContinues() {
    String forum = "poison-" + UUID.randomUUID();
    double before = stack.counter("ledger.events.dead-lettered");
    byte[] poison = "{not an envelope".getBytes(StandardCharsets.UTF_8);
    stack.publishUnsealed(forum, poison, "forum.AnnualFeeSet", UUID.randomUUID().toString());
    publish(registered(forum, "9.3.1", "Area P", "VGR", 2042));
    publish(events.append(forum(forum).fee(2042).until(2042).amount("300")));

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(
                        Json.get(stack.viewer(), "/costs/years/2042")
                            .get("annualFeeTotal")
                            .decimalValue())
                    .isEqualByComparingTo("300"));
    assertThat(stack.counter("ledger.events.dead-lettered")).isEqualTo(before + 1);

    List<ConsumerRecord<String, byte[]>> parked = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.infra().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "dlt-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(Topics.deadLetter("cost-service")));
      await()
          .atMost(PATIENCE)
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(parked::add);
                return parked.stream().anyMatch(r -> forum.equals(r.key()));
              });
    }
    ConsumerRecord<String, byte[]> dead =
        parked.stream().filter(r -> forum.equals(r.key())).findFirst().orElseThrow();
    assertThat(dead.value()).isEqualTo(poison);
    assertThat(dead.headers().lastHeader("event-type").value())
        .isEqualTo("forum.AnnualFeeSet".getBytes(StandardCharsets.UTF_8));
    assertThat(dead.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
  }

  @Test
  @Order(5)
  void aRebuildFromTheBeginningEqualsTheLiveState() {
    String forum = "rebuild-" + UUID.randomUUID();
    String other = "rebuild-other-" + UUID.randomUUID();
    publish(registered(forum, "9.4.1", "Area B", "SKR", 2043));
    publish(registered(other, "9.4.2", "Area B", "SKR", 2043));
    publish(events.append(forum(forum).fee(2043).amount("1200")));
    publish(events.append(forum(forum).fee(2043).amount("1250"))); // a correction replaces it
    publish(events.append(forum(forum).otherCost(2043).staff("4000").travel("1000")));
    publish(events.append(forum(other).otherCost(2043).reportedUnder("9.4.1")));
    publish(events.append(forum(other).otherCost(2044).status(CostStatus.NOT_CALCULATED)));
    publish(events.append(forum(forum).status(ForumStatus.PAUSED).from(LocalDate.of(2045, 3, 1))));
    publish(
        events.append(
            forum(other)
                .fee(2043)
                .until(2043)
                .amount("999"))); // recorded by mistake, then withdrawn
    publish(events.append(forum(other).feeWithdrawn(2043)));
    publish(events.append(forum(other).otherCost(2045).staff("77").travel("0")));
    publish(events.append(forum(other).otherCostWithdrawn(2045)));

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(Json.get(stack.viewer(), "/costs/checksum").get("position").asLong())
                    .isEqualTo(lastPosition));
    JsonNode live = Json.get(stack.viewer(), "/costs/checksum");
    JsonNode liveYear = Json.get(stack.viewer(), "/costs/years/2043");
    assertThat(liveYear.get("annualFeeTotal").decimalValue()).isEqualByComparingTo("1250");
    assertThat(liveYear.get("otherCostTotal").decimalValue()).isEqualByComparingTo("5000");
    assertThat(Json.get(stack.viewer(), "/costs/years/2045").get("otherCostTotal").decimalValue())
        .isZero();
    Instant rebuildStarted = Instant.now();

    assertThat(stack.rebuild().get("state").asText()).isEqualTo("DONE");

    JsonNode rebuilt = Json.get(stack.viewer(), "/costs/checksum");
    assertThat(rebuilt.get("eventCount").asLong()).isEqualTo(live.get("eventCount").asLong());
    assertThat(rebuilt.get("position").asLong()).isEqualTo(live.get("position").asLong());
    assertThat(rebuilt.get("checksum").asText()).isEqualTo(live.get("checksum").asText());
    assertThat(Json.get(stack.viewer(), "/costs/years/2043")).isEqualTo(liveYear);
    // every row was written again by the replay, not left over from before the reset
    assertThat(
            jdbc()
                .queryForObject("select min(applied_at) from applied_event", Timestamp.class)
                .toInstant())
        .isAfterOrEqualTo(rebuildStarted.minusSeconds(1));
    stack
        .viewer()
        .get()
        .uri("/costs/checksum?position=" + (lastPosition + 1000))
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  private static BigDecimal feeOf(String forum, int year) {
    for (JsonNode row : Json.get(stack.viewer(), "/costs/years/" + year + "/forums")) {
      if (row.get("forumId").asText().equals(forum)) {
        return row.get("annualFee").get("amountSek").decimalValue();
      }
    }
    throw new AssertionError("no " + year + " row for " + forum);
  }
}
