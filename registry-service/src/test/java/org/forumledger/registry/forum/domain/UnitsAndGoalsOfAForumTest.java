package org.forumledger.registry.forum.domain;

import static org.forumledger.registry.forum.domain.ForumTest.ID;
import static org.forumledger.registry.forum.domain.ForumTest.REGISTERED;
import static org.hamcrest.Matchers.containsString;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.forumledger.events.Body;
import org.forumledger.events.CouncilGoalRegistered;
import org.forumledger.events.CountRange;
import org.forumledger.events.ForumGoalsLinked;
import org.forumledger.events.HeadcountRecorded;
import org.forumledger.events.MandatePeriod;
import org.forumledger.events.MeetingMode;
import org.forumledger.events.MetadataKeys;
import org.forumledger.events.RepresentativeAppointed;
import org.forumledger.events.Role;
import org.forumledger.events.UnitKind;
import org.forumledger.events.UnitRegistered;
import org.forumledger.registry.forum.domain.ForumCommands.AppointRepresentativeCommand;
import org.forumledger.registry.forum.domain.ForumCommands.LinkGoalsCommand;
import org.forumledger.registry.forum.domain.ForumCommands.RecordHeadcountCommand;
import org.forumledger.registry.forum.domain.ForumCommands.RecordParticipationCommand;
import org.forumledger.registry.goal.Goals;
import org.forumledger.registry.unit.Units;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A forum's facts name a unit that is KS, SLK or registered and valid on the fact's date, and its
 * goals are registered ones: given the history, when a command.
 */
class UnitsAndGoalsOfAForumTest {

  static final Body MKN = Body.of("MKN");
  static final Body GONE = Body.of("GONE");
  static final String GOAL = "kompetensforsorjning-2023";
  static final Map<String, Object> ON_2024 = Map.of(MetadataKeys.EFFECTIVE_DATE, "2024-03-01");

  FixtureConfiguration<Forum> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Forum.class);
    Map<Body, UnitRegistered> units =
        Map.of(
            MKN,
            new UnitRegistered(
                MKN, "miljö- och klimatnämnden", UnitKind.COMMITTEE, null, null, null, null),
            GONE,
            new UnitRegistered(
                GONE,
                "en nämnd som upphört",
                UnitKind.COMMITTEE,
                null,
                null,
                LocalDate.of(2022, 12, 31),
                null));
    fixture.registerInjectableResource((Units) body -> Optional.ofNullable(units.get(body)));
    fixture.registerInjectableResource(
        (Goals)
            id ->
                id.equals(GOAL)
                    ? Optional.of(
                        new CouncilGoalRegistered(
                            GOAL,
                            new MandatePeriod(2023, 2026),
                            "Kompetensförsörjning",
                            null,
                            null))
                    : Optional.empty());
  }

  static AppointRepresentativeCommand appoint(Body body) {
    return new AppointRepresentativeCommand(
        ID, null, "a-9", "Eva", body, Role.LEDAMOT, LocalDate.of(2023, 2, 1), null);
  }

  @Test
  void aRegisteredUnitValidOnTheDayTakesPart() {
    fixture
        .given(REGISTERED)
        .when(appoint(MKN))
        .expectEvents(
            new RepresentativeAppointed(
                ID, "a-9", "Eva", MKN, Role.LEDAMOT, LocalDate.of(2023, 2, 1), null));
  }

  @Test
  void anUnknownUnitIsRefusedForAnAppointmentAHeadcountAndAMeeting() {
    Body unknown = Body.of("XYZ");
    fixture
        .given(REGISTERED)
        .when(appoint(unknown))
        .expectException(ForumRuleViolation.class)
        .expectExceptionMessage(containsString("XYZ is not a registered unit"));
    fixture
        .given(REGISTERED)
        .when(new RecordHeadcountCommand(ID, null, 2023, unknown, CountRange.exactly(1), "1"))
        .expectException(ForumRuleViolation.class)
        .expectExceptionMessage(containsString("XYZ is not a registered unit"));
    fixture
        .given(REGISTERED)
        .when(
            new RecordParticipationCommand(
                ID,
                null,
                "p-1",
                false,
                unknown,
                LocalDate.of(2023, 3, 1),
                1,
                null,
                BigDecimal.ONE,
                null,
                null,
                null,
                null,
                MeetingMode.DIGITAL))
        .expectException(ForumRuleViolation.class)
        .expectExceptionMessage(containsString("XYZ is not a registered unit"));
  }

  @Test
  void aUnitThatNoLongerExistsIsRefusedAfterItsLastDayButKsAndSlkAlwaysTakePart() {
    fixture
        .given(REGISTERED)
        .when(appoint(GONE))
        .expectException(ForumRuleViolation.class)
        .expectExceptionMessage(containsString("GONE is not valid on 2023-02-01"));
    fixture
        .given(REGISTERED)
        .when(new RecordHeadcountCommand(ID, null, 2022, GONE, CountRange.exactly(1), "1"))
        .expectEvents(new HeadcountRecorded(ID, 2022, GONE, CountRange.exactly(1), "1"));
    fixture
        .given(REGISTERED)
        .when(new RecordHeadcountCommand(ID, null, 2023, Body.SLK, CountRange.exactly(1), "1"))
        .expectEvents(new HeadcountRecorded(ID, 2023, Body.SLK, CountRange.exactly(1), "1"));
  }

  @Test
  void goalsLinkedAreRegisteredOnesAndALaterLinkReplacesTheEarlier() {
    ForumGoalsLinked linked =
        new ForumGoalsLinked(ID, MKN, List.of(GOAL), "Fler utbildade i staden", false);
    fixture
        .given(REGISTERED)
        .when(
            new LinkGoalsCommand(ID, null, MKN, List.of(GOAL), " Fler utbildade i staden "),
            ON_2024)
        .expectEvents(linked);
    fixture
        .given(REGISTERED, linked)
        .when(
            new LinkGoalsCommand(ID, null, MKN, List.of(GOAL), "Fler utbildade i staden"), ON_2024)
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
    fixture
        .given(REGISTERED, linked)
        .when(new LinkGoalsCommand(ID, null, MKN, List.of(), "Ingen"), ON_2024)
        .expectEvents(new ForumGoalsLinked(ID, MKN, List.of(), "Ingen", true));
  }

  @Test
  void anUnknownGoalOrUnitOrNoBenefitIsRefused() {
    fixture
        .given(REGISTERED)
        .when(new LinkGoalsCommand(ID, null, MKN, List.of("segregation-2023"), "x"), ON_2024)
        .expectException(ForumRuleViolation.class)
        .expectExceptionMessage("no council goal segregation-2023 is registered");
    fixture
        .given(REGISTERED)
        .when(new LinkGoalsCommand(ID, null, GONE, List.of(GOAL), "x"), ON_2024)
        .expectException(ForumRuleViolation.class)
        .expectExceptionMessage(containsString("GONE is not valid on 2024-03-01"));
    fixture
        .given(REGISTERED)
        .when(new LinkGoalsCommand(ID, null, MKN, List.of(GOAL), " "), ON_2024)
        .expectException(ForumRuleViolation.class)
        .expectExceptionMessage("benefitForResidents is required");
  }
}
