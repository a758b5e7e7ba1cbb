package org.forumledger.registry.review;

import java.util.List;
import org.forumledger.events.ForumEvent;

/** Every forum's events as stored, which a review's scope and its decisions are computed from. */
public interface ForumHistories {

  /** The ids of every registered forum. */
  List<String> forumIds();

  /** The forum's events in order; empty when no forum has the id. */
  List<ForumEvent> events(String forumId);
}
