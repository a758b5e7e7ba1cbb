package org.forumledger.reporting.consumption;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventJson;
import org.forumledger.events.EventMetadata;
import org.forumledger.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the registry's events. Unknown types and versions are skipped with a metric and remembered;
 * unreadable bytes throw, so the container's error handler dead-letters them.
 */
@Component
public class ForumEventListener {

  private static final Logger log = LoggerFactory.getLogger(ForumEventListener.class);

  private final EventApplier applier;
  private final Counter skipped;

  public ForumEventListener(EventApplier applier, MeterRegistry meters) {
    this.applier = applier;
    this.skipped =
        Counter.builder("ledger.events.skipped").tag("reason", "unknown-type").register(meters);
  }

  @KafkaListener(topics = Topics.FORUM_EVENTS, groupId = "${spring.kafka.consumer.group-id}")
  public void onRecord(ConsumerRecord<String, byte[]> record) {
    Optional<EventEnvelope> envelope = EventJson.read(record.value());
    if (envelope.isPresent()) {
      applier.apply(envelope.get());
      return;
    }
    EventMetadata metadata = EventJson.readMetadata(record.value());
    if (applier.skip(metadata)) {
      skipped.increment();
      log.warn(
          "Skipped event {} of unknown type {} v{} at {}-{}@{}",
          metadata.eventId(),
          metadata.eventType(),
          metadata.eventVersion(),
          record.topic(),
          record.partition(),
          record.offset());
    }
  }
}
