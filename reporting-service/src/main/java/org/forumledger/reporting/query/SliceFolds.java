package org.forumledger.reporting.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.forumledger.reporting.history.ForumFold;
import org.forumledger.reporting.history.ForumState;
import org.forumledger.reporting.history.TimeSlice;
import org.forumledger.reporting.store.EventLog;
import org.forumledger.reporting.store.LoggedEvent;
import org.forumledger.reporting.store.ReadModelMark;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The registry at other slices of time than now, folded from the event log with the one {@link
 * ForumFold} and kept per slice. A slice is folded from the log once (filtered in SQL by recorded
 * time and valid-from date, streamed, never the whole log in memory); after that, only the events
 * logged since are folded in, as long as each comes after every event already folded for its forum,
 * which is the order a forum's events arrive in. Otherwise the slice is folded afresh.
 */
@Component
class SliceFolds {

  /**
   * A folded slice at a revision of the read model.
   *
   * @param position the highest position the slice reflects: everything handled when it knows all,
   *     else the highest recorded by its knownAt
   * @param lastFolded per forum, the position of the last event in the slice folded for it
   */
  record Folded(
      long revision, long position, Map<String, ForumState> forums, Map<String, Long> lastFolded) {}

  private final EventLog log;
  private final Cache<TimeSlice, Folded> folded;
  // one fold at a time: eight concurrent cold folds of a long log would only compete for the CPU
  private final ReentrantLock folding = new ReentrantLock();

  SliceFolds(
      EventLog log, @Value("${ledger.reporting.slice-cache-forums:40000}") long cachedForums) {
    this.log = log;
    this.folded =
        Caffeine.newBuilder()
            .maximumWeight(cachedForums)
            .<TimeSlice, Folded>weigher((slice, f) -> 1 + f.forums().size())
            .build();
  }

  /** The slice as cached, if it is at {@code mark}'s revision or later. */
  Folded cachedAt(TimeSlice slice, ReadModelMark mark) {
    Folded cached = folded.getIfPresent(slice);
    return cached != null && cached.revision() >= mark.revision()
        ? labelled(cached, slice, mark)
        : null;
  }

  /** The slice at {@code mark}; must run in the repeatable-read transaction that read the mark. */
  Folded at(TimeSlice slice, ReadModelMark mark) {
    folding.lock();
    try {
      Folded cached = folded.getIfPresent(slice);
      if (cached != null && cached.revision() >= mark.revision()) {
        return labelled(cached, slice, mark);
      }
      Folded next = cached == null ? null : foldInSince(cached, slice, mark);
      if (next == null) {
        next = foldFromTheLog(slice, mark);
      }
      folded.put(slice, next);
      return next;
    } finally {
      folding.unlock();
    }
  }

  private static Folded labelled(Folded folded, TimeSlice slice, ReadModelMark mark) {
    if (slice.knownAt() == null && folded.revision() == mark.revision()) {
      return new Folded(folded.revision(), mark.position(), folded.forums(), folded.lastFolded());
    }
    return folded;
  }

  private Folded foldFromTheLog(TimeSlice slice, ReadModelMark mark) {
    Map<String, ForumState> forums = new LinkedHashMap<>();
    Map<String, Long> lastFolded = new HashMap<>();
    log.forEachIn(slice, event -> fold(forums, lastFolded, event));
    long position =
        slice.knownAt() == null ? mark.position() : log.positionKnownAt(slice.knownAt());
    return new Folded(
        mark.revision(),
        position,
        Collections.unmodifiableMap(forums),
        Collections.unmodifiableMap(lastFolded));
  }

  /** The cached slice with the events logged since folded in; null when they came out of order. */
  private Folded foldInSince(Folded cached, TimeSlice slice, ReadModelMark mark) {
    Map<String, ForumState> forums = new LinkedHashMap<>(cached.forums());
    Map<String, Long> lastFolded = new HashMap<>(cached.lastFolded());
    long[] position = {slice.knownAt() == null ? mark.position() : cached.position()};
    boolean[] inOrder = {true};
    log.forEachRevisedSince(
        cached.revision(),
        slice.knownAt(),
        event -> {
          long at = event.envelope().metadata().globalPosition();
          if (slice.knownAt() != null) {
            position[0] = Math.max(position[0], at);
          }
          if (inOrder[0] && includes(slice, event)) {
            Long last = lastFolded.get(event.envelope().metadata().forumId());
            if (last != null && last >= at) {
              inOrder[0] = false;
            } else {
              fold(forums, lastFolded, event);
            }
          }
        });
    if (!inOrder[0]) {
      return null;
    }
    return new Folded(
        mark.revision(),
        position[0],
        Collections.unmodifiableMap(forums),
        Collections.unmodifiableMap(lastFolded));
  }

  private static boolean includes(TimeSlice slice, LoggedEvent event) {
    return slice.includes(event.envelope().metadata().recordedAt(), event.validFrom());
  }

  private static void fold(
      Map<String, ForumState> forums, Map<String, Long> lastFolded, LoggedEvent event) {
    String forumId = event.envelope().metadata().forumId();
    lastFolded.put(forumId, event.envelope().metadata().globalPosition());
    ForumState next = ForumFold.apply(forums.get(forumId), event.envelope());
    if (next != null) {
      forums.put(forumId, next);
    }
  }
}
