package org.forumledger.reporting.support;

import java.util.ArrayList;
import java.util.List;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.seal.Seals;
import org.forumledger.kit.consumer.HandledEvents;
import org.forumledger.reporting.consumption.EventApplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies events the way the kit's batch listener does: remembered as one batch ({@link
 * HandledEvents#batch}) and applied in one transaction, then, once it has committed, each applied
 * one told.
 */
public final class AsABatchListener {

  private AsABatchListener() {}

  /** An event with the record it came in, as the registry sealed it. */
  public record Received(EventEnvelope envelope, Seals.Sealed record) {}

  /** The events applied (not redeliveries), in order. */
  public static List<EventEnvelope> applyInOneTransaction(
      EventApplier projection, TransactionTemplate transactions, List<EventEnvelope> batch) {
    return applyReceivedInOneTransaction(
        projection,
        transactions,
        batch.stream().map(envelope -> new Received(envelope, null)).toList());
  }

  /** The same, keeping each record's seal as the kit passes it on. */
  public static List<EventEnvelope> applyReceivedInOneTransaction(
      EventApplier projection, TransactionTemplate transactions, List<Received> batch) {
    List<EventEnvelope> applied = new ArrayList<>();
    transactions.executeWithoutResult(
        status -> {
          applied.clear();
          HandledEvents.Batch remembering =
              projection.batch(
                  () -> batch.stream().map(received -> received.envelope().metadata()).toList());
          for (Received received : batch) {
            EventEnvelope envelope = received.envelope();
            if (remembering.remember(envelope.metadata(), false)) {
              projection.apply(envelope, received.record());
              applied.add(envelope);
            }
          }
          remembering.finish();
        });
    applied.forEach(projection::committed);
    return applied;
  }
}
