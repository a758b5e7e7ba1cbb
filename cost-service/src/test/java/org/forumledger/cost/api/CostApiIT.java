package org.forumledger.cost.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.forumledger.events.testing.ForumEvents.forum;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.forumledger.cost.support.CostStack;
import org.forumledger.cost.support.Json;
import org.forumledger.events.CostStatus;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.testing.EventStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The API over a small slice of the 2023 inventory, consumed from a real broker into a real
 * database: the totals' fields, per-forum rows, CSV, projections, mandate periods, explain,
 * security and problem+json errors.
 */
class CostApiIT {

  /** The day the stack takes for today: in the mandate period 2023–2026. */
  static final Instant TODAY = Instant.parse("2026-06-15T12:00:00Z");

  static final EventStream events = new EventStream();
  static CostStack stack;
  static final List<EventEnvelope> published = new ArrayList<>();
  static EventEnvelope kolvFee;

  static final String REVAST = "forum-revast";
  static final String PARTNERSHIP = "forum-strukturfond";
  static final String EUROCITIES = "forum-eurocities";
  static final String MOBILITY = "forum-eurocities-mobility";
  static final String KOLV = "forum-fhs-rad";
  static final String ECCAR = "forum-eccar";
  static final String INACTIVE = "forum-inactive-partners";
  static final String MOVED = "forum-moved";

