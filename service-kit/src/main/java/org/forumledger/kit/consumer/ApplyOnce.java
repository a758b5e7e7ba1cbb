package org.forumledger.kit.consumer;

import java.util.Optional;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventJson;
import org.forumledger.events.EventMetadata;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The consumer's decision for one published record, the same for a live consumer and a replay: an
 * event of a known type is applied once, one of an unknown type or version is remembered as
 * skipped, a redelivery changes nothing, and bytes that are no event at all throw {@link
 * java.io.UncheckedIOException} so that they are parked, never retried.
 */
public final class ApplyOnce {

  public enum Outcome {
    APPLIED,
    DUPLICATE,
    SKIPPED_UNKNOWN_TYPE
  }

  private final HandledEvents handled;
  private final EventProjection projection;
  private final TransactionOperations transactions;

  public ApplyOnce(
      HandledEvents handled, EventProjection projection, TransactionOperations transactions) {
    this.handled = handled;
    this.projection = projection;
    this.transactions = transactions;
  }

  /** For folding in memory, where there is no transaction to take part in. */
  public static ApplyOnce inMemory(HandledEvents handled, EventProjection projection) {
    return new ApplyOnce(handled, projection, TransactionOperations.withoutTransaction());
  }

  public Outcome accept(byte[] value) {
    Optional<EventEnvelope> read = EventJson.read(value);
    if (read.isEmpty()) {
      EventMetadata metadata = EventJson.readMetadata(value);
      Boolean first = transactions.execute(status -> handled.remember(metadata, true));
      return Boolean.TRUE.equals(first) ? Outcome.SKIPPED_UNKNOWN_TYPE : Outcome.DUPLICATE;
    }
    return accept(read.get());
  }

  public Outcome accept(EventEnvelope envelope) {
    Outcome outcome =
        transactions.execute(
            status -> {
              if (!handled.remember(envelope.metadata(), false)) {
                return Outcome.DUPLICATE;
              }
              projection.apply(envelope);
              return Outcome.APPLIED;
            });
    if (outcome == Outcome.APPLIED) {
      projection.committed(envelope);
    }
    return outcome;
  }

  public long position() {
    return handled.position();
  }
}
