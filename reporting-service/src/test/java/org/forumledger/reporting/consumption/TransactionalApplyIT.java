package org.forumledger.reporting.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.forumledger.events.testing.ForumEvents.forum;
import static org.forumledger.reporting.support.Events.registered;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.forumledger.events.Body;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.testing.EventStream;
import org.forumledger.kit.consumer.ForumEventConsumer;
import org.forumledger.kit.consumer.HandledEvents;
import org.forumledger.reporting.audit.AuditLog;
import org.forumledger.reporting.history.Envelopes;
import org.forumledger.reporting.history.ForumFold;
import org.forumledger.reporting.history.ForumState;
import org.forumledger.reporting.history.StateChecksum;
import org.forumledger.reporting.live.ChangeFeed;
import org.forumledger.reporting.store.EventLog;
import org.forumledger.reporting.store.ForumViews;
import org.forumledger.reporting.support.AsABatchListener;
import org.forumledger.reporting.support.ReportingStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The projection applied as a batch listener applies it: several events in one transaction, a
 * transaction that rolls back leaving nothing behind (in the tables or in memory), and a second
 * instance on the same database writing a forum this one has in memory.
 */
class TransactionalApplyIT {

  private static ReportingStack stack;
  private static EventApplier applier;
  private static TransactionTemplate transactions;
  private static final EventStream events = new EventStream(1);
  private static final Map<String, ForumState> expected = new LinkedHashMap<>();

  @BeforeAll
  static void start() {
    stack = ReportingStack.start();
    stack
        .app
        .getBean(KafkaListenerEndpointRegistry.class)
        .getListenerContainer(ForumEventConsumer.LISTENER_ID)
        .stop();
    applier = stack.app.getBean(EventApplier.class);
    transactions = new TransactionTemplate(stack.app.getBean(PlatformTransactionManager.class));
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void severalEventsInOneTransactionChangeTheModelAsOneByOneWould() {
    List<EventEnvelope> batch = new ArrayList<>();
    for (String id : List.of("one", "two", "three")) {
      batch.add(events.append(registered(id, "1." + id.length(), "Forum " + id, "A")));
      batch.add(events.append(forum(id).fee(2023).amount("1000")));
    }
    batch.add(events.append(forum("one").fee(2023).amount("1500").correction()));
    batch.add(events.append(forum("two").headcount(2023, Body.SLK).people(1, 2)));
    batch.add(batch.get(1)); // a redelivery within the same transaction

    long logged = count("event_log");
    long audited = count("audit_entry");

    List<EventEnvelope> applied = applyInOneTransaction(applier, batch);

    assertThat(applied).hasSize(batch.size() - 1);
    assertThat(count("event_log")).isEqualTo(logged + batch.size() - 1);
    assertThat(count("audit_entry")).isEqualTo(audited + batch.size() - 1);
    assertThat(applier.position())
        .isEqualTo(batch.get(batch.size() - 2).metadata().globalPosition());
    assertModelIsTheFold();
    assertThat(stack.asAuditor("/audit/verify").get("intact").asBoolean()).isTrue();
  }

  @Test
  void aRolledBackTransactionLeavesNothingBehindInTheTablesOrInMemory() {
    EventEnvelope registration = events.append(registered("rb", "2.1", "Rolled back", "B"));
    applyInOneTransaction(applier, List.of(registration));
    long logged = count("event_log");

    EventEnvelope lost = events.append(forum("rb").fee(2023).amount("999"));
    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    status -> {
                      applier.remember(lost.metadata(), false);
                      applier.apply(lost);
                      throw new IllegalStateException("the database went away");
                    }))
        .hasMessageContaining("went away");
    assertThat(count("event_log")).isEqualTo(logged);

