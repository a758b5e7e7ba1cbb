package org.forumledger.registry.goal;

import static org.hamcrest.Matchers.containsString;

import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.forumledger.events.CouncilGoalRegistered;
import org.forumledger.events.CouncilGoalRevised;
import org.forumledger.events.MandatePeriod;
import org.forumledger.events.SourceReference;
import org.forumledger.registry.forum.domain.ForumRuleViolation;
import org.forumledger.registry.goal.CouncilGoal.RecordCouncilGoalCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Council goals on their own streams: given the history, when a record. */
class CouncilGoalTest {

  static final String ID = "kompetensforsorjning-2023";
  static final MandatePeriod PERIOD = new MandatePeriod(2023, 2026);
  static final SourceReference SOURCE =
      new SourceReference(
          "SLK-2023-01081", "Kompetensförsörjningen är ett av kommunfullmäktiges budgetmål");
  static final CouncilGoalRegistered REGISTERED =
      new CouncilGoalRegistered(ID, PERIOD, "Kompetensförsörjning", null, SOURCE);

  FixtureConfiguration<CouncilGoal> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(CouncilGoal.class);
  }

  static RecordCouncilGoalCommand record(Long version, MandatePeriod period, String title) {
    return RecordCouncilGoalCommand.of(version, ID, period, title, null, SOURCE);
  }

  @Test
  void theFirstRecordRegistersTheGoal() {
    fixture
        .givenNoPriorActivity()
        .when(record(null, PERIOD, " Kompetensförsörjning "))
        .expectEvents(REGISTERED);
  }

  @Test
  void aNewTitleWithTheVersionRevisesTheSameAgainWritesNothing() {
    fixture
        .given(REGISTERED)
        .when(record(0L, PERIOD, "Kompetensförsörjning i staden"))
        .expectEvents(new CouncilGoalRevised(ID, "Kompetensförsörjning i staden", null, SOURCE));
    fixture
        .given(REGISTERED)
        .when(record(null, PERIOD, "Kompetensförsörjning"))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
    fixture
        .given(REGISTERED)
        .when(record(null, PERIOD, "Kompetensförsörjning i staden"))
        .expectException(ConflictingAggregateVersionException.class);
  }

  @Test
  void aGoalKeepsTheBudgetDecisionItIsStatedInAndAnotherReferenceRevisesIt() {
    String budget = "KF 2022-11-24 § 4 (test)";
    fixture
        .givenNoPriorActivity()
        .when(
            RecordCouncilGoalCommand.of(
                null, ID, PERIOD, "Kompetensförsörjning", " " + budget + " ", SOURCE))
        .expectEvents(
            new CouncilGoalRegistered(ID, PERIOD, "Kompetensförsörjning", budget, SOURCE));
    fixture
        .given(REGISTERED)
        .when(RecordCouncilGoalCommand.of(0L, ID, PERIOD, "Kompetensförsörjning", budget, SOURCE))
        .expectEvents(new CouncilGoalRevised(ID, "Kompetensförsörjning", budget, SOURCE));
  }

  @Test
  void theGoalsPeriodNeverChanges() {
    fixture
        .given(REGISTERED)
        .when(record(0L, new MandatePeriod(2027, 2030), "Kompetensförsörjning"))
        .expectException(ForumRuleViolation.class)
        .expectExceptionMessage(containsString("a goal's period never changes"));
  }

  @Test
  void aGoalHasAnIdOfTheLedger() {
    fixture
        .givenNoPriorActivity()
        .when(RecordCouncilGoalCommand.of(null, "Kompetens Försörjning", PERIOD, "t", null, null))
        .expectException(ForumRuleViolation.class)
        .expectExceptionMessage(containsString("lower-case letters"));
  }

  @Test
  void aGoalHasATitle() {
    fixture
        .givenNoPriorActivity()
        .when(record(null, PERIOD, ""))
        .expectException(ForumRuleViolation.class)
        .expectExceptionMessage("title is required");
  }
}
