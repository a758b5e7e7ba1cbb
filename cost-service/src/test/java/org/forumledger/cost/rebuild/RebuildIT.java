package org.forumledger.cost.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.forumledger.events.testing.ForumEvents.forum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.forumledger.cost.support.CostStack;
import org.forumledger.cost.support.Json;
import org.forumledger.events.Body;
import org.forumledger.events.CostStatus;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventJson;
import org.forumledger.events.EventMetadata;
import org.forumledger.events.ForumKind;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.testing.EventStream;
import org.forumledger.events.testing.UnknownEvent;
import org.forumledger.kit.consumer.ApplyOnce;
import org.forumledger.kit.consumer.ForumEventConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bulk rebuild against the live consumer on a real broker and database: a mixed history
 * (corrections, withdrawals, duplicates, an unknown type, a poison record, an event the tables
 * refuse, text that needs escaping, part of it applied several events to one transaction) rebuilds
 * to the live model's fingerprint, and the listener continues after it without redelivering.
 */
class RebuildIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String[] OUTCOMES = {
    "ledger.events.applied", "ledger.events.duplicate", "ledger.events.dead-lettered"
  };

  static final EventStream events = new EventStream();
  static CostStack stack;
  static long lastPosition;
  static int recordsPublished;

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

  static EventEnvelope publish(EventEnvelope envelope) {
    stack.publish(envelope);
    recordsPublished++;
    lastPosition = Math.max(lastPosition, envelope.metadata().globalPosition());
    return envelope;
  }

  static void publishRaw(String key, byte[] value, String type, String eventId) {
    stack.publishRaw(key, value, type, eventId);
    recordsPublished++;
  }

  static void publishUnsealed(String key, byte[] value, String type, String eventId) {
    stack.publishUnsealed(key, value, type, eventId);
    recordsPublished++;
  }

  static double handled() {
    double sum = stack.counter("ledger.events.skipped", "reason", "unknown-type");
    for (String outcome : OUTCOMES) {
      sum += stack.counter(outcome);
    }
    return sum;
  }

  @Test
  void aRebuildEqualsTheLiveModelAndTheListenerContinuesAfterIt() {
    String a = "forum-a-" + UUID.randomUUID();
    String b = "forum-b-" + UUID.randomUUID();
    String unregistered = "forum-never-registered-" + UUID.randomUUID();

    // through the live listener, one event per transaction
    publish(
        events.append(
            forum(a)
                .registered()
                .reference("7.1.1")
                .named("Tab\there \"quoted\" back\\slash\nnew line, {braces}")
                .inArea("Area R")
                .kind(ForumKind.NETWORK, "samverkan")
                .convenedBy("SKR")
                .effective(LocalDate.of(2020, 1, 1))
                .because("reason with\ttab and \\ backslash")));
    publish(events.append(forum(b).registered().reference("7.1.2").inArea("Area R")));
    EventEnvelope oddFee =
        publish(
            events.append(
                forum(a)
                    .fee(2023)
                    .until(2024)
                    .amount("1E+3")
                    .eventId("fee-\"odd\",{id}\\x")
                    .recordedAt(Instant.parse("2024-02-26T09:15:00.123456500Z"))));
    publish(events.append(forum(a).fee(2023).until(2024).amount("17250.00").correction()));
    publish(oddFee); // a redelivery
    publish(events.append(forum(a).fee(2025).perInhabitant("4", 597_500L)));
    publish(events.append(forum(a).fee(2026).inCurrency("EUR", "1000", "11.48")));
    publish(events.append(forum(a).feeWithdrawn(2026)));
    publish(events.append(forum(a).otherCost(2023).staff("4000.10").travel("1000")));
    publish(events.append(forum(a).otherCost(2023).staff("3500").correction()));
    publish(events.append(forum(b).otherCost(2023).reportedUnder("7.1.1")));
    publish(events.append(forum(b).otherCost(2024).staff("77")));
    publish(events.append(forum(b).otherCostWithdrawn(2024)));
    publish(events.append(forum(b).otherCost(2024).status(CostStatus.NOT_CALCULATED)));
    publish(events.append(forum(a).status(ForumStatus.PAUSED).from(LocalDate.of(2024, 3, 1))));
    publish(events.append(forum(a).status(ForumStatus.ACTIVE).from(LocalDate.of(2024, 3, 1))));
    publish(
        events.append(
            forum(b)
                .status(ForumStatus.INACTIVE)
                .from((LocalDate) null)
                .effective((LocalDate) null)
                .recordedAt(Instant.parse("2024-05-01T23:59:59.999999999Z"))));
    publish(events.append(forum(a).detailsRevised().named("Renamed").convenedBy("GR")));
    publish(events.append(forum(b).reclassified().inArea("Area S").subarea("S1")));
    publish(events.append(forum(a).headcount(2023, Body.KS).people(3, 5)));
    publish(events.append(forum(unregistered).fee(2023).amount("5")));
    publish(events.append(forum(unregistered).detailsRevised().named("Nobody")));
    publish(events.append(forum(unregistered).status(ForumStatus.ENDED).from("2023-06-01")));
    publish(events.append(forum(a).registered().reference("7.1.1-bis").inArea("Area R")));

    // several events applied in one transaction, as a batch listener applies them; the listener
    // then receives them again and finds them applied
    List<EventEnvelope> batch = new ArrayList<>();
    batch.add(events.append(forum(b).fee(2023).amount("300")));
    batch.add(events.append(forum(b).fee(2023).amount("310").correction()));
    batch.add(batch.get(0));
    batch.add(events.append(forum(b).otherCost(2023).staff("10").travel("20")));
    batch.add(events.append(forum(b).otherCost(2023).travel("25").correction()));
    batch.add(events.append(forum(b).status(ForumStatus.ACTIVE).from("2025-01-01")));
    batch.add(events.append(forum(a).feeWithdrawn(2025)));
    MessageListenerContainer container =
        stack
            .context()
            .getBean(KafkaListenerEndpointRegistry.class)
            .getListenerContainer(ForumEventConsumer.LISTENER_ID);
    awaitEveryRecordHandled();
    container.stop();
    ApplyOnce applyOnce = stack.context().getBean(ApplyOnce.class);
    List<byte[]> sealedBatch = batch.stream().map(e -> stack.registry().seal(e)).toList();
    List<ApplyOnce.Outcome> outcomes =
        stack
            .context()
            .getBean(TransactionTemplate.class)
            .execute(status -> sealedBatch.stream().map(applyOnce::accept).toList());
    assertThat(outcomes).containsOnlyOnce(ApplyOnce.Outcome.DUPLICATE);
    for (int i = 0; i < batch.size(); i++) {
      EventMetadata m = batch.get(i).metadata();
      stack.publishUnsealed(m.forumId(), sealedBatch.get(i), m.eventType(), m.eventId());
      recordsPublished++;
      lastPosition = Math.max(lastPosition, m.globalPosition());
    }
    container.start();

    // what the live consumer skips or parks
    UnknownEvent unknown = events.unknown(a, "forum.BudgetFrozen");
    publishRaw(a, unknown.value(), unknown.eventType(), unknown.eventId());
    publishRaw(a, unknown.value(), unknown.eventType(), unknown.eventId());
    lastPosition = Math.max(lastPosition, unknown.globalPosition());
    publishUnsealed(
        b,
        "{not an envelope".getBytes(StandardCharsets.UTF_8),
        "forum.AnnualFeeSet",
        UUID.randomUUID().toString());
    ObjectNode refused =
        (ObjectNode)
            Json.parse(EventJson.write(events.append(forum(b).fee(2027).amount("1").eventId("x"))));
    ((ObjectNode) refused.get("payload")).remove("status"); // the live apply fails without one
    String refusedId = UUID.randomUUID().toString();
    ((ObjectNode) refused.get("metadata")).put("eventId", refusedId);
    // sealed in the chain's next place but left out of it: the following event takes that place
    publishUnsealed(
        b,
        stack.registry().sealDetached(CostStack.json(refused)).value(),
        "forum.AnnualFeeSet",
        refusedId);

    awaitEveryRecordHandled();
    JsonNode live = Json.get(stack.viewer(), "/costs/checksum");
    assertThat(live.get("position").asLong()).isEqualTo(lastPosition);
    JsonNode liveYear = Json.get(stack.viewer(), "/costs/years/2023");
    double duplicatesBefore = stack.counter("ledger.events.duplicate");

    JsonNode rebuilt = stack.rebuild();

    assertThat(rebuilt.get("state").asText()).isEqualTo("DONE");
    assertThat(rebuilt.get("recordsRead").asLong()).isEqualTo(recordsPublished);
    assertThat(rebuilt.get("percent").asInt()).isEqualTo(100);
    assertThat(rebuilt.get("recordsTotal").asLong()).isEqualTo(recordsPublished);
    assertThat(rebuilt.get("skippedUnknownType").asLong()).isEqualTo(1);
    assertThat(rebuilt.get("parked").asLong()).isEqualTo(2);
    assertThat(rebuilt.get("position").asLong()).isEqualTo(lastPosition);
    assertThat(rebuilt.get("applied").asLong() + rebuilt.get("skippedUnknownType").asLong())
        .isEqualTo(live.get("eventCount").asLong());
    JsonNode after = Json.get(stack.viewer(), "/costs/checksum");
    assertThat(after.get("checksum").asText()).isEqualTo(live.get("checksum").asText());
    assertThat(after.get("eventCount").asLong()).isEqualTo(live.get("eventCount").asLong());
    assertThat(after.get("position").asLong()).isEqualTo(live.get("position").asLong());
    assertThat(Json.get(stack.viewer(), "/costs/years/2023")).isEqualTo(liveYear);

    // the listener continues from where the rebuild stopped reading
    EventEnvelope next = publish(events.append(forum(a).fee(2030).amount("1")));
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(Json.get(stack.viewer(), "/costs/checksum").get("position").asLong())
                    .isEqualTo(next.metadata().globalPosition()));
    assertThat(stack.counter("ledger.events.duplicate")).isEqualTo(duplicatesBefore);
  }

  /** Every record published so far was decided by the listener: applied, skipped or parked. */
  private static void awaitEveryRecordHandled() {
    int expected = recordsPublished;
    await().atMost(PATIENCE).until(() -> handled() >= expected);
  }
}
