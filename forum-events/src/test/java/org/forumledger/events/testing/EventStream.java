package org.forumledger.events.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventJson;
import org.forumledger.events.EventMetadata;
import org.forumledger.events.ForumEventType;
import org.forumledger.events.LedgerEvent;

/**
 * Numbers events the way the registry publishes them: a gap-free global position and a sequence per
 * forum from 0, a fresh event id each, and the same defaults for what a test does not set. Each
 * {@code append} is a new event, even of the same builder.
 */
public final class EventStream {

  public static final Instant RECORDED_AT = Instant.parse("2024-02-26T09:15:00Z");
  public static final String ACTOR = "registrar";
  public static final String REASON = "test";
  public static final String DECISION = "KS 2023-11-22 § 841";

  private long nextPosition;
  private final Map<String, Long> nextSequence = new HashMap<>();

  /** A stream whose first event has global position 1. */
  public EventStream() {
    this(1);
  }

  public EventStream(long firstPosition) {
    this.nextPosition = firstPosition;
  }

  /** The global position the next event will get. */
  public synchronized long nextPosition() {
    return nextPosition;
  }

  public synchronized EventEnvelope append(EventBuilder<?, ?> event) {
    LedgerEvent payload = event.payload();
    ForumEventType type = ForumEventType.of(payload);
    long sequence = nextSequence.merge(payload.streamId(), 1L, Long::sum) - 1;
    long position = nextPosition++;
    Instant recordedAt = event.recordedAt == null ? RECORDED_AT : event.recordedAt;
    LocalDate natural = event.naturalDate();
    LocalDate effective =
        event.effectiveDateSet
            ? event.effectiveDate
            : natural != null ? natural : LocalDate.ofInstant(recordedAt, ZoneOffset.UTC);
    EventMetadata metadata =
        new EventMetadata(
            event.eventId == null ? UUID.randomUUID().toString() : event.eventId,
            type.logicalName(),
            type.version(),
            payload.streamId(),
            event.sequenceNumber == null ? sequence : event.sequenceNumber,
            event.globalPosition == null ? position : event.globalPosition,
            recordedAt,
            effective,
            event.actor == null ? ACTOR : event.actor,
            event.reason == null ? REASON : event.reason,
            event.decisionSet ? event.decisionReference : DECISION,
            event.correlationId == null ? "corr-" + payload.streamId() : event.correlationId);
    return new EventEnvelope(metadata, payload);
  }

  /** A payload built by hand, with the stream's defaults for all its metadata. */
  public EventEnvelope append(LedgerEvent payload) {
    return append(new GivenEvent<>(payload, null));
  }

  /** An event recorded at an instant and effective on a date (or none), the rest by default. */
  public EventEnvelope envelope(EventBuilder<?, ?> event, String recordedAt, String effective) {
    return append(event.recordedAt(recordedAt).effective(effective));
  }

  public EventEnvelope envelope(LedgerEvent payload, String recordedAt, String effective) {
    return envelope(new GivenEvent<>(payload, null), recordedAt, effective);
  }

  /** The next event as the bytes of its Kafka record's value. */
  public byte[] wire(EventBuilder<?, ?> event) {
    return EventJson.write(append(event));
  }

  /**
   * A well-formed record of a type this contract does not know (a newer registry's event), numbered
   * in this stream; consumers must skip it.
   */
  public synchronized UnknownEvent unknown(String forumId, String eventType) {
    long sequence = nextSequence.merge(forumId, 1L, Long::sum) - 1;
    return UnknownEvent.of(
        UUID.randomUUID().toString(), eventType, forumId, sequence, nextPosition++);
  }
}
