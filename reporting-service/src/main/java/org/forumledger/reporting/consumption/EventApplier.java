package org.forumledger.reporting.consumption;

import java.time.Clock;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventMetadata;
import org.forumledger.reporting.audit.AuditLog;
import org.forumledger.reporting.history.Envelopes;
import org.forumledger.reporting.history.ForumFold;
import org.forumledger.reporting.live.ChangeFeed;
import org.forumledger.reporting.store.EventLog;
import org.forumledger.reporting.store.ForumViews;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one event with an exactly-once effect: in one transaction the event id is remembered, and
 * only if it was new are the log, the current view and the audit chain written.
 */
@Component
public class EventApplier {

  public enum Outcome {
    APPLIED,
    DUPLICATE
  }

  private final TransactionTemplate transactions;
  private final EventLog log;
  private final ForumViews views;
  private final AuditLog audit;
  private final ChangeFeed feed;
  private final Clock clock;

  public EventApplier(
      TransactionTemplate transactions,
      EventLog log,
      ForumViews views,
      AuditLog audit,
      ChangeFeed feed,
      Clock clock) {
    this.transactions = transactions;
    this.log = log;
    this.views = views;
    this.audit = audit;
    this.feed = feed;
    this.clock = clock;
  }

  public Outcome apply(EventEnvelope received) {
    EventEnvelope envelope = Envelopes.normalised(received);
    EventMetadata m = envelope.metadata();
    Outcome outcome =
        transactions.execute(
            status -> {
              if (!log.markHandled(m.eventId(), m.globalPosition(), m.forumId(), clock.instant())) {
                return Outcome.DUPLICATE;
              }
              log.append(envelope);
              var next = ForumFold.apply(views.find(m.forumId()).orElse(null), envelope);
              if (next != null) {
                views.save(next);
              }
              audit.append(envelope);
              return Outcome.APPLIED;
            });
    if (outcome == Outcome.APPLIED) {
      feed.changed(m.globalPosition());
    }
    return outcome;
  }

  /** Remembers an event this consumer cannot read as handled; true the first time. */
  public boolean skip(EventMetadata m) {
    return Boolean.TRUE.equals(
        transactions.execute(
            status ->
                log.markHandled(m.eventId(), m.globalPosition(), m.forumId(), clock.instant())));
  }
}
