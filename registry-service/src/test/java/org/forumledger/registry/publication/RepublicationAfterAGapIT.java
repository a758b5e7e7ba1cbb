package org.forumledger.registry.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.forumledger.events.EventJson;
import org.forumledger.events.Topics;
import org.forumledger.events.WireHeaders;
import org.forumledger.events.seal.EventSeal;
import org.forumledger.events.seal.Seals;
import org.forumledger.registry.RegistryTestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An event whose transaction commits after a later one's is published after it, at the position the
 * processor had then (above its own index), and sealed after it. When the processor's token is put
 * back, as a crash between Kafka's acknowledgement and the token's update leaves it, the same
 * events are read again in index order: each must go out again byte for byte as before, or the
 * publisher would refuse its own seals and stop for good.
 */
class RepublicationAfterAGapIT {

  static RegistryTestStack stack;
  static TopicReader topic;

  @BeforeAll
  static void start() {
    stack = RegistryTestStack.start();
    topic = TopicReader.start(stack.infra().kafkaBootstrapServers());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    topic.close();
    stack.close();
  }

  @Test
  void anEventThatFilledAGapIsPublishedAgainAsItWasAfterTheTokenIsPutBack() throws Exception {
    String before = register("Before the gap");
    ConsumerRecord<String, byte[]> beforeRecord = topic.awaitOne(before);
    long beforeIndex = position(beforeRecord);

    String lateEventId = UUID.randomUUID().toString();
    String after;
    long lateIndex;
    try (Connection late = stack.context().getBean(DataSource.class).getConnection()) {
      late.setAutoCommit(false);
      lateIndex = insertACopyOfTheForumsFirstEvent(late, before, lateEventId);
      after = register("After the gap");
      ConsumerRecord<String, byte[]> afterRecord = topic.awaitOne(after);
      assertThat(position(afterRecord))
          .as("stored after the late one's index")
          .isGreaterThan(lateIndex);
      late.commit();
    }
    List<ConsumerRecord<String, byte[]>> lateRecords = topic.awaitEvent(lateEventId, 1);
    ConsumerRecord<String, byte[]> lateRecord = lateRecords.get(0);
    ConsumerRecord<String, byte[]> afterRecord = topic.awaitOne(after);
    assertThat(position(lateRecord))
        .as("published at the processor's position, above its own index %d", lateIndex)
        .isEqualTo(position(afterRecord));
    assertThat(seal(lateRecord).chainSequence()).isEqualTo(seal(afterRecord).chainSequence() + 1);

    putTheTokenBackTo(beforeIndex - 1);

    List<ConsumerRecord<String, byte[]>> lateAgain = topic.awaitEvent(lateEventId, 2);
    assertThat(lateAgain.get(1).value()).isEqualTo(lateRecord.value());
    List<ConsumerRecord<String, byte[]>> afterAgain = topic.awaitEvent(eventId(afterRecord), 2);
    assertThat(afterAgain.get(1).value()).isEqualTo(afterRecord.value());
    assertThat(afterAgain.get(1).offset())
        .as("republished in chain order, as first published")
        .isLessThan(lateAgain.get(1).offset());
    String later = register("After the republication");
    assertThat(seal(topic.awaitOne(later)).chainSequence())
        .as("the chain goes on from the late event's seal")
        .isEqualTo(seal(lateRecord).chainSequence() + 1);
  }

  private static String register(String name) {
    return stack.register(
        """
        {"name": "%s", "area": "Regional utveckling", "kind": "NETWORK",
         "effectiveDate": "2023-01-01", "reason": "test", "decisionReference": "KS 2023-11-22 § 841"}
        """
            .formatted(name));
  }

