package org.forumledger.events;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The decision taken on one participation of a review, with its reference, recorded when it is
 * taken (before or after the review closes). A decision to leave ends the unit's participation from
 * its date; the forum's fee and recorded other costs end with it only when no other unit still
 * takes part, which {@code remainingUnits} records as the registry found it (see {@link
 * TakingPart}). A later decision on the same participation replaces the earlier.
 *
 * @param reviewId the review
 * @param participation the unit's participation in a forum
 * @param decision what was decided
 * @param decisionReference e.g. {@code KS 2025-02-12 § 101}
 * @param decidedOn the day of the decision
 * @param remainingUnits the other units still taking part in the forum after a decision to leave
 *     takes effect (those without a decision to leave by then); empty when none remain, or when the
 *     decision is not to leave
 */
@Revision("1")
public record ReviewDecisionRecorded(
    String reviewId,
    ParticipationRef participation,
    CourseOfAction decision,
    String decisionReference,
    LocalDate decidedOn,
    List<Body> remainingUnits,
    boolean correction)
    implements ReviewEvent {

  public ReviewDecisionRecorded {
    remainingUnits = remainingUnits == null ? List.of() : List.copyOf(remainingUnits);
  }

  /** The city leaves the forum altogether: a decision to leave with no other unit remaining. */
  public boolean cityLeavesTheForum() {
    return decision.kind() == CourseOfAction.Kind.LEAVE && remainingUnits.isEmpty();
  }
}
