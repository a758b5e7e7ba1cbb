package org.forumledger.reporting.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forumledger.events.testing.ForumEvents.forum;
import static org.forumledger.reporting.support.Events.registered;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.forumledger.events.Body;
import org.forumledger.events.CountRange;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.ForumDetailsRevised;
import org.forumledger.events.ForumKind;
import org.forumledger.events.ForumReclassified;
import org.forumledger.events.ForumRegistered;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.MeetingMode;
import org.forumledger.events.Scope;
import org.forumledger.events.testing.EventStream;
import org.junit.jupiter.api.Test;

class ForumFoldTest {

  private final EventStream events = new EventStream(1);

  @Test
  void aLaterFeeForTheSameFirstYearReplacesTheEarlierAndAWithdrawalRemovesIt() {
    List<EventEnvelope> log =
        List.of(
            events.envelope(
                registered("f1", "2.1.1", "Reväst", "Regional utveckling"),
                "2024-02-26T09:00:00Z",
                "2023-01-01"),
            events.envelope(forum("f1").fee(2023).amount("70000.00"), "2024-02-26T09:00:00Z", null),
            events.envelope(
                forum("f1").fee(2019).until(2022).amount("50000"), "2024-02-26T09:00:00Z", null),
            events.envelope(
                forum("f1").fee(2023).amount("72500.50").correction(),
                "2024-03-01T09:00:00Z",
                null));
    ForumState forum = ForumFold.fold(log, TimeSlice.CURRENT).get("f1");

    assertThat(forum.fees()).extracting(f -> f.fromYear()).containsExactly(2019, 2023);
    assertThat(forum.feeFor(2024).orElseThrow().amountSek()).isEqualByComparingTo("72500.50");
    assertThat(forum.feeFor(2021).orElseThrow().amountSek()).isEqualByComparingTo("50000");
    assertThat(forum.feeFor(2018)).isEmpty();
    assertThat(forum.lastPosition()).isEqualTo(4);

    ForumState withdrawn =
        ForumFold.apply(
            forum, events.envelope(forum("f1").feeWithdrawn(2019), "2024-04-01T00:00:00Z", null));
    assertThat(withdrawn.fees()).extracting(f -> f.fromYear()).containsExactly(2023);
    assertThat(withdrawn.lastPosition()).isEqualTo(5);
  }

  @Test
  void eventsBeforeTheRegistrationInASliceLeaveTheForumAbsent() {
    List<EventEnvelope> log =
        List.of(
            events.envelope(
                registered("f2", "2.1.2", "Late", "A"), "2024-02-26T09:00:00Z", "2024-06-01"),
            events.envelope(forum("f2").fee(2023).amount("1000"), "2024-02-26T09:00:00Z", null));
    assertThat(ForumFold.fold(log, new TimeSlice(LocalDate.parse("2023-12-31"), null))).isEmpty();
    assertThat(ForumFold.fold(log, new TimeSlice(LocalDate.parse("2024-06-01"), null)))
        .containsKey("f2");
  }