  /**
   * Takes the next index of the store in an open transaction, for an event with a fresh id: the
   * forum's first event again, at a sequence number the forum will never reach.
   */
  private static long insertACopyOfTheForumsFirstEvent(
      Connection connection, String forumId, String eventId) throws Exception {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into domain_event_entry (global_index, event_identifier, meta_data, payload,"
                + " payload_revision, payload_type, time_stamp, aggregate_identifier,"
                + " sequence_number, type)"
                + " select nextval('domain_event_entry_seq'), ?, meta_data, payload,"
                + " payload_revision, payload_type, time_stamp, aggregate_identifier, 1000000, type"
                + " from domain_event_entry where aggregate_identifier = ? and sequence_number = 0"
                + " returning global_index")) {
      insert.setString(1, eventId);
      insert.setString(2, forumId);
      try (ResultSet inserted = insert.executeQuery()) {
        assertThat(inserted.next()).isTrue();
        return inserted.getLong(1);
      }
    }
  }

  /** What a crash after Kafka acknowledged and before the token moved leaves behind. */
  private static void putTheTokenBackTo(long index) {
    TrackingEventProcessor processor =
        stack
            .context()
            .getBean(EventProcessingConfiguration.class)
            .eventProcessor(KafkaPublisher.PROCESSING_GROUP, TrackingEventProcessor.class)
            .orElseThrow();
    processor.shutDown();
    TokenStore tokens = stack.context().getBean(TokenStore.class);
    new TransactionTemplate(stack.context().getBean(PlatformTransactionManager.class))
        .executeWithoutResult(
            status -> {
              tokens.storeToken(
                  GapAwareTrackingToken.newInstance(index, Set.of()),
                  KafkaPublisher.PROCESSING_GROUP,
                  0);
              tokens.releaseClaim(KafkaPublisher.PROCESSING_GROUP, 0);
            });
    assertThat(
            stack
                .context()
                .getBean(JdbcTemplate.class)
                .queryForObject(
                    "select owner from token_entry where processor_name = ?",
                    String.class,
                    KafkaPublisher.PROCESSING_GROUP))
        .isNull();
    processor.start();
  }

  private static long position(ConsumerRecord<String, byte[]> record) {
    return EventJson.read(record.value()).orElseThrow().metadata().globalPosition();
  }

  private static String eventId(ConsumerRecord<String, byte[]> record) {
    return EventJson.read(record.value()).orElseThrow().metadata().eventId();
  }

  private static EventSeal seal(ConsumerRecord<String, byte[]> record) throws Exception {
    return EventJson.mapper()
        .treeToValue(EventJson.mapper().readTree(record.value()).get(Seals.SEAL), EventSeal.class);
  }

  /** Every record of the forum-events topic, read from the start by a consumer of its own. */
  static final class TopicReader implements AutoCloseable {
    private final List<ConsumerRecord<String, byte[]>> received = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean reading = true;

    private TopicReader(String bootstrapServers) {
      thread = new Thread(() -> read(bootstrapServers), "topic-reader");
    }

    static TopicReader start(String bootstrapServers) {
      TopicReader reader = new TopicReader(bootstrapServers);
      reader.thread.start();
      return reader;
    }

    private void read(String bootstrapServers) {
      Properties props = new Properties();
      props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      props.put(ConsumerConfig.GROUP_ID_CONFIG, "republication-test-" + UUID.randomUUID());
      props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      try (var consumer =
          new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
        consumer.subscribe(List.of(Topics.FORUM_EVENTS));
        while (reading) {
          consumer.poll(Duration.ofMillis(200)).forEach(received::add);
        }
      }
    }

    /** The forum's one record: its registration. */
    ConsumerRecord<String, byte[]> awaitOne(String forumId) {
      return await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> received.stream().filter(r -> forumId.equals(r.key())).toList(),
              records -> !records.isEmpty())
          .get(0);
    }

    /** The records of one event, once there are this many, in topic order. */
    List<ConsumerRecord<String, byte[]>> awaitEvent(String eventId, int count) {
      return await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> received.stream().filter(r -> eventId.equals(eventIdOf(r))).toList(),
              records -> records.size() >= count);
    }

    private static String eventIdOf(ConsumerRecord<String, byte[]> record) {
      return new String(
          record.headers().lastHeader(WireHeaders.EVENT_ID).value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
      reading = false;
      thread.join();
    }
  }
}
