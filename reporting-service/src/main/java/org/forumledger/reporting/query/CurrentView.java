package org.forumledger.reporting.query;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.forumledger.reporting.history.ForumState;
import org.forumledger.reporting.store.EventLog;
import org.forumledger.reporting.store.ForumViews;
import org.forumledger.reporting.store.ReadModelMark;
import org.forumledger.reporting.store.StoredForum;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The committed current view, parsed once and kept in memory. A read costs one statement for the
 * read model's mark; only when the revision has moved are the rows written since read and parsed,
 * so a read does not grow with the number of forums or events.
 */
@Component
class CurrentView {

  /** The forums at a mark; in forum-id order when listed, sorted once per view. */
  static final class View {
    private final ReadModelMark mark;
    private final Map<String, ForumState> byId;
    private volatile List<ForumState> forums;

    View(ReadModelMark mark, Map<String, ForumState> byId) {
      this.mark = mark;
      this.byId = byId;
    }

    ReadModelMark mark() {
      return mark;
    }

    Map<String, ForumState> byId() {
      return byId;
    }

    List<ForumState> forums() {
      List<ForumState> sorted = forums;
      if (sorted == null) {
        sorted = byId.values().stream().sorted(Comparator.comparing(ForumState::forumId)).toList();
        forums = sorted;
      }
      return sorted;
    }

    View at(ReadModelMark later) {
      View view = new View(later, byId);
      view.forums = forums;
      return view;
    }
  }

  private final EventLog log;
  private final ForumViews views;
  private final TransactionTemplate repeatableReads;
  private volatile View cached = new View(new ReadModelMark(-1, -1), Map.of());

  CurrentView(EventLog log, ForumViews views, RepeatableReads repeatableReads) {
    this.log = log;
    this.views = views;
    this.repeatableReads = repeatableReads.template();
  }

  /** The view at the latest committed revision, labelled with the position it reflects. */
  View now() {
    ReadModelMark mark = log.mark();
    View view = cached;
    if (view.mark().revision() == mark.revision()) {
      return view.mark().equals(mark) ? view : view.at(mark);
    }
    if (view.mark().revision() > mark.revision()) {
      return view;
    }
    return refresh();
  }

  private synchronized View refresh() {
    View base = cached;
    View fresh =
        repeatableReads.execute(
            status -> {
              ReadModelMark mark = log.mark();
              if (mark.revision() == base.mark().revision()) {
                return base.at(mark);
              }
              Map<String, ForumState> byId = new HashMap<>(base.byId());
              for (StoredForum changed : views.changedSince(base.mark().revision())) {
                byId.put(changed.state().forumId(), changed.state());
              }
              return new View(mark, Collections.unmodifiableMap(byId));
            });
    cached = fresh;
    return fresh;
  }
}