    EventEnvelope next = events.append(forum("rb").otherCost(2023).staff("10"));
    applyInOneTransaction(applier, List.of(next));
    ForumState rb = stack.app.getBean(ForumViews.class).find("rb").orElseThrow();
    assertThat(rb.fees()).isEmpty();
    assertThat(rb.otherCosts()).hasSize(1);
    assertModelIsTheFold();
    assertThat(stack.asAuditor("/audit/verify").get("intact").asBoolean()).isTrue();
  }

  @Test
  void aForumWrittenByAnotherInstanceMeanwhileIsFoldedOntoItsRowAsItIsNow() {
    applyInOneTransaction(
        applier,
        List.of(
            events.append(registered("shared", "3.1", "Shared", "C")),
            events.append(forum("shared").fee(2023).amount("100"))));
    EventApplier otherInstance =
        new EventApplier(
            stack.app.getBean(EventLog.class),
            stack.app.getBean(ForumViews.class),
            stack.app.getBean(AuditLog.class),
            new CommittedForums(100),
            new ChangeFeed(),
            Clock.systemUTC());
    applyInOneTransaction(
        otherInstance, List.of(events.append(forum("shared").otherCost(2023).staff("50"))));

    applyInOneTransaction(
        applier, List.of(events.append(forum("shared").headcount(2023, Body.KS).people(2, 2))));

    ForumState shared = stack.app.getBean(ForumViews.class).find("shared").orElseThrow();
    assertThat(shared.fees()).hasSize(1);
    assertThat(shared.otherCosts()).hasSize(1);
    assertThat(shared.headcounts()).hasSize(1);
    assertModelIsTheFold();
    assertThat(stack.asAuditor("/audit/verify").get("intact").asBoolean()).isTrue();
  }

  /**
   * A batch's events are remembered in one statement when the batch is decided. An event another
   * consumer instance committed meanwhile must not be applied a second time: the whole batch rolls
   * back (to be decided again, one record at a time, by the kit's listener), writing nothing.
   */
  @Test
  void aBatchWhoseEventAnotherInstanceHandledMeanwhileRollsBackWhole() {
    EventEnvelope mine = events.append(registered("meanwhile-a", "7.1", "Mine", "C"));
    EventEnvelope theirs = events.append(registered("meanwhile-b", "7.2", "Theirs", "C"));
    long logged = count("event_log");
    long audited = count("audit_entry");
    long positionBefore = applier.position();
    DataSource dataSource = stack.app.getBean(DataSource.class);
    try {
      assertThatThrownBy(
              () ->
                  transactions.executeWithoutResult(
                      status -> {
                        HandledEvents.Batch batch =
                            applier.batch(() -> List.of(mine.metadata(), theirs.metadata()));
                        assertThat(batch.remember(mine.metadata(), false)).isTrue();
                        applier.apply(mine);
                        assertThat(batch.remember(theirs.metadata(), false)).isTrue();
                        applier.apply(theirs);
                        assertThat(batch.remember(mine.metadata(), false))
                            .as("twice in one batch")
                            .isFalse();
                        insertOnAnotherConnection(dataSource, theirs);
                        batch.finish();
                      }))
          .hasMessageContaining("handled meanwhile");

      assertThat(countOf("applied_event", mine)).isZero();
      assertThat(countOf("applied_event", theirs)).isEqualTo(1);
      assertThat(count("event_log")).isEqualTo(logged);
      assertThat(count("audit_entry")).isEqualTo(audited);
      assertThat(applier.position()).isEqualTo(positionBefore);
      assertThat(stack.app.getBean(ForumViews.class).find("meanwhile-a")).isEmpty();

      // decided again, as the listener does after a failed batch: the other's event is a duplicate
      assertThat(applyInOneTransaction(applier, List.of(mine, theirs))).containsExactly(mine);
      assertThat(countOf("event_log", mine)).isEqualTo(1);
      assertThat(countOf("event_log", theirs)).isZero();
      assertModelIsTheFold();
      assertThat(stack.asAuditor("/audit/verify").get("intact").asBoolean()).isTrue();
    } finally {
      stack.jdbc.update(
          "delete from applied_event where event_id = ?", theirs.metadata().eventId());
    }
  }

  private static void insertOnAnotherConnection(DataSource dataSource, EventEnvelope event) {
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(true);
      try (PreparedStatement insert =
          other.prepareStatement(
              "insert into applied_event (event_id, global_position, forum_id, applied_at)"
                  + " values (?, ?, ?, now())")) {
        insert.setString(1, event.metadata().eventId());
        insert.setLong(2, event.metadata().globalPosition());
        insert.setString(3, event.metadata().forumId());
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long countOf(String table, EventEnvelope event) {
    return stack.jdbc.queryForObject(
        "select count(*) from " + table + " where event_id = ?",
        Long.class,
        event.metadata().eventId());
  }

  /** As the kit's batch listener does, and folded into what the model should be. */
  private static List<EventEnvelope> applyInOneTransaction(
      EventApplier projection, List<EventEnvelope> batch) {
    List<EventEnvelope> applied =
        AsABatchListener.applyInOneTransaction(projection, transactions, batch);
    applied.forEach(
        envelope -> {
          EventEnvelope normalised = Envelopes.normalised(envelope);
          ForumState next =
              ForumFold.apply(expected.get(normalised.metadata().forumId()), normalised);
          if (next != null) {
            expected.put(next.forumId(), next);
          }
        });
    return applied;
  }

  private static void assertModelIsTheFold() {
    List<ForumState> stored = stack.app.getBean(ForumViews.class).all();
    assertThat(StateChecksum.of(stored)).isEqualTo(StateChecksum.of(expected.values()));
    assertThat(stack.asViewer("/forums").get("count").asInt()).isEqualTo(expected.size());
  }

  private static long count(String table) {
    return stack.jdbc.queryForObject("select count(*) from " + table, Long.class);
  }
}
