package org.forumledger.reporting.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forumledger.events.testing.CostRatesRecordedBuilder.rates;
import static org.forumledger.events.testing.ForumEvents.forum;
import static org.forumledger.reporting.support.Events.registered;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.forumledger.events.CostRatesRecorded;
import org.forumledger.events.CostStatus;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.ParticipationCost;
import org.forumledger.events.testing.EventStream;
import org.forumledger.reporting.support.Meetings;
import org.junit.jupiter.api.Test;

/**
 * Other costs from recorded meetings in the totals, by the shared {@link ParticipationCost} rule: a
 * forum-year with meetings takes its figure from them (or is not calculated without the year's
 * rates), one without keeps its estimate, and attendance is counted from the same records.
 */
class ParticipationTotalsTest {

  private static final String T = "2024-02-26T09:00:00Z";
  private final EventStream events = new EventStream(1);

  /** a: estimate 500; b: estimate not calculated; c: no estimate at all. */
  private List<EventEnvelope> forums() {
    List<EventEnvelope> all = new ArrayList<>();
    all.add(events.envelope(registered("a", "2.3.1", "A", "Regional utveckling"), T, "2023-01-01"));
    all.add(events.envelope(registered("b", "2.3.2", "B", "Regional utveckling"), T, "2023-01-01"));
    all.add(events.envelope(registered("c", "2.3.3", "C", "Regional utveckling"), T, "2023-01-01"));
    all.add(events.envelope(forum("a").fee(2023).amount("1000"), T, null));
    all.add(events.envelope(forum("a").otherCost(2023).staff("500"), T, null));
    all.add(events.envelope(forum("b").otherCost(2023).status(CostStatus.NOT_CALCULATED), T, null));
    return all;
  }

  /** Three meetings of b in 2023 ({@link Meetings}): 10 hours, expenses 3 790 SEK. */
  private List<EventEnvelope> meetingsOfB() {
    return Meetings.threeIn2023(events, "b", T);
  }

  private static final CostRatesRecorded RATES_2023 =
      rates(2023).salary("350").overhead("46.36").source("SLK lönestatistik 2023").payload();

  private static Totals totals(List<EventEnvelope> events, int year, CostRatesRecorded rates) {
    return TotalsCalculator.totals(
        ForumFold.fold(events, TimeSlice.CURRENT).values(), year, 1, rates);
  }

