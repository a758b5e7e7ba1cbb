package org.forumledger.cost.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.forumledger.events.testing.ForumEvents.forum;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.forumledger.cost.support.CostStack;
import org.forumledger.cost.support.Json;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.Topics;
import org.forumledger.events.seal.SigningKey;
import org.forumledger.events.testing.ChainSealer;
import org.forumledger.events.testing.EventStream;
import org.forumledger.events.testing.TestKeys;
import org.forumledger.kit.consumer.RejectedEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Only what the registry sealed, in its chain's order, reaches the read model: forged, altered,
 * replayed and out-of-chain records are parked with their reason, and neither figures nor the
 * position move. Each test works in its own year.
 */
class SealedConsumptionIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  static final EventStream events = new EventStream();
  static CostStack stack;

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

  static EventEnvelope registered(String forum, int year) {
    return events.append(forum(forum).registered().effective(LocalDate.of(year, 1, 1)));
  }

  static BigDecimal feeTotal(int year) {
    return Json.get(stack.viewer(), "/costs/years/" + year).get("annualFeeTotal").decimalValue();
  }

  static long position() {
    return Json.get(stack.viewer(), "/costs/checksum").get("position").asLong();
  }

  /** Publishes a genuine fee and waits until it counts: everything before it has been decided. */
  static void settle(String forum, int year, String amount, String total) {
    stack.publish(events.append(forum(forum).fee(year).until(year).amount(amount)));
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(feeTotal(year)).isEqualByComparingTo(total));
  }

  static ConsumerRecord<String, byte[]> parked(String forum) {
    List<ConsumerRecord<String, byte[]>> parked = new CopyOnWriteArrayList<>();
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
    return parked.stream().filter(r -> forum.equals(r.key())).findFirst().orElseThrow();
  }

  static String reason(ConsumerRecord<String, byte[]> record) {
    return new String(
        record.headers().lastHeader("ledger-rejected-reason").value(), StandardCharsets.UTF_8);
  }

  static JsonNode health() {
    return Json.parse(
        stack
            .anonymous()
            .get()
            .uri("/actuator/health")
            .exchange()
            .expectBody()
            .returnResult()
            .getResponseBodyContent());
  }

  @Test
  void aForgedFeeIsParkedWithNothingAppliedAndThePositionUnchanged() {
    String forum = "forged-" + UUID.randomUUID();
    stack.publish(registered(forum, 2061));
    settle(forum, 2061, "5000", "5000");
    long position = position();
    double rejected = stack.counter("ledger.events.rejected", "reason", "bad-signature");

    SigningKey impostor =
        new SigningKey(
            TestKeys.REGISTRY.keyId(), TestKeys.FORGER.privateKey(), TestKeys.FORGER.publicKey());
    EventEnvelope forged =
        events.append(
            forum(forum)
                .fee(2061)
                .until(2061)
                .amount("999999999")
                .correction()
                .recordedAt(java.time.Instant.parse("2023-01-01T00:00:00Z")));
    byte[] sealedByForger = new ChainSealer(impostor).seal(forged);
    stack.publishUnsealed(
        forum, sealedByForger, forged.metadata().eventType(), forged.metadata().eventId());

    ConsumerRecord<String, byte[]> dead = parked(forum);
    assertThat(dead.value()).isEqualTo(sealedByForger);
    assertThat(reason(dead)).isEqualTo("bad-signature");
    assertThat(feeTotal(2061)).isEqualByComparingTo("5000");
    assertThat(position()).isEqualTo(position);
    assertThat(stack.counter("ledger.events.rejected", "reason", "bad-signature"))
        .isEqualTo(rejected + 1);
    assertThat(health().get("status").asText()).isEqualTo("DOWN");
    assertThat(
            stack.context().getBean(RejectedEvents.class).health().getDetails().get("lastReason"))
        .isEqualTo("bad-signature");

    // an unsigned record of an unknown type with a big position moves nothing either
    String unknownForum = "unsigned-" + UUID.randomUUID();
    var unknown = new EventStream(999_999).unknown(unknownForum, "forum.BudgetFrozen");
    stack.publishUnsealed(unknownForum, unknown.value(), unknown.eventType(), unknown.eventId());
    assertThat(reason(parked(unknownForum))).isEqualTo("unsigned");
    assertThat(position()).isEqualTo(position);

    // the registry's own next event still continues the chain
    settle(forum, 2061, "6000", "6000");
  }

  @Test
  void anOldEventSentAgainWithANewPositionIsParked() {
    String forum = "resent-" + UUID.randomUUID();
    stack.publish(registered(forum, 2062));
    EventEnvelope fee = events.append(forum(forum).fee(2062).until(2062).amount("700"));
    byte[] original = stack.registry().seal(fee);
    stack.publishUnsealed(forum, original, fee.metadata().eventType(), fee.metadata().eventId());
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(feeTotal(2062)).isEqualByComparingTo("700"));
    long position = position();

    String moved =
        new String(original, StandardCharsets.UTF_8)
            .replace(
                "\"globalPosition\":" + fee.metadata().globalPosition(),
                "\"globalPosition\":" + (position + 100))
            .replace(fee.metadata().eventId(), UUID.randomUUID().toString());
    String key = forum + "-again";
    stack.publishUnsealed(
        key, moved.getBytes(StandardCharsets.UTF_8), fee.metadata().eventType(), "again");

    assertThat(reason(parked(key))).isEqualTo("altered");
    assertThat(position()).isEqualTo(position);
    // the very same record again is a redelivery: it changes nothing and is not parked
    stack.publishUnsealed(forum, original, fee.metadata().eventType(), fee.metadata().eventId());
    settle(forum, 2063, "1", "1");
    assertThat(feeTotal(2062)).isEqualByComparingTo("700");
  }

  @Test
  void anEventMissingFromTheMiddleOfTheChainIsFoundAndTheChainResumesWhenItComes() {
    String forum = "gap-" + UUID.randomUUID();
    stack.publish(registered(forum, 2064));
    settle(forum, 2064, "100", "100");
    long position = position();

    EventEnvelope missing = events.append(forum(forum).fee(2064).until(2064).amount("200"));
    byte[] missingValue = stack.registry().seal(missing);
    EventEnvelope after = events.append(forum(forum).fee(2065).until(2065).amount("300"));
    byte[] afterValue = stack.registry().seal(after);
    stack.publishUnsealed(
        forum, afterValue, after.metadata().eventType(), after.metadata().eventId());

    ConsumerRecord<String, byte[]> dead = parked(forum);
    assertThat(reason(dead)).isEqualTo("missing-predecessor");
    assertThat(position()).isEqualTo(position);
    assertThat(feeTotal(2065)).isEqualByComparingTo("0");

    stack.publishUnsealed(
        forum, missingValue, missing.metadata().eventType(), missing.metadata().eventId());
    stack.publishUnsealed(
        forum, afterValue, after.metadata().eventType(), after.metadata().eventId());
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(feeTotal(2065)).isEqualByComparingTo("300"));
    assertThat(feeTotal(2064)).isEqualByComparingTo("200");
  }

  @Test
  void eventsSignedWithTheKeyBeforeARotationStillVerify() {
    String forum = "rotation-" + UUID.randomUUID();
    stack.registry().rotateTo(TestKeys.RETIRED);
    try {
      stack.publish(registered(forum, 2066));
      stack.publish(events.append(forum(forum).fee(2066).until(2066).amount("40")));
    } finally {
      stack.registry().rotateTo(TestKeys.REGISTRY);
    }
    settle(forum, 2067, "2", "2");
    assertThat(feeTotal(2066)).isEqualByComparingTo("40");
  }
}
