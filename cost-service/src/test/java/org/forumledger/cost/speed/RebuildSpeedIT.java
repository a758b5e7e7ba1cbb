package org.forumledger.cost.speed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.forumledger.events.testing.ForumEvents.forum;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.forumledger.cost.support.CostStack;
import org.forumledger.cost.support.Json;
import org.forumledger.events.Body;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.Topics;
import org.forumledger.events.testing.EventBuilder;
import org.forumledger.events.testing.EventStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A measuring harness, not a timed assertion: publishes {@code speed.rebuild.events} events
 * (default 20 000) over {@code speed.rebuild.forums} forums (default a twentieth of them) while the
 * listener is stopped, rebuilds twice and logs records/s next to a plain consumer reading the same
 * topic in the same run, then times a read at that size. It asserts only what the rebuild must do:
 * every record applied once, at the last position, the same fingerprint both times.
 */
class RebuildSpeedIT {

  private static final Logger log = LoggerFactory.getLogger(RebuildSpeedIT.class);
  private static final int EVENTS = Integer.getInteger("speed.rebuild.events", 5_000);
  private static final int FORUMS =
      Math.max(1, Integer.getInteger("speed.rebuild.forums", EVENTS / 20));

  static CostStack stack;
  static long lastPosition;

  @BeforeAll
  static void start() throws Exception {
    stack = CostStack.start();
    stack.stopListener();
    long started = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.infra().kafkaBootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG,
                20,
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024),
            new StringSerializer(),
            new ByteArraySerializer())) {
      EventStream events = new EventStream();
      for (int i = 0; i < EVENTS; i++) {
        EventEnvelope envelope = events.append(nth(i));
        lastPosition = envelope.metadata().globalPosition();
        producer.send(
            new ProducerRecord<>(
                Topics.FORUM_EVENTS,
                envelope.metadata().forumId(),
                stack.registry().seal(envelope)));
      }
      producer.flush();
    }
    log.info(
        "SPEED published {} events over {} forums in {} ms",
        EVENTS,
        FORUMS,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  /** A forum's history: registered first, then fees with corrections, other costs, statuses. */
  private static EventBuilder<?, ?> nth(int i) {
    String id = "forum-" + (i % FORUMS);
    int round = i / FORUMS;
    int year = 2020 + round % 10;
    return switch (round) {
      case 0 ->
          forum(id)
              .registered()
              .reference("9." + (i % FORUMS))
              .inArea("Area " + (i % 12))
              .effective(LocalDate.of(2019, 1, 1));
      case 1 -> forum(id).status(ForumStatus.ACTIVE).from("2019-06-01");
      default ->
          switch (round % 4) {
            case 0 -> forum(id).fee(year).until(year + 1).amount(String.valueOf(1000 + round));
            case 1 -> forum(id).fee(year - 1).until(year).amount("1200.50").correction();
            case 2 -> forum(id).otherCost(year).staff("4000").travel(String.valueOf(round));
            default -> forum(id).headcount(year, Body.KS).people(3, 5);
          };
    };
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aRebuildAppliesEveryRecordOnceAtKafkaSpeed() {
    long plain = plainConsumerRecordsPerSecond();
    long catchUpStarted = System.nanoTime();
    stack.startListener();
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                Json.get(stack.viewer(), "/costs/checksum").get("position").asLong()
                    == lastPosition);
    long catchUpMillis = Math.max(1, (System.nanoTime() - catchUpStarted) / 1_000_000);
    log.info(
        "SPEED live consumer catching up on {} events: {} ms, {} records/s",
        EVENTS,
        catchUpMillis,
        EVENTS * 1000L / catchUpMillis);

    JsonNode first = stack.rebuild();
    String checksum = Json.get(stack.viewer(), "/costs/checksum").get("checksum").asText();
    JsonNode second = stack.rebuild();

    for (JsonNode rebuilt : List.of(first, second)) {
      assertThat(rebuilt.get("recordsRead").asLong()).isEqualTo(EVENTS);
      assertThat(rebuilt.get("applied").asLong()).isEqualTo(EVENTS);
      assertThat(rebuilt.get("position").asLong()).isEqualTo(lastPosition);
    }
    assertThat(Json.get(stack.viewer(), "/costs/checksum").get("checksum").asText())
        .isEqualTo(checksum);
    log.info(
        "SPEED rebuild of {} events: {} ms then {} ms, {} and {} records/s; plain consumer {}"
            + " records/s",
        EVENTS,
        first.get("millis").asLong(),
        second.get("millis").asLong(),
        perSecond(first),
        perSecond(second),
        plain);

    for (int i = 0; i < 3; i++) {
      long started = System.nanoTime();
      JsonNode year = Json.get(stack.viewer(), "/costs/years/2023");
      assertThat(year.get("forumCount").asInt()).isEqualTo(FORUMS);
      log.info(
          "SPEED {} forums/{} events /costs/years/2023 read {}: {} ms",
          FORUMS,
          EVENTS,
          i == 0 ? "first after the rebuild" : "again",
          String.format("%.2f", (System.nanoTime() - started) / 1e6));
    }
  }

  private static long perSecond(JsonNode rebuilt) {
    return rebuilt.get("recordsRead").asLong() * 1000 / Math.max(1, rebuilt.get("millis").asLong());
  }

  /** The baseline: a group-less consumer reading the whole topic and doing nothing with it. */
  private static long plainConsumerRecordsPerSecond() {
    long started = System.nanoTime();
    long records = 0;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.infra().kafkaBootstrapServers(),
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                5_000),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.FORUM_EVENTS).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        records += consumer.poll(Duration.ofMillis(500)).count();
      }
    }
    assertThat(records).isEqualTo(EVENTS);
    return records * 1_000_000_000L / Math.max(1, System.nanoTime() - started);
  }
}
