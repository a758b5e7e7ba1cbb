package org.forumledger.events;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A review round was opened for a mandate period on a decision, such as the board's decision on the
 * motion of 2024-04-05 to review every network and collaboration the administration and the
 * committees take part in.
 *
 * @param reviewId a short stable id
 * @param title what the review is called
 * @param period the mandate period whose participation it reviews
 * @param decisionReference the decision that ordered it, e.g. {@code KS 2024-04-17 § 312}
 * @param openedOn the day it opened
 * @param units the units whose participation it reviews; every unit when empty
 * @param scope every participation it must assess before it closes, as the registry found them when
 *     it opened (see {@link TakingPart})
 */
@Revision("1")
public record ReviewOpened(
    String reviewId,
    String title,
    MandatePeriod period,
    String decisionReference,
    LocalDate openedOn,
    List<Body> units,
    List<ParticipationRef> scope)
    implements ReviewEvent {

  public ReviewOpened {
    units = units == null ? List.of() : List.copyOf(units);
    scope = scope == null ? List.of() : List.copyOf(scope);
  }
}
