package org.forumledger.registry.review;

import static org.hamcrest.Matchers.containsString;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.forumledger.events.Body;
import org.forumledger.events.CouncilGoalRegistered;
import org.forumledger.events.CountRange;
import org.forumledger.events.CourseOfAction;
import org.forumledger.events.ForumEvent;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.ForumStatusChanged;
import org.forumledger.events.HeadcountRecorded;
import org.forumledger.events.MandatePeriod;
import org.forumledger.events.MeetingMode;
import org.forumledger.events.Necessity;
import org.forumledger.events.ParticipationAssessed;
import org.forumledger.events.ParticipationRecorded;
import org.forumledger.events.ParticipationRef;
import org.forumledger.events.RepresentativeAppointed;
import org.forumledger.events.ReviewClosed;
import org.forumledger.events.ReviewDecisionRecorded;
import org.forumledger.events.ReviewOpened;
import org.forumledger.events.Role;
import org.forumledger.events.UnitKind;
import org.forumledger.events.UnitRegistered;
import org.forumledger.registry.forum.domain.ForumRuleViolation;
import org.forumledger.registry.goal.Goals;
import org.forumledger.registry.review.Review.AssessParticipationCommand;
import org.forumledger.registry.review.Review.CloseReviewCommand;
import org.forumledger.registry.review.Review.OpenReviewCommand;
import org.forumledger.registry.review.Review.RecordDecisionCommand;
import org.forumledger.registry.unit.Units;
import org.hamcrest.CustomMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A review round: given the forums and the review's history, when a command. */
class ReviewTest {

  static final String REVIEW = "review-2024";
  static final String STREAM = "review-" + REVIEW;
  static final MandatePeriod PERIOD = new MandatePeriod(2023, 2026);
  static final Body MKN = Body.of("MKN");
  static final LocalDate OPENED_ON = LocalDate.of(2024, 5, 2);
  static final String GOAL = "kompetensforsorjning-2023";

  static final ParticipationRef A_KS = new ParticipationRef("f-a", Body.KS);
  static final ParticipationRef A_MKN = new ParticipationRef("f-a", MKN);
  static final ParticipationRef A_SLK = new ParticipationRef("f-a", Body.SLK);
  static final ParticipationRef D_KS = new ParticipationRef("f-d", Body.KS);

  /** f-a: KS appointed, SLK counted, MKN met; f-b ended in 2022; f-c only 2022; f-d ends 2024. */
  static final Map<String, List<ForumEvent>> FORUMS =
      Map.of(
          "f-a",
          List.of(
              new RepresentativeAppointed(
                  "f-a", "a1", "Anna", Body.KS, Role.LEDAMOT, LocalDate.of(2023, 1, 1), null),
              new HeadcountRecorded("f-a", 2023, Body.SLK, CountRange.exactly(1), "1"),
              meeting("f-a", MKN, LocalDate.of(2024, 3, 1))),
          "f-b",
          List.of(
              new RepresentativeAppointed(
                  "f-b", "b1", "Bo", Body.KS, Role.LEDAMOT, LocalDate.of(2020, 1, 1), null),
              new ForumStatusChanged("f-b", ForumStatus.ENDED, LocalDate.of(2022, 6, 30))),
          "f-c",
          List.of(new HeadcountRecorded("f-c", 2022, Body.SLK, CountRange.exactly(2), "2")),
          "f-d",
          List.of(
              meeting("f-d", Body.KS, LocalDate.of(2023, 9, 1)),
              new ForumStatusChanged("f-d", ForumStatus.ENDED, LocalDate.of(2024, 6, 30))));

  static final ReviewOpened OPENED =
      new ReviewOpened(
          REVIEW,
          "Översyn av nätverk",
          PERIOD,
          "KS 2024-04-17 § 312",
          OPENED_ON,
          List.of(),
          List.of(A_KS, A_MKN, A_SLK, D_KS));

  FixtureConfiguration<Review> fixture;

