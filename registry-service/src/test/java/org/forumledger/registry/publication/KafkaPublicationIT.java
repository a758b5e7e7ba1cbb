package org.forumledger.registry.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventJson;
import org.forumledger.events.ForumRegistered;
import org.forumledger.events.Topics;
import org.forumledger.events.seal.ChainLink;
import org.forumledger.events.seal.EventSeal;
import org.forumledger.events.seal.KeyRing;
import org.forumledger.events.seal.Seals;
import org.forumledger.events.seal.SigningKey;
import org.forumledger.registry.RegistryTestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stored means published: in order, keyed by forum, with its metadata, even across a broker outage.
 */
class KafkaPublicationIT {

  static RegistryTestStack stack;
  static final List<ConsumerRecord<String, byte[]>> received = new CopyOnWriteArrayList<>();
  static Thread reader;
  static volatile boolean reading = true;

  @BeforeAll
  static void start() {
    stack = RegistryTestStack.start();
    reader = new Thread(KafkaPublicationIT::readTopic, "topic-reader");
    reader.start();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    reading = false;
    reader.join();
    stack.close();
  }

  static void readTopic() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.infra().kafkaBootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "publication-test-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(Topics.FORUM_EVENTS));
      while (reading) {
        try {
          consumer.poll(Duration.ofMillis(200)).forEach(received::add);
        } catch (RuntimeException brokerAway) {
          // the outage test takes the broker away; the consumer reconnects on the next poll
        }
      }
    }
  }

  static String register(String name) {
    String location =
        stack
            .registrar()
            .post()
            .uri("/forums")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                """
                {"name": "%s", "area": "Regional utveckling", "kind": "NETWORK",
                 "effectiveDate": "2023-01-01", "reason": "test", "decisionReference": "KS 2023-11-22 § 841"}
                """
                    .formatted(name))
            .header("X-Correlation-Id", "corr-" + name)
            .exchange()
            .expectStatus()
            .isCreated()
            .returnResult(byte[].class)
            .getResponseHeaders()
            .getLocation()
            .toString();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  static List<EventEnvelope> envelopesFor(String forumId) {
    List<EventEnvelope> envelopes = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : received) {
      if (forumId.equals(record.key())) {
        envelopes.add(EventJson.read(record.value()).orElseThrow());
      }
    }
    return envelopes;
  }

  @Test
  void aStoredEventIsPublishedWithItsNameVersionKeyAndMetadata() {
    String forumId = register("Published");

    await().atMost(Duration.ofSeconds(20)).until(() -> !envelopesFor(forumId).isEmpty());

    ConsumerRecord<String, byte[]> record =
        received.stream().filter(r -> forumId.equals(r.key())).findFirst().orElseThrow();
    assertThat(
            new String(record.headers().lastHeader("event-type").value(), StandardCharsets.UTF_8))
        .isEqualTo("forum.ForumRegistered");
    assertThat(
            new String(
                record.headers().lastHeader("event-version").value(), StandardCharsets.UTF_8))
        .isEqualTo("2");
    EventEnvelope envelope = envelopesFor(forumId).get(0);
    assertThat(envelope.payload()).isInstanceOf(ForumRegistered.class);
    assertThat(envelope.metadata().actor()).isEqualTo("registrar");
    assertThat(envelope.metadata().correlationId()).isEqualTo("corr-Published");
    assertThat(envelope.metadata().decisionReference()).isEqualTo("KS 2023-11-22 § 841");
    assertThat(envelope.metadata().effectiveDate()).hasToString("2023-01-01");
    assertThat(envelope.metadata().sequenceNumber()).isZero();
    assertThat(envelope.metadata().globalPosition()).isPositive();
  }

  @Test
  void everyPublishedEventIsSealedInOneChainThatTheServedKeysVerify() throws Exception {
    List<String> forums = List.of(register("Sealed A"), register("Sealed B"), register("Sealed C"));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> forums.forEach(id -> assertThat(envelopesFor(id)).hasSize(1)));

    JsonNode served =
        EventJson.mapper()
            .readTree(
                stack
                    .client("viewer", RegistryTestStack.VIEWER_PASSWORD)
                    .get()
                    .uri("/keys")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .returnResult()
                    .getResponseBodyContent());
    Map<String, PublicKey> keys = new HashMap<>();
    served
        .get("keys")
        .forEach(
            k ->
                keys.put(
                    k.get("keyId").asText(), SigningKey.publicKey(k.get("publicKey").asText())));
    assertThat(keys).containsKey(served.get("activeKeyId").asText());

    ChainLink head = ChainLink.START;
    for (ConsumerRecord<String, byte[]> record : List.copyOf(received)) {
      EventSeal seal = Seals.verify(record.value(), KeyRing.of(keys));
      if (head.step(seal) == ChainLink.Step.NEXT) {
        head = seal.link();
      }
    }
    assertThat(head.sequence())
        .as("one link per distinct event published")
        .isEqualTo(
            received.stream()
                .map(r -> EventJson.read(r.value()).orElseThrow().metadata().eventId())
                .distinct()
                .count());
    assertThat(
            stack
                .context()
                .getBean(JdbcTemplate.class)
                .queryForObject("select max(chain_sequence) from publication_seal", Long.class))
        .isEqualTo(head.sequence());
  }

  @Test
  void eventsStoredWhileTheBrokerIsDownArriveWhenItIsBack() {
    stack.infra().stopKafka();
    List<String> forums = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        forums.add(register("During outage " + i));
      }
    } finally {
      stack.infra().startKafka();
    }

    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(() -> forums.forEach(id -> assertThat(envelopesFor(id)).hasSize(1)));

    List<Long> positions =
        received.stream()
            .map(r -> EventJson.read(r.value()).orElseThrow().metadata().globalPosition())
            .distinct()
            .sorted()
            .toList();
    assertThat(positions)
        .as("no gaps in the global index")
        .isEqualTo(
            java.util.stream.LongStream.rangeClosed(
                    positions.get(0), positions.get(positions.size() - 1))
                .boxed()
                .toList());
  }
}
