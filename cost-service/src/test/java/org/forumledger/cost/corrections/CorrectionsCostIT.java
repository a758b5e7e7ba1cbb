package org.forumledger.cost.corrections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.forumledger.events.testing.ForumEvents.forum;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.forumledger.cost.support.CostStack;
import org.forumledger.cost.support.Json;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.testing.EventStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, through a real broker into a real database: a forum ended by mistake and reopened
 * counts again, with its open-ended fee, in every year the end had taken from it; a cost of a year
 * before the end, recorded after it, is counted; a forum that stays ended is not counted after.
 */
class CorrectionsCostIT {

  static final EventStream events = new EventStream();
  static final List<EventEnvelope> published = new ArrayList<>();
  static CostStack stack;

  static final String REOPENED = "forum-reopened";
  static final String ENDED = "forum-ended";

  @BeforeAll
  static void start() throws Exception {
    stack = CostStack.start();
    register(REOPENED, "9.1.1");
    add(forum(REOPENED).fee(2023).amount("100000"));
    add(
        forum(REOPENED)
            .status(ForumStatus.ENDED)
            .from("2024-01-01")
            .because("Left the network")
            .decision("KS 2023-12-13 § 900"));
    add(
        forum(REOPENED)
            .status(ForumStatus.ACTIVE)
            .from("2025-03-01")
            .because("The end was recorded by mistake")
            .decision("KS 2025-02-26 § 120"));

    register(ENDED, "9.1.2");
    add(forum(ENDED).fee(2023).amount("40000"));
    add(forum(ENDED).status(ForumStatus.ENDED).from("2024-01-01").decision("KS 2023-12-13 § 901"));
    // a 2023 cost learned after the end: a correction of what was true while the forum existed
    add(
        forum(ENDED)
            .otherCost(2023)
            .staff("7000")
            .because("Staff time of 2023 reported late")
            .decision("KS 2024-03-20 § 210"));

    published.forEach(stack::publish);
    long last = published.get(published.size() - 1).metadata().globalPosition();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(Json.get(stack.viewer(), "/costs/checksum").get("position").asLong())
                    .isEqualTo(last));
  }

  private static void register(String id, String reference) {
    add(forum(id).registered().reference(reference).inArea("Test").effective("2023-01-01"));
  }

  private static void add(org.forumledger.events.testing.EventBuilder<?, ?> builder) {
    published.add(events.append(builder));
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aReopenedForumCountsWithItsFeeInTheYearsItsMistakenEndHadTakenFromIt() {
    for (int year = 2024; year <= 2026; year++) {
      JsonNode totals = Json.get(stack.viewer(), "/costs/years/" + year);
      assertThat(totals.get("forumCount").asInt()).as("forums in %s", year).isEqualTo(1);
      assertThat(totals.get("annualFeeTotal").decimalValue())
          .as("fees in %s", year)
          .isEqualByComparingTo("100000");
    }
  }

  @Test
  void aCostOfAYearBeforeTheEndRecordedAfterItIsCounted() {
    JsonNode totals = Json.get(stack.viewer(), "/costs/years/2023");
    assertThat(totals.get("forumCount").asInt()).isEqualTo(2);
    assertThat(totals.get("annualFeeTotal").decimalValue()).isEqualByComparingTo("140000");
    assertThat(totals.get("otherCostTotal").decimalValue()).isEqualByComparingTo("7000");
  }
}
