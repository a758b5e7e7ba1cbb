package org.forumledger.reporting.city;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.forumledger.events.Body;
import org.forumledger.events.CouncilGoalRegistered;
import org.forumledger.events.CourseOfAction;
import org.forumledger.events.ForumEvent;
import org.forumledger.events.ForumGoalsLinked;
import org.forumledger.events.MandatePeriod;
import org.forumledger.events.Necessity;
import org.forumledger.events.ParticipationRef;
import org.forumledger.events.UnitRegistered;

/**
 * What the ledger says beside the forums at one slice of time: the units, the council's goals, the
 * review rounds, and per forum the facts that say which units take part in it (for {@link
 * org.forumledger.events.TakingPart}) and what each unit's participation serves. Folded by {@link
 * CityFold} from the same event log as the forums.
 *
 * @param units by code; KS and SLK always, registered or not (the reading rule of the 2023
 *     inventory)
 * @param participationFacts per forum, its appointments, headcounts, meetings and goal links in log
 *     order
 * @param goalLinks per forum, the latest goal link of each unit
 */
public record City(
    SortedMap<String, Unit> units,
    SortedMap<String, Goal> goals,
    SortedMap<String, Review> reviews,
    Map<String, List<ForumEvent>> participationFacts,
    Map<String, Map<Body, Link>> goalLinks) {

  /** Who recorded a fact and when the ledger learned it. */
  public record Recorded(String actor, Instant recordedAt, LocalDate effectiveDate) {}

  /**
   * A unit; {@code details} is null for KS or SLK while no registration of theirs is known.
   *
   * @param version the sequence number of its stream's last event, -1 when none
   */
  public record Unit(
      Body unit,
      UnitRegistered details,
      boolean ofTheInventory2023,
      long version,
      Recorded registered,
      Recorded lastRevised) {}

  public record Goal(
      CouncilGoalRegistered goal, long version, Recorded registered, Recorded lastRevised) {}

  public record Link(ForumGoalsLinked link, Recorded recorded) {}

  public enum Status {
    OPEN,
    CLOSED
  }

  /**
   * A review round as its events say at the slice.
   *
   * @param scope every participation to assess, in the order the review listed them
   */
  public record Review(
      String reviewId,
      String title,
      MandatePeriod period,
      String decisionReference,
      LocalDate openedOn,
      List<Body> units,
      Status status,
      LocalDate closedOn,
      long version,
      Recorded opened,
      List<Participation> scope) {

    public List<Participation> assessed() {
      return scope.stream().filter(p -> p.assessment() != null).toList();
    }

    public List<Participation> missing() {
      return scope.stream().filter(p -> p.assessment() == null).toList();
    }
  }

  /**
   * One participation of a review's scope with its current assessment and decision (null while
   * none), and how many assessments of it were recorded (a correction replaces, both kept).
   */
  public record Participation(
      ParticipationRef participation,
      Assessment assessment,
      Decision decision,
      int assessmentsRecorded) {}

  /** An assessment; {@code assessedBy} is the reviewer, the event's actor. */
  public record Assessment(
      Necessity necessity,
      String rationale,
      List<String> goalIds,
      CourseOfAction recommendation,
      boolean correction,
      String assessedBy,
      Instant assessedAt,
      LocalDate effectiveDate) {}

  public record Decision(
      CourseOfAction decision,
      String decisionReference,
      LocalDate decidedOn,
      List<Body> remainingUnits,
      boolean correction,
      String recordedBy,
      Instant recordedAt) {}
}
