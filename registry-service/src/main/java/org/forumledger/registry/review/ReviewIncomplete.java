package org.forumledger.registry.review;

import java.util.List;
import org.forumledger.events.ParticipationRef;
import org.forumledger.registry.forum.domain.ForumRuleViolation;

/** A review cannot close while participations in its scope are unassessed (answered with 422). */
public class ReviewIncomplete extends ForumRuleViolation {

  private final List<ParticipationRef> missing;

  public ReviewIncomplete(String reviewId, List<ParticipationRef> missing) {
    super(
        null,
        "Review "
            + reviewId
            + " cannot close: "
            + missing.size()
            + " participation(s) in its scope are not assessed (listed in missing).");
    this.missing = List.copyOf(missing);
  }

  /** Every unassessed participation, in scope order. */
  public List<ParticipationRef> missing() {
    return missing;
  }
}
