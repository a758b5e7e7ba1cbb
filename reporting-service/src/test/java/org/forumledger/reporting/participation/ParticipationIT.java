package org.forumledger.reporting.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forumledger.events.testing.CostRatesRecordedBuilder.rates;
import static org.forumledger.events.testing.ForumEvents.forum;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.testing.EventStream;
import org.forumledger.reporting.support.Fixture;
import org.forumledger.reporting.support.Meetings;
import org.forumledger.reporting.support.ReportingStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recorded meetings and a year's cost rates through the real broker and database: the fixture's
 * not-calculated forum (struktur, 2.1.2) gets three meetings, stays not calculated until the year's
 * rates arrive, then takes the figure the shared rule derives; a redelivery changes nothing; the
 * audit history and time travel have the new events as every other; attendance is counted from the
 * same records.
 */
class ParticipationIT {

  private static final String T1 = "2024-03-01T10:00:00Z";
  private static final String T2 = "2024-03-02T10:00:00Z";
  private static final String T3 = "2024-03-03T10:00:00Z";

  private static ReportingStack stack;
  private static final EventStream events = new EventStream(100);
  private static EventEnvelope rates2023;
  private static EventEnvelope correction;

  @BeforeAll
  static void start() {
    stack = ReportingStack.start();
    List<EventEnvelope> inventory = Fixture.inventory2023(events);
    stack.publishAll(inventory);
    List<EventEnvelope> meetings = Meetings.threeIn2023(events, "struktur", T1);
    stack.publishAll(meetings);
    rates2023 =
        events.envelope(
            rates(2023).salary("350").overhead("46.36").source("SLK lönestatistik 2023"),
            T2,
            "2023-01-01");
    // the rates and two redeliveries of them, the record as the registry sealed it once
    var m = rates2023.metadata();
    byte[] sealed = stack.registry.seal(rates2023);
    for (int copy = 0; copy < 3; copy++) {
      stack.publishUnsealed(m.forumId(), sealed, m.eventType(), m.eventVersion(), m.eventId());
    }
    // the same rates again as a correction, behind the copies on their key: once it is handled,
    // so are they
    EventEnvelope again =
        events.envelope(
            rates(2023)
                .salary("350")
                .overhead("46.36")
                .source("SLK lönestatistik 2023")
                .correction(),
            T2,
            "2023-01-01");
    stack.publishAll(List.of(again));
    stack.awaitHandled(again.metadata().eventId());
    inventory.forEach(e -> stack.awaitHandled(e.metadata().eventId()));
    meetings.forEach(e -> stack.awaitHandled(e.metadata().eventId()));
    correction =
        events.envelope(
            forum("struktur")
                .participation("p-2")
                .on("2023-06-01")
                .hours("6.5")
                .attendees(3)
                .expenses("800", "1500", "290", "0")
                .correction(),
            T3,
            "2023-06-01");
    stack.publishAll(List.of(correction));
    stack.awaitHandled(correction.metadata().eventId());
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void theForumOnItsMeetingsLeavesTheNotCalculatedCountAndTakesTheDerivedFigure() {
    JsonNode totals = stack.asViewer("/reports/totals?year=2023");

    // 12 h × 350 × 1.4636 + 1 200 + 800 + 1 500 + 290 = 9 937.12, beside the fixture's 17 250.50
    assertThat(totals.get("otherCostTotal").decimalValue()).isEqualByComparingTo("27187.62");
    assertThat(totals.get("annualFeeTotal").decimalValue()).isEqualByComparingTo(Fixture.FEES_2023);
    assertThat(totals.get("notCalculatedCount").asInt()).isZero();
    assertThat(totals.get("forumsOnRecords").asInt()).isEqualTo(1);
    assertThat(totals.get("forumsOnEstimates").asInt()).isEqualTo(3);
    assertThat(stack.asViewer("/forums/struktur").get("participations")).hasSize(3);

    JsonNode derived = stack.asViewer("/forums/struktur/years/2023/other-cost");
    assertThat(derived.get("basis").asText()).isEqualTo("records");
    assertThat(derived.get("status").asText()).isEqualTo("AMOUNT");
    assertThat(derived.get("totalSek").decimalValue()).isEqualByComparingTo("9937.12");
    assertThat(derived.get("rule").asText()).contains("SLK lönestatistik 2023");
    assertThat(derived.get("meetings")).hasSize(3);
    assertThat(derived.get("meetings").get(1).asText())
        .startsWith("2023-06-01 KS")
        .contains("6.5 h");
    JsonNode estimate = stack.asViewer("/forums/revast/years/2023/other-cost");
    assertThat(estimate.get("basis").asText()).isEqualTo("estimate");
    assertThat(estimate.get("totalSek").decimalValue()).isEqualByComparingTo("15000");
  }

  @Test
  void timeTravelSeesTheFigureAsItWasKnown() {
    JsonNode beforeRates = stack.asViewer("/reports/totals?year=2023&knownAt=2024-03-01T12:00:00Z");
    assertThat(beforeRates.get("otherCostTotal").decimalValue())
        .isEqualByComparingTo(Fixture.OTHER_2023);
    assertThat(beforeRates.get("notCalculatedCount").asInt()).isEqualTo(1);
    assertThat(beforeRates.get("forumsOnRecords").asInt()).isEqualTo(1);

    JsonNode beforeCorrection =
        stack.asViewer("/reports/totals?year=2023&knownAt=2024-03-02T12:00:00Z");
    // 10 h × 512.26 + 3 790 = 8 912.60
    assertThat(beforeCorrection.get("otherCostTotal").decimalValue())
        .isEqualByComparingTo("26163.10");

    JsonNode asOfMay = stack.asViewer("/reports/totals?year=2023&asOf=2023-05-01");
    // only p-1 had been held: 3 × 512.26 + 1 200 = 2 736.78
    assertThat(asOfMay.get("otherCostTotal").decimalValue()).isEqualByComparingTo("19987.28");
  }

  @Test
  void aRedeliveryOfTheRatesChangesNothingAndTheAuditHistoryKeepsEveryRecord() {
    String id = rates2023.metadata().eventId();
    assertThat(
            stack.jdbc.queryForObject(
                "select count(*) from event_log where event_id = ?", Integer.class, id))
        .isEqualTo(1);
    assertThat(
            stack.jdbc.queryForObject(
                "select count(*) from audit_entry where event_id = ?", Integer.class, id))
        .isEqualTo(1);
    JsonNode rates = stack.asAuditor("/audit?forumId=cost-rates-2023");
    assertThat(rates).hasSize(2); // the rates and their correction, not the copies
    assertThat(rates.findValuesAsText("eventType")).containsOnly("rates.CostRatesRecorded");
    JsonNode history = stack.asAuditor("/audit?forumId=struktur");
    assertThat(history.findValuesAsText("eventType"))
        .filteredOn("forum.ParticipationRecorded"::equals)
        .hasSize(4); // three meetings and the correction: both records of p-2 are kept
    JsonNode verified = stack.asAuditor("/audit/verify");
    assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
  }

  @Test
  void attendanceCountsTheMeetingsAndNamesTheForumsWithoutAny() {
    JsonNode attendance = stack.asViewer("/reports/attendance?year=2023");

    JsonNode struktur = null;
    for (JsonNode f : attendance.get("forums")) {
      if (f.get("forumId").asText().equals("struktur")) {
        struktur = f;
      }
    }
    assertThat(struktur).isNotNull();
    assertThat(struktur.get("meetingsRecorded").asInt()).isEqualTo(3);
    assertThat(struktur.get("meetingsAttended").asInt()).isEqualTo(2);
    assertThat(struktur.get("attendees").asInt()).isEqualTo(5);
    assertThat(struktur.get("hours").decimalValue()).isEqualByComparingTo("12");
    assertThat(attendance.get("withoutAttendance").findValuesAsText("forumId"))
        .containsExactlyInAnyOrder("revast", "string", "euro-env");

    String csv =
        new String(
            stack
                .http
                .get()
                .uri("/reports/attendance?year=2023&format=csv")
                .headers(h -> h.setBasicAuth("viewer", ReportingStack.VIEWER))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody(),
            StandardCharsets.UTF_8);
    assertThat(csv)
        .startsWith("forum_id,section,name,area,year,meetings_recorded")
        .contains(
            "struktur,2.1.2,Västsveriges strukturfondspartnerskap,Regional utveckling,2023,3,2,5,12,yes");

    stack
        .http
        .get()
        .uri("/reports/attendance?year=20x3")
        .headers(h -> h.setBasicAuth("viewer", ReportingStack.VIEWER))
        .exchange()
        .expectStatus()
        .isBadRequest();
  }
}