  @BeforeAll
  static void start() throws Exception {
    stack = CostStack.start(Clock.fixed(TODAY, ZoneOffset.UTC));
    LocalDate jan2023 = LocalDate.of(2023, 1, 1);
    reg(REVAST, "2.1.3", "Regional utveckling", "Reväst");
    add(events.append(forum(REVAST).fee(2023).amount("70000")));
    add(events.append(forum(REVAST).otherCost(2023).staff("12000").travel("3000")));

    reg(PARTNERSHIP, "2.1.2", "Regional utveckling", "VGR");
    add(events.append(forum(PARTNERSHIP).fee(2023).status(CostStatus.NONE)));
    add(events.append(forum(PARTNERSHIP).otherCost(2023).status(CostStatus.NOT_CALCULATED)));

    reg(EUROCITIES, "2.14.6", "Internationellt samarbete och EU", "Eurocities");
    add(events.append(forum(EUROCITIES).fee(2023).amount("185000")));
    add(events.append(forum(EUROCITIES).otherCost(2023).staff("100000").travel("44000")));

    reg(MOBILITY, "2.3.4", "Stadsutveckling", "Eurocities");
    add(events.append(forum(MOBILITY).fee(2023).reportedUnder("2.14.6")));
    add(events.append(forum(MOBILITY).otherCost(2023).reportedUnder("2.14.6")));

    reg(KOLV, "2.13.1", "Forskning och utbildning", "Förvaltningshögskolan");
    kolvFee =
        events.append(
            forum(KOLV)
                .fee(2019)
                .until(2024)
                .amount("2390000")
                .perInhabitant("4", null)
                .decision("KS 2019-02-13 § 120"));
    add(kolvFee);
    add(events.append(forum(KOLV).otherCost(2023).status(CostStatus.NOT_CALCULATED)));

    reg(ECCAR, "2.8.4", "Demokrati och mänskliga rättigheter", "ECCAR");
    add(events.append(forum(ECCAR).fee(2023).inCurrency("EUR", "1500", "11.50")));
    add(events.append(forum(ECCAR).otherCost(2023).staff("40000").travel("5000")));

    reg(INACTIVE, "2.14.11", "Internationellt samarbete och EU", null);
    add(events.append(forum(INACTIVE).status(ForumStatus.INACTIVE).from(LocalDate.of(2020, 1, 1))));
    add(events.append(forum(INACTIVE).fee(2023).status(CostStatus.NONE)));
    add(events.append(forum(INACTIVE).otherCost(2023).status(CostStatus.NONE)));

    reg(MOVED, "2.3.1", "Regional utveckling", "GR");
    add(events.append(forum(MOVED).reclassified().inArea("Stadsutveckling").effective(jan2023)));
    add(events.append(forum(MOVED).fee(2023).until(2023).amount("10000")));

    published.forEach(stack::publish);
    long last = published.get(published.size() - 1).metadata().globalPosition();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(Json.get(stack.viewer(), "/costs/checksum").get("position").asLong())
                    .isEqualTo(last));
  }

  private static void reg(String id, String reference, String area, String convener) {
    add(
        events.append(
            forum(id)
                .registered()
                .reference(reference)
                .inArea(area)
                .convenedBy(convener)
                .effective("2023-01-01")));
  }

  private static void add(EventEnvelope envelope) {
    published.add(envelope);
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void theYearTotalsCarryTheAgreedFieldsWithExactDecimals() {
    byte[] body =
        stack
            .viewer()
            .get()
            .uri("/costs/years/2023")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .returnResult()
            .getResponseBody();
    String text = new String(body, StandardCharsets.UTF_8);
    JsonNode year = Json.parse(body);

    assertThat(year.get("year").asInt()).isEqualTo(2023);
    assertThat(year.get("position").asLong())
        .isEqualTo(published.get(published.size() - 1).metadata().globalPosition());
    assertThat(year.get("forumCount").asInt()).isEqualTo(8);
    assertThat(year.get("annualFeeTotal").decimalValue()).isEqualByComparingTo("2672250.00");
    assertThat(year.get("annualFeeTotalTkr").decimalValue()).isEqualByComparingTo("2672.3");
    assertThat(year.get("otherCostTotal").decimalValue()).isEqualByComparingTo("204000");
    assertThat(year.get("otherCostTotalTkr").decimalValue()).isEqualByComparingTo("204.0");
    assertThat(year.get("notCalculatedCount").asInt()).isEqualTo(2);
    assertThat(text)
        .contains("\"annualFeeTotal\":2672250")
        .doesNotContain("E+")
        .doesNotContain("e+");

    List<String> areas = new ArrayList<>();
    year.get("byArea").forEach(a -> areas.add(a.get("area").asText()));
    assertThat(areas)
        .containsExactly(
            "Regional utveckling",
            "Stadsutveckling",
            "Demokrati och mänskliga rättigheter",
            "Forskning och utbildning",
            "Internationellt samarbete och EU");
    JsonNode regional = year.get("byArea").get(0);
    assertThat(regional.get("forumCount").asInt()).isEqualTo(2);
    assertThat(regional.get("annualFeeTotal").decimalValue()).isEqualByComparingTo("70000");
    assertThat(regional.get("otherCostTotal").decimalValue()).isEqualByComparingTo("15000");
    assertThat(regional.get("notCalculatedCount").asInt()).isEqualTo(1);
    // the reclassified forum counts under its current area
    JsonNode city = year.get("byArea").get(1);
    assertThat(city.get("forumCount").asInt()).isEqualTo(2);
    assertThat(city.get("annualFeeTotal").decimalValue()).isEqualByComparingTo("10000");
    assertThat(year.get("byStatus").get("annualFee").get("REPORTED_UNDER").asInt()).isEqualTo(1);
  }

  @Test
  void theForumsOfAYearShowFeeCurrencyRateAndCategories() {
    JsonNode rows = Json.get(stack.viewer(), "/costs/years/2023/forums");
    JsonNode eccar = find(rows, ECCAR);

    assertThat(rows.size()).isEqualTo(8);
    assertThat(eccar.get("annualFee").get("amountSek").decimalValue())
        .isEqualByComparingTo("17250.00");
    assertThat(eccar.get("annualFee").get("currency").asText()).isEqualTo("EUR");
    assertThat(eccar.get("annualFee").get("originalAmount").decimalValue())
        .isEqualByComparingTo("1500");
    assertThat(eccar.get("annualFee").get("exchangeRate").decimalValue())
        .isEqualByComparingTo("11.50");
    assertThat(eccar.get("annualFee").get("exchangeRateSource").asText()).isEqualTo("STATED");
    assertThat(eccar.get("otherCost").get("byCategory").get(0).get("category").asText())
        .isEqualTo("STAFF_TIME");
    assertThat(find(rows, PARTNERSHIP).get("otherCost").get("status").asText())
        .isEqualTo("NOT_CALCULATED");
    assertThat(find(rows, PARTNERSHIP).get("otherCost").get("totalSek").isNull()).isTrue();
    assertThat(find(rows, MOBILITY).get("annualFee").get("reportedUnder").asText())
        .isEqualTo("2.14.6");
  }

  @Test
  void theYearTableIsAvailableAsCsv() {
    byte[] body =
        stack
            .viewer()
            .get()
            .uri("/costs/years/2023/forums.csv")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
            .expectBody()
            .returnResult()
            .getResponseBody();
    String[] lines = new String(body, StandardCharsets.UTF_8).split("\r\n");

    assertThat(lines).hasSize(9);
    assertThat(lines[0]).startsWith("year,inventory_reference,forum_id,name");
    assertThat(lines[1]).startsWith("2023,2.1.2," + PARTNERSHIP);
    // its other cost is not calculated: so is its total, empty rather than 0
    assertThat(lines[1]).endsWith(",NOT_CALCULATED,,");
    assertThat(List.of(lines))
        .anySatisfy(l -> assertThat(l).contains(ECCAR).contains(",17250").contains("EUR"));
  }

  @Test
  void aForumShowsEveryYearMarkedActualOrProjected() {
    JsonNode kolv = Json.get(stack.viewer(), "/costs/forums/" + KOLV);
    JsonNode years = kolv.get("years");

    assertThat(years.get(0).get("year").asInt()).isEqualTo(2019);
    // today is in 2026, whose mandate period is 2023–2026 (cost-service.yml), so the
    // projection runs to the end of the period after it: 2027–2030
    int horizon = 2030;
    assertThat(years.get(years.size() - 1).get("year").asInt()).isEqualTo(horizon);
    JsonNode y2024 = yearOf(years, 2024);
    JsonNode y2025 = yearOf(years, 2025);
    assertThat(y2024.get("annualFee").get("certainty").asText()).isEqualTo("ACTUAL");
    assertThat(y2024.get("annualFee").get("amountSek").decimalValue())
        .isEqualByComparingTo("2390000");
    assertThat(y2025.get("annualFee").get("status").asText()).isEqualTo("NONE");
    assertThat(y2025.get("annualFee").get("rule").asText()).isEqualTo("fee.ended-with-agreement");
    assertThat(y2025.get("otherCost").get("status").asText()).isEqualTo("NOT_CALCULATED");
  }

  @Test
  void projectionsRunYearByYearToTheEndOfTheNextMandatePeriod() {
    JsonNode projections = Json.get(stack.viewer(), "/costs/projections?from=2027&to=2030");
    JsonNode y2027 = projections.get("years").get(0);

    assertThat(projections.get("years").size()).isEqualTo(4);
    assertThat(y2027.get("certainty").asText()).isEqualTo("PROJECTED");
    // Reväst 70 000 + Eurocities 185 000 + ECCAR 1 500 EUR × 11.20 (rate.EUR.2025 carried on)
    assertThat(y2027.get("annualFeeTotal").decimalValue()).isEqualByComparingTo("271800.00");
    // staff time × salary index 1.141 / 1.000; travel unchanged
    assertThat(y2027.get("otherCostTotal").decimalValue()).isEqualByComparingTo("225432.00");
    assertThat(y2027.get("notCalculatedCount").asInt()).isEqualTo(2);
    assertThat(y2027.get("projectedSek").decimalValue()).isEqualByComparingTo("497232.00");
  }

  @Test
  void aMandatePeriodSumsItsYearsMarkingEach() {
    JsonNode period = Json.get(stack.viewer(), "/costs/mandate-periods/2023-2026");
    JsonNode years = period.get("years");

    assertThat(years.size()).isEqualTo(4);
    assertThat(years.get(0).get("year").asInt()).isEqualTo(2023);
    assertThat(years.get(0).get("certainty").asText()).isEqualTo("ACTUAL");
    assertThat(years.get(1).get("certainty").asText()).isEqualTo("PROJECTED");
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode y : years) {
      sum = sum.add(y.get("total").decimalValue());
    }
    assertThat(period.get("total").decimalValue()).isEqualByComparingTo(sum);
    assertThat(period.get("notCalculatedForumCount").asInt()).isEqualTo(2);
    assertThat(years.get(0).get("total").decimalValue()).isEqualByComparingTo("2876250.00");
  }

  @Test
  void aYearTotalIsExplainedByItsContributingFacts() {
    JsonNode explain = Json.get(stack.viewer(), "/costs/years/2023/explain");
    JsonNode kolv = null;
    for (JsonNode c : explain.get("contributions")) {
      if (KOLV.equals(c.get("forumId").asText())
          && "annualFee".equals(c.get("component").asText())) {
        kolv = c;
      }
    }

    assertThat(explain.get("figure").asText()).isEqualTo("year-total");
    assertThat(explain.get("annualFeeTotal").decimalValue()).isEqualByComparingTo("2672250.00");
    assertThat(kolv).isNotNull();
    assertThat(kolv.get("rule").asText()).isEqualTo("totals.fee-covering-year");
    assertThat(kolv.get("facts").get(0).get("eventId").asText())
        .isEqualTo(kolvFee.metadata().eventId());
    assertThat(kolv.get("facts").get(0).get("decisionReference").asText())
        .isEqualTo("KS 2019-02-13 § 120");
    assertThat(kolv.get("facts").get(0).get("effectiveDate").asText()).isEqualTo("2019-01-01");
  }

  @Test
  void anAreaTotalAndAProjectedForumYearAreExplained() {
    JsonNode area = Json.get(stack.viewer(), "/costs/years/2023/explain?area=Regional utveckling");
    JsonNode eccar2027 =
        Json.get(stack.viewer(), "/costs/forums/" + ECCAR + "/years/2027/explain?basis=projected");

    assertThat(area.get("figure").asText()).isEqualTo("area-total");
    assertThat(area.get("annualFeeTotal").decimalValue()).isEqualByComparingTo("70000");
    assertThat(area.get("notCalculatedCount").asInt()).isEqualTo(1);
    JsonNode fee = eccar2027.get("contributions").get(0);
    assertThat(fee.get("rule").asText()).isEqualTo("fee.foreign-currency-rate");
    assertThat(fee.get("certainty").asText()).isEqualTo("PROJECTED");
    assertThat(fee.get("settings").get(0).get("key").asText()).isEqualTo("rate.EUR.2025");
    assertThat(fee.get("amountSek").decimalValue()).isEqualByComparingTo("16800.00");
  }

  @Test
  void withoutCredentialsTheAnswerIs401ProblemJson() {
    stack
        .anonymous()
        .get()
        .uri("/costs/years/2023")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://forumledger.org/problems/unauthenticated");
    stack
        .client("viewer", "wrong")
        .get()
        .uri("/costs/years/2023")
        .exchange()
        .expectStatus()
        .isUnauthorized();
    stack.anonymous().get().uri("/actuator/health").exchange().expectStatus().isOk();
    stack
        .anonymous()
        .get()
        .uri("/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.paths['/costs/years/{year}']")
        .exists();
  }

  @Test
  void aViewerMayNotRebuild() {
    stack
        .viewer()
        .post()
        .uri("/costs/admin/rebuild")
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://forumledger.org/problems/forbidden");
    stack
        .client("auditor", CostStack.AUDITOR_PASSWORD)
        .get()
        .uri("/costs/years/2023")
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void badInputIsAProblemNeverA500() {
    problem("/costs/years/abc", 400, "invalid-parameter");
    problem("/costs/years/1200", 400, "invalid-parameter");
    problem("/costs/forums/no-such-forum", 404, "unknown-forum");
    problem("/costs/mandate-periods/2023-2025", 404, "unknown-mandate-period");
    problem("/costs/mandate-periods/abc", 400, "invalid-parameter");
    problem("/costs/projections?from=2028&to=2027", 400, "invalid-parameter");
    problem("/costs/projections?from=x", 400, "invalid-parameter");
    problem("/costs/projections?from=2026&to=2040", 422, "rule-broken");
    stack
        .viewer()
        .get()
        .uri("/costs/projections?from=2026&to=2040")
        .exchange()
        .expectBody()
        .jsonPath("$.rule")
        .isEqualTo("beyond-projection-horizon");
    problem("/costs/years/2023/explain?basis=guess", 400, "invalid-parameter");
  }

  @Test
  void aMalformedYearSaysWhatWasWrong() {
    stack
        .viewer()
        .get()
        .uri("/costs/years/abc")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("'year' must be a whole number, not 'abc'.")
        .jsonPath("$.parameter")
        .isEqualTo("year")
        .jsonPath("$.instance")
        .isEqualTo("/costs/years/abc");
  }

  private static void problem(String uri, int status, String slug) {
    stack
        .viewer()
        .get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://forumledger.org/problems/" + slug);
  }

  private static JsonNode find(JsonNode rows, String forumId) {
    for (JsonNode row : rows) {
      if (forumId.equals(row.get("forumId").asText())) {
        return row;
      }
    }
    throw new AssertionError("No row for " + forumId);
  }

  private static JsonNode yearOf(JsonNode years, int year) {
    for (JsonNode y : years) {
      if (y.get("year").asInt() == year) {
        return y;
      }
    }
    throw new AssertionError("No year " + year);
  }
}
