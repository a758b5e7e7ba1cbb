package org.forumledger.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A reviewer's assessment of one participation in the review's scope. A later assessment of the
 * same participation replaces the earlier ({@code correction} true); both stay in the history.
 *
 * @param reviewId the review
 * @param participation the unit's participation in a forum
 * @param necessity necessary, not necessary or uncertain for the unit's mission
 * @param rationale why
 * @param goalIds the council goals it serves, by id; empty when none
 * @param recommendation what the reviewer recommends
 */
@Revision("1")
public record ParticipationAssessed(
    String reviewId,
    ParticipationRef participation,
    Necessity necessity,
    String rationale,
    List<String> goalIds,
    CourseOfAction recommendation,
    boolean correction)
    implements ReviewEvent {

  public ParticipationAssessed {
    goalIds = goalIds == null ? List.of() : List.copyOf(goalIds);
  }
}
