package org.forumledger.cost.readmodel;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.forumledger.events.EventMetadata;
import org.forumledger.kit.consumer.HandledEvents;
import org.forumledger.kit.consumer.NewEventsBatch;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The events the cost read model has handled ({@code applied_event}): their ids make a redelivery
 * change nothing, their metadata is what an explanation cites, their highest position is the
 * position every answer is labelled with (kept in {@code read_model_state}).
 */
@Component
public class AppliedEvents implements HandledEvents {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public AppliedEvents(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public long position() {
    return state(jdbc).position();
  }

  /** One row, whatever the length of the history. */
  static ReadModelState state(JdbcTemplate jdbc) {
    return jdbc.queryForObject(
        "select position, version from read_model_state",
        (rs, n) -> new ReadModelState(rs.getLong("position"), rs.getLong("version")));
  }

  /**
   * Inserts the event and, only when it is new, moves the read model's position and version, in one
   * round trip and in the caller's transaction, so several events in one transaction each move them
   * once.
   */
  @Override
  public boolean remember(EventMetadata m, boolean skipped) {
    int moved =
        jdbc.update(
            """
            with remembered as (
                insert into applied_event (event_id, global_position, forum_id, applied_at,
                    event_type, event_version, recorded_at, effective_date, decision_reference,
                    actor, reason, skipped)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (event_id) do nothing
                returning global_position)
            update read_model_state
            set position = greatest(position, remembered.global_position), version = version + 1
            from remembered
            """,
            m.eventId(),
            m.globalPosition(),
            m.forumId(),
            Timestamp.from(clock.instant()),
            m.eventType(),
            m.eventVersion(),
            m.recordedAt() == null ? null : Timestamp.from(m.recordedAt()),
            EventApplier.date(m.effectiveDate()),
            m.decisionReference(),
            m.actor(),
            m.reason(),
            skipped);
    return moved == 1;
  }

  /**
   * A batch's events looked up in one query and written in one statement when the batch is decided,
   * the position and version moved once for all of them: three statements for the batch where each
   * event took one of its own. An event this batch took for new but that another consumer instance
   * handled meanwhile makes {@link Batch#finish} throw, and the batch's transaction rolls back.
   */
  @Override
  public Batch batch(Supplier<List<EventMetadata>> expected) {
    return new NewEventsBatch(jdbc, expected.get()) {
      @Override
      protected int insert(List<New> events) {
        return AppliedEvents.this.insert(events);
      }
    };
  }

  private int insert(List<NewEventsBatch.New> rows) {
    int n = rows.size();
    Object[] ids = new Object[n];
    Object[] positions = new Object[n];
    Object[] forums = new Object[n];
    Object[] types = new Object[n];
    Object[] versions = new Object[n];
    Object[] recordedAt = new Object[n];
    Object[] effective = new Object[n];
    Object[] decisions = new Object[n];
    Object[] actors = new Object[n];
    Object[] reasons = new Object[n];
    Object[] skipped = new Object[n];
    long highest = Long.MIN_VALUE;
    for (int k = 0; k < n; k++) {
      EventMetadata m = rows.get(k).metadata();
      ids[k] = m.eventId();
      positions[k] = m.globalPosition();
      forums[k] = m.forumId();
      types[k] = m.eventType();
      versions[k] = m.eventVersion();
      // an array's timestamps are cut to the microsecond; a parameter's are rounded, as the copy's
      recordedAt[k] =
          m.recordedAt() == null ? null : Timestamp.from(CopyText.toMicros(m.recordedAt()));
      effective[k] = EventApplier.date(m.effectiveDate());
      decisions[k] = m.decisionReference();
      actors[k] = m.actor();
      reasons[k] = m.reason();
      skipped[k] = rows.get(k).skipped();
      highest = Math.max(highest, m.globalPosition());
    }
    Timestamp appliedAt = Timestamp.from(clock.instant());
    int inserted =
        jdbc.execute(
            (ConnectionCallback<Integer>)
                connection -> {
                  try (PreparedStatement insert =
                      connection.prepareStatement(
                          """
                          insert into applied_event (event_id, global_position, forum_id,
                              event_type, event_version, recorded_at, effective_date,
                              decision_reference, actor, reason, skipped, applied_at)
                          select u.*, ?::timestamptz
                          from unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::int[],
                              ?::timestamptz[], ?::date[], ?::text[], ?::text[], ?::text[],
                              ?::boolean[]) as u
                          on conflict (event_id) do nothing
                          """)) {
                    insert.setTimestamp(1, appliedAt);
                    insert.setArray(2, connection.createArrayOf("text", ids));
                    insert.setArray(3, connection.createArrayOf("int8", positions));
                    insert.setArray(4, connection.createArrayOf("text", forums));
                    insert.setArray(5, connection.createArrayOf("text", types));
                    insert.setArray(6, connection.createArrayOf("int4", versions));
                    insert.setArray(7, connection.createArrayOf("timestamptz", recordedAt));
                    insert.setArray(8, connection.createArrayOf("date", effective));
                    insert.setArray(9, connection.createArrayOf("text", decisions));
                    insert.setArray(10, connection.createArrayOf("text", actors));
                    insert.setArray(11, connection.createArrayOf("text", reasons));
                    insert.setArray(12, connection.createArrayOf("bool", skipped));
                    return insert.executeUpdate();
                  }
                });
    // a shortfall rolls the batch back (NewEventsBatch.finish), this update with it
    jdbc.update(
        "update read_model_state set position = greatest(position, ?), version = version + ?",
        highest,
        n);
    return inserted;
  }
}
