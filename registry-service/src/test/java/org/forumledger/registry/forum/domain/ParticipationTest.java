package org.forumledger.registry.forum.domain;

import static org.forumledger.registry.forum.domain.ForumTest.ANNA;
import static org.forumledger.registry.forum.domain.ForumTest.DECISION;
import static org.forumledger.registry.forum.domain.ForumTest.ENDED;
import static org.forumledger.registry.forum.domain.ForumTest.ID;
import static org.forumledger.registry.forum.domain.ForumTest.REGISTERED;
import static org.hamcrest.Matchers.containsString;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.forumledger.events.Body;
import org.forumledger.events.MeetingMode;
import org.forumledger.events.ParticipationRecorded;
import org.forumledger.events.ParticipationWithdrawn;
import org.forumledger.events.UnitKind;
import org.forumledger.events.UnitRegistered;
import org.forumledger.registry.forum.domain.ForumCommands.RecordParticipationCommand;
import org.forumledger.registry.forum.domain.ForumCommands.WithdrawParticipationCommand;
import org.forumledger.registry.goal.Goals;
import org.forumledger.registry.unit.Units;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Meetings the city took part in, recorded on the forum: given the history, when a command. */
class ParticipationTest {

  static final LocalDate MARCH = LocalDate.of(2023, 3, 14);

