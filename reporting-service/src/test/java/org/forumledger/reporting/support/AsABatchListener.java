package org.forumledger.reporting.support;

import java.util.ArrayList;
import java.util.List;
import org.forumledger.events.EventEnvelope;
import org.forumledger.reporting.consumption.EventApplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies events the way the kit's batch listener does: each remembered and applied in one
 * transaction, then, once it has committed, each applied one told.
 */
public final class AsABatchListener {

  private AsABatchListener() {}

  /** The events applied (not redeliveries), in order. */
  public static List<EventEnvelope> applyInOneTransaction(
      EventApplier projection, TransactionTemplate transactions, List<EventEnvelope> batch) {
    List<EventEnvelope> applied = new ArrayList<>();
    transactions.executeWithoutResult(
        status -> {
          applied.clear();
          for (EventEnvelope envelope : batch) {
            if (projection.remember(envelope.metadata(), false)) {
              projection.apply(envelope);
              applied.add(envelope);
            }
          }
        });
    applied.forEach(projection::committed);
    return applied;
  }
}
