package org.forumledger.events.testing;

import java.time.LocalDate;
import java.util.List;
import org.forumledger.events.Body;
import org.forumledger.events.CouncilGoalRegistered;
import org.forumledger.events.CouncilGoalRevised;
import org.forumledger.events.CourseOfAction;
import org.forumledger.events.MandatePeriod;
import org.forumledger.events.Necessity;
import org.forumledger.events.ParticipationAssessed;
import org.forumledger.events.ParticipationRef;
import org.forumledger.events.ReviewClosed;
import org.forumledger.events.ReviewDecisionRecorded;
import org.forumledger.events.ReviewOpened;
import org.forumledger.events.SourceReference;
import org.forumledger.events.UnitKind;
import org.forumledger.events.UnitRegistered;
import org.forumledger.events.UnitRevised;

/**
 * The facts beside the forums: units, the council's goals and review rounds, each as a {@link
 * GivenEvent} whose metadata a test may still set. Goals and reviews are of the mandate period
 * 2023–2026 unless told.
 */
public final class CityFacts {

  public static final MandatePeriod PERIOD_2023 = new MandatePeriod(2023, 2026);
  public static final SourceReference INVENTORY_2023 =
      new SourceReference("SLK-2023-01081", "a phrase of the 2023 inventory");

  private CityFacts() {}

  public static GivenEvent<UnitRegistered> unit(String code, String name, UnitKind kind) {
    return GivenEvent.of(
        new UnitRegistered(Body.of(code), name, kind, null, null, null, INVENTORY_2023));
  }

  public static GivenEvent<UnitRevised> unitEnded(
      String code, String name, UnitKind kind, String lastDay) {
    LocalDate validTo = LocalDate.parse(lastDay);
    return new GivenEvent<>(
        new UnitRevised(Body.of(code), name, kind, null, null, validTo, INVENTORY_2023), validTo);
  }

  public static GivenEvent<CouncilGoalRegistered> goal(String goalId, String title) {
    return new GivenEvent<>(
        new CouncilGoalRegistered(goalId, PERIOD_2023, title, null, INVENTORY_2023),
        LocalDate.of(PERIOD_2023.fromYear(), 1, 1));
  }

  public static GivenEvent<CouncilGoalRevised> goalRevised(
      String goalId, String title, String budgetReference) {
    return GivenEvent.of(new CouncilGoalRevised(goalId, title, budgetReference, INVENTORY_2023));
  }

  public static GivenEvent<ReviewOpened> reviewOpened(
      String reviewId, String openedOn, List<ParticipationRef> scope) {
    LocalDate day = LocalDate.parse(openedOn);
    return new GivenEvent<>(
        new ReviewOpened(
            reviewId,
            "Review " + reviewId,
            PERIOD_2023,
            "KS 2024-04-17 § 312",
            day,
            List.of(),
            scope),
        day);
  }

  public static GivenEvent<ParticipationAssessed> assessed(
      String reviewId,
      ParticipationRef participation,
      Necessity necessity,
      CourseOfAction recommendation) {
    return GivenEvent.of(
        new ParticipationAssessed(
            reviewId, participation, necessity, "rationale", List.of(), recommendation, false));
  }

  public static GivenEvent<ReviewDecisionRecorded> decided(
      String reviewId,
      ParticipationRef participation,
      CourseOfAction decision,
      String decidedOn,
      Body... remainingUnits) {
    LocalDate day = LocalDate.parse(decidedOn);
    return new GivenEvent<>(
        new ReviewDecisionRecorded(
            reviewId,
            participation,
            decision,
            "KS " + decidedOn + " § 1",
            day,
            List.of(remainingUnits),
            false),
        day);
  }

  public static GivenEvent<ReviewClosed> reviewClosed(String reviewId, String closedOn) {
    LocalDate day = LocalDate.parse(closedOn);
    return new GivenEvent<>(new ReviewClosed(reviewId, day), day);
  }
}