  private static YearFigures figuresOf(Totals totals, String forumId) {
    return totals.byArea().stream()
        .flatMap(a -> a.forums().stream())
        .filter(f -> f.forum().forumId().equals(forumId))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void withoutMeetingsTheEstimatesStand() {
    Totals totals = totals(forums(), 2023, RATES_2023);

    assertThat(totals.otherCostTotal()).isEqualByComparingTo("500");
    assertThat(totals.notCalculatedCount()).isEqualTo(1);
    assertThat(totals.forumsOnRecords()).isZero();
    assertThat(totals.forumsOnEstimates()).isEqualTo(2);
  }

  @Test
  void meetingsWithoutRatesAreNotCalculatedWithTheSharedReason() {
    List<EventEnvelope> all = new ArrayList<>(forums());
    all.addAll(meetingsOfB());

    Totals totals = totals(all, 2023, null);

    assertThat(totals.otherCostTotal()).isEqualByComparingTo("500");
    assertThat(totals.notCalculatedCount()).isEqualTo(1);
    assertThat(totals.forumsOnRecords()).isEqualTo(1);
    assertThat(totals.forumsOnEstimates()).isEqualTo(1);
    YearFigures b = figuresOf(totals, "b");
    assertThat(b.otherCostStatus()).isEqualTo(CostStatus.NOT_CALCULATED);
    assertThat(b.otherCostReason()).isEqualTo("no cost rates recorded for 2023");
    assertThat(b.recordedMeetings()).isEqualTo(3);
  }

  @Test
  void threeMeetingsGetHoursTimesRateWithOverheadPlusExpensesAndLeaveTheNotCalculatedCount() {
    List<EventEnvelope> all = new ArrayList<>(forums());
    all.addAll(meetingsOfB());

    Totals totals = totals(all, 2023, RATES_2023);

    // 10 h × 350 × 1.4636 = 5 122.60, plus 1 200 + 800 + 1 500 + 290
    YearFigures b = figuresOf(totals, "b");
    assertThat(b.otherCostAmount()).isEqualByComparingTo("8912.60");
    assertThat(b.otherCostStatus()).isEqualTo(CostStatus.AMOUNT);
    assertThat(totals.otherCostTotal()).isEqualByComparingTo("9412.60");
    assertThat(totals.notCalculatedCount()).isZero();
    assertThat(totals.forumsOnRecords()).isEqualTo(1);
    assertThat(totals.forumsOnEstimates()).isEqualTo(1);
    assertThat(b.derivation().rule()).contains("SLK lönestatistik 2023").contains("512.26");
  }

  @Test
  void aCorrectionAndAWithdrawalMoveTheFigureAndAnotherYearsRatesDoNot() {
    List<EventEnvelope> all = new ArrayList<>(forums());
    all.addAll(meetingsOfB());
    all.add(
        events.envelope(
            forum("b")
                .participation("p-2")
                .on("2023-06-01")
                .hours("6.5")
                .attendees(3)
                .expenses("800", "1500", "290", "0")
                .correction(),
            T,
            "2023-06-01"));

    // 2 more hours at 512.26
    assertThat(figuresOf(totals(all, 2023, RATES_2023), "b").otherCostAmount())
        .isEqualByComparingTo("9937.12");

    all.add(events.envelope(forum("b").participationWithdrawn("p-3", "2023-11-01"), T, null));
    YearFigures b = figuresOf(totals(all, 2023, RATES_2023), "b");
    assertThat(b.recordedMeetings()).isEqualTo(2);
    assertThat(b.otherCostAmount()).isEqualByComparingTo("8656.47"); // less 2.5 × 512.26

    CostRatesRecorded higher = rates(2023).salary("400").overhead("40").correction().payload();
    // 9.5 h × 560 + 3 790
    assertThat(figuresOf(totals(all, 2023, higher), "b").otherCostAmount())
        .isEqualByComparingTo("9110");
    // a 2024 year has no meetings of b: its figures are untouched by any rates
    assertThat(totals(all, 2024, null).forumsOnRecords()).isZero();
  }

  @Test
  void asOfADateOnlyTheMeetingsHeldByThenCount() {
    List<EventEnvelope> all = new ArrayList<>(forums());
    all.addAll(meetingsOfB());

    Map<String, ForumState> asOfMay =
        ForumFold.fold(all, new TimeSlice(LocalDate.parse("2023-05-01"), null));
    Totals totals = TotalsCalculator.totals(asOfMay.values(), 2023, 1, RATES_2023);

    // p-1 alone: 3 × 512.26 + 1 200
    assertThat(figuresOf(totals, "b").otherCostAmount()).isEqualByComparingTo("2736.78");
  }

  @Test
  void attendanceCountsMeetingsAttendeesAndHoursAndNamesForumsWithoutAttendance() {
    List<EventEnvelope> all = new ArrayList<>(forums());
    all.addAll(meetingsOfB());

    Attendance attendance = Attendance.of(ForumFold.fold(all, TimeSlice.CURRENT).values(), 2023, 9);

    assertThat(attendance.forums())
        .extracting(Attendance.ForumYear::forumId)
        .containsExactly("a", "b", "c");
    Attendance.ForumYear b = attendance.forums().get(1);
    assertThat(b.meetingsRecorded()).isEqualTo(3);
    assertThat(b.meetingsAttended()).isEqualTo(2);
    assertThat(b.attendees()).isEqualTo(5);
    assertThat(b.hours()).isEqualByComparingTo("10");
    assertThat(attendance.withoutAttendance())
        .extracting(Attendance.ForumYear::forumId)
        .containsExactly("a", "c");
    assertThat(
            Attendance.of(ForumFold.fold(all, TimeSlice.CURRENT).values(), 2024, 9)
                .withoutAttendance())
        .extracting(Attendance.ForumYear::forumId)
        .containsExactly("a", "b", "c");
  }
}
