package org.forumledger.reporting.timetravel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forumledger.events.testing.ForumEvents.forum;
import static org.forumledger.reporting.support.Events.registered;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.forumledger.events.Body;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.testing.EventStream;
import org.forumledger.reporting.support.ReportingStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The registry and its totals as of a valid-time date and as known at a recorded time, when facts
 * were recorded late or corrected retroactively:
 *
 * <ul>
 *   <li>alpha's 2023 fee of 100 000 was corrected to 120 000 on 2024-05-01 (retroactive);
 *   <li>beta's end from 2023-01-01 was only recorded on 2024-03-15 (late);
 *   <li>gamma, in the forum since 2023-06-01, was only registered on 2024-04-10 (late);
 *   <li>alpha moved to another area from 2024-01-01 (recorded in advance, on 2023-12-01).
 * </ul>
 */
class TimeTravelIT {

  private static final String OLD_AREA = "Regional utveckling";
  private static final String NEW_AREA = "Näringsliv";
  private static ReportingStack stack;
  private static List<EventEnvelope> history;

  @BeforeAll
  static void start() {
    stack = ReportingStack.start();
    EventStream e = new EventStream(1);
    history =
        List.of(
            e.envelope(
                registered("alpha", "2.1.1", "Alpha", OLD_AREA),
                "2023-01-10T08:00:00Z",
                "2023-01-01"),
            e.envelope(
                registered("beta", "2.1.2", "Beta", OLD_AREA),
                "2023-01-10T08:00:00Z",
                "2023-01-01"),
            e.envelope(
                forum("alpha")
                    .appointed("a-1")
                    .person("Anna")
                    .of(Body.KS)
                    .valid("2023-01-01", "2026-12-31"),
                "2023-01-10T08:00:00Z",
                null),
            e.envelope(
                forum("alpha").reclassified().inArea(NEW_AREA),
                "2023-12-01T08:00:00Z",
                "2024-01-01"),
            e.envelope(forum("alpha").fee(2023).amount("100000"), "2024-02-26T09:00:00Z", null),
            e.envelope(forum("beta").fee(2023).amount("30000"), "2024-02-26T09:00:00Z", null),
            e.envelope(
                forum("beta").status(ForumStatus.ENDED).from("2023-01-01"),
                "2024-03-15T09:00:00Z",
                null),
            e.envelope(
                registered("gamma", "2.1.3", "Gamma", OLD_AREA),
                "2024-04-10T09:00:00Z",
                "2023-06-01"),
            e.envelope(
                forum("gamma").fee(2023).until(2023).amount("5000"), "2024-04-10T09:00:00Z", null),
            e.envelope(
                forum("alpha").fee(2023).amount("120000").correction(),
                "2024-05-01T09:00:00Z",
                "2023-01-01"),
            e.envelope(
                forum("alpha").appointmentEnded("a-1").on("2024-06-30"),
                "2024-05-02T09:00:00Z",
                null));
    stack.publishAll(history);
    history.forEach(h -> stack.awaitHandled(h.metadata().eventId()));
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void totalsAsKnownBeforeTheLateEndAndTheCorrection() {
    JsonNode t = totals("asOf=2023-12-31&knownAt=2024-03-01T00:00:00Z");
    assertThat(t.get("forumCount").asInt()).isEqualTo(2);
    // beta's fee still counts: its end had not been recorded
    assertThat(t.get("annualFeeTotal").decimalValue()).isEqualByComparingTo("130000");
    assertThat(t.get("position").asLong()).isEqualTo(6);
    assertThat(t.get("byArea").findValuesAsText("area")).containsExactly(OLD_AREA);
  }

  @Test
  void totalsAsKnownAfterTheLateEndButBeforeTheCorrection() {
    JsonNode t = totals("asOf=2023-12-31&knownAt=2024-04-01T00:00:00Z");
    assertThat(t.get("forumCount").asInt()).isEqualTo(1);
    // beta, ended from 2023's first day, no longer counts in 2023, but the 30 000 recorded for it
    // is money recorded for the year and still sums (TotalsCalculator); alpha's fee is still the
    // 100 000 of before the correction of 2024-05-01; gamma was not yet registered
    assertThat(t.get("annualFeeTotal").decimalValue()).isEqualByComparingTo("130000");
    assertThat(t.get("byArea").get(0).get("forumCount").asInt()).isEqualTo(1);
    assertThat(t.get("position").asLong()).isEqualTo(7);
  }

  @Test
  void totalsAsKnownNowIncludeTheLateRegistrationAndTheCorrection() {
    JsonNode t = totals("asOf=2023-12-31");
    assertThat(t.get("forumCount").asInt()).isEqualTo(2); // alpha, gamma; beta ended
    assertThat(t.get("annualFeeTotal").decimalValue()).isEqualByComparingTo("155000");
    assertThat(t.get("byArea").findValuesAsText("area")).containsExactly(OLD_AREA);

    JsonNode now = totals("");
    assertThat(now.get("annualFeeTotal").decimalValue()).isEqualByComparingTo("155000");
    assertThat(now.get("byArea").findValuesAsText("area")).containsExactly(NEW_AREA, OLD_AREA);
  }

  @Test
  void theRegistryAsOfAndAsKnownAt() {
    JsonNode then = stack.asViewer("/forums?asOf=2023-12-31&knownAt=2024-03-01T00:00:00Z");
    assertThat(ids(then)).containsExactly("alpha", "beta");
    JsonNode alphaThen = then.get("forums").get(0);
    assertThat(alphaThen.get("area").asText()).isEqualTo(OLD_AREA);
    assertThat(alphaThen.get("fees").get(0).get("amountSek").decimalValue())
        .isEqualByComparingTo("100000");
    assertThat(then.get("forums").get(1).get("status").asText()).isEqualTo("ACTIVE");

    JsonNode alpha = stack.asViewer("/forums/alpha?asOf=2023-12-31");
    assertThat(alpha.get("fees").get(0).get("amountSek").decimalValue())
        .isEqualByComparingTo("120000");
    assertThat(alpha.get("appointments").get(0).get("endedOn").isNull()).isTrue();
    JsonNode alphaNow = stack.asViewer("/forums/alpha");
    assertThat(alphaNow.get("area").asText()).isEqualTo(NEW_AREA);
    assertThat(alphaNow.get("appointments").get(0).get("endedOn").asText()).isEqualTo("2024-06-30");

    stack
        .http
        .get()
        .uri("/forums/gamma?knownAt=2024-04-01T00:00:00Z")
        .headers(h -> h.setBasicAuth("viewer", ReportingStack.VIEWER))
        .exchange()
        .expectStatus()
        .isNotFound();
    JsonNode beta = stack.asViewer("/forums/beta?knownAt=2024-04-01T00:00:00Z");
    assertThat(beta.get("status").asText()).isEqualTo("ENDED");
  }

  @Test
  void theMaterialisedViewEqualsTheFoldOfTheLog() {
    JsonNode view = stack.asViewer("/forums");
    JsonNode folded = stack.asViewer("/forums?knownAt=2100-01-01T00:00:00Z");
    assertThat(folded.get("forums")).isEqualTo(view.get("forums"));
  }

  @Test
  void changesBetweenDatesAndMandatePeriodsAsKnownThenAndNow() {
    JsonNode now = stack.asViewer("/reports/changes?from=2022-12-31&to=2024-12-31");
    assertThat(refs(now.get("joined"))).containsExactly("alpha", "gamma");
    assertThat(now.get("left")).isEmpty();
    JsonNode alphaFee = now.get("feesChanged").get(0);
    assertThat(alphaFee.get("forum").get("forumId").asText()).isEqualTo("alpha");
    assertThat(alphaFee.get("before").isNull()).isTrue();
    assertThat(alphaFee.get("after").get("amountSek").decimalValue())
        .isEqualByComparingTo("120000");
    assertThat(now.get("appointed").get(0).get("appointmentId").asText()).isEqualTo("a-1");
    assertThat(now.get("ended").get(0).get("on").asText()).isEqualTo("2024-06-30");

    JsonNode then =
        stack.asViewer(
            "/reports/changes?from=2022-12-31&to=2024-12-31&knownAt=2024-03-01T00:00:00Z");
    assertThat(refs(then.get("joined"))).containsExactly("alpha", "beta");
    assertThat(then.get("feesChanged").get(0).get("after").get("amountSek").decimalValue())
        .isEqualByComparingTo("100000");
    assertThat(then.get("ended")).isEmpty();

    JsonNode periods = stack.asViewer("/reports/changes?fromPeriod=2019-2022&toPeriod=2023-2026");
    assertThat(periods.get("to").asText()).isEqualTo("2026-12-31");
    assertThat(refs(periods.get("joined"))).containsExactly("alpha", "gamma");

    stack
        .http
        .get()
        .uri("/reports/changes?from=2024-12-31&to=2022-12-31")
        .headers(h -> h.setBasicAuth("viewer", ReportingStack.VIEWER))
        .exchange()
        .expectStatus()
        .isEqualTo(422);
    stack
        .http
        .get()
        .uri("/reports/changes?fromPeriod=2020-2023&toPeriod=2023-2026")
        .headers(h -> h.setBasicAuth("viewer", ReportingStack.VIEWER))
        .exchange()
        .expectStatus()
        .isBadRequest();
  }

  private static List<String> refs(JsonNode refs) {
    List<String> ids = new ArrayList<>();
    refs.forEach(f -> ids.add(f.get("forumId").asText()));
    return ids;
  }

  private static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.get("forums").forEach(f -> ids.add(f.get("forumId").asText()));
    return ids;
  }

  private static JsonNode totals(String query) {
    return stack.asViewer("/reports/totals?year=2023" + (query.isEmpty() ? "" : "&" + query));
  }
}
