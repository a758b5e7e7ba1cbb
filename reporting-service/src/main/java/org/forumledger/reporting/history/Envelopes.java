package org.forumledger.reporting.history;

import java.time.temporal.ChronoUnit;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventMetadata;

/** Normalisation every consumer path applies before it keeps or folds an event. */
public final class Envelopes {

  private Envelopes() {}

  /**
   * The envelope with {@code recordedAt} truncated to microseconds, the precision PostgreSQL keeps,
   * so a state folded from the topic and one folded from the stored log are equal.
   */
  public static EventEnvelope normalised(EventEnvelope envelope) {
    EventMetadata m = envelope.metadata();
    EventMetadata normalised = normalised(m);
    return normalised == m ? envelope : new EventEnvelope(normalised, envelope.payload());
  }

  /** The metadata with {@code recordedAt} truncated to microseconds. */
  public static EventMetadata normalised(EventMetadata m) {
    if (m.recordedAt() == null || m.recordedAt().getNano() % 1000 == 0) {
      return m;
    }
    return new EventMetadata(
        m.eventId(),
        m.eventType(),
        m.eventVersion(),
        m.forumId(),
        m.sequenceNumber(),
        m.globalPosition(),
        m.recordedAt().truncatedTo(ChronoUnit.MICROS),
        m.effectiveDate(),
        m.actor(),
        m.reason(),
        m.decisionReference(),
        m.correlationId());
  }
}
