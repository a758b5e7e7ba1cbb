package org.forumledger.kit.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.forumledger.events.EventJson;
import org.forumledger.events.EventMetadata;
import org.forumledger.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerSeekAware;

/**
 * Takes the registry's forum events off the topic into the service's {@link EventProjection}, once
 * each, a poll's worth at a time. Failures go to the container's error handler (bounded retries,
 * waiting while the database is away, then the dead-letter topic), so one bad record never stops
 * the rest.
 */
public class ForumEventConsumer implements ConsumerSeekAware {

  public static final String LISTENER_ID = "forum-events";

  private static final Logger log = LoggerFactory.getLogger(ForumEventConsumer.class);

  private final ApplyOnce applyOnce;
  private final Counter applied;
  private final Counter skippedUnknown;
  private final Counter duplicates;
  private final AtomicBoolean seekToBeginningOnAssignment = new AtomicBoolean(false);

  public ForumEventConsumer(ApplyOnce applyOnce, MeterRegistry meters) {
    this.applyOnce = applyOnce;
    this.applied =
        Counter.builder("ledger.events.applied")
            .description("Events applied to this service's read model")
            .register(meters);
    this.skippedUnknown =
        Counter.builder("ledger.events.skipped")
            .tag("reason", "unknown-type")
            .description("Events of a type or version this service does not know")
            .register(meters);
    this.duplicates =
        Counter.builder("ledger.events.duplicate")
            .description("Redelivered events whose effect was already applied")
            .register(meters);
    Gauge.builder("ledger.events.position", applyOnce, ApplyOnce::position)
        .description("The highest global position this service has handled")
        .register(meters);
  }

  /**
   * One poll's records in one database transaction, offsets committed once for all of them. When
   * the batch fails it is taken one record at a time, so that the records before the failing one
   * are committed and the failing one alone goes to the error handler (retried, waited for, or
   * parked).
   */
  @KafkaListener(
      id = LISTENER_ID,
      topics = Topics.FORUM_EVENTS,
      groupId = "${spring.kafka.consumer.group-id}",
      batch = "true")
  public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
    List<ApplyOnce.Outcome> outcomes;
    try {
      outcomes = applyOnce.acceptAll(records.stream().map(ConsumerRecord::value).toList());
    } catch (RuntimeException batchFailed) {
      log.debug(
          "A batch of {} failed; taking it one record at a time", records.size(), batchFailed);
      oneByOne(records);
      return;
    }
    for (int i = 0; i < records.size(); i++) {
      count(records.get(i), outcomes.get(i));
    }
  }

  private void oneByOne(List<ConsumerRecord<String, byte[]>> records) {
    for (int i = 0; i < records.size(); i++) {
      ConsumerRecord<String, byte[]> record = records.get(i);
      try {
        count(record, applyOnce.accept(record.value()));
      } catch (RuntimeException failed) {
        throw new BatchListenerFailedException(failed.getMessage(), failed, i);
      }
    }
  }

  private void count(ConsumerRecord<String, byte[]> record, ApplyOnce.Outcome outcome) {
    switch (outcome) {
      case APPLIED -> applied.increment();
      case DUPLICATE -> duplicates.increment();
      case SKIPPED_UNKNOWN_TYPE -> {
        skippedUnknown.increment();
        EventMetadata metadata = EventJson.readMetadata(record.value());
        log.warn(
            "Skipped event {} of unknown type {} v{} (forum {}, position {})",
            metadata.eventId(),
            metadata.eventType(),
            metadata.eventVersion(),
            metadata.forumId(),
            metadata.globalPosition());
      }
    }
    log.debug(
        "{} record {}-{}@{} (key {})",
        outcome,
        record.topic(),
        record.partition(),
        record.offset(),
        record.key());
  }

  /** The highest global position handled. */
  public long position() {
    return applyOnce.position();
  }

  /**
   * The next assignment (after the container restarts) reads every partition from its beginning.
   */
  public void replayFromBeginningOnNextAssignment() {
    seekToBeginningOnAssignment.set(true);
  }

  @Override
  public void onPartitionsAssigned(
      Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
    if (!assignments.isEmpty() && seekToBeginningOnAssignment.getAndSet(false)) {
      log.info("Replaying {} from the beginning", assignments.keySet());
      callback.seekToBeginning(assignments.keySet());
    }
  }
}
