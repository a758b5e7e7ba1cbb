package org.forumledger.cost.projection;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.forumledger.events.Body;
import org.forumledger.events.CourseOfAction;
import org.forumledger.events.ReviewDecisionRecorded;

/**
 * The current decision of one review on one unit's participation in a forum (a later decision of
 * the review on the same participation replaced the earlier, whose events are in {@code
 * supersedes}), with the title of its review when the review's opening was seen.
 */
public record DecisionFact(
    ReviewDecisionRecorded record, String reviewTitle, Provenance source, List<String> supersedes)
    implements CorrectableFact {

  public DecisionFact {
    supersedes = supersedes == null ? List.of() : List.copyOf(supersedes);
  }

  public String reviewId() {
    return record.reviewId();
  }

  public Body body() {
    return record.participation().body();
  }

  /** A decision that the unit leaves the forum, from {@link #leaveFrom}. */
  public boolean leaves() {
    return record.decision() != null
        && record.decision().kind() == CourseOfAction.Kind.LEAVE
        && record.decision().leaveFrom() != null;
  }

  /** The first day the unit no longer takes part; null unless it {@link #leaves}. */
  public LocalDate leaveFrom() {
    return leaves() ? record.decision().leaveFrom() : null;
  }

  /** No unit of the city takes part after {@link #leaveFrom}. */
  public boolean cityLeaves() {
    return leaves() && record.cityLeavesTheForum();
  }

  /**
   * The city has left by the start of {@code year}: its 1 January is on or after the leave date.
   */
  public boolean cityGoneBy(int year) {
    return cityLeaves() && !LocalDate.of(year, 1, 1).isBefore(leaveFrom());
  }

  /** "review r-1 (Title), decision KS 2025-02-12 § 101 of 2025-02-12". */
  public String cited() {
    return "review "
        + reviewId()
        + (reviewTitle == null ? "" : " (" + reviewTitle + ")")
        + ", decision "
        + record.decisionReference()
        + " of "
        + record.decidedOn();
  }

  /** "SLK, MKN" or "no other unit". */
  public String remaining() {
    return record.remainingUnits().isEmpty()
        ? "no other unit"
        : record.remainingUnits().stream().map(Body::code).collect(Collectors.joining(", "));
  }
}
