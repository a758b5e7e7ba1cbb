package org.forumledger.registry.unit;

import static org.hamcrest.Matchers.containsString;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.forumledger.events.Body;
import org.forumledger.events.SourceReference;
import org.forumledger.events.UnitKind;
import org.forumledger.events.UnitRegistered;
import org.forumledger.events.UnitRevised;
import org.forumledger.registry.forum.domain.ForumRuleViolation;
import org.forumledger.registry.unit.Unit.RecordUnitCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Units on their own streams: given the history, when a record. */
class UnitTest {

  static final Body MKN = Body.of("MKN");
  static final SourceReference SOURCE =
      new SourceReference("SLK-2023-01081", "miljö- och klimatnämndens ansvarsområde");
  static final UnitRegistered REGISTERED =
      new UnitRegistered(
          MKN, "miljö- och klimatnämnden", UnitKind.COMMITTEE, null, null, null, SOURCE);

  FixtureConfiguration<Unit> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Unit.class);
    Map<Body, UnitRegistered> known = Map.of(Body.of("SMN"), REGISTERED);
    fixture.registerInjectableResource((Units) body -> Optional.ofNullable(known.get(body)));
  }

  static RecordUnitCommand record(
      Long version, String name, Body partOf, LocalDate from, LocalDate to) {
    return RecordUnitCommand.of(version, MKN, name, UnitKind.COMMITTEE, partOf, from, to, SOURCE);
  }

  @Test
  void theFirstRecordRegistersTheUnitOnItsOwnStream() {
    fixture
        .givenNoPriorActivity()
        .when(record(null, " miljö- och klimatnämnden ", null, null, null))
        .expectEvents(REGISTERED);
  }

  @Test
  void aChangedRecordWithItsVersionRevisesAndTheSameAgainWritesNothing() {
    LocalDate end = LocalDate.of(2024, 12, 31);
    fixture
        .given(REGISTERED)
        .when(record(0L, "miljö- och klimatnämnden", null, null, end))
        .expectEvents(
            new UnitRevised(
                MKN, "miljö- och klimatnämnden", UnitKind.COMMITTEE, null, null, end, SOURCE));
    fixture
        .given(REGISTERED)
        .when(record(null, "miljö- och klimatnämnden", null, null, null))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void aRevisionWithoutIfMatchOrWithAStaleOneIsRefused() {
    fixture
        .given(REGISTERED)
        .when(record(null, "Miljönämnden", null, null, null))
        .expectException(ConflictingAggregateVersionException.class);
    fixture
        .given(REGISTERED, REGISTERED)
        .when(record(0L, "Miljönämnden", null, null, null))
        .expectException(ConflictingAggregateVersionException.class);
  }

  @Test
  void aUnitNeedsANameAndCannotEndBeforeItBegins() {
    fixture
        .givenNoPriorActivity()
        .when(record(null, " ", null, null, null))
        .expectException(ForumRuleViolation.class)
        .expectExceptionMessage("name is required");
    fixture
        .givenNoPriorActivity()
        .when(record(null, "x", null, LocalDate.of(2024, 1, 1), LocalDate.of(2023, 1, 1)))
        .expectException(ForumRuleViolation.class)
        .expectExceptionMessage("a unit cannot end before it begins");
  }

  @Test
  void itIsPartOfKsSlkOrARegisteredUnitOnly() {
    fixture
        .givenNoPriorActivity()
        .when(record(null, "x", Body.of("XYZ"), null, null))
        .expectException(ForumRuleViolation.class)
        .expectExceptionMessage(containsString("partOf XYZ is not a registered unit"));
    fixture
        .givenNoPriorActivity()
        .when(record(null, "x", Body.of("SMN"), null, null))
        .expectEvents(
            new UnitRegistered(MKN, "x", UnitKind.COMMITTEE, Body.of("SMN"), null, null, SOURCE));
    fixture
        .givenNoPriorActivity()
        .when(record(null, "x", Body.KS, null, null))
        .expectEvents(
            new UnitRegistered(MKN, "x", UnitKind.COMMITTEE, Body.KS, null, null, SOURCE));
  }
}
