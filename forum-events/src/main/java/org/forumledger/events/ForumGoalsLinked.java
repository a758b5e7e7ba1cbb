package org.forumledger.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * What a unit's participation in the forum is for: the council goals it serves and its direct
 * benefit to residents. A later record for the same unit replaces the earlier ({@code correction}
 * true); an empty list of goals says it serves none.
 */
@Revision("1")
public record ForumGoalsLinked(
    String forumId, Body body, List<String> goalIds, String benefitForResidents, boolean correction)
    implements ForumEvent {

  public ForumGoalsLinked {
    goalIds = goalIds == null ? List.of() : List.copyOf(goalIds);
  }
}
