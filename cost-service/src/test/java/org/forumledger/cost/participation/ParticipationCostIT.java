package org.forumledger.cost.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.forumledger.events.testing.CostRatesRecordedBuilder.rates;
import static org.forumledger.events.testing.ForumEvents.forum;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.forumledger.cost.support.CostStack;
import org.forumledger.cost.support.Json;
import org.forumledger.events.Body;
import org.forumledger.events.CostStatus;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.MeetingMode;
import org.forumledger.events.testing.EventBuilder;
import org.forumledger.events.testing.EventStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 15 through a real broker into a real database: a forum-year with meetings recorded gets its
 * other costs from them and the year's recorded rates, explained down to each meeting and rate; a
 * year's rates move only that year; a correction of a meeting's hours moves the figure and the
 * history keeps both; meetings without rates are not calculated, never zero.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ParticipationCostIT {

  static final EventStream events = new EventStream();
  static CostStack stack;

  static final String MEETINGS = "forum-meetings";
  static final String NO_RATES = "forum-no-rates";
  static final String CORRECTED = "forum-corrected";
  static final String ESTIMATE = "forum-estimate";

  static EventEnvelope firstRecordOfP6;
  static EventEnvelope p1;
  static EventEnvelope rates2024;

  @BeforeAll
  static void start() throws Exception {
    stack = CostStack.start();
    List<EventEnvelope> batch = new ArrayList<>();
    for (String[] f :
        List.of(
            new String[] {MEETINGS, "9.2.1"},
            new String[] {NO_RATES, "9.2.2"},
            new String[] {CORRECTED, "9.2.3"},
            new String[] {ESTIMATE, "9.2.4"})) {
      batch.add(
          events.append(
              forum(f[0]).registered().reference(f[1]).inArea("Test").effective("2023-01-01")));
    }
    // the estimate the records replace, and a forum that keeps its estimate
    batch.add(events.append(forum(MEETINGS).otherCost(2024).staff("5000")));
    batch.add(events.append(forum(ESTIMATE).otherCost(2024).staff("3000")));
    rates2024 =
        events.append(
            rates(2024)
                .salary("350.00")
                .overhead("46.36")
                .source("SLK payroll 2024")
                .travel("Göteborg–Stockholm t/r", "1500"));
    batch.add(rates2024);
    batch.add(events.append(rates(2025).salary("300").overhead("40").source("SLK payroll 2025")));
    p1 =
        events.append(
            forum(MEETINGS)
                .participation("p-1")
                .on("2024-02-01")
                .attendees(2)
                .hours("12.5")
                .expenses("1500", "1200", "290", "0")
                .mode(MeetingMode.PHYSICAL));
    batch.add(p1);
    batch.add(
        events.append(
            forum(MEETINGS)
                .participation("p-2")
                .on("2024-05-10")
                .body(Body.SLK)
                .hours("8")
                .expenses("0", "0", "0", "2400")));
    batch.add(events.append(forum(MEETINGS).participation("p-3").on("2024-09-20").hours("3")));
    batch.add(events.append(forum(MEETINGS).participation("p-4").on("2025-03-01").hours("10")));
    batch.add(events.append(forum(NO_RATES).participation("p-5").on("2026-04-01").hours("4")));
    firstRecordOfP6 =
        events.append(forum(CORRECTED).participation("p-6").on("2024-06-01").hours("2"));
    batch.add(firstRecordOfP6);
    publishAndWait(batch);
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  static void publishAndWait(List<EventEnvelope> batch) {
    stack.publishAndWait(batch);
  }

  static void publishAndWait(EventBuilder<?, ?> builder) {
    publishAndWait(List.of(events.append(builder)));
  }

  static JsonNode otherCost(String forumId, int year) {
    JsonNode explain =
        Json.get(stack.viewer(), "/costs/forums/" + forumId + "/years/" + year + "/explain");
    for (JsonNode c : explain.get("contributions")) {
      if ("otherCost".equals(c.get("component").asText())) {
        return c;
      }
    }
    throw new AssertionError("no otherCost in " + explain);
  }

  @Test
  @Order(1)
  void threeMeetingsCostTheirHoursAtTheYearsRatesPlusTheirExpensesExplainedMeetingByMeeting() {
    JsonNode cost = otherCost(MEETINGS, 2024);

    // 350 × 1.4636 = 512.26 SEK an hour × 23.5 h = 12 038.11, expenses 5 390
    assertThat(cost.get("status").asText()).isEqualTo("AMOUNT");
    assertThat(cost.get("amountSek").decimalValue()).isEqualByComparingTo("17428.11");
    assertThat(cost.get("rule").asText()).isEqualTo("other.from-participation");
    assertThat(cost.get("explanation").asText())
        .contains("3 meetings recorded for 2024")
        .contains("hourly salary 350 SEK, payroll overhead 46.36 % = 512.26 SEK an hour")
        .contains("source: SLK payroll 2024")
        .contains("2024-02-01 KS PHYSICAL, 2 attended: 12.5 h = 6403.25 SEK")
        .contains("2024-05-10 SLK")
        .contains("2024-09-20 KS")
        .contains("replaces the estimate recorded for 2024 (AMOUNT 5000)");
    assertThat(cost.get("settings").toString())
        .contains("costRates.2024.hourlySalarySek")
        .contains("costRates.2024.payrollOverheadPercent");
    assertThat(cost.get("facts")).hasSize(5); // three meetings, the rates and the estimate

    JsonNode totals = Json.get(stack.viewer(), "/costs/years/2024");
    assertThat(totals.get("otherCostTotal").decimalValue()).isEqualByComparingTo("21452.63");
    assertThat(totals.get("otherCostOnRecords").asInt()).isEqualTo(2);
    assertThat(totals.get("otherCostOnEstimates").asInt()).isEqualTo(1);
  }

  @Test
  @Order(2)
  void meetingsWithoutRatesForTheirYearAreNotCalculatedNeverZero() {
    JsonNode cost = otherCost(NO_RATES, 2026);

    assertThat(cost.get("status").asText()).isEqualTo("NOT_CALCULATED");
    assertThat(cost.get("amountSek").isNull()).isTrue();
    assertThat(cost.get("explanation").asText()).contains("no cost rates recorded for 2026");
    JsonNode totals = Json.get(stack.viewer(), "/costs/years/2026");
    assertThat(totals.get("notCalculatedCount").asInt()).isEqualTo(1);
    assertThat(totals.get("otherCostTotal").decimalValue()).isEqualByComparingTo("0");
  }

  @Test
  @Order(3)
  void changingOneYearsRatesMovesOnlyThatYear() {
    assertThat(otherCost(MEETINGS, 2025).get("amountSek").decimalValue())
        .isEqualByComparingTo("4200"); // 10 h × 300 × 1.40

    publishAndWait(rates(2025).salary("400").overhead("40").source("revised").correction());

    assertThat(otherCost(MEETINGS, 2025).get("amountSek").decimalValue())
        .isEqualByComparingTo("5600");
    assertThat(otherCost(MEETINGS, 2024).get("amountSek").decimalValue())
        .isEqualByComparingTo("17428.11");
    assertThat(otherCost(MEETINGS, 2025).get("supersedes")).hasSize(1);
  }

  @Test
  @Order(4)
  void aCorrectionOfAMeetingsHoursMovesTheFigureAndTheHistoryKeepsBoth() {
    assertThat(otherCost(CORRECTED, 2024).get("amountSek").decimalValue())
        .isEqualByComparingTo("1024.52");

    publishAndWait(
        forum(CORRECTED)
            .participation("p-6")
            .on("2024-06-01")
            .hours("4")
            .correction()
            .because("Preparation forgotten"));

    JsonNode cost = otherCost(CORRECTED, 2024);
    assertThat(cost.get("amountSek").decimalValue()).isEqualByComparingTo("2049.04");
    assertThat(cost.get("supersedes").toString()).contains(firstRecordOfP6.metadata().eventId());
  }

  @Test
  @Order(5)
  void aWithdrawnMeetingLeavesTheEstimateToStandAgain() {
    publishAndWait(forum(CORRECTED).otherCost(2024).status(CostStatus.NOT_CALCULATED));
    publishAndWait(forum(CORRECTED).participationWithdrawn("p-6", "2024-06-01"));

    JsonNode cost = otherCost(CORRECTED, 2024);
    assertThat(cost.get("status").asText()).isEqualTo("NOT_CALCULATED");
    assertThat(cost.get("rule").asText()).isNotEqualTo("other.from-participation");
  }

  @Test
  @Order(6)
  void aRebuildFromTheTopicGivesTheSameReadModelAsTheLiveConsumer() {
    JsonNode before = Json.get(stack.viewer(), "/costs/checksum");

    stack.rebuild();

    JsonNode after = Json.get(stack.viewer(), "/costs/checksum");
    assertThat(after.get("checksum").asText()).isEqualTo(before.get("checksum").asText());
    assertThat(otherCost(MEETINGS, 2025).get("amountSek").decimalValue())
        .isEqualByComparingTo("5600");
  }

  @Test
  @Order(7)
  void aRedeliveredMeetingOrRateChangesNothing() {
    double duplicatesBefore = stack.counter("ledger.events.duplicate");
    stack.publish(p1);
    stack.publish(rates2024);
    publishAndWait(forum(ESTIMATE).otherCost(2030).staff("1")); // a marker after the duplicates

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(stack.counter("ledger.events.duplicate"))
                    .isEqualTo(duplicatesBefore + 2));
    JsonNode cost = otherCost(MEETINGS, 2024);
    assertThat(cost.get("amountSek").decimalValue()).isEqualByComparingTo("17428.11");
    assertThat(cost.get("supersedes")).isEmpty();
  }

  @Test
  @Order(8)
  void aProjectionCarriesTheLastYearOfRecordsForwardMarkedProjectedWithItsRule() {
    JsonNode projections =
        Json.get(stack.viewer(), "/costs/projections?from=2026&to=2026&includeForums=true");

    JsonNode row = null;
    for (JsonNode year : projections.get("years")) {
      for (JsonNode forum : year.get("forums")) {
        if (MEETINGS.equals(forum.get("forumId").asText())) {
          row = forum;
        }
      }
    }
    assertThat(row).as("the forum with meetings in 2026's projection").isNotNull();
    JsonNode other = row.get("otherCost");
    // 2025's meeting (10 h) carried to 2026, which has no rates: 2025's 400 × 1.40 = 560 SEK an
    // hour
    assertThat(other.get("certainty").asText()).isEqualTo("PROJECTED");
    assertThat(other.get("rule").asText()).isEqualTo("other.participation-carried");
    assertThat(other.get("totalSek").decimalValue()).isEqualByComparingTo("5600");
    assertThat(other.get("explanation").asText())
        .contains("recorded for 2025")
        .contains("cost rates of 2025 (560 SEK an hour, source: revised)");
  }
}
