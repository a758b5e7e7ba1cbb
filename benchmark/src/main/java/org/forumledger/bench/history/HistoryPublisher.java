package org.forumledger.bench.history;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.forumledger.bench.stats.Errors;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventJson;
import org.forumledger.events.EventMetadata;
import org.forumledger.events.Topics;
import org.forumledger.events.WireHeaders;
import org.forumledger.events.seal.ChainLink;
import org.forumledger.events.seal.Seals;
import org.forumledger.events.seal.SigningKey;

/**
 * Publishes a generated history with a plain producer, each record exactly as the registry's
 * publisher writes one: keyed by forum, stamped with its recorded time, the headers {@code
 * event-type}, {@code event-version} and {@code event-id}, the envelope's JSON as value, sealed
 * with the registry's key as the links after the chain's last one (else the consumers would park
 * every record as not vouched for). The registry's own next event then no longer continues the
 * chain the consumers follow, so this is the benchmark's last writing phase. Sends are pipelined
 * (acknowledged by all replicas, idempotent, so in order); the producer's bounded buffer holds back
 * the generator, so memory stays flat however long the history.
 */
public final class HistoryPublisher {

  /** What was published: how many, how fast, the positions and the recorded times it spans. */
  public record Published(
      long events,
      double seconds,
      double perSecond,
      long firstPosition,
      long lastPosition,
      Instant firstRecordedAt,
      Instant middleRecordedAt,
      Instant lastRecordedAt,
      long errors,
      List<String> firstErrors) {}

  private HistoryPublisher() {}

  public static Published publish(
      String bootstrapServers, HistoryGenerator history, SigningKey key, ChainLink after) {
    ChainLink link = after;
    Errors errors = new Errors();
    Instant first = null;
    Instant middle = null;
    Instant last = null;
    long middleIndex = history.size() / 2;
    long sent = 0;
    long started = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(properties(bootstrapServers))) {
      while (history.hasNext()) {
        EventEnvelope envelope = history.next();
        EventMetadata metadata = envelope.metadata();
        Seals.Sealed sealed = Seals.seal(EventJson.write(envelope), link, key);
        link = sealed.seal().link();
        producer.send(
            record(metadata, sealed.value()),
            (ack, failure) -> {
              if (failure != null) {
                errors.add("position " + metadata.globalPosition() + ": " + failure);
              }
            });
        if (sent == 0) {
          first = metadata.recordedAt();
        }
        if (sent == middleIndex) {
          middle = metadata.recordedAt();
        }
        last = metadata.recordedAt();
        sent++;
      }
      producer.flush();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Published(
        sent,
        seconds,
        sent / seconds,
        history.firstPosition(),
        history.lastPosition(),
        first,
        middle,
        last,
        errors.count(),
        errors.first());
  }

  static ProducerRecord<String, byte[]> record(EventMetadata metadata, byte[] value) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(
            Topics.FORUM_EVENTS,
            null,
            metadata.recordedAt().toEpochMilli(),
            metadata.forumId(),
            value);
    record.headers().add(WireHeaders.EVENT_TYPE, bytes(metadata.eventType()));
    record.headers().add(WireHeaders.EVENT_VERSION, bytes(String.valueOf(metadata.eventVersion())));
    record.headers().add(WireHeaders.EVENT_ID, bytes(metadata.eventId()));
    return record;
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private static Properties properties(String bootstrapServers) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
    p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(32L * 1024 * 1024));
    return p;
  }
}
