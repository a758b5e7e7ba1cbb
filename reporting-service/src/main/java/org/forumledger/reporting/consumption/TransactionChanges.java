package org.forumledger.reporting.consumption;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.ForumEvent;
import org.forumledger.events.ForumRegistered;
import org.forumledger.events.seal.Seals;
import org.forumledger.reporting.audit.AuditLog;
import org.forumledger.reporting.audit.AuditedEvent;
import org.forumledger.reporting.history.ForumFold;
import org.forumledger.reporting.history.ForumState;
import org.forumledger.reporting.history.TimeSlice;
import org.forumledger.reporting.store.EventLog;
import org.forumledger.reporting.store.ForumViews;
import org.forumledger.reporting.store.LoggedEvent;
import org.forumledger.reporting.store.StoredForum;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What one consumer transaction changes, however many events it applies: folded in memory as the
 * events come, written in batches just before the commit, and handed to {@link CommittedForums}
 * only once committed. On rollback it is simply dropped.
 */
final class TransactionChanges implements TransactionSynchronization {

  private final EventLog log;
  private final ForumViews views;
  private final AuditLog audit;
  private final CommittedForums committed;
  private final Object boundAs;
  private final List<LoggedEvent> applied = new ArrayList<>();
  private final List<AuditedEvent> audited = new ArrayList<>();
  private final Map<String, WorkingForum> forums = new LinkedHashMap<>();
  private final Map<String, StoredForum> written = new LinkedHashMap<>();
  private final Set<String> prefetched = new HashSet<>();
  private final Map<String, StoredForum> prefetchedRows = new HashMap<>();
  private long position = -1;

  /** Changes bound to the transaction's resources under {@code boundAs}, unbound at its end. */
  TransactionChanges(
      Object boundAs, EventLog log, ForumViews views, AuditLog audit, CommittedForums committed) {
    this.boundAs = boundAs;
    this.log = log;
    this.views = views;
    this.audit = audit;
    this.committed = committed;
  }

  /** A forum's state as this transaction has folded it, and what it was folded from. */
  private static final class WorkingForum {
    final Long basedOn;
    final List<EventEnvelope> events = new ArrayList<>();
    ForumState state;

    WorkingForum(ForumState state, Long basedOn) {
      this.state = state;
      this.basedOn = basedOn;
    }
  }

  /**
   * Reads in one query the rows of those of {@code forumIds} that this instance has not cached, so
   * that the batch's events do not read them one forum at a time.
   */
  void prefetch(Collection<String> forumIds) {
    List<String> missing = new ArrayList<>();
    for (String forumId : forumIds) {
      if (!prefetched.contains(forumId)
          && !forums.containsKey(forumId)
          && committed.find(forumId).isEmpty()) {
        missing.add(forumId);
      }
    }
    prefetchedRows.putAll(views.findAllStored(missing));
    prefetched.addAll(missing);
  }

  void handled(long globalPosition) {
    position = Math.max(position, globalPosition);
  }

  long position() {
    return position;
  }

  void apply(EventEnvelope envelope, Seals.Sealed sealed) {
    LoggedEvent logged =
        new LoggedEvent(
            envelope, EventLog.json(envelope.payload()), TimeSlice.validFrom(envelope), sealed);
    applied.add(logged);
    audited.add(AuditedEvent.of(logged));
    String forumId = envelope.metadata().forumId();
    WorkingForum forum = forums.computeIfAbsent(forumId, id -> start(id, envelope));
    forum.events.add(envelope);
    forum.state = ForumFold.apply(forum.state, envelope);
  }

  /** A sealed event of a type this service does not know: only the audit history keeps it. */
  void skipped(Seals.Sealed sealed) {
    audited.add(AuditedEvent.ofUnknownType(sealed));
  }

  /**
   * A registration starts afresh; another forum event folds onto the last committed state. A stream
   * that is not a forum (a unit, a goal, a review, a year's cost rates) has no state to read: its
   * events go to the log and the audit chain only.
   */
  private WorkingForum start(String forumId, EventEnvelope first) {
    if (first.payload() instanceof ForumRegistered || !(first.payload() instanceof ForumEvent)) {
      return new WorkingForum(null, null);
    }
    Optional<StoredForum> stored =
        committed
            .find(forumId)
            .or(
                () ->
                    prefetched.contains(forumId)
                        ? Optional.ofNullable(prefetchedRows.get(forumId))
                        : views.findStored(forumId));
    return stored
        .map(s -> new WorkingForum(s.state(), s.revision()))
        .orElseGet(() -> new WorkingForum(null, null));
  }

  @Override
  public void beforeCommit(boolean readOnly) {
    if (audited.isEmpty()) {
      if (position >= 0) {
        log.advance(position);
      }
      return;
    }
    String head = audit.lockHead();
    // under the chain's lock, so revisions are taken in commit order
    long revision = log.advanceAndRevise(position);
    audit.appendAll(head, audited);
    log.appendAll(applied, revision);
    List<ForumViews.Write> writes = new ArrayList<>();
    for (WorkingForum forum : forums.values()) {
      if (forum.state != null) {
        writes.add(new ForumViews.Write(forum.state, forum.basedOn));
      }
    }
    for (String forumId : views.saveAll(writes, revision)) {
      refoldOntoTheRowAsItIsNow(forums.get(forumId), revision);
    }
    for (WorkingForum forum : forums.values()) {
      if (forum.state != null) {
        written.put(forum.state.forumId(), new StoredForum(forum.state, revision));
      }
    }
  }

  /**
   * The row changed after it was read (another instance wrote it): this transaction's events of the
   * forum are folded again onto the row, locked now, and written unconditionally.
   */
  private void refoldOntoTheRowAsItIsNow(WorkingForum forum, long revision) {
    ForumState state =
        views
            .findStoredForUpdate(forum.events.get(0).metadata().forumId())
            .map(StoredForum::state)
            .orElse(null);
    for (EventEnvelope envelope : forum.events) {
      state = ForumFold.apply(state, envelope);
    }
    forum.state = state;
    if (state != null) {
      views.saveAll(List.of(new ForumViews.Write(state, null)), revision);
    }
  }

  @Override
  public void afterCompletion(int status) {
    TransactionSynchronizationManager.unbindResourceIfPossible(boundAs);
    if (status == STATUS_COMMITTED) {
      committed.committed(written);
    }
  }
}