  @Test
  void statusAppointmentsHeadcountsAndReclassificationFoldIn() {
    List<EventEnvelope> log =
        List.of(
            events.envelope(
                registered("f3", "2.2.10", "STRING", "Infrastruktur"),
                "2024-02-26T09:00:00Z",
                "2023-01-01"),
            events.envelope(
                forum("f3")
                    .appointed("a1")
                    .person("Anna")
                    .of(Body.KS)
                    .valid("2023-01-01", "2026-12-31"),
                "2024-02-26T09:00:00Z",
                null),
            events.envelope(
                forum("f3").appointed("a2").person("Bo").of(Body.KS).valid("2023-01-01", null),
                "2024-02-26T09:00:00Z",
                null),
            events.envelope(
                forum("f3").appointmentEnded("a2").on("2023-06-30"), "2024-02-26T09:00:00Z", null),
            events.envelope(
                forum("f3").headcount(2023, Body.SLK).people(1, 2), "2024-02-26T09:00:00Z", null),
            events.envelope(
                forum("f3").reclassified().inArea("Regional utveckling"),
                "2024-02-26T09:00:00Z",
                "2024-01-01"),
            events.envelope(
                forum("f3").status(ForumStatus.PAUSED).from("2024-03-01"),
                "2024-02-26T09:00:00Z",
                null),
            events.envelope(
                forum("f3").otherCost(2023).staff("15000"), "2024-02-26T09:00:00Z", null));
    ForumState now = ForumFold.fold(log, TimeSlice.CURRENT).get("f3");

    assertThat(now.details().area()).isEqualTo("Regional utveckling");
    assertThat(now.status()).isEqualTo(ForumStatus.PAUSED);
    assertThat(now.statusEffectiveFrom()).isEqualTo(LocalDate.parse("2024-03-01"));
    assertThat(now.appointmentsIn(2023, Body.KS)).isEqualTo(2);
    assertThat(now.appointmentsIn(2024, Body.KS)).isEqualTo(1);
    assertThat(now.headcountFor(2023, Body.SLK).orElseThrow().asWritten()).isEqualTo("1-2");
    assertThat(now.otherCostFor(2023).orElseThrow().totalSek()).isEqualByComparingTo("15000");

    ForumState endOf2023 =
        ForumFold.fold(log, new TimeSlice(LocalDate.parse("2023-12-31"), null)).get("f3");
    assertThat(endOf2023.details().area()).isEqualTo("Infrastruktur");
    assertThat(endOf2023.status()).isEqualTo(ForumStatus.ACTIVE);
    assertThat(endOf2023.appointments()).hasSize(2);
  }

  @Test
  void aRevisionAndAReclassificationChangeTheDetailsAsTheContractSays() {
    ForumRegistered registered =
        registered("f5", "2.4.1", "Gammalt namn", "Infrastruktur").payload();
    ForumDetailsRevised revised =
        new ForumDetailsRevised(
            "f5",
            "Nytt namn",
            "Nytt syfte",
            "Trafikverket",
            Scope.NATIONAL,
            new CountRange(6, 6),
            MeetingMode.DIGITAL);
    ForumReclassified reclassified =
        forum("f5").reclassified().inArea("Regional utveckling").payload();
    List<EventEnvelope> log =
        List.of(
            events.envelope(registered, "2024-02-26T09:00:00Z", "2023-01-01"),
            events.envelope(revised, "2024-02-27T09:00:00Z", "2024-01-01"),
            events.envelope(reclassified, "2024-02-28T09:00:00Z", "2024-02-01"));

    ForumRegistered details = ForumFold.fold(log, TimeSlice.CURRENT).get("f5").details();

    assertThat(details).isEqualTo(registered.revisedBy(revised).reclassifiedBy(reclassified));
    assertThat(details.name()).isEqualTo("Nytt namn");
    assertThat(details.convener()).isEqualTo("Trafikverket");
    assertThat(details.meetingMode()).isEqualTo(MeetingMode.DIGITAL);
    assertThat(details.area()).isEqualTo("Regional utveckling");
    assertThat(details.kind()).isEqualTo(ForumKind.COLLABORATION);
    assertThat(details.inventoryReference()).isEqualTo("2.4.1");
    assertThat(
            ForumFold.fold(log, new TimeSlice(LocalDate.parse("2024-01-15"), null))
                .get("f5")
                .details())
        .isEqualTo(registered.revisedBy(revised));
  }

  @Test
  void knownAtHidesWhatWasRecordedLater() {
    List<EventEnvelope> log =
        List.of(
            events.envelope(registered("f4", "2.3.1", "X", "A"), "2024-01-10T00:00:00Z", null),
            events.envelope(forum("f4").fee(2023).amount("100"), "2024-01-10T00:00:00Z", null),
            events.envelope(
                forum("f4").fee(2023).amount("120").correction(), "2024-04-01T00:00:00Z", null));
    Map<String, ForumState> before =
        ForumFold.fold(log, new TimeSlice(null, Instant.parse("2024-03-31T23:59:59Z")));
    Map<String, ForumState> after = ForumFold.fold(log, TimeSlice.CURRENT);

    assertThat(before.get("f4").feeFor(2023).orElseThrow().amountSek())
        .isEqualByComparingTo(new BigDecimal("100"));
    assertThat(after.get("f4").feeFor(2023).orElseThrow().amountSek())
        .isEqualByComparingTo(new BigDecimal("120"));
    assertThat(ForumFold.fold(log, new TimeSlice(null, Instant.parse("2024-01-01T00:00:00Z"))))
        .isEmpty();
  }
}
