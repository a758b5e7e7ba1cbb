package org.forumledger.reporting.corrections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forumledger.events.testing.ForumEvents.forum;
import static org.forumledger.reporting.support.Events.registered;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.testing.EventStream;
import org.forumledger.reporting.support.ReportingStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, through a real broker into a real database: corrections of ended forums are new events
 * with a reason and a decision, in the forum's history, in the changes between mandate periods and
 * in the totals.
 */
class CorrectionsIT {

  private static final String BEFORE_REOPENING = "2025-02-01T00:00:00Z";
  private static final String CHANGES = "/reports/changes?fromPeriod=2019-2022&toPeriod=2023-2026";

  private static ReportingStack stack;

  @BeforeAll
  static void start() {
    stack = ReportingStack.start();
    EventStream e = new EventStream(1);
    List<EventEnvelope> log = new ArrayList<>();
    log.add(e.envelope(registered("mistaken", "9.1.1", "Ended by mistake", "A"), T0, "2019-01-01"));
    log.add(e.envelope(forum("mistaken").fee(2023).amount("50000"), T0, "2023-01-01"));
    log.add(e.envelope(registered("ended", "9.1.2", "Ended for good", "A"), T0, "2019-01-01"));
    log.add(e.envelope(forum("ended").fee(2023).amount("40000"), T0, "2023-01-01"));
    log.add(e.envelope(registered("brief", "9.1.3", "Joined and left", "A"), T0, "2023-05-01"));
    log.add(
        e.append(
            forum("mistaken")
                .status(ForumStatus.ENDED)
                .from("2024-01-01")
                .because("Left the network")
                .decision("KS 2023-12-13 § 900")
                .recordedAt("2024-01-10T00:00:00Z")));
    log.add(
        e.append(
            forum("ended")
                .status(ForumStatus.ENDED)
                .from("2024-01-01")
                .decision("KS 2023-12-13 § 901")
                .recordedAt("2024-01-10T00:00:00Z")));
    log.add(
        e.append(
            forum("ended")
                .otherCost(2023)
                .staff("7000")
                .because("Staff time of 2023 reported after the end")
                .decision("KS 2024-03-20 § 210")
                .recordedAt("2024-03-21T00:00:00Z")));
    log.add(
        e.append(
            forum("mistaken")
                .status(ForumStatus.ACTIVE)
                .from("2025-03-01")
                .because("The end was recorded by mistake; the city never left")
                .decision("KS 2025-02-26 § 120")
                .recordedAt("2025-03-02T00:00:00Z")));
    log.add(
        e.append(
            forum("brief")
                .status(ForumStatus.ENDED)
                .from("2025-06-30")
                .decision("KS 2025-06-11 § 400")
                .recordedAt("2025-07-01T00:00:00Z")));

    stack.publishAll(log);
    log.forEach(event -> stack.awaitHandled(event.metadata().eventId()));
  }

  private static final String T0 = "2023-01-15T00:00:00Z";

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void aForumThatJoinedAndLeftWithinThePeriodIsInItsChanges() {
    JsonNode changes = stack.asViewer(CHANGES);

    assertThat(ids(changes.get("joinedAndLeft"))).containsExactly("brief");
    assertThat(ids(changes.get("joined"))).isEmpty();
    assertThat(ids(changes.get("left"))).containsExactly("ended");
  }

  @Test
  void aReopenedForumIsInThePeriodsChangesWithTheReasonAndDecisionOfItsEndAndItsReopening() {
    JsonNode reopened = stack.asViewer(CHANGES).get("reopened");

    assertThat(reopened).hasSize(1);
    JsonNode only = reopened.get(0);
    assertThat(only.get("forum").get("forumId").asText()).isEqualTo("mistaken");
    assertThat(only.get("ended").get("effectiveFrom").asText()).isEqualTo("2024-01-01");
    assertThat(only.get("ended").get("decisionReference").asText())
        .isEqualTo("KS 2023-12-13 § 900");
    assertThat(only.get("reopening").get("status").asText()).isEqualTo("ACTIVE");
    assertThat(only.get("reopening").get("effectiveFrom").asText()).isEqualTo("2025-03-01");
    assertThat(only.get("reopening").get("reason").asText())
        .isEqualTo("The end was recorded by mistake; the city never left");
    assertThat(only.get("reopening").get("decisionReference").asText())
        .isEqualTo("KS 2025-02-26 § 120");
  }

  @Test
  void asKnownBeforeTheReopeningTheForumHadLeft() {
    JsonNode changes = stack.asViewer(CHANGES + "&knownAt=" + BEFORE_REOPENING);

    assertThat(changes.get("reopened")).isEmpty();
    assertThat(ids(changes.get("left"))).containsExactly("mistaken", "ended");
  }

  @Test
  void theReopeningAndTheLateCostAreInTheHistoryWithTheirReasonAndDecision() {
    JsonNode mistaken = stack.asViewer("/forums/mistaken/history");
    JsonNode reopening = mistaken.get(mistaken.size() - 1);
    assertThat(reopening.get("eventType").asText()).isEqualTo("forum.ForumStatusChanged");
    assertThat(reopening.get("payload").get("status").asText()).isEqualTo("ACTIVE");
    assertThat(reopening.get("decisionReference").asText()).isEqualTo("KS 2025-02-26 § 120");

    JsonNode ended = stack.asViewer("/forums/ended/history");
    JsonNode lateCost = ended.get(ended.size() - 1);
    assertThat(lateCost.get("eventType").asText()).isEqualTo("forum.OtherCostRecorded");
    assertThat(lateCost.get("reason").asText())
        .isEqualTo("Staff time of 2023 reported after the end");
    assertThat(lateCost.get("decisionReference").asText()).isEqualTo("KS 2024-03-20 § 210");
  }

  @Test
  void totalsCountTheReopenedForumAndTheCostRecordedAfterTheEnd() {
    JsonNode y2023 = stack.asViewer("/reports/totals?year=2023");
    assertThat(y2023.get("forumCount").asInt()).isEqualTo(3);
    assertThat(y2023.get("annualFeeTotal").decimalValue()).isEqualByComparingTo("90000");
    assertThat(y2023.get("otherCostTotal").decimalValue()).isEqualByComparingTo("7000");

    // the mistaken end no longer takes 2024 from the forum; the forum ended for good stays out
    JsonNode y2024 = stack.asViewer("/reports/totals?year=2024");
    assertThat(y2024.get("forumCount").asInt()).isEqualTo(2); // "mistaken" and "brief"
    assertThat(y2024.get("annualFeeTotal").decimalValue()).isEqualByComparingTo("50000");
  }

  private static List<String> ids(JsonNode forums) {
    List<String> ids = new ArrayList<>();
    forums.forEach(f -> ids.add(f.get("forumId").asText()));
    return ids;
  }
}
