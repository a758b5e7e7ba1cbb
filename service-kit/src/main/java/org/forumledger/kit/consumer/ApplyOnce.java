package org.forumledger.kit.consumer;

import java.util.ArrayList;
import java.util.List;
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
 *
 * <p>A batch is decided in one transaction: all of it takes effect or none of it does, and {@link
 * EventProjection#committed} is told only after the commit.
 */
public final class ApplyOnce {

  public enum Outcome {
    APPLIED,
    DUPLICATE,
    SKIPPED_UNKNOWN_TYPE
  }

  private record Decision(Outcome outcome, EventEnvelope applied) {}

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
    return acceptAll(List.of(value)).get(0);
  }

  public Outcome accept(EventEnvelope envelope) {
    Decision decision = transactions.execute(status -> decide(envelope));
    tellCommitted(List.of(decision));
    return decision.outcome();
  }

  /** The outcomes of {@code values}, in order, decided in one transaction. */
  public List<Outcome> acceptAll(List<byte[]> values) {
    List<Decision> decisions =
        transactions.execute(
            status -> {
              List<Decision> decided = new ArrayList<>(values.size());
              for (byte[] value : values) {
                decided.add(decide(value));
              }
              return decided;
            });
    tellCommitted(decisions);
    return decisions.stream().map(Decision::outcome).toList();
  }

  private Decision decide(byte[] value) {
    Optional<EventEnvelope> read = EventJson.read(value);
    if (read.isEmpty()) {
      EventMetadata metadata = EventJson.readMetadata(value);
      return new Decision(
          handled.remember(metadata, true) ? Outcome.SKIPPED_UNKNOWN_TYPE : Outcome.DUPLICATE,
          null);
    }
    return decide(read.get());
  }

  private Decision decide(EventEnvelope envelope) {
    if (!handled.remember(envelope.metadata(), false)) {
      return new Decision(Outcome.DUPLICATE, null);
    }
    projection.apply(envelope);
    return new Decision(Outcome.APPLIED, envelope);
  }

  private void tellCommitted(List<Decision> decisions) {
    for (Decision decision : decisions) {
      if (decision.applied() != null) {
        projection.committed(decision.applied());
      }
    }
  }

  public long position() {
    return handled.position();
  }
}
