package org.forumledger.reporting.consumption;

import java.time.Clock;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventMetadata;
import org.forumledger.kit.consumer.EventProjection;
import org.forumledger.kit.consumer.HandledEvents;
import org.forumledger.reporting.audit.AuditLog;
import org.forumledger.reporting.history.Envelopes;
import org.forumledger.reporting.history.ForumFold;
import org.forumledger.reporting.live.ChangeFeed;
import org.forumledger.reporting.store.EventLog;
import org.forumledger.reporting.store.ForumViews;
import org.springframework.stereotype.Component;

/**
 * What one event changes in the reporting read model: the log, the current view and the audit
 * chain; and the remembered event ids that make a redelivery change nothing. The kit's {@link
 * org.forumledger.kit.consumer.ApplyOnce} calls both in one transaction.
 */
@Component
public class EventApplier implements EventProjection, HandledEvents {

  private final EventLog log;
  private final ForumViews views;
  private final AuditLog audit;
  private final ChangeFeed feed;
  private final Clock clock;

  public EventApplier(
      EventLog log, ForumViews views, AuditLog audit, ChangeFeed feed, Clock clock) {
    this.log = log;
    this.views = views;
    this.audit = audit;
    this.feed = feed;
    this.clock = clock;
  }

  @Override
  public boolean remember(EventMetadata m, boolean skipped) {
    return log.markHandled(m.eventId(), m.globalPosition(), m.forumId(), clock.instant());
  }

  @Override
  public long position() {
    return log.position();
  }

  @Override
  public void apply(EventEnvelope received) {
    EventEnvelope envelope = Envelopes.normalised(received);
    log.append(envelope);
    var next = ForumFold.apply(views.find(envelope.metadata().forumId()).orElse(null), envelope);
    if (next != null) {
      views.save(next);
    }
    audit.append(envelope);
  }

  @Override
  public void committed(EventEnvelope envelope) {
    feed.changed(envelope.metadata().globalPosition());
  }
}
