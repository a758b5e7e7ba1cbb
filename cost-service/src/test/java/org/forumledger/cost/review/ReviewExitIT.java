package org.forumledger.cost.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.forumledger.events.testing.CityFacts.assessed;
import static org.forumledger.events.testing.CityFacts.decided;
import static org.forumledger.events.testing.CityFacts.goal;
import static org.forumledger.events.testing.CityFacts.reviewOpened;
import static org.forumledger.events.testing.CityFacts.unit;
import static org.forumledger.events.testing.ForumEvents.forum;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.forumledger.cost.support.CostStack;
import org.forumledger.cost.support.Json;
import org.forumledger.events.Body;
import org.forumledger.events.CourseOfAction;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.Necessity;
import org.forumledger.events.ParticipationRef;
import org.forumledger.events.UnitKind;
import org.forumledger.events.testing.EventStream;
import org.forumledger.events.testing.Inventory2023;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14, exits priced, with the 2023 data loaded through a real broker into a real database: the
 * board decides that the city leaves the Swedish Institute for Quality (2.12.5.1, 200 tkr a year,
 * no other cost) from 2025-01-01; the projections lose exactly that fee from 2025 on, the review's
 * savings are that fee per year and per mandate period, a redelivery changes nothing, a rebuild
 * gives the live checksum, and the 2023 totals stay as the report prints them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewExitIT {

  static final Duration PATIENCE = Duration.ofSeconds(60);
  static final EventStream events = new EventStream();
  static final String SIQ = "2.12.5.1";
  static final BigDecimal SIQ_FEE = new BigDecimal("200000");
  static final String REVIEW = "oversyn-2024";
  static final ParticipationRef SIQ_KS = new ParticipationRef(SIQ, Body.KS);

  static CostStack stack;
  static Map<Integer, JsonNode> before = new HashMap<>();
  static EventEnvelope opened;
  static EventEnvelope decision;

  @BeforeAll
  static void start() throws Exception {
    stack = CostStack.start(Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC));
    stack.publishAndWait(Inventory2023.facts(events));
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  static Map<Integer, JsonNode> projectedYears() {
    JsonNode projections = Json.get(stack.viewer(), "/costs/projections?from=2023&to=2030");
    Map<Integer, JsonNode> years = new HashMap<>();
    projections.get("years").forEach(y -> years.put(y.get("year").asInt(), y));
    return years;
  }

  static JsonNode savings() {
    return Json.get(stack.viewer(), "/costs/reviews/" + REVIEW + "/savings");
  }

  static JsonNode savingsOf(JsonNode savings, int year) {
    for (JsonNode y : savings.get("years")) {
      if (y.get("year").asInt() == year) {
        return y;
      }
    }
    throw new AssertionError("no year " + year + " in " + savings);
  }

  static JdbcTemplate jdbc() {
    return stack.context().getBean(JdbcTemplate.class);
  }

  static void assertThe2023TotalsAsReported() {
    JsonNode y2023 = Json.get(stack.viewer(), "/costs/years/2023");
    assertThat(y2023.get("annualFeeTotal").decimalValue()).isEqualByComparingTo("7905000");
    assertThat(y2023.get("otherCostTotal").decimalValue()).isEqualByComparingTo("2079000");
    assertThat(y2023.get("notCalculatedCount").asInt()).isEqualTo(6);
  }

  @Test
  @Order(1)
  void theInventoryReadAsStoredBeforeUnitsGivesThe2023TotalsAndNoReviewIsKnownYet() {
    assertThe2023TotalsAsReported();
    // the KS and SLK headcounts are the two bodies as every event before units named them
    assertThat(
            jdbc()
                .queryForObject(
                    "select count(*) from applied_event where event_type ="
                        + " 'forum.HeadcountRecorded' and not skipped",
                    Long.class))
        .isPositive();
    stack
        .viewer()
        .get()
        .uri("/costs/reviews/" + REVIEW + "/savings")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.reviewId")
        .isEqualTo(REVIEW);
    before.putAll(projectedYears());
  }

  @Test
  @Order(2)
  void anExitFrom2025RemovesExactlyThatFeeFromTheProjectionsAndTheSavingEqualsIt() {
    double skippedBefore = stack.counter("ledger.events.skipped");
    List<EventEnvelope> batch = new ArrayList<>();
    batch.add(events.append(unit("MKN", "Miljö- och klimatnämnden", UnitKind.COMMITTEE)));
    batch.add(events.append(goal("kompetensforsorjning", "Kompetensförsörjning")));
    batch.add(events.append(forum(SIQ).goalsLinked(Body.KS, "kompetensforsorjning")));
    opened = events.append(reviewOpened(REVIEW, "2024-05-02", List.of(SIQ_KS)));
    batch.add(opened);
    batch.add(
        events.append(
            assessed(
                REVIEW,
                SIQ_KS,
                Necessity.NOT_NECESSARY,
                CourseOfAction.leave(LocalDate.parse("2025-01-01")))));
    decision =
        events.append(
            decided(
                REVIEW, SIQ_KS, CourseOfAction.leave(LocalDate.parse("2025-01-01")), "2024-11-20"));
    batch.add(decision);
    stack.publishAndWait(batch);

    // units, goals, goals linked and assessments are known and carry no cost: applied, not skipped
    assertThat(stack.counter("ledger.events.skipped")).isEqualTo(skippedBefore);
    assertThat(
            jdbc()
                .queryForList(
                    "select event_type from applied_event where global_position >= ? and skipped",
                    String.class,
                    batch.get(0).metadata().globalPosition()))
        .isEmpty();

    Map<Integer, JsonNode> after = projectedYears();
    for (int year = 2023; year <= 2030; year++) {
      BigDecimal removed =
          before
              .get(year)
              .get("annualFeeTotal")
              .decimalValue()
              .subtract(after.get(year).get("annualFeeTotal").decimalValue());
      assertThat(removed)
          .as("fee removed in %s", year)
          .isEqualByComparingTo(year >= 2025 ? SIQ_FEE : BigDecimal.ZERO);
      assertThat(after.get(year).get("otherCostTotal").decimalValue())
          .as("other costs of %s", year)
          .isEqualByComparingTo(before.get(year).get("otherCostTotal").decimalValue());
    }
    JsonNode explain =
        Json.get(stack.viewer(), "/costs/forums/" + SIQ + "/years/2025/explain?basis=projected");
    JsonNode fee = explain.get("contributions").get(0);
    assertThat(fee.get("component").asText()).isEqualTo("annualFee");
    assertThat(fee.get("rule").asText()).isEqualTo("exit.review-decision");
    assertThat(fee.get("explanation").asText())
        .contains("review " + REVIEW, "KS 2024-11-20 § 1", "2025-01-01");
    assertThat(fee.toString()).contains(decision.metadata().eventId());

    JsonNode savings = savings();
    assertThat(savings.get("title").asText()).isEqualTo("Review " + REVIEW);
    assertThat(savings.get("position").asLong()).isEqualTo(decision.metadata().globalPosition());
    for (int year : List.of(2023, 2024)) {
      assertThat(savingsOf(savings, year).get("savingSek").decimalValue()).isZero();
      assertThat(savingsOf(savings, year).get("lines")).isEmpty();
    }
    for (int year : List.of(2025, 2026)) {
      JsonNode y = savingsOf(savings, year);
      assertThat(y.get("savingSek").decimalValue()).isEqualByComparingTo(SIQ_FEE);
      assertThat(y.get("lines")).hasSize(1);
      JsonNode line = y.get("lines").get(0);
      assertThat(line.get("forumId").asText()).isEqualTo(SIQ);
      assertThat(line.get("inventoryReference").asText()).isEqualTo(SIQ);
      assertThat(line.get("body").asText()).isEqualTo("KS");
      assertThat(line.get("feeSek").decimalValue()).isEqualByComparingTo(SIQ_FEE);
      assertThat(line.get("otherSek").decimalValue()).isZero();
      assertThat(line.get("explanation").asText()).contains("exit.review-decision", REVIEW);
    }
    JsonNode period = savings.get("periods").get(0);
    assertThat(period.get("period").asText()).isEqualTo("2023-2026");
    assertThat(period.get("savingSek").decimalValue())
        .isEqualByComparingTo(SIQ_FEE.multiply(BigDecimal.valueOf(2)));
    assertThat(savings.get("notCalculated").asInt()).isZero();
    assertThe2023TotalsAsReported();
  }

  @Test
  @Order(3)
  void aRedeliveredDecisionAndOpeningChangeNothing() {
    JsonNode checksum = Json.get(stack.viewer(), "/costs/checksum");
    JsonNode savings = savings();
    double duplicates = stack.counter("ledger.events.duplicate");

    stack.publish(decision);
    stack.publish(opened);

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> assertThat(stack.counter("ledger.events.duplicate")).isEqualTo(duplicates + 2));
    assertThat(Json.get(stack.viewer(), "/costs/checksum")).isEqualTo(checksum);
    assertThat(savings()).isEqualTo(savings);
  }

  @Test
  @Order(4)
  void theRebuildGivesTheLiveChecksumAndTheSameSavings() {
    JsonNode live = Json.get(stack.viewer(), "/costs/checksum");
    JsonNode liveSavings = savings();
    JsonNode liveProjections = Json.get(stack.viewer(), "/costs/projections?from=2023&to=2030");

    JsonNode rebuilt = stack.rebuild();

    assertThat(rebuilt.get("state").asText()).isEqualTo("DONE");
    assertThat(rebuilt.get("skippedUnknownType").asLong()).isZero();
    JsonNode after = Json.get(stack.viewer(), "/costs/checksum");
    assertThat(after.get("checksum").asText()).isEqualTo(live.get("checksum").asText());
    assertThat(after.get("eventCount").asLong()).isEqualTo(live.get("eventCount").asLong());
    assertThat(savings()).isEqualTo(liveSavings);
    assertThat(Json.get(stack.viewer(), "/costs/projections?from=2023&to=2030"))
        .isEqualTo(liveProjections);
    assertThe2023TotalsAsReported();
  }

  @Test
  @Order(5)
  void aLaterDecisionToContinueCancelsTheExitLiveAndRebuilt() {
    stack.publishAndWait(
        List.of(events.append(decided(REVIEW, SIQ_KS, CourseOfAction.toContinue(), "2025-02-12"))));

    Map<Integer, JsonNode> after = projectedYears();
    for (int year = 2023; year <= 2030; year++) {
      assertThat(after.get(year).get("annualFeeTotal").decimalValue())
          .isEqualByComparingTo(before.get(year).get("annualFeeTotal").decimalValue());
    }
    JsonNode savings = savings();
    assertThat(savings.get("periods").get(0).get("savingSek").decimalValue()).isZero();
    assertThat(savingsOf(savings, 2025).get("lines")).isEmpty();
    assertThat(
            jdbc()
                .queryForObject(
                    "select superseded_event_ids[1] from review_decision where review_id = ?",
                    String.class,
                    REVIEW))
        .isEqualTo(decision.metadata().eventId());

    JsonNode live = Json.get(stack.viewer(), "/costs/checksum");
    stack.rebuild();
    assertThat(Json.get(stack.viewer(), "/costs/checksum").get("checksum").asText())
        .isEqualTo(live.get("checksum").asText());
  }
}
