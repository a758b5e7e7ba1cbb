package org.forumledger.reporting.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forumledger.reporting.support.Events.appointed;
import static org.forumledger.reporting.support.Events.correctedFee;
import static org.forumledger.reporting.support.Events.ended;
import static org.forumledger.reporting.support.Events.fee;
import static org.forumledger.reporting.support.Events.feeWithdrawn;
import static org.forumledger.reporting.support.Events.headcount;
import static org.forumledger.reporting.support.Events.otherCost;
import static org.forumledger.reporting.support.Events.reclassified;
import static org.forumledger.reporting.support.Events.registered;
import static org.forumledger.reporting.support.Events.status;

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
import org.forumledger.reporting.support.Events;
import org.junit.jupiter.api.Test;

class ForumFoldTest {

  private final Events events = new Events(1);

  @Test
  void aLaterFeeForTheSameFirstYearReplacesTheEarlierAndAWithdrawalRemovesIt() {
    List<EventEnvelope> log =
        List.of(
            events.envelope(
                registered("f1", "2.1.1", "Reväst", "Regional utveckling"),
                "2024-02-26T09:00:00Z",
                "2023-01-01"),
            events.envelope(fee("f1", 2023, null, "70000.00"), "2024-02-26T09:00:00Z", null),
            events.envelope(fee("f1", 2019, 2022, "50000"), "2024-02-26T09:00:00Z", null),
            events.envelope(
                correctedFee("f1", 2023, null, "72500.50"), "2024-03-01T09:00:00Z", null));
    ForumState forum = ForumFold.fold(log, TimeSlice.CURRENT).get("f1");

    assertThat(forum.fees()).extracting(f -> f.fromYear()).containsExactly(2019, 2023);
    assertThat(forum.feeFor(2024).orElseThrow().amountSek()).isEqualByComparingTo("72500.50");
    assertThat(forum.feeFor(2021).orElseThrow().amountSek()).isEqualByComparingTo("50000");
    assertThat(forum.feeFor(2018)).isEmpty();
    assertThat(forum.lastPosition()).isEqualTo(4);

    ForumState withdrawn =
        ForumFold.apply(
            forum, events.envelope(feeWithdrawn("f1", 2019), "2024-04-01T00:00:00Z", null));
    assertThat(withdrawn.fees()).extracting(f -> f.fromYear()).containsExactly(2023);
    assertThat(withdrawn.lastPosition()).isEqualTo(5);
  }

  @Test
  void eventsBeforeTheRegistrationInASliceLeaveTheForumAbsent() {
    List<EventEnvelope> log =
        List.of(
            events.envelope(
                registered("f2", "2.1.2", "Late", "A"), "2024-02-26T09:00:00Z", "2024-06-01"),
            events.envelope(fee("f2", 2023, null, "1000"), "2024-02-26T09:00:00Z", null));
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
                appointed("f3", "a1", "Anna", Body.KS, "2023-01-01", "2026-12-31"),
                "2024-02-26T09:00:00Z",
                null),
            events.envelope(
                appointed("f3", "a2", "Bo", Body.KS, "2023-01-01", null),
                "2024-02-26T09:00:00Z",
                null),
            events.envelope(ended("f3", "a2", "2023-06-30"), "2024-02-26T09:00:00Z", null),
            events.envelope(
                headcount("f3", 2023, Body.SLK, 1, 2, "1-2"), "2024-02-26T09:00:00Z", null),
            events.envelope(
                reclassified("f3", "Regional utveckling"), "2024-02-26T09:00:00Z", "2024-01-01"),
            events.envelope(
                status("f3", ForumStatus.PAUSED, "2024-03-01"), "2024-02-26T09:00:00Z", null),
            events.envelope(otherCost("f3", 2023, "15000"), "2024-02-26T09:00:00Z", null));
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
    ForumRegistered registered = registered("f5", "2.4.1", "Gammalt namn", "Infrastruktur");
    ForumDetailsRevised revised =
        new ForumDetailsRevised(
            "f5",
            "Nytt namn",
            "Nytt syfte",
            "Trafikverket",
            Scope.NATIONAL,
            new CountRange(6, 6),
            MeetingMode.DIGITAL);
    ForumReclassified reclassified = reclassified("f5", "Regional utveckling");
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
            events.envelope(fee("f4", 2023, null, "100"), "2024-01-10T00:00:00Z", null),
            events.envelope(correctedFee("f4", 2023, null, "120"), "2024-04-01T00:00:00Z", null));
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
