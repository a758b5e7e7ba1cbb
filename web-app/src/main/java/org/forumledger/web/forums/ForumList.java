package org.forumledger.web.forums;

import java.util.List;

/** The reporting service's list of forums at the page's times. */
public record ForumList(long position, int count, List<Forum> forums) {
  public ForumList {
    forums = forums == null ? List.of() : List.copyOf(forums);
  }
}
