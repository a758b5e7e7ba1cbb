package org.forumledger.reporting.consumption;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventMetadata;
import org.forumledger.events.seal.Seals;
import org.forumledger.kit.consumer.EventProjection;
import org.forumledger.kit.consumer.HandledEvents;
import org.forumledger.kit.consumer.NewEventsBatch;
import org.forumledger.reporting.audit.AuditLog;
import org.forumledger.reporting.history.Envelopes;
import org.forumledger.reporting.live.ChangeFeed;
import org.forumledger.reporting.store.EventLog;
import org.forumledger.reporting.store.ForumViews;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What events change in the reporting read model: the log, the current view and the audit chain;
 * and the remembered event ids that make a redelivery change nothing. The kit calls both inside its
 * transaction, for one event or several; the changes are gathered per transaction ({@link
 * TransactionChanges}) and written in batches just before it commits.
 */
@Component
public class EventApplier implements EventProjection, HandledEvents {

  private final EventLog log;
  private final ForumViews views;
  private final AuditLog audit;
  private final CommittedForums committed;
  private final ChangeFeed feed;
  private final Clock clock;

  public EventApplier(
      EventLog log,
      ForumViews views,
      AuditLog audit,
      CommittedForums committed,
      ChangeFeed feed,
      Clock clock) {
    this.log = log;
    this.views = views;
    this.audit = audit;
    this.committed = committed;
    this.feed = feed;
    this.clock = clock;
  }

  @Override
  public boolean remember(EventMetadata m, boolean skipped) {
    boolean first = log.markHandled(m.eventId(), m.globalPosition(), m.forumId(), clock.instant());
    if (first) {
      changes().handled(m.globalPosition());
    }
    return first;
  }

  /**
   * A batch's events looked up in one query and remembered in one multi-row insert when the batch
   * is decided; the rows of its forums that this instance has not cached are read in one query too.
   * An event this batch took for new but that another consumer instance handled meanwhile makes
   * {@link Batch#finish} throw, and the batch's transaction rolls back: nothing is applied twice.
   */
  @Override
  public Batch batch(Supplier<List<EventMetadata>> expected) {
    List<EventMetadata> events = expected.get();
    NewEventsBatch remembering = log.batch(events, clock.instant());
    Set<String> forumIds = new HashSet<>();
    for (EventMetadata m : events) {
      if (m.forumId() != null && !remembering.handledBefore(m.eventId())) {
        forumIds.add(m.forumId());
      }
    }
    TransactionChanges changes = changes();
    changes.prefetch(forumIds);
    return new Batch() {
      @Override
      public boolean remember(EventMetadata m, boolean skipped) {
        boolean first = remembering.remember(m, skipped);
        if (first) {
          changes.handled(m.globalPosition());
        }
        return first;
      }

      @Override
      public void finish() {
        remembering.finish();
      }
    };
  }

  /** The committed position, or inside a transaction the position it will commit. */
  @Override
  public long position() {
    long stored = log.position();
    Object pending = TransactionSynchronizationManager.getResource(this);
    return pending == null ? stored : Math.max(stored, ((TransactionChanges) pending).position());
  }

  @Override
  public void apply(EventEnvelope received) {
    changes().apply(Envelopes.normalised(received), null);
  }

  @Override
  public void apply(EventEnvelope received, Seals.Sealed record) {
    changes().apply(Envelopes.normalised(received), record);
  }

  @Override
  public void skipped(EventMetadata metadata, Seals.Sealed record) {
    changes().skipped(record);
  }

  @Override
  public void committed(EventEnvelope envelope) {
    feed.changed(envelope.metadata().globalPosition());
  }

  /** This transaction's changes, begun with its first event and written before its commit. */
  private TransactionChanges changes() {
    Object bound = TransactionSynchronizationManager.getResource(this);
    if (bound != null) {
      return (TransactionChanges) bound;
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException("Events are applied inside the consumer's transaction");
    }
    TransactionChanges changes = new TransactionChanges(this, log, views, audit, committed);
    TransactionSynchronizationManager.bindResource(this, changes);
    TransactionSynchronizationManager.registerSynchronization(changes);
    return changes;
  }
}
