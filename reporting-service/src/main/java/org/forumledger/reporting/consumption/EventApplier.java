package org.forumledger.reporting.consumption;

import java.time.Clock;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventMetadata;
import org.forumledger.events.seal.Seals;
import org.forumledger.kit.consumer.EventProjection;
import org.forumledger.kit.consumer.HandledEvents;
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
