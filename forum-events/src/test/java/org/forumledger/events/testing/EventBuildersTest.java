package org.forumledger.events.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forumledger.events.testing.ForumEvents.forum;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.forumledger.events.AppointmentEnded;
import org.forumledger.events.Body;
import org.forumledger.events.CostCategory;
import org.forumledger.events.CostStatus;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventJson;
import org.forumledger.events.EventMetadata;
import org.forumledger.events.ForumEventType;
import org.forumledger.events.ForumKind;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.MeetingMode;
import org.forumledger.events.Role;
import org.forumledger.events.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The builders the services' tests share cannot drift from the contract: they pass through it. */
class EventBuildersTest {

  static Stream<EventBuilder<?, ?>> everyBuilder() {
    ForumEvents f = forum("f1");
    return Stream.concat(
        f.everyKind().stream(),
        Stream.of(
            f.registered()
                .reference("2.2.10")
                .named("STRING")
                .purpose("Transport corridor")
                .inArea("Transport")
                .subarea("Korridorer")
                .kind(ForumKind.COLLABORATION, "styrgrupp")
                .convenedBy("STRING")
                .scope(Scope.INTERNATIONAL)
                .meetings(1, 2)
                .meetingMode(MeetingMode.DIGITAL),
            f.detailsRevised()
                .named("STRING II")
                .purpose("p")
                .convenedBy("X")
                .scope(Scope.NATIONAL)
                .meetings(3, 3)
                .meetingMode(MeetingMode.PHYSICAL),
            f.reclassified().inArea("Miljö").subarea("Klimat").kind(ForumKind.NETWORK, null),
            f.status(ForumStatus.ENDED).from("2024-06-30"),
            f.appointed("a-2")
                .person("Bo")
                .of(Body.SLK)
                .as(Role.ERSATTARE)
                .valid("2023-01-01", "2026-12-31"),
            f.appointmentEnded("a-2").on("2024-01-31"),
            f.headcount(2023, Body.SLK).people(1, 2).asWritten("1-2 per möte"),
            f.fee(2023).until(2026).inCurrency("EUR", "1500", "11.50").correction(),
            f.fee(2019).amount("2390000").perInhabitant("4", 600_000L),
            f.fee(2023).amount("50000").projectShare("1000000"),
            f.fee(2023).status(CostStatus.NOT_CALCULATED),
            f.fee(2023).reportedUnder("2.14.6"),
            f.otherCost(2023).staff("12000").travel("3000").line(CostCategory.ARVODE, "1"),
            f.otherCost(2023).status(CostStatus.NONE).correction(),
            f.otherCost(2023).reportedUnder("2.14.6"),
            GivenEvent.of(new AppointmentEnded("f1", "a-3", LocalDate.of(2024, 5, 1))).by("x"),
            f.fee(2023)
                .eventId("e-1")
                .sequence(7)
                .position(42)
                .recordedAt("2024-03-01T10:00:00Z")
                .effective((String) null)
                .by("auditor")
                .because("correction")
                .decision(null)
                .correlation("import-7")));
  }

  @ParameterizedTest
  @MethodSource("everyBuilder")
  void envelopeRoundTripsThroughTheContractsJson(EventBuilder<?, ?> builder) {
    EventEnvelope envelope = new EventStream().append(builder);

    assertThat(EventJson.read(EventJson.write(envelope))).contains(envelope);
    assertThat(
            ForumEventType.find(
                envelope.metadata().eventType(), envelope.metadata().eventVersion()))
        .contains(ForumEventType.of(envelope.payload()));
  }

  @Test
  void everyTypeOfTheCatalogueHasABuilder() {
    List<ForumEventType> built =
        forum("f1").everyKind().stream().map(EventBuilder::type).distinct().toList();

    assertThat(built).containsExactlyInAnyOrder(ForumEventType.values());
  }

  @Test
  void streamNumbersPositionsAndPerForumSequences() {
    EventStream events = new EventStream(100);

    List<EventMetadata> metadata =
        Stream.of(
                forum("a").registered(),
                forum("b").registered(),
                forum("a").fee(2023),
                forum("a").status(ForumStatus.PAUSED).from("2024-03-01"))
            .map(events::append)
            .map(EventEnvelope::metadata)
            .toList();

    assertThat(metadata)
        .extracting(EventMetadata::globalPosition)
        .containsExactly(100L, 101L, 102L, 103L);
    assertThat(metadata).extracting(EventMetadata::sequenceNumber).containsExactly(0L, 0L, 1L, 2L);
    assertThat(metadata).extracting(EventMetadata::eventId).doesNotHaveDuplicates();
    assertThat(metadata)
        .extracting(m -> m.effectiveDate().toString())
        .containsExactly("2024-02-26", "2024-02-26", "2023-01-01", "2024-03-01");
    assertThat(events.nextPosition()).isEqualTo(104);
  }

  @Test
  void anUnknownTypeIsWellFormedButNotInTheCatalogue() {
    UnknownEvent unknown = new EventStream(5).unknown("f1", "forum.BudgetFrozen");

    assertThat(EventJson.read(unknown.value())).isEmpty();
    assertThat(EventJson.readMetadata(unknown.value()))
        .extracting(EventMetadata::eventId, EventMetadata::forumId, EventMetadata::globalPosition)
        .containsExactly(unknown.eventId(), "f1", 5L);
  }

  @Test
  void wireBytesAreTheContractsJson() {
    EventStream events = new EventStream();
    byte[] wire = events.wire(forum("f1").fee(2023).amount("17250.00"));

    EventEnvelope read = EventJson.read(wire).orElseThrow();
    assertThat(read.payload()).isEqualTo(forum("f1").fee(2023).amount("17250.00").payload());
    assertThat(read.metadata().globalPosition()).isEqualTo(1);
  }
}
