package org.forumledger.cost.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.forumledger.events.testing.ForumEvents.forum;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.forumledger.cost.support.CostStack;
import org.forumledger.cost.support.Json;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.testing.EventStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL stopped under a running consumer while events keep coming: the consumer waits for the
 * database instead of parking or skipping what it cannot write, and once the database is back every
 * event is applied exactly once.
 */
class DatabaseOutageConsumptionIT {

  static final int FORUMS = 20;
  static final EventStream events = new EventStream();
  static CostStack stack;

  @BeforeAll
  static void start() throws Exception {
    stack = CostStack.start();
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  static EventEnvelope registered(String forum, String reference, int year) {
    return events.append(
        forum(forum)
            .registered()
            .reference(reference)
            .inArea("Area O")
            .convenedBy("SKR")
            .effective(LocalDate.of(year, 1, 1)));
  }

  static JdbcTemplate jdbc() {
    return stack.context().getBean(JdbcTemplate.class);
  }

  @Test
  void eventsPublishedWhileTheDatabaseIsAwayAreAllAppliedOnceWhenItIsBack() {
    String warm = "warm-" + UUID.randomUUID();
    EventEnvelope first = registered(warm, "9.9.0", 2060);
    double countedBefore = stack.counter("ledger.events.applied");
    stack.publish(first);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(Json.get(stack.viewer(), "/costs/checksum").get("position").asLong())
                    .isEqualTo(first.metadata().globalPosition()));
    // the consumer counts a batch after its transaction commits: the count may trail the position
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> stack.counter("ledger.events.applied") >= countedBefore + 1);
    double appliedBefore = stack.counter("ledger.events.applied");

    stack.infra().stopPostgres();
    String prefix = "outage-" + UUID.randomUUID() + "-";
    for (int i = 0; i < FORUMS; i++) {
      stack.publish(registered(prefix + i, "9.9." + (i + 1), 2061));
      stack.publish(events.append(forum(prefix + i).fee(2061).until(2061).amount("100")));
    }
    stack.infra().startPostgres();
    long restartedAt = System.nanoTime();

    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(() -> stack.counter("ledger.events.applied") >= appliedBefore + 2 * FORUMS);
    System.out.printf(
        "MEASURED consumer caught up on %d events %d ms after the restart%n",
        2 * FORUMS, Duration.ofNanos(System.nanoTime() - restartedAt).toMillis());

    JsonNode year = Json.get(stack.viewer(), "/costs/years/2061");
    // the warm-up forum, registered the year before, is still taking part
    assertThat(year.get("forumCount").asInt()).isEqualTo(FORUMS + 1);
    assertThat(year.get("annualFeeTotal").decimalValue()).isEqualByComparingTo("2000");
    assertThat(
            jdbc()
                .queryForObject(
                    "select count(*) from applied_event where forum_id like ?",
                    Long.class,
                    prefix + "%"))
        .isEqualTo(2L * FORUMS);
    assertThat(stack.counter("ledger.events.applied")).isEqualTo(appliedBefore + 2 * FORUMS);
    assertThat(stack.counter("ledger.events.dead-lettered")).isZero();
    assertThat(stack.counter("ledger.events.skipped", "reason", "unknown-type")).isZero();
    assertThat(stack.counter("ledger.events.duplicate")).isZero();
  }
}
