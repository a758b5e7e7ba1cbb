package org.forumledger.reporting.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.forumledger.events.testing.ForumEvents.forum;
import static org.forumledger.reporting.support.Events.registered;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.testing.EventStream;
import org.forumledger.reporting.support.ReportingStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped under the running reporting consumer while events keep coming: the consumer
 * waits for the database instead of dead-lettering or skipping what it cannot write, and once the
 * database is back every event is applied exactly once, in the totals and in an intact audit chain.
 */
class DatabaseOutageConsumptionIT {

  static final int FORUMS = 20;
  static final String AREA = "Område under avbrott";
  static final EventStream events = new EventStream();
  static ReportingStack stack;

  @BeforeAll
  static void start() {
    stack = ReportingStack.start();
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  static EventEnvelope registration(String forum, int number) {
    return events.append(
        registered(forum, "9.9." + number, "Forum " + number, AREA)
            .effective(LocalDate.of(2061, 1, 1)));
  }

  /**
   * The applied count once the warm-up event is both stored and counted: the consumer counts after
   * its transaction commits, so reading the counter as soon as the row is visible could miss it.
   */
  static double appliedOnceCounted(EventEnvelope warm) {
    double countedBefore = stack.counter("ledger.events.applied");
    stack.publish(warm);
    stack.awaitHandled(warm.metadata().eventId());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> stack.counter("ledger.events.applied") >= countedBefore + 1);
    return stack.counter("ledger.events.applied");
  }

  @Test
  void eventsPublishedWhileTheDatabaseIsAwayAreAllAppliedOnceWhenItIsBack() {
    double appliedBefore = appliedOnceCounted(registration("warm-" + UUID.randomUUID(), 0));

    stack.infra.stopPostgres();
    String prefix = "outage-" + UUID.randomUUID() + "-";
    EventEnvelope last = null;
    for (int i = 0; i < FORUMS; i++) {
      stack.publish(registration(prefix + i, i + 1));
      last = events.append(forum(prefix + i).fee(2061).until(2061).amount("100"));
      stack.publish(last);
    }
    stack.infra.startPostgres();
    long restartedAt = System.nanoTime();

    long lastPosition = last.metadata().globalPosition();
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(
            () ->
                stack.asViewer("/reports/totals?year=2061").get("position").asLong()
                    >= lastPosition);
    System.out.printf(
        "MEASURED reporting caught up on %d events %d ms after the restart%n",
        2 * FORUMS, Duration.ofNanos(System.nanoTime() - restartedAt).toMillis());

    JsonNode totals = stack.asViewer("/reports/totals?year=2061");
    assertThat(totals.get("forumCount").asInt()).isEqualTo(FORUMS + 1);
    assertThat(totals.get("annualFeeTotal").decimalValue()).isEqualByComparingTo("2000");
    assertThat(
            stack.jdbc.queryForObject(
                "select count(*) from applied_event where forum_id like ?",
                Long.class,
                prefix + "%"))
        .isEqualTo(2L * FORUMS);
    assertThat(stack.asAuditor("/audit/verify").get("intact").asBoolean()).isTrue();
    // counted after the transaction commits: the count may trail the position
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> stack.counter("ledger.events.applied") >= appliedBefore + 2 * FORUMS);
    assertThat(stack.counter("ledger.events.applied")).isEqualTo(appliedBefore + 2 * FORUMS);
    assertThat(stack.counter("ledger.events.dead-lettered")).isZero();
    assertThat(stack.counter("ledger.events.skipped", "reason", "unknown-type")).isZero();
    assertThat(stack.counter("ledger.events.duplicate")).isZero();
  }
}
