package org.forumledger.registry.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.forumledger.events.seal.SealException;
import org.forumledger.events.seal.Seals;
import org.forumledger.events.seal.SignedStatement;
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

    KeyRing keys = servedKeys();
    assertThat(keys.find(asViewer("/keys").get("activeKeyId").asText())).isPresent();

    ChainLink head = ChainLink.START;
    for (ConsumerRecord<String, byte[]> record : List.copyOf(received)) {
      EventSeal seal = Seals.verify(record.value(), keys);
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
  void theChainsHeadItsLinksAndASignedCheckpointOfTheHeadAreServed() throws Exception {
    String forumId = register("Checkpointed");
    await().atMost(Duration.ofSeconds(20)).until(() -> !envelopesFor(forumId).isEmpty());
    JdbcTemplate jdbc = stack.context().getBean(JdbcTemplate.class);
    long last = jdbc.queryForObject("select max(chain_sequence) from publication_seal", Long.class);
    String lastHash =
        jdbc.queryForObject(
            "select hash from publication_seal where chain_sequence = ?", String.class, last);

    JsonNode head = asViewer("/chain/head");
    assertThat(head.get("chainSequence").asLong()).isEqualTo(last);
    assertThat(head.get("hash").asText()).isEqualTo(lastHash);
    assertThat(asViewer("/chain/links/1").get("previousHash").asText())
        .isEqualTo(ChainLink.GENESIS_HASH);
    stack
        .client("viewer", RegistryTestStack.VIEWER_PASSWORD)
        .get()
        .uri("/chain/links/999999")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);

    stack.registrar().post().uri("/checkpoints").exchange().expectStatus().isForbidden();
    JsonNode issued =
        EventJson.mapper()
            .readTree(
                stack
                    .client("auditor", RegistryTestStack.AUDITOR_PASSWORD)
                    .post()
                    .uri("/checkpoints")
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .returnResult()
                    .getResponseBodyContent());

    SignedStatement signed = signedIn(issued);
    assertThat(signed.statement().get("chainSequence").asLong())
        .isEqualTo(issued.get("chainSequence").asLong())
        .isGreaterThanOrEqualTo(last);
    assertThat(signed.statement().get("issuedBy").asText()).isEqualTo("auditor");
    signed.verify(servedKeys());
    assertThat(asViewer("/checkpoints/latest").get("hash").asText()).isEqualTo(signed.hash());
    ObjectNode altered = (ObjectNode) signed.statement().deepCopy();
    altered.put("chainSequence", 1);
    assertThatThrownBy(
            () ->
                new SignedStatement(altered, signed.hash(), signed.keyId(), signed.signature())
                    .verify(servedKeys()))
        .isInstanceOf(SealException.class);
  }

  private static SignedStatement signedIn(JsonNode checkpoint) throws java.io.IOException {
    return new SignedStatement(
        EventJson.mapper().readTree(checkpoint.get("statement").asText()),
        checkpoint.get("hash").asText(),
        checkpoint.get("keyId").asText(),
        checkpoint.get("signature").asText());
  }

  private static JsonNode asViewer(String uri) throws java.io.IOException {
    return EventJson.mapper()
        .readTree(
            stack
                .client("viewer", RegistryTestStack.VIEWER_PASSWORD)
                .get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBodyContent());
  }

  private static KeyRing servedKeys() throws java.io.IOException {
    Map<String, PublicKey> keys = new HashMap<>();
    asViewer("/keys")
        .get("keys")
        .forEach(
            k ->
                keys.put(
                    k.get("keyId").asText(), SigningKey.publicKey(k.get("publicKey").asText())));
    return KeyRing.of(keys);
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
