package org.forumledger.registry.publication;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventJson;
import org.forumledger.events.EventMetadata;
import org.forumledger.events.ForumEvent;
import org.forumledger.events.ForumEventType;
import org.forumledger.events.MetadataKeys;
import org.forumledger.events.Topics;
import org.forumledger.events.WireHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes every stored event to Kafka, in store order, from a tracking processor: the event store
 * is the outbox. The processor's token only advances once Kafka has acknowledged the record
 * (acks=all), so an event stored while Kafka is down is published when Kafka is back. A crash
 * between acknowledgement and token update republishes; consumers deduplicate on the event id.
 */
@Component
@ProcessingGroup(KafkaPublisher.PROCESSING_GROUP)
public class KafkaPublisher {

  public static final String PROCESSING_GROUP = "kafka-publication";
  private static final long SEND_TIMEOUT_SECONDS = 120;

  private final KafkaTemplate<String, byte[]> kafka;

  public KafkaPublisher(KafkaTemplate<String, byte[]> kafka) {
    this.kafka = kafka;
  }

  @EventHandler
  public void on(ForumEvent event, DomainEventMessage<?> message, TrackingToken token)
      throws Exception {
    EventEnvelope envelope = new EventEnvelope(metadata(event, message, token), event);
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(
            Topics.FORUM_EVENTS,
            null,
            message.getTimestamp().toEpochMilli(),
            event.forumId(),
            EventJson.write(envelope));
    EventMetadata metadata = envelope.metadata();
    record.headers().add(WireHeaders.EVENT_TYPE, bytes(metadata.eventType()));
    record.headers().add(WireHeaders.EVENT_VERSION, bytes(String.valueOf(metadata.eventVersion())));
    record.headers().add(WireHeaders.EVENT_ID, bytes(metadata.eventId()));
    kafka.send(record).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  static EventMetadata metadata(
      ForumEvent event, DomainEventMessage<?> message, TrackingToken token) {
    ForumEventType type = ForumEventType.of(event);
    MetaData meta = message.getMetaData();
    String effectiveDate = text(meta, MetadataKeys.EFFECTIVE_DATE);
    return new EventMetadata(
        message.getIdentifier(),
        type.logicalName(),
        type.version(),
        event.forumId(),
        message.getSequenceNumber(),
        token.position().orElseThrow(),
        message.getTimestamp(),
        effectiveDate == null ? null : LocalDate.parse(effectiveDate),
        text(meta, MetadataKeys.ACTOR),
        text(meta, MetadataKeys.REASON),
        text(meta, MetadataKeys.DECISION_REFERENCE),
        text(meta, MetadataKeys.CORRELATION_ID));
  }

  private static String text(MetaData meta, String key) {
    Object value = meta.get(key);
    return value == null ? null : value.toString();
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