  FixtureConfiguration<Forum> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Forum.class);
    fixture.registerInjectableResource(Units.none());
    fixture.registerInjectableResource(Goals.none());
  }

  static RecordParticipationCommand meeting(
      String id, boolean correcting, Integer count, List<String> appointments, String hours) {
    return new RecordParticipationCommand(
        ID,
        null,
        id,
        correcting,
        Body.KS,
        MARCH,
        count,
        appointments,
        hours == null ? null : new BigDecimal(hours),
        new BigDecimal("1500"),
        null,
        new BigDecimal("290"),
        null,
        MeetingMode.PHYSICAL);
  }

  static ParticipationRecorded recorded(
      String id, Integer count, List<String> appointments, String hours, boolean correction) {
    return new ParticipationRecorded(
        ID,
        id,
        Body.KS,
        MARCH,
        count,
        appointments,
        new BigDecimal(hours),
        new BigDecimal("1500"),
        BigDecimal.ZERO,
        new BigDecimal("290"),
        BigDecimal.ZERO,
        MeetingMode.PHYSICAL,
        correction);
  }

  @Test
  void aMeetingIsRecordedWithItsHoursAndExpensesNoneGivenBeingNone() {
    fixture
        .given(REGISTERED)
        .when(meeting("p-1", false, 2, null, "7.5"))
        .expectEvents(recorded("p-1", 2, List.of(), "7.5", false));
  }

  @Test
  void attendanceMayNameTheForumsAppointments() {
    fixture
        .given(REGISTERED, ANNA)
        .when(meeting("p-1", false, null, List.of("a-1"), "3"))
        .expectEvents(recorded("p-1", null, List.of("a-1"), "3", false));
  }

  @Test
  void attendanceIsACountOrAppointmentsOfThisForumOneOfThem() {
    fixture
        .given(REGISTERED, ANNA)
        .when(meeting("p-1", false, 2, List.of("a-1"), "3"))
        .expectException(ForumRuleViolation.class)
        .expectNoEvents();
    fixture
        .given(REGISTERED)
        .when(meeting("p-1", false, null, null, "3"))
        .expectException(ForumRuleViolation.class)
        .expectNoEvents();
    fixture
        .given(REGISTERED)
        .when(meeting("p-1", false, null, List.of("a-9"), "3"))
        .expectException(ForumRuleViolation.class)
        .expectExceptionMessage(containsString("no appointment a-9 of this forum"))
        .expectNoEvents();
  }

  @Test
  void aMeetingHeldWithoutAttendanceIsRecordedWithCountZeroButNeverANegativeCount() {
    fixture
        .given(REGISTERED)
        .when(meeting("p-1", false, 0, null, "0"))
        .expectEvents(recorded("p-1", 0, List.of(), "0", false));
    fixture
        .given(REGISTERED)
        .when(meeting("p-1", false, -1, null, "0"))
        .expectException(ForumRuleViolation.class)
        .expectExceptionMessage(containsString("attendeeCount cannot be negative"))
        .expectNoEvents();
  }

  @Test
  void hoursAreRequiredAndNotNegative() {
    fixture
        .given(REGISTERED)
        .when(meeting("p-1", false, 1, null, null))
        .expectException(ForumRuleViolation.class)
        .expectNoEvents();
    fixture
        .given(REGISTERED)
        .when(meeting("p-1", false, 1, null, "-1"))
        .expectException(ForumRuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void aRegisteredUnitBesidesKsAndSlkRecordsItsMeetingToo() {
    Body mkn = Body.of("MKN");
    UnitRegistered unit =
        new UnitRegistered(
            mkn, "miljö- och klimatnämnden", UnitKind.COMMITTEE, null, null, null, null);
    FixtureConfiguration<Forum> withUnit = new AggregateTestFixture<>(Forum.class);
    withUnit.registerInjectableResource(
        (Units) body -> body.equals(mkn) ? Optional.of(unit) : Optional.empty());
    withUnit.registerInjectableResource(Goals.none());
    RecordParticipationCommand byMkn =
        new RecordParticipationCommand(
            ID,
            null,
            "p-1",
            false,
            mkn,
            MARCH,
            1,
            null,
            new BigDecimal("4"),
            null,
            null,
            null,
            null,
            MeetingMode.DIGITAL);

    withUnit
        .given(REGISTERED)
        .when(byMkn)
        .expectEvents(
            new ParticipationRecorded(
                ID,
                "p-1",
                mkn,
                MARCH,
                1,
                List.of(),
                new BigDecimal("4"),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                MeetingMode.DIGITAL,
                false));
  }

  @Test
  void aCorrectionReplacesTheMeetingAndTheSameRecordAgainWritesNothing() {
    ParticipationRecorded first = recorded("p-1", 2, List.of(), "7.5", false);
    fixture
        .given(REGISTERED, first)
        .when(meeting("p-1", true, 2, null, "9"))
        .expectEvents(recorded("p-1", 2, List.of(), "9", true));
    fixture
        .given(REGISTERED, first)
        .when(meeting("p-1", true, 2, null, "7.50"))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void aNewMeetingNeedsANewIdAndACorrectionAKnownOne() {
    fixture
        .given(REGISTERED, recorded("p-1", 2, List.of(), "7.5", false))
        .when(meeting("p-1", false, 2, null, "9"))
        .expectException(ForumRuleViolation.class)
        .expectNoEvents();
    fixture
        .given(REGISTERED)
        .when(meeting("p-2", true, 2, null, "9"))
        .expectException(ForumRuleViolation.class)
        .expectExceptionMessage(containsString("no meeting is recorded as p-2"))
        .expectNoEvents();
  }

  @Test
  void aWithdrawalRemovesTheMeetingOnceAndOnlyAKnownOne() {
    ParticipationRecorded first = recorded("p-1", 2, List.of(), "7.5", false);
    fixture
        .given(REGISTERED, first)
        .when(new WithdrawParticipationCommand(ID, null, "p-1"))
        .expectEvents(new ParticipationWithdrawn(ID, "p-1"));
    fixture
        .given(REGISTERED, first, new ParticipationWithdrawn(ID, "p-1"))
        .when(new WithdrawParticipationCommand(ID, null, "p-1"))
        .expectException(ForumRuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void anEndedForumTakesAMeetingBeforeItsEndWithADecisionAndNoneAfter() {
    fixture
        .given(REGISTERED, ENDED)
        .when(meeting("p-1", false, 2, null, "7.5"))
        .expectException(ForumRuleViolation.class)
        .expectExceptionMessage(containsString("decisionReference is required"))
        .expectNoEvents();
    fixture
        .given(REGISTERED, ENDED)
        .when(meeting("p-1", false, 2, null, "7.5"), DECISION)
        .expectEvents(recorded("p-1", 2, List.of(), "7.5", false));
    RecordParticipationCommand after =
        new RecordParticipationCommand(
            ID,
            null,
            "p-2",
            false,
            Body.SLK,
            LocalDate.of(2025, 2, 1),
            1,
            null,
            BigDecimal.ONE,
            null,
            null,
            null,
            null,
            MeetingMode.DIGITAL);
    fixture
        .given(REGISTERED, ENDED)
        .when(after, DECISION)
        .expectException(ForumRuleViolation.class)
        .expectExceptionMessage(containsString("after the forum's end"))
        .expectNoEvents();
  }
}