  static ParticipationRecorded meeting(String forumId, Body body, LocalDate day) {
    return new ParticipationRecorded(
        forumId,
        "m-" + body,
        body,
        day,
        1,
        List.of(),
        BigDecimal.ONE,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        MeetingMode.DIGITAL,
        false);
  }

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Review.class);
    fixture.registerInjectableResource(
        new ForumHistories() {
          @Override
          public List<String> forumIds() {
            return new ArrayList<>(FORUMS.keySet());
          }

          @Override
          public List<ForumEvent> events(String forumId) {
            return FORUMS.getOrDefault(forumId, List.of());
          }
        });
    fixture.registerInjectableResource(
        (Units)
            body ->
                body.equals(MKN)
                    ? Optional.of(
                        new UnitRegistered(
                            MKN,
                            "miljö- och klimatnämnden",
                            UnitKind.COMMITTEE,
                            null,
                            null,
                            null,
                            null))
                    : Optional.empty());
    fixture.registerInjectableResource(
        (Goals)
            id ->
                id.equals(GOAL)
                    ? Optional.of(new CouncilGoalRegistered(GOAL, PERIOD, "K", null, null))
                    : Optional.empty());
  }

  static OpenReviewCommand open(List<Body> units) {
    return OpenReviewCommand.of(
        REVIEW, "Översyn av nätverk", PERIOD, "KS 2024-04-17 § 312", OPENED_ON, units);
  }

  static AssessParticipationCommand assess(
      ParticipationRef participation, List<String> goals, CourseOfAction recommendation) {
    return new AssessParticipationCommand(
        STREAM,
        null,
        participation,
        Necessity.NECESSARY,
        "Serves the mission",
        goals,
        recommendation);
  }

  static ParticipationAssessed assessed(ParticipationRef participation, boolean correction) {
    return new ParticipationAssessed(
        REVIEW,
        participation,
        Necessity.NECESSARY,
        "Serves the mission",
        List.of(),
        CourseOfAction.toContinue(),
        correction);
  }

  static RecordDecisionCommand decide(ParticipationRef participation, CourseOfAction decision) {
    return new RecordDecisionCommand(
        STREAM, null, participation, decision, "KS 2025-02-12 § 101", LocalDate.of(2025, 2, 12));
  }

  static ReviewDecisionRecorded decided(
      ParticipationRef participation, CourseOfAction decision, List<Body> remaining) {
    return new ReviewDecisionRecorded(
        REVIEW,
        participation,
        decision,
        "KS 2025-02-12 § 101",
        LocalDate.of(2025, 2, 12),
        remaining,
        false);
  }

  @Test
  void theScopeIsEveryUnitTakingPartInTheForumsNotEndedBeforeThePeriod() {
    fixture.givenNoPriorActivity().when(open(null)).expectEvents(OPENED);
  }

  @Test
  void theScopeCanBeLimitedToUnitsEachOfThemKnown() {
    fixture
        .givenNoPriorActivity()
        .when(open(List.of(Body.KS)))
        .expectEvents(
            new ReviewOpened(
                REVIEW,
                "Översyn av nätverk",
                PERIOD,
                "KS 2024-04-17 § 312",
                OPENED_ON,
                List.of(Body.KS),
                List.of(A_KS, D_KS)));
    fixture
        .givenNoPriorActivity()
        .when(open(List.of(Body.of("XYZ"))))
        .expectException(ForumRuleViolation.class)
        .expectExceptionMessage(containsString("XYZ is not a registered unit"));
  }

  @Test
  void aParticipationInScopeIsAssessedAgainAsACorrectionTheSameAgainWritesNothing() {
    fixture
        .given(OPENED)
        .when(assess(A_KS, List.of(), CourseOfAction.toContinue()))
        .expectEvents(assessed(A_KS, false));
    fixture
        .given(OPENED, assessed(A_KS, false))
        .when(assess(A_KS, List.of(), CourseOfAction.toContinue()))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
    fixture
        .given(OPENED, assessed(A_KS, false))
        .when(assess(A_KS, List.of(GOAL), CourseOfAction.toContinue()))
        .expectEvents(
            new ParticipationAssessed(
                REVIEW,
                A_KS,
                Necessity.NECESSARY,
                "Serves the mission",
                List.of(GOAL),
                CourseOfAction.toContinue(),
                true));
  }

  @Test
  void aParticipationOutsideTheScopeIsNotFound() {
    fixture
        .given(OPENED)
        .when(assess(new ParticipationRef("f-b", Body.KS), List.of(), CourseOfAction.toContinue()))
        .expectException(NotInReviewScope.class);
    fixture
        .given(OPENED)
        .when(decide(new ParticipationRef("f-a", Body.of("SMN")), CourseOfAction.toContinue()))
        .expectException(NotInReviewScope.class);
  }

  @Test
  void aRecommendationMustBeCompleteAndItsGoalsRegistered() {
    fixture
        .given(OPENED)
        .when(
            assess(
                A_KS, List.of(), new CourseOfAction(CourseOfAction.Kind.LEAVE, null, null, null)))
        .expectException(ForumRuleViolation.class)
        .expectExceptionMessage(containsString("LEAVE is incomplete"));
    fixture
        .given(OPENED)
        .when(assess(A_KS, List.of("segregation-2023"), CourseOfAction.toContinue()))
        .expectException(ForumRuleViolation.class)
        .expectExceptionMessage("no council goal segregation-2023 is registered");
    fixture
        .given(OPENED)
        .when(assess(A_KS, List.of(), CourseOfAction.coordinateWith(Body.of("XYZ"))))
        .expectException(ForumRuleViolation.class)
        .expectExceptionMessage(containsString("XYZ is not a registered unit"));
  }

  /** The assessment as given is accepted and recorded as it was given. */
  void expectAssessed(
      ParticipationRef participation,
      Necessity necessity,
      String rationale,
      List<String> goals,
      CourseOfAction recommendation) {
    fixture
        .given(OPENED)
        .when(
            new AssessParticipationCommand(
                STREAM, null, participation, necessity, rationale, goals, recommendation))
        .expectEvents(
            new ParticipationAssessed(
                REVIEW, participation, necessity, rationale, goals, recommendation, false));
  }

  @Test
  void everyNecessityAndEveryKindOfRecommendationIsAccepted() {
    expectAssessed(
        A_KS,
        Necessity.UNCERTAIN,
        "MKN covers the same questions",
        List.of(GOAL),
        CourseOfAction.coordinateWith(MKN));
    expectAssessed(
        A_SLK,
        Necessity.NOT_NECESSARY,
        "f-c does the same",
        List.of(),
        CourseOfAction.mergeWith("f-c"));
    fixture
        .given(OPENED)
        .when(decide(A_MKN, CourseOfAction.coordinateWith(Body.KS)))
        .expectEvents(decided(A_MKN, CourseOfAction.coordinateWith(Body.KS), List.of()));
    fixture
        .given(OPENED)
        .when(decide(D_KS, CourseOfAction.mergeWith("f-a")))
        .expectEvents(decided(D_KS, CourseOfAction.mergeWith("f-a"), List.of()));
  }

  @Test
  void aMergeNamesAnotherRegisteredForumAndACoordinationAnotherUnit() {
    fixture
        .given(OPENED)
        .when(assess(A_KS, List.of(), CourseOfAction.mergeWith("f-x")))
        .expectException(ForumRuleViolation.class)
        .expectExceptionMessage("mergeWithForumId f-x is not a registered forum");
    fixture
        .given(OPENED)
        .when(decide(A_KS, CourseOfAction.mergeWith("f-x")))
        .expectException(ForumRuleViolation.class)
        .expectExceptionMessage("mergeWithForumId f-x is not a registered forum");
    fixture
        .given(OPENED)
        .when(assess(A_KS, List.of(), CourseOfAction.mergeWith("f-a")))
        .expectException(ForumRuleViolation.class)
        .expectExceptionMessage("a forum does not merge with itself");
    fixture
        .given(OPENED)
        .when(assess(A_KS, List.of(), CourseOfAction.coordinateWith(Body.KS)))
        .expectException(ForumRuleViolation.class)
        .expectExceptionMessage("a unit does not coordinate with itself");
  }

  @Test
  void aClosedReviewTakesNoAssessment() {
    fixture
        .given(
            OPENED,
            assessed(A_KS, false),
            assessed(A_MKN, false),
            assessed(A_SLK, false),
            assessed(D_KS, false),
            new ReviewClosed(REVIEW, LocalDate.of(2024, 12, 1)))
        .when(assess(A_KS, List.of(GOAL), CourseOfAction.toContinue()))
        .expectException(ForumRuleViolation.class)
        .expectExceptionMessage(containsString("is closed"));
  }

  @Test
  void closingIsRefusedWithEveryUnassessedParticipation() {
    fixture
        .given(OPENED, assessed(A_MKN, false))
        .when(new CloseReviewCommand(STREAM, null, LocalDate.of(2024, 12, 1)))
        .expectException(
            new CustomMatcher<Object>("missing f-a/KS, f-a/SLK, f-d/KS") {
              @Override
              public boolean matches(Object failure) {
                return failure instanceof ReviewIncomplete incomplete
                    && incomplete.missing().equals(List.of(A_KS, A_SLK, D_KS));
              }
            });
  }

  @Test
  void closingSucceedsOnceEverythingIsAssessed() {
    fixture
        .given(
            OPENED,
            assessed(A_KS, false),
            assessed(A_MKN, false),
            assessed(A_SLK, false),
            assessed(D_KS, false))
        .when(new CloseReviewCommand(STREAM, null, LocalDate.of(2024, 12, 1)))
        .expectEvents(new ReviewClosed(REVIEW, LocalDate.of(2024, 12, 1)));
    fixture
        .given(OPENED)
        .when(new CloseReviewCommand(STREAM, null, LocalDate.of(2024, 1, 1)))
        .expectException(ForumRuleViolation.class)
        .expectExceptionMessage(containsString("cannot close before it opened"));
  }

  @Test
  void aDecisionToLeaveRecordsTheUnitsThatRemainAfterItTakesEffect() {
    CourseOfAction slkLeaves = CourseOfAction.leave(LocalDate.of(2025, 1, 1));
    ReviewDecisionRecorded slkDecided = decided(A_SLK, slkLeaves, List.of(Body.KS, MKN));
    fixture.given(OPENED).when(decide(A_SLK, slkLeaves)).expectEvents(slkDecided);

    // KS leaves after SLK: SLK no longer counts; before SLK: it still does
    CourseOfAction later = CourseOfAction.leave(LocalDate.of(2025, 6, 30));
    fixture
        .given(OPENED, slkDecided)
        .when(decide(A_KS, later))
        .expectEvents(decided(A_KS, later, List.of(MKN)));
    CourseOfAction earlier = CourseOfAction.leave(LocalDate.of(2024, 12, 31));
    fixture
        .given(OPENED, slkDecided)
        .when(decide(A_KS, earlier))
        .expectEvents(decided(A_KS, earlier, List.of(MKN, Body.SLK)));
  }

  @Test
  void theCityLeavesWhenTheLastUnitLeavesAndADecisionIsAllowedOnAClosedReview() {
    CourseOfAction leave = CourseOfAction.leave(LocalDate.of(2025, 1, 1));
    fixture
        .given(OPENED, new ReviewClosed(REVIEW, LocalDate.of(2024, 12, 1)))
        .when(decide(D_KS, leave))
        .expectEvents(decided(D_KS, leave, List.of()));
  }

  @Test
  void aLaterDecisionReplacesTheEarlierAndAContinueRecordsNoRemainingUnits() {
    CourseOfAction leave = CourseOfAction.leave(LocalDate.of(2025, 1, 1));
    fixture
        .given(OPENED, decided(D_KS, leave, List.of()))
        .when(decide(D_KS, CourseOfAction.toContinue()))
        .expectEvents(
            new ReviewDecisionRecorded(
                REVIEW,
                D_KS,
                CourseOfAction.toContinue(),
                "KS 2025-02-12 § 101",
                LocalDate.of(2025, 2, 12),
                List.of(),
                true));
    fixture
        .given(OPENED)
        .when(decide(D_KS, new CourseOfAction(CourseOfAction.Kind.MERGE, null, null, null)))
        .expectException(ForumRuleViolation.class);
  }
}
