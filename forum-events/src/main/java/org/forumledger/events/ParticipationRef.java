package org.forumledger.events;

import java.util.Objects;

/** One unit's participation in one forum: what a review assesses. */
public record ParticipationRef(String forumId, Body body) {

  public ParticipationRef {
    Objects.requireNonNull(forumId, "forumId");
    Objects.requireNonNull(body, "body");
  }

  @Override
  public String toString() {
    return forumId + "/" + body.code();
  }
}
